//! The full-text index of bodies, split into pieces by term: each piece is
//! `{"terms": [["<folded word>", postings], …]}` in word order, and the
//! manifest lists each piece's first word, so a query word fetches only the
//! pieces its words can be in. Postings are positions in the light index:
//! a list of gaps (`[3, 1, 40]` = 3, 4, 44) or, when denser, a base64
//! bitmap (bit `i` of byte `i / 8`, lowest first) — whichever is shorter.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::bundle::Release;
use crate::search::FullTextKey;
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

/// The pieces' JSON and each piece's first word.
pub struct TermIndex {
    pub pieces: Vec<String>,
    pub first_words: Vec<String>,
}

/// Indexes the bodies of `releases` (positions are their order).
pub fn build_term_index(releases: &[Release]) -> TermIndex {
    let mut postings: HashMap<Box<str>, Vec<u32>> = HashMap::new();
    let mut folded = String::new();
    let mut words: Vec<Range<usize>> = Vec::new();
    for (position, release) in releases.iter().enumerate() {
        let Some(body) = &release.body else { continue };
        let position = u32::try_from(position).expect("fewer than 2^32 releases");
        fold_into(body, &mut folded);
        words.clear();
        for_each_word(&folded, |range| words.push(range));
        let mut unique: Vec<&str> = words.iter().map(|r| &folded[r.clone()]).collect();
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
    };
    let mut piece = String::new();
    for (word, positions) in sorted {
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
    Postings::Bitmap(crate::base64::encode(&bits))
}

impl Postings {
    /// The positions, checked against the light index's length.
    pub fn positions(&self, universe: usize) -> Result<Vec<u32>, String> {
        let bad = || "the full-text index does not match the releases".to_owned();
        match self {
            Postings::Gaps(gaps) => {
                let mut position: u32 = 0;
                let mut out = Vec::with_capacity(gaps.len());
                for (i, &gap) in gaps.iter().enumerate() {
                    position = position.checked_add(gap).ok_or_else(bad)?;
                    if (i > 0 && gap == 0) || position as usize >= universe {
                        return Err(bad());
                    }
                    out.push(position);
                }
                Ok(out)
            }
            Postings::Bitmap(text) => {
                let bits = crate::base64::decode(text).ok_or_else(bad)?;
                if bits.len() != universe.div_ceil(8) {
                    return Err(bad());
                }
                let mut out = Vec::new();
                for (byte_index, &byte) in bits.iter().enumerate() {
                    let mut byte = byte;
                    while byte != 0 {
                        let bit = byte.trailing_zeros();
                        out.push(byte_index as u32 * 8 + bit);
                        byte &= byte - 1;
                    }
                }
                if out.last().is_some_and(|&p| p as usize >= universe) {
                    return Err(bad());
                }
                Ok(out)
            }
        }
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
    pub fn collect(
        &self,
        key: &FullTextKey,
        universe: usize,
        out: &mut Vec<u32>,
    ) -> Result<(), String> {
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
            out.extend(postings.positions(universe)?);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
