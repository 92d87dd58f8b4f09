//! Sets of release ids as bitsets: at 100,000 releases a set is 12.5 KB and
//! intersecting two is a few thousand word operations.

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct IdSet {
    blocks: Vec<u64>,
    universe: usize,
}

impl IdSet {
    /// No ids out of `0..universe`.
    pub(super) fn empty(universe: usize) -> IdSet {
        IdSet {
            blocks: vec![0; universe.div_ceil(64)],
            universe,
        }
    }

    /// Every id in `0..universe`.
    pub(super) fn full(universe: usize) -> IdSet {
        let mut set = IdSet {
            blocks: vec![u64::MAX; universe.div_ceil(64)],
            universe,
        };
        if let (Some(last), tail @ 1..) = (set.blocks.last_mut(), universe % 64) {
            *last = (1 << tail) - 1;
        }
        set
    }

    // `#[inline(always)]` on the per-release helpers: the size-optimised wasm build
    // would otherwise call them once per release per keystroke.
    #[inline(always)]
    pub(super) fn insert(&mut self, id: u32) {
        let id = id as usize;
        debug_assert!(id < self.universe);
        self.blocks[id / 64] |= 1 << (id % 64);
    }

    #[inline(always)]
    pub(super) fn contains(&self, id: u32) -> bool {
        let id = id as usize;
        self.blocks
            .get(id / 64)
            .is_some_and(|block| block & (1 << (id % 64)) != 0)
    }

    /// Keeps only the ids that are also in `other`.
    pub(super) fn intersect_with(&mut self, other: &IdSet) {
        debug_assert_eq!(self.universe, other.universe);
        for (block, other) in self.blocks.iter_mut().zip(&other.blocks) {
            *block &= other;
        }
    }

    /// Adds the ids of `other`.
    pub(super) fn union_with(&mut self, other: &IdSet) {
        debug_assert_eq!(self.universe, other.universe);
        for (block, other) in self.blocks.iter_mut().zip(&other.blocks) {
            *block |= other;
        }
    }

    /// How many ids the two sets share, without building the intersection.
    pub(super) fn count_common(&self, other: &IdSet) -> usize {
        let common = self.blocks.iter().zip(&other.blocks);
        common.map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    pub(super) fn len(&self) -> usize {
        self.blocks.iter().map(|b| b.count_ones() as usize).sum()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.blocks.iter().all(|&b| b == 0)
    }

    /// Keeps the ids for which `keep` is true, visiting them ascending.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        for (index, block) in self.blocks.iter_mut().enumerate() {
            let mut kept = 0;
            visit_bits(index, *block, &mut |id| {
                if keep(id) {
                    kept |= 1 << (id % 64);
                }
            });
            *block = kept;
        }
    }

    /// Calls `visit` with each id, ascending. Plain loops rather than an
    /// iterator: size-optimised wasm builds leave iterator adapters
    /// un-inlined, and these loops run per release on every keystroke.
    pub(super) fn for_each(&self, mut visit: impl FnMut(u32)) {
        for (index, &block) in self.blocks.iter().enumerate() {
            visit_bits(index, block, &mut visit);
        }
    }

    /// The ids, ascending.
    pub(super) fn to_vec(&self) -> Vec<u32> {
        let mut ids = Vec::with_capacity(self.len());
        self.for_each(|id| ids.push(id));
        ids
    }
}

#[inline(always)] // see `IdSet::insert`
fn visit_bits(block_index: usize, mut bits: u64, visit: &mut impl FnMut(u32)) {
    let base = block_index as u32 * 64;
    while bits != 0 {
        visit(base + bits.trailing_zeros());
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    fn set_of(universe: usize, ids: &[u32]) -> IdSet {
        let mut set = IdSet::empty(universe);
        ids.iter().for_each(|&id| set.insert(id));
        set
    }

    #[test]
    fn full_sets_stop_at_the_universe() {
        for universe in [0, 1, 63, 64, 65, 130] {
            let full = IdSet::full(universe);
            assert_eq!(full.len(), universe);
            assert_eq!(full.to_vec().len(), universe);
            assert_eq!(
                full.to_vec().last().copied(),
                universe.checked_sub(1).map(|l| l as u32)
            );
        }
    }

    #[test]
    fn set_operations() {
        let mut a = set_of(200, &[3, 64, 65, 199, 7]);
        let b = set_of(200, &[199, 7, 64, 100]);
        assert_eq!(a.count_common(&b), 3);
        let mut union = a.clone();
        union.union_with(&b);
        assert_eq!(union.to_vec(), [3, 7, 64, 65, 100, 199]);
        a.intersect_with(&b);
        assert_eq!(a.to_vec(), [7, 64, 199]);
        assert!(a.contains(199) && !a.contains(3) && !a.contains(5000));
        a.retain(|id| id != 64);
        assert_eq!(a.to_vec(), [7, 199]);
        a.intersect_with(&IdSet::empty(200));
        assert!(a.is_empty());
    }
}
