//! Many short lists of ids stored end to end in one array (compressed sparse
//! rows): one allocation instead of one per release or per word.

#[derive(Clone, Debug, Default)]
pub(super) struct Lists {
    /// List `i` is `items[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    pub(super) fn new() -> Lists {
        Lists {
            starts: vec![0],
            items: Vec::new(),
        }
    }

    /// Appends the next list.
    pub(super) fn push(&mut self, items: impl IntoIterator<Item = u32>) {
        self.items.extend(items);
        self.starts.push(as_id(self.items.len()));
    }

    #[inline(always)] // per release per keystroke; see `IdSet::insert`
    pub(super) fn get(&self, list: usize) -> &[u32] {
        &self.items[self.starts[list] as usize..self.starts[list + 1] as usize]
    }

    pub(super) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Where list `list` begins in the concatenation of all lists.
    pub(super) fn start(&self, list: usize) -> usize {
        self.starts[list] as usize
    }

    pub(super) fn items(&self) -> &[u32] {
        &self.items
    }

    pub(super) fn items_mut(&mut self) -> &mut [u32] {
        &mut self.items
    }

    /// Turns `(list, item)` pairs into lists, keeping the pairs' order within
    /// each list: a counting sort. `for_each_pair` hands every pair to the
    /// function it is given, the same pairs each time; it runs twice.
    pub(super) fn group(
        list_count: usize,
        for_each_pair: impl Fn(&mut dyn FnMut(u32, u32)),
    ) -> Lists {
        let mut starts = vec![0u32; list_count + 1];
        for_each_pair(&mut |list, _| starts[list as usize + 1] += 1);
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![0; starts[list_count] as usize];
        for_each_pair(&mut |list, item| {
            let slot = &mut next[list as usize];
            items[*slot as usize] = item;
            *slot += 1;
        });
        Lists { starts, items }
    }
}

/// Ids, positions and counts are `u32` to halve memory against `usize`
/// on native builds; a bundle never comes near four billion of anything.
pub(super) fn as_id(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 releases, words and tokens")
}

#[cfg(test)]
mod tests {
    use super::Lists;

    #[test]
    fn lists_push_and_group() {
        let mut lists = Lists::new();
        lists.push([1, 2]);
        lists.push([]);
        lists.push([7]);
        assert_eq!(lists.len(), 3);
        assert_eq!(
            (lists.get(0), lists.get(1), lists.get(2)),
            (&[1, 2][..], &[][..], &[7][..])
        );
        assert_eq!(lists.start(2), 2);

        let pairs = [(2, 10), (0, 11), (2, 12)];
        let grouped = Lists::group(3, |emit| pairs.iter().for_each(|&(l, i)| emit(l, i)));
        assert_eq!(grouped.get(0), [11]);
        assert!(grouped.get(1).is_empty());
        assert_eq!(grouped.get(2), [10, 12]);
    }
}
