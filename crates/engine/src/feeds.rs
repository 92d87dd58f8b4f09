//! Feeds per topic, place and content type: which exist, where each lives
//! (`feeds/topic/rule-of-law.xml`), what it holds (the newest
//! [`FEED_ENTRIES`] releases with that value), and which one a view is
//! (filtered by exactly that one value). The build writes them; the app
//! links them; both name them here.

use std::collections::HashMap;

use crate::bundle::Release;
use crate::filters::{FacetKey, Filters, TypeChoice};
use crate::slug::{Slug, short_hash};

/// Entries in a topic, place or type feed (the full feed has all).
pub const FEED_ENTRIES: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedFacet {
    Topic,
    Place,
    Type,
}

impl FeedFacet {
    /// The folder under `feeds/`.
    fn folder(self) -> &'static str {
        match self {
            FeedFacet::Topic => "topic",
            FeedFacet::Place => "place",
            FeedFacet::Type => "type",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub facet: FeedFacet,
    pub label: String,
    /// Relative to the site's public URL: `feeds/topic/rule-of-law.xml`.
    pub path: String,
}

impl Feed {
    /// "Releases about Rule of law": the feed's title after the site name.
    pub fn subject(&self) -> String {
        match self.facet {
            FeedFacet::Topic => format!("Releases about {}", self.label),
            FeedFacet::Place => format!("Releases from {}", self.label),
            FeedFacet::Type => format!("Releases of type {}", self.label),
        }
    }

    /// "Subscribe to releases about Rule of law".
    pub fn subscribe_text(&self) -> String {
        let subject = self.subject();
        let rest = subject.strip_prefix("Releases").unwrap_or(&subject);
        format!("Subscribe to releases{rest}")
    }

    pub fn holds(&self, release: &Release) -> bool {
        match self.facet {
            FeedFacet::Topic => release.topics.contains(&self.label),
            FeedFacet::Place => release.locations.contains(&self.label),
            FeedFacet::Type => release.content_type.as_deref() == Some(self.label.as_str()),
        }
    }

    /// The feed's entries: its newest [`FEED_ENTRIES`] releases, newest
    /// first (equal dates by slug, like the full feed).
    pub fn entries<'a>(&self, releases: &'a [Release]) -> Vec<&'a Release> {
        let mut held: Vec<&Release> = releases.iter().filter(|r| self.holds(r)).collect();
        held.sort_by(|a, b| (b.published, &a.slug).cmp(&(a.published, &b.slug)));
        held.truncate(FEED_ENTRIES);
        held
    }
}

/// Every topic, place and named content type, with its feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedDirectory {
    feeds: HashMap<(FeedFacet, String), Feed>,
}

impl FeedDirectory {
    /// The feeds of these labels. A label's file is its slug; labels whose
    /// slugs collide ("Rule of law", "Rule of Law") or that have no Latin
    /// letters add a hash of the exact label, so each keeps its own feed.
    pub fn new<'a>(labels: impl IntoIterator<Item = (FeedFacet, &'a str)>) -> FeedDirectory {
        // Sorted and unique, as a `BTreeSet` would hold them (whose
        // `collect` brings a sort of its own).
        let mut labels: Vec<(FeedFacet, &str)> = labels.into_iter().collect();
        crate::sorting::sort(&mut labels);
        labels.dedup();
        let mut slug_uses: HashMap<(FeedFacet, Option<Slug>), usize> = HashMap::new();
        for &(facet, label) in &labels {
            *slug_uses
                .entry((facet, Slug::from_title(label)))
                .or_default() += 1;
        }
        let feeds = labels
            .into_iter()
            .map(|(facet, label)| {
                let slug = Slug::from_title(label);
                let unique = slug.is_some() && slug_uses[&(facet, slug.clone())] == 1;
                let name = match slug {
                    Some(slug) if unique => slug.to_string(),
                    Some(slug) => format!("{slug}-{}", short_hash(label)),
                    None => short_hash(label),
                };
                let feed = Feed {
                    facet,
                    label: label.to_owned(),
                    path: format!("feeds/{}/{name}.xml", facet.folder()),
                };
                ((facet, label.to_owned()), feed)
            })
            .collect();
        FeedDirectory { feeds }
    }

    /// The feeds of every label in these releases.
    pub fn of(releases: &[Release]) -> FeedDirectory {
        FeedDirectory::new(releases.iter().flat_map(|release| {
            let topics = release
                .topics
                .iter()
                .map(|t| (FeedFacet::Topic, t.as_str()));
            let places = (release.locations.iter()).map(|p| (FeedFacet::Place, p.as_str()));
            let kind = (release.content_type.iter()).map(|t| (FeedFacet::Type, t.as_str()));
            topics.chain(places).chain(kind)
        }))
    }

    /// Every feed, by facet then label.
    pub fn feeds(&self) -> Vec<&Feed> {
        let mut feeds: Vec<&Feed> = self.feeds.values().collect();
        feeds.sort_by(|a, b| (a.facet, &a.label).cmp(&(b.facet, &b.label)));
        feeds
    }

    pub fn get(&self, facet: FeedFacet, label: &str) -> Option<&Feed> {
        self.feeds.get(&(facet, label.to_owned()))
    }

    /// The feed of a facet value; none for years or "Not specified".
    pub fn of_key(&self, key: &FacetKey) -> Option<&Feed> {
        match key {
            FacetKey::Topic(label) => self.get(FeedFacet::Topic, label),
            FacetKey::Place(label) => self.get(FeedFacet::Place, label),
            FacetKey::Type(TypeChoice::Named(label)) => self.get(FeedFacet::Type, label),
            FacetKey::Type(TypeChoice::Unspecified) | FacetKey::Year(_) => None,
        }
    }

    /// The feed that is this view: filtered by exactly one topic, place or
    /// content type and nothing else (sort and page aside).
    pub fn of_view(&self, filters: &Filters) -> Option<&Feed> {
        if filters.active_count() != 1 {
            return None;
        }
        let key = (filters.topics.first().cloned().map(FacetKey::Topic))
            .or_else(|| filters.places.first().cloned().map(FacetKey::Place))
            .or_else(|| filters.types.first().cloned().map(FacetKey::Type))?;
        self.of_key(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::check_bundle;
    use std::collections::BTreeSet;

    fn seed() -> Vec<Release> {
        check_bundle(include_str!("../../../public/releases.json"))
            .unwrap()
            .bundle
            .releases
    }

    #[test]
    fn every_label_has_a_feed_named_by_its_slug() {
        let releases = seed();
        let directory = FeedDirectory::of(&releases);
        let rule = directory.get(FeedFacet::Topic, "Rule of law").unwrap();
        assert_eq!(rule.path, "feeds/topic/rule-of-law.xml");
        assert_eq!(
            rule.subscribe_text(),
            "Subscribe to releases about Rule of law"
        );
        let place = directory
            .get(FeedFacet::Place, "OSCE Programme Office in Dushanbe")
            .unwrap();
        assert_eq!(
            place.path,
            "feeds/place/osce-programme-office-in-dushanbe.xml"
        );
        assert_eq!(
            place.subscribe_text(),
            "Subscribe to releases from OSCE Programme Office in Dushanbe"
        );
        let news = directory.get(FeedFacet::Type, "News").unwrap();
        assert_eq!(news.path, "feeds/type/news.xml");
        assert_eq!(news.entries(&releases).len(), 3);
        // 16 topics, 1 place, 1 type.
        assert_eq!(directory.feeds().len(), 18);
        assert_eq!(directory.feeds()[0].label, "Arms control");
    }

    #[test]
    fn colliding_and_non_latin_labels_keep_their_own_files() {
        let directory = FeedDirectory::new([
            (FeedFacet::Topic, "Rule of law"),
            (FeedFacet::Topic, "Rule of Law"),
            (FeedFacet::Place, "Душанбе"),
            (FeedFacet::Place, "Rule of law"),
        ]);
        let paths: BTreeSet<&str> = directory.feeds().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths.len(), 4);
        let lower = &directory.get(FeedFacet::Topic, "Rule of law").unwrap().path;
        assert!(lower.starts_with("feeds/topic/rule-of-law-") && lower.ends_with(".xml"));
        // The same label in another facet is another folder, so no clash.
        assert_eq!(
            directory.get(FeedFacet::Place, "Rule of law").unwrap().path,
            "feeds/place/rule-of-law.xml"
        );
        let cyrillic = &directory.get(FeedFacet::Place, "Душанбе").unwrap().path;
        assert_eq!(cyrillic.len(), "feeds/place/".len() + 6 + ".xml".len());
    }

    #[test]
    fn a_view_is_a_feed_only_when_filtered_by_that_one_value() {
        let directory = FeedDirectory::of(&seed());
        let feed_of = |query: &str| {
            (directory.of_view(&Filters::from_query(query))).map(|feed| feed.label.clone())
        };
        assert_eq!(feed_of("topic=Rule+of+law").as_deref(), Some("Rule of law"));
        assert_eq!(
            feed_of("type=News&sort=oldest&page=2").as_deref(),
            Some("News")
        );
        assert_eq!(feed_of("topic=Rule+of+law&topic=Youth"), None);
        assert_eq!(feed_of("topic=Rule+of+law&q=prison"), None);
        assert_eq!(feed_of("topic=Rule+of+law&year=2022"), None);
        assert_eq!(feed_of("type=(none)"), None);
        assert_eq!(feed_of("topic=Unknown"), None);
        assert_eq!(feed_of(""), None);
    }

    #[test]
    fn entries_are_the_newest_fifty() {
        let mut releases = Vec::new();
        let template = seed().remove(4);
        for day in 0..60 {
            let mut release = template.clone();
            release.slug = Slug::parse(&format!("r-{day}")).unwrap();
            release.published = crate::date::Date::from_day_number(738_000 + day).unwrap();
            releases.push(release);
        }
        let feed = FeedDirectory::of(&releases);
        let rule = feed.get(FeedFacet::Topic, "Rule of law").unwrap();
        let entries = rule.entries(&releases);
        assert_eq!(entries.len(), FEED_ENTRIES);
        assert_eq!(entries[0].slug.as_str(), "r-59");
        assert_eq!(entries[49].slug.as_str(), "r-10");
    }
}
