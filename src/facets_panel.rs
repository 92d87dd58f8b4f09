//! The filter controls: search box, sort, facets, date range, and the
//! applied filters as removable chips. Every control turns the current
//! `Filters` into the next one and navigates; none keeps state of its own
//! except what is purely visual (a facet's "show all").

use leptos::prelude::*;

use super::browse::{Browse, History};
use super::chips::{ClearAll, RemoveChip};
use super::export::ExportView;
use super::fetch_ahead::toggles_on_release;
use super::live_rows::LiveRows;
use super::subscribe::SubscribeLink;
use newsroom_engine::date::Date;
use newsroom_engine::filters::Sort;
use newsroom_engine::listing::{FACET_FILTER_FROM, FACET_PREVIEW};
use newsroom_engine::search::{Facet, FacetKey};

#[component]
pub fn FiltersPanel() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let active = move || browse.settled.filters.read().active_count();
    // Open beside the results on wide screens; a closed disclosure on phones.
    // The element keeps its own open state afterwards: filter changes do not
    // re-create it.
    let wide = window()
        .match_media("(min-width: 48rem)")
        .ok()
        .flatten()
        .is_none_or(|query| query.matches());
    view! {
        <details class="filters" open=wide>
            <summary class="filters__toggle">
                {move || match active() {
                    0 => "Filters".to_owned(),
                    n => format!("Filters ({n})"),
                }}
            </summary>
            <form class="filters__form" role="search" aria-label="Search and filter releases"
                on:submit=|ev| ev.prevent_default()>
                <SearchBox />
                <SortSelect />
                <ActiveFilters />
                <FacetGroup legend="What we do" id="topic" facet=move || browse.settled.result.read().facets.topics.clone() />
                <FacetGroup legend="Where we are" id="place" facet=move || browse.settled.result.read().facets.places.clone() />
                <FacetGroup legend="Content type" id="type" facet=move || browse.settled.result.read().facets.types.clone() />
                <FacetGroup legend="Year" id="year" facet=move || browse.settled.result.read().facets.years.clone() />
                <DateRange />
            </form>
            // What the view offers besides its list: on phones one tap away
            // with the filters, instead of pushing the first release down.
            <SubscribeLink />
            <ExportView />
        </details>
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let browse = expect_context::<Browse>();
    view! {
        <div class="field">
            <label for="q" class="field__label">"Search releases"</label>
            <input
                id="q"
                class="field__input"
                type="search"
                maxlength=newsroom_engine::filters::MAX_VALUE_CHARS
                autocomplete="off"
                spellcheck="false"
                aria-describedby="q-hint"
                prop:value=move || browse.filters.read().query.clone()
                on:input=move |ev| {
                    browse.typing.typed();
                    let next = browse.filters.get_untracked().with_query(&event_target_value(&ev));
                    browse.go.run((next, History::Replace));
                }
            />
            <p id="q-hint" class="field__hint">"Words match the start of words. Use quotes for a phrase."</p>
        </div>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let current = move || browse.settled.result.read().sort;
    let has_query = move || browse.settled.filters.read().has_query();
    let option = move |sort: Sort, label: &'static str| {
        view! { <option value=sort.param()>{label}</option> }
    };
    view! {
        <div class="field">
            <label for="sort" class="field__label">"Sort by"</label>
            <select id="sort" class="field__input" prop:value=move || current().param()
                on:change=move |ev| {
                    if let Some(sort) = Sort::from_param(&event_target_value(&ev)) {
                        browse.go.run((browse.filters.get_untracked().with_sort(Some(sort)), History::Push));
                    }
                }>
                {move || has_query().then(|| option(Sort::Relevance, "Relevance"))}
                {option(Sort::Newest, "Newest first")}
                {option(Sort::Oldest, "Oldest first")}
            </select>
        </div>
    }
}

#[component]
fn ActiveFilters() -> impl IntoView {
    let browse = expect_context::<Browse>();
    move || {
        let chips = browse.settled.filters.read().chips();
        (!chips.is_empty()).then(|| {
            let items = chips
                .into_iter()
                .map(|chip| view! { <RemoveChip chip /> })
                .collect_view();
            view! {
                <div class="active-filters">
                    <h2 class="active-filters__title">"Applied filters"</h2>
                    <ul class="active-filters__list">{items}</ul>
                    <ClearAll secondary=true />
                </div>
            }
        })
    }
}

/// One facet as a fieldset of checkboxes. Rows are keyed by value so a
/// checkbox keeps keyboard focus while counts change around it.
#[component]
fn FacetGroup<F>(legend: &'static str, id: &'static str, facet: F) -> impl IntoView
where
    F: Fn() -> Facet + Send + Sync + Copy + 'static,
{
    let browse = expect_context::<Browse>();
    let facet = Memo::new(move |_| facet());
    let show_all = RwSignal::new(false);
    let within = RwSignal::new(String::new());
    let visible = move || {
        let facet = facet.read();
        let needle = newsroom_engine::fold::fold(within.read().trim());
        let matching: Vec<_> = facet
            .values
            .iter()
            .filter(|v| {
                needle.is_empty() || newsroom_engine::fold::fold(&v.label).contains(&needle)
            })
            .collect();
        let limit = if show_all.get() || !needle.is_empty() {
            usize::MAX
        } else {
            FACET_PREVIEW
        };
        matching
            .iter()
            .enumerate()
            .filter(|(i, v)| *i < limit || v.selected)
            .map(|(_, v)| v.key.clone())
            .collect::<Vec<_>>()
    };
    // Rows read their own value (see `LiveRows`), not the facet memo.
    let rows = LiveRows::new(
        move || facet.get(),
        |facet: &Facet, key: &FacetKey| facet.values.iter().find(|v| v.key == *key).cloned(),
    );
    let row = move |key: FacetKey| {
        let state = rows.row(key.clone());
        let label =
            state.with_untracked(|v| v.as_ref().map(|v| v.label.clone()).unwrap_or_default());
        let input_id = newsroom_engine::slug::element_id(id, &label);
        let toggle_key = StoredValue::new(key);
        let toggled =
            move || toggle_key.with_value(|key| browse.filters.get_untracked().with_toggled(key));
        let count_text =
            move || state.with(|v| v.as_ref().map(|v| v.count.to_string()).unwrap_or_default());
        let checked = move || state.with(|v| v.as_ref().is_some_and(|v| v.selected));
        view! {
            // Pressed on the box or on its label.
            <li class="facet__value" on:pointerdown=move |_| browse.fetch_ahead.run(toggled())>
                <input type="checkbox" id=input_id.clone() prop:checked=checked
                    on:keydown=move |ev| if toggles_on_release(&ev) { browse.fetch_ahead.run(toggled()) }
                    on:change=move |_| browse.go.run((toggled(), History::Push)) />
                <label for=input_id>
                    <span class="facet__label">{label}</span>
                    " "
                    <span class="facet__count">"(" {count_text} ")"</span>
                </label>
            </li>
        }
    };
    let total = move || facet.read().values.len();
    let none_note = move || {
        let facet = facet.read();
        (facet.none_count > 0 && id != "type").then(|| {
            format!(
                "{} without a value",
                newsroom_engine::wording::count_releases(facet.none_count)
            )
        })
    };
    view! {
        <fieldset class="facet" id=format!("facet-{id}")>
            <legend class="facet__legend">{legend}</legend>
            {move || (total() > FACET_FILTER_FROM).then(|| view! {
                <label class="visually-hidden" for=format!("{id}-within")>{format!("Filter {legend} options")}</label>
                <input type="search" class="facet__within" id=format!("{id}-within")
                    placeholder=format!("Filter {} options", total())
                    prop:value=move || within.get()
                    on:input=move |ev| within.set(event_target_value(&ev)) />
            })}
            <ul class="facet__values">
                <For each=visible key=|key| key.clone() children=row />
            </ul>
            {move || (total() > FACET_PREVIEW && within.read().is_empty()).then(|| view! {
                <button type="button" class="link-button" aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|s| *s = !*s)>
                    {move || if show_all.get() { "Show fewer".to_owned() } else { format!("Show all {}", total()) }}
                </button>
            })}
            {move || none_note().map(|note| view! { <p class="facet__note">{note}</p> })}
        </fieldset>
    }
}

#[component]
fn DateRange() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let inverted = move || browse.settled.filters.read().inverted_range();
    view! {
        <fieldset class="facet date-range">
            <legend class="facet__legend">"Published between"</legend>
            <div class="date-range__fields">
                <DateField id="from" label="From" />
                <DateField id="to" label="To" />
            </div>
            <p id="range-error" class="field__error" role="alert">
                {move || inverted().then_some("“From” is after “To”: no release can match. Change one of the dates.")}
            </p>
        </fieldset>
    }
}

/// One end of the date range: `id` is also its URL parameter (`from`, `to`).
#[component]
fn DateField(id: &'static str, label: &'static str) -> impl IntoView {
    let browse = expect_context::<Browse>();
    let is_from = id == "from";
    let value = move || {
        let filters = browse.settled.filters.read();
        let date = if is_from { filters.from } else { filters.to };
        date.map(|d| d.iso()).unwrap_or_default()
    };
    let set = move |text: String| {
        let date = Date::parse_iso(&text);
        let current = browse.filters.get_untracked();
        let next = if is_from {
            current.with_from(date)
        } else {
            current.with_to(date)
        };
        browse.go.run((next, History::Push));
    };
    let inverted = move || browse.settled.filters.read().inverted_range().to_string();
    view! {
        <div class="field">
            <label for=id class="field__label">{label}</label>
            <input id=id type="date" class="field__input" prop:value=value
                aria-invalid=inverted aria-describedby="range-error"
                on:change=move |ev| set(event_target_value(&ev)) />
        </div>
    }
}
