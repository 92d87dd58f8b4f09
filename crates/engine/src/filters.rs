//! What the reader asked for: search words, facet choices, dates, sort and
//! page. The URL is the state: the timeline reads it with
//! [`Filters::from_query`] and writes it with [`Filters::to_query`], so
//! shared links and the back button restore a search exactly.
//!
//! - this module: the model and what it says (active filters, the sort in force);
//! - `edit`: the changes a control makes (each a new value, back to page 1);
//! - `url`: the query-string form, read forgivingly;
//! - `chips`: the applied filters as removable chips, worded for readers.

mod chips;
mod edit;
mod url;

#[cfg(test)]
mod tests;

pub use chips::Chip;

use crate::date::Date;
use crate::fold::fold;

/// Longest parameter value read from a URL, in characters.
pub const MAX_VALUE_CHARS: usize = 200;
/// Most values kept per facet; more is a hand-made URL, not a reader's choice.
pub const MAX_VALUES_PER_FACET: usize = 50;
/// Highest page accepted: one release per page at 100,000 releases.
pub const MAX_PAGE: usize = 100_000;
/// Every URL parameter the filters read: a link with any of them set is a
/// view other than the unfiltered first page.
pub const URL_PARAMS: [&str; 9] = [
    "q", "topic", "place", "type", "year", "from", "to", "sort", "page",
];

/// The order of the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The URL value: `newest`, `oldest` or `relevance`.
    pub fn param(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_param(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.param() == text)
    }

    /// For the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Relevance => "Best match",
        }
    }
}

/// A value of the content-type facet.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeChoice {
    Named(String),
    /// Releases whose source does not say (`content_type: null`).
    Unspecified,
}

impl TypeChoice {
    /// How [`TypeChoice::Unspecified`] is written in URLs. (A content type
    /// literally named "(none)" would read back as unspecified; no source
    /// names one so.)
    pub const UNSPECIFIED_TOKEN: &'static str = "(none)";

    pub fn of(content_type: Option<&str>) -> TypeChoice {
        content_type.map_or(TypeChoice::Unspecified, |name| {
            TypeChoice::Named(name.to_owned())
        })
    }

    pub fn label(&self) -> &str {
        match self {
            TypeChoice::Named(name) => name,
            TypeChoice::Unspecified => "Not specified",
        }
    }

    fn token(&self) -> &str {
        match self {
            TypeChoice::Named(name) => name,
            TypeChoice::Unspecified => Self::UNSPECIFIED_TOKEN,
        }
    }

    fn from_token(token: String) -> TypeChoice {
        if token == Self::UNSPECIFIED_TOKEN {
            TypeChoice::Unspecified
        } else {
            TypeChoice::Named(token)
        }
    }
}

/// One value of one facet: what a facet checkbox toggles.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FacetKey {
    Topic(String),
    Place(String),
    Type(TypeChoice),
    Year(i32),
}

impl FacetKey {
    pub fn label(&self) -> String {
        match self {
            FacetKey::Topic(label) | FacetKey::Place(label) => label.clone(),
            FacetKey::Type(choice) => choice.label().to_owned(),
            FacetKey::Year(year) => year.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Search words as typed (`q`); empty when there is no search.
    pub query: String,
    pub topics: Vec<String>,
    /// The releases' `locations` (`place`).
    pub places: Vec<String>,
    pub types: Vec<TypeChoice>,
    pub years: Vec<i32>,
    /// Inclusive.
    pub from: Option<Date>,
    /// Inclusive.
    pub to: Option<Date>,
    /// `None`: the default, see [`Filters::effective_sort`].
    pub sort: Option<Sort>,
    /// 1-based.
    pub page: usize,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            query: String::new(),
            topics: Vec::new(),
            places: Vec::new(),
            types: Vec::new(),
            years: Vec::new(),
            from: None,
            to: None,
            sort: None,
            page: 1,
        }
    }
}

impl Filters {
    /// Whether the query holds a word to search for; a query of spaces or
    /// punctuation searches nothing (the same notion of word as the index).
    pub fn has_query(&self) -> bool {
        fold(&self.query).chars().any(char::is_alphanumeric)
    }

    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            // Relevance means nothing without a search.
            Some(Sort::Relevance) if !self.has_query() => Sort::Newest,
            Some(sort) => sort,
            None if self.has_query() => Sort::Relevance,
            None => Sort::Newest,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Filters::default()
    }

    /// How many filters narrow the results (not sort or page), for a
    /// "Filters (3)" label.
    pub fn active_count(&self) -> usize {
        usize::from(self.has_query())
            + self.topics.len()
            + self.places.len()
            + self.types.len()
            + self.years.len()
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
    }

    /// A start date after the end date: nothing can match.
    pub fn inverted_range(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if from > to)
    }

    pub fn is_selected(&self, key: &FacetKey) -> bool {
        match key {
            FacetKey::Topic(topic) => self.topics.contains(topic),
            FacetKey::Place(place) => self.places.contains(place),
            FacetKey::Type(choice) => self.types.contains(choice),
            FacetKey::Year(year) => self.years.contains(year),
        }
    }
}

/// Adds a value once, up to [`MAX_VALUES_PER_FACET`].
fn add_once<T: PartialEq>(values: &mut Vec<T>, value: T) {
    if values.len() < MAX_VALUES_PER_FACET && !values.contains(&value) {
        values.push(value);
    }
}
