//! Which releases match the query terms, and how well: every term must
//! match (AND), each anywhere; where it matched decides the score.

use std::ops::Range;

use super::corrections::Correction;
use super::full_text::{FullTextHits, FullTextKey, phrase_keys, releases_with_all, word_key};
use super::idset::IdSet;
use super::index::{Field, TextIndex};
use super::query::{MAX_TERMS, QueryTerms};

/// The releases matching all terms, with their relevance scores (indexed by
/// release id; meaningful for matched releases only).
pub(super) struct TextMatch {
    pub(super) matched: IdSet,
    pub(super) scores: Vec<u32>,
    /// Releases where some term was found in the body only, so their title
    /// and summary do not show why they matched; not narrowed to `matched`
    /// (the caller narrows both to the final result).
    pub(super) body_only: IdSet,
}

/// A term resolved to word ids, and to full-text hits from outside.
struct Term {
    kind: TermKind,
    /// Releases whose full text (outside the catalog) holds the term.
    elsewhere: Option<Vec<u32>>,
}

enum TermKind {
    /// Any word in the range (the words starting with the query word).
    Word(Range<u32>),
    /// Consecutive words, each in its range.
    Phrase(Vec<Range<u32>>),
    /// Any of these words: the near words of a word that matches nothing.
    AnyOf(Vec<Range<u32>>),
}

/// Scores compare tier by tier: title, then topics or places, then summary,
/// then body. Each tier counts the terms found there in 8 bits, enough for
/// `MAX_TERMS`.
const TIERS: [(u8, u32); 4] = [
    (Field::Title.bit(), 1 << 24),
    (Field::Topics.bit() | Field::Places.bit(), 1 << 16),
    (Field::Summary.bit(), 1 << 8),
    (Field::Body.bit(), 1),
];
const _: () = assert!(MAX_TERMS < 256);

/// The score of a term found in a set of fields, for every set of fields:
/// a table lookup per matching release instead of a loop.
const SCORES: [u32; 32] = {
    let mut scores = [0; 32];
    let mut fields = 0;
    while fields < 32 {
        let mut tier = 0;
        while tier < TIERS.len() {
            if fields as u8 & TIERS[tier].0 != 0 {
                scores[fields] += TIERS[tier].1;
            }
            tier += 1;
        }
        fields += 1;
    }
    scores
};

/// Narrows `within` to the releases matching every term, in the catalog
/// or in `full_text`; a word that has a correction matches through its
/// near words.
pub(super) fn match_terms(
    index: &TextIndex,
    terms: &QueryTerms,
    corrections: &[Correction],
    full_text: &FullTextHits,
    within: IdSet,
) -> TextMatch {
    let universe = index.release_count();
    let mut resolved = resolve(index, terms, corrections, full_text);
    if resolved.iter().any(|term| term.cannot_match()) {
        return TextMatch::start(IdSet::empty(universe), universe);
    }
    let mut text_match = TextMatch::start(within, universe);
    // The rarest term first: later terms then only touch what is left.
    crate::sorting::sort_by_cached_key(&mut resolved, |term| term.cost(index));
    let mut found = vec![0u8; universe];
    let mut scratch = vec![0u8; universe];
    for term in &resolved {
        let matched = &text_match.matched;
        if matched.is_empty() {
            break;
        }
        found.fill(0);
        match &term.kind {
            TermKind::Word(words) => index.mark_fields(words, &mut found),
            TermKind::AnyOf(near) => near.iter().for_each(|w| index.mark_fields(w, &mut found)),
            TermKind::Phrase(phrase) => {
                mark_phrase_fields(index, phrase, matched, &mut found, &mut scratch);
            }
        }
        text_match.count_term(&mut found, term.elsewhere.as_deref().unwrap_or_default());
    }
    text_match
}

impl TextMatch {
    /// Before any term: everything in `within`, no scores.
    pub(super) fn start(within: IdSet, universe: usize) -> TextMatch {
        TextMatch {
            matched: within,
            scores: vec![0; universe],
            body_only: IdSet::empty(universe),
        }
    }

    /// Counts one term: `found` holds the fields where it occurs in the
    /// catalog, `elsewhere` the releases whose full text holds it. Keeps
    /// the releases where it occurs, adding its score.
    pub(super) fn count_term(&mut self, found: &mut [u8], elsewhere: &[u32]) {
        for &id in elsewhere {
            if let Some(fields) = found.get_mut(id as usize) {
                *fields |= Field::Body.bit();
            }
        }
        let (scores, body_only) = (&mut self.scores, &mut self.body_only);
        self.matched.retain(|id| {
            let fields = found[id as usize];
            scores[id as usize] += SCORES[usize::from(fields & 31)];
            if fields == Field::Body.bit() {
                body_only.insert(id);
            }
            fields != 0
        });
    }
}

impl Term {
    /// No word of the catalog and no full text holds it.
    fn cannot_match(&self) -> bool {
        let in_catalog = match &self.kind {
            TermKind::Word(words) => !words.is_empty(),
            TermKind::Phrase(phrase) => phrase.iter().all(|words| !words.is_empty()),
            TermKind::AnyOf(near) => near.iter().any(|words| !words.is_empty()),
        };
        !in_catalog && self.elsewhere.as_ref().is_none_or(Vec::is_empty)
    }

    fn cost(&self, index: &TextIndex) -> usize {
        let in_catalog = match &self.kind {
            TermKind::Word(words) => index.posting_count(words),
            TermKind::Phrase(phrase) => phrase
                .iter()
                .map(|w| index.posting_count(w))
                .min()
                .unwrap_or(0),
            TermKind::AnyOf(near) => near.iter().map(|w| index.posting_count(w)).sum(),
        };
        in_catalog + self.elsewhere.as_ref().map_or(0, Vec::len)
    }
}

/// Word ids and full-text hits for each term.
fn resolve(
    index: &TextIndex,
    terms: &QueryTerms,
    corrections: &[Correction],
    full_text: &FullTextHits,
) -> Vec<Term> {
    let words =
        terms
            .words
            .iter()
            .map(|word| match corrections.iter().find(|c| &c.typed == word) {
                Some(correction) => near_term(index, &correction.nearest, full_text),
                None => Term {
                    kind: TermKind::Word(index.prefix_range(word)),
                    elsewhere: word_key(word)
                        .and_then(|key| full_text.get(&key).map(<[u32]>::to_vec)),
                },
            });
    let phrases = terms.phrases.iter().map(|phrase| {
        let (last, leading) = phrase.split_last().expect("phrases have two words or more");
        let mut ranges: Vec<_> = leading.iter().map(|w| index.exact_range(w)).collect();
        ranges.push(index.prefix_range(last));
        Term {
            kind: TermKind::Phrase(ranges),
            elsewhere: phrase_keys(phrase).and_then(|keys| releases_with_all(full_text, &keys)),
        }
    });
    words.chain(phrases).collect()
}

/// Any of the near words, each exactly, in the catalog or the full texts.
fn near_term(index: &TextIndex, nearest: &[String], full_text: &FullTextHits) -> Term {
    let ranges = nearest.iter().map(|word| index.exact_range(word)).collect();
    let mut elsewhere: Option<Vec<u32>> = None;
    for word in nearest {
        let key = FullTextKey {
            word: word.clone(),
            prefix: false,
        };
        if let Some(ids) = full_text.get(&key) {
            elsewhere
                .get_or_insert_with(Vec::new)
                .extend_from_slice(ids);
        }
    }
    if let Some(ids) = &mut elsewhere {
        ids.sort_unstable();
        ids.dedup();
    }
    Term {
        kind: TermKind::AnyOf(ranges),
        elsewhere,
    }
}

/// Marks the fields holding the phrase: first the fields holding all its
/// words (cheap, from postings), then a check of those fields' word order.
fn mark_phrase_fields(
    index: &TextIndex,
    phrase: &[Range<u32>],
    within: &IdSet,
    found: &mut [u8],
    scratch: &mut [u8],
) {
    let Some((first, rest)) = phrase.split_first() else {
        return;
    };
    index.mark_fields(first, found);
    for words in rest {
        scratch.fill(0);
        index.mark_fields(words, scratch);
        within.for_each(|id| found[id as usize] &= scratch[id as usize]);
    }
    within.for_each(|id| {
        let fields = &mut found[id as usize];
        if *fields != 0 {
            *fields = index.phrase_fields(id, *fields, phrase);
        }
    });
}
