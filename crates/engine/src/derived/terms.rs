//! The full-text index of bodies, split into pieces by term: each piece is
//! `{"terms": [["<folded word>", postings], …]}` in word order, and the
//! manifest lists each piece's first word, so a query word fetches only the
//! pieces its words can be in. Postings are positions in the light index:
//! a list of gaps (`[3, 1, 40]` = 3, 4, 44) or, when denser, a base64
//! bitmap (bit `i` of byte `i / 8`, lowest first) — whichever is shorter.
//! Words are kept by their first [`FULL_TEXT_WORD_CHARS`] characters, so
//! the manifest holds at most that many characters per piece of at least
//! [`PIECE_BYTES`], whatever the bodies hold.
//!
//! [`FULL_TEXT_WORD_CHARS`]: crate::search::FULL_TEXT_WORD_CHARS

use std::collections::HashMap;
use std::ops::Range;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};

use super::words::WordCounts;
use crate::bundle::Release;
use crate::markdown::search_text;
use crate::search::FullTextKey;
use crate::search::indexed_word;
use crate::search::text::{fold_into, for_each_word};

/// A piece's size target: small enough to fetch per keystroke.
pub const PIECE_BYTES: usize = 48 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Postings {
    Gaps(Vec<u32>),
    Bitmap(String),
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Piece {
    pub terms: Vec<(String, Postings)>,
}

/// The pieces' JSON and each piece's first word, and every word with the
/// number of bodies holding it.
pub struct TermIndex {
    pub pieces: Vec<String>,
    pub first_words: Vec<String>,
    pub words: WordCounts,
}

/// Indexes the bodies of `releases` (positions are their order).
pub fn build_term_index(releases: &[Release]) -> TermIndex {
    let mut postings: HashMap<Box<str>, Vec<u32>> = HashMap::new();
    let mut folded = String::new();
    let mut words: Vec<Range<usize>> = Vec::new();
    for (position, release) in releases.iter().enumerate() {
        let Some(body) = &release.body else { continue };
        let position = u32::try_from(position).expect("fewer than 2^32 releases");
        // The words, not the Markdown around them or link addresses.
        fold_into(&search_text(body), &mut folded);
        words.clear();
        for_each_word(&folded, |range| words.push(range));
        let mut unique: Vec<&str> = words
            .iter()
            .map(|r| indexed_word(&folded[r.clone()]).0)
            .collect();
        unique.sort_unstable();
        unique.dedup();
        for word in unique {
            match postings.get_mut(word) {
                Some(list) => list.push(position),
                None => {
                    postings.insert(word.into(), vec![position]);
                }
            }
        }
    }
    let mut sorted: Vec<(Box<str>, Vec<u32>)> = postings.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let universe = releases.len();
    let mut index = TermIndex {
        pieces: Vec::new(),
        first_words: Vec::new(),
        words: WordCounts::default(),
    };
    let mut piece = String::new();
    for (word, positions) in sorted {
        let count = u32::try_from(positions.len()).expect("fewer than 2^32 releases");
        index.words.words.push((word.to_string(), count));
        let entry = serde_json::to_string(&(&*word, encode(&positions, universe)))
            .expect("an entry always serialises");
        if piece.is_empty() {
            index.first_words.push(word.into());
            piece.push_str("{\"terms\":[");
        } else {
            piece.push(',');
        }
        piece.push_str(&entry);
        if piece.len() >= PIECE_BYTES {
            piece.push_str("]}");
            index.pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        piece.push_str("]}");
        index.pieces.push(piece);
    }
    index
}

fn encode(positions: &[u32], universe: usize) -> Postings {
    let mut previous = 0;
    let gaps: Vec<u32> = positions
        .iter()
        .map(|&p| {
            let gap = p - previous;
            previous = p;
            gap
        })
        .collect();
    let gaps_chars: usize = gaps
        .iter()
        .map(|g| g.checked_ilog10().unwrap_or(0) as usize + 2)
        .sum();
    let bitmap_chars = universe.div_ceil(8).div_ceil(3) * 4;
    if gaps_chars <= bitmap_chars {
        return Postings::Gaps(gaps);
    }
    let mut bits = vec![0u8; universe.div_ceil(8)];
    for &p in positions {
        bits[p as usize / 8] |= 1 << (p % 8);
    }
    Postings::Bitmap(BASE64.encode(&bits))
}

impl Postings {
    /// Adds the positions to `out`, checked against its universe.
    pub fn mark(&self, out: &mut Positions) -> Result<(), String> {
        let bad = || "the full-text index does not match the releases".to_owned();
        match self {
            Postings::Gaps(gaps) => {
                let mut position: u32 = 0;
                for (i, &gap) in gaps.iter().enumerate() {
                    position = position.checked_add(gap).ok_or_else(bad)?;
                    if (i > 0 && gap == 0) || position as usize >= out.universe {
                        return Err(bad());
                    }
                    out.insert(position);
                }
                Ok(())
            }
            Postings::Bitmap(text) => {
                let bytes = BASE64.decode(text).map_err(|_| bad())?;
                if bytes.len() != out.universe.div_ceil(8) {
                    return Err(bad());
                }
                // Bits past the universe would name releases that do not exist.
                let spare = bytes.len() * 8 - out.universe;
                if spare > 0 && bytes[bytes.len() - 1] >> (8 - spare) != 0 {
                    return Err(bad());
                }
                out.or_bytes(&bytes);
                Ok(())
            }
        }
    }

    /// The positions, ascending.
    #[cfg(test)]
    pub fn positions(&self, universe: usize) -> Result<Vec<u32>, String> {
        let mut out = Positions::new(universe);
        self.mark(&mut out)?;
        Ok(out.to_vec())
    }
}

/// A set of positions in the light index: one bit each, so merging the
/// postings of many words costs no sorting.
#[derive(Clone, Debug)]
pub struct Positions {
    universe: usize,
    blocks: Vec<u64>,
}

impl Positions {
    pub fn new(universe: usize) -> Positions {
        Positions {
            universe,
            blocks: vec![0; universe.div_ceil(64)],
        }
    }

    fn insert(&mut self, position: u32) {
        self.blocks[position as usize / 64] |= 1 << (position % 64);
    }

    /// ORs a bitmap in the postings' byte order (bit `i` of byte `i / 8`).
    fn or_bytes(&mut self, bytes: &[u8]) {
        for (block, chunk) in self.blocks.iter_mut().zip(bytes.chunks(8)) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            *block |= u64::from_le_bytes(word);
        }
    }

    /// The positions, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        let mut out = Vec::new();
        for (index, &block) in self.blocks.iter().enumerate() {
            let mut bits = block;
            while bits != 0 {
                out.push(index as u32 * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
        out
    }
}

/// The pieces that can hold the words `key` looks for.
pub fn pieces_for(first_words: &[String], key: &FullTextKey) -> Range<usize> {
    if first_words.is_empty() {
        return 0..0;
    }
    let word = key.word.as_str();
    let start = first_words
        .partition_point(|first| first.as_str() <= word)
        .saturating_sub(1);
    let end = if key.prefix {
        first_words.partition_point(|first| first.as_str() < word || first.starts_with(word))
    } else {
        start + 1
    };
    start..end.max(start + 1)
}

pub fn read_piece(bytes: &[u8]) -> Result<Piece, String> {
    serde_json::from_slice(bytes)
        .map_err(|e| format!("a piece of the full-text index cannot be read: {e}"))
}

impl Piece {
    /// Adds to `out` the positions of the releases with a word `key` finds.
    pub fn collect(&self, key: &FullTextKey, out: &mut Positions) -> Result<(), String> {
        let word = key.word.as_str();
        let start = self.terms.partition_point(|(term, _)| term.as_str() < word);
        for (term, postings) in &self.terms[start..] {
            let found = if key.prefix {
                term.starts_with(word)
            } else {
                term == word
            };
            if !found {
                break;
            }
            postings.mark(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
