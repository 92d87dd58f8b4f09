//! `newsroom-cli`: the tools a communications office runs on its releases.
//! `newsroom-cli --help` lists the commands, `newsroom-cli help <command>`
//! explains one with examples.
//!
//! Exit codes: 0 done; 1 the bundle or listing has problems (each printed
//! with its place, nothing written); 2 the command line is wrong; 3 a file
//! cannot be read or written.

mod import;
mod progress;
mod site;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::import::import_listing;
use crate::progress::Progress;
use crate::site::{SiteAddress, write_site};
use newsroom_engine::bundle::{Bundle, check_bundle};
use newsroom_engine::synth::synthetic_bundle_with_progress;

const DEFAULT_BUNDLE: &str = "public/releases.json";

#[derive(Parser)]
#[command(
    name = "newsroom-cli",
    version,
    about = "Import, check and publish a newsroom's press releases",
    after_help = "Exit codes: 0 done; 1 the input has problems (nothing written); \
                  2 wrong command line; 3 a file cannot be read or written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn listing text (a heading, a description, then each release's
    /// title, "Publishing date:", optional "Content type:", "Where we are:",
    /// "What we do:" lines and a summary) into a bundle.
    #[command(after_help = "Examples:\n  \
        newsroom-cli import data/osce-dushanbe-listing.txt -o public/releases.json\n  \
        newsroom-cli import listing.txt > bundle.json")]
    Import {
        /// The listing text.
        listing: PathBuf,
        /// Where to write the bundle; standard output without it.
        #[arg(short, long, value_name = "BUNDLE.json")]
        output: Option<PathBuf>,
    },
    /// Report every problem in a bundle, with its place; exit 1 if there is one.
    #[command(after_help = "Example:\n  newsroom-cli check public/releases.json")]
    Check {
        /// The bundle to check.
        #[arg(default_value = DEFAULT_BUNDLE)]
        bundle: PathBuf,
    },
    /// Write a deterministic synthetic bundle of N releases (for tests and
    /// the benchmark).
    #[command(after_help = "Examples:\n  \
        newsroom-cli generate 1000 --seed 1 -o bench.json\n  \
        newsroom-cli generate 100000 --no-bodies -o big.json")]
    Generate {
        /// How many releases.
        count: usize,
        /// The same seed gives the same bundle.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Leave the full texts out.
        #[arg(long)]
        no_bodies: bool,
        /// Where to write the bundle; standard output without it.
        #[arg(short, long, value_name = "BUNDLE.json")]
        output: Option<PathBuf>,
    },
    /// Check the bundle, then write it and everything derived from it (light
    /// index, body shards, term index, entry pages, 404.html, feed.xml) into
    /// a site Trunk built. Trunk's post-build hook runs this.
    #[command(after_help = "Examples:\n  \
        newsroom-cli site --dist dist --site-url https://press.example.org\n  \
        newsroom-cli site --dist dist --public-url /newsroom/ --site-url https://example.github.io bundle.json")]
    Site {
        /// The built site to complete (it must hold Trunk's index.html).
        #[arg(long, value_name = "DIR")]
        dist: PathBuf,
        /// The path the site is published under.
        #[arg(long, default_value = "/", value_name = "PATH")]
        public_url: String,
        /// The absolute origin for canonical, Open Graph and feed links.
        #[arg(long, value_name = "URL")]
        site_url: Option<String>,
        /// The bundle to publish.
        #[arg(default_value = DEFAULT_BUNDLE)]
        bundle: PathBuf,
    },
}

/// Why a command failed, and so its exit code.
enum Failure {
    /// The input has problems (already printed with their places).
    Problems(String),
    /// A file could not be read or written.
    Io(String),
}

impl Failure {
    fn io(path: &Path, what: &str, error: impl std::fmt::Display) -> Failure {
        Failure::Io(format!("{}: cannot {what}: {error}", path.display()))
    }
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Import { listing, output } => import(&listing, output.as_deref()),
        Command::Check { bundle } => read_checked(&bundle).map(|_| ()),
        Command::Generate {
            count,
            seed,
            no_bodies,
            output,
        } => generate(count, seed, !no_bodies, output.as_deref()),
        Command::Site {
            dist,
            public_url,
            site_url,
            bundle,
        } => site(&dist, &public_url, site_url, &bundle),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Err(Failure::Io(message)) => {
            eprintln!("{message}");
            ExitCode::from(3)
        }
    }
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::io(path, "read", e))
}

fn write(path: &Path, contents: &str) -> Result<(), Failure> {
    std::fs::write(path, contents).map_err(|e| Failure::io(path, "write", e))
}

fn import(listing: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let text = read(listing)?;
    let bundle = import_listing(&text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{p}", listing.display()))
            .collect();
        Failure::Problems(format!(
            "{}\n{} problem(s); nothing written",
            lines.join("\n"),
            problems.len()
        ))
    })?;
    let json = bundle.to_json_pretty();
    // The importer's output must pass the same check the app applies.
    let checked =
        check_bundle(&json).map_err(|e| Failure::Problems(format!("internal error: {e}")))?;
    if !checked.is_clean() {
        let lines: Vec<String> = checked.problems.iter().map(ToString::to_string).collect();
        return Err(Failure::Problems(format!(
            "the imported bundle does not pass the check:\n{}",
            lines.join("\n")
        )));
    }
    match output {
        Some(path) => {
            write(path, &json)?;
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

/// Reads and checks a bundle, printing every problem with its place; the
/// text and the bundle only when it is clean.
fn read_checked(path: &Path) -> Result<(String, Bundle), Failure> {
    let text = read(path)?;
    let shown = path.display();
    let checked = check_bundle(&text).map_err(|e| Failure::Problems(format!("{shown}: {e}")))?;
    for problem in &checked.problems {
        println!("{shown}: {problem}");
    }
    let kept = checked.bundle.releases.len();
    if checked.is_clean() {
        println!("{shown}: ok, {kept} releases");
        Ok((text, checked.bundle))
    } else {
        Err(Failure::Problems(format!(
            "{shown}: {} problem(s); {} of {} releases would be left out",
            checked.problems.len(),
            checked.left_out(),
            checked.releases_in_source
        )))
    }
}

fn site(
    dist: &Path,
    public_url: &str,
    site_url: Option<String>,
    bundle_path: &Path,
) -> Result<(), Failure> {
    let site_url = site_url.unwrap_or_else(|| {
        eprintln!("newsroom-cli site: no --site-url (NEWSROOM_SITE_URL); canonical links will use http://127.0.0.1:8080");
        "http://127.0.0.1:8080".to_owned()
    });
    if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
        eprintln!("error: --site-url {site_url:?} must start with https:// or http://");
        return Err(Failure::Problems(
            "nothing written: the site URL is not an http(s) origin".to_owned(),
        ));
    }
    // The source is checked before anything is derived from it.
    let (text, bundle) = read_checked(bundle_path)?;
    let address = SiteAddress::new(public_url, &site_url);
    write(&dist.join("releases.json"), &text)?;
    let written = write_site(dist, &bundle, &address, Progress::on_terminal())
        .map_err(|e| Failure::io(dist, "write the site", e))?;
    eprintln!(
        "{}: {} entry pages, 404.html, feed.xml and {} topic, place and type feeds, sitemap.xml, robots.txt for {}; {} light index {:.1} MB, {} body shards, {} term pieces",
        dist.display(),
        written.entry_pages,
        written.feeds,
        address.absolute(""),
        written.data_folder,
        written.light_index_bytes as f64 / 1e6,
        written.body_shards,
        written.term_pieces,
    );
    Ok(())
}

fn generate(
    count: usize,
    seed: u64,
    with_bodies: bool,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let bundle = {
        let step = Progress::on_terminal().step("releases", count);
        synthetic_bundle_with_progress(count, seed, with_bodies, &mut || step.advance(1))
    };
    let mut json = serde_json::to_string(&bundle).expect("a bundle always serialises");
    json.push('\n');
    match output {
        Some(path) => write(path, &json),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}
