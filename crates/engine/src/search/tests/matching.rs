//! Which releases a query finds.

use super::fixtures::{With, matching, release};
use crate::search::{Catalog, QueryTerms};

fn catalog() -> Catalog {
    Catalog::new(vec![
        release("zugic-visit", "2022-06-13")
            .title("Ambassador Zugić opens a sewing workshop")
            .summary("The workshop serves the penitentiary of Tajikistan’s prison system."),
        release("upper-case", "2022-01-01").title("VISIT BY AMBASSADOR ZUGIC"),
        release("forum", "2023-10-23")
            .title("Penitentiary reform forum")
            .summary("Focused on the development of the prison system.")
            .body("Experts met in Dushanbe."),
        release("split-phrase", "2021-01-01")
            .title("Reform of the prison")
            .summary("System changes were debated; the system of prison reform."),
        release("tagged", "2020-01-01")
            .title("Training")
            .topics(&["Rule of law", "Gender equality"])
            .places(&["Programme Office in Dushanbe"]),
        release("imprisonment", "2019-01-01").title("Alternatives to imprisonment"),
    ])
}

#[test]
fn case_and_accents_do_not_matter() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "zugic"), ["upper-case", "zugic-visit"]);
    assert_eq!(matching(&catalog, "ZUGIĆ"), ["upper-case", "zugic-visit"]);
    assert_eq!(
        matching(&catalog, "Zugic\u{301}"),
        ["upper-case", "zugic-visit"]
    );
}

#[test]
fn every_searchable_field_is_searched() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "sewing"), ["zugic-visit"], "title");
    assert_eq!(matching(&catalog, "serves"), ["zugic-visit"], "summary");
    assert_eq!(matching(&catalog, "experts"), ["forum"], "body");
    assert_eq!(matching(&catalog, "gender"), ["tagged"], "topics");
    assert_eq!(matching(&catalog, "programme"), ["tagged"], "locations");
}

#[test]
fn apostrophes_split_words() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "tajikistan"), ["zugic-visit"]);
    assert_eq!(matching(&catalog, "Tajikistan's"), ["zugic-visit"]);
}

#[test]
fn words_match_as_prefixes_of_words_only() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "penitent"), ["forum", "zugic-visit"]);
    assert_eq!(
        matching(&catalog, "prison"),
        ["forum", "split-phrase", "zugic-visit"]
    );
    assert!(!matching(&catalog, "prison").contains(&"imprisonment".to_owned()));
    assert_eq!(matching(&catalog, "imprison"), ["imprisonment"]);
}

#[test]
fn all_words_must_match_each_in_any_field() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "ambassador workshop"), ["zugic-visit"]);
    assert_eq!(
        matching(&catalog, "forum dushanbe"),
        ["forum"],
        "title and body"
    );
    assert_eq!(matching(&catalog, "training law office"), ["tagged"]);
    assert!(matching(&catalog, "zugic forum").is_empty());
    assert!(matching(&catalog, "zugic nowhere").is_empty());
}

#[test]
fn phrases_match_consecutive_words_in_one_field() {
    let catalog = catalog();
    assert_eq!(
        matching(&catalog, "\"prison system\""),
        ["forum", "zugic-visit"]
    );
    // "prison" ends the title and "System" starts the summary: two fields.
    assert!(!matching(&catalog, "\"prison system\"").contains(&"split-phrase".to_owned()));
    assert_eq!(matching(&catalog, "\"system of prison\""), ["split-phrase"]);
    assert!(matching(&catalog, "\"system prison\"").is_empty());
}

#[test]
fn only_the_last_phrase_word_is_a_prefix() {
    let catalog = catalog();
    assert_eq!(
        matching(&catalog, "\"prison sys\""),
        ["forum", "zugic-visit"]
    );
    assert!(matching(&catalog, "\"pris system\"").is_empty());
}

#[test]
fn an_unclosed_quote_makes_the_rest_a_phrase() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "forum \"prison sys"), ["forum"]);
    assert_eq!(matching(&catalog, "\"the prison system"), ["forum"]);
}

#[test]
fn phrases_do_not_run_across_labels() {
    let catalog = catalog();
    assert_eq!(matching(&catalog, "\"rule of law\""), ["tagged"]);
    assert!(matching(&catalog, "\"law gender\"").is_empty());
}

#[test]
fn punctuation_only_is_no_query() {
    let catalog = catalog();
    for query in ["", "  ", "?!", "\"", "\"\"", "’", "—"] {
        let result = catalog.search(&crate::filters::Filters::default().with_query(query));
        assert_eq!(result.ids.len(), catalog.releases().len(), "{query:?}");
        assert_eq!(result.terms, QueryTerms::default());
    }
}

#[test]
fn results_carry_the_terms_for_highlighting() {
    let catalog = catalog();
    let filters = crate::filters::Filters::default().with_query("Zugić \"prison sys\"");
    let terms = catalog.search(&filters).terms;
    assert_eq!(terms.words, ["zugic"]);
    assert_eq!(terms.phrases, [vec!["prison".to_owned(), "sys".to_owned()]]);
}
