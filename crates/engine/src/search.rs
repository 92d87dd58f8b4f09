//! The search engine: built once from the checked releases, then answers
//! each keystroke — text search, facet filters and counts, date ranges and
//! sorting — with precomputed indexes, so it stays fast at 100,000 releases.
//!
//! - `query`: the search box's text as terms; `text`: what a word is;
//! - `vocabulary`, `index`, `matching`: the inverted index and its use;
//! - `facets`, `chronology`: facet values and date order;
//! - `histogram`: the result counted per year or month;
//! - `related`: "more like this"; `highlight`: marking matches;
//! - `spelling`, `corrections`: typo tolerance ("did you mean", near matches);
//! - `idset`, `lists`: the compact sets and lists underneath.

mod chronology;
mod corrections;
mod facets;
mod full_text;
mod highlight;
mod histogram;
mod idset;
mod index;
mod lists;
mod matching;
mod query;
mod related;
mod segmented;
mod spelling;
pub(crate) mod text;
mod vocabulary;

#[cfg(test)]
pub(crate) mod tests;

pub use self::corrections::{Correction, corrected_query, near_full_text_keys};
pub use self::facets::{Facet, FacetValue, Facets};
pub(crate) use self::full_text::indexed_word;
pub use self::full_text::{FULL_TEXT_MIN_PREFIX, FULL_TEXT_WORD_CHARS, FullTextHits, FullTextKey};
pub use self::highlight::{highlight, highlight_ranges};
pub use self::histogram::{
    Bar, CHART_HEIGHT, Histogram, MONTHLY_UP_TO_YEARS, Period, SLOT, narrowed,
};
pub use self::query::{MAX_TERMS, QueryTerms};
pub use self::segmented::{Answer, SegmentedCatalog};
pub use self::spelling::{MAX_NEAREST, MIN_CORRECTED_LETTERS, Near, Spelling, allowed_edits};
pub use crate::filters::FacetKey;

use self::chronology::Chronology;
use self::facets::{FacetIndex, ValueOrder};
use self::idset::IdSet;
use self::index::{TextIndex, WordReader};
use self::lists::as_id;
use self::matching::{TextMatch, match_terms};
use crate::bundle::Release;
use crate::feeds::{FeedDirectory, FeedFacet};
use crate::filters::{Filters, Sort, TypeChoice};

/// The releases and everything needed to search them.
pub struct Catalog {
    releases: Vec<Release>,
    /// Release ids ordered by slug, for lookup by binary search.
    by_slug: Vec<u32>,
    chronology: Chronology,
    text: TextIndex,
    topics: FacetIndex,
    places: FacetIndex,
    types: FacetIndex,
    years: FacetIndex,
}

/// The answer to one search; the default matches nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// Every matching release id (an index into [`Catalog::releases`]), in
    /// `sort` order.
    pub ids: Vec<u32>,
    pub sort: Sort,
    pub facets: Facets,
    /// The start date is after the end date, so nothing matched.
    pub inverted_range: bool,
    /// The query's terms, for [`highlight`], with the near words of any
    /// corrections.
    pub terms: QueryTerms,
    /// The query words that matched nothing and the near words searched
    /// instead (only from [`Catalog::search_forgiving`]).
    pub corrections: Vec<Correction>,
    /// The query words that match, but in far fewer releases than a near
    /// word would: offered, not searched (only from
    /// [`Catalog::search_forgiving`]).
    pub suggestions: Vec<Correction>,
    /// Matched ids (ascending) found through some term in the body only:
    /// their title and summary do not show why.
    pub body_only: Vec<u32>,
}

impl SearchResult {
    /// Every word to offer in "Did you mean": the unmatched words'
    /// corrections, then the rare words' suggestions.
    pub fn offered_corrections(&self) -> Vec<Correction> {
        (self.corrections.iter().chain(&self.suggestions))
            .cloned()
            .collect()
    }
}

impl Catalog {
    /// Indexes the releases; their order is kept, and ids are positions in
    /// it.
    pub fn new(releases: Vec<Release>) -> Catalog {
        CatalogBuilder::new(releases).finish()
    }

    pub fn releases(&self) -> &[Release] {
        &self.releases
    }

    /// The index of the release with this slug.
    pub fn by_slug(&self, slug: &str) -> Option<usize> {
        let slug_of = |id: &u32| self.releases[*id as usize].slug.as_str();
        let position = self
            .by_slug
            .binary_search_by(|id| slug_of(id).cmp(slug))
            .ok()?;
        Some(self.by_slug[position] as usize)
    }

    /// The releases `ids` per year or month, for the histogram.
    pub fn histogram(&self, ids: &[u32]) -> Histogram {
        Histogram::of_dates(|| ids.iter().map(|&id| self.chronology.date_of(id)))
    }

    /// The feed of every topic, place and named content type, from the
    /// facets' values (no pass over the releases).
    pub fn feeds(&self) -> FeedDirectory {
        feeds_of([&self.topics, &self.places, &self.types])
    }

    /// The release's date.
    pub fn date_of(&self, id: u32) -> crate::date::Date {
        self.chronology.date_of(id)
    }

    /// The next older and the next newer release, in the listing's order.
    pub fn neighbours(&self, index: usize) -> (Option<u32>, Option<u32>) {
        self.chronology.neighbours(index)
    }

    pub fn search(&self, filters: &Filters) -> SearchResult {
        self.search_with(filters, &FullTextHits::default())
    }

    /// [`Catalog::search`], with the full texts' answers from outside the
    /// catalog (the app's term index) counted as body matches.
    pub fn search_with(&self, filters: &Filters, full_text: &FullTextHits) -> SearchResult {
        let terms = QueryTerms::parse(&filters.query);
        self.search_corrected(filters, terms, full_text, Vec::new())
    }

    /// [`Catalog::search_with`], forgiving typos: each query word that
    /// matches nothing is matched through its nearest words in `spelling`
    /// (see [`Catalog::corrections`]), which the result lists.
    pub fn search_forgiving(
        &self,
        filters: &Filters,
        full_text: &FullTextHits,
        spelling: &Spelling,
    ) -> SearchResult {
        let terms = QueryTerms::parse(&filters.query);
        let corrections = self.corrections(&terms, full_text, spelling);
        let suggestions = self.rare_word_suggestions(&terms, spelling);
        SearchResult {
            suggestions,
            ..self.search_corrected(filters, terms, full_text, corrections)
        }
    }

    fn search_corrected(
        &self,
        filters: &Filters,
        terms: QueryTerms,
        full_text: &FullTextHits,
        corrections: Vec<Correction>,
    ) -> SearchResult {
        let listing = Listing {
            chronology: &self.chronology,
            facets: [&self.topics, &self.places, &self.types, &self.years],
            release_count: self.releases.len(),
        };
        listing.search(filters, terms, corrections, |terms, corrections, base| {
            match_terms(&self.text, terms, corrections, full_text, base)
        })
    }
}

/// What every search reads besides the words: dates and facets.
struct Listing<'a> {
    chronology: &'a Chronology,
    /// In the order of [`selected_keys`].
    facets: [&'a FacetIndex; 4],
    release_count: usize,
}

impl Listing<'_> {
    /// The answer to `filters`, with `match_text` narrowing the releases
    /// in the date range to those matching the terms.
    fn search(
        &self,
        filters: &Filters,
        mut terms: QueryTerms,
        corrections: Vec<Correction>,
        match_text: impl FnOnce(&QueryTerms, &[Correction], IdSet) -> TextMatch,
    ) -> SearchResult {
        let inverted_range = filters.inverted_range();
        // What the query and dates allow; the facets narrow it further.
        let mut base = if inverted_range {
            IdSet::empty(self.release_count)
        } else {
            self.chronology.between(filters.from, filters.to)
        };
        let mut scores = None;
        let mut body_only = None;
        if !terms.is_empty() {
            let text_match = match_text(&terms, &corrections, base);
            base = text_match.matched;
            scores = Some(text_match.scores);
            body_only = Some(text_match.body_only);
        }

        let selected = selected_keys(filters);
        let selections: [Option<IdSet>; 4] =
            std::array::from_fn(|facet| self.facets[facet].selection(&selected[facet]));
        let facets = self.count_facets(&base, &selected, &selections);

        let mut matched = base;
        for selection in selections.iter().flatten() {
            matched.intersect_with(selection);
        }
        let sort = filters.effective_sort();
        let body_only = body_only.map_or_else(Vec::new, |mut body_only| {
            body_only.intersect_with(&matched);
            body_only.to_vec()
        });
        for near in corrections.iter().flat_map(|c| &c.nearest) {
            if !terms.words.contains(near) {
                terms.words.push(near.clone());
            }
        }
        SearchResult {
            ids: self.ordered(&matched, sort, scores.as_deref()),
            sort,
            facets,
            inverted_range,
            terms,
            corrections,
            suggestions: Vec::new(),
            body_only,
        }
    }

    /// Each facet counts over `base` narrowed by the other facets'
    /// selections but not its own, so its unchosen values show what
    /// choosing them would add.
    fn count_facets(
        &self,
        base: &IdSet,
        selected: &[Vec<FacetKey>; 4],
        selections: &[Option<IdSet>; 4],
    ) -> Facets {
        let [topics, places, types, years] = std::array::from_fn(|own| {
            let mut within = base.clone();
            for (other, selection) in selections.iter().enumerate() {
                if other != own
                    && let Some(selection) = selection
                {
                    within.intersect_with(selection);
                }
            }
            self.facets[own].facet(&within, &selected[own])
        });
        Facets {
            topics,
            places,
            types,
            years,
        }
    }

    fn ordered(&self, matched: &IdSet, sort: Sort, scores: Option<&[u32]>) -> Vec<u32> {
        match sort {
            Sort::Newest => self.chronology.newest_first(matched),
            Sort::Oldest => self.chronology.oldest_first(matched),
            Sort::Relevance => match scores {
                Some(scores) => self.chronology.best_first(matched, scores),
                None => self.chronology.newest_first(matched),
            },
        }
    }
}

/// The selected values of each facet, in the order topics, places, types,
/// years.
fn selected_keys(filters: &Filters) -> [Vec<FacetKey>; 4] {
    [
        label_keys(&filters.topics, FacetKey::Topic),
        label_keys(&filters.places, FacetKey::Place),
        filters.types.iter().cloned().map(FacetKey::Type).collect(),
        filters.years.iter().copied().map(FacetKey::Year).collect(),
    ]
}

fn label_keys(labels: &[String], key: fn(String) -> FacetKey) -> Vec<FacetKey> {
    labels.iter().cloned().map(key).collect()
}

/// Builds a [`Catalog`] in steps: the releases' words a slice at a time
/// ([`CatalogBuilder::read_words`]), then the rest ([`CatalogBuilder::finish`]).
/// The app runs each step as a task of its own: at 1,000 releases the whole
/// build was one task of about 55 ms in Chromium here, four times that on
/// the phone Lighthouse simulates, where input waits for it.
pub struct CatalogBuilder {
    releases: Vec<Release>,
    words: WordReader,
    read: usize,
}

impl CatalogBuilder {
    pub fn new(releases: Vec<Release>) -> CatalogBuilder {
        CatalogBuilder {
            releases,
            words: WordReader::default(),
            read: 0,
        }
    }

    /// Reads the words of up to `count` more releases; whether every
    /// release has now been read.
    pub fn read_words(&mut self, count: usize) -> bool {
        let end = self.read.saturating_add(count).min(self.releases.len());
        self.words.read(&self.releases[self.read..end]);
        self.read = end;
        self.read == self.releases.len()
    }

    /// The catalog, after reading the words not read yet.
    pub fn finish(mut self) -> Catalog {
        self.read_words(usize::MAX);
        let CatalogBuilder {
            releases, words, ..
        } = self;
        let mut by_slug: Vec<u32> = (0..releases.len()).map(as_id).collect();
        crate::sorting::sort_ids_by(&mut by_slug, |a, b| {
            releases[a as usize].slug.cmp(&releases[b as usize].slug)
        });
        Catalog {
            by_slug,
            chronology: Chronology::build(&releases),
            text: words.finish(),
            topics: FacetIndex::build(&releases, ValueOrder::ByCount, |release| {
                label_keys(&release.topics, FacetKey::Topic)
            }),
            places: FacetIndex::build(&releases, ValueOrder::ByCount, |release| {
                label_keys(&release.locations, FacetKey::Place)
            }),
            types: FacetIndex::build(&releases, ValueOrder::ByCount, |release| {
                let choice = TypeChoice::of(release.content_type.as_deref());
                vec![FacetKey::Type(choice)]
            }),
            years: FacetIndex::build(&releases, ValueOrder::ByYearDescending, |release| {
                vec![FacetKey::Year(release.published.year())]
            }),
            releases,
        }
    }
}

/// The feed of every topic, place and named content type of these facets.
fn feeds_of(facets: [&FacetIndex; 3]) -> FeedDirectory {
    let keys = facets.into_iter().flat_map(FacetIndex::keys);
    FeedDirectory::new(keys.filter_map(|key| match key {
        FacetKey::Topic(label) => Some((FeedFacet::Topic, label.as_str())),
        FacetKey::Place(label) => Some((FeedFacet::Place, label.as_str())),
        FacetKey::Type(TypeChoice::Named(label)) => Some((FeedFacet::Type, label.as_str())),
        FacetKey::Type(TypeChoice::Unspecified) | FacetKey::Year(_) => None,
    }))
}
