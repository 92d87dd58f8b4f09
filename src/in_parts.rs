//! The first view under the pre-render, built in parts, a task each. Built
//! at once, the home page's view is one task of about 60 ms here, four
//! times that on a mid-range phone, during which the pre-rendered page
//! cannot answer a click (and Lighthouse counts it as blocking time). The
//! pre-render stays until the last part is in, so the reader still sees one
//! swap. Once the app is shown, parts render at once.

use leptos::prelude::*;

use super::load::next_task;
use super::takeover::StaticPage;

/// Renders `children` in a task of its own while the pre-render is shown,
/// keeping the pre-render until they are in.
#[component]
pub fn NextPart(children: ChildrenFn) -> impl IntoView {
    let hold = use_context::<StaticPage>().and_then(|page| page.hold());
    let ready = RwSignal::new(hold.is_none());
    if let Some(hold) = hold {
        leptos::task::spawn_local(async move {
            next_task().await;
            // The view may be gone by then (the reader followed a link).
            let _ = ready.try_set(true);
            // The last hold let go swaps in the next frame, after this
            // task has rendered the part.
            drop(hold);
        });
    }
    move || ready.get().then(|| children())
}
