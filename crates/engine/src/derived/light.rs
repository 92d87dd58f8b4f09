//! The light index: the bundle without bodies, each release that has one
//! marked `"has_body": true`. It is a bundle in every other way, so the app
//! reads it with the one checker.

use serde::Serialize;

use crate::bundle::{BUNDLE_VERSION, Bundle, Image, Release, Site};
use crate::web_url::WebUrl;

#[derive(Serialize)]
struct LightIndex<'a> {
    version: u64,
    site: &'a Site,
    releases: Vec<LightRelease<'a>>,
}

#[derive(Serialize)]
pub(crate) struct LightRelease<'a> {
    slug: &'a str,
    title: &'a str,
    published: String,
    content_type: Option<&'a str>,
    locations: &'a [String],
    topics: &'a [String],
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    has_body: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a Image>,
}

/// Compact JSON: this file is read, not edited.
pub fn light_index_json(bundle: &Bundle) -> String {
    let mut json = Vec::new();
    write_light_index(bundle, &mut json).expect("a light index always serialises");
    String::from_utf8(json).expect("JSON is UTF-8")
}

/// [`light_index_json`] written as it is made, without the whole text in
/// memory (a large archive's index is over 100 MB).
pub fn write_light_index(bundle: &Bundle, writer: impl std::io::Write) -> serde_json::Result<()> {
    let index = LightIndex {
        version: BUNDLE_VERSION,
        site: &bundle.site,
        releases: bundle.releases.iter().map(light).collect(),
    };
    serde_json::to_writer(writer, &index)
}

pub(crate) fn light(release: &Release) -> LightRelease<'_> {
    LightRelease {
        slug: release.slug.as_str(),
        title: &release.title,
        published: release.published.iso(),
        content_type: release.content_type.as_deref(),
        locations: &release.locations,
        topics: &release.topics,
        summary: &release.summary,
        source_url: release.source_url.as_ref().map(WebUrl::as_str),
        has_body: release.body.is_some() || release.has_body,
        image: release.image.as_ref(),
    }
}
