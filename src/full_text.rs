//! Searching bodies from the timeline. The query's words are looked up in
//! the build's term index, fetching only the pieces they can be in. Pieces
//! and decoded words are cached, so the result memo gets the hits in the
//! same pass as the rest of the search whenever the pieces are already here
//! (one render per keystroke); new pieces bump `arrived`, and the memo runs
//! again with them. When a query word matches nothing, the nearest words
//! of the archive are looked up too (exactly), for near matches.
//!
//! Why not a `LocalResource` per query: a resource answers asynchronously
//! even when every piece is cached, so each keystroke would render twice
//! (without, then with the full-text hits) and the list would flicker. The
//! synchronous cache lookup inside the search memo avoids that; only pieces
//! not yet here are fetched in the background.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::BasePath;
use super::load::{Newsroom, fetch_bytes};
use super::spelling::SpellingData;
use newsroom_engine::derived::manifest::term_piece_file;
use newsroom_engine::derived::terms::{Piece, Positions, pieces_for, read_piece};
use newsroom_engine::filters::Filters;
use newsroom_engine::search::{FullTextHits, FullTextKey, QueryTerms, near_full_text_keys};

/// Pieces (about 48 KB each) and decoded words (up to 4 bytes per release
/// each) kept: enough for the words of the last few queries.
const CACHED_PIECES: usize = 64;
const CACHED_WORDS: usize = 16;

#[derive(Clone, Debug, PartialEq)]
pub enum FullTextStatus {
    /// Nothing to look up, or every hit is in.
    Done,
    Searching,
    Failed(String),
}

#[derive(Default)]
struct Cache {
    pieces: HashMap<usize, Arc<Piece>>,
    in_flight: HashSet<usize>,
    /// Catalog ids (ascending) per key, decoded from complete pieces.
    words: HashMap<FullTextKey, Arc<[u32]>>,
}

#[derive(Clone, Copy)]
pub struct FullTextSearch {
    /// Bumped each time pieces arrive.
    arrived: RwSignal<u64>,
    /// What the current query looks up, and its words' near words.
    keys: Memo<Vec<FullTextKey>>,
    cache: StoredValue<Arc<Mutex<Cache>>>,
    newsroom: StoredValue<Arc<Newsroom>>,
    pub status: Memo<FullTextStatus>,
}

impl FullTextSearch {
    pub fn new(
        newsroom: Arc<Newsroom>,
        base: BasePath,
        filters: Memo<Filters>,
        spelling: SpellingData,
    ) -> FullTextSearch {
        // The query parsed once per change, for both kinds of keys.
        let terms = Memo::new(move |_| filters.with(|f| QueryTerms::parse(&f.query)));
        let typed_keys = Memo::new(move |_| terms.with(QueryTerms::full_text_keys));
        let arrived = RwSignal::new(0);
        let failed = RwSignal::new(None);
        let cache = StoredValue::new(Arc::new(Mutex::new(Cache::default())));
        let store = StoredValue::new(newsroom);
        // Near words are known once the typed words' answers are in.
        let near_keys = Memo::new(move |_| {
            let spelling = spelling.get()?;
            arrived.track();
            let newsroom = store.get_value();
            let typed = typed_keys.get();
            let hits = collect_hits(&newsroom, &cache.get_value(), typed);
            let catalog = newsroom.archive.whole()?;
            let corrections = terms.with(|terms| catalog.corrections(terms, &hits, &spelling));
            Some(near_full_text_keys(&corrections))
        });
        let keys = Memo::new(move |_| {
            let mut keys = typed_keys.get();
            keys.extend(near_keys.get().unwrap_or_default());
            newsroom_engine::sorting::sort(&mut keys);
            keys.dedup();
            keys
        });
        let status = Memo::new(move |_| {
            arrived.track();
            if let Some(reason) = failed.get() {
                return FullTextStatus::Failed(reason);
            }
            let missing =
                keys.with(|keys| missing_pieces(&store.get_value(), &cache.get_value(), keys));
            if missing.is_empty() {
                FullTextStatus::Done
            } else {
                FullTextStatus::Searching
            }
        });
        // Fetches what the current keys need and is neither here nor on its way.
        Effect::new(move |_| {
            let wanted = keys.get();
            failed.set(None);
            let newsroom = store.get_value();
            let cache = cache.get_value();
            let missing = missing_pieces(&newsroom, &cache, &wanted);
            let to_fetch: Vec<usize> = {
                let mut cache = cache.lock().expect("one thread");
                missing
                    .into_iter()
                    .filter(|piece| cache.in_flight.insert(*piece))
                    .collect()
            };
            if to_fetch.is_empty() {
                return;
            }
            let base = base.clone();
            leptos::task::spawn_local(async move {
                let fetched = futures::future::join_all(
                    to_fetch.iter().map(|&piece| fetch_piece(&base, piece)),
                )
                .await;
                let mut problem = None;
                {
                    let mut cache = cache.lock().expect("one thread");
                    if cache.pieces.len() + fetched.len() > CACHED_PIECES {
                        cache.pieces.clear();
                    }
                    for (piece, outcome) in to_fetch.iter().zip(fetched) {
                        cache.in_flight.remove(piece);
                        match outcome {
                            Ok(read) => {
                                cache.pieces.insert(*piece, Arc::new(read));
                            }
                            Err(message) => problem = Some(message),
                        }
                    }
                }
                if let Some(message) = problem
                    && keys.get_untracked() == wanted
                {
                    failed.set(Some(message));
                }
                arrived.update(|n| *n += 1);
            });
        });
        FullTextSearch {
            arrived,
            keys,
            cache,
            newsroom: store,
            status,
        }
    }

    /// The hits for the current query's keys from the pieces that are
    /// here; reactive on the query and on new pieces arriving.
    pub fn hits(&self) -> FullTextHits {
        self.arrived.track();
        let keys = self.keys.get();
        collect_hits(&self.newsroom.get_value(), &self.cache.get_value(), keys)
    }
}

/// The hits for `keys` from the pieces that are here; keys whose pieces
/// are still on their way are marked pending.
fn collect_hits(newsroom: &Newsroom, cache: &Mutex<Cache>, keys: Vec<FullTextKey>) -> FullTextHits {
    let mut hits = FullTextHits::default();
    if keys.is_empty() {
        return hits;
    }
    let mut cache = cache.lock().expect("one thread");
    for key in keys {
        if let Some(ids) = cache.words.get(&key) {
            hits.insert_sorted(key, ids.clone());
            continue;
        }
        let Some(ids) = decode(newsroom, &cache, &key) else {
            hits.mark_pending(key);
            continue;
        };
        if cache.words.len() >= CACHED_WORDS {
            cache.words.clear();
        }
        cache.words.insert(key.clone(), ids.clone());
        hits.insert_sorted(key, ids);
    }
    hits
}

fn missing_pieces(newsroom: &Newsroom, cache: &Mutex<Cache>, keys: &[FullTextKey]) -> Vec<usize> {
    let cache = cache.lock().expect("one thread");
    let mut missing: Vec<usize> = keys
        .iter()
        .filter(|key| !cache.words.contains_key(key))
        .flat_map(|key| pieces_for(&newsroom.manifest.term_pieces, key))
        .filter(|piece| !cache.pieces.contains_key(piece))
        .collect();
    newsroom_engine::sorting::sort(&mut missing);
    missing.dedup();
    missing
}

/// The catalog ids whose full text `key` finds; `None` until all its
/// pieces are here, or when a piece does not fit the releases.
fn decode(newsroom: &Newsroom, cache: &Cache, key: &FullTextKey) -> Option<Arc<[u32]>> {
    let mut positions = Positions::new(newsroom.manifest.releases);
    for piece in pieces_for(&newsroom.manifest.term_pieces, key) {
        cache
            .pieces
            .get(&piece)?
            .collect(key, &mut positions)
            .ok()?;
    }
    let ids: Vec<u32> = positions
        .to_vec()
        .into_iter()
        .filter_map(|p| newsroom.archive.full_text_id(p))
        .collect();
    Some(ids.into())
}

async fn fetch_piece(base: &BasePath, piece: usize) -> Result<Piece, String> {
    let url = base.data(&term_piece_file(piece));
    let bytes = fetch_bytes(&url).await.map_err(|e| {
        format!(
            "a piece of the full-text index ({url}) could not be loaded: {}",
            e.reason()
        )
    })?;
    read_piece(&bytes)
}
