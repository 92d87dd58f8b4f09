//! The inverted index: for each word of the vocabulary, the releases that
//! contain it and in which fields; and for each release field, its words in
//! order, to check phrases. Built once; text is folded once, here.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::lists::{Lists, as_id};
use super::text::{fold_into, for_each_word};
use super::vocabulary::Vocabulary;
use crate::bundle::Release;
use crate::markdown::search_text;

/// The searchable fields, one bit each in a posting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    Topics,
    Places,
    Summary,
    Body,
}

impl Field {
    pub(super) const ALL: [Field; 5] = [
        Field::Title,
        Field::Topics,
        Field::Places,
        Field::Summary,
        Field::Body,
    ];

    pub(super) const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A posting packs a release id and its field bits into one `u32`.
const FIELD_BITS: u32 = 5;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
/// Marks the gap between two labels of a list field in a word stream, so a
/// phrase cannot run from one topic into the next.
const LABEL_GAP: u32 = u32::MAX;

pub(super) struct TextIndex {
    release_count: usize,
    vocabulary: Vocabulary,
    /// For each word id, its postings in ascending release order.
    postings: Lists,
    /// For each release and field (`release * 5 + field`), its word ids.
    streams: Lists,
}

impl TextIndex {
    pub(super) fn release_count(&self) -> usize {
        self.release_count
    }

    /// Word ids of the words starting with `prefix`.
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<u32> {
        self.vocabulary.prefix_range(prefix)
    }

    /// The word id of exactly `word`, as a range of at most one.
    pub(super) fn exact_range(&self, word: &str) -> Range<u32> {
        self.vocabulary.exact_range(word)
    }

    /// Every word with the number of releases holding it.
    pub(super) fn words_with_counts(&self) -> impl Iterator<Item = (&str, u32)> {
        (0..self.vocabulary.len()).map(|id| {
            let releases = self.posting_count(&(as_id(id)..as_id(id + 1)));
            (self.vocabulary.word(id), as_id(releases))
        })
    }

    /// How many postings a range of words has: the cost of looking it up.
    pub(super) fn posting_count(&self, words: &Range<u32>) -> usize {
        self.postings.start(words.end as usize) - self.postings.start(words.start as usize)
    }

    /// Whether exactly `word` is in some release's topics or places: the
    /// archive's curated names, never taken for typos.
    pub(super) fn is_label_word(&self, word: &str) -> bool {
        let label_fields = u32::from(Field::Topics.bit() | Field::Places.bit());
        let word = self.exact_range(word);
        let postings = &self.postings.items()
            [self.postings.start(word.start as usize)..self.postings.start(word.end as usize)];
        postings.iter().any(|posting| posting & label_fields != 0)
    }

    /// Adds to `found[release]` the fields where any of `words` occurs.
    /// Every posting is marked, not only those of current candidates:
    /// callers read `found` for candidates only, and skipping the check
    /// saves a lookup per posting.
    pub(super) fn mark_fields(&self, words: &Range<u32>, found: &mut [u8]) {
        let postings = &self.postings.items()
            [self.postings.start(words.start as usize)..self.postings.start(words.end as usize)];
        for &posting in postings {
            found[(posting >> FIELD_BITS) as usize] |= (posting & FIELD_MASK) as u8;
        }
    }

    /// Which of `fields` of `release` hold the phrase: consecutive words,
    /// each in its range of word ids.
    pub(super) fn phrase_fields(&self, release: u32, fields: u8, phrase: &[Range<u32>]) -> u8 {
        let holds_phrase = |field: &Field| {
            let stream = self
                .streams
                .get(release as usize * Field::ALL.len() + *field as usize);
            !phrase.is_empty()
                && stream.windows(phrase.len()).any(|window| {
                    window
                        .iter()
                        .zip(phrase)
                        .all(|(word, range)| range.contains(word))
                })
        };
        Field::ALL
            .iter()
            .filter(|field| fields & field.bit() != 0)
            .filter(|field| holds_phrase(field))
            .fold(0, |bits, field| bits | field.bit())
    }
}

/// Word ids by word while building, hashed with [`WordHasher`].
type WordIds = HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>;

/// Folds and splits every field into word streams, numbering words in the
/// order first seen; a slice of releases at a time, so that a caller can
/// stop in between (see `CatalogBuilder`).
pub(super) struct WordReader {
    word_ids: WordIds,
    streams: Lists,
    releases: usize,
    folded: String,
    stream: Vec<u32>,
}

impl Default for WordReader {
    fn default() -> WordReader {
        WordReader {
            word_ids: WordIds::default(),
            streams: Lists::new(),
            releases: 0,
            folded: String::new(),
            stream: Vec::new(),
        }
    }
}

impl WordReader {
    /// Reads the next releases (in catalog order).
    pub(super) fn read(&mut self, releases: &[Release]) {
        let WordReader {
            word_ids,
            streams,
            folded,
            stream,
            ..
        } = self;
        for release in releases {
            // Bodies are Markdown: the words, not the markup or link addresses.
            let body_words = (release.body.as_deref()).map(|body| search_text(body).into_owned());
            for field in Field::ALL {
                stream.clear();
                let labels = match field {
                    Field::Title => std::slice::from_ref(&release.title),
                    Field::Topics => &release.topics[..],
                    Field::Places => &release.locations[..],
                    Field::Summary => std::slice::from_ref(&release.summary),
                    Field::Body => body_words.as_slice(),
                };
                for (index, label) in labels.iter().enumerate() {
                    if index > 0 {
                        stream.push(LABEL_GAP);
                    }
                    fold_into(label, folded);
                    for_each_word(folded, |range| {
                        let word = &folded[range];
                        let id = match word_ids.get(word) {
                            Some(&id) => id,
                            None => {
                                let id = as_id(word_ids.len());
                                word_ids.insert(word.into(), id);
                                id
                            }
                        };
                        stream.push(id);
                    });
                }
                streams.push(stream.iter().copied());
            }
        }
        self.releases += releases.len();
    }

    /// The index of every release read: words numbered in alphabetical
    /// order, and each word's postings.
    pub(super) fn finish(self) -> TextIndex {
        let WordReader {
            word_ids,
            mut streams,
            releases,
            ..
        } = self;
        // Postings pack a release id, and building packs a word id, with
        // the field bits into a `u32`.
        let limit = 1 << (32 - FIELD_BITS);
        assert!(releases < limit && word_ids.len() < limit);
        let mut sorted: Vec<(Box<str>, u32)> = word_ids.into_iter().collect();
        sorted.sort_unstable();
        let mut renumbered = vec![0; sorted.len()];
        for (rank, (_, first_seen)) in sorted.iter().enumerate() {
            renumbered[*first_seen as usize] = as_id(rank);
        }
        for token in streams.items_mut().iter_mut().filter(|t| **t != LABEL_GAP) {
            *token = renumbered[*token as usize];
        }
        let vocabulary = Vocabulary::from_sorted(sorted.iter().map(|(word, _)| &**word));
        let postings = invert(&streams, releases, vocabulary.len());
        TextIndex {
            release_count: releases,
            vocabulary,
            postings,
            streams,
        }
    }
}

/// Turns the per-release word streams into per-word postings.
fn invert(streams: &Lists, release_count: usize, word_count: usize) -> Lists {
    // Each release's distinct words with their field bits, `word << 5 | bits`.
    let mut release_words = Lists::new();
    let mut entries = Vec::new();
    for release in 0..release_count {
        entries.clear();
        for field in Field::ALL {
            let stream = streams.get(release * Field::ALL.len() + field as usize);
            for &word in stream.iter().filter(|&&word| word != LABEL_GAP) {
                entries.push(word << FIELD_BITS | u32::from(field.bit()));
            }
        }
        entries.sort_unstable();
        entries.dedup_by(|later, earlier| {
            let same_word = *later >> FIELD_BITS == *earlier >> FIELD_BITS;
            if same_word {
                *earlier |= *later;
            }
            same_word
        });
        release_words.push(entries.iter().copied());
    }
    Lists::group(word_count, |emit| {
        for release in 0..release_count {
            for &entry in release_words.get(release) {
                let posting = as_id(release) << FIELD_BITS | (entry & FIELD_MASK);
                emit(entry >> FIELD_BITS, posting);
            }
        }
    })
}

/// FxHash, as in rustc: several times faster than the standard SipHash on
/// short words, which matters over millions of words. Its weakness against
/// crafted collisions does not: the words come from the site's own bundle.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
