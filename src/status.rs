//! The views for states other than "here are the releases": loading, a
//! failed load, a page that does not exist, and a crash.

use leptos::prelude::*;
use leptos_meta::Title;

use super::load::LoadError;
use super::{BasePath, Releases};
use newsroom_engine::filters::Filters;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            <p class="status__message">"Loading releases…"</p>
        </div>
    }
}

#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    let releases = expect_context::<Releases>();
    let transient = error.is_transient();
    view! {
        <Title text="Releases could not be loaded" />
        <section class="status status--error" role="alert" aria-labelledby="load-failed-title">
            <h1 id="load-failed-title" tabindex="-1">"The releases could not be loaded"</h1>
            <p class="status__message">{error.to_string()}</p>
            {transient.then(|| view! {
                <button type="button" class="button" on:click=move |_| releases.try_again()>
                    "Try again"
                </button>
            })}
        </section>
    }
}

/// A large archive's segment that could not be fetched or read: what and
/// why, and "Try again" (failed segments are not fetched on their own).
#[component]
pub fn SegmentsProblem() -> impl IntoView {
    let newsroom = super::use_newsroom();
    move || {
        let segments = newsroom.archive.segments()?.clone();
        let failure = segments.failure()?;
        Some(view! {
            <div class="notice" role="alert">
                <p>{failure.message}"."</p>
                <button type="button" class="button" on:click=move |_| segments.try_again()>
                    "Try again"
                </button>
            </div>
        })
    }
}

/// An address that matches no page.
#[component]
pub fn PageNotFound() -> impl IntoView {
    let base = expect_context::<BasePath>();
    let heading = NodeRef::<leptos::html::H1>::new();
    super::focus::focus_heading_on_arrival(heading, false);
    view! {
        <Title text="Page not found" />
        <section class="status" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1" node_ref=heading>"Page not found"</h1>
            <p class="status__message">"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p><a href=base.timeline(&Filters::default())>"Go to all releases"</a></p>
        </section>
    }
}

/// A panic in the wasm leaves the reactive system unusable, so the crash view
/// is written with plain DOM calls: static text and a reload link, no script.
pub fn install_panic_view() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let document = document();
        let Some(body) = document.body() else { return };
        let href = window().location().href().unwrap_or_default();
        // A link that differs only by its fragment would scroll, not reload.
        let href = href.split('#').next().unwrap_or_default();
        let main = document.create_element("main").ok();
        if let Some(main) = main {
            main.set_class_name("status status--error crash");
            let _ = main.set_attribute("role", "alert");
            let heading = document.create_element("h1").ok();
            let message = document.create_element("p").ok();
            let link = document.create_element("a").ok();
            if let (Some(heading), Some(message), Some(link)) = (heading, message, link) {
                heading.set_text_content(Some("Something went wrong"));
                message.set_text_content(Some(
                    "The newsroom stopped because of an internal error. Reloading the page usually helps.",
                ));
                link.set_text_content(Some("Reload the page"));
                let _ = link.set_attribute("href", href);
                // Any target makes the router, still listening, leave the
                // click to the browser: a real reload, not a client-side
                // navigation in an app that has stopped.
                let _ = link.set_attribute("target", "_self");
                let _ = main.append_child(&heading);
                let _ = main.append_child(&message);
                let _ = main.append_child(&link);
            }
            body.set_text_content(None);
            let _ = body.append_child(&main);
        }
    }));
}
