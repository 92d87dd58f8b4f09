//! Odd input must never panic: URLs and queries come from anyone.

use super::fixtures::{With, release};
use crate::filters::Filters;
use crate::search::{Catalog, QueryTerms, highlight, highlight_ranges};

fn odd_strings() -> Vec<String> {
    let mut odd: Vec<String> = [
        "",
        " ",
        "\"",
        "\"\"",
        "\"\"\"",
        "\" \"",
        "%",
        "%%",
        "%2",
        "%zz",
        "+",
        "&",
        "=",
        "?",
        "#",
        "q=\"",
        "q=%22",
        "q=%",
        "🙂",
        "👩‍👩‍👧",
        "\u{301}",
        "a\u{301}\u{301}",
        "ß",
        "ǅ",
        "İ",
        "’",
        "“prison",
        "prison”",
        "\0",
        "\u{feff}",
        "\u{200b}",
        "Zugić",
        "ZUGIĆ",
        "\"prison sys",
        "* ? ( ) [ ] { } ^ $ | \\",
        "٣",
        "²",
        "Ⅻ",
        "ﬀ",
        "a\"b\"c\"d",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    odd.push("x".repeat(10_000));
    odd.push("\"a ".repeat(3_000));
    odd.push("é ".repeat(5_000));
    odd.push("%".repeat(10_000));
    odd.push((0..2_000).map(|i| format!("w{i} ")).collect());
    odd
}

fn catalog() -> Catalog {
    Catalog::new(vec![
        release("one", "2020-01-01")
            .title("Ambassador Zugić, ǅemal and İstanbul 🙂")
            .summary("ﬀ Straße Ⅻ ² a\u{301} “prison system”")
            .topics(&["Rule of law"]),
        release("two", "2021-01-01").body(&"word ".repeat(2_000)),
    ])
}

#[test]
fn odd_urls_and_queries_never_panic() {
    let catalog = catalog();
    let empty = Catalog::new(Vec::new());
    for text in odd_strings() {
        let from_url = Filters::from_query(&text);
        catalog.search(&from_url);
        let from_url = Filters::from_query(&format!("q={text}&topic={text}&year={text}"));
        catalog.search(&from_url);
        let typed = Filters::default()
            .with_query(&text)
            .with_topic_toggled(&text);
        catalog.search(&typed);
        empty.search(&typed);
        let terms = QueryTerms::parse(&text);
        for release in catalog.releases() {
            let segments = highlight_ranges(&release.title, &terms);
            let rebuilt: String = segments
                .iter()
                .map(|(r, _)| &release.title[r.clone()])
                .collect();
            assert_eq!(rebuilt, release.title);
        }
        let joined: String = highlight(&text, &terms)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(joined, text);
    }
}

#[test]
fn an_empty_catalog_answers_everything_with_nothing() {
    let empty = Catalog::new(Vec::new());
    let result = empty.search(&Filters::from_query("q=a&topic=T&from=2020-01-01"));
    assert!(result.ids.is_empty());
    assert_eq!(result.facets.topics.values.len(), 1, "the selected topic");
    assert!(empty.related(0, 3).is_empty());
    assert_eq!(empty.neighbours(0), (None, None));
}
