//! The frame around every page: skip link, header, footer.

use leptos::prelude::*;

use super::BasePath;
use super::Releases;
use newsroom_engine::filters::Filters;

/// Default name until the bundle says otherwise.
const FALLBACK_NAME: &str = "News and press releases";

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to content"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let base = expect_context::<BasePath>();
    let releases = expect_context::<Releases>();
    let site = move || match releases.finished() {
        Some(Ok(newsroom)) => (newsroom.site.name.clone(), newsroom.site.tagline.clone()),
        _ => (FALLBACK_NAME.to_owned(), String::new()),
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=base.timeline(&Filters::default())>
                    {move || site().0}
                </a>
                <p class="site-header__tagline">{move || site().1}</p>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let base = expect_context::<BasePath>();
    view! {
        <footer class="site-footer">
            <nav aria-label="Subscribe">
                <a href=base.asset("feed.xml")>"Atom feed of all releases"</a>
            </nav>
        </footer>
    }
}
