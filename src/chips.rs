//! The applied filters as links that remove them, and "Clear all": changes
//! of view, so links (middle-click, copy link address and the status bar
//! work), shown above the results and in the empty result.

use leptos::prelude::*;

use super::BasePath;
use newsroom_engine::filters::{Chip, Filters};

/// An applied filter as a list item whose link removes it.
#[component]
pub fn RemoveChip(chip: Chip) -> impl IntoView {
    let base = expect_context::<BasePath>();
    let Chip { label, without } = chip;
    view! {
        <li>
            // `data-noscroll`: the router keeps the reader's place, as a filter
            // change from the panel does.
            <a class="chip chip--remove" href=base.timeline(&without) data-noscroll="true"
                aria-label=format!("Remove {label}")>
                {label.clone()}
                <span aria-hidden="true">" ×"</span>
            </a>
        </li>
    }
}

/// Back to every release, unfiltered.
#[component]
pub fn ClearAll(#[prop(optional)] secondary: bool) -> impl IntoView {
    let base = expect_context::<BasePath>();
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    view! {
        <a class=class href=base.timeline(&Filters::default()) data-noscroll="true">"Clear all"</a>
    }
}
