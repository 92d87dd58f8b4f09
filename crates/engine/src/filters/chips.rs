//! The applied filters as chips above the results, each worded for
//! readers ("Topic: Rule of law") with the filters that remove it.

use super::{FacetKey, Filters};

/// One applied filter, as a removable chip above the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// "Topic: Rule of law", "From 1 May 2020", "Search: “penal”".
    pub label: String,
    /// The filters with just this one removed.
    pub without: Filters,
}

impl Filters {
    /// The applied filters in URL order, each with its removal.
    pub fn chips(&self) -> Vec<Chip> {
        let mut chips = Vec::with_capacity(self.active_count());
        if self.has_query() {
            chips.push(Chip {
                label: format!("Search: “{}”", self.query.trim()),
                without: self.without_query(),
            });
        }
        let keys = (self.topics.iter().cloned().map(FacetKey::Topic))
            .chain(self.places.iter().cloned().map(FacetKey::Place))
            .chain(self.types.iter().cloned().map(FacetKey::Type))
            .chain(self.years.iter().copied().map(FacetKey::Year));
        for key in keys {
            let facet = match key {
                FacetKey::Topic(_) => "Topic",
                FacetKey::Place(_) => "Place",
                FacetKey::Type(_) => "Type",
                FacetKey::Year(_) => "Year",
            };
            chips.push(Chip {
                label: format!("{facet}: {}", key.label()),
                without: self.with_toggled(&key),
            });
        }
        if let Some(from) = self.from {
            chips.push(Chip {
                label: format!("From {}", from.long()),
                without: self.with_from(None),
            });
        }
        if let Some(to) = self.to {
            chips.push(Chip {
                label: format!("To {}", to.long()),
                without: self.with_to(None),
            });
        }
        chips
    }
}
