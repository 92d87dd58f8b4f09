//! The three sorts.

use super::fixtures::{With, found, release, slugs};
use crate::filters::{Filters, Sort};
use crate::search::Catalog;

#[test]
fn newest_and_oldest_order_by_date_then_slug() {
    let catalog = Catalog::new(vec![
        release("b-middle", "2022-05-05"),
        release("z-old", "2020-01-01"),
        release("a-middle", "2022-05-05"),
        release("new", "2023-01-01"),
    ]);
    assert_eq!(
        found(&catalog, ""),
        ["new", "a-middle", "b-middle", "z-old"]
    );
    assert_eq!(
        found(&catalog, "sort=newest"),
        ["new", "a-middle", "b-middle", "z-old"]
    );
    assert_eq!(
        found(&catalog, "sort=oldest"),
        ["z-old", "a-middle", "b-middle", "new"]
    );
    assert_eq!(catalog.search(&Filters::default()).sort, Sort::Newest);
}

#[test]
fn relevance_ranks_title_over_tags_over_summary_over_body() {
    let catalog = Catalog::new(vec![
        release("in-body", "2023-01-04").body("A word on water."),
        release("in-summary", "2023-01-03").summary("Water matters."),
        release("in-topic", "2023-01-02").topics(&["Water management"]),
        release("in-place", "2023-01-02").places(&["Waterford"]),
        release("in-title", "2020-01-01").title("Water"),
    ]);
    let result = catalog.search(&Filters::default().with_query("water"));
    assert_eq!(result.sort, Sort::Relevance);
    assert_eq!(
        slugs(&catalog, &Filters::default().with_query("water")),
        ["in-title", "in-place", "in-topic", "in-summary", "in-body"]
    );
}

#[test]
fn more_terms_in_higher_fields_rank_higher() {
    let catalog = Catalog::new(vec![
        release("one-in-title", "2023-01-02")
            .title("Prison reform")
            .body("On water."),
        release("two-in-title", "2020-01-01").title("Prison water"),
        release("title-and-summary", "2021-01-01")
            .title("Prison")
            .summary("Water."),
    ]);
    assert_eq!(
        slugs(&catalog, &Filters::default().with_query("prison water")),
        ["two-in-title", "title-and-summary", "one-in-title"]
    );
}

#[test]
fn relevance_ties_go_newest_first_then_by_slug() {
    let catalog = Catalog::new(vec![
        release("b-same", "2022-01-01").title("Forum"),
        release("old", "2020-01-01").title("Forum"),
        release("a-same", "2022-01-01").title("Forum"),
        release("new", "2023-01-01").title("Forum"),
    ]);
    assert_eq!(
        slugs(&catalog, &Filters::default().with_query("forum")),
        ["new", "a-same", "b-same", "old"]
    );
}

#[test]
fn an_explicit_sort_beats_relevance() {
    let catalog = Catalog::new(vec![
        release("title", "2020-01-01").title("Forum"),
        release("body", "2023-01-01").body("A forum."),
    ]);
    let filters = Filters::default().with_query("forum");
    assert_eq!(slugs(&catalog, &filters), ["title", "body"]);
    let newest = filters.with_sort(Some(Sort::Newest));
    assert_eq!(slugs(&catalog, &newest), ["body", "title"]);
    assert_eq!(catalog.search(&newest).sort, Sort::Newest);
    let oldest = filters.with_sort(Some(Sort::Oldest));
    assert_eq!(slugs(&catalog, &oldest), ["title", "body"]);
    // Relevance without a query has nothing to score: newest first.
    let relevance = Filters::default().with_sort(Some(Sort::Relevance));
    assert_eq!(slugs(&catalog, &relevance), ["body", "title"]);
}
