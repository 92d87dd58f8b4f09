//! Release records in shards by rank: `{"releases": [...]}`, each release
//! as in the light index (no body; `has_body` says there is one). Shard
//! `s` holds ranks `s * per_shard ..`, so a page of the listing fetches
//! two shards, and a search's page one per release at worst.

use serde::Deserialize;

use crate::bundle::Release;
use crate::derived::light::light;

/// Releases per shard: a page of 20 of the listing is two shards, and a
/// shard is about 11 KB with summaries of 700 characters, so even a page
/// of search results from 20 shards stays near 200 KB.
pub const RECORDS_PER_SHARD: u32 = 10;

pub fn records_json(ranked: &[&Release]) -> String {
    let releases: Vec<_> = ranked.iter().map(|release| light(release)).collect();
    serde_json::to_string(&serde_json::json!({ "releases": releases }))
        .expect("records always serialise")
}

#[derive(Deserialize)]
struct RecordShard {
    releases: Vec<Release>,
}

/// Reads a shard that must hold `expected` releases.
pub fn read_records(bytes: &[u8], expected: usize) -> Result<Vec<Release>, String> {
    let shard: RecordShard = serde_json::from_slice(bytes)
        .map_err(|e| format!("a shard of release records cannot be read: {e}"))?;
    if shard.releases.len() != expected {
        return Err(format!(
            "a shard of release records holds {} releases instead of {expected}",
            shard.releases.len()
        ));
    }
    Ok(shard.releases)
}
