//! Suggestions for a release address that does not exist: the releases
//! whose slugs share the most words with it (typos in one word, a renamed
//! release, a truncated link).

use crate::bundle::Release;

/// Up to `limit` release indexes, best first; none when nothing is shared.
pub fn nearest_releases(releases: &[Release], wanted_slug: &str, limit: usize) -> Vec<u32> {
    let wanted: Vec<&str> = wanted_slug.split('-').filter(|w| w.len() >= 3).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &Release, u32)> = releases
        .iter()
        .enumerate()
        .filter_map(|(i, release)| {
            let words: Vec<&str> = release.slug.as_str().split('-').collect();
            let shared = wanted
                .iter()
                .filter(|w| {
                    words
                        .iter()
                        .any(|word| word.starts_with(**w) || w.starts_with(word) && word.len() >= 3)
                })
                .count();
            (shared > 0).then_some((shared, release, i as u32))
        })
        .collect();
    crate::sorting::sort_by(&mut scored, |a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.published.cmp(&a.1.published))
    });
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::check_bundle;

    #[test]
    fn shared_slug_words_rank_suggestions() {
        let bundle = check_bundle(include_str!("../../../public/releases.json"))
            .unwrap()
            .bundle;
        let found = nearest_releases(&bundle.releases, "roundtable-judicial", 3);
        let first = &bundle.releases[found[0] as usize];
        assert!(
            first.slug.as_str().contains("judicial-independence"),
            "{}",
            first.slug
        );
        assert!(found.len() >= 2, "the other roundtable is suggested too");
        assert!(nearest_releases(&bundle.releases, "zz-qq", 3).is_empty());
        assert!(nearest_releases(&bundle.releases, "", 3).is_empty());
    }
}
