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
