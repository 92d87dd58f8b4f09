//! Search words marked in titles and summaries, as `<mark>` elements.

use leptos::prelude::*;

use newsroom_engine::search::{QueryTerms, highlight};

/// `text` with the query's matches wrapped in `<mark>`; always as text,
/// never as markup.
pub fn highlighted(text: &str, terms: &QueryTerms) -> impl IntoView + use<> {
    highlight(text, terms)
        .into_iter()
        .map(|(segment, matched)| {
            if matched {
                view! { <mark>{segment}</mark> }.into_any()
            } else {
                segment.into_any()
            }
        })
        .collect_view()
}
