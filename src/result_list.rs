//! The page of results as keyed entries: an entry (its photo, date and
//! labels) survives the keystrokes and clicks that keep it on the page, and
//! only its highlighted title and summary follow the query. Under year and
//! month headings when the order is by date; a ranked list by relevance.

use std::sync::Arc;

use leptos::prelude::*;

use super::browse::Browse;
use super::chips::{ClearAll, RemoveChip};
use super::highlighted::highlighted;
use super::live_rows::LiveRows;
use super::load::Newsroom;
use super::photo::PhotoThumbnail;
use super::shown_entries::{MoreEntries, ShownEntries};
use super::takeover::hold_until_loaded;
use super::timeline::ReturnTo;
use super::{BasePath, use_newsroom};
use newsroom_engine::date::month_name;
use newsroom_engine::filters::{Filters, Sort};
use newsroom_engine::listing::{MonthGroups, PAGE_SIZE, page_span, shown_page};
use newsroom_engine::search::{QueryTerms, SearchResult};

/// What every entry reads: the releases, and the parts of the result that
/// change without changing which entries are shown (see `LiveRows`).
#[derive(Clone)]
struct Entries {
    newsroom: Arc<Newsroom>,
    base: BasePath,
    live: LiveEntries,
}

/// What a shown entry follows without being created again: the query's
/// terms (its highlights) and whether only its full text matched.
type EntryState = (QueryTerms, bool);
type LiveEntries = LiveRows<u32, EntryState>;

/// Which of the page's entries the list renders, and whether their records
/// are in: made by the timeline page, which the filter panel follows (see
/// `settled`) once the list shows its answer.
#[derive(Clone, Copy)]
pub struct ListState {
    shown: ShownEntries,
    page_len: Memo<usize>,
    /// The entries rendered: those to render once their records are in
    /// (a large archive fetches them first), the ones before until then.
    shown_ids: Memo<Vec<u32>>,
    /// Whether the entries rendered are the ones to render.
    records_in: Memo<bool>,
}

impl ListState {
    /// `restored`: how many entries the reader had rendered when they left
    /// this view, on their way back to it.
    pub fn new(
        filters: Memo<Filters>,
        result: Memo<Arc<SearchResult>>,
        newsroom: Arc<Newsroom>,
        restored: Option<usize>,
    ) -> Self {
        // A reader who scrolled the pre-rendered page keeps all of it.
        let scrolled = window().scroll_y().unwrap_or(0.0) > 0.0;
        let shown = ShownEntries::new(filters, restored.or(scrolled.then_some(PAGE_SIZE)));
        let page_ids = Memo::new(move |_| {
            let result = result.read();
            let page = shown_page(filters.read().page, result.ids.len());
            result.ids[page_span(page, result.ids.len())].to_vec()
        });
        let page_len = Memo::new(move |_| page_ids.with(Vec::len));
        let rendered_ids = Memo::new(move |_| {
            let count = shown.count();
            page_ids.with(|ids| ids[..count.min(ids.len())].to_vec())
        });
        let shown_ids = Memo::new(move |previous: Option<&Vec<u32>>| {
            let ids = rendered_ids.get();
            if newsroom.archive.has_releases(&ids) {
                ids
            } else {
                previous.cloned().unwrap_or_default()
            }
        });
        let records_in = Memo::new(move |_| {
            shown_ids.with(|shown| rendered_ids.with(|rendered| shown == rendered))
        });
        ListState {
            shown,
            page_len,
            shown_ids,
            records_in,
        }
    }

    /// Whether the list shows the entries of the current result.
    pub fn records_in(&self) -> bool {
        self.records_in.get()
    }
}

#[component]
pub fn ResultList(list: ListState) -> impl IntoView {
    let browse = expect_context::<Browse>();
    let return_to = expect_context::<ReturnTo>();
    let newsroom = use_newsroom();
    let ListState {
        shown,
        page_len,
        shown_ids,
        records_in,
    } = list;
    let remember = move |_| {
        return_to
            .search
            .set(Some(browse.filters.get_untracked().to_query()));
        return_to.scroll_y.set(window().scroll_y().unwrap_or(0.0));
        return_to.shown.set(untrack(|| shown.count()));
    };
    // The pre-rendered page (hidden on a filtered deep link, but keeping
    // its place) stays until the app shows its own first answer.
    hold_until_loaded(newsroom.clone(), move || {
        !browse.waiting.get() && records_in.get()
    });
    let groups = {
        let newsroom = newsroom.clone();
        Memo::new(move |_| {
            shown_ids.with(|ids| MonthGroups::of(ids, |id| newsroom.archive.published(id)))
        })
    };
    let entries = Entries {
        newsroom: newsroom.clone(),
        base: expect_context::<BasePath>(),
        live: LiveRows::new(
            move || {
                browse
                    .result
                    .with(|r| (r.terms.clone(), r.body_only.clone()))
            },
            |(terms, body_only), id| (terms.clone(), body_only.binary_search(id).is_ok()),
        ),
    };
    let grouped = Memo::new(move |_| browse.result.read().sort != Sort::Relevance);
    let empty = Memo::new(move |_| browse.result.read().ids.is_empty() && !browse.waiting.get());
    let no_releases = newsroom.archive.is_empty();
    let list = move || {
        if no_releases {
            return view! { <p class="empty-result">"This newsroom has no releases yet."</p> }
                .into_any();
        }
        if empty.get() {
            let inverted = browse.result.read_untracked().inverted_range;
            return view! { <EmptyResult inverted /> }.into_any();
        }
        let entries = entries.clone();
        if grouped.get() {
            let years = move || groups.with(|g| g.years.iter().map(|y| y.year).collect::<Vec<_>>());
            view! {
                <For each=years key=|year| *year
                    children=move |year| view! { <Year year groups entries=entries.clone() /> } />
            }
            .into_any()
        } else {
            view! {
                <ol class="entries entries--ranked">
                    <For each=move || shown_ids.get() key=|id| *id
                        children=move |id| entry(&entries, id, "h3") />
                </ol>
            }
            .into_any()
        }
    };
    let busy = move || (browse.waiting.get() || !records_in.get()).to_string();
    view! {
        <div class="timeline" aria-busy=busy on:click=remember>
            {list}
            <MoreEntries shown page_len />
        </div>
    }
}

#[component]
fn Year(year: i32, groups: Memo<MonthGroups>, entries: Entries) -> impl IntoView {
    let months = move || groups.with(|g| g.months_of(year));
    let id = format!("y-{year}");
    let labelled_by = id.clone();
    view! {
        <section class="year" aria-labelledby=labelled_by>
            <h2 class="year__heading" id=id>{year}</h2>
            <For each=months key=|month| *month
                children=move |month| view! { <Month year month groups entries=entries.clone() /> } />
        </section>
    }
}

#[component]
fn Month(year: i32, month: u32, groups: Memo<MonthGroups>, entries: Entries) -> impl IntoView {
    let ids = move || groups.with(|g| g.ids_of(year, month));
    let id = format!("m-{year}-{month:02}");
    let labelled_by = id.clone();
    view! {
        <section class="month" aria-labelledby=labelled_by>
            <h3 class="month__heading" id=id>{format!("{} {year}", month_name(month))}</h3>
            <ol class="entries">
                <For each=ids key=|id| *id children=move |id| entry(&entries, id, "h4") />
            </ol>
        </section>
    }
}

fn entry(entries: &Entries, id: u32, heading: &'static str) -> Option<impl IntoView + use<>> {
    // Shown ids have their records (segments are never dropped).
    let release = untrack(|| entries.newsroom.archive.releases(&[id]))?.pop()?;
    let release = &release;
    let state = entries.live.row(id);
    let terms = Memo::new(move |_| state.with(|(terms, _)| terms.clone()));
    let body_only = move || state.with(|(_, found)| *found);
    let href = entries.base.release(release.slug.as_str());
    let title = {
        let text = release.title.clone();
        move || highlighted(&text, &terms.read())
    };
    let title = if heading == "h3" {
        view! { <h3 class="entry__title"><a href=href>{title}</a></h3> }.into_any()
    } else {
        view! { <h4 class="entry__title"><a href=href>{title}</a></h4> }.into_any()
    };
    let summary = {
        let text = release.summary.clone();
        move || highlighted(&text, &terms.read())
    };
    let meta: Vec<String> = (release.content_type.iter())
        .chain(release.locations.iter())
        .cloned()
        .collect();
    let topics = (!release.topics.is_empty()).then(|| {
        let chips = (release.topics.iter())
            .map(|t| view! { <li class="chip">{t.clone()}</li> })
            .collect_view();
        view! { <ul class="entry__topics" aria-label="Topics">{chips}</ul> }
    });
    let found_in_body = move || {
        body_only().then(|| {
            view! { <p class="entry__match">"Found in the full text"</p> }
        })
    };
    Some(view! {
        <li class="entry">
            {release.image.clone().map(|image| view! { <PhotoThumbnail image /> })}
            <time class="entry__date" datetime=release.published.iso()>{release.published.long()}</time>
            {title}
            {(!meta.is_empty()).then(|| view! { <p class="entry__meta">{meta.join(" · ")}</p> })}
            {topics}
            <p class="entry__summary">{summary}</p>
            {found_in_body}
        </li>
    })
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
