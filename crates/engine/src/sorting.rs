//! Sorting with one copy of the standard library's sort in the wasm.
//!
//! Each `sort_by` call site with its own element type or comparator gets
//! its own copy of the standard library's driftsort or ipnsort (3 to 9 KB
//! each in the wasm: 96 KB in all). The app's sorts go through one stable
//! sort of `u32` positions with a `dyn` comparator here: other element
//! types sort their positions, then move into that order. Two hot sorts
//! keep a copy of their own, for speed: the relevance order (every hit, at
//! each keystroke) and the words' ranks at start-up. The tools' sorts (the
//! build's) do not reach the wasm and stay as they are.

use std::cmp::Ordering;

/// The one instance of the standard library's stable sort.
#[inline(never)]
fn sort_ids_dyn(ids: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    ids.sort_by(|&a, &b| compare(a, b));
}

/// Sorts ids (or any `u32`s) by `compare`, stably.
pub fn sort_ids_by(ids: &mut [u32], mut compare: impl FnMut(u32, u32) -> Ordering) {
    sort_ids_dyn(ids, &mut compare);
}

/// Sorts `items` by `compare`, stably, like [`slice::sort_by`].
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions_by(items.len(), |a, b| compare(&items[a], &items[b]));
    move_into(items, &order);
}

/// Sorts `items` by `key`, stably, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `key`, computed once per item, stably, like
/// [`slice::sort_by_cached_key`].
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions_by(items.len(), |a, b| keys[a].cmp(&keys[b]));
    move_into(items, &order);
}

/// The positions `0..len` in the order `compare` gives them, stably.
fn positions_by(len: usize, mut compare: impl FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("fewer than 2^32 items");
    let mut order: Vec<u32> = (0..len).collect();
    sort_ids_by(&mut order, |a, b| compare(a as usize, b as usize));
    order
}

/// Puts `items` in `order` (a permutation of their positions).
fn move_into<T>(items: &mut Vec<T>, order: &[u32]) {
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend((order.iter()).map(|&i| taken[i as usize].take().expect("each position once")));
}

/// Sorts `items` in their order, stably (for the types sorted here, equal
/// items are identical, so it also stands for `sort_unstable`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let items: Vec<(u8, u32)> = (0..500u32).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        let mut sorted = items.clone();
        sort_by_key(&mut sorted, |&(k, _)| k);
        assert_eq!(sorted, expected);
        let mut cached = items.clone();
        sort_by_cached_key(&mut cached, |&(k, _)| k);
        assert_eq!(cached, expected);
        let mut ids: Vec<u32> = (0..500).collect();
        sort_ids_by(&mut ids, |a, b| {
            items[b as usize].0.cmp(&items[a as usize].0)
        });
        let mut std_ids: Vec<u32> = (0..500).collect();
        std_ids.sort_by(|&a, &b| items[b as usize].0.cmp(&items[a as usize].0));
        assert_eq!(ids, std_ids);
        let mut words = vec!["prison", "law", "court", "law", "", "aid", "court"];
        let mut unstable = words.clone();
        unstable.sort_unstable();
        sort(&mut words);
        assert_eq!(words, unstable);
    }
}
