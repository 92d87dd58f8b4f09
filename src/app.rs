//! The browser app (wasm32 only). Views stay thin: they read signals derived
//! from the URL and the loaded catalog, and render what the logic modules
//! compute.

mod base_path;
mod body;
mod facets_panel;
mod focus;
mod full_text;
mod layout;
mod load;
mod release_page;
mod status;
mod text;
mod timeline;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use base_path::BasePath;
pub use load::{LoadState, Newsroom};

/// Mounts the app on `<body>`.
pub fn start() {
    status::install_panic_view();
    // Entry pages carry the release as static HTML for readers without
    // JavaScript; the app renders the same content itself.
    // Its head tags too: the app sets the description and canonical link per
    // route, and a stale one would outlive the first navigation.
    let document = document();
    if let Some(static_page) = document.get_element_by_id(crate::STATIC_PAGE_ID) {
        static_page.remove();
    }
    if let Ok(stale) =
        document.query_selector_all("head link[rel='canonical'], head meta[name='description']")
    {
        for i in 0..stale.length() {
            if let Some(node) = stale.item(i)
                && let Some(parent) = node.parent_node()
            {
                let _ = parent.remove_child(&node);
            }
        }
    }
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    let base = BasePath::from_document();
    provide_context(base.clone());
    let state = load::start_loading(&base);
    provide_context(state);
    provide_context(timeline::ReturnTo::default());
    provide_context(body::ShardCache::default());
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

/// Shows `page` once the bundle is loaded; until then the loading view, and
/// the error view if loading failed.
#[component]
fn WhenLoaded<P, V>(page: P) -> impl IntoView
where
    P: Fn() -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let state = expect_context::<RwSignal<LoadState>>();
    move || match state.get() {
        LoadState::Loading => view! {
            <Title text="Loading…" />
            <status::Loading />
        }
        .into_any(),
        LoadState::Failed(error) => view! { <status::LoadFailed error /> }.into_any(),
        LoadState::Ready(_) => page().into_any(),
    }
}

/// The loaded newsroom; only call inside a view shown by `WhenLoaded`.
pub fn use_newsroom() -> std::sync::Arc<Newsroom> {
    match expect_context::<RwSignal<LoadState>>().get_untracked() {
        LoadState::Ready(newsroom) => newsroom,
        _ => unreachable!("pages render only once the bundle is loaded"),
    }
}
