//! The browser app. Views stay thin: they read signals derived from the
//! URL and the loaded catalog, and render what `newsroom_engine` computes.
//!
//! - `load` (light index, or a large archive's start columns, and the
//!   manifest at start), `archive` (either one behind one interface),
//!   `segments` (a large archive's segments, fetched as views ask),
//!   `body` (a release's body shard when it opens), `full_text`
//!   (term-index pieces per query word): the data, fetched as needed;
//! - `browse`: the timeline's state (filters from the URL, the result, how
//!   to go elsewhere); `timeline`, `facets_panel`, `chips`: its views;
//!   `settled` (what the panel and the chart show, after the list),
//!   `histogram` (the result over time), `subscribe` (feeds), `export`
//!   (CSV and JSON downloads): what a view offers besides its list;
//! - `release_page`: one release; `status`: loading, errors, not found, crash;
//! - `layout`: header, footer, skip link; `focus`: focus on route change;
//!   `highlighted`: marked search words; `base_path`: URLs under the public path;
//!   `live_rows`: list rows that follow the list's memos without leaking;
//!   `in_parts`: the first view under the pre-render, a task per part;
//! - `crash_trigger`: test builds only (`crash-test` feature), a way to panic.

mod archive;
mod base_path;
mod body;
mod browse;
mod chips;
#[cfg(feature = "crash-test")]
mod crash_trigger;
mod did_you_mean;
mod export;
mod facets_panel;
mod fetch_ahead;
mod focus;
mod full_text;
mod highlighted;
mod histogram;
mod in_parts;
mod layout;
mod live_rows;
mod load;
mod markdown_body;
mod photo;
mod release_page;
mod result_list;
mod segments;
mod settled;
mod shown_entries;
mod spelling;
mod status;
mod subscribe;
mod takeover;
mod timeline;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use base_path::BasePath;
pub use load::{Newsroom, Releases};
use takeover::StaticPage;

/// Mounts the app on `<body>`.
pub fn start() {
    status::install_panic_view();
    #[cfg(feature = "crash-test")]
    crash_trigger::install();
    // Instantiating the wasm is a task of tens of milliseconds on a phone:
    // mounting the app is the next task, so the page can answer input
    // between them.
    wasm_bindgen_futures::spawn_local(async {
        load::next_task().await;
        leptos::mount::mount_to_body(App);
    });
}

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    let base = BasePath::from_document();
    provide_context(base.clone());
    let releases = Releases::start(base.clone());
    provide_context(releases);
    let static_page = StaticPage::find();
    provide_context(static_page.clone());
    Effect::new(move |_| {
        if releases.finished().is_some() {
            static_page.remove();
        }
    });
    provide_context(timeline::ReturnTo::default());
    provide_context(body::ShardCache::default());
    provide_context(spelling::SpellingData::default());
    provide_context(focus::FirstView::new());

    view! {
        <Router base=base.router_base()>
            <layout::SkipLink />
            <layout::SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <status::PageNotFound /> }>
                    <Route path=path!("/") view=|| view! { <WhenLoaded page=timeline::TimelinePage /> } />
                    <Route
                        path=path!("/releases/:slug")
                        view=|| view! { <WhenLoaded page=release_page::ReleasePage /> }
                    />
                    <Route
                        path=path!("/releases/:slug/")
                        view=|| view! { <WhenLoaded page=release_page::ReleasePage /> }
                    />
                </Routes>
            </main>
            <layout::SiteFooter />
        </Router>
    }
}

/// Shows `page` once the releases are loaded, with the newsroom provided
/// to it ([`use_newsroom`]); until then the loading view, and the error view
/// if loading failed.
#[component]
fn WhenLoaded<P, V>(page: P) -> impl IntoView
where
    P: Fn() -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let releases = expect_context::<Releases>();
    let static_page = expect_context::<StaticPage>();
    // An entry page's own release is the loading view.
    let loading = move || {
        (!static_page.is_shown()).then(|| {
            view! {
                <Title text="Loading…" />
                <status::Loading />
            }
        })
    };
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match releases.wait().await {
                    Ok(newsroom) => view! { <Provider value=newsroom>{page()}</Provider> }.into_any(),
                    Err(error) => view! { <status::LoadFailed error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded newsroom, which `WhenLoaded` provides to every page.
pub fn use_newsroom() -> std::sync::Arc<Newsroom> {
    expect_context::<std::sync::Arc<Newsroom>>()
}
