//! `/`: the filterable timeline. The URL's query string is the only state;
//! `filters` and `result` are memos derived from it, and every control
//! navigates to a new URL instead of keeping a copy.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::archive::Archive;
use super::browse::{Browse, go_to_filters};
use super::did_you_mean::DidYouMean;
use super::facets_panel::FiltersPanel;
use super::fetch_ahead::fetch_ahead;
use super::full_text::{FullTextSearch, FullTextStatus};
use super::histogram::ResultHistogram;
use super::in_parts::NextPart;
use super::result_list::{ListState, ResultList};
use super::settled::{Settled, Typing};
use super::spelling::{SpellingData, load_when_needed};
use super::status;
use super::{BasePath, use_newsroom};
use newsroom_engine::filters::Filters;
use newsroom_engine::listing::{PAGE_SIZE, shown_page};
use newsroom_engine::search::{FullTextHits, SearchResult, Spelling};
use newsroom_engine::wording::{result_count, thousands};

/// What the reader was looking at before opening a release, so "Back to
/// releases" returns to the same filters, entries and scroll position.
#[derive(Clone, Copy)]
pub struct ReturnTo {
    pub search: RwSignal<Option<String>>,
    pub scroll_y: RwSignal<f64>,
    /// How many of the page's entries were rendered.
    pub shown: RwSignal<usize>,
}

impl Default for ReturnTo {
    fn default() -> Self {
        ReturnTo {
            search: RwSignal::new(None),
            scroll_y: RwSignal::new(0.0),
            shown: RwSignal::new(0),
        }
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let location = use_location();
    let filters = Memo::new(move |_| location.search.with(|search| Filters::from_query(search)));
    let spelling = expect_context::<SpellingData>();
    let full_text = FullTextSearch::new(newsroom.clone(), base.clone(), filters, spelling);
    load_when_needed(spelling, newsroom.clone(), base.clone(), filters);
    let searcher = newsroom.clone();
    // `None` while a large archive's segments for this search are on
    // their way; the last answer stays on screen meanwhile.
    let answer = Memo::new(move |_| {
        filters.with(|f| {
            let hits = full_text.hits();
            timed_search(&searcher.archive, f, &hits, spelling.get().as_deref())
        })
    });
    // Shared, not copied: a result holds every matching id.
    let result = Memo::new(move |previous: Option<&Arc<SearchResult>>| {
        answer
            .get()
            .or_else(|| previous.cloned())
            .unwrap_or_default()
    });
    let waiting = Memo::new(move |_| answer.with(Option::is_none));
    let go = go_to_filters(base.clone());
    let restored = restore_scroll_position(filters);
    let list = ListState::new(filters, result, newsroom.clone(), restored);
    // A segment that failed will not arrive until "Try again": the panel
    // follows the result meanwhile.
    let answered = {
        let newsroom = newsroom.clone();
        Signal::derive(move || {
            (!waiting.get() && list.records_in()) || newsroom.archive.has_failed()
        })
    };
    let typing = Typing::new();
    let browse = Browse {
        filters,
        result,
        waiting,
        full_text,
        settled: Settled::new(filters, result, answered, typing),
        typing,
        go,
        fetch_ahead: fetch_ahead(newsroom.clone(), full_text),
    };
    provide_context(browse);

    let site_name = newsroom.site.name.clone();
    let title = site_name.clone();
    let heading = NodeRef::<leptos::html::H1>::new();
    super::focus::focus_heading_on_arrival(heading, false);
    view! {
        <Title text=title />
        <div class="timeline-page">
            <h1 class="page-title" tabindex="-1" node_ref=heading>{site_name}</h1>
            <LeftOutNotice />
            <div class="timeline-layout">
                // The list first; the filters and the chart in tasks of
                // their own (see `in_parts`).
                <NextPart><FiltersPanel /></NextPart>
                <section class="results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">"Results"</h2>
                    <ResultCount />
                    <NextPart><ResultHistogram /></NextPart>
                    <FullTextNote />
                    <status::SegmentsProblem />
                    <DidYouMean />
                    <ResultList list />
                    <Pagination />
                </section>
            </div>
        </div>
    }
}

/// Releases the bundle held but that could not be shown, and why.
#[component]
fn LeftOutNotice() -> impl IntoView {
    let newsroom = use_newsroom();
    (newsroom.left_out > 0).then(|| {
        // A badly broken bundle can have thousands; the first ones say enough.
        const SHOWN: usize = 50;
        let more = newsroom.problems.len().saturating_sub(SHOWN);
        let problems = newsroom
            .problems
            .iter()
            .take(SHOWN)
            .map(|problem| view! { <li><code>{problem.to_string()}</code></li> })
            .collect_view();
        let left_out = newsroom.left_out;
        let noun = if left_out == 1 {
            "release was"
        } else {
            "releases were"
        };
        view! {
            <div class="notice" role="note">
                <p>
                    <strong>{format!("{} {noun} left out", thousands(left_out))}</strong>
                    " because of problems in the releases file. The others are shown below."
                </p>
                <details>
                    <summary>"What is wrong"</summary>
                    <ul class="notice__problems">{problems}</ul>
                    {(more > 0).then(|| view! { <p>{format!("… and {} more (run newsroom-cli check for the full list)", thousands(more))}</p> })}
                </details>
            </div>
        }
    })
}

#[component]
fn ResultCount() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let releases = use_newsroom().archive.len();
    let text = move || {
        if browse.waiting.get() {
            return format!("Searching {} releases…", thousands(releases));
        }
        let result = browse.result.read();
        if result.inverted_range {
            "No releases match".to_owned()
        } else {
            result_count(result.ids.len())
        }
    };
    view! {
        <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{text}</p>
    }
}

/// The engine's own time per search, as a User Timing measure
/// (`newsroom:search`) for the benchmark and the browser's profiler;
/// forgiving typos once the vocabulary is loaded.
fn timed_search(
    archive: &Archive,
    filters: &Filters,
    hits: &FullTextHits,
    spelling: Option<&Spelling>,
) -> Option<Arc<SearchResult>> {
    const START: &str = "newsroom:search-start";
    let performance = window().performance();
    if let Some(performance) = &performance {
        let _ = performance.mark(START);
    }
    let result = archive.search(filters, hits, spelling).map(Arc::new);
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark("newsroom:search", START);
        performance.clear_marks_with_mark_name(START);
    }
    result
}

/// Whether full texts are still being searched, or could not be. Its line
/// is kept for as long as the view searches full texts: the note comes and
/// goes with each search, and the list below must not move with it.
#[component]
fn FullTextNote() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let has_full_texts = !use_newsroom().manifest.term_pieces.is_empty();
    let reserved = move || has_full_texts && browse.filters.read().has_query();
    let text = move || match browse.full_text.status.get() {
        FullTextStatus::Done => String::new(),
        FullTextStatus::Searching => "Searching the full texts…".to_owned(),
        FullTextStatus::Failed(reason) => format!(
            "The full texts could not be searched: {reason}. The results come from titles, summaries, topics and places."
        ),
    };
    view! {
        <p class="full-text-note" class:full-text-note--reserved=reserved role="status">{text}</p>
    }
}

#[component]
fn Pagination() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let base = expect_context::<BasePath>();
    move || {
        let total = browse.result.read().ids.len();
        let pages = total.div_ceil(PAGE_SIZE);
        if pages <= 1 {
            return None;
        }
        let filters = browse.filters.get();
        let page = shown_page(filters.page, total);
        let link = |to: usize, label: &'static str, rel: &'static str| {
            let href = base.timeline(&filters.with_page(to));
            view! { <a class="pagination__link" href=href rel=rel>{label}</a> }
        };
        Some(view! {
            <nav class="pagination" aria-label="Pages">
                {(page > 1).then(|| link(page - 1, "← Previous page", "prev"))}
                <span class="pagination__status">
                    {format!("Page {page} of {}: releases {}–{} of {}", thousands(pages),
                        thousands((page - 1) * PAGE_SIZE + 1), thousands((page * PAGE_SIZE).min(total)), thousands(total))}
                </span>
                {(page < pages).then(|| link(page + 1, "Next page →", "next"))}
            </nav>
        })
    }
}

/// After "Back to releases", scroll to where the reader was; how many
/// entries they had rendered, to render as many again.
fn restore_scroll_position(filters: Memo<Filters>) -> Option<usize> {
    let return_to = expect_context::<ReturnTo>();
    let here = filters.get_untracked().to_query();
    if return_to.search.get_untracked().as_deref() != Some(here.as_str()) {
        return None;
    }
    let y = return_to.scroll_y.get_untracked();
    return_to.search.set(None);
    request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    Some(return_to.shown.get_untracked())
}
