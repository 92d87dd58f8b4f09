use super::*;

fn marked(text: &str, query: &str) -> Vec<String> {
    highlight(text, &QueryTerms::parse(query))
        .into_iter()
        .filter(|(_, matched)| *matched)
        .map(|(part, _)| part)
        .collect()
}

fn joined(text: &str, query: &str) -> String {
    highlight(text, &QueryTerms::parse(query))
        .into_iter()
        .map(|(part, _)| part)
        .collect()
}

#[test]
fn word_prefixes_are_marked() {
    let text = "The penitentiary reform forum; a prison system";
    assert_eq!(marked(text, "penitent prison"), ["penitent", "prison"]);
    assert_eq!(
        highlight("A prison.", &QueryTerms::parse("prison")),
        [
            ("A ".to_owned(), false),
            ("prison".to_owned(), true),
            (".".to_owned(), false)
        ]
    );
}

#[test]
fn only_word_starts_match() {
    assert!(marked("imprisonment", "prison").is_empty());
}

#[test]
fn the_longest_matching_word_wins() {
    assert_eq!(marked("penitentiary", "pen penitent"), ["penitent"]);
}

#[test]
fn accents_and_case_are_mapped_back() {
    assert_eq!(marked("Ambassador Vuk Zugić", "zugic"), ["Zugić"]);
    assert_eq!(marked("ZUGIC", "Zugić"), ["ZUGIC"]);
    assert_eq!(marked("Zugic\u{301} visited", "zugic"), ["Zugic\u{301}"]);
    assert_eq!(marked("Zugic\u{301}\u{300} visited", "zug"), ["Zug"]);
}

#[test]
fn expansions_round_to_whole_characters() {
    assert_eq!(marked("Straße", "stras"), ["Straß"]);
    assert_eq!(marked("Straße", "strasse"), ["Straße"]);
    assert_eq!(marked("Ærøskøbing", "aero"), ["Ærø"]);
    assert_eq!(marked("Ærøskøbing", "a"), ["Æ"]);
}

#[test]
fn phrase_words_are_marked() {
    let text = "focused on the prison system in Tajikistan";
    assert_eq!(marked(text, "\"prison sys\""), ["prison", "sys"]);
}

#[test]
fn segments_cover_the_text_exactly() {
    let samples = [
        "",
        "a",
        "ß",
        "Zugić’s visit",
        "\u{301}\u{301}a",
        "🙂 prison 🙂",
        "İstanbul",
        "ǅemal",
        "Душанбе",
        "a\u{0}b",
    ];
    for text in samples {
        for query in ["a", "zug", "\"", "и", "prison", "dz", "istanbul", "s"] {
            assert_eq!(joined(text, query), text, "{text:?} / {query:?}");
        }
    }
}

#[test]
fn no_terms_means_one_plain_segment() {
    assert_eq!(
        highlight("Text", &QueryTerms::default()),
        [("Text".to_owned(), false)]
    );
    assert!(highlight("", &QueryTerms::parse("a")).is_empty());
}
