//! Full texts searched outside the catalog. In the app, bodies are not in
//! the catalog: the build's term index says which releases' bodies hold a
//! word, fetched piece by piece. The engine takes those answers as
//! [`FullTextHits`] and treats them as matches in the body field.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::query::QueryTerms;

/// Shorter words are looked up in titles, summaries, topics and places
/// only: one or two letters would fetch a large part of the term index on
/// every keystroke.
pub const FULL_TEXT_MIN_PREFIX: usize = 3;

/// The term index keeps a word's first this many characters: longer words
/// are cut, so no entry, and no first word of a piece in the manifest the
/// app loads at start, grows with the words of a body. A query word that
/// long looks for every word starting with its cut form.
pub const FULL_TEXT_WORD_CHARS: usize = 40;

/// A folded word as the term index keeps it, and whether it was cut.
pub(crate) fn indexed_word(word: &str) -> (&str, bool) {
    match word.char_indices().nth(FULL_TEXT_WORD_CHARS) {
        Some((end, _)) => (&word[..end], true),
        None => (word, false),
    }
}

/// One lookup in the term index: a word, or every word starting with it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FullTextKey {
    pub word: String,
    pub prefix: bool,
}

/// For each key, the catalog ids (ascending) of releases whose full text
/// holds a word it finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FullTextHits {
    hits: HashMap<FullTextKey, Arc<[u32]>>,
    /// Keys whose answer is on its way: their words are not known to match
    /// nothing yet, so they are not corrected.
    pending: HashSet<FullTextKey>,
}

impl FullTextHits {
    pub fn insert(&mut self, key: FullTextKey, mut ids: Vec<u32>) {
        ids.sort_unstable();
        ids.dedup();
        self.hits.insert(key, ids.into());
    }

    /// `ids` must be ascending and unique; shared, not copied.
    pub fn insert_sorted(&mut self, key: FullTextKey, ids: Arc<[u32]>) {
        debug_assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
        self.hits.insert(key, ids);
    }

    pub fn get(&self, key: &FullTextKey) -> Option<&[u32]> {
        self.hits.get(key).map(|ids| &ids[..])
    }

    pub fn mark_pending(&mut self, key: FullTextKey) {
        self.pending.insert(key);
    }

    pub fn is_pending(&self, key: &FullTextKey) -> bool {
        self.pending.contains(key)
    }
}

impl QueryTerms {
    /// What to look up in the term index for these terms, sorted, unique.
    pub fn full_text_keys(&self) -> Vec<FullTextKey> {
        let words = self.words.iter().filter_map(|word| word_key(word));
        let phrases = self.phrases.iter().filter_map(|p| phrase_keys(p)).flatten();
        let mut keys: Vec<FullTextKey> = words.chain(phrases).collect();
        crate::sorting::sort(&mut keys);
        keys.dedup();
        keys
    }
}

/// A word is looked up as a prefix, from [`FULL_TEXT_MIN_PREFIX`] characters.
pub(super) fn word_key(word: &str) -> Option<FullTextKey> {
    (word.chars().count() >= FULL_TEXT_MIN_PREFIX).then(|| FullTextKey {
        word: indexed_word(word).0.to_owned(),
        prefix: true,
    })
}

/// A phrase needs its leading words exactly and its last as a prefix. The
/// term index has no word positions, so in a full text a phrase matches
/// when all its words are there.
pub(super) fn phrase_keys(phrase: &[String]) -> Option<Vec<FullTextKey>> {
    let (last, leading) = phrase.split_last()?;
    let mut keys: Vec<FullTextKey> = leading
        .iter()
        .map(|word| {
            let (word, cut) = indexed_word(word);
            FullTextKey {
                word: word.to_owned(),
                prefix: cut,
            }
        })
        .collect();
    keys.push(word_key(last)?);
    Some(keys)
}

/// The ids whose full text matches every key (ascending); `None` when some
/// key was not looked up.
pub(super) fn releases_with_all(hits: &FullTextHits, keys: &[FullTextKey]) -> Option<Vec<u32>> {
    let mut lists: Vec<&[u32]> = keys
        .iter()
        .map(|key| hits.get(key))
        .collect::<Option<_>>()?;
    crate::sorting::sort_by_key(&mut lists, |list| list.len());
    let (first, rest) = lists.split_first()?;
    Some(
        first
            .iter()
            .copied()
            .filter(|id| rest.iter().all(|list| list.binary_search(id).is_ok()))
            .collect(),
    )
}
