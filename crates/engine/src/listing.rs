//! How the timeline lists a result: pages of releases and facet previews.
//! The app and the pre-rendered home page (`newsroom-cli site`) follow the
//! same rules, so the page the build writes is the page the app renders.

/// Results shown per page: keeps the page light at any bundle size.
pub const PAGE_SIZE: usize = 50;

/// Entries of a page rendered at first: more than a tall screen holds. The
/// app renders more as the reader nears the last (`more_shown`), so a
/// keystroke or a click renders a dozen entries, not a page of fifty.
pub const FIRST_SHOWN: usize = 12;

/// How many entries are rendered after the reader neared the last of
/// `shown`, on a page of `page_len`.
pub fn more_shown(shown: usize, page_len: usize) -> usize {
    shown.saturating_add(FIRST_SHOWN).min(page_len)
}

/// How many entries of a view's page the reader had rendered (by nearing
/// the last, pressing "Show more" or printing). Another view starts again
/// at `FIRST_SHOWN`; within a view the count only grows, so what the
/// reader had rendered stays, in whatever order the "near" reports, a
/// press of the button and printing arrive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GrownView {
    grown: Option<(String, usize)>,
}

impl GrownView {
    /// A view the reader left with `count` entries rendered.
    pub fn restored(view: String, count: usize) -> Self {
        GrownView {
            grown: Some((view, count)),
        }
    }

    /// Entries of `view`'s page to render, from the first.
    pub fn count(&self, view: &str) -> usize {
        match &self.grown {
            Some((grown_view, count)) if grown_view == view => *count,
            _ => FIRST_SHOWN,
        }
    }

    /// Renders at least `count` entries of `view`; whether that changed anything.
    pub fn grow(&mut self, view: &str, count: usize) -> bool {
        if count <= self.count(view) {
            return false;
        }
        self.grown = Some((view.to_owned(), count));
        true
    }
}

/// Facets longer than this show their first values and a "Show all" button.
pub const FACET_PREVIEW: usize = 8;

/// Facets longer than this also get a box to filter their values.
pub const FACET_FILTER_FROM: usize = 12;

/// The page actually shown: a stale `page=` beyond the end shows the last.
pub fn shown_page(requested: usize, total: usize) -> usize {
    requested.clamp(1, total.div_ceil(PAGE_SIZE).max(1))
}

/// Positions of the results on page `page` (as [`shown_page`] gives it).
pub fn page_span(page: usize, total: usize) -> std::ops::Range<usize> {
    let start = ((page - 1) * PAGE_SIZE).min(total);
    start..(start + PAGE_SIZE).min(total)
}

/// A page's releases under year and month headings, in the page's order
/// (newest or oldest first): the years, each with its months, each with
/// the ids of its releases.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthGroups {
    pub years: Vec<YearGroup>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup {
    pub year: i32,
    /// Month (1 to 12) and its ids.
    pub months: Vec<(u32, Vec<u32>)>,
}

impl MonthGroups {
    /// Groups `ids`, each dated by `date_of`, by runs of equal year and month.
    pub fn of(ids: &[u32], date_of: impl Fn(u32) -> crate::date::Date) -> MonthGroups {
        let mut years: Vec<YearGroup> = Vec::new();
        for &id in ids {
            let date = date_of(id);
            let (year, month) = (date.year(), date.month());
            if years.last().is_none_or(|group| group.year != year) {
                years.push(YearGroup {
                    year,
                    months: Vec::new(),
                });
            }
            let months = &mut years.last_mut().expect("pushed").months;
            match months.last_mut() {
                Some((last, ids)) if *last == month => ids.push(id),
                _ => months.push((month, vec![id])),
            }
        }
        MonthGroups { years }
    }

    /// The months of `year` (empty if the page has none).
    pub fn months_of(&self, year: i32) -> Vec<u32> {
        self.year(year)
            .map(|group| group.months.iter().map(|(month, _)| *month).collect())
            .unwrap_or_default()
    }

    /// The ids of `year`'s `month` (empty if the page has none).
    pub fn ids_of(&self, year: i32, month: u32) -> Vec<u32> {
        (self
            .year(year)
            .and_then(|group| group.months.iter().find(|(m, _)| *m == month)))
        .map(|(_, ids)| ids.clone())
        .unwrap_or_default()
    }

    fn year(&self, year: i32) -> Option<&YearGroup> {
        self.years.iter().find(|group| group.year == year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn entries_are_rendered_a_screenful_at_a_time_up_to_the_page() {
        assert_eq!(more_shown(FIRST_SHOWN, PAGE_SIZE), 2 * FIRST_SHOWN);
        assert_eq!(more_shown(48, PAGE_SIZE), PAGE_SIZE);
        assert_eq!(more_shown(FIRST_SHOWN, 7), 7);
        assert_eq!(more_shown(usize::MAX, PAGE_SIZE), PAGE_SIZE);
    }

    #[test]
    fn a_view_grows_and_never_shrinks_and_another_view_starts_again() {
        let mut grown = GrownView::default();
        assert_eq!(grown.count("q=a"), FIRST_SHOWN);
        assert!(grown.grow("q=a", 24));
        assert!(grown.grow("q=a", PAGE_SIZE));
        // A "near" report for the 24 shown before the press arrives late.
        assert!(!grown.grow("q=a", 36));
        assert_eq!(grown.count("q=a"), PAGE_SIZE);
        assert_eq!(grown.count("q=b"), FIRST_SHOWN);
        assert!(grown.grow("q=b", 24));
        assert_eq!(grown.count("q=a"), FIRST_SHOWN);
        let restored = GrownView::restored("q=c".to_owned(), 36);
        assert_eq!(restored.count("q=c"), 36);
        assert_eq!(restored.count("q=a"), FIRST_SHOWN);
    }

    #[test]
    fn a_page_groups_into_years_and_months_in_its_order() {
        let dates = [
            "2023-10-23",
            "2023-10-01",
            "2023-08-18",
            "2022-06-13",
            "2019-05-03",
        ];
        let date_of = |id: u32| Date::parse_iso(dates[id as usize]).unwrap();
        let groups = MonthGroups::of(&[0, 1, 2, 3, 4], date_of);
        let years: Vec<i32> = groups.years.iter().map(|group| group.year).collect();
        assert_eq!(years, [2023, 2022, 2019]);
        assert_eq!(groups.years[0].months, [(10, vec![0, 1]), (8, vec![2])]);
        assert_eq!(groups.years[1].months, [(6, vec![3])]);
        assert_eq!(groups.years[2].months, [(5, vec![4])]);
        assert_eq!(groups.months_of(2023), [10, 8]);
        assert_eq!(groups.ids_of(2023, 10), [0, 1]);
        assert!(groups.ids_of(2021, 1).is_empty() && groups.months_of(2021).is_empty());
        // Oldest first keeps its own order.
        let oldest = MonthGroups::of(&[4, 3, 2], date_of);
        assert_eq!(oldest.years[0].year, 2019);
        assert_eq!(MonthGroups::of(&[], date_of), MonthGroups::default());
    }

    #[test]
    fn pages_hold_fifty_and_a_stale_page_shows_the_last() {
        assert_eq!(shown_page(1, 0), 1);
        assert_eq!(shown_page(0, 120), 1);
        assert_eq!(shown_page(3, 120), 3);
        assert_eq!(shown_page(9, 120), 3);
        assert_eq!(page_span(1, 120), 0..50);
        assert_eq!(page_span(3, 120), 100..120);
        assert_eq!(page_span(1, 7), 0..7);
        assert_eq!(page_span(1, 0), 0..0);
    }
}
