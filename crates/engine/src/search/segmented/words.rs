//! Matching query terms against the fetched term pieces: the same marks
//! and scores as the catalog's own index (see `matching`), read from
//! postings with field bits, and word positions for phrases.

use std::collections::HashMap;
use std::ops::Range;

use super::SegmentedCatalog;
use crate::derived::terms::pieces_for;
use crate::search::FullTextKey;
use crate::search::full_text::{FullTextHits, phrase_keys, releases_with_all, word_key};
use crate::search::idset::IdSet;
use crate::search::index::Field;
use crate::search::matching::TextMatch;
use crate::search::query::QueryTerms;
use crate::segments::layout::Segment;
use crate::segments::terms::{FIELDS, SHORT_PREFIX_CHARS, TermEntry, fields_of, rank_of};

// The pieces' field bits are the catalog's.
const _: () = assert!(
    FIELDS.len() == 4
        && Field::Title.bit() == 1
        && Field::Topics.bit() == 2
        && Field::Places.bit() == 4
        && Field::Summary.bit() == 8
);

/// A word's positions per field (`FIELDS` order) in one release.
type FieldPositions = [Vec<u32>; 4];

impl SegmentedCatalog {
    /// The segments the terms' words are in and that are not here yet.
    pub(super) fn text_needs(&self, terms: &QueryTerms) -> Vec<Segment> {
        let mut needs = Vec::new();
        for word in &terms.words {
            match self.short_prefix(word) {
                Some(Some(prefix)) => needs.push(Segment::Prefix(prefix)),
                Some(None) => {}
                None => needs.extend(self.pieces(word, true).map(Segment::Words)),
            }
        }
        for phrase in &terms.phrases {
            let (last, leading) = phrase.split_last().expect("phrases have two words or more");
            let exact = leading.iter().flat_map(|word| self.pieces(word, false));
            needs.extend(exact.chain(self.pieces(last, true)).map(Segment::Phrases));
        }
        crate::sorting::sort(&mut needs);
        needs.dedup();
        needs.retain(|&segment| !self.has(segment));
        needs
    }

    /// For a word short enough for the prefix files, the file holding its
    /// words, if any word starts with it; `None` for longer words.
    fn short_prefix(&self, word: &str) -> Option<Option<u32>> {
        (word.chars().count() <= SHORT_PREFIX_CHARS).then(|| {
            let found = self
                .short_prefixes
                .binary_search_by(|p| p.as_str().cmp(word));
            found.ok().map(|index| index as u32)
        })
    }

    fn pieces(&self, word: &str, prefix: bool) -> impl Iterator<Item = u32> {
        let key = FullTextKey {
            word: word.to_owned(),
            prefix,
        };
        let Range { start, end } = pieces_for(&self.term_pieces, &key);
        (start as u32)..(end as u32)
    }

    /// The entries for a word (every word it starts, or exactly it) in
    /// the word pieces, or the phrase pieces; all must be here.
    fn entries(&self, word: &str, prefix: bool, phrases: bool) -> Vec<&TermEntry> {
        if !phrases && let Some(short) = self.short_prefix(word) {
            let piece = short.and_then(|index| self.prefixes.get(&index));
            return piece
                .map(|piece| piece.entries.iter().collect())
                .unwrap_or_default();
        }
        let pieces = if phrases { &self.phrases } else { &self.words };
        self.pieces(word, prefix)
            .filter_map(|index| pieces.get(&index))
            .flat_map(|piece| piece.matching(word, prefix))
            .collect()
    }

    /// Narrows `within` to the releases matching every term, as the
    /// catalog's `match_terms` does (no corrections: the segmented
    /// catalog has no vocabulary to correct from).
    pub(super) fn match_terms(
        &self,
        terms: &QueryTerms,
        full_text: &FullTextHits,
        within: IdSet,
    ) -> TextMatch {
        let universe = self.release_count();
        let mut text_match = TextMatch::start(within, universe);
        let mut found = vec![0u8; universe];
        for word in &terms.words {
            found.fill(0);
            for entry in self.entries(word, true, false) {
                for &posting in &entry.postings {
                    found[rank_of(posting) as usize] |= fields_of(posting);
                }
            }
            let elsewhere = word_key(word).and_then(|key| full_text.get(&key));
            text_match.count_term(&mut found, elsewhere.unwrap_or_default());
        }
        for phrase in &terms.phrases {
            found.fill(0);
            self.mark_phrase_fields(phrase, &text_match.matched, &mut found);
            let elsewhere =
                phrase_keys(phrase).and_then(|keys| releases_with_all(full_text, &keys));
            text_match.count_term(&mut found, &elsewhere.unwrap_or_default());
        }
        text_match
    }

    /// Marks, for the releases in `within`, the fields holding the
    /// phrase's words at consecutive positions.
    fn mark_phrase_fields(&self, phrase: &[String], within: &IdSet, found: &mut [u8]) {
        let last = phrase.len() - 1;
        let positions: Vec<HashMap<u32, FieldPositions>> = (phrase.iter().enumerate())
            .map(|(index, word)| self.positions(word, index == last, within))
            .collect();
        let Some((first, rest)) = positions.split_first() else {
            return;
        };
        for (&rank, starts) in first {
            let fields = (0..FIELDS.len()).filter(|&field| {
                starts[field].iter().any(|&start| {
                    (1u32..).zip(rest).all(|(offset, word)| {
                        word.get(&rank)
                            .is_some_and(|at| at[field].binary_search(&(start + offset)).is_ok())
                    })
                })
            });
            found[rank as usize] = fields.fold(0, |bits, field| bits | 1 << field);
        }
    }

    /// Where a word (or, as a prefix, its words) occurs in the releases
    /// of `within`, per release and field.
    fn positions(&self, word: &str, prefix: bool, within: &IdSet) -> HashMap<u32, FieldPositions> {
        let mut by_release: HashMap<u32, FieldPositions> = HashMap::new();
        for entry in self.entries(word, prefix, true) {
            let mut lists = entry.positions.iter();
            for &posting in &entry.postings {
                let fields = fields_of(posting);
                let rank = rank_of(posting);
                let keep = within.contains(rank);
                for field in (0..FIELDS.len()).filter(|&field| fields & 1 << field != 0) {
                    let list = lists.next().expect("positions for each field");
                    if keep {
                        let at = by_release.entry(rank).or_default();
                        at[field].extend_from_slice(list);
                    }
                }
            }
        }
        for at in by_release.values_mut().flat_map(|fields| fields.iter_mut()) {
            at.sort_unstable();
            at.dedup();
        }
        by_release
    }
}
