//! `newsroom-cli`: the tools a communications office runs on its bundle.
//!
//!     newsroom-cli import LISTING.txt [-o public/releases.json]
//!     newsroom-cli check [public/releases.json]
//!     newsroom-cli generate N [--seed S] [--no-bodies] [-o FILE]
//!     newsroom-cli site --dist DIR [--public-url /] [--site-url URL] [BUNDLE.json]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsroom::bundle::{Bundle, check_bundle};
use newsroom::import::import_listing;
use newsroom::site::{SiteAddress, write_site};
use newsroom::synth::synthetic_bundle;

const USAGE: &str = "\
usage:
  newsroom-cli import LISTING.txt [-o BUNDLE.json]   turn listing text into a bundle (stdout without -o)
  newsroom-cli check [BUNDLE.json]                    report every problem in a bundle (default public/releases.json)
  newsroom-cli generate N [--seed S] [--no-bodies] [-o BUNDLE.json]
                                                      write a deterministic synthetic bundle of N releases
  newsroom-cli site --dist DIR [--public-url /] [--site-url URL] [BUNDLE.json]
                                                      check the bundle, then write the bundle, the derived
                                                      data (light index, body shards, term index), entry
                                                      pages, 404.html and feed.xml into a built site";

const DEFAULT_BUNDLE: &str = "public/releases.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("site") => site(&args[1..]),
        Some("generate") => generate(&args[1..]),
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
    read_checked(path).map(|_| ())
}

/// Reads and checks a bundle, printing every problem with its place; the
/// text and the bundle only when it is clean.
fn read_checked(path: &str) -> Result<(String, Bundle), String> {
    let text = read(Path::new(path))?;
    let checked = check_bundle(&text).map_err(|e| format!("{path}: {e}"))?;
    for problem in &checked.problems {
        println!("{path}: {problem}");
    }
    let kept = checked.bundle.releases.len();
    if checked.is_clean() {
        println!("{path}: ok, {kept} releases");
        Ok((text, checked.bundle))
    } else {
        Err(format!(
            "{path}: {} problem(s); {} of {} releases would be left out",
            checked.problems.len(),
            checked.left_out(),
            checked.releases_in_source
        ))
    }
}

/// The arguments after a subcommand; `value` takes the one after an option.
struct Options<'a>(std::slice::Iter<'a, String>);

impl Options<'_> {
    fn value(&mut self, option: &str) -> Result<String, String> {
        self.0
            .next()
            .cloned()
            .ok_or_else(|| format!("{option} needs a value\n{USAGE}"))
    }
}

fn site(args: &[String]) -> Result<(), String> {
    let mut dist = None;
    let mut public_url = "/".to_owned();
    let mut site_url = None;
    let mut bundle_path = DEFAULT_BUNDLE.to_owned();
    let mut args = Options(args.iter());
    while let Some(arg) = args.0.next() {
        let arg = arg.as_str();
        let mut value = || args.value(arg);
        match arg {
            "--dist" => dist = Some(PathBuf::from(value()?)),
            "--public-url" => public_url = value()?,
            "--site-url" => site_url = Some(value()?),
            other if !other.starts_with("--") => bundle_path = other.to_owned(),
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let dist = dist.ok_or_else(|| format!("--dist is required\n{USAGE}"))?;
    let site_url = site_url.unwrap_or_else(|| {
        eprintln!("newsroom-cli site: no --site-url (NEWSROOM_SITE_URL); canonical links will use http://127.0.0.1:8080");
        "http://127.0.0.1:8080".to_owned()
    });
    if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
        return Err(format!(
            "--site-url {site_url:?} must start with https:// or http://"
        ));
    }
    // The source is checked before anything is derived from it.
    let (text, bundle) = read_checked(&bundle_path)?;
    let address = SiteAddress::new(&public_url, &site_url);
    std::fs::write(dist.join("releases.json"), &text)
        .map_err(|e| format!("{}: {e}", dist.display()))?;
    let written =
        write_site(&dist, &bundle, &address).map_err(|e| format!("{}: {e}", dist.display()))?;
    eprintln!(
        "{}: {} entry pages, 404.html, feed.xml for {}; {} light index {:.1} MB, {} body shards, {} term pieces",
        dist.display(),
        written.entry_pages,
        address.absolute(""),
        written.data_folder,
        written.light_index_bytes as f64 / 1e6,
        written.body_shards,
        written.term_pieces,
    );
    Ok(())
}

fn generate(args: &[String]) -> Result<(), String> {
    let mut count = None;
    let mut seed = 1_u64;
    let mut with_bodies = true;
    let mut output = None;
    let mut args = Options(args.iter());
    while let Some(arg) = args.0.next() {
        let arg = arg.as_str();
        let mut value = || args.value(arg);
        match arg {
            "--seed" => {
                seed = value()?
                    .parse()
                    .map_err(|_| "--seed takes a whole number".to_owned())?
            }
            "--no-bodies" => with_bodies = false,
            "-o" => output = Some(PathBuf::from(value()?)),
            n if count.is_none() => {
                count = Some(
                    n.parse::<usize>()
                        .map_err(|_| format!("{n:?} is not a count\n{USAGE}"))?,
                )
            }
            other => return Err(format!("unexpected {other:?}\n{USAGE}")),
        }
    }
    let count = count.ok_or_else(|| USAGE.to_owned())?;
    let bundle = synthetic_bundle(count, seed, with_bodies);
    let mut json = serde_json::to_string(&bundle).map_err(|e| e.to_string())?;
    json.push('\n');
    match output {
        Some(path) => std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}
