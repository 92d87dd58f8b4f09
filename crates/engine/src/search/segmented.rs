//! The catalog over segmented data ([`crate::segments`]): it starts from
//! the start columns alone and answers what [`Catalog`] answers, with the
//! same types, but it never blocks on data it lacks. Each question returns
//! [`Answer::Needs`] with the segments to fetch first; the caller (the app,
//! fetching asynchronously) hands each one to [`SegmentedCatalog::add`] and
//! asks again. Everything added stays: a second search of the same word
//! fetches nothing. Release ids are ranks (positions in the newest-first
//! listing), not light-index positions.
//!
//! [`Catalog`]: super::Catalog

mod words;

use std::collections::HashMap;

use super::chronology::Chronology;
use super::facets::{FacetIndex, ValueOrder};
use super::full_text::FullTextHits;
use super::histogram::Histogram;
use super::idset::IdSet;
use super::query::QueryTerms;
use super::related::Around;
use super::{Listing, SearchResult};
use crate::bundle::Release;
use crate::date::Date;
use crate::feeds::FeedDirectory;
use crate::filters::{FacetKey, Filters, TypeChoice};
use crate::segments::bytes::Reader;
use crate::segments::layout::Segment;
use crate::segments::records::read_records;
use crate::segments::slugs::{bucket_of, decode_bucket};
use crate::segments::start::{FacetColumn, StartColumns};
use crate::segments::terms::TermPiece;

/// An answer, or what must be fetched before there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer<T> {
    Ready(T),
    /// Distinct, in a stable order.
    Needs(Vec<Segment>),
}

impl<T> Answer<T> {
    /// The answer turned into another, or the same needs.
    pub fn map_ready<U>(self, turn: impl FnOnce(T) -> U) -> Answer<U> {
        match self {
            Answer::Ready(answer) => Answer::Ready(turn(answer)),
            Answer::Needs(needs) => Answer::Needs(needs),
        }
    }
}

pub struct SegmentedCatalog {
    days: Vec<i32>,
    chronology: Chronology,
    topics: FacetIndex,
    places: FacetIndex,
    types: FacetIndex,
    years: FacetIndex,
    term_pieces: Vec<String>,
    short_prefixes: Vec<String>,
    slug_buckets: u32,
    records_per_shard: u32,
    /// Start columns' bytes, for the memory estimate.
    start_bytes: usize,
    words: HashMap<u32, TermPiece>,
    phrases: HashMap<u32, TermPiece>,
    prefixes: HashMap<u32, TermPiece>,
    records: HashMap<u32, Vec<Release>>,
    slugs: HashMap<u32, Vec<(String, u32)>>,
    /// Each light-index position's rank.
    light_order: Option<Vec<u32>>,
}

impl SegmentedCatalog {
    /// From the start columns' bytes.
    pub fn new(start: &[u8]) -> Result<SegmentedCatalog, String> {
        let columns = StartColumns::decode(start)?;
        let count = columns.release_count();
        let dates = (columns.days.iter())
            .map(|&day| Date::from_day_number(day))
            .collect::<Option<Vec<Date>>>()
            .ok_or_else(|| "the start columns hold a date out of range".to_owned())?;
        let label_keys = |column: FacetColumn, key: fn(String) -> FacetKey| {
            let values = column.values.into_iter();
            values.map(move |(label, ranks)| (key(label.unwrap_or_default()), ranks))
        };
        let types = columns
            .types
            .values
            .into_iter()
            .map(|(label, ranks)| (FacetKey::Type(TypeChoice::of(label.as_deref())), ranks));
        let mut years: Vec<(FacetKey, Vec<u32>)> = Vec::new();
        for (rank, date) in (0u32..).zip(&dates) {
            let key = FacetKey::Year(date.year());
            match years.last_mut() {
                Some((last, ranks)) if *last == key => ranks.push(rank),
                _ => years.push((key, vec![rank])),
            }
        }
        let facet = |members: Vec<_>, order| FacetIndex::from_members(members, count, order);
        Ok(SegmentedCatalog {
            chronology: Chronology::from_listing(&dates),
            topics: facet(
                label_keys(columns.topics, FacetKey::Topic).collect(),
                ValueOrder::ByCount,
            ),
            places: facet(
                label_keys(columns.places, FacetKey::Place).collect(),
                ValueOrder::ByCount,
            ),
            types: facet(types.collect(), ValueOrder::ByCount),
            years: facet(years, ValueOrder::ByYearDescending),
            days: columns.days,
            term_pieces: columns.term_pieces,
            short_prefixes: columns.short_prefixes,
            slug_buckets: columns.slug_buckets,
            records_per_shard: columns.records_per_shard,
            start_bytes: start.len(),
            words: HashMap::new(),
            phrases: HashMap::new(),
            prefixes: HashMap::new(),
            records: HashMap::new(),
            slugs: HashMap::new(),
            light_order: None,
        })
    }

    pub fn release_count(&self) -> usize {
        self.days.len()
    }

    pub fn has(&self, segment: Segment) -> bool {
        match segment {
            Segment::Words(piece) => self.words.contains_key(&piece),
            Segment::Phrases(piece) => self.phrases.contains_key(&piece),
            Segment::Prefix(prefix) => self.prefixes.contains_key(&prefix),
            Segment::Records(shard) => self.records.contains_key(&shard),
            Segment::Slugs(bucket) => self.slugs.contains_key(&bucket),
            Segment::LightOrder => self.light_order.is_some(),
        }
    }

    /// Takes a fetched segment; a damaged one, or one this archive does
    /// not have, is refused with a message naming it.
    pub fn add(&mut self, segment: Segment, bytes: &[u8]) -> Result<(), String> {
        let count = self.release_count();
        let what = segment.path();
        let exists = |index: u32, limit: usize| {
            ((index as usize) < limit)
                .then_some(())
                .ok_or_else(|| format!("{what} is not a segment of this archive"))
        };
        match segment {
            Segment::Words(piece) | Segment::Phrases(piece) => {
                exists(piece, self.term_pieces.len())?;
                let with_positions = matches!(segment, Segment::Phrases(_));
                let decoded = TermPiece::decode(bytes, count, with_positions, &what)?;
                let first = decoded.entries.first().map(|entry| entry.word.as_str());
                if first != Some(self.term_pieces[piece as usize].as_str()) {
                    return Err(format!("{what} does not start where the start columns say"));
                }
                let pieces = if with_positions {
                    &mut self.phrases
                } else {
                    &mut self.words
                };
                pieces.insert(piece, decoded);
            }
            Segment::Prefix(prefix) => {
                exists(prefix, self.short_prefixes.len())?;
                let decoded = TermPiece::decode(bytes, count, false, &what)?;
                let word = decoded.entries.first().map(|entry| entry.word.as_str());
                if decoded.entries.len() != 1 || word != Some(&self.short_prefixes[prefix as usize])
                {
                    return Err(format!("{what} is not the prefix the start columns say"));
                }
                self.prefixes.insert(prefix, decoded);
            }
            Segment::Records(shard) => {
                let per_shard = self.records_per_shard as usize;
                exists(shard, count.div_ceil(per_shard.max(1)))?;
                let first = shard as usize * per_shard;
                let expected = per_shard.min(count - first);
                let records = read_records(bytes, expected).map_err(|e| format!("{what}: {e}"))?;
                let dated = (first..).zip(&records);
                if dated
                    .clone()
                    .any(|(rank, r)| r.published.day_number() != self.days[rank])
                {
                    return Err(format!("{what} does not match the start columns' dates"));
                }
                self.records.insert(shard, records);
            }
            Segment::Slugs(bucket) => {
                exists(bucket, self.slug_buckets as usize)?;
                self.slugs.insert(bucket, decode_bucket(bytes, count)?);
            }
            Segment::LightOrder => self.light_order = Some(read_light_order(bytes, count)?),
        }
        Ok(())
    }

    /// [`Catalog::search_with`](super::Catalog::search_with): `full_text`
    /// is keyed by light-index positions, as the full-text index is.
    pub fn search_with(&self, filters: &Filters, full_text: &FullTextHits) -> Answer<SearchResult> {
        let terms = QueryTerms::parse(&filters.query);
        let mut needs = self.text_needs(&terms);
        let in_light_order = terms
            .full_text_keys()
            .iter()
            .any(|key| full_text.get(key).is_some_and(|ids| !ids.is_empty()));
        if in_light_order && self.light_order.is_none() {
            needs.push(Segment::LightOrder);
        }
        if !needs.is_empty() {
            return Answer::Needs(needs);
        }
        let full_text = self.ranked_hits(&terms, full_text);
        let listing = Listing {
            chronology: &self.chronology,
            facets: [&self.topics, &self.places, &self.types, &self.years],
            release_count: self.release_count(),
        };
        Answer::Ready(
            listing.search(filters, terms, Vec::new(), |terms, _, base| {
                self.match_terms(terms, &full_text, base)
            }),
        )
    }

    /// The hits translated from light-index positions to ranks, ascending
    /// through a bitset: a short prefix finds tens of thousands of bodies
    /// at 100,000 releases, too many to sort on every keystroke.
    fn ranked_hits(&self, terms: &QueryTerms, full_text: &FullTextHits) -> FullTextHits {
        let mut ranked = FullTextHits::default();
        let order = self.light_order.as_deref().unwrap_or_default();
        for key in terms.full_text_keys() {
            if let Some(ids) = full_text.get(&key) {
                let mut ranks = IdSet::empty(self.release_count());
                for &id in ids {
                    if let Some(&rank) = order.get(id as usize)
                        && (rank as usize) < self.release_count()
                    {
                        ranks.insert(rank);
                    }
                }
                ranked.insert_sorted(key, ranks.to_vec().into());
            }
        }
        ranked
    }

    /// The releases of `ids` (ranks), in that order.
    pub fn releases(&self, ids: &[u32]) -> Answer<Vec<&Release>> {
        let per_shard = self.records_per_shard.max(1);
        let mut needs: Vec<Segment> = (ids.iter())
            .map(|&id| Segment::Records(id / per_shard))
            .filter(|&segment| !self.has(segment))
            .collect();
        if !needs.is_empty() {
            crate::sorting::sort(&mut needs);
            needs.dedup();
            return Answer::Needs(needs);
        }
        Answer::Ready(
            ids.iter()
                .filter_map(|&id| {
                    let shard = self.records.get(&(id / per_shard))?;
                    shard.get((id % per_shard) as usize)
                })
                .collect(),
        )
    }

    /// The rank of the release with this slug.
    pub fn by_slug(&self, slug: &str) -> Answer<Option<u32>> {
        let bucket = bucket_of(slug, self.slug_buckets);
        let Some(entries) = self.slugs.get(&bucket) else {
            return Answer::Needs(vec![Segment::Slugs(bucket)]);
        };
        let found = entries.binary_search_by(|(known, _)| known.as_str().cmp(slug));
        Answer::Ready(found.ok().map(|at| entries[at].1))
    }

    /// The release's date, from the start columns.
    pub fn date_of(&self, rank: u32) -> Date {
        self.chronology.date_of(rank)
    }

    /// [`Catalog::feeds`](super::Catalog::feeds), from the start columns.
    pub fn feeds(&self) -> FeedDirectory {
        super::feeds_of([&self.topics, &self.places, &self.types])
    }

    /// The next older and the next newer release: the ranks either side.
    pub fn neighbours(&self, id: u32) -> (Option<u32>, Option<u32>) {
        self.chronology.neighbours(id as usize)
    }

    /// [`Catalog::related`](super::Catalog::related), from the start
    /// columns alone.
    pub fn related(&self, id: u32, limit: usize) -> Vec<u32> {
        let around = Around {
            topics: &self.topics,
            places: &self.places,
            chronology: &self.chronology,
            release_count: self.release_count(),
        };
        around.related(id as usize, limit, |rank| self.days[rank])
    }

    /// The releases `ids` per year or month, for the histogram.
    pub fn histogram(&self, ids: &[u32]) -> Histogram {
        Histogram::of_dates(|| ids.iter().map(|&id| self.chronology.date_of(id)))
    }

    /// About how many bytes the catalog holds: what it decoded from the
    /// start columns and every segment added since.
    pub fn memory_estimate(&self) -> usize {
        let count = self.release_count();
        // Days, dates, the chronology's three orders and rank table, and
        // per facet a value list per release and a release list per value.
        let columns = count * (4 + 4 + 4 * 4) + self.start_bytes * 16;
        let pieces = (self.words.values())
            .chain(self.phrases.values())
            .chain(self.prefixes.values());
        let terms: usize = pieces
            .flat_map(|piece| &piece.entries)
            .map(|entry| {
                let positions: usize = entry.positions.iter().map(|p| 24 + p.len() * 4).sum();
                48 + entry.word.len() + entry.postings.len() * 4 + positions
            })
            .sum();
        let records: usize = (self.records.values().flatten())
            .map(|r| 400 + r.title.len() + r.summary.len() + r.slug.as_str().len())
            .sum();
        let slugs: usize = self
            .slugs
            .values()
            .flatten()
            .map(|(s, _)| 32 + s.len())
            .sum();
        let order = self.light_order.as_ref().map_or(0, |order| order.len() * 4);
        columns + terms + records + slugs + order
    }
}

fn read_light_order(bytes: &[u8], count: usize) -> Result<Vec<u32>, String> {
    let mut reader = Reader::new(bytes, "the light-index order");
    if reader.count()? != count {
        return Err(reader.error("it is for another number of releases"));
    }
    let mut seen = IdSet::empty(count);
    let mut order = Vec::with_capacity(count);
    for _ in 0..count {
        let rank = reader.below(count)?;
        if seen.contains(rank) {
            return Err(reader.error("a rank appears twice"));
        }
        seen.insert(rank);
        order.push(rank);
    }
    reader.finish()?;
    Ok(order)
}
