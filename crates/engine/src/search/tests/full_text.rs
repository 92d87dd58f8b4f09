//! Bodies searched through the build's term index give what a catalog
//! holding the bodies gives.

use crate::derived::terms::{Positions, build_term_index, pieces_for, read_piece};
use crate::filters::Filters;
use crate::search::{Catalog, FullTextHits, QueryTerms};
use crate::synth::synthetic_bundle;

fn hits_for(query: &str, releases: &[crate::bundle::Release]) -> FullTextHits {
    let index = build_term_index(releases);
    let mut hits = FullTextHits::default();
    for key in QueryTerms::parse(query).full_text_keys() {
        let mut positions = Positions::new(releases.len());
        for piece in pieces_for(&index.first_words, &key) {
            let piece = read_piece(index.pieces[piece].as_bytes()).unwrap();
            piece.collect(&key, &mut positions).unwrap();
        }
        hits.insert(key, positions.to_vec());
    }
    hits
}

/// The releases as the light index holds them.
fn without_bodies(releases: &[crate::bundle::Release]) -> Vec<crate::bundle::Release> {
    releases
        .iter()
        .cloned()
        .map(|mut r| {
            r.body = None;
            r
        })
        .collect()
}

#[test]
fn light_catalog_plus_term_index_equals_the_full_catalog() {
    let full = synthetic_bundle(400, 11, true).releases;
    let light = without_bodies(&full);
    let with_bodies = Catalog::new(full.clone());
    let without = Catalog::new(light);
    for query in [
        "training",
        "police reform",
        "osce workshop ministry",
        "tra",
        "sup",
        "zzzz",
    ] {
        let filters = Filters::default().with_query(query);
        let expected = with_bodies.search(&filters);
        let hits = hits_for(query, &full);
        let got = without.search_with(&filters, &hits);
        assert_eq!(got.ids, expected.ids, "{query}");
        assert_eq!(got.facets, expected.facets, "{query}");
        assert_eq!(got.body_only, expected.body_only, "{query}");
        // Without the hits, the light catalog finds a subset.
        let alone = without.search(&filters);
        assert!(alone.ids.iter().all(|id| got.ids.contains(id)), "{query}");
    }
}

#[test]
fn body_only_matches_are_named() {
    let full = synthetic_bundle(200, 5, true).releases;
    let catalog = Catalog::new(full.clone());
    let result = catalog.search(&Filters::default().with_query("training"));
    assert!(!result.body_only.is_empty());
    for id in &result.body_only {
        let release = &full[*id as usize];
        let visible = format!("{} {}", release.title, release.summary).to_lowercase();
        assert!(!visible.contains("training"), "{}", release.slug);
        assert!(
            release
                .body
                .as_ref()
                .unwrap()
                .to_lowercase()
                .contains("training")
        );
    }
}

#[test]
fn a_phrase_in_a_full_text_needs_all_its_words() {
    let full = synthetic_bundle(300, 2, true).releases;
    let light = without_bodies(&full);
    let catalog = Catalog::new(light);
    let query = "\"police training\"";
    let found = catalog.search_with(
        &Filters::default().with_query(query),
        &hits_for(query, &full),
    );
    let exact = Catalog::new(full.clone()).search(&Filters::default().with_query(query));
    assert!(
        exact.ids.iter().all(|id| found.ids.contains(id)),
        "a superset"
    );
    for id in &found.ids {
        let r = &full[*id as usize];
        let text = format!(
            "{} {} {}",
            r.title,
            r.summary,
            r.body.as_deref().unwrap_or("")
        )
        .to_lowercase();
        assert!(text.contains("police") && text.contains("training"));
    }
}
