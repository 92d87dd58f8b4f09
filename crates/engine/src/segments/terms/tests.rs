use super::*;
use crate::search::tests::fixtures::release;

fn posting(rank: u32, fields: u32) -> u32 {
    rank << 4 | fields
}

#[test]
fn pieces_round_trip_with_and_without_positions() {
    let piece = TermPiece {
        entries: vec![
            TermEntry {
                word: "law".into(),
                postings: vec![posting(1, 0b1001), posting(5, 0b0010)],
                positions: vec![vec![0], vec![3, 9], vec![2]],
            },
            TermEntry {
                word: "prison".into(),
                postings: vec![posting(0, 1)],
                positions: vec![vec![4]],
            },
        ],
    };
    let with = TermPiece::decode(&piece.encode(true), 6, true, "p").unwrap();
    assert_eq!(with, piece);
    let without = TermPiece::decode(&piece.encode(false), 6, false, "p").unwrap();
    assert_eq!(without.entries[0].postings, piece.entries[0].postings);
    assert!(without.entries[0].positions.is_empty());
    assert!(
        TermPiece::decode(&piece.encode(false), 5, false, "p").is_err(),
        "rank 5 of 5"
    );
    assert_eq!(piece.matching("la", true).len(), 1);
    assert_eq!(piece.matching("la", false).len(), 0);
    assert_eq!(piece.matching("prison", false)[0].word, "prison");
}

#[test]
fn segments_hold_fields_positions_and_short_prefixes() {
    let mut first = release("a", "2020-01-01");
    first.title = "Prison reform".into();
    first.topics = vec!["Rule of law".into(), "Prisons".into()];
    let mut second = release("b", "2020-01-01");
    second.summary = "A prison visit".into();
    let segments = build_term_segments(&[&first, &second]);
    assert_eq!(segments.word_pieces.len(), segments.first_words.len());
    let piece = TermPiece::decode(&segments.phrase_pieces[0], 2, true, "p").unwrap();
    let prison = &piece.matching("prison", false)[0];
    assert_eq!(prison.postings, [posting(0, 0b0001), posting(1, 0b1000)]);
    assert_eq!(prison.positions, [vec![0], vec![1]]);
    let prisons = &piece.matching("prisons", false)[0];
    // "rule of law" takes 0..3, the gap 3, "prisons" 4.
    assert_eq!(prisons.positions, [vec![4]]);
    let at = segments
        .short_prefixes
        .iter()
        .position(|p| p == "pr")
        .unwrap();
    let short = TermPiece::decode(&segments.prefix_files[at], 2, false, "p").unwrap();
    assert_eq!(
        short.entries[0].postings,
        [posting(0, 0b0011), posting(1, 0b1000)]
    );
    assert!(segments.short_prefixes.windows(2).all(|w| w[0] < w[1]));
}
