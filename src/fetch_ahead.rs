//! What a filter click will need, fetched as the reader presses it. On a
//! segmented archive a view's first entries may need a records shard;
//! fetched from the click it arrives after the next frame, so the click's
//! answer took two frames (10,000 releases: 29–38 ms against about 10–15 ms
//! for a view whose records were in). A hand holds a pointer or the space
//! bar down for some 50–150 ms before the click or the change: held 80 ms,
//! the same clicks paint in 16–24 ms.

use std::sync::Arc;

use leptos::prelude::*;

use super::full_text::FullTextSearch;
use super::load::Newsroom;
use newsroom_engine::filters::Filters;
use newsroom_engine::listing::{FIRST_SHOWN, page_span, shown_page};

/// Fetches what `next` will show first: the segments its search needs,
/// then the records of its first entries. Nothing on a whole archive,
/// which has them all.
pub fn fetch_ahead(newsroom: Arc<Newsroom>, full_text: FullTextSearch) -> Callback<Filters> {
    Callback::new(move |next: Filters| {
        let archive = &newsroom.archive;
        if archive.segments().is_none() {
            return;
        }
        untrack(|| {
            let Some(result) = archive.search(&next, &full_text.hits(), None) else {
                return; // Its pieces of the index are now on their way.
            };
            let page = page_span(shown_page(next.page, result.ids.len()), result.ids.len());
            let first = &result.ids[page.start..(page.start + FIRST_SHOWN).min(page.end)];
            archive.has_releases(first);
        });
    })
}

/// Whether a key press will toggle a checkbox when it is let go.
pub fn toggles_on_release(event: &leptos::ev::KeyboardEvent) -> bool {
    event.key() == " " && !event.repeat()
}
