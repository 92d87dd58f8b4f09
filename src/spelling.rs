//! The archive's vocabulary for "did you mean" and near matches: the
//! catalog's words plus the full texts' words from the build's word list,
//! which is fetched once, on the first query with a word of four letters.

use std::sync::Arc;

use leptos::prelude::*;

use super::BasePath;
use super::load::{Newsroom, fetch_bytes};
use newsroom_engine::derived::words::{WORDS_FILE, WordCounts, read_word_counts};
use newsroom_engine::filters::Filters;
use newsroom_engine::search::{MIN_CORRECTED_LETTERS, QueryTerms, Spelling};

/// Shared by every visit to the timeline, so the word list is fetched once.
#[derive(Clone, Copy)]
pub struct SpellingData {
    spelling: RwSignal<Option<Arc<Spelling>>>,
    /// Why the full texts' words could not be added, if so.
    pub problem: RwSignal<Option<String>>,
    started: StoredValue<bool>,
}

impl Default for SpellingData {
    fn default() -> SpellingData {
        SpellingData {
            spelling: RwSignal::new(None),
            problem: RwSignal::new(None),
            started: StoredValue::new(false),
        }
    }
}

impl SpellingData {
    /// The vocabulary, once loaded (tracked).
    pub fn get(&self) -> Option<Arc<Spelling>> {
        self.spelling.get()
    }

    pub fn is_started(&self) -> bool {
        self.started.get_value()
    }

    /// Builds the vocabulary, fetching the full texts' words if there are
    /// bodies; once. Without the word list, the catalog's words still serve,
    /// and `problem` says why the rest are missing.
    ///
    /// A segmented archive has no vocabulary at hand (it would need every
    /// title and summary), so it searches words as typed.
    pub fn load(&self, newsroom: Arc<Newsroom>, base: &BasePath) {
        if self.started.get_value() || newsroom.archive.whole().is_none() {
            return;
        }
        self.started.set_value(true);
        let (spelling, problem) = (self.spelling, self.problem);
        let has_bodies = newsroom.manifest.body_shards > 0;
        let catalog_spelling = move |words: Option<&WordCounts>| {
            (newsroom.archive.whole()).map(|catalog| Arc::new(catalog.spelling(words)))
        };
        if !has_bodies {
            spelling.set(catalog_spelling(None));
            return;
        }
        let url = base.data(WORDS_FILE);
        leptos::task::spawn_local(async move {
            let words = match fetch_bytes(&url).await {
                Ok(bytes) => read_word_counts(&bytes),
                Err(error) => Err(format!(
                    "the list of full-text words ({url}) could not be loaded: {}",
                    error.reason()
                )),
            };
            let words = words.map_err(|message| problem.set(Some(message))).ok();
            spelling.set(catalog_spelling(words.as_ref()));
        });
    }
}

/// Loads the vocabulary on the first query with a word of
/// [`MIN_CORRECTED_LETTERS`] or more: to correct it if it matches nothing,
/// or to offer the near word when far more releases hold that one.
pub fn load_when_needed(
    spelling: SpellingData,
    newsroom: Arc<Newsroom>,
    base: BasePath,
    filters: Memo<Filters>,
) {
    Effect::new(move |_| {
        if spelling.is_started() {
            return;
        }
        let needed = filters.with(|f| {
            (QueryTerms::parse(&f.query).words.iter())
                .any(|word| word.chars().count() >= MIN_CORRECTED_LETTERS)
        });
        if needed {
            spelling.load(newsroom.clone(), &base);
        }
    });
}
