//! The changes the timeline's controls make: each returns new filters, and
//! every change but the page itself goes back to page 1.

use super::{FacetKey, Filters, MAX_PAGE, Sort, TypeChoice, add_once};
use crate::date::Date;

impl Filters {
    /// A copy with `key` selected if it was not, unselected if it was.
    pub fn with_toggled(&self, key: &FacetKey) -> Filters {
        self.edited(|filters| match key {
            FacetKey::Topic(topic) => toggle(&mut filters.topics, topic.clone()),
            FacetKey::Place(place) => toggle(&mut filters.places, place.clone()),
            FacetKey::Type(choice) => toggle(&mut filters.types, choice.clone()),
            FacetKey::Year(year) => toggle(&mut filters.years, *year),
        })
    }

    pub fn with_topic_toggled(&self, topic: &str) -> Filters {
        self.with_toggled(&FacetKey::Topic(topic.to_owned()))
    }

    pub fn with_place_toggled(&self, place: &str) -> Filters {
        self.with_toggled(&FacetKey::Place(place.to_owned()))
    }

    pub fn with_type_toggled(&self, choice: &TypeChoice) -> Filters {
        self.with_toggled(&FacetKey::Type(choice.clone()))
    }

    pub fn with_year_toggled(&self, year: i32) -> Filters {
        self.with_toggled(&FacetKey::Year(year))
    }

    pub fn with_query(&self, query: &str) -> Filters {
        self.edited(|filters| filters.query = query.to_owned())
    }

    pub fn without_query(&self) -> Filters {
        self.with_query("")
    }

    pub fn with_from(&self, from: Option<Date>) -> Filters {
        self.edited(|filters| filters.from = from)
    }

    pub fn with_to(&self, to: Option<Date>) -> Filters {
        self.edited(|filters| filters.to = to)
    }

    pub fn without_dates(&self) -> Filters {
        self.edited(|filters| (filters.from, filters.to) = (None, None))
    }

    pub fn with_sort(&self, sort: Option<Sort>) -> Filters {
        self.edited(|filters| filters.sort = sort)
    }

    /// The only change that keeps the other settings' page: the page itself.
    pub fn with_page(&self, page: usize) -> Filters {
        Filters {
            page: page.clamp(1, MAX_PAGE),
            ..self.clone()
        }
    }

    /// Everything back to the defaults.
    pub fn cleared(&self) -> Filters {
        Filters::default()
    }

    /// A changed copy; back to page 1, since the old page number means
    /// nothing in a different result list.
    fn edited(&self, change: impl FnOnce(&mut Filters)) -> Filters {
        let mut next = self.clone();
        change(&mut next);
        next.page = 1;
        next
    }
}

fn toggle<T: PartialEq>(values: &mut Vec<T>, value: T) {
    match values.iter().position(|v| *v == value) {
        Some(index) => {
            values.remove(index);
        }
        None => add_once(values, value),
    }
}
