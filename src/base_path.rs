//! Where the site is published: `/` or a sub-path such as `/newsroom/`.
//! Trunk writes it into `<base href>` (`--public-url`), which the build hook
//! turns into `<meta name="newsroom:base">`; everything that makes
//! a URL goes through here so links, fetches and canonical URLs agree.

use newsroom_engine::address::SiteAddress;
use newsroom_engine::filters::Filters;

/// The app's view of [`SiteAddress`], plus the URLs only the app makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath {
    address: SiteAddress,
    /// The derived data's folder (`/data/<digest>/`), from the build.
    data: String,
}

impl BasePath {
    pub fn from_document() -> BasePath {
        let document = leptos::prelude::document();
        let meta = page_meta;
        // The build hook turns Trunk's `<base href>` into this meta (strict CSP).
        let prefix = meta("newsroom:base")
            .or_else(|| {
                document
                    .query_selector("base[href]")
                    .ok()
                    .flatten()?
                    .get_attribute("href")
            })
            .unwrap_or_else(|| "/".to_owned());
        let site_url = meta("newsroom:site-url")
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
            .unwrap_or_else(|| {
                leptos::prelude::window()
                    .location()
                    .origin()
                    .unwrap_or_default()
            });
        let address = SiteAddress::new(&prefix, &site_url);
        // Written by the build; without it (a bare `trunk serve` shell),
        // the index fetch fails with a message naming the address.
        let data =
            meta("newsroom:data").unwrap_or_else(|| format!("{}data/", address.public_url()));
        BasePath { address, data }
    }

    /// A file of the derived data, e.g. `index.json`.
    pub fn data(&self, file: &str) -> String {
        format!("{}{file}", self.data)
    }

    /// For `<Router base>`: no trailing slash, empty at the root.
    pub fn router_base(&self) -> String {
        self.address.public_url().trim_end_matches('/').to_owned()
    }

    /// A file of the site, e.g. `releases.json`.
    pub fn asset(&self, file: &str) -> String {
        format!("{}{file}", self.address.public_url())
    }

    /// The timeline, with filters in the query string.
    pub fn timeline(&self, filters: &Filters) -> String {
        self.address.timeline_path(filters)
    }

    pub fn release(&self, slug: &str) -> String {
        self.address.release_path(slug)
    }

    pub fn canonical_release(&self, slug: &str) -> String {
        self.address.release_url(slug)
    }
}

/// The content of the page's `<meta name=…>`, which the build writes.
pub fn page_meta(name: &str) -> Option<String> {
    (leptos::prelude::document())
        .query_selector(&format!("meta[name='{name}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}
