//! Releases in date order, computed once: the Newest and Oldest sorts, date
//! ranges and the previous/next links all read these arrays instead of
//! sorting per query.

use std::cmp::Reverse;

use super::idset::IdSet;
use super::lists::as_id;
use crate::bundle::Release;
use crate::date::Date;

pub(super) struct Chronology {
    /// By date descending, then slug ascending (the default listing order).
    newest_first: Vec<u32>,
    /// Each release's position in `newest_first`.
    newest_rank: Vec<u32>,
    /// By date ascending, then slug ascending.
    oldest_first: Vec<u32>,
    /// The dates of `oldest_first`, for finding a range by binary search.
    ascending_dates: Vec<Date>,
    /// Each release's date, by id: a compact column for counting dates of
    /// a result (the histogram) without touching the releases.
    date_of: Vec<Date>,
}

impl Chronology {
    pub(super) fn build(releases: &[Release]) -> Chronology {
        let ids = || (0..releases.len()).map(as_id);
        let release = |id: &u32| &releases[*id as usize];

        let mut oldest_first: Vec<u32> = ids().collect();
        crate::sorting::sort_ids_by(&mut oldest_first, |a, b| {
            let (a, b) = (release(&a), release(&b));
            (a.published, &a.slug).cmp(&(b.published, &b.slug))
        });
        let ascending_dates: Vec<Date> = oldest_first
            .iter()
            .map(|id| release(id).published)
            .collect();
        Chronology::from_oldest_first(oldest_first, ascending_dates)
    }

    /// From the dates of releases numbered in newest-first listing order
    /// (each id is its own rank), as the segmented data numbers them.
    pub(super) fn from_listing(dates: &[Date]) -> Chronology {
        // Oldest first is the listing with the days reversed but each
        // day's releases still in listing (slug) order.
        let mut oldest_first = Vec::with_capacity(dates.len());
        let mut day_end = dates.len();
        while day_end > 0 {
            let date = dates[day_end - 1];
            let day_start = dates[..day_end].partition_point(|d| *d > date);
            oldest_first.extend((day_start..day_end).map(as_id));
            day_end = day_start;
        }
        let ascending_dates = oldest_first.iter().map(|&id| dates[id as usize]).collect();
        Chronology::from_oldest_first(oldest_first, ascending_dates)
    }

    fn from_oldest_first(oldest_first: Vec<u32>, ascending_dates: Vec<Date>) -> Chronology {
        // Newest first is oldest first with the days reversed but each day's
        // releases still by slug: reverse the runs of equal dates.
        let mut newest_first = Vec::with_capacity(oldest_first.len());
        let mut day_end = oldest_first.len();
        while day_end > 0 {
            let date = ascending_dates[day_end - 1];
            let day_start = ascending_dates[..day_end].partition_point(|d| *d < date);
            newest_first.extend_from_slice(&oldest_first[day_start..day_end]);
            day_end = day_start;
        }
        let mut newest_rank = vec![0; oldest_first.len()];
        for (rank, id) in newest_first.iter().enumerate() {
            newest_rank[*id as usize] = as_id(rank);
        }
        let mut date_of = ascending_dates.clone();
        for (&id, &date) in oldest_first.iter().zip(&ascending_dates) {
            date_of[id as usize] = date;
        }
        Chronology {
            newest_first,
            newest_rank,
            oldest_first,
            ascending_dates,
            date_of,
        }
    }

    /// The release's date.
    pub(super) fn date_of(&self, id: u32) -> Date {
        self.date_of[id as usize]
    }

    /// The releases published from `from` to `to`, both inclusive.
    pub(super) fn between(&self, from: Option<Date>, to: Option<Date>) -> IdSet {
        let universe = self.oldest_first.len();
        if from.is_none() && to.is_none() {
            return IdSet::full(universe);
        }
        let start = from.map_or(0, |from| {
            self.ascending_dates.partition_point(|d| *d < from)
        });
        let end = to.map_or(universe, |to| {
            self.ascending_dates.partition_point(|d| *d <= to)
        });
        let mut set = IdSet::empty(universe);
        for &id in self.oldest_first.get(start..end).unwrap_or_default() {
            set.insert(id);
        }
        set
    }

    /// The members of `set`, newest first.
    pub(super) fn newest_first(&self, set: &IdSet) -> Vec<u32> {
        filtered(&self.newest_first, set)
    }

    /// The members of `set`, oldest first.
    pub(super) fn oldest_first(&self, set: &IdSet) -> Vec<u32> {
        filtered(&self.oldest_first, set)
    }

    /// The members of `set`, highest score first, equal scores in listing
    /// order.
    pub(super) fn best_first(&self, set: &IdSet, scores: &[u32]) -> Vec<u32> {
        // Scores next to their ids, in listing order, then a stable sort on
        // the score alone: it keeps that order among equals, and with the
        // few distinct scores a query yields it beats sorting on
        // (score, position). The standard sort of its own: it is the hot
        // one (a sort of every hit at each keystroke).
        let mut scored = vec![(0, 0); set.len()];
        let mut next = 0;
        for &id in &self.newest_first {
            if set.contains(id) {
                scored[next] = (scores[id as usize], id);
                next += 1;
            }
        }
        scored.sort_by_key(|&(score, _)| Reverse(score));
        scored.into_iter().map(|(_, id)| id).collect()
    }

    /// A release's position in the newest-first listing.
    pub(super) fn newest_rank(&self, id: usize) -> u32 {
        self.newest_rank[id]
    }

    /// The release at a position of the newest-first listing.
    pub(super) fn at_newest_rank(&self, rank: u32) -> u32 {
        self.newest_first[rank as usize]
    }

    /// The next older and next newer release, in the default listing order.
    pub(super) fn neighbours(&self, id: usize) -> (Option<u32>, Option<u32>) {
        let Some(&rank) = self.newest_rank.get(id) else {
            return (None, None);
        };
        let rank = rank as usize;
        let older = self.newest_first.get(rank + 1).copied();
        let newer = rank.checked_sub(1).map(|newer| self.newest_first[newer]);
        (older, newer)
    }
}

fn filtered(order: &[u32], set: &IdSet) -> Vec<u32> {
    order
        .iter()
        .copied()
        .filter(|&id| set.contains(id))
        .collect()
}
