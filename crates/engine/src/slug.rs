//! Slugs: the stable, URL-safe names of releases (`/releases/<slug>`).
//! Made with this crate's own folding ([`crate::fold`]), not a slug crate:
//! a slug, once published, must come out the same from the same title.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

use crate::fold::fold;

/// Longest slug accepted; titles are cut at a word boundary to fit.
pub const MAX_SLUG_LEN: usize = 80;

/// A slug known to be valid: lower-case ASCII letters and digits in groups
/// joined by single hyphens, at most [`MAX_SLUG_LEN`] bytes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(text: &str) -> Option<Slug> {
        is_valid(text).then(|| Slug(text.to_owned()))
    }

    /// Makes a slug from a title: folded, non-alphanumerics become hyphens,
    /// cut at a hyphen to fit. `None` when the title has no usable letters.
    pub fn from_title(title: &str) -> Option<Slug> {
        let mut slug = String::new();
        for c in fold(title).chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.len() > MAX_SLUG_LEN {
            let cut = slug[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
            slug.truncate(cut);
        }
        Slug::parse(&slug)
    }

    /// This slug with `-suffix` appended, shortened first if needed.
    pub fn with_suffix(&self, suffix: &str) -> Option<Slug> {
        let room = MAX_SLUG_LEN.checked_sub(suffix.len() + 1)?;
        let mut base = self.0.clone();
        if base.len() > room {
            base.truncate(room);
            while base.ends_with('-') {
                base.pop();
            }
        }
        Slug::parse(&format!("{base}-{suffix}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_valid(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_SLUG_LEN
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What a valid slug looks like, for messages.
pub const SLUG_RULE: &str =
    "a slug (lower-case a-z, 0-9 and single hyphens, at most 80 characters)";

/// A readable, unique HTML id for a value: `topic-rule-of-law-3f9a1c`. The
/// hash of the exact text keeps "Rule of law" and "Rule of Law", or labels
/// with no Latin letters, apart.
pub fn element_id(prefix: &str, text: &str) -> String {
    let hash = short_hash(text);
    match Slug::from_title(text) {
        Some(slug) => format!("{prefix}-{slug}-{hash}"),
        None => format!("{prefix}-{hash}"),
    }
}

/// Six hex digits of FNV-1a of the exact text: tiny, stable across builds
/// and platforms, for names that must tell near-equal texts apart.
pub fn short_hash(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{:06x}", hash & 0xff_ffff)
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not {SLUG_RULE}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_readable_slugs() {
        let slug = Slug::from_title(
            "OSCE Programme Office in Dushanbe and Tajikistan’s Ministry of Foreign Affairs discuss co-operation",
        )
        .unwrap();
        assert_eq!(
            slug.as_str(),
            "osce-programme-office-in-dushanbe-and-tajikistan-s-ministry-of-foreign-affairs"
        );
        assert!(slug.as_str().len() <= MAX_SLUG_LEN);
        assert_eq!(
            Slug::from_title("Zugić’s visit!").unwrap().as_str(),
            "zugic-s-visit"
        );
        assert_eq!(Slug::from_title("¿¡!?"), None);
    }

    #[test]
    fn only_the_safe_alphabet_is_accepted() {
        assert!(Slug::parse("rule-of-law-2023").is_some());
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "a/b",
            "a_b",
            "<script>",
            "é",
            &"a".repeat(81),
        ] {
            assert!(Slug::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn element_ids_are_readable_and_distinct() {
        let a = element_id("topic", "Rule of law");
        assert!(a.starts_with("topic-rule-of-law-"), "{a}");
        assert_ne!(a, element_id("topic", "Rule of Law"));
        assert_ne!(
            element_id("place", "Душанбе"),
            element_id("place", "Худжанд")
        );
        assert_ne!(element_id("topic", "Within"), "topic-within");
        assert_eq!(a, element_id("topic", "Rule of law"), "stable");
    }

    #[test]
    fn suffixes_keep_slugs_within_bounds() {
        let long = Slug::parse(&"a".repeat(80)).unwrap();
        let suffixed = long.with_suffix("2").unwrap();
        assert!(suffixed.as_str().ends_with("-2"));
        assert_eq!(suffixed.as_str().len(), 80);
    }
}
