//! Exports of a view: the matching releases as CSV (RFC 4180, a header
//! row, one record per release) or as a bundle (the bundle's own schema, so
//! `newsroom-cli check` accepts it and it can be imported again). Bodies
//! are left out: the app holds them in shards fetched per release, and
//! fetching every shard of a large view would download most of the archive.

use crate::bundle::{BUNDLE_VERSION, Bundle, Release, Site};

/// Why the export has no full texts, for readers.
pub const BODIES_LEFT_OUT: &str = "Full texts are left out: each one loads with its release page.";

/// Columns of the CSV, in order.
pub const CSV_HEADER: [&str; 9] = [
    "slug",
    "title",
    "published",
    "content_type",
    "locations",
    "topics",
    "summary",
    "source_url",
    "url",
];

/// Several labels in one CSV field are joined with this.
pub const LABEL_SEPARATOR: &str = "; ";

/// The releases as CSV; `url_of` gives a release's page from its slug.
/// CRLF line ends and quoting per RFC 4180; UTF-8 without a byte-order mark.
/// A text field that a spreadsheet would take for a formula gets a leading
/// `'` ([`defused`]); the JSON export keeps every text as written.
pub fn csv<'a>(
    releases: impl IntoIterator<Item = &'a Release>,
    url_of: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_HEADER.iter().copied());
    for release in releases {
        let slug = release.slug.as_str();
        let fields = [
            slug.to_owned(),
            defused(&release.title),
            release.published.iso(),
            defused(release.content_type.as_deref().unwrap_or_default()),
            defused(&release.locations.join(LABEL_SEPARATOR)),
            defused(&release.topics.join(LABEL_SEPARATOR)),
            defused(&release.summary),
            (release.source_url.as_ref()).map_or_else(String::new, |url| url.as_str().to_owned()),
            url_of(slug),
        ];
        push_record(&mut out, fields.iter().map(String::as_str));
    }
    out
}

/// `text`, with a leading `'` when a spreadsheet would run it as a formula
/// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return; OWASP's
/// advice on CSV injection): a title such as `=HYPERLINK(…)` stays text in
/// Excel, LibreOffice and Google Sheets, which show the cell without the
/// quote.
pub fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// The releases as a bundle of this site, without bodies.
pub fn bundle_json<'a>(site: &Site, releases: impl IntoIterator<Item = &'a Release>) -> String {
    let bundle = Bundle {
        version: BUNDLE_VERSION,
        site: site.clone(),
        releases: releases
            .into_iter()
            .map(|release| Release {
                body: None,
                has_body: false,
                ..release.clone()
            })
            .collect(),
    };
    bundle.to_json_pretty()
}

/// A file name for the download: `releases-to-2023-10-23.csv` names the view's
/// newest release, so two exports of different days do not collide.
pub fn file_name<'a>(releases: impl IntoIterator<Item = &'a Release>, extension: &str) -> String {
    match releases.into_iter().map(|release| release.published).max() {
        Some(newest) => format!("releases-to-{}.{extension}", newest.iso()),
        None => format!("releases.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::check_bundle;

    fn seed() -> Bundle {
        check_bundle(include_str!("../../../public/releases.json"))
            .unwrap()
            .bundle
    }

    /// A minimal RFC 4180 reader, to read back what `csv` wrote.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "records end in CRLF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "the last record ends in CRLF"
        );
        records
    }

    #[test]
    fn csv_has_a_header_and_one_record_per_release_that_reads_back() {
        let mut bundle = seed();
        bundle.releases[0].title = "Quotes \"here\", commas, and\nlines".into();
        let text = csv(&bundle.releases, |slug| {
            format!("https://x.org/releases/{slug}/")
        });
        let records = read_csv(&text);
        assert_eq!(records.len(), bundle.releases.len() + 1);
        assert_eq!(records[0], CSV_HEADER);
        assert!(
            records
                .iter()
                .all(|record| record.len() == CSV_HEADER.len())
        );
        assert_eq!(records[1][1], "Quotes \"here\", commas, and\nlines");
        let sewing = (records.iter())
            .find(|record| record[0].contains("sewing-workshop"))
            .unwrap();
        assert_eq!(sewing[2], "2022-06-13");
        assert_eq!(sewing[3], "News");
        assert_eq!(sewing[5], "Human rights; Rule of law");
        assert_eq!(sewing[8], format!("https://x.org/releases/{}/", sewing[0]));
        // A release without a content type has an empty field, not "null".
        assert_eq!(records[1][3], "");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_stay_text() {
        let mut bundle = seed();
        bundle.releases[0].title = "=HYPERLINK(\"https://evil.example\",\"x\")".into();
        bundle.releases[0].summary = "+1 more, and -2 less".into();
        bundle.releases[0].topics = vec!["@risk".into(), "Rule of law".into()];
        bundle.releases[1].title = "A title with = and @ inside".into();
        let records = read_csv(&csv(&bundle.releases, |slug| slug.to_owned()));
        assert_eq!(records[1][1], "'=HYPERLINK(\"https://evil.example\",\"x\")");
        assert_eq!(records[1][6], "'+1 more, and -2 less");
        assert_eq!(records[1][5], "'@risk; Rule of law");
        assert_eq!(
            records[2][1], "A title with = and @ inside",
            "only a leading sign"
        );
        for text in ["-5", "\tx", "\rx"] {
            assert_eq!(defused(text), format!("'{text}"));
        }
        assert_eq!(defused("Dushanbe"), "Dushanbe");
    }

    #[test]
    fn json_is_a_bundle_the_checker_accepts_without_bodies() {
        let mut bundle = seed();
        bundle.releases[1].body = Some("A full text.".into());
        let chosen = [&bundle.releases[1], &bundle.releases[4]];
        let text = bundle_json(&bundle.site, chosen);
        let checked = check_bundle(&text).unwrap();
        assert!(checked.is_clean(), "{:?}", checked.problems);
        assert_eq!(checked.bundle.releases.len(), 2);
        assert_eq!(checked.bundle.releases[0].slug, bundle.releases[1].slug);
        assert_eq!(checked.bundle.releases[0].body, None);
        assert_eq!(checked.bundle.site, bundle.site);
        assert!(!text.contains("has_body"));
    }

    #[test]
    fn file_names_say_the_newest_date() {
        let bundle = seed();
        assert_eq!(
            file_name(&bundle.releases, "csv"),
            "releases-to-2023-10-23.csv"
        );
        assert_eq!(file_name(&[], "json"), "releases.json");
    }
}
