use super::*;
use crate::search::QueryTerms;
use crate::synth::synthetic_bundle;

/// The positions whose body has a word `key` finds, by brute force.
fn brute_force(releases: &[Release], key: &FullTextKey) -> Vec<u32> {
    let mut folded = String::new();
    let mut out = Vec::new();
    for (position, release) in releases.iter().enumerate() {
        let Some(body) = &release.body else { continue };
        fold_into(body, &mut folded);
        let mut found = false;
        for_each_word(&folded, |range| {
            let word = &folded[range];
            found |= if key.prefix {
                word.starts_with(&key.word)
            } else {
                word == key.word
            };
        });
        if found {
            out.push(position as u32);
        }
    }
    out
}

/// What the app does: fetch the pieces the directory names, collect.
fn look_up(index: &TermIndex, key: &FullTextKey, universe: usize) -> Vec<u32> {
    let mut out = Positions::new(universe);
    for piece in pieces_for(&index.first_words, key) {
        let piece = read_piece(index.pieces[piece].as_bytes()).unwrap();
        piece.collect(key, &mut out).unwrap();
    }
    out.to_vec()
}

#[test]
fn every_lookup_finds_what_reading_the_bodies_finds() {
    let bundle = synthetic_bundle(1500, 7, true);
    let index = build_term_index(&bundle.releases);
    assert!(
        index.pieces.len() > 4,
        "several pieces: {}",
        index.pieces.len()
    );
    assert!(index.pieces.iter().all(|p| p.len() < PIECE_BYTES * 2));
    let universe = bundle.releases.len();
    for query in [
        "training", "tra", "pol", "osce", "zzz", "ministry", "a", "sup",
    ] {
        for prefix in [true, false] {
            let key = FullTextKey {
                word: query.into(),
                prefix,
            };
            assert_eq!(
                look_up(&index, &key, universe),
                brute_force(&bundle.releases, &key),
                "{query} {prefix}"
            );
        }
    }
    // Every first word of a piece, as a prefix and exactly (piece edges).
    for word in index.first_words.iter().step_by(3) {
        let key = FullTextKey {
            word: word.clone(),
            prefix: true,
        };
        assert_eq!(
            look_up(&index, &key, universe),
            brute_force(&bundle.releases, &key),
            "{word}"
        );
    }
}

#[test]
fn postings_take_the_shorter_form_and_read_back() {
    let sparse = encode(&[3, 4, 44], 1000);
    assert_eq!(sparse, Postings::Gaps(vec![3, 1, 40]));
    let dense: Vec<u32> = (0..1000).step_by(2).collect();
    let bitmap = encode(&dense, 1000);
    assert!(matches!(bitmap, Postings::Bitmap(_)));
    assert_eq!(bitmap.positions(1000).unwrap(), dense);
    assert_eq!(sparse.positions(1000).unwrap(), [3, 4, 44]);
}

#[test]
fn postings_that_do_not_fit_the_releases_are_refused() {
    for bad in [
        Postings::Gaps(vec![3, 0]),
        Postings::Gaps(vec![999, 1]),
        Postings::Gaps(vec![u32::MAX, u32::MAX]),
        Postings::Bitmap("AAAA".into()),
        Postings::Bitmap(BASE64.encode([0; 124]) + "//8="),
        Postings::Bitmap("not base64".into()),
    ] {
        assert!(bad.positions(1000).is_err(), "{bad:?}");
    }
}

#[test]
fn no_bodies_no_pieces() {
    let bundle = synthetic_bundle(50, 1, false);
    let index = build_term_index(&bundle.releases);
    assert!(index.pieces.is_empty() && index.first_words.is_empty());
    let key = FullTextKey {
        word: "training".into(),
        prefix: true,
    };
    assert_eq!(pieces_for(&index.first_words, &key), 0..0);
}

#[test]
fn query_keys_follow_the_terms() {
    let keys = QueryTerms::parse("po training \"rule of law\" \"on ab\"").full_text_keys();
    let words: Vec<(&str, bool)> = keys.iter().map(|k| (k.word.as_str(), k.prefix)).collect();
    // "po" is too short; "on ab" ends in a short word, so it has no keys.
    assert_eq!(
        words,
        [
            ("law", true),
            ("of", false),
            ("rule", false),
            ("training", true)
        ]
    );
}

#[test]
fn bodies_are_indexed_by_their_words_not_their_markup_or_addresses() {
    let mut bundle = synthetic_bundle(3, 1, true);
    bundle.releases[0].body =
        Some("## Handbook\n\nRead *the* [guide](https://example.org/secretaddress) now.".into());
    let index = build_term_index(&bundle.releases);
    let key = |word: &str| FullTextKey {
        word: word.into(),
        prefix: false,
    };
    assert_eq!(look_up(&index, &key("handbook"), 3), [0]);
    assert_eq!(look_up(&index, &key("guide"), 3), [0]);
    assert!(look_up(&index, &key("secretaddress"), 3).is_empty());
}

#[test]
fn bodies_of_huge_words_keep_the_manifest_small_and_stay_findable() {
    use crate::search::FULL_TEXT_WORD_CHARS;
    let mut bundle = synthetic_bundle(40, 3, true);
    // 40 bodies, each one word of 100,000 letters, all different.
    let huge = |i: usize| format!("{}{}", "abcdefghij".repeat(10_000), i);
    for (i, release) in bundle.releases.iter_mut().enumerate() {
        release.body = Some(format!("{} end", huge(i)));
    }
    let index = build_term_index(&bundle.releases);
    let manifest_words: usize = index.first_words.iter().map(String::len).sum();
    assert!(
        index
            .first_words
            .iter()
            .all(|w| w.chars().count() <= FULL_TEXT_WORD_CHARS)
    );
    assert!(manifest_words <= FULL_TEXT_WORD_CHARS * index.pieces.len());
    assert!(
        index.pieces.iter().map(String::len).sum::<usize>() < 4_000,
        "cut words share one entry"
    );
    // A query for the whole word finds every body with the word's first
    // characters, through the cut key.
    let query = QueryTerms::parse(&huge(7));
    let keys = query.full_text_keys();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].word.chars().count(), FULL_TEXT_WORD_CHARS);
    assert_eq!(look_up(&index, &keys[0], 40).len(), 40);
}
