//! Body shards: `{"bodies": {"<slug>": "<body>", …}}`, a release's body in
//! shard [`shard_of`] of its slug. About [`SHARD_BYTES`] each, so opening a
//! release fetches one small file.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::manifest::shard_of;
use crate::bundle::Bundle;

pub const SHARD_BYTES: usize = 128 * 1024;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct BodyShard {
    pub bodies: HashMap<String, String>,
}

/// How many shards the bundle's bodies need (0 without bodies).
pub fn shard_count(bundle: &Bundle) -> u32 {
    let bytes: usize = bundle
        .releases
        .iter()
        .filter_map(|r| r.body.as_ref())
        .map(String::len)
        .sum();
    let has_any = bundle.releases.iter().any(|r| r.body.is_some());
    if !has_any {
        return 0;
    }
    u32::try_from(bytes.div_ceil(SHARD_BYTES).max(1)).unwrap_or(u32::MAX)
}

/// Each shard's JSON, in shard order.
pub fn body_shards(bundle: &Bundle, shards: u32) -> Vec<String> {
    let mut grouped: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); shards as usize];
    for release in &bundle.releases {
        if let Some(body) = &release.body {
            let slug = release.slug.as_str();
            grouped[shard_of(slug, shards) as usize].insert(slug, body);
        }
    }
    grouped
        .iter()
        .map(|bodies| {
            serde_json::to_string(&serde_json::json!({ "bodies": bodies }))
                .expect("a shard always serialises")
        })
        .collect()
}

pub fn read_shard(bytes: &[u8]) -> Result<BodyShard, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the body shard cannot be read: {e}"))
}
