//! Where the site is published: `/` or a sub-path such as `/newsroom/`.
//! Trunk writes it into `<base href>` (`--public-url`), which the build hook
//! turns into `<meta name="newsroom:base">`; everything that makes
//! a URL goes through here so links, fetches and canonical URLs agree.

use crate::filters::Filters;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasePath {
    /// Always starts and ends with `/`.
    prefix: String,
    /// Absolute site URL for canonical links, without trailing slash.
    site_url: String,
}

impl BasePath {
    pub fn from_document() -> BasePath {
        let document = leptos::prelude::document();
        // The build hook turns Trunk's `<base href>` into this meta (strict CSP).
        let prefix = document
            .query_selector("meta[name='newsroom:base']")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .or_else(|| {
                document
                    .query_selector("base[href]")
                    .ok()
                    .flatten()?
                    .get_attribute("href")
            })
            .unwrap_or_else(|| "/".to_owned());
        let site_url = document
            .query_selector("meta[name='newsroom:site-url']")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
            .unwrap_or_else(|| {
                leptos::prelude::window()
                    .location()
                    .origin()
                    .unwrap_or_default()
            });
        BasePath::new(&prefix, &site_url)
    }

    pub fn new(prefix: &str, site_url: &str) -> BasePath {
        let trimmed = prefix.trim_matches('/');
        let prefix = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        BasePath {
            prefix,
            site_url: site_url.trim_end_matches('/').to_owned(),
        }
    }

    /// For `<Router base>`: no trailing slash, empty at the root.
    pub fn router_base(&self) -> String {
        self.prefix.trim_end_matches('/').to_owned()
    }

    /// A file of the site, e.g. `releases.json`.
    pub fn asset(&self, file: &str) -> String {
        format!("{}{file}", self.prefix)
    }

    /// The timeline, with filters in the query string.
    pub fn timeline(&self, filters: &Filters) -> String {
        format!("{}{}", self.prefix, filters.to_query())
    }

    pub fn release(&self, slug: &str) -> String {
        format!("{}releases/{slug}/", self.prefix)
    }

    pub fn canonical_release(&self, slug: &str) -> String {
        format!("{}{}", self.site_url, self.release(slug))
    }
}
