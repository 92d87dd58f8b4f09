//! Every distinct word of the catalog, sorted, in one string. Sorting makes
//! the words starting with a prefix a contiguous run of word ids, found by
//! binary search; word ids are positions in this order.

use std::ops::Range;

use super::lists::as_id;

#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    text: String,
    /// Word `i` is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
}

impl Vocabulary {
    /// From words already sorted and distinct.
    pub(super) fn from_sorted<'a>(words: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for word in words {
            debug_assert!(vocabulary.ends.is_empty() || vocabulary.last() < word);
            vocabulary.text.push_str(word);
            vocabulary.ends.push(as_id(vocabulary.text.len()));
        }
        vocabulary
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn word(&self, id: usize) -> &str {
        let start = id.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start as usize..self.ends[id] as usize]
    }

    fn last(&self) -> &str {
        self.word(self.len() - 1)
    }

    /// Ids of the words that start with `prefix` (an empty range if none).
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let first = self.partition_point(0, |word| word < prefix);
        let end = self.partition_point(first, |word| word.starts_with(prefix));
        as_id(first)..as_id(end)
    }

    /// The id of exactly `word`, as a range of one (or empty if absent).
    pub(super) fn exact_range(&self, word: &str) -> Range<u32> {
        let first = self.partition_point(0, |candidate| candidate < word);
        let found = first < self.len() && self.word(first) == word;
        as_id(first)..as_id(first + usize::from(found))
    }

    /// The first id from `start` on where `before` turns false; `before`
    /// must hold for a leading run of ids only.
    fn partition_point(&self, start: usize, before: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (start, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if before(self.word(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }
}

#[cfg(test)]
mod tests {
    use super::Vocabulary;

    #[test]
    fn prefixes_find_contiguous_runs() {
        let vocabulary = Vocabulary::from_sorted(["law", "pen", "penal", "penitentiary", "prison"]);
        assert_eq!(vocabulary.word(0), "law");
        assert_eq!(vocabulary.word(4), "prison");
        assert_eq!(vocabulary.prefix_range("pen"), 1..4);
        assert_eq!(vocabulary.prefix_range("penit"), 3..4);
        assert_eq!(vocabulary.prefix_range("p"), 1..5);
        assert!(vocabulary.prefix_range("q").is_empty());
        assert!(vocabulary.prefix_range("a").is_empty());
        assert!(vocabulary.prefix_range("zz").is_empty());
        assert_eq!(vocabulary.prefix_range("").len(), 5);
    }

    #[test]
    fn exact_words_only() {
        let vocabulary = Vocabulary::from_sorted(["law", "pen", "penal"]);
        assert_eq!(vocabulary.exact_range("pen"), 1..2);
        assert!(vocabulary.exact_range("pe").is_empty());
        assert!(vocabulary.exact_range("zebra").is_empty());
        assert!(Vocabulary::default().exact_range("a").is_empty());
    }
}
