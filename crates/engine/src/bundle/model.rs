use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::slug::Slug;
use crate::web_url::WebUrl;

/// The bundle format version this code reads and writes.
pub const BUNDLE_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub version: u64,
    pub site: Site,
    pub releases: Vec<Release>,
}

/// Who publishes: the listing's heading and description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub tagline: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub slug: Slug,
    pub title: String,
    pub published: Date,
    /// `None` when the source does not say (never guessed).
    pub content_type: Option<String>,
    pub locations: Vec<String>,
    pub topics: Vec<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<WebUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Whether the release has a full text. In a bundle it follows `body`;
    /// in the light index the build derives, `body` is left out (it lives
    /// in a body shard) and this says there is one to fetch. Never written
    /// into a bundle: the light index has its own writer.
    #[serde(default, skip_serializing)]
    pub has_body: bool,
}

/// A release's lead photo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// In a bundle, the photo's path relative to the bundle file; in the
    /// light index the build derives, the folder its sizes are published
    /// in (`images/<hash>`, see [`crate::photo`]).
    pub file: String,
    /// What the photo shows, for readers who cannot see it.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The photo's size in pixels: measured by the build (always there in
    /// the light index, so pages keep their place while photos load).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl Bundle {
    /// The canonical text form: two-space indented JSON and a final newline,
    /// so that re-importing the same listing gives the same bytes.
    pub fn to_json_pretty(&self) -> String {
        let mut text = Vec::new();
        self.write_json_pretty(&mut text)
            .expect("a bundle always serialises");
        String::from_utf8(text).expect("JSON is UTF-8")
    }

    /// [`Bundle::to_json_pretty`] written as it is made, without the whole
    /// text in memory (hundreds of MB for a large archive with bodies).
    pub fn write_json_pretty(&self, mut writer: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut writer, self)?;
        writer.write_all(b"\n")
    }
}

impl Release {
    /// The description for search results and link previews: the summary,
    /// cut at a word near 200 characters (previews show about two lines).
    pub fn preview(&self) -> String {
        const MAX: usize = 200;
        let summary = &self.summary;
        if summary.chars().count() <= MAX {
            return summary.clone();
        }
        let cut: String = summary.chars().take(MAX).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
    }
}
