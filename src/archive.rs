//! The releases as the views see them, whichever way the build laid them
//! out: the whole light index in a `Catalog` (small archives: every answer
//! at once), or `Segments` fetched as views need them (large archives:
//! an answer may be `None` until its segments arrive, and the view renders
//! again then). Ids are the catalog's own: light-index positions of the
//! releases kept, or ranks in the segmented data.

use newsroom_engine::bundle::Release;
use newsroom_engine::date::Date;
use newsroom_engine::feeds::FeedDirectory;
use newsroom_engine::filters::Filters;
use newsroom_engine::search::{Catalog, FullTextHits, Histogram, SearchResult, Spelling};

use super::segments::Segments;

pub enum Archive {
    Whole {
        catalog: Box<Catalog>,
        /// For each position in the light index, the catalog id
        /// (`u32::MAX` when that release was left out): the full-text
        /// index names positions.
        id_of_position: Vec<u32>,
    },
    Segmented(Segments),
}

impl Archive {
    pub fn len(&self) -> usize {
        match self {
            Archive::Whole { catalog, .. } => catalog.releases().len(),
            Archive::Segmented(segments) => segments.with_start(|c| c.release_count()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The catalog, when the archive is held whole: what only it can do
    /// (a vocabulary for typos, nearest slugs) needs every release.
    pub fn whole(&self) -> Option<&Catalog> {
        match self {
            Archive::Whole { catalog, .. } => Some(catalog),
            Archive::Segmented(_) => None,
        }
    }

    pub fn segments(&self) -> Option<&Segments> {
        match self {
            Archive::Whole { .. } => None,
            Archive::Segmented(segments) => Some(segments),
        }
    }

    /// Whether a segment failed and waits for "Try again" (tracked).
    pub fn has_failed(&self) -> bool {
        self.segments()
            .is_some_and(|segments| segments.failure().is_some())
    }

    /// `hits` are keyed by light-index positions mapped with
    /// [`Archive::full_text_id`]; the vocabulary forgives typos.
    pub fn search(
        &self,
        filters: &Filters,
        hits: &FullTextHits,
        spelling: Option<&Spelling>,
    ) -> Option<SearchResult> {
        match (self, spelling) {
            (Archive::Whole { catalog, .. }, Some(spelling)) => {
                Some(catalog.search_forgiving(filters, hits, spelling))
            }
            (Archive::Whole { catalog, .. }, None) => Some(catalog.search_with(filters, hits)),
            (Archive::Segmented(segments), _) => segments.ask(|c| c.search_with(filters, hits)),
        }
    }

    /// The id the full-text index's `position` stands for here.
    pub fn full_text_id(&self, position: u32) -> Option<u32> {
        match self {
            Archive::Whole { id_of_position, .. } => {
                (id_of_position.get(position as usize).copied()).filter(|&id| id != u32::MAX)
            }
            // The segmented catalog translates positions itself.
            Archive::Segmented(_) => Some(position),
        }
    }

    pub fn published(&self, id: u32) -> Date {
        match self {
            Archive::Whole { catalog, .. } => catalog.date_of(id),
            Archive::Segmented(segments) => segments.with_start(|c| c.date_of(id)),
        }
    }

    /// The releases of `ids`, in that order, once they are all here.
    pub fn releases(&self, ids: &[u32]) -> Option<Vec<Release>> {
        match self {
            Archive::Whole { catalog, .. } => Some(
                (ids.iter())
                    .filter_map(|&id| catalog.releases().get(id as usize).cloned())
                    .collect(),
            ),
            Archive::Segmented(segments) => segments.ask(|c| {
                c.releases(ids)
                    .map_ready(|found| found.into_iter().cloned().collect())
            }),
        }
    }

    /// Whether the releases of `ids` are all here; fetches them if not.
    pub fn has_releases(&self, ids: &[u32]) -> bool {
        match self {
            Archive::Whole { .. } => true,
            Archive::Segmented(segments) => segments
                .ask(|c| c.releases(ids).map_ready(|_| ()))
                .is_some(),
        }
    }

    /// The id of the release at this address: `None` while looking it up.
    pub fn by_slug(&self, slug: &str) -> Option<Option<u32>> {
        match self {
            Archive::Whole { catalog, .. } => Some(catalog.by_slug(slug).map(|id| id as u32)),
            Archive::Segmented(segments) => segments.ask(|c| c.by_slug(slug)),
        }
    }

    /// The next older and the next newer release.
    pub fn neighbours(&self, id: u32) -> (Option<u32>, Option<u32>) {
        match self {
            Archive::Whole { catalog, .. } => catalog.neighbours(id as usize),
            Archive::Segmented(segments) => segments.with_start(|c| c.neighbours(id)),
        }
    }

    pub fn related(&self, id: u32, limit: usize) -> Vec<u32> {
        match self {
            Archive::Whole { catalog, .. } => catalog.related(id as usize, limit),
            Archive::Segmented(segments) => segments.with_start(|c| c.related(id, limit)),
        }
    }

    pub fn histogram(&self, ids: &[u32]) -> Histogram {
        match self {
            Archive::Whole { catalog, .. } => catalog.histogram(ids),
            Archive::Segmented(segments) => segments.with_start(|c| c.histogram(ids)),
        }
    }

    pub fn feeds(&self) -> FeedDirectory {
        match self {
            Archive::Whole { catalog, .. } => catalog.feeds(),
            Archive::Segmented(segments) => segments.with_start(|c| c.feeds()),
        }
    }
}
