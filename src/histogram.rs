//! The result over time, above the list: an SVG bar per year (or month)
//! from the engine's counts (the build pre-renders the same chart for the
//! home page: `crates/cli/src/site/histogram_html.rs`). A bar is a link to that period; dragging
//! across bars, or Shift with the arrow keys, chooses a range, applied on
//! release. A table of the same counts is the text alternative.

use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browse::{Browse, History};
use super::live_rows::LiveRows;
use super::{BasePath, use_newsroom};
use newsroom_engine::search::{CHART_HEIGHT, Histogram, SLOT, narrowed};

#[component]
pub fn ResultHistogram() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let newsroom = use_newsroom();
    // The chart follows the panel (see `settled`), but comes and goes with
    // the list, so the list does not move a frame after it changed.
    let live_is_empty = Memo::new(move |_| browse.result.read().ids.is_empty());
    let histogram = Memo::new(move |_| {
        let settled = browse.settled.result.read();
        if live_is_empty.get() == settled.ids.is_empty() {
            newsroom.archive.histogram(&settled.ids)
        } else {
            browse
                .result
                .with(|live| newsroom.archive.histogram(&live.ids))
        }
    });
    // A memo of its own, so the chart (and its focus and drag state) stays
    // while its bars change.
    let has_bars = Memo::new(move |_| histogram.with(|histogram| !histogram.bars.is_empty()));
    move || has_bars.get().then(|| view! { <Chart histogram /> })
}

#[component]
fn Chart(histogram: Memo<Histogram>) -> impl IntoView {
    let browse = expect_context::<Browse>();
    let base = expect_context::<BasePath>();
    // The bar in the tab order (roving tabindex); the newest by default.
    let tab_stop = RwSignal::new(None::<usize>);
    // While choosing a range: the bar it started from and the bar now.
    let choosing = RwSignal::new(None::<(usize, usize)>);
    // A pointer press already did what its click would do.
    let pointer_done = StoredValue::new(false);
    // Refocus a bar after a keyboard change re-draws the bars.
    let refocus = StoredValue::new(false);
    let svg = NodeRef::<leptos::svg::Svg>::new();

    let bar_count = move || histogram.with(|h| h.bars.len());
    let stop = move || {
        let last = bar_count().saturating_sub(1);
        tab_stop.get().map_or(last, |stop| stop.min(last))
    };
    let go_to = move |from: usize, to: usize| {
        let (first, last) = (from.min(to), from.max(to));
        let periods = histogram.with_untracked(|h| (h.bars[first].period, h.bars[last].period));
        let next = browse
            .filters
            .with_untracked(|f| narrowed(f, periods.0, periods.1));
        browse.go.run((next, History::Push));
    };
    let focus_stop = move || {
        request_animation_frame(move || {
            let Some(svg) = svg.get_untracked() else {
                return;
            };
            if let Ok(Some(bar)) = svg.query_selector("a[tabindex='0']")
                && let Ok(bar) = bar.dyn_into::<web_sys::SvgElement>()
            {
                let _ = bar.focus();
            }
        });
    };
    Effect::new(move |_| {
        histogram.track();
        if refocus.get_value() {
            refocus.set_value(false);
            tab_stop.set(None);
            focus_stop();
        }
    });

    // The bar under a pointer, from its position across the chart.
    let bar_at = move |event: &PointerEvent| {
        let svg = svg.get_untracked()?;
        let rect = svg.get_bounding_client_rect();
        let share = (f64::from(event.client_x()) - rect.left()) / rect.width().max(1.0);
        let last = bar_count().saturating_sub(1);
        Some(((share * (last + 1) as f64).floor().max(0.0) as usize).min(last))
    };
    let on_pointerdown = move |event: PointerEvent| {
        pointer_done.set_value(false);
        let plain = !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if event.button() != 0 || !plain {
            return;
        }
        if let (Some(bar), Some(svg)) = (bar_at(&event), svg.get_untracked()) {
            let _ = svg.set_pointer_capture(event.pointer_id());
            choosing.set(Some((bar, bar)));
        }
    };
    let on_pointermove = move |event: PointerEvent| {
        if let (Some((from, to)), Some(bar)) = (choosing.get_untracked(), bar_at(&event))
            && bar != to
        {
            choosing.set(Some((from, bar)));
        }
    };
    let on_pointerup = move |_: PointerEvent| {
        if let Some((from, to)) = choosing.get_untracked() {
            choosing.set(None);
            pointer_done.set_value(true);
            go_to(from, to);
        }
    };
    let on_pointercancel = move |_: PointerEvent| choosing.set(None);
    // Clicks reach the chart from its links (and, after a drag, the chart
    // itself). A pointer press was handled on release; a click without one
    // (Enter, assistive technology) follows its bar's link in the app.
    let on_click = move |event: MouseEvent| {
        if event.ctrl_key() || event.meta_key() || event.shift_key() {
            return; // the browser's own: a new tab or window
        }
        event.prevent_default();
        if pointer_done.get_value() {
            pointer_done.set_value(false);
            return;
        }
        let bar = (event.target())
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[data-bar]").ok().flatten())
            .and_then(|bar| bar.get_attribute("data-bar"))
            .and_then(|index| index.parse::<usize>().ok());
        if let Some(bar) = bar {
            refocus.set_value(true);
            go_to(bar, bar);
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        pointer_done.set_value(false);
        let last = bar_count().saturating_sub(1);
        let here = choosing.get_untracked().map_or_else(stop, |(_, to)| to);
        let next = match event.key().as_str() {
            "ArrowLeft" | "ArrowDown" => here.saturating_sub(1),
            "ArrowRight" | "ArrowUp" => (here + 1).min(last),
            "Home" => 0,
            "End" => last,
            "Escape" => {
                choosing.set(None);
                return;
            }
            _ => return,
        };
        event.prevent_default();
        if event.shift_key() {
            let from = choosing.get_untracked().map_or(here, |(from, _)| from);
            choosing.set(Some((from, next)));
        } else {
            choosing.set(None);
        }
        tab_stop.set(Some(next));
        focus_stop();
    };
    let on_keyup = move |event: KeyboardEvent| {
        if event.key() == "Shift"
            && let Some((from, to)) = choosing.get_untracked()
        {
            choosing.set(None);
            if from != to {
                refocus.set_value(true);
                go_to(from, to);
            }
        }
    };

    // Bars are keyed by their place: while the number of bars stays, a
    // change (a keystroke, a facet) only updates the attributes that differ,
    // instead of drawing every bar again. Each reads its own row.
    let rows = LiveRows::new(
        move || {
            (
                histogram.get(),
                browse.settled.filters.get(),
                choosing.get(),
                stop(),
            )
        },
        move |(histogram, filters, choosing, stop), &i: &usize| {
            let bar = histogram.bars.get(i)?;
            let chosen = choosing.is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&i));
            Some(BarView {
                href: base.timeline(&narrowed(filters, bar.period, bar.period)),
                name: bar.name(),
                fill: bar.fill_height(histogram.highest()),
                empty: bar.count == 0,
                chosen,
                stop: *stop == i,
            })
        },
    );
    let bar = move |i: usize| {
        let state = rows.row(i);
        let text = move |of: fn(&BarView) -> String| {
            move || state.with(|bar| bar.as_ref().map(of).unwrap_or_default())
        };
        let flag =
            move |of: fn(&BarView) -> bool| move || state.with(|bar| bar.as_ref().is_some_and(of));
        let fill = move || state.with(|bar| bar.as_ref().map_or(0, |bar| bar.fill));
        let x = i * SLOT;
        view! {
            // In a <g>, so the macro makes an SVG <a>, not an HTML one.
            <g>
                <a
                    href=text(|bar| bar.href.clone())
                    class="histogram__bar"
                    class:is-chosen=flag(|bar| bar.chosen)
                    class:is-empty=flag(|bar| bar.empty)
                    data-bar=i.to_string()
                    aria-label=text(|bar| bar.name.clone())
                    tabindex=move || if flag(|bar| bar.stop)() { "0" } else { "-1" }
                    draggable="false"
                >
                    <rect class="histogram__slot" x=x.to_string() y="0"
                        width=SLOT.to_string() height=CHART_HEIGHT.to_string() />
                    <rect class="histogram__fill" x=(x + 1).to_string()
                        y=move || (CHART_HEIGHT - fill()).to_string()
                        width=(SLOT - 2).to_string() height=move || fill().to_string() />
                </a>
            </g>
        }
    };
    let view_box = move || histogram.with(Histogram::view_box);
    let caption = move || histogram.with(Histogram::caption);
    let ends = move || histogram.with(Histogram::ends);
    let help = move || histogram.with(Histogram::help);
    view! {
        <figure class="histogram" aria-labelledby="histogram-caption">
            <figcaption id="histogram-caption" class="histogram__caption">{caption}</figcaption>
            <svg
                node_ref=svg
                class="histogram__chart"
                role="group"
                aria-labelledby="histogram-caption"
                aria-describedby="histogram-help"
                viewBox=view_box
                preserveAspectRatio="none"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel
                on:click=on_click
                on:keydown=on_keydown
                on:keyup=on_keyup
                on:dragstart=|event| event.prevent_default()
            >
                <For each=move || 0..bar_count() key=|i| *i children=bar />
            </svg>
            <p class="histogram__axis" aria-hidden="true">
                <span>{move || ends().0}</span>
                <span>{move || ends().1}</span>
            </p>
            <p id="histogram-help" class="histogram__help">{help}</p>
            <CountsTable histogram />
        </figure>
    }
}

/// The text alternative: the same counts as a table. Its rows are made
/// only while it is open (a closed `<details>` shows nothing and is not in
/// the accessibility tree), so keystrokes do not redraw a hidden table.
#[component]
fn CountsTable(histogram: Memo<Histogram>) -> impl IntoView {
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let unit = move || histogram.with(Histogram::unit_heading);
    let rows = move || {
        open.get().then(|| {
            histogram.with(|histogram| {
                (histogram.bars.iter())
                    .map(|bar| {
                        view! { <tr><th scope="row">{bar.period.label()}</th><td>{bar.count}</td></tr> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="histogram__table" node_ref=details
            on:toggle=move |_| open.set(details.get_untracked().is_some_and(|d| d.open()))>
            <summary>"Show these counts as a table"</summary>
            <table>
                <thead><tr><th scope="col">{unit}</th><th scope="col">"Releases"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// What one bar shows, and whether it is in the range being chosen or is
/// the bar in the tab order.
#[derive(Clone, PartialEq)]
struct BarView {
    href: String,
    name: String,
    fill: usize,
    empty: bool,
    chosen: bool,
    stop: bool,
}
