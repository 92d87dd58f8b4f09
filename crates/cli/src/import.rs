//! Listing text to bundle. The format is the one newsroom listings are copied
//! out in: a heading line, a description line, then for each release a title
//! line, `Publishing date: 23 October 2023`, optional `Content type:`,
//! `Where we are:` and `What we do:` lines, and a summary paragraph.
//! Nothing is added that the text does not say.

use std::collections::HashSet;
use std::fmt;

use newsroom_engine::bundle::{BUNDLE_VERSION, Bundle, Release, Site};
use newsroom_engine::date::Date;
use newsroom_engine::slug::Slug;

const DATE_PREFIX: &str = "Publishing date:";
const CONTENT_TYPE_PREFIX: &str = "Content type:";
const LOCATIONS_PREFIX: &str = "Where we are:";
const TOPICS_PREFIX: &str = "What we do:";

/// A line of the listing that could not be read, 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

struct Line<'a> {
    number: usize,
    text: &'a str,
    /// A blank line came before it: a new paragraph starts here.
    after_blank: bool,
}

/// Reads a whole listing. Every problem is reported, not just the first.
pub fn import_listing(text: &str) -> Result<Bundle, Vec<ImportProblem>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut after_blank = false;
    for (i, text) in text.lines().enumerate() {
        let text = text.trim();
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        lines.push(Line {
            number: i + 1,
            text,
            after_blank,
        });
        after_blank = false;
    }
    let mut problems = Vec::new();
    let problem = |line: usize, message: String| ImportProblem { line, message };

    let date_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].text.starts_with(DATE_PREFIX))
        .collect();
    let first_title = match date_lines.first() {
        Some(0) | None => {
            return Err(vec![problem(
                lines.first().map_or(1, |l| l.number),
                format!(
                    "no release found: a release is a title line followed by \"{DATE_PREFIX} …\""
                ),
            )]);
        }
        Some(&first_date) => first_date - 1,
    };
    let heading = &lines[..first_title];
    let site = match heading {
        [] => {
            problems.push(problem(
                1,
                "the listing has no heading line before the first release".into(),
            ));
            Site {
                name: String::new(),
                tagline: String::new(),
            }
        }
        [name] => Site {
            name: name.text.to_owned(),
            tagline: String::new(),
        },
        [name, tagline] => Site {
            name: name.text.to_owned(),
            tagline: tagline.text.to_owned(),
        },
        [_, _, extra, ..] => {
            problems.push(problem(
                extra.number,
                "unexpected text between the description and the first release".into(),
            ));
            Site {
                name: heading[0].text.to_owned(),
                tagline: heading[1].text.to_owned(),
            }
        }
    };

    let mut releases = Vec::with_capacity(date_lines.len());
    let mut used_slugs = HashSet::new();
    for (k, &date_index) in date_lines.iter().enumerate() {
        let title = &lines[date_index - 1];
        // Two date lines in a row: the second has no title, the first keeps its own line.
        let end = date_lines
            .get(k + 1)
            .map_or(lines.len(), |&next| next - 1)
            .max(date_index + 1);
        if title.text.starts_with(DATE_PREFIX) {
            problems.push(problem(
                title.number,
                "a publishing date without a title line before it".into(),
            ));
            continue;
        }
        match read_release(title, &lines[date_index..end], &mut used_slugs) {
            Ok(release) => releases.push(release),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(Bundle {
            version: BUNDLE_VERSION,
            site,
            releases,
        })
    } else {
        Err(problems)
    }
}

/// `rest` starts at the date line and ends before the next title.
fn read_release(
    title: &Line,
    rest: &[Line],
    used_slugs: &mut HashSet<Slug>,
) -> Result<Release, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let date_line = &rest[0];
    let date_text = date_line.text[DATE_PREFIX.len()..].trim();
    let published = Date::parse_long(date_text);
    if published.is_none() {
        problems.push(ImportProblem {
            line: date_line.number,
            message: format!("{date_text:?} is not a date like \"23 October 2023\""),
        });
    }

    let mut content_type = None;
    let mut locations = None;
    let mut topics = None;
    let mut summary_lines: Vec<&Line> = Vec::new();
    for line in &rest[1..] {
        let metadata = summary_lines.is_empty();
        if metadata && let Some(value) = line.text.strip_prefix(CONTENT_TYPE_PREFIX) {
            set_once(
                &mut content_type,
                value.trim().to_owned(),
                line,
                &mut problems,
            );
        } else if metadata && let Some(value) = line.text.strip_prefix(LOCATIONS_PREFIX) {
            set_once(&mut locations, split_list(value), line, &mut problems);
        } else if metadata && let Some(value) = line.text.strip_prefix(TOPICS_PREFIX) {
            set_once(&mut topics, split_list(value), line, &mut problems);
        } else {
            summary_lines.push(line);
        }
    }
    if summary_lines.is_empty() {
        problems.push(ImportProblem {
            line: title.number,
            message: format!("release {:?} has no summary paragraph", title.text),
        });
    }

    let slug = Slug::from_title(title.text);
    if slug.is_none() {
        problems.push(ImportProblem {
            line: title.number,
            message: format!(
                "the title {:?} has no letters or digits to make a slug from",
                title.text
            ),
        });
    }
    let (Some(slug), Some(published), true) = (slug, published, problems.is_empty()) else {
        return Err(problems);
    };
    let slug = unique_slug(slug, published, used_slugs);
    Ok(Release {
        slug,
        title: title.text.to_owned(),
        published,
        content_type: content_type.filter(|t: &String| !t.is_empty()),
        locations: locations.unwrap_or_default(),
        topics: topics.unwrap_or_default(),
        summary: join_wrapped(&summary_lines),
        body: None,
        source_url: None,
        has_body: false,
        image: None,
    })
}

/// Lines of one paragraph are joined with a space (text wrapped when it was
/// copied); a blank line starts a new paragraph.
fn join_wrapped(lines: &[&Line]) -> String {
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push_str(if line.after_blank { "\n\n" } else { " " });
        }
        text.push_str(line.text);
    }
    text
}

fn set_once<T>(slot: &mut Option<T>, value: T, line: &Line, problems: &mut Vec<ImportProblem>) {
    if slot.is_some() {
        let label = line.text.split(':').next().unwrap_or(line.text);
        problems.push(ImportProblem {
            line: line.number,
            message: format!("\"{label}:\" given twice"),
        });
    } else {
        *slot = Some(value);
    }
}

/// `"Gender equality, Rule of law"` → both labels; blanks and repeats dropped.
fn split_list(value: &str) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for label in value.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    }
    labels
}

/// Titles repeat across years; the date then tells releases apart.
fn unique_slug(slug: Slug, published: Date, used: &mut HashSet<Slug>) -> Slug {
    let mut candidate = slug.clone();
    let mut n = 1;
    while used.contains(&candidate) {
        candidate = if n == 1 {
            slug.with_suffix(&published.iso())
                .unwrap_or_else(|| slug.clone())
        } else {
            slug.with_suffix(&format!("{}-{n}", published.iso()))
                .unwrap_or_else(|| slug.clone())
        };
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests;
