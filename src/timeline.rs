//! `/`: the filterable timeline. The URL's query string is the only state;
//! `filters` and `result` are memos derived from it, and every control
//! navigates to a new URL instead of keeping a copy.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::browse::{Browse, go_to_filters};
use super::chips::{ClearAll, RemoveChip};
use super::did_you_mean::DidYouMean;
use super::facets_panel::FiltersPanel;
use super::full_text::{FullTextSearch, FullTextStatus};
use super::highlighted::highlighted;
use super::histogram::ResultHistogram;
use super::photo::PhotoThumbnail;
use super::spelling::{SpellingData, load_when_needed};
use super::{BasePath, use_newsroom};
use newsroom_engine::bundle::Release;
use newsroom_engine::date::month_name;
use newsroom_engine::filters::{Filters, Sort};
use newsroom_engine::listing::{PAGE_SIZE, page_span, shown_page};
use newsroom_engine::search::{Catalog, FullTextHits, QueryTerms, SearchResult, Spelling};
use newsroom_engine::wording::{result_count, thousands};

/// What the reader was looking at before opening a release, so "Back to
/// releases" returns to the same filters and scroll position.
#[derive(Clone, Copy)]
pub struct ReturnTo {
    pub search: RwSignal<Option<String>>,
    pub scroll_y: RwSignal<f64>,
}

impl Default for ReturnTo {
    fn default() -> Self {
        ReturnTo {
            search: RwSignal::new(None),
            scroll_y: RwSignal::new(0.0),
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
    let result = Memo::new(move |_| {
        filters.with(|f| {
            let hits = full_text.hits();
            timed_search(&searcher.catalog, f, &hits, spelling.get().as_deref())
        })
    });
    let go = go_to_filters(base.clone());
    let browse = Browse {
        filters,
        result,
        full_text,
        go,
    };
    provide_context(browse);
    restore_scroll_position(filters);

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
                <FiltersPanel />
                <section class="results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">"Results"</h2>
                    <ResultCount />
                    <ResultHistogram />
                    <FullTextNote />
                    <DidYouMean />
                    <ResultList />
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
    let text = move || {
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
    catalog: &Catalog,
    filters: &Filters,
    hits: &FullTextHits,
    spelling: Option<&Spelling>,
) -> SearchResult {
    const START: &str = "newsroom:search-start";
    let performance = window().performance();
    if let Some(performance) = &performance {
        let _ = performance.mark(START);
    }
    let result = match spelling {
        Some(spelling) => catalog.search_forgiving(filters, hits, spelling),
        None => catalog.search_with(filters, hits),
    };
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark("newsroom:search", START);
        performance.clear_marks_with_mark_name(START);
    }
    result
}

/// Whether full texts are still being searched, or could not be.
#[component]
fn FullTextNote() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let text = move || match browse.full_text.status.get() {
        FullTextStatus::Done => String::new(),
        FullTextStatus::Searching => "Searching the full texts…".to_owned(),
        FullTextStatus::Failed(reason) => format!(
            "The full texts could not be searched: {reason}. The results come from titles, summaries, topics and places."
        ),
    };
    view! { <p class="full-text-note" role="status">{text}</p> }
}

#[component]
fn ResultList() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let return_to = expect_context::<ReturnTo>();
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let remember = move |_| {
        return_to
            .search
            .set(Some(browse.filters.get_untracked().to_query()));
        return_to.scroll_y.set(window().scroll_y().unwrap_or(0.0));
    };
    let list = move || {
        let result = browse.result.read();
        let filters = browse.filters.read();
        if newsroom.catalog.releases().is_empty() {
            return view! { <p class="empty-result">"This newsroom has no releases yet."</p> }
                .into_any();
        }
        if result.ids.is_empty() {
            return view! { <EmptyResult inverted=result.inverted_range /> }.into_any();
        }
        let page = shown_page(filters.page, result.ids.len());
        let releases = newsroom.catalog.releases();
        let shown: Vec<Shown> = result.ids[page_span(page, result.ids.len())]
            .iter()
            .map(|&id| Shown {
                release: &releases[id as usize],
                body_only: result.body_only.binary_search(&id).is_ok(),
            })
            .collect();
        let grouped = result.sort != Sort::Relevance;
        render_entries(&shown, grouped, &result.terms, &base).into_any()
    };
    view! { <div class="timeline" on:click=remember>{list}</div> }
}

/// A release on the page, and whether only its full text matched.
struct Shown<'a> {
    release: &'a Release,
    body_only: bool,
}

/// Entries, under year and month headings when the order is by date.
fn render_entries(
    shown: &[Shown],
    grouped: bool,
    terms: &QueryTerms,
    base: &BasePath,
) -> impl IntoView + use<> {
    if !grouped {
        let entries = shown
            .iter()
            .map(|shown| entry(shown, terms, base, "h3"))
            .collect_view();
        return view! { <ol class="entries entries--ranked">{entries}</ol> }.into_any();
    }
    let mut years = Vec::new();
    let mut i = 0;
    while i < shown.len() {
        let year = shown[i].release.published.year();
        let mut months = Vec::new();
        while i < shown.len() && shown[i].release.published.year() == year {
            let month = shown[i].release.published.month();
            let mut entries = Vec::new();
            while i < shown.len()
                && shown[i].release.published.year() == year
                && shown[i].release.published.month() == month
            {
                entries.push(entry(&shown[i], terms, base, "h4"));
                i += 1;
            }
            let id = format!("m-{year}-{month:02}");
            let labelled_by = id.clone();
            months.push(view! {
                <section class="month" aria-labelledby=labelled_by>
                    <h3 class="month__heading" id=id>{format!("{} {year}", month_name(month))}</h3>
                    <ol class="entries">{entries}</ol>
                </section>
            });
        }
        let id = format!("y-{year}");
        let labelled_by = id.clone();
        years.push(view! {
            <section class="year" aria-labelledby=labelled_by>
                <h2 class="year__heading" id=id>{year}</h2>
                {months}
            </section>
        });
    }
    years.into_any()
}

fn entry(
    shown: &Shown,
    terms: &QueryTerms,
    base: &BasePath,
    heading: &'static str,
) -> impl IntoView + use<> {
    let release = shown.release;
    let href = base.release(release.slug.as_str());
    let title = highlighted(&release.title, terms);
    let title = if heading == "h3" {
        view! { <h3 class="entry__title"><a href=href>{title}</a></h3> }.into_any()
    } else {
        view! { <h4 class="entry__title"><a href=href>{title}</a></h4> }.into_any()
    };
    let meta: Vec<String> = release
        .content_type
        .iter()
        .chain(release.locations.iter())
        .cloned()
        .collect();
    let topics = (!release.topics.is_empty()).then(|| {
        let chips = release
            .topics
            .iter()
            .map(|t| view! { <li class="chip">{t.clone()}</li> })
            .collect_view();
        view! { <ul class="entry__topics" aria-label="Topics">{chips}</ul> }
    });
    view! {
        <li class="entry">
            {release.image.clone().map(|image| view! { <PhotoThumbnail image /> })}
            <time class="entry__date" datetime=release.published.iso()>{release.published.long()}</time>
            {title}
            {(!meta.is_empty()).then(|| view! { <p class="entry__meta">{meta.join(" · ")}</p> })}
            {topics}
            <p class="entry__summary">{highlighted(&release.summary, terms)}</p>
            {shown.body_only.then(|| view! { <p class="entry__match">"Found in the full text"</p> })}
        </li>
    }
}

#[component]
fn EmptyResult(inverted: bool) -> impl IntoView {
    let browse = expect_context::<Browse>();
    let chips = browse.filters.get_untracked().chips();
    let message = if inverted {
        "The “From” date is after the “To” date, so no release can match. Swap or change the dates."
    } else {
        "No releases match all of these filters. Try removing one:"
    };
    let suggestions = chips
        .into_iter()
        .map(|chip| view! { <RemoveChip chip /> })
        .collect_view();
    view! {
        <div class="empty-result">
            <p>{message}</p>
            <ul class="empty-result__suggestions">{suggestions}</ul>
            <ClearAll />
        </div>
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

/// After "Back to releases", scroll to where the reader was.
fn restore_scroll_position(filters: Memo<Filters>) {
    let return_to = expect_context::<ReturnTo>();
    let here = filters.get_untracked().to_query();
    if return_to.search.get_untracked().as_deref() != Some(here.as_str()) {
        return;
    }
    let y = return_to.scroll_y.get_untracked();
    return_to.search.set(None);
    request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
}
