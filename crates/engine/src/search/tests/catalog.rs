//! Lookup by slug, neighbours and related releases.

use super::fixtures::{With, release};
use crate::search::Catalog;

fn slug_of(catalog: &Catalog, id: Option<u32>) -> Option<&str> {
    id.map(|id| catalog.releases()[id as usize].slug.as_str())
}

#[test]
fn releases_are_found_by_slug() {
    let catalog = Catalog::new(vec![
        release("b", "2020-01-01"),
        release("c", "2021-01-01"),
        release("a", "2022-01-01"),
    ]);
    assert_eq!(catalog.by_slug("a"), Some(2));
    assert_eq!(catalog.by_slug("b"), Some(0));
    assert_eq!(catalog.by_slug("c"), Some(1));
    assert_eq!(catalog.by_slug("d"), None);
    assert_eq!(catalog.by_slug(""), None);
    assert_eq!(Catalog::new(Vec::new()).by_slug("a"), None);
}

#[test]
fn neighbours_follow_the_newest_first_listing() {
    let catalog = Catalog::new(vec![
        release("middle-b", "2021-01-01"),
        release("newest", "2022-01-01"),
        release("oldest", "2020-01-01"),
        release("middle-a", "2021-01-01"),
    ]);
    let around = |slug: &str| {
        let (older, newer) = catalog.neighbours(catalog.by_slug(slug).unwrap());
        (slug_of(&catalog, older), slug_of(&catalog, newer))
    };
    assert_eq!(around("newest"), (Some("middle-a"), None));
    assert_eq!(around("middle-a"), (Some("middle-b"), Some("newest")));
    assert_eq!(around("middle-b"), (Some("oldest"), Some("middle-a")));
    assert_eq!(around("oldest"), (None, Some("middle-b")));
    assert_eq!(catalog.neighbours(99), (None, None));
}

#[test]
fn related_prefers_shared_topics_then_places_then_nearby_dates() {
    let catalog = Catalog::new(vec![
        release("subject", "2022-06-01")
            .topics(&["Rule of law", "Gender equality", "Youth"])
            .places(&["Dushanbe"]),
        release("two-topics", "2010-01-01").topics(&["Rule of law", "Youth"]),
        release("one-topic-same-place", "2011-01-01")
            .topics(&["Gender equality"])
            .places(&["Dushanbe"]),
        release("one-topic", "2022-05-01").topics(&["Youth"]),
        release("same-place", "2012-01-01").places(&["Dushanbe"]),
        release("nothing-near", "2022-06-02"),
        release("nothing-far", "2000-01-01"),
    ]);
    let subject = catalog.by_slug("subject").unwrap();
    let related: Vec<Option<&str>> = (catalog.related(subject, 10).into_iter())
        .map(|id| slug_of(&catalog, Some(id)))
        .collect();
    assert_eq!(
        related,
        [
            Some("two-topics"),
            Some("one-topic-same-place"),
            Some("one-topic"),
            Some("same-place"),
            Some("nothing-near"),
            Some("nothing-far"),
        ]
    );
    let top_two = catalog.related(subject, 2);
    assert_eq!(
        slug_of(&catalog, top_two.first().copied()),
        Some("two-topics")
    );
    assert_eq!(top_two.len(), 2);
    assert!(catalog.related(subject, 0).is_empty());
    assert!(catalog.related(99, 3).is_empty());
}

#[test]
fn related_never_includes_the_release_itself() {
    let catalog = Catalog::new(vec![
        release("a", "2020-01-01").topics(&["T"]),
        release("b", "2020-01-01").topics(&["T"]),
    ]);
    assert_eq!(catalog.related(0, 5), [1]);
    assert_eq!(catalog.related(1, 5), [0]);
    assert!(
        Catalog::new(vec![release("a", "2020-01-01")])
            .related(0, 5)
            .is_empty()
    );
}

#[test]
fn a_catalog_built_in_steps_finds_exactly_what_one_built_at_once_finds() {
    use super::segmented::{Dice, searches};
    use crate::search::CatalogBuilder;
    use crate::synth::synthetic_bundle;
    for (count, step, seed) in [
        (0, 1, 1),
        (1, 1, 2),
        (300, 7, 3),
        (300, 299, 4),
        (1_000, 250, 5),
    ] {
        let releases = synthetic_bundle(count, seed, true).releases;
        let at_once = Catalog::new(releases.clone());
        let mut builder = CatalogBuilder::new(releases.clone());
        let mut steps = 1;
        while !builder.read_words(step) {
            steps += 1;
        }
        assert_eq!(
            steps,
            count.div_ceil(step).max(1),
            "{count} releases, {step} a step"
        );
        let in_steps = builder.finish();
        let mut all = vec![crate::filters::Filters::default()];
        if count > 0 {
            all.extend(searches(&releases, &mut Dice(seed), 100));
        }
        for filters in all {
            assert_eq!(
                in_steps.search(&filters),
                at_once.search(&filters),
                "{filters:?}"
            );
        }
        for id in 0..count.min(30) {
            assert_eq!(in_steps.related(id, 5), at_once.related(id, 5));
            assert_eq!(in_steps.neighbours(id), at_once.neighbours(id));
        }
    }
}
