//! Searching bodies from the timeline. The query's words are looked up in
//! the build's term index, fetching only the pieces they can be in (cached);
//! the hits feed the result memo, so results from titles and summaries show
//! at once and full-text matches join them when their pieces arrive.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::BasePath;
use super::load::{Newsroom, fetch_bytes};
use crate::derived::manifest::term_piece_file;
use crate::derived::terms::{Piece, pieces_for, read_piece};
use crate::filters::Filters;
use crate::search::{FullTextHits, FullTextKey, QueryTerms};

/// Pieces kept after use; a reader's session rarely needs more.
const CACHED_PIECES: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum FullTextStatus {
    /// Nothing to look up, or every hit is in.
    Done,
    Searching,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct FullTextSearch {
    /// Hits for the current query's keys (possibly still incomplete).
    pub hits: RwSignal<FullTextHits>,
    pub status: RwSignal<FullTextStatus>,
}

type PieceCache = Arc<Mutex<HashMap<usize, Arc<Piece>>>>;

pub fn full_text_search(
    newsroom: Arc<Newsroom>,
    base: BasePath,
    filters: Memo<Filters>,
) -> FullTextSearch {
    let search = FullTextSearch {
        hits: RwSignal::new(FullTextHits::default()),
        status: RwSignal::new(FullTextStatus::Done),
    };
    let keys = Memo::new(move |_| filters.with(|f| QueryTerms::parse(&f.query).full_text_keys()));
    let cache: PieceCache = Arc::default();
    Effect::new(move |_| {
        let wanted = keys.get();
        if wanted.is_empty() || newsroom.manifest.term_pieces.is_empty() {
            search.hits.set(FullTextHits::default());
            search.status.set(FullTextStatus::Done);
            return;
        }
        search.status.set(FullTextStatus::Searching);
        let (newsroom, base, cache) = (newsroom.clone(), base.clone(), cache.clone());
        leptos::task::spawn_local(async move {
            let outcome = look_up(&newsroom, &base, &cache, &wanted).await;
            // A later keystroke has its own lookup; this one is stale.
            if keys.get_untracked() != wanted {
                return;
            }
            match outcome {
                Ok(hits) => {
                    search.hits.set(hits);
                    search.status.set(FullTextStatus::Done);
                }
                Err(message) => search.status.set(FullTextStatus::Failed(message)),
            }
        });
    });
    search
}

async fn look_up(
    newsroom: &Newsroom,
    base: &BasePath,
    cache: &PieceCache,
    keys: &[FullTextKey],
) -> Result<FullTextHits, String> {
    let directory = &newsroom.manifest.term_pieces;
    let mut needed: Vec<usize> = keys
        .iter()
        .flat_map(|key| pieces_for(directory, key))
        .collect();
    needed.sort_unstable();
    needed.dedup();
    let missing: Vec<usize> = {
        let cache = cache.lock().expect("one thread");
        needed
            .iter()
            .copied()
            .filter(|p| !cache.contains_key(p))
            .collect()
    };
    let fetched = futures::future::join_all(missing.iter().map(|&piece| async move {
        let url = base.data(&term_piece_file(piece));
        let bytes = fetch_bytes(&url).await.map_err(|e| {
            format!(
                "a piece of the full-text index ({url}) could not be loaded: {}",
                e.reason()
            )
        })?;
        read_piece(&bytes).map(|read| (piece, Arc::new(read)))
    }))
    .await;
    let mut cache = cache.lock().expect("one thread");
    if cache.len() + fetched.len() > CACHED_PIECES {
        cache.retain(|piece, _| needed.contains(piece));
    }
    for piece in fetched {
        let (index, piece) = piece?;
        cache.insert(index, piece);
    }
    let universe = newsroom.manifest.releases;
    let mut hits = FullTextHits::default();
    for key in keys {
        let mut positions = Vec::new();
        for piece in pieces_for(directory, key) {
            if let Some(piece) = cache.get(&piece) {
                piece.collect(key, universe, &mut positions)?;
            }
        }
        let ids = positions
            .into_iter()
            .filter_map(|p| newsroom.id_of_position.get(p as usize).copied())
            .filter(|&id| id != u32::MAX)
            .collect();
        hits.insert(key.clone(), ids);
    }
    Ok(hits)
}
