//! "Related releases": those sharing the most topics, then a place, then
//! nearest in date (newer first when equally near).

use super::Catalog;
use super::chronology::Chronology;
use super::facets::FacetIndex;

impl Catalog {
    /// Up to `limit` releases related to release `index`, best first; never
    /// `index` itself.
    pub fn related(&self, index: usize, limit: usize) -> Vec<u32> {
        let releases = &self.releases;
        let around = Around {
            topics: &self.topics,
            places: &self.places,
            chronology: &self.chronology,
            release_count: releases.len(),
        };
        around.related(index, limit, |id| releases[id].published.day_number())
    }
}

/// What "related" reads: the facets' release lists and the listing order.
pub(super) struct Around<'a> {
    pub(super) topics: &'a FacetIndex,
    pub(super) places: &'a FacetIndex,
    pub(super) chronology: &'a Chronology,
    pub(super) release_count: usize,
}

impl Around<'_> {
    /// See [`Catalog::related`]; `day_of` gives a release's day number.
    pub(super) fn related(
        &self,
        index: usize,
        limit: usize,
        day_of: impl Fn(usize) -> i32,
    ) -> Vec<u32> {
        let count = self.release_count;
        if index >= count {
            return Vec::new();
        }
        // Counted through the facets' release lists: only releases sharing
        // a value are touched.
        let mut shared_topics = vec![0u16; count];
        for &topic in self.topics.values_of(index) {
            for &other in self.topics.releases_with(topic) {
                shared_topics[other as usize] = shared_topics[other as usize].saturating_add(1);
            }
        }
        let mut shares_place = vec![false; count];
        for &place in self.places.values_of(index) {
            for &other in self.places.releases_with(place) {
                shares_place[other as usize] = true;
            }
        }
        // One integer key per release, so selecting and sorting compare
        // numbers rather than releases: fewer shared topics, no shared
        // place and more days apart all make it larger; the listing
        // position breaks ties.
        let day = day_of(index);
        // The `limit` smallest (key, rank) pairs, kept sorted as they come
        // (all distinct: the ranks are): no sort or select of the whole.
        let mut ranked: Vec<(u64, u32)> = Vec::with_capacity(limit.min(count) + 1);
        for other in (0..count).filter(|&other| other != index) {
            let distance = day_of(other).abs_diff(day);
            let key = u64::from(u16::MAX - shared_topics[other]) << 48
                | u64::from(!shares_place[other]) << 47
                | u64::from(distance);
            let entry = (key, self.chronology.newest_rank(other));
            if ranked.len() == limit && ranked.last().is_none_or(|last| entry > *last) {
                continue;
            }
            let at = ranked.partition_point(|held| *held < entry);
            ranked.insert(at, entry);
            ranked.truncate(limit);
        }
        let ids = ranked
            .into_iter()
            .map(|(_, rank)| self.chronology.at_newest_rank(rank));
        ids.collect()
    }
}
