//! Release bodies are CommonMark. The build parses them (with the
//! `commonmark` feature, [`parse`]) into a small owned tree of blocks and
//! inlines that holds only what a press release needs (paragraphs,
//! subheadings, emphasis, safe links, lists, block quotes), and writes that
//! tree into the body shards; the app renders it as elements and the build
//! as escaped HTML, and no raw HTML ever reaches a page: raw HTML in the
//! source stays text. The app carries the tree, not the parser.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[cfg(feature = "commonmark")]
mod commonmark;
#[cfg(feature = "commonmark")]
pub use commonmark::{parse, plain_text};

/// In JSON (body shards) externally tagged, snake_case:
/// `{"paragraph": [{"text": "Hello"}]}`, `"rule"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// Text of a tight list item, not wrapped in a paragraph.
    Plain(Vec<Inline>),
    /// `level` is 2 to 4: the release title is the page's only level 1,
    /// so `#` becomes level 2 and `###` or deeper level 4.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    List {
        /// The first number of an ordered list; `None` for bullets.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    /// A code block, shown as preformatted text.
    Code(String),
    Rule,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// Only `http:`, `https:` and `mailto:` addresses become links; any
    /// other link keeps its text and loses its address.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    LineBreak,
}

/// A body's text without parsing it: its blank-line-separated paragraphs as
/// text. For a bundle read whole by the app (bodies the build has not
/// parsed); markup in it stays text.
pub fn paragraphs(source: &str) -> Vec<Block> {
    source
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| Block::Paragraph(vec![Inline::Text(paragraph.to_owned())]))
        .collect()
}

/// The text of a body that search indexes. With the parser, the words a
/// reader sees ([`plain_text`]: no markup, no link addresses). Without it
/// (the app) the source as it is: the app's own index only sees bodies in a
/// bundle read whole; the site's full-text index is built with the parser.
pub fn search_text(source: &str) -> Cow<'_, str> {
    #[cfg(feature = "commonmark")]
    return Cow::Owned(plain_text(source));
    #[cfg(not(feature = "commonmark"))]
    Cow::Borrowed(source)
}

/// Whether `href` may be linked: `http:`, `https:` or `mailto:`, and no
/// spaces or control characters.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let scheme_ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    scheme_ok && href.len() > 7 && !href.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unparsed_bodies_are_paragraphs_of_text() {
        let text = |s: &str| Block::Paragraph(vec![Inline::Text(s.to_owned())]);
        assert_eq!(
            paragraphs("First *one*.\n\n\n<b>Second</b>\n\n  "),
            [text("First *one*."), text("<b>Second</b>")]
        );
        assert_eq!(paragraphs(""), []);
    }
}
