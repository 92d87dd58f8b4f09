//! The slug directory, for deep links: slug to rank, in buckets by the
//! slug's hash ([`shard_of`], as body shards), so a link to one release
//! fetches one small file. Binary: the format, the entry count, then per
//! entry the slug and its rank, slugs ascending.

use super::bytes::{Reader, push_number, push_text};
pub use crate::derived::manifest::shard_of as bucket_of;

const SLUGS_FORMAT: u64 = 1;

/// Slugs per bucket, on average: about 20 KB a bucket.
pub const SLUGS_PER_BUCKET: usize = 512;

pub fn bucket_count(releases: usize) -> u32 {
    u32::try_from(releases.div_ceil(SLUGS_PER_BUCKET).max(1)).unwrap_or(u32::MAX)
}

/// One bucket's file from its `(slug, rank)` entries, in any order.
pub fn encode_bucket(mut entries: Vec<(&str, u32)>) -> Vec<u8> {
    entries.sort_unstable();
    let mut out = Vec::new();
    push_number(&mut out, SLUGS_FORMAT);
    push_number(&mut out, entries.len() as u64);
    for (slug, rank) in entries {
        push_text(&mut out, slug);
        push_number(&mut out, u64::from(rank));
    }
    out
}

pub fn decode_bucket(bytes: &[u8], releases: usize) -> Result<Vec<(String, u32)>, String> {
    let mut reader = Reader::new(bytes, "a bucket of the slug directory");
    if reader.number()? != SLUGS_FORMAT {
        return Err(reader.error("it is in a format this app does not know"));
    }
    let mut entries: Vec<(String, u32)> = Vec::with_capacity(reader.count()?);
    for _ in 0..entries.capacity() {
        let slug = reader.text()?.to_owned();
        let rank = reader.below(releases)?;
        if entries.last().is_some_and(|(last, _)| *last >= slug) {
            return Err(reader.error("its slugs are out of order"));
        }
        entries.push((slug, rank));
    }
    reader.finish()?;
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_round_trip() {
        let bytes = encode_bucket(vec![("b-release", 3), ("a-release", 0)]);
        assert_eq!(
            decode_bucket(&bytes, 4),
            Ok(vec![("a-release".into(), 0), ("b-release".into(), 3)])
        );
        assert!(decode_bucket(&bytes, 3).is_err(), "rank 3 of 3 releases");
        assert!(decode_bucket(&bytes[..bytes.len() - 1], 4).is_err());
        assert_eq!(bucket_count(0), 1);
        assert_eq!(bucket_count(1025), 3);
    }
}
