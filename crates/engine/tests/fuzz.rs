//! Fuzz targets, run for a bounded number of cases on every test run: no
//! bundle text, URL or query may make the shared code panic. More cases:
//! `PROPTEST_CASES=100000 cargo test --test fuzz`.

use newsroom_engine::bundle::{check_bundle, check_bundle_bytes};
use newsroom_engine::derived::bodies::read_shard;
use newsroom_engine::derived::terms::{Positions, read_piece};
use newsroom_engine::filters::Filters;
use newsroom_engine::search::FullTextKey;
use newsroom_engine::search::{Catalog, QueryTerms, highlight};
use proptest::prelude::*;
use serde_json::Value;

const SEED: &str = include_str!("../../../public/releases.json");

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Arbitrary JSON values, a few levels deep, biased to bundle-like keys.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
    ];
    let key = prop_oneof![
        Just("version".to_owned()),
        Just("site".to_owned()),
        Just("releases".to_owned()),
        Just("slug".to_owned()),
        Just("title".to_owned()),
        Just("published".to_owned()),
        Just("topics".to_owned()),
        Just("locations".to_owned()),
        Just("summary".to_owned()),
        Just("content_type".to_owned()),
        Just("source_url".to_owned()),
        ".{0,8}",
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// The seed bundle with bytes cut, repeated or replaced.
fn mutated_seed() -> impl Strategy<Value = String> {
    (0..SEED.len(), 0..64_usize, any::<u8>(), 0..3_u8).prop_map(|(at, len, byte, how)| {
        let mut bytes = SEED.as_bytes().to_vec();
        let end = (at + len).min(bytes.len());
        match how {
            0 => {
                bytes.drain(at..end);
            }
            1 => {
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => bytes[at] = byte,
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Query strings made of the characters that matter to the parser.
fn query_string() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[?&=+%#a-z0-9\"()\\-]{0,80}",
        prop::collection::vec(
            (
                prop_oneof![
                    Just("q"),
                    Just("topic"),
                    Just("place"),
                    Just("type"),
                    Just("year"),
                    Just("from"),
                    Just("to"),
                    Just("sort"),
                    Just("page")
                ],
                "[%+a-zA-Z0-9\"()é ,.\\-]{0,20}",
            ),
            0..8,
        )
        .prop_map(|pairs| pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_checked_without_panicking(text in ".{0,200}") {
        let _ = check_bundle(&text);
    }

    #[test]
    fn any_json_is_checked_without_panicking(value in json_value()) {
        let _ = check_bundle(&value.to_string());
        let wrapped = serde_json::json!({"version": 1, "site": {"name": "N"}, "releases": [value]});
        let checked = check_bundle(&wrapped.to_string()).expect("the shape is right");
        prop_assert_eq!(checked.bundle.releases.len() + checked.left_out(), 1);
    }

    #[test]
    fn a_damaged_seed_never_panics_and_never_drops_silently(text in mutated_seed()) {
        if let Ok(checked) = check_bundle(&text) {
            prop_assert_eq!(checked.bundle.releases.len() + checked.left_out(), checked.releases_in_source);
            prop_assert!(checked.left_out() == 0 || !checked.problems.is_empty());
        }
    }

    #[test]
    fn any_url_gives_filters_that_round_trip_and_search(raw in query_string()) {
        let filters = Filters::from_query(&raw);
        let again = Filters::from_query(&filters.to_query());
        prop_assert_eq!(&again, &filters);
        let catalog = Catalog::new(check_bundle(SEED).unwrap().bundle.releases);
        let result = catalog.search(&filters);
        prop_assert!(result.ids.iter().all(|&id| (id as usize) < catalog.releases().len()));
    }

    #[test]
    fn highlighting_any_text_keeps_the_text(text in ".{0,120}", query in ".{0,30}") {
        let parts = highlight(&text, &QueryTerms::parse(&query));
        let joined: String = parts.iter().map(|(s, _)| s.as_str()).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn any_bytes_as_index_piece_or_shard_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = check_bundle_bytes(&bytes);
        let _ = read_shard(&bytes);
        let _ = read_piece(&bytes);
    }

    #[test]
    fn any_piece_with_bad_postings_is_refused_not_a_panic(
        gaps in proptest::collection::vec(any::<u32>(), 0..20),
        bitmap in "[A-Za-z0-9+/=]{0,40}",
        universe in 0usize..200,
    ) {
        let text = serde_json::json!({"terms": [["abc", gaps], ["abd", bitmap]]}).to_string();
        let piece = read_piece(text.as_bytes()).expect("well-formed piece");
        let key = FullTextKey { word: "ab".into(), prefix: true };
        let mut positions = Positions::new(universe);
        if piece.collect(&key, &mut positions).is_ok() {
            prop_assert!(positions.to_vec().iter().all(|&p| (p as usize) < universe));
        }
    }
}
