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
mod tests {
    use super::*;

    const LISTING: &str = "News\nWhat we publish.\n\
        First title\nPublishing date: 23 October 2023\nContent type: News\n\
        Where we are: Dushanbe\nWhat we do: Rule of law, Human rights, Rule of law\nFirst summary.\n\
        Second title\nPublishing date: 3 May 2019\nSecond summary.\n";

    #[test]
    fn reads_heading_releases_and_optional_lines() {
        let bundle = import_listing(LISTING).unwrap();
        assert_eq!(bundle.site.name, "News");
        assert_eq!(bundle.site.tagline, "What we publish.");
        let [first, second] = &bundle.releases[..] else {
            panic!("two releases")
        };
        assert_eq!(first.slug.as_str(), "first-title");
        assert_eq!(first.published.iso(), "2023-10-23");
        assert_eq!(first.content_type.as_deref(), Some("News"));
        assert_eq!(first.locations, ["Dushanbe"]);
        assert_eq!(first.topics, ["Rule of law", "Human rights"]);
        assert_eq!(first.summary, "First summary.");
        assert_eq!(second.content_type, None, "never guessed");
        assert!(second.topics.is_empty() && second.locations.is_empty());
        assert_eq!(second.body, None);
        assert_eq!(second.source_url, None);
    }

    #[test]
    fn bad_dates_and_missing_summaries_name_their_lines() {
        let text = "News\nTag\nA\nPublishing date: 31 June 2021\nSummary.\nB\nPublishing date: 1 May 2020\nC\nPublishing date: 2 May 2020\nText.\n";
        let problems = import_listing(text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "line 4: \"31 June 2021\" is not a date like \"23 October 2023\"",
                "line 6: release \"B\" has no summary paragraph",
            ]
        );
    }

    #[test]
    fn repeated_titles_get_distinct_slugs() {
        let text = "News\nTag\nSame\nPublishing date: 1 May 2020\nOne.\nSame\nPublishing date: 1 May 2021\nTwo.\n";
        let bundle = import_listing(text).unwrap();
        let slugs: Vec<&str> = bundle.releases.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["same", "same-2021-05-01"]);
    }

    #[test]
    fn text_without_releases_is_refused() {
        let problems = import_listing("Just a heading\nand words\n").unwrap_err();
        assert!(
            problems[0].message.starts_with("no release found"),
            "{problems:?}"
        );
        assert!(import_listing("").is_err());
    }

    #[test]
    fn consecutive_date_lines_are_reported_not_a_crash() {
        let text = "N\nT\nA\nPublishing date: 1 May 2020\nPublishing date: 2 May 2020\nS.\n";
        let shown: Vec<String> = import_listing(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "line 3: release \"A\" has no summary paragraph",
                "line 4: a publishing date without a title line before it",
            ]
        );
    }

    #[test]
    fn wrapped_summaries_are_rejoined_and_blank_lines_keep_paragraphs() {
        let text =
            "N\nT\nA\nPublishing date: 1 May 2020\nFirst half\nsecond half.\n\nNext paragraph.\n";
        let bundle = import_listing(text).unwrap();
        assert_eq!(
            bundle.releases[0].summary,
            "First half second half.\n\nNext paragraph."
        );
    }

    #[test]
    fn metadata_given_twice_is_a_problem() {
        let text =
            "N\nT\nA\nPublishing date: 1 May 2020\nContent type: News\nContent type: Story\nS.\n";
        let problems = import_listing(text).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 6: \"Content type:\" given twice"
        );
    }
}
