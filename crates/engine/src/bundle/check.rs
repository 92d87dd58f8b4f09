//! Checking untrusted bundle text. Problems are values with their place
//! (`releases[3].published`), so the app and `newsroom-cli check` word them
//! the same way. A release with any problem is left out and counted; the
//! others are kept.

mod fields;
mod release;
mod strict;
mod text_rule;
mod typed;

use serde_json::Value;
use std::fmt;

use self::fields::{Fields, Found, describe};
use self::release::{Collected, check_release};
pub use self::text_rule::is_carriable;
use super::model::{BUNDLE_VERSION, Bundle, Site};

/// Size limits that keep one runaway field from freezing a reader's browser.
pub mod limits {
    pub const TITLE_CHARS: usize = 400;
    pub const SUMMARY_CHARS: usize = 5_000;
    pub const BODY_BYTES: usize = 500_000;
    pub const LABEL_CHARS: usize = 120;
    pub const LIST_ITEMS: usize = 50;
    pub const URL_CHARS: usize = 2_000;
    pub const SITE_TEXT_CHARS: usize = 300;
    pub const IMAGE_FILE_CHARS: usize = 500;
    pub const ALT_CHARS: usize = 400;
    pub const CREDIT_CHARS: usize = 200;
    pub const IMAGE_PIXELS: u64 = 100_000;
    /// A bundle is 4 levels deep (top level, list of releases, release,
    /// list of labels); this leaves room for additions and stays under
    /// `serde_json`'s own limit of 128.
    pub const NESTING_LEVELS: usize = 32;
}

/// One thing wrong with one place in the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the JSON: `releases[3].published`.
    pub path: String,
    /// What, for a person: `"2023-13-01" is not a date (YYYY-MM-DD)`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A bundle that cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Not JSON; `line` and `column` are 1-based.
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    /// An HTML page where JSON was expected (a wrong path on many hosts).
    Html,
    /// The file is empty.
    Empty,
    /// Not UTF-8 text; `byte` is the offset of the first invalid byte.
    Encoding {
        byte: usize,
    },
    /// JSON, but not strict: a key twice in one object, or nesting
    /// deeper than [`limits::NESTING_LEVELS`].
    Strict {
        problem: Problem,
        line: usize,
        column: usize,
    },
    /// JSON, but the top level is not a bundle.
    Shape(Problem),
    UnsupportedVersion(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Json { line, column, detail } => {
                write!(f, "the bundle is not valid JSON: {detail} at line {line}, column {column}")
            }
            BundleError::Html => f.write_str(
                "the bundle is an HTML page, not JSON (the server may have answered with an error page)",
            ),
            BundleError::Empty => f.write_str("the bundle is empty (0 bytes)"),
            BundleError::Encoding { byte } => write!(
                f,
                "the bundle is not UTF-8 text (the first invalid byte is at offset {byte})"
            ),
            BundleError::Strict {
                problem,
                line,
                column,
            } => write!(
                f,
                "the bundle is not strict JSON: {problem} (line {line}, column {column})"
            ),
            BundleError::Shape(problem) => write!(f, "the bundle has the wrong shape: {problem}"),
            BundleError::UnsupportedVersion(found) => write!(
                f,
                "the bundle's version is {found}, but this newsroom reads version {BUNDLE_VERSION}"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

/// The outcome of a check: the releases that passed, and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub bundle: Bundle,
    pub problems: Vec<Problem>,
    /// How many releases the source held, valid or not.
    pub releases_in_source: usize,
    /// Each kept release's position in the source's list (the derived
    /// term index names releases by these).
    pub source_positions: Vec<u32>,
}

impl Checked {
    /// How many releases were left out because of problems.
    pub fn left_out(&self) -> usize {
        self.releases_in_source - self.bundle.releases.len()
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads bundle bytes (as fetched): [`check_bundle`] once they are UTF-8.
pub fn check_bundle_bytes(bytes: &[u8]) -> Result<Checked, BundleError> {
    BundleCheck::of_bytes(bytes)?.finish()
}

/// Reads bundle text. Fails only when nothing usable is there; otherwise
/// returns the valid releases and a problem for everything wrong.
pub fn check_bundle(text: &str) -> Result<Checked, BundleError> {
    BundleCheck::new(text)?.finish()
}

/// [`check_bundle`] a slice of releases at a time ([`BundleCheck::check`]),
/// so that the app can let the browser paint and answer input in between:
/// at 1,000 releases the whole check was one task of about 45 ms in
/// Chromium here, four times that on the phone Lighthouse simulates.
pub struct BundleCheck<'a> {
    text: &'a str,
    trimmed: &'a str,
    /// Well-formed files take the typed path; anything else is read again
    /// as a tree, which can say exactly what is wrong and where.
    typed: Option<typed::TypedSteps<'a>>,
}

impl<'a> BundleCheck<'a> {
    /// Finds the releases (fails only when there is no bundle at all).
    pub fn new(text: &'a str) -> Result<BundleCheck<'a>, BundleError> {
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        if trimmed.is_empty() {
            return Err(BundleError::Empty);
        }
        if trimmed.starts_with('<') {
            return Err(BundleError::Html);
        }
        Ok(BundleCheck {
            text,
            trimmed,
            typed: typed::TypedSteps::start(trimmed),
        })
    }

    /// [`BundleCheck::new`] once the bytes are UTF-8.
    pub fn of_bytes(bytes: &'a [u8]) -> Result<BundleCheck<'a>, BundleError> {
        let text = std::str::from_utf8(bytes).map_err(|error| BundleError::Encoding {
            byte: error.valid_up_to(),
        })?;
        BundleCheck::new(text)
    }

    /// Reads and checks up to `count` more releases; whether none is left
    /// (a file that is not well-formed is left whole to `finish`).
    pub fn check(&mut self, count: usize) -> bool {
        match self.typed.as_mut().map(|typed| typed.step(count)) {
            Some(Some(done)) => done,
            Some(None) => {
                self.typed = None;
                true
            }
            None => true,
        }
    }

    /// The outcome, after checking whatever is left.
    pub fn finish(mut self) -> Result<Checked, BundleError> {
        while !self.check(usize::MAX) {}
        match self.typed {
            Some(typed) => Ok(typed.finish()),
            None => check_tree(self.text, self.trimmed),
        }
    }
}

/// A well-formed bundle read straight from `reader` (a file), checked as
/// [`check_bundle`] checks it, without its whole text in memory: a large
/// archive's text is as big again as the bundle read from it. `None` when
/// the file is not well-formed (or cannot be read): then [`check_bundle`]
/// on its text says what is wrong and where.
pub fn check_well_formed_bundle(reader: impl std::io::Read) -> Option<Checked> {
    typed::check_typed_reader(reader)
}

fn check_tree(text: &str, trimmed: &str) -> Result<Checked, BundleError> {
    let root = strict::parse_strict(trimmed).map_err(|(error, problem)| {
        let error = json_error(text, trimmed, &error);
        match (problem, error) {
            (Some(problem), BundleError::Json { line, column, .. }) => BundleError::Strict {
                problem,
                line,
                column,
            },
            (_, error) => error,
        }
    })?;
    let Value::Object(root) = root else {
        return Err(shape(
            "(top level)",
            format!("expected an object, found {}", describe(&root)),
        ));
    };
    match root.get("version") {
        None => return Err(shape("version", "missing (expected 1)".to_owned())),
        Some(Value::Number(n)) if n.as_u64() == Some(BUNDLE_VERSION) => {}
        Some(other) => return Err(BundleError::UnsupportedVersion(short_json(other))),
    }
    let site = match root.get("site") {
        None => {
            return Err(shape(
                "site",
                "missing (expected {\"name\": …, \"tagline\": …})".to_owned(),
            ));
        }
        Some(Value::Object(site)) => check_site(site)?,
        Some(other) => {
            return Err(shape(
                "site",
                format!("expected an object, found {}", describe(other)),
            ));
        }
    };
    let items = match root.get("releases") {
        None => {
            return Err(shape(
                "releases",
                "missing (expected a list of releases)".to_owned(),
            ));
        }
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(shape(
                "releases",
                format!("expected a list, found {}", describe(other)),
            ));
        }
    };
    let mut collected = Collected::with_capacity(items.len());
    for item in items {
        collected.add(|problems| match item {
            Value::Object(fields) => check_release(fields, problems),
            other => {
                problems.add("", format!("expected an object, found {}", describe(other)));
                None
            }
        });
    }
    Ok(finish(site, collected))
}

fn finish(site: Site, collected: Collected) -> Checked {
    let collected = collected.finish();
    Checked {
        bundle: Bundle {
            version: BUNDLE_VERSION,
            site,
            releases: collected.releases,
        },
        problems: collected.problems,
        releases_in_source: collected.seen,
        source_positions: collected.positions,
    }
}

fn json_error(text: &str, trimmed: &str, error: &serde_json::Error) -> BundleError {
    // Positions must count the whitespace we trimmed off: lines before
    // the JSON, and on its first line the columns before it.
    let skipped = &text[..text.len() - trimmed.len()];
    let extra_lines = skipped.matches('\n').count();
    let extra_columns = if error.line() == 1 {
        skipped
            .rsplit('\n')
            .next()
            .map_or(0, |tail| tail.chars().count())
    } else {
        0
    };
    let detail = match error.classify() {
        serde_json::error::Category::Eof => {
            "the text ends too early (is the file truncated?)".to_owned()
        }
        _ => strip_position(&error.to_string()),
    };
    BundleError::Json {
        line: error.line() + extra_lines,
        column: error.column() + extra_columns,
        detail,
    }
}

fn shape(path: &str, message: String) -> BundleError {
    BundleError::Shape(Problem {
        path: path.to_owned(),
        message,
    })
}

fn check_site<F: Fields + ?Sized>(site: &F) -> Result<Site, BundleError> {
    let text = |key: &str, required: bool| -> Result<String, BundleError> {
        let path = format!("site.{key}");
        match site.text(key) {
            Found::Absent | Found::Null if !required => Ok(String::new()),
            Found::Absent => Err(shape(&path, "missing".to_owned())),
            Found::Text(s) if required && s.trim().is_empty() => {
                Err(shape(&path, "is empty".to_owned()))
            }
            Found::Text(s) if s.chars().count() > limits::SITE_TEXT_CHARS => Err(shape(
                &path,
                format!("is longer than {} characters", limits::SITE_TEXT_CHARS),
            )),
            Found::Text(s) => match text_rule::refusal(s) {
                Some(message) => Err(shape(&path, message)),
                None => Ok(s.trim().to_owned()),
            },
            Found::Null => Err(shape(&path, "expected text, found null".to_owned())),
            Found::Other(found) => Err(shape(&path, format!("expected text, found {found}"))),
        }
    };
    Ok(Site {
        name: text("name", true)?,
        tagline: text("tagline", false)?,
    })
}

/// A value quoted for a message, cut short so a huge field stays readable.
fn quoted(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        format!("{text:?}")
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head:?}… ({} characters)", text.chars().count())
    }
}

fn short_json(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests;
