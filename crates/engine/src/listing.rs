//! How the timeline lists a result: pages of releases and facet previews.
//! The app and the pre-rendered home page (`newsroom-cli site`) follow the
//! same rules, so the page the build writes is the page the app renders.

/// Results shown per page: keeps the page light at any bundle size.
pub const PAGE_SIZE: usize = 50;

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

#[cfg(test)]
mod tests {
    use super::*;

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
