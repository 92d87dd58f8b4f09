//! What the filter panel and the chart show: the timeline's filters and
//! result, sampled once the list showing them has been painted (in a large
//! archive, once the entries' records are in), and while the reader types
//! into the search box, once they pause. Each keystroke or click is then
//! answered in the next frame by the list and its count alone; the panel's
//! counts, chips and dates and the chart follow right after. While the
//! pre-rendered page is shown (the app's view is hidden under it), they
//! follow at once: the view the swap shows is complete.
//!
//! Nothing here is a second copy of the state: the memos read the live
//! ones, and a tick tells them when.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::takeover::StaticPage;

use newsroom_engine::filters::Filters;
use newsroom_engine::search::SearchResult;

/// How long after a keystroke the panel follows: a typist's pause, longer
/// than the time between two keys of a word.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// When the reader last typed into the search box (the page's clock, ms).
#[derive(Clone, Copy)]
pub struct Typing(StoredValue<Option<f64>>);

impl Typing {
    pub fn new() -> Self {
        Typing(StoredValue::new(None))
    }

    /// Called by the search box before it goes to the typed query.
    pub fn typed(&self) {
        self.0.set_value(now());
    }

    /// How long until the reader has paused, if they are typing.
    fn pause_left(&self) -> Option<Duration> {
        let since = now()? - self.0.get_value()?;
        let left = TYPING_PAUSE.as_secs_f64() * 1000.0 - since;
        (left > 0.0).then(|| Duration::from_secs_f64(left / 1000.0))
    }
}

fn now() -> Option<f64> {
    window().performance().map(|performance| performance.now())
}

#[derive(Clone, Copy)]
pub struct Settled {
    pub filters: Memo<Filters>,
    pub result: Memo<Arc<SearchResult>>,
}

impl Settled {
    /// `answered`: whether the list shows `result` (its entries' records in).
    pub fn new(
        filters: Memo<Filters>,
        result: Memo<Arc<SearchResult>>,
        answered: Signal<bool>,
        typing: Typing,
    ) -> Self {
        let tick = RwSignal::new(0_u64);
        let pre_render = use_context::<StaticPage>();
        // Samples asked for are numbered; only the latest is taken.
        let latest = StoredValue::new(0_u64);
        Effect::new(move |ran: Option<()>| {
            filters.track();
            result.track();
            if ran.is_none() || !answered.get() {
                // At first the memos below start from the values now; a
                // list still waiting for its records is followed once it
                // has them (this runs again then).
                return;
            }
            let this = latest.get_value() + 1;
            latest.set_value(this);
            if pre_render.as_ref().is_some_and(StaticPage::is_shown) {
                tick.update(|tick| *tick += 1);
                return;
            }
            let sample = move || {
                if latest.try_get_value() == Some(this) {
                    let focused = document().active_element();
                    tick.try_update(|tick| *tick += 1);
                    keep_focus(focused);
                }
            };
            match typing.pause_left() {
                Some(left) => set_timeout(sample, left),
                // A timer set in a frame's callback runs after its paint.
                None => request_animation_frame(move || set_timeout(sample, Duration::ZERO)),
            }
        });
        Settled {
            filters: Memo::new(move |_| {
                tick.track();
                filters.get_untracked()
            }),
            result: Memo::new(move |_| {
                tick.track();
                result.get_untracked()
            }),
        }
    }
}

/// Gives focus back to `focused` if the update just made took it away.
/// The panel's keyed rows move when their order changes, and a moved
/// element loses focus: a keyboard reader who reached a checkbox before
/// the panel followed the typed words would be sent back to the page's
/// start. Checked in the next frame, after the views have run.
fn keep_focus(focused: Option<web_sys::Element>) {
    let Some(focused) = focused else { return };
    request_animation_frame(move || {
        let body = document().body().map(web_sys::Element::from);
        let lost = document()
            .active_element()
            .is_none_or(|now| Some(now) == body);
        if lost
            && focused.is_connected()
            && let Ok(element) = focused.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = element.focus();
        }
    });
}
