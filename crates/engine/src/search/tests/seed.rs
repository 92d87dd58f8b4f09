//! The shipped seed bundle, as readers will search it.

use super::facets::assert_counts_match_results;
use super::fixtures::{found, matching};
use crate::bundle::check_bundle;
use crate::filters::Filters;
use crate::search::{Catalog, highlight};

const SEWING: &str =
    "osce-supports-tajikistan-s-main-prison-department-to-establish-sewing-workshop";
const FORUM: &str = "osce-supports-the-second-penitentiary-reform-forum-of-tajikistan-focused-on";
const DELEGATION: &str =
    "tajik-delegation-learns-from-bosnia-and-herzegovina-s-best-practices-in-domestic";
const MINISTRY: &str =
    "osce-programme-office-in-dushanbe-and-tajikistan-s-ministry-of-foreign-affairs";

fn seed() -> Catalog {
    let checked = check_bundle(include_str!("../../../../../public/releases.json")).unwrap();
    assert!(checked.is_clean(), "{:?}", checked.problems);
    Catalog::new(checked.bundle.releases)
}

#[test]
fn names_and_prefixes_find_their_release() {
    let catalog = seed();
    assert_eq!(matching(&catalog, "zugic"), [SEWING]);
    assert_eq!(matching(&catalog, "Zugić"), [SEWING]);
    assert_eq!(matching(&catalog, "penitent"), [FORUM]);
    assert_eq!(matching(&catalog, "\"prison system\""), [FORUM]);
    assert_eq!(matching(&catalog, "\"prison system").len(), 1);
}

#[test]
fn topics_widen_and_years_narrow() {
    let catalog = seed();
    let gender = found(&catalog, "topic=Gender+equality");
    assert_eq!(gender, [DELEGATION, MINISTRY]);
    let either = found(&catalog, "topic=Gender+equality&topic=Rule+of+law");
    assert_eq!(either, [DELEGATION, MINISTRY, SEWING]);
    let in_2023 = found(
        &catalog,
        "topic=Gender+equality&topic=Rule+of+law&year=2023",
    );
    assert_eq!(in_2023, [DELEGATION]);
}

#[test]
fn every_count_is_what_choosing_it_shows() {
    let catalog = seed();
    for query in [
        "",
        "q=tajikistan",
        "topic=Rule+of+law",
        "topic=Gender+equality&topic=Rule+of+law&year=2023",
        "type=(none)&q=dushanbe",
        "place=OSCE+Programme+Office+in+Dushanbe&from=2022-01-01",
    ] {
        assert_counts_match_results(&catalog, &Filters::from_query(query));
    }
    let facets = catalog.search(&Filters::default()).facets;
    assert_eq!(facets.topics.values[0].label, "Rule of law");
    assert_eq!(facets.topics.values[0].count, 3);
    assert_eq!(facets.topics.none_count, 4);
    assert_eq!(facets.places.none_count, 5);
}

#[test]
fn the_match_is_highlighted_in_the_original_text() {
    let catalog = seed();
    let result = catalog.search(&Filters::default().with_query("zugic"));
    let summary = &catalog.releases()[result.ids[0] as usize].summary;
    let marked: Vec<String> = (highlight(summary, &result.terms).into_iter())
        .filter_map(|(part, matched)| matched.then_some(part))
        .collect();
    assert_eq!(marked, ["Zugic"]);
}

#[test]
fn the_histogram_counts_what_the_year_facet_counts() {
    let catalog = seed();
    for query in ["", "topic=Rule+of+law", "q=osce"] {
        let result = catalog.search(&Filters::from_query(query));
        let histogram = catalog.histogram(&result.ids);
        // Months add up to their year.
        let mut bars: Vec<(String, usize)> = Vec::new();
        for bar in histogram.bars.iter().filter(|bar| bar.count > 0) {
            let year = bar.period.first_day().year().to_string();
            match bars.last_mut() {
                Some((last, count)) if *last == year => *count += bar.count,
                _ => bars.push((year, bar.count)),
            }
        }
        bars.reverse();
        let years: Vec<(String, usize)> = (result.facets.years.values.iter())
            .map(|value| (value.label.clone(), value.count))
            .collect();
        assert_eq!(bars, years, "{query}");
    }
}

#[test]
fn the_catalog_knows_the_feeds_the_build_writes() {
    let catalog = seed();
    let from_releases = crate::feeds::FeedDirectory::of(catalog.releases());
    assert_eq!(catalog.feeds(), from_releases);
}
