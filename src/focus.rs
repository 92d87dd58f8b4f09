//! Focus on route changes: after client-side navigation, focus moves to the
//! new view's `h1` so screen readers announce it and Tab starts from there.
//! The first view of a visit keeps the browser's default focus.

use leptos::html::H1;
use leptos::prelude::*;

use super::takeover::StaticPage;

/// Whether the app has shown a view yet.
#[derive(Clone, Copy)]
pub struct FirstView(RwSignal<bool>);

impl FirstView {
    pub fn new() -> Self {
        FirstView(RwSignal::new(true))
    }
}

/// Focuses `heading` once it is mounted, unless this is the visit's first
/// view (or `always`, for views reached only by navigation, like releases).
pub fn focus_heading_on_arrival(heading: NodeRef<H1>, always: bool) {
    let first = expect_context::<FirstView>();
    let is_first = first.0.get_untracked();
    first.0.set(false);
    if is_first && !always {
        return;
    }
    let static_page = expect_context::<StaticPage>();
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            static_page.after_swap(move || {
                let _ = h1.focus();
            });
        }
    });
}
