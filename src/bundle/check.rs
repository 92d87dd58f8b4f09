//! Checking untrusted bundle text. Problems are values with their place
//! (`releases[3].published`), so the app and `newsroom-cli check` word them
//! the same way. A release with any problem is left out and counted; the
//! others are kept.

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt;

use super::model::{BUNDLE_VERSION, Bundle, Release, Site};
use crate::date::Date;
use crate::slug::{SLUG_RULE, Slug};

/// Size limits that keep one runaway field from freezing a reader's browser.
pub mod limits {
    pub const TITLE_CHARS: usize = 400;
    pub const SUMMARY_CHARS: usize = 5_000;
    pub const BODY_BYTES: usize = 500_000;
    pub const LABEL_CHARS: usize = 120;
    pub const LIST_ITEMS: usize = 50;
    pub const URL_CHARS: usize = 2_000;
    pub const SITE_TEXT_CHARS: usize = 300;
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

/// Reads bundle text. Fails only when nothing usable is there; otherwise
/// returns the valid releases and a problem for everything wrong.
pub fn check_bundle(text: &str) -> Result<Checked, BundleError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(BundleError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(BundleError::Html);
    }
    let root: Value = serde_json::from_str(trimmed).map_err(|error| {
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
    let site = check_site(root.get("site"))?;
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

    let mut problems = Vec::new();
    if items.is_empty() {
        problems.push(Problem {
            path: "releases".into(),
            message: "the list is empty: there are no releases to show".into(),
        });
    }
    let mut releases = Vec::with_capacity(items.len());
    let mut first_use: HashMap<Slug, usize> = HashMap::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let mut release_problems = ReleaseProblems {
            index,
            found: Vec::new(),
        };
        let Some(release) = check_release(item, &mut release_problems) else {
            problems.extend(release_problems.found);
            continue;
        };
        if let Some(&earlier) = first_use.get(&release.slug) {
            release_problems.add(
                "slug",
                format!(
                    "{:?} is already used by releases[{earlier}]",
                    release.slug.as_str()
                ),
            );
            problems.extend(release_problems.found);
            continue;
        }
        first_use.insert(release.slug.clone(), index);
        releases.push(release);
    }
    Ok(Checked {
        bundle: Bundle {
            version: BUNDLE_VERSION,
            site,
            releases,
        },
        problems,
        releases_in_source: items.len(),
    })
}

fn shape(path: &str, message: String) -> BundleError {
    BundleError::Shape(Problem {
        path: path.to_owned(),
        message,
    })
}

fn check_site(value: Option<&Value>) -> Result<Site, BundleError> {
    let Some(value) = value else {
        return Err(shape(
            "site",
            "missing (expected {\"name\": …, \"tagline\": …})".to_owned(),
        ));
    };
    let Value::Object(site) = value else {
        return Err(shape(
            "site",
            format!("expected an object, found {}", describe(value)),
        ));
    };
    let text = |key: &str, required: bool| -> Result<String, BundleError> {
        let path = format!("site.{key}");
        match site.get(key) {
            None | Some(Value::Null) if !required => Ok(String::new()),
            None => Err(shape(&path, "missing".to_owned())),
            Some(Value::String(s)) if required && s.trim().is_empty() => {
                Err(shape(&path, "is empty".to_owned()))
            }
            Some(Value::String(s)) if s.chars().count() > limits::SITE_TEXT_CHARS => Err(shape(
                &path,
                format!("is longer than {} characters", limits::SITE_TEXT_CHARS),
            )),
            Some(Value::String(s)) => Ok(s.trim().to_owned()),
            Some(other) => Err(shape(
                &path,
                format!("expected text, found {}", describe(other)),
            )),
        }
    };
    Ok(Site {
        name: text("name", true)?,
        tagline: text("tagline", false)?,
    })
}

/// Problems of one release, each prefixed with `releases[i].`.
struct ReleaseProblems {
    index: usize,
    found: Vec<Problem>,
}

impl ReleaseProblems {
    fn add(&mut self, field: &str, message: String) {
        let path = if field.is_empty() {
            format!("releases[{}]", self.index)
        } else {
            format!("releases[{}].{field}", self.index)
        };
        self.found.push(Problem { path, message });
    }
}

fn check_release(value: &Value, problems: &mut ReleaseProblems) -> Option<Release> {
    let Value::Object(fields) = value else {
        problems.add("", format!("expected an object, found {}", describe(value)));
        return None;
    };
    let slug = required_text(fields, "slug", 200, problems).and_then(|text| {
        let slug = Slug::parse(&text);
        if slug.is_none() {
            problems.add("slug", format!("{} is not {SLUG_RULE}", quoted(&text)));
        }
        slug
    });
    let title = required_text(fields, "title", limits::TITLE_CHARS, problems);
    let published = required_text(fields, "published", 100, problems).and_then(|text| {
        let date = Date::parse_iso(&text);
        if date.is_none() {
            problems.add(
                "published",
                format!("{} is not a date (YYYY-MM-DD)", quoted(&text)),
            );
        }
        date
    });
    let content_type = match fields.get("content_type") {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) => check_label(s, "content_type", problems).map(Some),
        Some(other) => {
            problems.add(
                "content_type",
                format!("expected text or null, found {}", describe(other)),
            );
            None
        }
    };
    let locations = label_list(fields, "locations", problems);
    let topics = label_list(fields, "topics", problems);
    let summary = required_text(fields, "summary", limits::SUMMARY_CHARS, problems);
    let body = optional_text(fields, "body", problems);
    if let Some(Some(body)) = &body
        && body.len() > limits::BODY_BYTES
    {
        problems.add(
            "body",
            format!(
                "is {} bytes; the limit is {} (split it or link to the source)",
                body.len(),
                limits::BODY_BYTES
            ),
        );
    }
    let source_url = optional_text(fields, "source_url", problems);
    if let Some(Some(url)) = &source_url {
        if url.chars().count() > limits::URL_CHARS {
            problems.add(
                "source_url",
                format!("is longer than {} characters", limits::URL_CHARS),
            );
        } else if !is_web_url(url) {
            problems.add(
                "source_url",
                format!("{} is not an http or https address", quoted(url)),
            );
        }
    }
    if !problems.found.is_empty() {
        return None;
    }
    Some(Release {
        slug: slug?,
        title: title?,
        published: published?,
        content_type: content_type?,
        locations: locations?,
        topics: topics?,
        summary: summary?,
        body: body?,
        source_url: source_url?,
    })
}

/// A string field that must be present and not blank; returned trimmed.
fn required_text(
    fields: &Map<String, Value>,
    key: &str,
    max_chars: usize,
    problems: &mut ReleaseProblems,
) -> Option<String> {
    match fields.get(key) {
        None => problems.add(key, "missing".into()),
        Some(Value::String(s)) if s.trim().is_empty() => problems.add(key, "is empty".into()),
        Some(Value::String(s)) if s.chars().count() > max_chars => problems.add(
            key,
            format!(
                "is {} characters long; the limit is {max_chars}",
                s.chars().count()
            ),
        ),
        Some(Value::String(s)) if has_control_chars(s) => problems.add(key, CONTROL_CHARS.into()),
        Some(Value::String(s)) => return Some(s.trim().to_owned()),
        Some(other) => problems.add(key, format!("expected text, found {}", describe(other))),
    }
    None
}

/// A field that may be absent or null: `Some(None)`; invalid: `None`.
fn optional_text(
    fields: &Map<String, Value>,
    key: &str,
    problems: &mut ReleaseProblems,
) -> Option<Option<String>> {
    match fields.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) if s.trim().is_empty() => Some(None),
        Some(Value::String(s)) if has_control_chars(s) => {
            problems.add(key, CONTROL_CHARS.into());
            None
        }
        Some(Value::String(s)) => Some(Some(s.trim().to_owned())),
        Some(other) => {
            problems.add(key, format!("expected text, found {}", describe(other)));
            None
        }
    }
}

fn label_list(
    fields: &Map<String, Value>,
    key: &str,
    problems: &mut ReleaseProblems,
) -> Option<Vec<String>> {
    let items = match fields.get(key) {
        None => {
            problems.add(key, "missing (use [] when there are none)".into());
            return None;
        }
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.add(
                key,
                format!("expected a list of text, found {}", describe(other)),
            );
            return None;
        }
    };
    if items.len() > limits::LIST_ITEMS {
        problems.add(
            key,
            format!(
                "has {} items; the limit is {}",
                items.len(),
                limits::LIST_ITEMS
            ),
        );
        return None;
    }
    let before = problems.found.len();
    let mut labels: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        match item {
            Value::String(s) => {
                if let Some(label) = check_label(s, &path, problems) {
                    if labels.contains(&label) {
                        problems.add(&path, format!("{} is listed twice", quoted(&label)));
                    } else {
                        labels.push(label);
                    }
                }
            }
            other => problems.add(&path, format!("expected text, found {}", describe(other))),
        }
    }
    (problems.found.len() == before).then_some(labels)
}

/// Facet labels: short, not blank, one line.
fn check_label(text: &str, path: &str, problems: &mut ReleaseProblems) -> Option<String> {
    let label = text.trim();
    if label.is_empty() {
        problems.add(path, "is empty".into());
    } else if label.chars().count() > limits::LABEL_CHARS {
        problems.add(
            path,
            format!("is longer than {} characters", limits::LABEL_CHARS),
        );
    } else if label.contains(['\n', '\r']) {
        problems.add(path, "has a line break".into());
    } else if has_control_chars(label) {
        problems.add(path, CONTROL_CHARS.into());
    } else {
        return Some(label.to_owned());
    }
    None
}

const CONTROL_CHARS: &str = "has control characters (only tab and line breaks are allowed)";

/// C0 controls other than tab and line breaks: invisible, and invalid in
/// the XML of the feed.
fn has_control_chars(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Only absolute http(s) addresses with a host are followed.
pub(crate) fn is_web_url(url: &str) -> bool {
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        rest
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
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
