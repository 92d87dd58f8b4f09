//! Which releases match the query terms, and how well: every term must
//! match (AND), each anywhere; where it matched decides the score.

use std::ops::Range;

use super::idset::IdSet;
use super::index::{Field, TextIndex};
use super::query::{MAX_TERMS, QueryTerms};

/// The releases matching all terms, with their relevance scores (indexed by
/// release id; meaningful for matched releases only).
pub(super) struct TextMatch {
    pub(super) matched: IdSet,
    pub(super) scores: Vec<u32>,
}

/// A term resolved to word ids.
enum Term {
    /// Any word in the range (the words starting with the query word).
    Word(Range<u32>),
    /// Consecutive words, each in its range.
    Phrase(Vec<Range<u32>>),
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

/// Narrows `within` to the releases matching every term.
pub(super) fn match_terms(index: &TextIndex, terms: &QueryTerms, within: IdSet) -> TextMatch {
    let universe = index.release_count();
    let mut matched = within;
    let mut scores = vec![0; universe];
    let Some(mut resolved) = resolve(index, terms) else {
        return TextMatch {
            matched: IdSet::empty(universe),
            scores,
        };
    };
    // The rarest term first: later terms then only touch what is left.
    resolved.sort_by_cached_key(|term| match term {
        Term::Word(words) => index.posting_count(words),
        Term::Phrase(phrase) => phrase
            .iter()
            .map(|w| index.posting_count(w))
            .min()
            .unwrap_or(0),
    });
    let mut found = vec![0u8; universe];
    let mut scratch = vec![0u8; universe];
    for term in &resolved {
        if matched.is_empty() {
            break;
        }
        found.fill(0);
        match term {
            Term::Word(words) => index.mark_fields(words, &mut found),
            Term::Phrase(phrase) => {
                mark_phrase_fields(index, phrase, &matched, &mut found, &mut scratch);
            }
        }
        matched.retain(|id| {
            let fields = found[id as usize];
            scores[id as usize] += SCORES[usize::from(fields & 31)];
            fields != 0
        });
    }
    TextMatch { matched, scores }
}

/// Word ids for each term; `None` when some term has no word in the
/// catalog, so nothing can match.
fn resolve(index: &TextIndex, terms: &QueryTerms) -> Option<Vec<Term>> {
    let words = terms
        .words
        .iter()
        .map(|word| Term::Word(index.prefix_range(word)));
    let phrases = terms.phrases.iter().map(|phrase| {
        let (last, leading) = phrase.split_last().expect("phrases have two words or more");
        let mut ranges: Vec<_> = leading.iter().map(|w| index.exact_range(w)).collect();
        ranges.push(index.prefix_range(last));
        Term::Phrase(ranges)
    });
    let resolved: Vec<Term> = words.chain(phrases).collect();
    let all_known = resolved.iter().all(|term| match term {
        Term::Word(words) => !words.is_empty(),
        Term::Phrase(phrase) => phrase.iter().all(|words| !words.is_empty()),
    });
    all_known.then_some(resolved)
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
