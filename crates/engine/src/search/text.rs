//! Words as search sees them: maximal runs of alphanumeric characters in
//! folded text. The index, the query and the highlighter all split here, so
//! they always agree on where a word starts and ends.

use std::ops::Range;

use crate::fold::push_folded;

/// Calls `visit` with the byte range of each word of already folded text.
/// A plain loop: the index runs it over every word of the catalog.
pub(crate) fn for_each_word(folded: &str, mut visit: impl FnMut(Range<usize>)) {
    let mut word_start = None;
    for (index, c) in folded.char_indices() {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(index),
            (false, Some(start)) => {
                visit(start..index);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = word_start {
        visit(start..folded.len());
    }
}

/// The words of already folded text.
pub(super) fn words(folded: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for_each_word(folded, |range| words.push(&folded[range]));
    words
}

/// Replaces `out` with the folded form of `text`, the same as
/// [`crate::fold::fold`] but reusing `out`'s buffer, and copying ASCII text
/// whole (folding it only lower-cases it), which most text is.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        text.chars().for_each(|c| push_folded(c, out));
    }
}

#[cfg(test)]
mod tests {
    use super::{fold_into, words};
    use crate::fold::fold;

    fn split(text: &str) -> Vec<String> {
        words(&fold(text)).into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn words_are_alphanumeric_runs_of_folded_text() {
        assert_eq!(
            split("Zugić’s co-operation, 2023!"),
            ["zugic", "s", "co", "operation", "2023"]
        );
        assert_eq!(split("Tajikistan's"), ["tajikistan", "s"]);
        assert_eq!(split("Straße ÆRØ Душанбе"), ["strasse", "aero", "душанбе"]);
        assert!(split(" ?! “” ").is_empty());
        assert_eq!(split("x"), ["x"]);
    }

    #[test]
    fn fold_into_matches_fold() {
        let mut out = String::from("left over");
        for text in ["", "Plain ASCII, Text 42", "Zugić ŒUVRE Straße", "Душанбе"] {
            fold_into(text, &mut out);
            assert_eq!(out, fold(text));
        }
    }
}
