//! Marking the searched words in the original text. Matching happens on the
//! folded text, whose length can differ from the original (ß → ss, Æ → ae,
//! combining accents vanish), so each folded position is mapped back to the
//! original character it came from.

use std::ops::Range;

use super::query::QueryTerms;
use super::text::for_each_word;
use crate::fold::push_folded;

/// `text` cut into segments in order, `true` for the parts matching a query
/// word or phrase word (the matched start of a word: "penitent" in
/// "penitentiary").
pub fn highlight(text: &str, terms: &QueryTerms) -> Vec<(String, bool)> {
    highlight_ranges(text, terms)
        .into_iter()
        .map(|(range, matched)| (text[range].to_owned(), matched))
        .collect()
}

/// Like [`highlight`], as byte ranges of `text` (always at char boundaries,
/// together covering `text`).
pub fn highlight_ranges(text: &str, terms: &QueryTerms) -> Vec<(Range<usize>, bool)> {
    let folded = FoldedText::new(text);
    let needles: Vec<&str> = (terms.words.iter())
        .chain(terms.phrases.iter().flatten())
        .map(String::as_str)
        .collect();
    let mut segments = Vec::new();
    let mut cursor = 0;
    let mut words = Vec::new();
    for_each_word(&folded.text, |word| words.push(word));
    for word in words {
        let candidate = &folded.text[word.clone()];
        let longest = needles
            .iter()
            .filter(|needle| candidate.starts_with(**needle))
            .map(|needle| needle.len())
            .max();
        let Some(length) = longest.filter(|&length| length > 0) else {
            continue;
        };
        let marked = folded.original_range(word.start..word.start + length);
        let start = marked.start.max(cursor); // never overlap the previous mark
        if start >= marked.end {
            continue;
        }
        if start > cursor {
            segments.push((cursor..start, false));
        }
        match segments.last_mut() {
            Some((previous, true)) if previous.end == start => previous.end = marked.end,
            _ => segments.push((start..marked.end, true)),
        }
        cursor = marked.end;
    }
    if cursor < text.len() {
        segments.push((cursor..text.len(), false));
    }
    segments
}

/// Text folded character by character, remembering where each character's
/// folded form lies.
struct FoldedText {
    text: String,
    /// One per original character, in order; empty for ASCII text, whose
    /// folded form lies exactly where the original does (most text: it is
    /// highlighted on every keystroke).
    spans: Vec<CharSpan>,
}

struct CharSpan {
    folded: Range<usize>,
    original: Range<usize>,
}

impl FoldedText {
    fn new(original: &str) -> FoldedText {
        if original.is_ascii() {
            return FoldedText {
                text: original.to_ascii_lowercase(),
                spans: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut spans = Vec::with_capacity(original.len());
        for (start, c) in original.char_indices() {
            let folded_start = text.len();
            push_folded(c, &mut text);
            spans.push(CharSpan {
                folded: folded_start..text.len(),
                original: start..start + c.len_utf8(),
            });
        }
        FoldedText { text, spans }
    }

    /// The original characters covering a non-empty folded range: from the
    /// character holding its first byte to the one holding its last,
    /// plus any accents that follow (they fold to nothing but belong to
    /// the letter before them).
    fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        if self.spans.is_empty() {
            return folded;
        }
        let first = self
            .spans
            .partition_point(|span| span.folded.end <= folded.start);
        let mut last = self
            .spans
            .partition_point(|span| span.folded.end < folded.end);
        while self
            .spans
            .get(last + 1)
            .is_some_and(|span| span.folded.is_empty())
        {
            last += 1;
        }
        match (self.spans.get(first), self.spans.get(last)) {
            (Some(first), Some(last)) => first.original.start..last.original.end,
            _ => 0..0,
        }
    }
}

#[cfg(test)]
mod tests;
