//! `newsroom-cli`: the tools a communications office runs on its bundle.
//!
//!     newsroom-cli import LISTING.txt [-o public/releases.json]
//!     newsroom-cli check [public/releases.json]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsroom::bundle::check_bundle;
use newsroom::import::import_listing;

const USAGE: &str = "\
usage:
  newsroom-cli import LISTING.txt [-o BUNDLE.json]   turn listing text into a bundle (stdout without -o)
  newsroom-cli check [BUNDLE.json]                    report every problem in a bundle (default public/releases.json)";

const DEFAULT_BUNDLE: &str = "public/releases.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn import(args: &[String]) -> Result<(), String> {
    let (input, output) = match args {
        [input] => (input, None),
        [input, flag, output] if flag == "-o" => (input, Some(PathBuf::from(output))),
        _ => return Err(USAGE.to_owned()),
    };
    let text = read(Path::new(input))?;
    let bundle = import_listing(&text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{input}:{p}")).collect();
        format!(
            "{}\n{} problem(s); nothing written",
            lines.join("\n"),
            problems.len()
        )
    })?;
    let json = bundle.to_json_pretty();
    // The importer's output must pass the same check the app applies.
    let checked = check_bundle(&json).map_err(|e| format!("internal error: {e}"))?;
    if !checked.is_clean() {
        let lines: Vec<String> = checked.problems.iter().map(ToString::to_string).collect();
        return Err(format!(
            "the imported bundle does not pass the check:\n{}",
            lines.join("\n")
        ));
    }
    match output {
        Some(path) => {
            std::fs::write(&path, json)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            eprintln!(
                "{}: {} releases written",
                path.display(),
                bundle.releases.len()
            );
        }
        None => print!("{json}"),
    }
    Ok(())
}

fn check(args: &[String]) -> Result<(), String> {
    let path = match args {
        [] => DEFAULT_BUNDLE,
        [path] => path.as_str(),
        _ => return Err(USAGE.to_owned()),
    };
    let text = read(Path::new(path))?;
    let checked = check_bundle(&text).map_err(|e| format!("{path}: {e}"))?;
    for problem in &checked.problems {
        println!("{path}: {problem}");
    }
    let kept = checked.bundle.releases.len();
    if checked.is_clean() {
        println!("{path}: ok, {kept} releases");
        Ok(())
    } else {
        Err(format!(
            "{path}: {} problem(s); {} of {} releases would be left out",
            checked.problems.len(),
            checked.left_out(),
            checked.releases_in_source
        ))
    }
}
