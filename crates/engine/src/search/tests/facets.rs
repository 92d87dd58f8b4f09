//! Facet filtering and counting.

use super::fixtures::{With, date, found, release};
use crate::filters::{FacetKey, Filters, TypeChoice};
use crate::search::{Catalog, Facet};

fn catalog() -> Catalog {
    Catalog::new(vec![
        release("law-2023", "2023-05-01")
            .title("Courts")
            .topics(&["Rule of law"])
            .places(&["Dushanbe"])
            .kind("News"),
        release("gender-2023", "2023-02-01")
            .title("Training")
            .topics(&["Gender equality"])
            .kind("News"),
        release("both-2022", "2022-08-15")
            .title("Courts and training")
            .topics(&["Rule of law", "Gender equality"])
            .places(&["Dushanbe", "Khujand"])
            .kind("Press release"),
        release("bare-2021", "2021-03-09").title("Courts"),
        release("bare-2019", "2019-05-03").title("Judges"),
    ])
}

/// `(label, count, selected)` of each value, in facet order.
fn listed(facet: &Facet) -> Vec<(&str, usize, bool)> {
    (facet.values.iter())
        .map(|value| (value.label.as_str(), value.count, value.selected))
        .collect()
}

#[test]
fn values_within_a_facet_widen() {
    let catalog = catalog();
    assert_eq!(
        found(&catalog, "topic=Rule+of+law"),
        ["law-2023", "both-2022"]
    );
    assert_eq!(
        found(&catalog, "topic=Rule+of+law&topic=Gender+equality"),
        ["law-2023", "gender-2023", "both-2022"]
    );
    assert_eq!(
        found(&catalog, "year=2023&year=2019"),
        ["law-2023", "gender-2023", "bare-2019"]
    );
}

#[test]
fn facets_narrow_each_other_and_the_query() {
    let catalog = catalog();
    assert_eq!(
        found(&catalog, "topic=Rule+of+law&year=2022"),
        ["both-2022"]
    );
    assert_eq!(found(&catalog, "type=News&place=Dushanbe"), ["law-2023"]);
    assert_eq!(
        found(&catalog, "q=courts&topic=Rule+of+law"),
        ["law-2023", "both-2022"]
    );
    assert_eq!(found(&catalog, "q=courts&type=(none)"), ["bare-2021"]);
    assert_eq!(found(&catalog, "type=Press+release&type=(none)").len(), 3);
}

#[test]
fn date_ranges_are_inclusive() {
    let catalog = catalog();
    assert_eq!(
        found(&catalog, "from=2021-03-09&to=2023-02-01"),
        ["gender-2023", "both-2022", "bare-2021"]
    );
    assert_eq!(found(&catalog, "from=2023-05-01"), ["law-2023"]);
    assert_eq!(found(&catalog, "to=2019-05-03"), ["bare-2019"]);
    assert!(found(&catalog, "from=2024-01-01").is_empty());
    assert_eq!(
        found(&catalog, "from=2022-01-01&to=2022-12-31&q=training"),
        ["both-2022"]
    );
}

#[test]
fn an_inverted_range_finds_nothing_and_says_so() {
    let catalog = catalog();
    let filters = Filters::default()
        .with_from(Some(date("2023-01-01")))
        .with_to(Some(date("2022-01-01")))
        .with_topic_toggled("Rule of law");
    let result = catalog.search(&filters);
    assert!(result.inverted_range);
    assert!(result.ids.is_empty());
    assert_eq!(listed(&result.facets.topics), [("Rule of law", 0, true)]);
    assert!(!catalog.search(&Filters::default()).inverted_range);
}

#[test]
fn a_facet_counts_as_if_its_own_choice_were_not_made() {
    let catalog = catalog();
    let result = catalog.search(&Filters::from_query("topic=Rule+of+law&year=2023"));
    assert_eq!(result.ids.len(), 1);
    // Topics: over year 2023 only, ignoring the topic choice.
    assert_eq!(
        listed(&result.facets.topics),
        [("Gender equality", 1, false), ("Rule of law", 1, true)]
    );
    // Years: over Rule of law only, ignoring the year choice.
    assert_eq!(
        listed(&result.facets.years),
        [("2023", 1, true), ("2022", 1, false)]
    );
    // Types and places: over both choices.
    assert_eq!(listed(&result.facets.types), [("News", 1, false)]);
    assert_eq!(listed(&result.facets.places), [("Dushanbe", 1, false)]);
}

#[test]
fn counts_follow_the_query_and_dates() {
    let catalog = catalog();
    let result = catalog.search(&Filters::from_query("q=courts&from=2021-01-01"));
    assert_eq!(
        listed(&result.facets.years),
        [("2023", 1, false), ("2022", 1, false), ("2021", 1, false)]
    );
    assert_eq!(
        listed(&result.facets.types),
        [
            ("News", 1, false),
            ("Not specified", 1, false),
            ("Press release", 1, false)
        ]
    );
}

#[test]
fn values_order_by_count_then_label_and_years_descend() {
    let catalog = catalog();
    let facets = catalog.search(&Filters::default()).facets;
    assert_eq!(
        listed(&facets.topics),
        [("Gender equality", 2, false), ("Rule of law", 2, false)]
    );
    assert_eq!(
        listed(&facets.places),
        [("Dushanbe", 2, false), ("Khujand", 1, false)]
    );
    assert_eq!(
        listed(&facets.types),
        [
            ("News", 2, false),
            ("Not specified", 2, false),
            ("Press release", 1, false)
        ]
    );
    let years: Vec<&str> = facets
        .years
        .values
        .iter()
        .map(|v| v.label.as_str())
        .collect();
    assert_eq!(years, ["2023", "2022", "2021", "2019"]);
}

#[test]
fn label_order_ignores_case_and_accents() {
    let catalog = Catalog::new(vec![release("a", "2020-01-01").topics(&[
        "zebra",
        "Émigrés",
        "apple",
    ])]);
    let facets = catalog.search(&Filters::default()).facets;
    let labels: Vec<&str> = facets
        .topics
        .values
        .iter()
        .map(|v| v.label.as_str())
        .collect();
    assert_eq!(labels, ["apple", "Émigrés", "zebra"]);
}

#[test]
fn selected_values_show_even_without_matches() {
    let catalog = catalog();
    let result = catalog.search(&Filters::from_query(
        "topic=Astronomy&year=1999&type=Podcast&place=Mars&q=courts",
    ));
    assert!(result.ids.is_empty());
    assert_eq!(listed(&result.facets.topics), [("Astronomy", 0, true)]);
    assert_eq!(listed(&result.facets.years), [("1999", 0, true)]);
    assert_eq!(listed(&result.facets.types), [("Podcast", 0, true)]);
    assert_eq!(listed(&result.facets.places), [("Mars", 0, true)]);
    let key = &result.facets.places.values[0].key;
    assert_eq!(*key, FacetKey::Place("Mars".into()));
}

#[test]
fn keys_toggle_their_own_value() {
    let catalog = catalog();
    let facets = catalog.search(&Filters::default()).facets;
    let unspecified = (facets.types.values.iter())
        .find(|value| value.key == FacetKey::Type(TypeChoice::Unspecified))
        .expect("releases without a type are a value");
    let filters = Filters::default().with_toggled(&unspecified.key);
    assert_eq!(
        found(&catalog, &filters.to_query()),
        ["bare-2021", "bare-2019"]
    );
    assert_eq!(filters.types, [TypeChoice::Unspecified]);
}

#[test]
fn releases_without_topics_or_places_are_counted_apart() {
    let catalog = catalog();
    let facets = catalog.search(&Filters::default()).facets;
    assert_eq!(facets.topics.none_count, 2);
    assert_eq!(facets.places.none_count, 3);
    assert_eq!(facets.types.none_count, 0);
    let facets = catalog.search(&Filters::from_query("q=courts")).facets;
    assert_eq!(facets.topics.none_count, 1);
}

#[test]
fn each_count_is_the_size_of_the_result_it_offers() {
    let catalog = catalog();
    for query in [
        "",
        "q=courts",
        "topic=Rule+of+law",
        "year=2023&type=News",
        "q=c&from=2022-01-01",
    ] {
        assert_counts_match_results(&catalog, &Filters::from_query(query));
    }
}

/// For every value of every facet, its count equals the number of results
/// when that value alone is chosen in its facet (the other facets as they
/// are).
pub(super) fn assert_counts_match_results(catalog: &Catalog, filters: &Filters) {
    let facets = catalog.search(filters).facets;
    for facet in [&facets.topics, &facets.places, &facets.types, &facets.years] {
        for value in &facet.values {
            let mut alone = filters.clone();
            match &value.key {
                FacetKey::Topic(_) => alone.topics.clear(),
                FacetKey::Place(_) => alone.places.clear(),
                FacetKey::Type(_) => alone.types.clear(),
                FacetKey::Year(_) => alone.years.clear(),
            }
            let alone = alone.with_toggled(&value.key);
            let size = catalog.search(&alone).ids.len();
            assert_eq!(value.count, size, "{:?} under {filters:?}", value.key);
        }
    }
}
