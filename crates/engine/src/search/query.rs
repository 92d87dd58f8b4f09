//! The search box's text as terms: single words, each matching as a word
//! prefix, and quoted phrases, matching as consecutive words.

use super::text::words;
use crate::fold::fold;

/// More terms than this is pasted text rather than a search; the rest are
/// ignored so one keystroke never costs more than this many index lookups.
pub const MAX_TERMS: usize = 32;

/// What to look for, folded; also what to highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryTerms {
    /// Each must start a word of the release.
    pub words: Vec<String>,
    /// Each must appear as consecutive words of one field, the last word
    /// possibly as a prefix. Always two words or more: a quoted single word
    /// is an ordinary word.
    pub phrases: Vec<Vec<String>>,
}

impl QueryTerms {
    /// Splits at quotes: text between a quote and the next one (or the end,
    /// when unclosed) is a phrase. Curly quotes count too, since phone
    /// keyboards type them.
    pub fn parse(query: &str) -> QueryTerms {
        let mut terms = QueryTerms::default();
        let folded = fold(query);
        for (index, part) in folded.split(is_quote).enumerate() {
            let part_words = words(part).into_iter().map(str::to_owned);
            if index % 2 == 0 {
                part_words.for_each(|word| terms.add_word(word));
            } else {
                terms.add_phrase(part_words.collect());
            }
        }
        terms
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    pub fn len(&self) -> usize {
        self.words.len() + self.phrases.len()
    }

    fn add_word(&mut self, word: String) {
        if self.len() < MAX_TERMS && !self.words.contains(&word) {
            self.words.push(word);
        }
    }

    fn add_phrase(&mut self, mut phrase: Vec<String>) {
        match phrase.len() {
            0 => {}
            1 => self.add_word(phrase.remove(0)),
            _ if self.len() < MAX_TERMS && !self.phrases.contains(&phrase) => {
                self.phrases.push(phrase);
            }
            _ => {}
        }
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn words_are_folded_and_kept_once() {
        let terms = QueryTerms::parse("  Zugić ZUGIC prison's  ");
        assert_eq!(terms.words, ["zugic", "prison", "s"]);
        assert!(terms.phrases.is_empty());
    }

    #[test]
    fn quotes_make_phrases() {
        let terms = QueryTerms::parse(r#"tajik "Prison System" forum"#);
        assert_eq!(terms.words, ["tajik", "forum"]);
        assert_eq!(terms.phrases, [phrase(&["prison", "system"])]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let terms = QueryTerms::parse(r#"forum "prison sys"#);
        assert_eq!(terms.words, ["forum"]);
        assert_eq!(terms.phrases, [phrase(&["prison", "sys"])]);
    }

    #[test]
    fn curly_quotes_work_like_straight_ones() {
        let terms = QueryTerms::parse("“rule of law”");
        assert_eq!(terms.phrases, [phrase(&["rule", "of", "law"])]);
    }

    #[test]
    fn a_quoted_single_word_is_a_word() {
        let terms = QueryTerms::parse(r#""penal" "" """#);
        assert_eq!(terms.words, ["penal"]);
        assert!(terms.phrases.is_empty());
    }

    #[test]
    fn punctuation_only_is_no_query() {
        for query in ["", "   ", "\"", "?!…", "’", "\" \""] {
            assert!(QueryTerms::parse(query).is_empty(), "{query:?}");
        }
    }

    #[test]
    fn terms_are_capped() {
        let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let terms = QueryTerms::parse(&many.join(" "));
        assert_eq!(terms.len(), MAX_TERMS);
    }
}
