//! The fast path for well-formed files: typed parsing, each release checked
//! as soon as it is read so its raw text is dropped at once (no tree of the
//! whole file in memory). Any surprise — a wrong type, a missing field,
//! another version — gives `None`, and the tree path says what is wrong.
//! Keys it does not know send the file to the tree path too, which refuses
//! a duplicate of any key (serde refuses duplicates of the keys it knows).

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::fields::{Fields, Found};
use super::release::{Collected, check_release};
use super::{BUNDLE_VERSION, Checked, check_site, finish};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedBundle {
    version: u64,
    site: TypedSite,
    releases: TypedReleases,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedSite {
    name: String,
    #[serde(default)]
    tagline: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedRelease {
    slug: String,
    title: String,
    published: String,
    #[serde(default)]
    content_type: Option<String>,
    locations: Vec<String>,
    topics: Vec<String>,
    summary: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    has_body: bool,
    #[serde(default)]
    image: Option<TypedImage>,
}

#[derive(Deserialize)]
struct TypedImage {
    file: String,
    alt: String,
    #[serde(default)]
    credit: Option<String>,
    #[serde(default)]
    width: Option<u64>,
    #[serde(default)]
    height: Option<u64>,
}

struct TypedReleases(Collected);

pub(super) fn check_typed(text: &str) -> Option<Checked> {
    checked(serde_json::from_str(text).ok()?)
}

/// [`check_typed`] reading as it goes, without the whole text in memory.
pub(super) fn check_typed_reader(reader: impl std::io::Read) -> Option<Checked> {
    checked(serde_json::from_reader(reader).ok()?)
}

fn checked(bundle: TypedBundle) -> Option<Checked> {
    if bundle.version != BUNDLE_VERSION {
        return None;
    }
    let site = check_site(&bundle.site).ok()?;
    Some(finish(site, bundle.releases.0))
}

impl<'de> Deserialize<'de> for TypedReleases {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ReleasesVisitor)
    }
}

struct ReleasesVisitor;

impl<'de> Visitor<'de> for ReleasesVisitor {
    type Value = TypedReleases;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of releases")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TypedReleases, A::Error> {
        let mut collected = Collected::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(release) = seq.next_element::<TypedRelease>()? {
            collected.add(|problems| check_release(&release, problems));
        }
        Ok(TypedReleases(collected))
    }
}

impl Fields for TypedSite {
    fn text(&self, key: &str) -> Found<'_> {
        match key {
            "name" => Found::Text(&self.name),
            "tagline" => Found::from_option(self.tagline.as_ref()),
            _ => Found::Absent,
        }
    }
}

impl Fields for TypedRelease {
    fn text(&self, key: &str) -> Found<'_> {
        match key {
            "slug" => Found::Text(&self.slug),
            "title" => Found::Text(&self.title),
            "published" => Found::Text(&self.published),
            "summary" => Found::Text(&self.summary),
            "content_type" => Found::from_option(self.content_type.as_ref()),
            "body" => Found::from_option(self.body.as_ref()),
            "source_url" => Found::from_option(self.source_url.as_ref()),
            _ => Found::Absent,
        }
    }

    fn list(&self, key: &str) -> Result<Vec<Found<'_>>, Found<'_>> {
        let items = match key {
            "locations" => &self.locations,
            "topics" => &self.topics,
            _ => return Err(Found::Absent),
        };
        Ok(items.iter().map(|item| Found::Text(item)).collect())
    }

    fn flag(&self, key: &str) -> bool {
        key == "has_body" && self.has_body
    }

    fn record(&self, key: &str) -> Result<Option<&dyn Fields>, &'static str> {
        Ok(match key {
            "image" => self.image.as_ref().map(|image| image as &dyn Fields),
            _ => None,
        })
    }
}

impl Fields for TypedImage {
    fn text(&self, key: &str) -> Found<'_> {
        match key {
            "file" => Found::Text(&self.file),
            "alt" => Found::Text(&self.alt),
            "credit" => Found::from_option(self.credit.as_ref()),
            _ => Found::Absent,
        }
    }

    fn whole_number(&self, key: &str) -> Result<Option<u64>, &'static str> {
        Ok(match key {
            "width" => self.width,
            "height" => self.height,
            _ => None,
        })
    }
}
