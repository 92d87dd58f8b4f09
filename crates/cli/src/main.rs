//! `newsroom-cli`: the tools a communications office runs on its releases.
//! `newsroom-cli --help` lists the commands, `newsroom-cli help <command>`
//! explains one with examples.
//!
//! Exit codes: 0 done; 1 the bundle or listing has problems (each printed
//! with its place, nothing written); 2 the command line is wrong; 3 a file
//! cannot be read or written.

mod content;
mod import;
mod progress;
mod site;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::content::{bundle_from_folder, new_release_file, write_folder};
use crate::import::import_listing;
use crate::progress::Progress;
use crate::site::{SiteAddress, publish_photos, write_site};
use newsroom_engine::bundle::{Bundle, check_bundle, check_well_formed_bundle};
use newsroom_engine::date::Date;
use newsroom_engine::derived::manifest::DataLayout;
use newsroom_engine::synth::synthetic_bundle_with_progress;

const DEFAULT_CONTENT: &str = "content";

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
        /// Write one release file per release into this content folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        content: Option<PathBuf>,
    },
    /// Write a new release file (today's date, a slug from the title, every
    /// field explained) into the content folder and print its path.
    #[command(
        after_help = "Example:\n  newsroom-cli new \"OSCE trains border officers in Khorog\""
    )]
    New {
        /// The release's headline.
        title: String,
        /// The content folder.
        #[arg(long, default_value = DEFAULT_CONTENT, value_name = "DIR")]
        content: PathBuf,
        /// The publication date (YYYY-MM-DD); today without it.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Read a content folder (site.toml and releases/*.md) into a bundle.
    #[command(
        after_help = "Example:\n  newsroom-cli content-to-bundle content -o public/releases.json"
    )]
    ContentToBundle {
        /// The content folder.
        #[arg(default_value = DEFAULT_CONTENT)]
        folder: PathBuf,
        /// Where to write the bundle; standard output without it.
        #[arg(short, long, value_name = "BUNDLE.json")]
        output: Option<PathBuf>,
    },
    /// Write a bundle as a content folder: one Markdown file per release,
    /// each photo beside its file.
    #[command(
        after_help = "Example:\n  newsroom-cli bundle-to-content public/releases.json -o content"
    )]
    BundleToContent {
        /// The bundle to write out.
        bundle: PathBuf,
        /// The content folder to create (its releases/ must hold no release files).
        #[arg(short, long, default_value = DEFAULT_CONTENT, value_name = "DIR")]
        output: PathBuf,
    },
    /// Report every problem in a bundle or content folder, with its place;
    /// exit 1 if there is one.
    #[command(
        after_help = "Examples:\n  newsroom-cli check content\n  newsroom-cli check public/releases.json"
    )]
    Check {
        /// The bundle or content folder to check.
        #[arg(default_value = DEFAULT_CONTENT)]
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
        /// How the app reads the archive: `whole` (the light index at
        /// start) or `segmented` (segments as views need them); by default
        /// segmented from 5,000 releases.
        #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
        data_layout: Option<DataLayout>,
        /// The bundle or content folder to publish.
        #[arg(default_value = DEFAULT_CONTENT)]
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
        Command::Import {
            listing,
            output,
            content,
        } => import(&listing, output.as_deref(), content.as_deref()),
        Command::New {
            title,
            content,
            date,
        } => new_release(&title, &content, date.as_deref()),
        Command::ContentToBundle { folder, output } => {
            content_to_bundle(&folder, output.as_deref())
        }
        Command::BundleToContent { bundle, output } => bundle_to_content(&bundle, &output),
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
            data_layout,
            bundle,
        } => site(&dist, &public_url, site_url, data_layout, &bundle),
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

fn import(listing: &Path, output: Option<&Path>, content: Option<&Path>) -> Result<(), Failure> {
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
    if let Some(folder) = content {
        let written = write_folder(&checked.bundle, Path::new("."), folder).map_err(Failure::Io)?;
        eprintln!("{}: {written} release files written", folder.display());
        return Ok(());
    }
    write_bundle(&bundle, output)
}

/// Writes a bundle in its canonical form to `output`, or standard output.
fn write_bundle(bundle: &Bundle, output: Option<&Path>) -> Result<(), Failure> {
    let json = bundle.to_json_pretty();
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

fn new_release(title: &str, folder: &Path, date: Option<&str>) -> Result<(), Failure> {
    let date = match date {
        Some(text) => Date::parse_iso(text).ok_or_else(|| {
            Failure::Problems(format!("--date {text:?} is not a date (YYYY-MM-DD)"))
        })?,
        None => today(),
    };
    let path = new_release_file(folder, title, date).map_err(Failure::Problems)?;
    println!("{}", path.display());
    Ok(())
}

/// Today in UTC.
fn today() -> Date {
    const UNIX_EPOCH_DAY: i32 = 719_163;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i32::try_from(seconds / 86_400).unwrap_or(0);
    Date::from_day_number(UNIX_EPOCH_DAY + days).expect("today is a date")
}

/// The folder a bundle file lives in (photo paths are relative to it).
fn folder_of(bundle: &Path) -> &Path {
    match bundle.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn content_to_bundle(folder: &Path, output: Option<&Path>) -> Result<(), Failure> {
    let bundle_dir = output.map_or(Path::new("."), folder_of);
    let bundle = bundle_from_folder(folder, bundle_dir)
        .map_err(|error| Failure::Problems(error.to_string()))?;
    write_bundle(&bundle, output)
}

fn bundle_to_content(bundle_path: &Path, folder: &Path) -> Result<(), Failure> {
    let bundle = read_checked(bundle_path)?;
    let written = write_folder(&bundle, folder_of(bundle_path), folder).map_err(Failure::Io)?;
    eprintln!("{}: {written} release files written", folder.display());
    Ok(())
}

/// Reads and checks a bundle file or a content folder, printing every
/// problem with its place; the bundle only when it is clean. A folder's
/// photo paths are relative to the folder.
fn read_checked(path: &Path) -> Result<Bundle, Failure> {
    if path.is_dir() {
        let bundle =
            bundle_from_folder(path, path).map_err(|error| Failure::Problems(error.to_string()))?;
        println!("{}: ok, {} releases", path.display(), bundle.releases.len());
        return Ok(bundle);
    }
    let shown = path.display();
    // Read as it is parsed: the text of a large archive need not be held
    // beside the bundle. Only a file with something wrong is read whole,
    // for the message saying where.
    let well_formed = std::fs::File::open(path)
        .ok()
        .and_then(|file| check_well_formed_bundle(std::io::BufReader::new(file)));
    let checked = match well_formed {
        Some(checked) => checked,
        None => {
            check_bundle(&read(path)?).map_err(|e| Failure::Problems(format!("{shown}: {e}")))?
        }
    };
    for problem in &checked.problems {
        println!("{shown}: {problem}");
    }
    let kept = checked.bundle.releases.len();
    if checked.is_clean() {
        println!("{shown}: ok, {kept} releases");
        Ok(checked.bundle)
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
    data_layout: Option<DataLayout>,
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
    let mut bundle = read_checked(bundle_path)?;
    let address = SiteAddress::new(public_url, &site_url);
    // Photo paths are relative to the folder, or to the bundle file's folder.
    let photo_dir = if bundle_path.is_dir() {
        bundle_path
    } else {
        folder_of(bundle_path)
    };
    let photos = publish_photos(&mut bundle, photo_dir, dist).map_err(|problems| {
        Failure::Problems(format!(
            "{}
{} problem(s) with photos",
            problems.join("\n"),
            problems.len()
        ))
    })?;
    let layout = data_layout.unwrap_or(DataLayout::for_archive(bundle.releases.len()));
    let written = write_site(dist, &bundle, &address, layout, Progress::on_terminal())
        .map_err(|e| Failure::io(dist, "write the site", e))?;
    eprintln!(
        "{}: {} entry pages ({} data), {photos} photos, 404.html, feed.xml and {} topic, place and type feeds, sitemap.xml, robots.txt for {}; {} light index {:.1} MB, {} body shards, {} term pieces; {} segments {:.1} MB (start columns {:.0} KB)",
        dist.display(),
        written.entry_pages,
        layout.name(),
        written.feeds,
        address.absolute(""),
        written.data_folder,
        written.light_index_bytes as f64 / 1e6,
        written.body_shards,
        written.term_pieces,
        written.segments.files,
        written.segments.bytes as f64 / 1e6,
        written.segments.start_bytes as f64 / 1e3,
    );
    Ok(())
}

fn parse_layout(name: &str) -> Result<DataLayout, String> {
    DataLayout::from_name(name)
        .ok_or_else(|| format!("{name:?} is not a layout: use whole or segmented"))
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
