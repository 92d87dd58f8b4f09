//! Facets: each release's values per facet (topics, places, type, year) as
//! small value ids, the releases of each value, and the counts shown beside
//! each checkbox.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;

use super::idset::IdSet;
use super::lists::{Lists, as_id};
use crate::bundle::Release;
use crate::filters::FacetKey;
use crate::fold::fold;

/// The four facets of one search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub topics: Facet,
    pub places: Facet,
    pub types: Facet,
    pub years: Facet,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facet {
    /// Values with matches, and every selected value even without.
    pub values: Vec<FacetValue>,
    /// Matching releases with no value in this facet (no topic, no place).
    pub none_count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub label: String,
    /// What to toggle in the filters.
    pub key: FacetKey,
    /// Releases this value would show, given the other facets' choices.
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ValueOrder {
    /// Most releases first, then by label.
    ByCount,
    /// Latest year first.
    ByYearDescending,
}

pub(super) struct FacetIndex {
    keys: Vec<FacetKey>,
    ids: HashMap<FacetKey, u32>,
    /// Labels folded once, so ordering by label ignores case and accents.
    sort_labels: Vec<Box<str>>,
    values_of_release: Lists,
    releases_of_value: Lists,
    /// The releases of each common value (held by 1/64 of the releases or
    /// more) as a bitset too: counting it is then an AND and a popcount per
    /// 64 releases, whatever the number of matches. From that share on a
    /// bitset is at most twice the size of the id list.
    common_values: Vec<Option<IdSet>>,
    /// The releases with at least one value, to count those with none.
    with_a_value: IdSet,
    order: ValueOrder,
}

impl FacetIndex {
    pub(super) fn build<K>(releases: &[Release], order: ValueOrder, keys_of: K) -> FacetIndex
    where
        K: Fn(&Release) -> Vec<FacetKey>,
    {
        let mut keys = Vec::new();
        let mut ids = HashMap::new();
        let mut values_of_release = Lists::new();
        let mut values = Vec::new();
        for release in releases {
            values.clear();
            for key in keys_of(release) {
                let next_id = as_id(keys.len());
                let id = *ids.entry(key).or_insert_with_key(|key| {
                    keys.push(key.clone());
                    next_id
                });
                values.push(id);
            }
            values.sort_unstable();
            values.dedup(); // a topic listed twice counts once
            values_of_release.push(values.iter().copied());
        }
        let releases_of_value = Lists::group(keys.len(), |emit| {
            for release in 0..values_of_release.len() {
                for &value in values_of_release.get(release) {
                    emit(value, as_id(release));
                }
            }
        });
        FacetIndex::assemble(keys, ids, values_of_release, releases_of_value, order)
    }

    /// From each value's releases (ascending), as the segmented data
    /// stores them, over `release_count` releases.
    pub(super) fn from_members(
        members: Vec<(FacetKey, Vec<u32>)>,
        release_count: usize,
        order: ValueOrder,
    ) -> FacetIndex {
        let mut releases_of_value = Lists::new();
        let mut keys = Vec::with_capacity(members.len());
        for (key, releases) in members {
            releases_of_value.push(releases);
            keys.push(key);
        }
        let values_of_release = Lists::group(release_count, |emit| {
            for value in 0..releases_of_value.len() {
                for &release in releases_of_value.get(value) {
                    emit(release, as_id(value));
                }
            }
        });
        let ids = (keys.iter().cloned())
            .zip((0..keys.len()).map(as_id))
            .collect();
        FacetIndex::assemble(keys, ids, values_of_release, releases_of_value, order)
    }

    fn assemble(
        keys: Vec<FacetKey>,
        ids: HashMap<FacetKey, u32>,
        values_of_release: Lists,
        releases_of_value: Lists,
        order: ValueOrder,
    ) -> FacetIndex {
        let release_count = values_of_release.len();
        let as_set = |ids: &[u32]| {
            let mut set = IdSet::empty(release_count);
            ids.iter().for_each(|&id| set.insert(id));
            set
        };
        let common_values = (0..keys.len())
            .map(|value| releases_of_value.get(value))
            .map(|ids| (ids.len() * 64 >= release_count).then(|| as_set(ids)))
            .collect();
        let mut with_a_value = IdSet::empty(release_count);
        for release in 0..release_count {
            if !values_of_release.get(release).is_empty() {
                with_a_value.insert(as_id(release));
            }
        }
        FacetIndex {
            sort_labels: keys.iter().map(|key| fold(&key.label()).into()).collect(),
            keys,
            ids,
            values_of_release,
            releases_of_value,
            common_values,
            with_a_value,
            order,
        }
    }

    /// Every value, in first-seen order.
    pub(super) fn keys(&self) -> &[FacetKey] {
        &self.keys
    }

    /// The value ids of a release.
    pub(super) fn values_of(&self, release: usize) -> &[u32] {
        self.values_of_release.get(release)
    }

    /// The releases having a value, ascending.
    pub(super) fn releases_with(&self, value: u32) -> &[u32] {
        self.releases_of_value.get(value as usize)
    }

    /// The releases having any of the selected values (OR within a facet);
    /// `None` when nothing is selected, so the facet does not narrow.
    pub(super) fn selection(&self, selected: &[FacetKey]) -> Option<IdSet> {
        if selected.is_empty() {
            return None;
        }
        let mut set = IdSet::empty(self.values_of_release.len());
        for &value in selected.iter().filter_map(|key| self.ids.get(key)) {
            match &self.common_values[value as usize] {
                Some(releases) => set.union_with(releases),
                None => self
                    .releases_with(value)
                    .iter()
                    .for_each(|&id| set.insert(id)),
            }
        }
        Some(set)
    }

    /// Counts per value over `within`, listing the selected values too.
    pub(super) fn facet(&self, within: &IdSet, selected: &[FacetKey]) -> Facet {
        let (counts, none_count) = self.counts(within);
        let is_selected = |key: &FacetKey| selected.contains(key);
        let known = self.keys.iter().zip(&self.sort_labels).zip(&counts);
        let mut values: Vec<(FacetValue, Cow<str>)> = known
            .filter(|((key, _), count)| **count > 0 || is_selected(key))
            .map(|((key, sort_label), &count)| {
                let value = facet_value(key.clone(), count as usize, is_selected(key));
                (value, Cow::Borrowed(&**sort_label))
            })
            .collect();
        // Selected in the URL but in no release: shown, with no matches.
        for key in selected.iter().filter(|key| !self.ids.contains_key(key)) {
            let sort_label = Cow::Owned(fold(&key.label()));
            values.push((facet_value(key.clone(), 0, true), sort_label));
        }
        match self.order {
            ValueOrder::ByCount => {
                crate::sorting::sort_by(&mut values, |(a, a_label), (b, b_label)| {
                    (Reverse(a.count), a_label, &a.label).cmp(&(
                        Reverse(b.count),
                        b_label,
                        &b.label,
                    ))
                })
            }
            ValueOrder::ByYearDescending => {
                crate::sorting::sort_by_key(&mut values, |(value, _)| Reverse(year_of(&value.key)));
            }
        }
        Facet {
            values: values.into_iter().map(|(value, _)| value).collect(),
            none_count,
        }
    }

    /// Releases in `within` per value, and those with no value at all.
    fn counts(&self, within: &IdSet) -> (Vec<u32>, usize) {
        if within.is_empty() {
            return (vec![0; self.keys.len()], 0);
        }
        let counts = (self.common_values.iter().enumerate())
            .map(|(value, common)| match common {
                Some(releases) => within.count_common(releases),
                None => (self.releases_of_value.get(value).iter())
                    .filter(|&&id| within.contains(id))
                    .count(),
            })
            .map(as_id)
            .collect();
        let none = within.len() - within.count_common(&self.with_a_value);
        (counts, none)
    }
}

fn facet_value(key: FacetKey, count: usize, selected: bool) -> FacetValue {
    FacetValue {
        label: key.label(),
        key,
        count,
        selected,
    }
}

fn year_of(key: &FacetKey) -> i32 {
    match key {
        FacetKey::Year(year) => *year,
        _ => 0,
    }
}
