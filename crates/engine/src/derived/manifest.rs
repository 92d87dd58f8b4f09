//! The small file that says how the derived data is laid out.

use serde::{Deserialize, Serialize};

use crate::bundle::Site;
use crate::segments::layout::SegmentsEntry;

/// The derived files' format; the app refuses others with a message.
/// 2: body shards hold the parsed tree, not Markdown.
pub const FORMAT_VERSION: u64 = 2;

pub const INDEX_FILE: &str = "index.json";
pub const MANIFEST_FILE: &str = "manifest.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u64,
    /// Releases in the light index; term postings are positions in it.
    pub releases: usize,
    /// How many body shards; 0 when no release has a body.
    pub body_shards: u32,
    /// The first term of each term-index piece, in order.
    pub term_pieces: Vec<String>,
    /// The segmented data for large archives (see [`crate::segments`]);
    /// absent from builds before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<SegmentsEntry>,
    /// Who publishes: what the light index says, for an app that reads
    /// the segments instead; absent from builds before them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
}

/// How the app reads the archive: the build chooses, by size, and says so
/// in every page it writes (`<meta name="newsroom:layout">`), so the app
/// fetches the right files from its first request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataLayout {
    /// The light index at start: one request, and every answer at once.
    Whole,
    /// The start columns, then the segments each view needs.
    Segmented,
}

/// From this many releases the build chooses [`DataLayout::Segmented`]:
/// the light index is then about 5 MB, and past that what a reader
/// downloads before the search box answers matters more than the
/// round trips a new word's pieces cost.
pub const SEGMENTED_FROM: usize = 5_000;

impl DataLayout {
    pub fn for_archive(releases: usize) -> DataLayout {
        if releases >= SEGMENTED_FROM {
            DataLayout::Segmented
        } else {
            DataLayout::Whole
        }
    }

    /// Its name in the page's `<meta>` and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DataLayout::Whole => "whole",
            DataLayout::Segmented => "segmented",
        }
    }

    pub fn from_name(name: &str) -> Option<DataLayout> {
        [DataLayout::Whole, DataLayout::Segmented]
            .into_iter()
            .find(|layout| layout.name() == name)
    }
}

pub fn body_shard_file(shard: u32) -> String {
    format!("bodies/{shard}.json")
}

pub fn term_piece_file(piece: usize) -> String {
    format!("terms/{piece}.json")
}

/// The shard holding a release's body: FNV-1a of the slug, stable across
/// builds and platforms.
pub fn shard_of(slug: &str, shards: u32) -> u32 {
    let hash = slug.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash % shards.max(1)
}
