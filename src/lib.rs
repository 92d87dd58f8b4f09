//! The browser app. Views stay thin: they read signals derived
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
mod takeover;
mod text;
mod timeline;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use base_path::BasePath;
pub use load::{LoadState, Newsroom};
use takeover::StaticPage;

/// Mounts the app on `<body>`.
pub fn start() {
    status::install_panic_view();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    let base = BasePath::from_document();
    provide_context(base.clone());
    let state = load::start_loading(&base);
    provide_context(state);
    let static_page = StaticPage::find();
    provide_context(static_page.clone());
    Effect::new(move |_| {
        if !matches!(state.get(), LoadState::Loading) {
            static_page.remove();
        }
    });
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
    let static_page = expect_context::<StaticPage>();
    move || match state.get() {
        // The entry page's own release is the loading view.
        LoadState::Loading if static_page.is_shown() => ().into_any(),
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
