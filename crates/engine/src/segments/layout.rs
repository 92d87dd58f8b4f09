//! Where each segment lives under the data folder, and the writer of them
//! all. The start columns list how many of each kind there are, so the
//! app never asks for a file that does not exist.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use super::bytes::push_number;
use super::records::{RECORDS_PER_SHARD, records_json};
use super::slugs::{bucket_count, bucket_of, encode_bucket};
use super::start::{FacetColumn, StartColumns};
use super::terms::build_term_segments;
use crate::bundle::Release;
use crate::listing::FIRST_SHOWN;

pub const START_FILE: &str = "segments/start.bin";

/// The records shards of the entries the home page renders first: the
/// newest releases, ranks `0..FIRST_SHOWN`. The build preloads them, so
/// that the app's first render does not wait a round trip for them.
pub fn first_shown_records(release_count: usize) -> Vec<Segment> {
    let shown = FIRST_SHOWN.min(release_count) as u32;
    (0..shown.div_ceil(RECORDS_PER_SHARD))
        .map(Segment::Records)
        .collect()
}

/// A segment beyond the start columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// Term piece `i`: words with their ranks and fields.
    Words(u32),
    /// Term piece `i` with word positions, for phrases.
    Phrases(u32),
    /// The postings of the `i`-th one- or two-letter prefix.
    Prefix(u32),
    /// Release records of ranks `i * per_shard ..`.
    Records(u32),
    /// Slug directory bucket `i`.
    Slugs(u32),
    /// Each light-index position's rank, to read the full-text index
    /// (whose postings are light-index positions).
    LightOrder,
}

impl Segment {
    /// The path under the data folder.
    pub fn path(self) -> String {
        match self {
            Segment::Words(piece) => format!("segments/words/{piece}.bin"),
            Segment::Phrases(piece) => format!("segments/phrases/{piece}.bin"),
            Segment::Prefix(prefix) => format!("segments/prefixes/{prefix}.bin"),
            Segment::Records(shard) => format!("segments/records/{shard}.json"),
            Segment::Slugs(bucket) => format!("segments/slugs/{bucket}.bin"),
            Segment::LightOrder => "segments/order.bin".to_owned(),
        }
    }

    /// The segment at a path [`Segment::path`] gives.
    pub fn from_path(path: &str) -> Option<Segment> {
        if path == Segment::LightOrder.path() {
            return Some(Segment::LightOrder);
        }
        let (folder, file) = path.strip_prefix("segments/")?.split_once('/')?;
        let number: u32 = file.split_once('.')?.0.parse().ok()?;
        let segment = match folder {
            "words" => Segment::Words(number),
            "phrases" => Segment::Phrases(number),
            "prefixes" => Segment::Prefix(number),
            "records" => Segment::Records(number),
            "slugs" => Segment::Slugs(number),
            _ => return None,
        };
        // Only the exact path: no leading zeros or other extensions.
        (segment.path() == path).then_some(segment)
    }
}

/// The manifest's entry: where the start columns are and how much there
/// is in all, for hosts and for the app's choice of loading path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentsEntry {
    pub start: String,
    pub start_bytes: usize,
    pub files: usize,
    pub bytes: usize,
}

/// Every segment file of `releases` (in light-index order), paths
/// relative to the data folder; the start columns first.
pub fn segment_files(releases: &[Release]) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let written = write_segments(releases, |path, bytes| {
        files.push((path, bytes));
        Ok::<(), std::convert::Infallible>(())
    });
    written.unwrap_or_else(|never| match never {});
    files
}

/// The files of [`segment_files`], in the same order, each handed to
/// `write` as soon as it is made, so that a large archive's segments are
/// never all in memory; returns the manifest's entry describing them.
pub fn write_segments<E>(
    releases: &[Release],
    mut write: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<SegmentsEntry, E> {
    let mut entry = SegmentsEntry {
        start: START_FILE.to_owned(),
        ..SegmentsEntry::default()
    };
    let mut write = |path: String, bytes: Vec<u8>| {
        entry.files += 1;
        entry.bytes += bytes.len();
        write(path, bytes)
    };
    let mut by_rank: Vec<usize> = (0..releases.len()).collect();
    by_rank.sort_by(|&a, &b| {
        let key = |i: usize| (Reverse(releases[i].published), &releases[i].slug);
        key(a).cmp(&key(b))
    });
    let ranked: Vec<&Release> = by_rank.iter().map(|&i| &releases[i]).collect();
    let terms = build_term_segments(&ranked);
    let slug_buckets = bucket_count(ranked.len());
    let start = StartColumns {
        days: ranked.iter().map(|r| r.published.day_number()).collect(),
        topics: facet_column(&ranked, |r| {
            r.topics.iter().map(|t| Some(t.as_str())).collect()
        }),
        places: facet_column(&ranked, |r| {
            r.locations.iter().map(|p| Some(p.as_str())).collect()
        }),
        types: facet_column(&ranked, |r| vec![r.content_type.as_deref()]),
        term_pieces: terms.first_words,
        short_prefixes: terms.short_prefixes,
        slug_buckets,
        records_per_shard: RECORDS_PER_SHARD,
    }
    .encode();
    let start_bytes = start.len();
    write(START_FILE.to_owned(), start)?;
    let mut numbered = |kind: fn(u32) -> Segment, contents: &mut dyn Iterator<Item = Vec<u8>>| {
        (0u32..)
            .zip(contents)
            .try_for_each(|(i, bytes)| write(kind(i).path(), bytes))
    };
    numbered(Segment::Words, &mut terms.word_pieces.into_iter())?;
    numbered(Segment::Phrases, &mut terms.phrase_pieces.into_iter())?;
    numbered(Segment::Prefix, &mut terms.prefix_files.into_iter())?;
    numbered(
        Segment::Records,
        &mut (ranked.chunks(RECORDS_PER_SHARD as usize))
            .map(|shard| records_json(shard).into_bytes()),
    )?;
    let mut buckets: Vec<Vec<(&str, u32)>> = vec![Vec::new(); slug_buckets as usize];
    for (rank, release) in (0u32..).zip(&ranked) {
        let slug = release.slug.as_str();
        buckets[bucket_of(slug, slug_buckets) as usize].push((slug, rank));
    }
    numbered(Segment::Slugs, &mut buckets.into_iter().map(encode_bucket))?;
    let mut rank_of_position = vec![0u32; releases.len()];
    for (rank, &position) in (0u32..).zip(&by_rank) {
        rank_of_position[position] = rank;
    }
    let mut order = Vec::new();
    push_number(&mut order, rank_of_position.len() as u64);
    rank_of_position
        .iter()
        .for_each(|&rank| push_number(&mut order, u64::from(rank)));
    write(Segment::LightOrder.path(), order)?;
    Ok(SegmentsEntry {
        start_bytes,
        ..entry
    })
}

/// Each value of a facet with its ranks, values in first-seen order; a
/// value listed twice by one release counts once.
fn facet_column<'a>(
    ranked: &[&'a Release],
    values_of: impl Fn(&'a Release) -> Vec<Option<&'a str>>,
) -> FacetColumn {
    let mut index: std::collections::HashMap<Option<&str>, usize> = Default::default();
    let mut values: Vec<(Option<String>, Vec<u32>)> = Vec::new();
    for (rank, release) in (0u32..).zip(ranked) {
        for value in values_of(release) {
            let next = values.len();
            let slot = *index.entry(value).or_insert_with(|| {
                values.push((value.map(str::to_owned), Vec::new()));
                next
            });
            let ranks = &mut values[slot].1;
            if ranks.last() != Some(&rank) {
                ranks.push(rank);
            }
        }
    }
    FacetColumn { values }
}

#[cfg(test)]
mod tests {
    use super::Segment;

    #[test]
    fn paths_name_their_segment() {
        for segment in [
            Segment::Words(0),
            Segment::Phrases(12),
            Segment::Prefix(3),
            Segment::Records(1_562),
            Segment::Slugs(7),
            Segment::LightOrder,
        ] {
            assert_eq!(Segment::from_path(&segment.path()), Some(segment));
        }
        for path in [
            "segments/start.bin",
            "segments/words/x.bin",
            "segments/words/01.bin",
            "terms/0.json",
        ] {
            assert_eq!(Segment::from_path(path), None, "{path}");
        }
    }
}
