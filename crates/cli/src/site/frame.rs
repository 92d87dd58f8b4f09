//! The app's frame around a pre-rendered view (skip link, header, `<main>`,
//! footer, as `src/layout.rs` and `src/lib.rs` render them), inside the
//! block the app removes when it takes over (`src/takeover.rs`).

use super::SiteAddress;
use super::html::{escape, insert_after_body_open, marked, without_marked};
use newsroom_engine::STATIC_PAGE_ID;
use newsroom_engine::bundle::Bundle;

/// The shell's marked block holding a pre-rendered page.
const MARK: &str = "static-page";

/// `main` (the inside of `<main>`) in the app's frame.
pub fn framed(bundle: &Bundle, address: &SiteAddress, main: &str) -> String {
    format!(
        "<div id=\"{STATIC_PAGE_ID}\" class=\"static-frame\">\
         <a class=\"skip-link\" href=\"#main\">Skip to content</a>\
         <header class=\"site-header\"><div class=\"site-header__inner\">\
         <a class=\"site-header__name\" href=\"{home}\">{name}</a>\
         <p class=\"site-header__tagline\">{tagline}</p></div></header>\
         <main id=\"main\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><nav aria-label=\"Subscribe\">\
         <a href=\"{feed}\">Atom feed of all releases</a></nav></footer></div>",
        home = escape(address.public_url()),
        name = escape(&bundle.site.name),
        tagline = escape(&bundle.site.tagline),
        feed = escape(&format!("{}feed.xml", address.public_url())),
    )
}

/// The shell with `page` first in `<body>`, replacing one an earlier run
/// wrote.
pub fn with_static_page(shell: &str, page: &str) -> String {
    insert_after_body_open(&without_static_page(shell), &marked(MARK, page))
}

/// The shell without a pre-rendered page (the base for the other pages).
pub fn without_static_page(shell: &str) -> String {
    without_marked(shell, MARK)
}
