//! The words of titles, topics, places and summaries, for search without
//! the whole index: pieces in word order (the start columns list each
//! piece's first word, so a query word fetches only the pieces its words
//! can be in), and for one- and two-letter query words, which would touch
//! many pieces, one prefix file each with the union of their postings.
//!
//! A posting is a rank and the fields holding the word, one bit each as
//! [`FIELDS`] lists them, so the field-weighted score is exact. Word
//! pieces stop there; phrase pieces (same words, same cuts, fetched only
//! for quoted phrases) add each field's word positions, counting a gap
//! between two labels of a list field as a word so no phrase spans them.
//!
//! Binary: the format; the entry count; per entry its word, its posting
//! count, and per posting `rank gap << 4 | field bits`, followed in phrase
//! pieces by each set field's positions as gaps.

use std::collections::HashMap;

use super::bytes::{Reader, push_ascending, push_number, push_text};
use crate::bundle::Release;
use crate::search::text::{fold_into, for_each_word};

const TERMS_FORMAT: u64 = 1;

/// The fields, in the order of their bits (title is bit 0).
pub const FIELDS: [&str; 4] = ["title", "topics", "places", "summary"];
const FIELD_SHIFT: u32 = 4;
const FIELD_MASK: u32 = (1 << FIELD_SHIFT) - 1;

/// A word piece's size target: a few keystrokes' worth per fetch.
pub const TERM_PIECE_BYTES: usize = 32 * 1024;
/// Query words this short are looked up in the prefix files.
pub const SHORT_PREFIX_CHARS: usize = 2;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermPiece {
    /// In word order.
    pub entries: Vec<TermEntry>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermEntry {
    pub word: String,
    /// `rank << 4 | field bits`, ascending.
    pub postings: Vec<u32>,
    /// Phrase pieces only: per posting, per field bit set (lowest first),
    /// the word's positions in that field.
    pub positions: Vec<Vec<u32>>,
}

pub fn rank_of(posting: u32) -> u32 {
    posting >> FIELD_SHIFT
}

pub fn fields_of(posting: u32) -> u8 {
    (posting & FIELD_MASK) as u8
}

impl TermPiece {
    pub fn encode(&self, with_positions: bool) -> Vec<u8> {
        let mut out = Vec::new();
        push_number(&mut out, TERMS_FORMAT);
        push_number(&mut out, self.entries.len() as u64);
        for entry in &self.entries {
            push_entry(&mut out, entry, with_positions);
        }
        out
    }

    /// Reads a piece over `releases` ranks; `what` names it in messages.
    pub fn decode(
        bytes: &[u8],
        releases: usize,
        with_positions: bool,
        what: &str,
    ) -> Result<TermPiece, String> {
        let mut reader = Reader::new(bytes, what);
        if reader.number()? != TERMS_FORMAT {
            return Err(reader.error("it is in a format this app does not know"));
        }
        let mut entries = Vec::with_capacity(reader.count()?);
        for _ in 0..entries.capacity() {
            let entry = read_entry(&mut reader, releases, with_positions)?;
            if entries
                .last()
                .is_some_and(|last: &TermEntry| last.word >= entry.word)
            {
                return Err(reader.error("its words are out of order"));
            }
            entries.push(entry);
        }
        reader.finish()?;
        Ok(TermPiece { entries })
    }

    /// The entries whose word starts with `prefix` (or is `word` exactly).
    pub fn matching(&self, word: &str, prefix: bool) -> &[TermEntry] {
        let start = self.entries.partition_point(|e| e.word.as_str() < word);
        let rest = &self.entries[start..];
        let length = rest
            .iter()
            .take_while(|e| {
                if prefix {
                    e.word.starts_with(word)
                } else {
                    e.word == word
                }
            })
            .count();
        &rest[..length]
    }
}

fn push_entry(out: &mut Vec<u8>, entry: &TermEntry, with_positions: bool) {
    push_text(out, &entry.word);
    push_number(out, entry.postings.len() as u64);
    let mut previous = 0;
    let mut positions = entry.positions.iter();
    for &posting in &entry.postings {
        let rank = rank_of(posting);
        push_number(
            out,
            u64::from(rank - previous) << FIELD_SHIFT | u64::from(posting & FIELD_MASK),
        );
        previous = rank;
        if with_positions {
            for _ in 0..fields_of(posting).count_ones() {
                push_ascending(out, positions.next().expect("positions per field"));
            }
        }
    }
}

fn read_entry(
    reader: &mut Reader,
    releases: usize,
    with_positions: bool,
) -> Result<TermEntry, String> {
    let word = reader.text()?.to_owned();
    let count = reader.count()?;
    let mut entry = TermEntry {
        word,
        postings: Vec::with_capacity(count),
        positions: Vec::new(),
    };
    let mut rank: u64 = 0;
    for index in 0..count {
        let packed = reader.number()?;
        let gap = packed >> FIELD_SHIFT;
        rank += gap;
        let fields = (packed & u64::from(FIELD_MASK)) as u32;
        if (index > 0 && gap == 0) || rank >= releases as u64 || fields == 0 {
            return Err(reader.error("a posting is out of order or out of range"));
        }
        entry.postings.push((rank as u32) << FIELD_SHIFT | fields);
        if with_positions {
            for _ in 0..fields.count_ones() {
                entry.positions.push(reader.ascending(u32::MAX as usize)?);
            }
        }
    }
    Ok(entry)
}

/// Every term segment of an archive.
#[derive(Debug, Default)]
pub struct TermSegments {
    pub word_pieces: Vec<Vec<u8>>,
    /// The word pieces with positions, cut at the same words.
    pub phrase_pieces: Vec<Vec<u8>>,
    pub first_words: Vec<String>,
    /// Ascending; file `i` is `prefix_files[i]`.
    pub short_prefixes: Vec<String>,
    pub prefix_files: Vec<Vec<u8>>,
}

/// Where a word occurs: `(rank, field index, position)`, in that order.
type Occurrences = Vec<(u32, u8, u32)>;

/// Indexes `ranked` (releases in rank order).
pub fn build_term_segments(ranked: &[&Release]) -> TermSegments {
    let mut occurrences: HashMap<Box<str>, Occurrences> = HashMap::new();
    let mut folded = String::new();
    for (rank, release) in ranked.iter().enumerate() {
        let rank = u32::try_from(rank).expect("fewer than 2^28 releases");
        let fields: [&[String]; 4] = [
            std::slice::from_ref(&release.title),
            &release.topics,
            &release.locations,
            std::slice::from_ref(&release.summary),
        ];
        for (field, labels) in (0u8..).zip(fields) {
            let mut position = 0u32;
            for (index, label) in labels.iter().enumerate() {
                // A gap between labels, as in the catalog's word streams.
                position += u32::from(index > 0);
                fold_into(label, &mut folded);
                for_each_word(&folded, |range| {
                    let seen = (rank, field, position);
                    match occurrences.get_mut(&folded[range.clone()]) {
                        Some(list) => list.push(seen),
                        None => {
                            occurrences.insert(folded[range].into(), vec![seen]);
                        }
                    }
                    position += 1;
                });
            }
        }
    }
    let mut sorted: Vec<(Box<str>, Occurrences)> = occurrences.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut segments = TermSegments::default();
    let mut words = Vec::new();
    let mut phrases = Vec::new();
    let mut entries = 0;
    let mut prefixes = ShortPrefixes::default();
    for (word, occurrences) in sorted {
        let entry = entry_of(&word, &occurrences);
        prefixes.add(&entry, &mut segments);
        if words.is_empty() {
            segments.first_words.push(entry.word.clone());
        }
        push_entry(&mut words, &entry, false);
        push_entry(&mut phrases, &entry, true);
        entries += 1;
        if words.len() >= TERM_PIECE_BYTES {
            segments.close_piece(std::mem::take(&mut entries), &mut words, &mut phrases);
        }
    }
    if !words.is_empty() {
        segments.close_piece(entries, &mut words, &mut phrases);
    }
    prefixes.flush_all(&mut segments);
    segments
}

impl TermSegments {
    /// Ends the current piece: its entries, behind a format and a count.
    fn close_piece(&mut self, entries: usize, words: &mut Vec<u8>, phrases: &mut Vec<u8>) {
        for (body, out) in [
            (std::mem::take(words), &mut self.word_pieces),
            (std::mem::take(phrases), &mut self.phrase_pieces),
        ] {
            let mut piece = Vec::with_capacity(body.len() + 8);
            push_number(&mut piece, TERMS_FORMAT);
            push_number(&mut piece, entries as u64);
            piece.extend_from_slice(&body);
            out.push(piece);
        }
    }
}

fn entry_of(word: &str, occurrences: &[(u32, u8, u32)]) -> TermEntry {
    let mut entry = TermEntry {
        word: word.to_owned(),
        ..TermEntry::default()
    };
    let mut at = 0;
    while at < occurrences.len() {
        let rank = occurrences[at].0;
        let mut fields = 0u32;
        while let Some(&(same_rank, field, _)) = occurrences.get(at)
            && same_rank == rank
        {
            fields |= 1 << field;
            let mut positions = Vec::new();
            while let Some(&(r, f, position)) = occurrences.get(at)
                && (r, f) == (rank, field)
            {
                positions.push(position);
                at += 1;
            }
            entry.positions.push(positions);
        }
        entry.postings.push(rank << FIELD_SHIFT | fields);
    }
    entry
}

/// The postings of the words under the current one- and two-character
/// prefix; words come in order, so each prefix's words are consecutive.
#[derive(Default)]
struct ShortPrefixes {
    open: [Option<(String, Vec<u32>)>; SHORT_PREFIX_CHARS],
}

impl ShortPrefixes {
    fn add(&mut self, entry: &TermEntry, segments: &mut TermSegments) {
        for (length, slot) in (1..).zip(&mut self.open) {
            let Some((end, _)) = entry.word.char_indices().nth(length - 1) else {
                continue;
            };
            let end = end + entry.word[end..].chars().next().map_or(0, char::len_utf8);
            let prefix = &entry.word[..end];
            if slot.as_ref().is_none_or(|(open, _)| open != prefix) {
                flush(slot, segments);
                *slot = Some((prefix.to_owned(), Vec::new()));
            }
            if let Some((_, postings)) = slot {
                postings.extend_from_slice(&entry.postings);
            }
        }
    }

    fn flush_all(&mut self, segments: &mut TermSegments) {
        self.open.iter_mut().for_each(|slot| flush(slot, segments));
        // Flushed per length; the start columns list them in word order.
        let mut files: Vec<(String, Vec<u8>)> = std::mem::take(&mut segments.short_prefixes)
            .into_iter()
            .zip(std::mem::take(&mut segments.prefix_files))
            .collect();
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        (segments.short_prefixes, segments.prefix_files) = files.into_iter().unzip();
    }
}

/// Writes a prefix's file: the union of its words' postings, a release's
/// field bits ORed, as one entry named by the prefix.
fn flush(slot: &mut Option<(String, Vec<u32>)>, segments: &mut TermSegments) {
    let Some((prefix, mut postings)) = slot.take() else {
        return;
    };
    postings.sort_unstable();
    let mut merged: Vec<u32> = Vec::with_capacity(postings.len());
    for posting in postings {
        match merged.last_mut() {
            Some(last) if rank_of(*last) == rank_of(posting) => *last |= posting,
            _ => merged.push(posting),
        }
    }
    let piece = TermPiece {
        entries: vec![TermEntry {
            word: prefix.clone(),
            postings: merged,
            positions: Vec::new(),
        }],
    };
    segments.prefix_files.push(piece.encode(false));
    segments.short_prefixes.push(prefix);
}

#[cfg(test)]
mod tests;
