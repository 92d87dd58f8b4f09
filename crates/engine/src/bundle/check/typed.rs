//! The fast path for well-formed files: typed parsing, each release checked
//! as soon as it is read so its raw text is dropped at once (no tree of the
//! whole file in memory). Any surprise — a wrong type, a missing field,
//! another version — gives `None`, and the tree path says what is wrong.
//! Keys it does not know send the file to the tree path too, which refuses
//! a duplicate of any key (serde refuses duplicates of the keys it knows).

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::fields::{Fields, Found};
use super::release::{Collected, check_release};
use super::{BUNDLE_VERSION, Checked, Site, check_site, finish};

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

/// A bundle's shape, each release only found (its text's place), not read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FoundBundle<'a> {
    version: u64,
    site: TypedSite,
    #[serde(borrow)]
    releases: Vec<&'a RawValue>,
}

/// The typed path over a text, a slice of releases at a time: the shape
/// and the site at once (finding each release's text is a fraction of
/// reading it), then the releases, each read and checked in turn.
pub(super) struct TypedSteps<'a> {
    site: Site,
    releases: Vec<&'a RawValue>,
    next: usize,
    collected: Collected,
}

impl<'a> TypedSteps<'a> {
    /// `None` for any surprise (see the module's comment).
    pub(super) fn start(text: &'a str) -> Option<TypedSteps<'a>> {
        let found: FoundBundle<'a> = serde_json::from_str(text).ok()?;
        let site = known_site(found.version, &found.site)?;
        Some(TypedSteps {
            site,
            collected: Collected::with_capacity(found.releases.len()),
            releases: found.releases,
            next: 0,
        })
    }

    /// Reads and checks up to `count` more releases: whether all are done,
    /// or `None` for a release that is not well-formed.
    pub(super) fn step(&mut self, count: usize) -> Option<bool> {
        let end = self.next.saturating_add(count).min(self.releases.len());
        for raw in &self.releases[self.next..end] {
            let release: TypedRelease = serde_json::from_str(raw.get()).ok()?;
            self.collected
                .add(|problems| check_release(&release, problems));
        }
        self.next = end;
        Some(end == self.releases.len())
    }

    pub(super) fn finish(self) -> Checked {
        finish(self.site, self.collected)
    }
}

/// The typed path over a whole text at once.
#[cfg(test)]
pub(super) fn check_typed(text: &str) -> Option<Checked> {
    let mut steps = TypedSteps::start(text)?;
    steps.step(usize::MAX)?;
    Some(steps.finish())
}

/// The typed path reading as it goes, without the whole text in memory.
pub(super) fn check_typed_reader(reader: impl std::io::Read) -> Option<Checked> {
    checked(serde_json::from_reader(reader).ok()?)
}

fn checked(bundle: TypedBundle) -> Option<Checked> {
    let site = known_site(bundle.version, &bundle.site)?;
    Some(finish(site, bundle.releases.0))
}

/// The site, from a bundle of the version this reads and with a valid site.
fn known_site(version: u64, site: &TypedSite) -> Option<Site> {
    if version != BUNDLE_VERSION {
        return None;
    }
    check_site(site).ok()
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
