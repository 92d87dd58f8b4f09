//! A release's full text, fetched from its body shard when the release is
//! opened (the light index has no bodies). Shards stay cached, so the
//! neighbours in a shard open without a fetch.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::load::fetch_bytes;
use super::markdown_body::MarkdownBody;
use super::takeover::StaticPage;
use super::{BasePath, use_newsroom};
use newsroom_engine::derived::bodies::{BodyShard, read_shard};
use newsroom_engine::derived::manifest::{body_shard_file, shard_of};
use newsroom_engine::markdown::Block;

/// Shards kept after use.
const CACHED_SHARDS: usize = 16;

#[derive(Clone, Default)]
pub struct ShardCache(Arc<Mutex<HashMap<u32, Arc<BodyShard>>>>);

#[component]
pub fn FetchedBody(slug: String) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let cache = expect_context::<ShardCache>();
    let shard = shard_of(&slug, newsroom.manifest.body_shards);
    let body =
        LocalResource::new(move || body_of(base.clone(), cache.clone(), shard, slug.clone()));
    // On an entry page the pre-render already shows the full text: it stays
    // until the app has it too, so nothing below the text moves at the swap.
    let hold = StoredValue::new(use_context::<StaticPage>().and_then(|page| page.hold()));
    let loading = || {
        view! { <p class="release__body-status" role="status">"Loading the full text…"</p> }
    };
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                let body_result = body.await;
                hold.set_value(None);
                match body_result {
                    Ok(blocks) => view! { <MarkdownBody blocks=blocks /> }.into_any(),
                    Err(message) => view! {
                        <div class="release__body-status" role="alert">
                            <p>{message}</p>
                            <button type="button" class="button" on:click=move |_| body.refetch()>"Try again"</button>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

async fn body_of(
    base: BasePath,
    cache: ShardCache,
    shard: u32,
    slug: String,
) -> Result<Vec<Block>, String> {
    let cached = cache.0.lock().expect("one thread").get(&shard).cloned();
    let url = base.data(&body_shard_file(shard));
    let shard_data = match cached {
        Some(shard_data) => shard_data,
        None => {
            let bytes = fetch_bytes(&url).await.map_err(|e| {
                format!(
                    "The full text could not be loaded from {url}: {}.",
                    e.reason()
                )
            })?;
            let read = Arc::new(
                read_shard(&bytes)
                    .map_err(|e| format!("The full text at {url} cannot be read: {e}."))?,
            );
            let mut cache = cache.0.lock().expect("one thread");
            if cache.len() >= CACHED_SHARDS {
                cache.clear();
            }
            cache.insert(shard, read.clone());
            read
        }
    };
    shard_data.bodies.get(&slug).cloned().ok_or_else(|| {
        format!("The full text is missing from {url}; the site may be half-way through an update.")
    })
}
