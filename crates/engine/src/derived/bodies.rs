//! Body shards: `{"bodies": {"<slug>": [<block>, …], …}}`, a release's body
//! parsed at build time into the [`markdown`](crate::markdown) tree, in
//! shard [`shard_of`] of its slug, so the app renders bodies without a
//! Markdown parser. About [`SHARD_BYTES`] of Markdown each, so opening a
//! release fetches one small file.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;
use crate::markdown::Block;

pub const SHARD_BYTES: usize = 128 * 1024;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct BodyShard {
    pub bodies: HashMap<String, Vec<Block>>,
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

/// Each shard's JSON, in shard order, the bodies parsed: one shard at a
/// time, so a large archive's parsed bodies are never all in memory.
#[cfg(feature = "commonmark")]
pub fn body_shards(bundle: &Bundle, shards: u32) -> impl Iterator<Item = String> + '_ {
    use super::manifest::shard_of;
    use std::collections::BTreeMap;

    let mut grouped: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); shards as usize];
    for release in &bundle.releases {
        if let Some(body) = &release.body {
            let slug = release.slug.as_str();
            grouped[shard_of(slug, shards) as usize].insert(slug, body);
        }
    }
    grouped.into_iter().map(|bodies| {
        #[derive(Serialize)]
        struct Shard<'a> {
            bodies: BTreeMap<&'a str, Vec<Block>>,
        }
        let bodies = (bodies.into_iter())
            .map(|(slug, body)| (slug, crate::markdown::parse(body)))
            .collect();
        serde_json::to_string(&Shard { bodies }).expect("a shard always serialises")
    })
}

pub fn read_shard(bytes: &[u8]) -> Result<BodyShard, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the body shard cannot be read: {e}"))
}

#[cfg(all(test, feature = "commonmark"))]
mod tests {
    use super::*;
    use crate::derived::manifest::shard_of;
    use crate::markdown::{Inline, parse};

    #[test]
    fn shards_carry_each_body_parsed_in_its_slugs_shard() {
        let mut bundle = crate::synth::synthetic_bundle(40, 3, true);
        bundle.releases[0].body =
            Some("## Aims\n\nRead the [report](https://example.org/r).".into());
        let shards = shard_count(&bundle);
        let written: Vec<String> = body_shards(&bundle, shards).collect();
        for release in &bundle.releases {
            let slug = release.slug.as_str();
            let shard = read_shard(written[shard_of(slug, shards) as usize].as_bytes()).unwrap();
            assert_eq!(
                shard.bodies.get(slug),
                release.body.as_deref().map(parse).as_ref()
            );
        }
        // The tree in JSON: tagged blocks and inlines, the link a link.
        let first = &written[shard_of(bundle.releases[0].slug.as_str(), shards) as usize];
        assert!(first.contains(r#"[{"heading":{"level":3,"content":[{"text":"Aims"}]}},"#));
        assert!(first.contains(
            r#"{"link":{"href":"https://example.org/r","content":[{"text":"report"}]}}"#
        ));
        assert!(!first.contains("## Aims"), "no Markdown left to parse");
        let Some(Block::Paragraph(inlines)) = parse("Read *it*.").pop() else {
            panic!()
        };
        assert_eq!(
            inlines[1],
            Inline::Emphasis(vec![Inline::Text("it".into())])
        );
    }

    #[test]
    fn a_shard_of_markdown_text_is_refused_with_a_message() {
        let error = read_shard(br#"{"bodies":{"a-slug":"Some *Markdown*"}}"#).unwrap_err();
        assert!(
            error.starts_with("the body shard cannot be read"),
            "{error}"
        );
    }
}
