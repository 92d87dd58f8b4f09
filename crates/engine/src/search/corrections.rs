//! "Did you mean": the query's words that match nothing as typed, each
//! with the nearest words of the archive ([`Spelling`]); the search then
//! matches those words instead (near matches), and the corrected query is
//! offered as a link. A word that matches as typed, as a word prefix in
//! any field or full text, is never corrected and never widened; it is
//! only offered a suggestion when a near word is held by [`FAR_FEWER`]
//! times as many releases ([`Catalog::rare_word_suggestions`]).

use super::Catalog;
use super::full_text::{FULL_TEXT_MIN_PREFIX, FullTextHits, FullTextKey, word_key};
use super::query::QueryTerms;
use super::spelling::Spelling;
use crate::derived::words::WordCounts;
use crate::fold::fold;

/// A typed word that the archive holds gets a suggestion only when a near
/// word is held by this many times as many releases: "Dushnbe" in one
/// release beside "Dushanbe" in fifty is likely a typo in the archive too.
pub const FAR_FEWER: u32 = 10;
/// Shorter words that match are never offered another: one edit too
/// often turns a short real word into another ("Rome", "Roma").
pub const MIN_SUGGESTED_LETTERS: usize = 6;

/// A query word that matches nothing, and what it was probably meant to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    /// The word as searched (folded).
    pub typed: String,
    /// Its nearest words, best first; never empty.
    pub nearest: Vec<String>,
}

impl Catalog {
    /// The vocabulary of the catalog's fields, plus `body_words` (the
    /// full texts' words, when the bodies are not in the catalog).
    pub fn spelling(&self, body_words: Option<&WordCounts>) -> Spelling {
        let catalog = self.text.words_with_counts();
        let bodies = body_words
            .into_iter()
            .flat_map(|counts| counts.words.iter().map(|(word, n)| (word.as_str(), *n)));
        Spelling::new(catalog.chain(bodies))
    }

    /// The query's single words (not phrase words) that match nothing: no
    /// word of the catalog starts with them, and the full texts' answer
    /// for them is in and empty. A word whose answer is still pending is
    /// not unmatched yet.
    pub fn unmatched_words<'a>(
        &self,
        terms: &'a QueryTerms,
        full_text: &FullTextHits,
    ) -> Vec<&'a str> {
        let in_full_text = |word: &str| match word_key(word) {
            None => false,
            Some(key) => {
                full_text.is_pending(&key) || full_text.get(&key).is_some_and(|ids| !ids.is_empty())
            }
        };
        terms
            .words
            .iter()
            .map(String::as_str)
            .filter(|word| self.text.prefix_range(word).is_empty() && !in_full_text(word))
            .collect()
    }

    /// Each unmatched word with its nearest words; none at all unless every
    /// unmatched word has some, since a query that keeps one word matching
    /// nothing still finds nothing.
    pub fn corrections(
        &self,
        terms: &QueryTerms,
        full_text: &FullTextHits,
        spelling: &Spelling,
    ) -> Vec<Correction> {
        let mut corrections = Vec::new();
        for typed in self.unmatched_words(terms, full_text) {
            let nearest = spelling.nearest(typed);
            if nearest.is_empty() {
                return Vec::new();
            }
            corrections.push(Correction {
                typed: typed.to_owned(),
                nearest: nearest.into_iter().map(|near| near.word).collect(),
            });
        }
        corrections
    }
}

impl Catalog {
    /// The query's single words that the archive holds as whole words, but
    /// in [`FAR_FEWER`] times fewer releases than a near word, with those
    /// near words: offered as "Did you mean", never searched instead. A
    /// word that is only a prefix of the archive's words (typing goes on),
    /// shorter than [`MIN_SUGGESTED_LETTERS`] or a word of a topic or place
    /// gets none, nor do near words it is a prefix of (already matched).
    pub fn rare_word_suggestions(
        &self,
        terms: &QueryTerms,
        spelling: &Spelling,
    ) -> Vec<Correction> {
        let mut suggestions = Vec::new();
        for typed in &terms.words {
            if typed.chars().count() < MIN_SUGGESTED_LETTERS {
                continue;
            }
            let Some(typed_releases) = spelling.releases_of(typed) else {
                continue;
            };
            let nearest: Vec<String> = (spelling.nearest(typed).into_iter())
                .filter(|near| {
                    !near.word.starts_with(typed.as_str())
                        && near.releases >= typed_releases.saturating_mul(FAR_FEWER)
                })
                .map(|near| near.word)
                .collect();
            if !nearest.is_empty() && !self.text.is_label_word(typed) {
                suggestions.push(Correction {
                    typed: typed.clone(),
                    nearest,
                });
            }
        }
        suggestions
    }
}

/// The term-index lookups near matches need: each near word, exactly.
pub fn near_full_text_keys(corrections: &[Correction]) -> Vec<FullTextKey> {
    let mut keys: Vec<FullTextKey> = corrections
        .iter()
        .flat_map(|correction| &correction.nearest)
        .filter(|word| word.chars().count() >= FULL_TEXT_MIN_PREFIX)
        .map(|word| FullTextKey {
            word: word.clone(),
            prefix: false,
        })
        .collect();
    crate::sorting::sort(&mut keys);
    keys.dedup();
    keys
}

/// `query` with each corrected word replaced by its best correction (a
/// capital kept), as segments, `true` for a replaced word; `None` when
/// there is nothing to correct.
pub fn corrected_query(query: &str, corrections: &[Correction]) -> Option<Vec<(String, bool)>> {
    if corrections.is_empty() {
        return None;
    }
    let mut segments: Vec<(String, bool)> = Vec::new();
    let mut push = |text: &str, corrected: bool| match segments.last_mut() {
        Some((last, false)) if !corrected => last.push_str(text),
        _ => segments.push((text.to_owned(), corrected)),
    };
    let mut rest = query;
    while !rest.is_empty() {
        let word_end = rest.find(|c| !is_word_char(c)).unwrap_or(rest.len());
        if word_end == 0 {
            let gap_end = rest.find(is_word_char).unwrap_or(rest.len());
            push(&rest[..gap_end], false);
            rest = &rest[gap_end..];
            continue;
        }
        let word = &rest[..word_end];
        let folded = fold(word);
        match corrections.iter().find(|c| c.typed == folded) {
            Some(correction) => push(&keep_capital(word, &correction.nearest[0]), true),
            None => push(word, false),
        }
        rest = &rest[word_end..];
    }
    Some(segments)
}

/// Letters, digits, and the combining accents that fold away inside them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036f}').contains(&c)
}

fn keep_capital(typed: &str, correction: &str) -> String {
    // ASCII only: Unicode case tables would cost the app's download more
    // than a capital is worth.
    let mut corrected = correction.to_owned();
    if typed.starts_with(|c: char| c.is_ascii_uppercase())
        && let Some(first) = corrected.get_mut(..1)
    {
        first.make_ascii_uppercase();
    }
    corrected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(typed: &str, nearest: &[&str]) -> Correction {
        Correction {
            typed: typed.to_owned(),
            nearest: nearest.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    #[test]
    fn corrected_words_replace_the_typed_ones() {
        let corrections = [
            correction("dushnbe", &["dushanbe"]),
            correction("penitentary", &["penitentiary", "penitentiaries"]),
        ];
        let segments = corrected_query("Prison “penitentary” in Dushnbe!", &corrections).unwrap();
        assert_eq!(
            segments,
            [
                ("Prison “".to_owned(), false),
                ("penitentiary".to_owned(), true),
                ("” in ".to_owned(), false),
                ("Dushanbe".to_owned(), true),
                ("!".to_owned(), false),
            ]
        );
        assert_eq!(corrected_query("dushnbe", &[]), None);
    }

    #[test]
    fn accented_and_decomposed_words_are_found() {
        let corrections = [correction("zugik", &["zugic"])];
        let joined = |query: &str| -> String {
            corrected_query(query, &corrections)
                .unwrap()
                .into_iter()
                .map(|(text, _)| text)
                .collect()
        };
        assert_eq!(joined("ZUGIK visit"), "Zugic visit");
        assert_eq!(joined("Zugi\u{301}k"), "Zugic");
        assert_eq!(joined("zugík"), "zugic");
        let cyrillic = [correction("душнбе", &["душанбе"])];
        let segments = corrected_query("Душнбе", &cyrillic).unwrap();
        assert_eq!(
            segments,
            [("душанбе".to_owned(), true)],
            "no capital outside ASCII"
        );
    }

    #[test]
    fn near_words_are_looked_up_exactly() {
        let keys = near_full_text_keys(&[
            correction("dushnbe", &["dushanbe"]),
            correction("anbe", &["anb", "ab"]),
        ]);
        let words: Vec<&str> = keys.iter().map(|k| k.word.as_str()).collect();
        assert_eq!(words, ["anb", "dushanbe"]);
        assert!(keys.iter().all(|k| !k.prefix));
    }
}
