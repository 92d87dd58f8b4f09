//! "Did you mean …?" above the results when query words match nothing, or
//! far fewer releases than a near word: the corrected query as a link (a
//! view like any other: it can be opened in a new tab and shared), and a
//! note when the results are near matches.

use leptos::prelude::*;

use super::BasePath;
use super::browse::Browse;
use super::spelling::SpellingData;
use newsroom_engine::search::corrected_query;

#[component]
pub fn DidYouMean() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let base = expect_context::<BasePath>();
    let spelling = expect_context::<SpellingData>();
    let suggestion = move || {
        let result = browse.result.read();
        let filters = browse.filters.read();
        let segments = corrected_query(&filters.query, &result.offered_corrections())?;
        let corrected: String = segments.iter().map(|(text, _)| text.as_str()).collect();
        let href = base.timeline(&filters.with_query(&corrected));
        let words = segments
            .into_iter()
            .map(|(text, corrected)| {
                if corrected {
                    view! { <strong>{text}</strong> }.into_any()
                } else {
                    text.into_any()
                }
            })
            .collect_view();
        let note = (!result.ids.is_empty() && !result.corrections.is_empty()).then(|| {
            let typed: Vec<String> = (result.corrections.iter())
                .map(|c| format!("“{}”", c.typed))
                .collect();
            let near: Vec<&str> = (result.corrections.iter())
                .flat_map(|c| c.nearest.iter().map(String::as_str))
                .collect();
            format!(
                "No release holds {}: shown instead are releases with the nearest words ({}, highlighted).",
                typed.join(" or "),
                near.join(", ")
            )
        });
        Some(view! {
            <p class="did-you-mean__suggestion">"Did you mean "<a href=href>{words}</a>"?"</p>
            {note.map(|note| view! { <p class="did-you-mean__note">{note}</p> })}
        })
    };
    let problem = move || {
        spelling.problem.get().map(|problem| {
            view! {
                <p class="did-you-mean__note">
                    {format!("Suggestions come from titles, summaries, topics and places only: {problem}.")}
                </p>
            }
        })
    };
    view! { <div class="did-you-mean">{suggestion}{problem}</div> }
}
