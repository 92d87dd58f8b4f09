//! The archive's vocabulary for typo tolerance: every folded word of the
//! releases with how many releases hold it, and the nearest words to a
//! misspelt one. Distance is optimal string alignment (Damerau's edits:
//! insert, delete, substitute, swap two neighbours, each counting one), from
//! the `strsim` crate; allowed: 1 edit for words of 4–7 letters, 2 from 8.
//!
//! Words are grouped by length, and each carries the set of letters it
//! uses: one edit adds or removes at most one letter of that set, so a word
//! whose set differs by more than the allowed edits is skipped before any
//! distance is computed. At 100,000 releases that leaves a few hundred
//! distances per misspelt word.

/// A typed word of fewer letters is never corrected: too many words lie
/// one edit from a three-letter word.
pub const MIN_CORRECTED_LETTERS: usize = 4;
/// How many nearest words a misspelt word is widened to, at most.
pub const MAX_NEAREST: usize = 8;

/// Edits allowed for a typed word of `letters` characters.
pub fn allowed_edits(letters: usize) -> usize {
    match letters {
        0..MIN_CORRECTED_LETTERS => 0,
        MIN_CORRECTED_LETTERS..=7 => 1,
        _ => 2,
    }
}

/// Words with counts, grouped by length, ready for [`Spelling::nearest`].
#[derive(Debug, Default)]
pub struct Spelling {
    /// All words, one after the other; entries point into it.
    text: String,
    /// `by_length[n]`: the words of `n` characters.
    by_length: Vec<Vec<Entry>>,
}

#[derive(Debug)]
struct Entry {
    start: u32,
    end: u32,
    letters: u32,
    releases: u32,
}

/// A word near a misspelt one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Near {
    pub word: String,
    pub edits: usize,
    /// How many releases hold it.
    pub releases: u32,
}

impl Spelling {
    /// From folded words and release counts, in any order; a word given
    /// twice (a title word that is also in bodies) keeps its larger count.
    /// Words with digits are left out: a number is never a correction.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, u32)>) -> Spelling {
        let mut sorted: Vec<(&str, u32)> = words
            .into_iter()
            .filter(|(word, _)| !word.is_empty() && !word.chars().any(|c| c.is_numeric()))
            .collect();
        crate::sorting::sort_by(&mut sorted, |a, b| a.0.cmp(b.0).then(b.1.cmp(&a.1)));
        sorted.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut spelling = Spelling::default();
        for (word, releases) in sorted {
            let length = word.chars().count();
            if spelling.by_length.len() <= length {
                spelling.by_length.resize_with(length + 1, Vec::new);
            }
            let start = spelling.text.len() as u32;
            spelling.text.push_str(word);
            spelling.by_length[length].push(Entry {
                start,
                end: spelling.text.len() as u32,
                letters: letter_set(word),
                releases,
            });
        }
        spelling
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.by_length.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many releases hold exactly `word` (folded), if any does.
    pub fn releases_of(&self, word: &str) -> Option<u32> {
        let group = self.by_length.get(word.chars().count())?;
        let text = |entry: &Entry| &self.text[entry.start as usize..entry.end as usize];
        let at = group.partition_point(|entry| text(entry) < word);
        group
            .get(at)
            .filter(|entry| text(entry) == word)
            .map(|entry| entry.releases)
    }

    /// The words within the allowed edits of `typed` (folded, one word),
    /// at the smallest distance found, most widely used first; at most
    /// [`MAX_NEAREST`]. None for short words and words with digits.
    pub fn nearest(&self, typed: &str) -> Vec<Near> {
        let letters = typed.chars().count();
        let allowed = allowed_edits(letters);
        if allowed == 0 || typed.chars().any(|c| c.is_numeric()) {
            return Vec::new();
        }
        let typed_letters = letter_set(typed);
        let mut found: Vec<Near> = Vec::new();
        let mut best = allowed;
        let lengths = letters.saturating_sub(allowed)..=letters + allowed;
        for group in lengths.filter_map(|length| self.by_length.get(length)) {
            for entry in group {
                let added = (entry.letters & !typed_letters).count_ones() as usize;
                let dropped = (typed_letters & !entry.letters).count_ones() as usize;
                if added > best || dropped > best {
                    continue;
                }
                let word = &self.text[entry.start as usize..entry.end as usize];
                let edits = strsim::osa_distance(typed, word);
                if edits == 0 || edits > best {
                    continue;
                }
                if edits < best {
                    best = edits;
                    found.retain(|near| near.edits <= best);
                }
                found.push(Near {
                    word: word.to_owned(),
                    edits,
                    releases: entry.releases,
                });
            }
        }
        found.retain(|near| near.edits == best);
        crate::sorting::sort_by(&mut found, |a, b| {
            b.releases
                .cmp(&a.releases)
                .then_with(|| a.word.cmp(&b.word))
        });
        found.truncate(MAX_NEAREST);
        found
    }
}

/// The characters a word uses, each as one of 32 bits (several characters
/// can share a bit, which only makes the filter let more through).
fn letter_set(word: &str) -> u32 {
    word.chars().fold(0, |set, c| set | 1 << (c as u32 % 32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling() -> Spelling {
        Spelling::new([
            ("dushanbe", 40),
            ("penitentiary", 3),
            ("trafficking", 9),
            ("khatlon", 5),
            ("nurek", 2),
            ("umarov", 1),
            ("union", 7),
            ("unison", 2),
            ("law", 50),
            ("2023", 80),
        ])
    }

    fn nearest(typed: &str) -> Vec<String> {
        spelling()
            .nearest(typed)
            .into_iter()
            .map(|near| near.word)
            .collect()
    }

    #[test]
    fn edits_allowed_grow_with_the_word() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 1);
        assert_eq!(allowed_edits(7), 1);
        assert_eq!(allowed_edits(8), 2);
        assert_eq!(nearest("nurk"), ["nurek"], "a deletion, 4 letters");
        assert_eq!(nearest("dushnbe"), ["dushanbe"], "7 letters, 1 edit");
        assert!(nearest("dushb").is_empty(), "5 letters, 3 edits");
        assert_eq!(nearest("penitentary"), ["penitentiary"], "1 edit");
        assert_eq!(
            nearest("pententary"),
            ["penitentiary"],
            "11 letters, 2 edits"
        );
        assert!(nearest("pntntary").is_empty(), "8 letters, 4 edits");
        assert!(nearest("lwa").is_empty(), "3 letters are never corrected");
    }

    #[test]
    fn a_transposition_is_one_edit() {
        assert_eq!(nearest("umraov"), ["umarov"]);
        assert_eq!(nearest("khtalon"), ["khatlon"]);
        let near = spelling().nearest("traffikcing");
        assert_eq!(near[0].edits, 1);
    }

    #[test]
    fn the_nearest_distance_wins_then_the_most_used_word() {
        // "unino": one swap from "union", two edits from "unison".
        assert_eq!(nearest("unino"), ["union"]);
        let spelling = Spelling::new([("prisons", 2), ("prisoner", 9), ("prison", 30)]);
        let words: Vec<String> = spelling
            .nearest("prisonr")
            .into_iter()
            .map(|n| n.word)
            .collect();
        assert_eq!(words, ["prison", "prisoner", "prisons"]);
    }

    #[test]
    fn a_word_s_own_count_is_looked_up_exactly() {
        let spelling = spelling();
        assert_eq!(spelling.releases_of("dushanbe"), Some(40));
        assert_eq!(spelling.releases_of("union"), Some(7));
        assert_eq!(spelling.releases_of("unio"), None, "a prefix is not a word");
        assert_eq!(spelling.releases_of("zzzzz"), None);
        assert_eq!(spelling.releases_of("2023"), None, "numbers are left out");
    }

    #[test]
    fn numbers_are_neither_corrected_nor_corrections() {
        assert!(nearest("2024").is_empty());
        assert!(Spelling::new([("2023", 1)]).is_empty());
    }

    #[test]
    fn a_word_given_twice_keeps_its_larger_count() {
        let spelling = Spelling::new([("dushanbe", 2), ("dushanbe", 7)]);
        assert_eq!(spelling.len(), 1);
        assert_eq!(spelling.nearest("dushanbr")[0].releases, 7);
    }

    #[test]
    fn other_scripts_are_compared_by_character() {
        let spelling = Spelling::new([("душанбе", 3)]);
        assert_eq!(spelling.nearest("душнбе")[0].word, "душанбе");
    }
}
