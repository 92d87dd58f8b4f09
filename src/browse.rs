//! The timeline's reactive state, shared by the results and the filter
//! controls: the filters read from the URL, the search result derived from
//! them, and the one way to change them, which is to go to another URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::BasePath;
use super::full_text::FullTextSearch;
use super::settled::{Settled, Typing};
use newsroom_engine::filters::Filters;
use newsroom_engine::search::SearchResult;

/// How a change of filters enters the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the view before (facets, dates, sort).
    Push,
    /// The same entry rewritten: typing in the search box, where every
    /// keystroke is not a page the reader would want to go back to.
    Replace,
}

#[derive(Clone, Copy)]
pub struct Browse {
    pub filters: Memo<Filters>,
    /// The answer for `filters`, or the last one while a large archive
    /// fetches what this one needs.
    pub result: Memo<Arc<SearchResult>>,
    /// Whether `result` is still for earlier filters (or none).
    pub waiting: Memo<bool>,
    pub full_text: FullTextSearch,
    /// `filters` and `result` as the filter panel and the chart show them:
    /// after the list, and while the reader types, once they pause.
    pub settled: Settled,
    pub typing: Typing,
    /// Goes to the timeline with the given filters.
    pub go: Callback<(Filters, History)>,
    /// Fetches what the given filters will show first: the reader is
    /// pressing the control that goes there (see `fetch_ahead`).
    pub fetch_ahead: Callback<Filters>,
}

/// The navigation behind [`Browse::go`], for the timeline's own URL.
pub fn go_to_filters(base: BasePath) -> Callback<(Filters, History)> {
    let navigate = use_navigate();
    Callback::new(move |(next, history): (Filters, History)| {
        let options = NavigateOptions {
            replace: history == History::Replace,
            scroll: false,
            resolve: false,
            ..Default::default()
        };
        navigate(&base.timeline(&next), options);
    })
}
