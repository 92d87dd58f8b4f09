//! Typo tolerance: corrections from the archive's own words, near matches,
//! and words that match as typed left alone.

use super::fixtures::{With, release};
use crate::derived::words::WordCounts;
use crate::filters::Filters;
use crate::search::{
    Catalog, Correction, FullTextHits, FullTextKey, QueryTerms, SearchResult, corrected_query,
};

fn catalog() -> Catalog {
    Catalog::new(vec![
        release("dushanbe-forum", "2023-10-23")
            .title("Forum in Dushanbe")
            .summary("Experts on the penitentiary system met."),
        release("khatlon-training", "2022-06-13")
            .title("Training for police")
            .places(&["Khatlon"])
            .body("Officers from Dushanbe and Kulob took part."),
        release("zugic-visit", "2021-03-01")
            .title("Ambassador Zugić visits a prison")
            .summary("The penitentiary of Nurek."),
        release("dushanbe-water", "2020-01-01")
            .title("Water management")
            .summary("A workshop in Dushanbe on trafficking."),
    ])
}

fn forgiving(catalog: &Catalog, query: &str) -> SearchResult {
    let spelling = catalog.spelling(None);
    let filters = Filters::default().with_query(query);
    catalog.search_forgiving(&filters, &FullTextHits::default(), &spelling)
}

fn slugs(catalog: &Catalog, result: &SearchResult) -> Vec<String> {
    let releases = catalog.releases();
    let slugs = result
        .ids
        .iter()
        .map(|&id| releases[id as usize].slug.to_string());
    slugs.collect()
}

fn corrected(result: &SearchResult, query: &str) -> String {
    corrected_query(query, &result.corrections)
        .expect("a correction")
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn a_misspelt_word_is_corrected_and_widened() {
    let catalog = catalog();
    let result = forgiving(&catalog, "Dushnbe");
    assert_eq!(
        result.corrections,
        [Correction {
            typed: "dushnbe".into(),
            nearest: vec!["dushanbe".into()]
        }]
    );
    assert_eq!(corrected(&result, "Dushnbe"), "Dushanbe");
    let mut found = slugs(&catalog, &result);
    found.sort();
    assert_eq!(
        found,
        ["dushanbe-forum", "dushanbe-water", "khatlon-training"]
    );
    assert!(
        result.terms.words.contains(&"dushanbe".to_owned()),
        "highlighted"
    );
    // Without forgiveness, nothing.
    assert!(
        catalog
            .search(&Filters::default().with_query("Dushnbe"))
            .ids
            .is_empty()
    );
}

#[test]
fn transpositions_and_accents() {
    let catalog = catalog();
    assert_eq!(
        forgiving(&catalog, "Khtalon").corrections[0].nearest,
        ["khatlon"]
    );
    assert_eq!(
        forgiving(&catalog, "Zugíč").corrections.len(),
        0,
        "matches as typed"
    );
    let result = forgiving(&catalog, "Zuigć");
    assert_eq!(result.corrections[0].nearest, ["zugic"]);
    assert_eq!(slugs(&catalog, &result), ["zugic-visit"]);
}

#[test]
fn several_misspelt_words_are_corrected_together() {
    let catalog = catalog();
    let result = forgiving(&catalog, "penitentary dushnbe");
    assert_eq!(result.corrections.len(), 2);
    assert_eq!(
        corrected(&result, "penitentary dushnbe"),
        "penitentiary dushanbe"
    );
    assert_eq!(slugs(&catalog, &result), ["dushanbe-forum"]);
    // One word beyond correction: no correction at all, and no result.
    let hopeless = forgiving(&catalog, "penitentary xqzwv");
    assert!(hopeless.corrections.is_empty() && hopeless.ids.is_empty());
}

#[test]
fn words_that_match_as_typed_are_never_corrected_or_widened() {
    let catalog = catalog();
    for query in ["dushanbe", "dusha", "nurek", "Kulob", "penitentiary forum"] {
        let result = forgiving(&catalog, query);
        assert!(result.corrections.is_empty(), "{query}");
        assert_eq!(
            result.ids,
            catalog.search(&Filters::default().with_query(query)).ids,
            "{query}"
        );
    }
    // "trafficking" matches; "workshp" is misspelt and is the only word corrected.
    let result = forgiving(&catalog, "trafficking workshp");
    assert_eq!(result.corrections.len(), 1);
    assert_eq!(result.corrections[0].typed, "workshp");
    assert_eq!(slugs(&catalog, &result), ["dushanbe-water"]);
}

#[test]
fn a_word_far_rarer_than_a_near_word_is_suggested_but_never_widened() {
    // "Dushnbe" is in one release (a typo in the archive itself); "Dushanbe"
    // in ten: the typed word still matches, and "Dushanbe" is offered.
    let mut releases: Vec<_> = (0..10)
        .map(|n| release(&format!("forum-{n}"), "2023-01-01").title("Forum in Dushanbe"))
        .collect();
    releases.push(release("typo", "2022-01-01").title("Visit to Dushnbe"));
    releases.push(release("unison", "2021-01-01").title("Unison and union"));
    releases.push(release("place", "2021-01-01").places(&["Dushanbi"]));
    releases.push(release("short", "2021-01-01").title("Forun"));
    let catalog = Catalog::new(releases);
    let result = forgiving(&catalog, "Dushnbe");
    assert!(result.corrections.is_empty(), "it matches as typed");
    assert_eq!(slugs(&catalog, &result), ["typo"], "never widened");
    assert_eq!(
        result.suggestions,
        [Correction {
            typed: "dushnbe".into(),
            nearest: vec!["dushanbe".into()]
        }]
    );
    let offered = corrected_query("Dushnbe", &result.offered_corrections());
    assert_eq!(offered.unwrap(), [("Dushanbe".to_owned(), true)]);

    // Nine releases against one: not far enough apart, nothing offered.
    let mut nine = catalog.releases().to_vec();
    nine.remove(0);
    assert!(
        forgiving(&Catalog::new(nine), "Dushnbe")
            .suggestions
            .is_empty()
    );
    // The frequent word is never "corrected" to the rare one; a prefix being
    // typed ("dushn") gets nothing, nor do words of equal standing, a place
    // name, or a word of fewer than six letters ("forun" beside "forum").
    for query in ["Dushanbe", "dushn", "unison", "union", "Dushanbi", "forun"] {
        assert!(forgiving(&catalog, query).suggestions.is_empty(), "{query}");
    }
}

#[test]
fn near_matches_rank_by_where_the_near_word_is() {
    let catalog = catalog();
    let filters = Filters::from_query("q=dushnbe&sort=relevance");
    let result =
        catalog.search_forgiving(&filters, &FullTextHits::default(), &catalog.spelling(None));
    // Title first, then summary, then body.
    assert_eq!(
        slugs(&catalog, &result),
        ["dushanbe-forum", "dushanbe-water", "khatlon-training"]
    );
    assert_eq!(result.body_only.len(), 1);
}

#[test]
fn full_texts_outside_the_catalog_count() {
    // The light catalog: bodies only in the term index and its word list.
    let light = Catalog::new(vec![
        release("a", "2023-01-01").title("Forum"),
        release("b", "2022-01-01").title("Training"),
    ]);
    let body_words = WordCounts {
        words: vec![("kulob".into(), 1)],
    };
    let spelling = light.spelling(Some(&body_words));
    let filters = Filters::default().with_query("kulb");
    let terms = QueryTerms::parse("kulb");
    let typed = FullTextKey {
        word: "kulb".into(),
        prefix: true,
    };
    // The full texts have not answered yet: not unmatched, not corrected.
    let mut pending = FullTextHits::default();
    pending.mark_pending(typed.clone());
    assert!(light.unmatched_words(&terms, &pending).is_empty());
    assert!(
        light
            .search_forgiving(&filters, &pending, &spelling)
            .corrections
            .is_empty()
    );
    // They answered "nowhere": corrected to a body word, found through it.
    let mut hits = FullTextHits::default();
    hits.insert(typed, Vec::new());
    let result = light.search_forgiving(&filters, &hits, &spelling);
    assert_eq!(result.corrections[0].nearest, ["kulob"]);
    let near_key = FullTextKey {
        word: "kulob".into(),
        prefix: false,
    };
    hits.insert(near_key, vec![1]);
    let result = light.search_forgiving(&filters, &hits, &spelling);
    assert_eq!(slugs(&light, &result), ["b"]);
    assert_eq!(result.body_only, [1]);
}

/// Engine time of searches with misspelt words on the app's light catalog
/// (bodies in the term index and its word list), and the word list's size.
/// Prints figures; asserts none. By hand:
/// `cargo test --release -p newsroom-engine typo_timing -- --ignored --nocapture`
#[test]
#[ignore = "a timing harness, run by hand"]
fn typo_timing() {
    use crate::derived::terms::build_term_index;
    use crate::search::FULL_TEXT_MIN_PREFIX;
    use std::time::Instant;

    for count in [1_000, 10_000, 100_000] {
        let mut releases = crate::synth::synthetic_bundle(count, 1, true).releases;
        let body_words = build_term_index(&releases).words;
        releases.iter_mut().for_each(|release| release.body = None);
        let catalog = Catalog::new(releases);
        let started = Instant::now();
        let spelling = catalog.spelling(Some(&body_words));
        let spelling_ms = started.elapsed().as_secs_f64() * 1e3;
        let is_body_prefix = |typo: &str| {
            let at = body_words
                .words
                .partition_point(|(word, _)| word.as_str() < typo);
            body_words
                .words
                .get(at)
                .is_some_and(|(word, _)| word.starts_with(typo))
        };
        // Body words of 5+ letters without their middle letter, alone and
        // after a word that matches.
        let typos: Vec<String> = (body_words.words.iter())
            .map(|(word, _)| word)
            .filter(|word| word.len() >= 5 && word.is_ascii())
            .step_by(7)
            .map(|word| format!("{}{}", &word[..word.len() / 2], &word[word.len() / 2 + 1..]))
            .filter(|typo| !is_body_prefix(typo))
            .take(200)
            .collect();
        let mut times = Vec::new();
        let mut corrected = 0;
        for typo in &typos {
            for query in [typo.clone(), format!("training {typo}")] {
                let terms = QueryTerms::parse(&query);
                let mut hits = FullTextHits::default();
                for word in terms
                    .words
                    .iter()
                    .filter(|w| w.len() >= FULL_TEXT_MIN_PREFIX)
                {
                    let key = FullTextKey {
                        word: word.clone(),
                        prefix: true,
                    };
                    let ids = if is_body_prefix(word) {
                        vec![0]
                    } else {
                        Vec::new()
                    };
                    hits.insert(key, ids);
                }
                let filters = Filters::default().with_query(&query);
                let started = Instant::now();
                let result = catalog.search_forgiving(&filters, &hits, &spelling);
                times.push(started.elapsed().as_secs_f64() * 1e3);
                corrected += usize::from(!result.corrections.is_empty());
            }
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "{count} releases: {} words ({} in bodies), {} = {} bytes; spelling built in {spelling_ms:.1} ms; \
             {} misspelt searches, {corrected} corrected: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            spelling.len(),
            body_words.words.len(),
            crate::derived::words::WORDS_FILE,
            body_words.to_text().len(),
            times.len(),
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}
