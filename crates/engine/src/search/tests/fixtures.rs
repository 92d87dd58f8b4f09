//! Hand-built releases: every field plain unless a test says otherwise.

use crate::bundle::Release;
use crate::date::Date;
use crate::filters::Filters;
use crate::search::Catalog;
use crate::slug::Slug;

/// A release with only a slug and a date; the rest is set by the `with_*`
/// methods.
pub(crate) fn release(slug: &str, published: &str) -> Release {
    Release {
        slug: Slug::parse(slug).expect("test slugs are valid"),
        title: String::new(),
        published: Date::parse_iso(published).expect("test dates are valid"),
        content_type: None,
        locations: Vec::new(),
        topics: Vec::new(),
        summary: String::new(),
        body: None,
        source_url: None,
        has_body: false,
        image: None,
    }
}

pub(super) trait With {
    fn title(self, title: &str) -> Self;
    fn summary(self, summary: &str) -> Self;
    fn body(self, body: &str) -> Self;
    fn topics(self, topics: &[&str]) -> Self;
    fn places(self, places: &[&str]) -> Self;
    fn kind(self, content_type: &str) -> Self;
}

impl With for Release {
    fn title(self, title: &str) -> Release {
        Release {
            title: title.to_owned(),
            ..self
        }
    }

    fn summary(self, summary: &str) -> Release {
        Release {
            summary: summary.to_owned(),
            ..self
        }
    }

    fn body(self, body: &str) -> Release {
        Release {
            body: Some(body.to_owned()),
            has_body: true,
            ..self
        }
    }

    fn topics(self, topics: &[&str]) -> Release {
        Release {
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            ..self
        }
    }

    fn places(self, places: &[&str]) -> Release {
        Release {
            locations: places.iter().map(|p| (*p).to_owned()).collect(),
            ..self
        }
    }

    fn kind(self, content_type: &str) -> Release {
        Release {
            content_type: Some(content_type.to_owned()),
            ..self
        }
    }
}

/// The slugs of a search's results, in result order.
pub(super) fn slugs(catalog: &Catalog, filters: &Filters) -> Vec<String> {
    let result = catalog.search(filters);
    result
        .ids
        .iter()
        .map(|&id| catalog.releases()[id as usize].slug.to_string())
        .collect()
}

/// The slugs found by a query string such as `"q=prison&year=2023"`.
pub(super) fn found(catalog: &Catalog, query: &str) -> Vec<String> {
    slugs(catalog, &Filters::from_query(query))
}

pub(super) fn date(text: &str) -> Date {
    Date::parse_iso(text).expect("test dates are valid")
}

/// The slugs matching search words, alphabetically (a set, not a ranking).
pub(super) fn matching(catalog: &Catalog, words: &str) -> Vec<String> {
    let mut slugs = slugs(catalog, &Filters::default().with_query(words));
    slugs.sort();
    slugs
}
