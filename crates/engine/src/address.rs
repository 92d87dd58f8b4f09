//! Where the site is published: a path prefix (`/` or `/newsroom/`) and an
//! absolute origin for canonical links. The build (entry pages, feed) and
//! the app (links, the bundle fetch, "Copy link") make URLs the same way.

/// Where the site lives: `public_url` is the path prefix (`/` or
/// `/newsroom/`), `site_url` the absolute origin for canonical links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteAddress {
    public_url: String,
    site_url: String,
}

impl SiteAddress {
    pub fn new(public_url: &str, site_url: &str) -> SiteAddress {
        let trimmed = public_url.trim_matches('/');
        let public_url = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        SiteAddress {
            public_url,
            site_url: site_url.trim_end_matches('/').to_owned(),
        }
    }

    /// The absolute origin, e.g. `https://press.example.org`.
    pub fn site_url(&self) -> &str {
        &self.site_url
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Absolute URL of a path under the site, e.g. `feed.xml`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}{path}", self.site_url, self.public_url)
    }

    /// The timeline showing `filters`, e.g. `/newsroom/?topic=Rule+of+law`.
    pub fn timeline_path(&self, filters: &crate::filters::Filters) -> String {
        format!("{}{}", self.public_url, filters.to_query())
    }

    pub fn release_path(&self, slug: &str) -> String {
        format!("{}releases/{slug}/", self.public_url)
    }

    pub fn release_url(&self, slug: &str) -> String {
        self.absolute(&format!("releases/{slug}/"))
    }
}

#[cfg(test)]
mod tests {
    use super::SiteAddress;

    #[test]
    fn prefixes_are_normalised_and_urls_follow_them() {
        let address = SiteAddress::new("newsroom", "https://press.example.org/");
        assert_eq!(address.public_url(), "/newsroom/");
        assert_eq!(address.site_url(), "https://press.example.org");
        assert_eq!(address.release_path("a-b"), "/newsroom/releases/a-b/");
        assert_eq!(
            address.release_url("a-b"),
            "https://press.example.org/newsroom/releases/a-b/"
        );
        assert_eq!(
            address.absolute("feed.xml"),
            "https://press.example.org/newsroom/feed.xml"
        );
        assert_eq!(SiteAddress::new("", "http://x").public_url(), "/");
        assert_eq!(SiteAddress::new("///", "http://x").public_url(), "/");
    }
}
