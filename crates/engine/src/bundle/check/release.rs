//! The rules for one release, and for collecting releases into a bundle
//! (duplicate slugs, the empty list). Both ways of reading JSON end here.

use std::collections::HashMap;

use super::fields::{Fields, Found};
use super::text_rule::refusal;
use super::{Problem, limits, quoted};
use crate::bundle::model::{Image, Release};
use crate::date::Date;
use crate::slug::{SLUG_RULE, Slug};
use crate::web_url::WebUrl;

/// Problems of one release, each prefixed with `releases[i].`.
pub(super) struct ReleaseProblems {
    index: usize,
    /// `image.` while the image's fields are checked.
    within: &'static str,
    found: Vec<Problem>,
}

impl ReleaseProblems {
    pub(super) fn new(index: usize) -> ReleaseProblems {
        ReleaseProblems {
            index,
            within: "",
            found: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, field: &str, message: String) {
        let path = if field.is_empty() {
            format!("releases[{}]", self.index)
        } else {
            format!("releases[{}].{}{field}", self.index, self.within)
        };
        self.found.push(Problem { path, message });
    }
}

/// The valid releases in source order, and a problem for each one left out.
pub(super) struct Collected {
    pub releases: Vec<Release>,
    /// Each kept release's position in the source list.
    pub positions: Vec<u32>,
    pub problems: Vec<Problem>,
    pub seen: usize,
    first_use: HashMap<Slug, usize>,
}

impl Collected {
    pub(super) fn with_capacity(capacity: usize) -> Collected {
        Collected {
            releases: Vec::with_capacity(capacity),
            positions: Vec::with_capacity(capacity),
            problems: Vec::new(),
            seen: 0,
            first_use: HashMap::with_capacity(capacity),
        }
    }

    /// Takes the next release in source order, checked by `check`.
    pub(super) fn add(&mut self, check: impl FnOnce(&mut ReleaseProblems) -> Option<Release>) {
        let mut problems = ReleaseProblems::new(self.seen);
        self.seen += 1;
        let Some(release) = check(&mut problems) else {
            self.problems.extend(problems.found);
            return;
        };
        if let Some(&earlier) = self.first_use.get(&release.slug) {
            problems.add(
                "slug",
                format!(
                    "{:?} is already used by releases[{earlier}]",
                    release.slug.as_str()
                ),
            );
            self.problems.extend(problems.found);
            return;
        }
        self.first_use.insert(release.slug.clone(), problems.index);
        self.positions
            .push(u32::try_from(problems.index).unwrap_or(u32::MAX));
        self.releases.push(release);
    }

    pub(super) fn finish(mut self) -> Collected {
        if self.seen == 0 {
            self.problems.push(Problem {
                path: "releases".into(),
                message: "the list is empty: there are no releases to show".into(),
            });
        }
        self.first_use = HashMap::new();
        self
    }
}

pub(super) fn check_release<F: Fields + ?Sized>(
    fields: &F,
    problems: &mut ReleaseProblems,
) -> Option<Release> {
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
    let content_type = match fields.text("content_type") {
        Found::Absent | Found::Null => Some(None),
        Found::Text(s) => check_label(s, &|| "content_type".to_owned(), problems).map(Some),
        Found::Other(found) => {
            problems.add(
                "content_type",
                format!("expected text or null, found {found}"),
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
    let source_url = optional_text(fields, "source_url", problems).map(|url| {
        let url = url?;
        if url.chars().count() > limits::URL_CHARS {
            problems.add(
                "source_url",
                format!("is longer than {} characters", limits::URL_CHARS),
            );
            return None;
        }
        let parsed = WebUrl::parse(&url);
        if parsed.is_none() {
            problems.add(
                "source_url",
                format!("{} is not an http or https address", quoted(&url)),
            );
        }
        parsed
    });
    let image = check_image(fields, problems);
    if !problems.found.is_empty() {
        return None;
    }
    let body = body?;
    Some(Release {
        slug: slug?,
        title: title?,
        published: published?,
        content_type: content_type?,
        locations: locations?,
        topics: topics?,
        summary: summary?,
        has_body: body.is_some() || fields.flag("has_body"),
        body,
        source_url: source_url?,
        image: image?,
    })
}

/// The optional lead photo: a relative file, alt text, an optional credit
/// and, in the light index, its size.
fn check_image<F: Fields + ?Sized>(
    fields: &F,
    problems: &mut ReleaseProblems,
) -> Option<Option<Image>> {
    let image = match fields.record("image") {
        Ok(Some(image)) => image,
        Ok(None) => return Some(None),
        Err(found) => {
            problems.add(
                "image",
                format!("expected an object with file and alt, found {found}"),
            );
            return None;
        }
    };
    let before = problems.found.len();
    problems.within = "image.";
    let file = required_text(image, "file", limits::IMAGE_FILE_CHARS, problems);
    if let Some(file) = &file
        && (file.starts_with(['/', '\\']) || file.contains("://") || file.contains('\\'))
    {
        problems.add(
            "file",
            format!(
                "{} must be a path relative to the bundle, with / between folders",
                quoted(file)
            ),
        );
    }
    let alt = required_text(image, "alt", limits::ALT_CHARS, problems);
    let credit = optional_text(image, "credit", problems);
    if let Some(Some(credit)) = &credit
        && (exceeds_chars(credit, limits::CREDIT_CHARS) || credit.contains(['\n', '\r']))
    {
        problems.add(
            "credit",
            format!(
                "must be one line of at most {} characters",
                limits::CREDIT_CHARS
            ),
        );
    }
    let mut size = |key: &str| match image.whole_number(key) {
        Ok(Some(n)) if (1..=limits::IMAGE_PIXELS).contains(&n) => u32::try_from(n).ok(),
        Ok(Some(n)) => {
            problems.add(
                key,
                format!(
                    "{n} is not a size in pixels (1 to {})",
                    limits::IMAGE_PIXELS
                ),
            );
            None
        }
        Ok(None) => None,
        Err(found) => {
            problems.add(key, format!("expected a whole number, found {found}"));
            None
        }
    };
    let (width, height) = (size("width"), size("height"));
    if width.is_some() != height.is_some() {
        problems.add(
            "width",
            "and height go together: give both or neither".into(),
        );
    }
    problems.within = "";
    if problems.found.len() > before {
        return None;
    }
    Some(Some(Image {
        file: file?,
        alt: alt?,
        credit: credit?,
        width,
        height,
    }))
}

/// A string field that must be present and not blank; returned trimmed.
fn required_text<F: Fields + ?Sized>(
    fields: &F,
    key: &str,
    max_chars: usize,
    problems: &mut ReleaseProblems,
) -> Option<String> {
    match fields.text(key) {
        Found::Absent => problems.add(key, "missing".into()),
        Found::Text(s) if s.trim().is_empty() => problems.add(key, "is empty".into()),
        Found::Text(s) if exceeds_chars(s, max_chars) => problems.add(
            key,
            format!(
                "is {} characters long; the limit is {max_chars}",
                s.chars().count()
            ),
        ),
        Found::Text(s) => match refusal(s) {
            Some(message) => problems.add(key, message),
            None => return Some(s.trim().to_owned()),
        },
        Found::Null => problems.add(key, "expected text, found null".into()),
        Found::Other(found) => problems.add(key, format!("expected text, found {found}")),
    }
    None
}

/// More than `max` characters; counts only when the bytes could say so.
fn exceeds_chars(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// A field that may be absent or null: `Some(None)`; invalid: `None`.
fn optional_text<F: Fields + ?Sized>(
    fields: &F,
    key: &str,
    problems: &mut ReleaseProblems,
) -> Option<Option<String>> {
    match fields.text(key) {
        Found::Absent | Found::Null => Some(None),
        // The rule holds for the text as given, even white space around it.
        Found::Text(s) => match refusal(s) {
            Some(message) => {
                problems.add(key, message);
                None
            }
            None if s.trim().is_empty() => Some(None),
            None => Some(Some(s.trim().to_owned())),
        },
        Found::Other(found) => {
            problems.add(key, format!("expected text, found {found}"));
            None
        }
    }
}

fn label_list<F: Fields + ?Sized>(
    fields: &F,
    key: &str,
    problems: &mut ReleaseProblems,
) -> Option<Vec<String>> {
    let items = match fields.list(key) {
        Ok(items) => items,
        Err(Found::Absent) => {
            problems.add(key, "missing (use [] when there are none)".into());
            return None;
        }
        Err(other) => {
            let found = match other {
                Found::Other(found) => found,
                Found::Null => "null",
                Found::Text(_) | Found::Absent => "text",
            };
            problems.add(key, format!("expected a list of text, found {found}"));
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
    for (i, item) in items.into_iter().enumerate() {
        let path = || format!("{key}[{i}]");
        match item {
            Found::Text(s) => {
                if let Some(label) = check_label(s, &path, problems) {
                    if labels.contains(&label) {
                        problems.add(&path(), format!("{} is listed twice", quoted(&label)));
                    } else {
                        labels.push(label);
                    }
                }
            }
            Found::Null => problems.add(&path(), "expected text, found null".into()),
            Found::Other(found) => problems.add(&path(), format!("expected text, found {found}")),
            Found::Absent => {}
        }
    }
    (problems.found.len() == before).then_some(labels)
}

/// Facet labels: short, not blank, one line. `path` is only built for a
/// problem: most labels have none.
fn check_label(
    text: &str,
    path: &dyn Fn() -> String,
    problems: &mut ReleaseProblems,
) -> Option<String> {
    let label = text.trim();
    let message = if label.is_empty() {
        "is empty".to_owned()
    } else if exceeds_chars(label, limits::LABEL_CHARS) {
        format!("is longer than {} characters", limits::LABEL_CHARS)
    } else if label.contains(['\n', '\r']) {
        "has a line break".to_owned()
    } else if let Some(message) = refusal(text) {
        message
    } else {
        return Some(label.to_owned());
    };
    problems.add(&path(), message);
    None
}
