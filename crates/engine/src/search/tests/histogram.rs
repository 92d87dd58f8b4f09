//! The result over time: bars per year or month, empty periods included.

use super::fixtures::release;
use crate::bundle::Release;
use crate::search::histogram::{Bar, Histogram, Period};
fn releases(dates: &[&str]) -> Vec<Release> {
    (dates.iter().enumerate())
        .map(|(i, date)| release(&format!("r{i}"), date))
        .collect()
}

fn all(releases: &[Release]) -> Vec<u32> {
    (0..releases.len() as u32).collect()
}

#[test]
fn years_when_the_result_spans_more_than_three_years() {
    let releases = releases(&["2023-10-23", "2022-08-15", "2022-06-13", "2019-05-03"]);
    let histogram = Histogram::of(&releases, &all(&releases));
    let bars: Vec<(String, usize)> = (histogram.bars.iter())
        .map(|bar| (bar.period.label(), bar.count))
        .collect();
    assert_eq!(
        bars,
        [
            ("2019", 1),
            ("2020", 0),
            ("2021", 0),
            ("2022", 2),
            ("2023", 1)
        ]
        .map(|(label, count)| (label.to_owned(), count))
    );
    assert!(!histogram.monthly());
    assert_eq!(histogram.bars[3].name(), "2022: 2 releases");
    assert_eq!(histogram.bars[1].name(), "2020: 0 releases");
    assert_eq!(histogram.highest(), 2);
    assert_eq!(histogram.caption(), "Releases per year, 2019 to 2023");
}

#[test]
fn months_across_a_year_boundary_when_three_years_or_less() {
    let releases = releases(&["2021-11-30", "2022-02-01", "2022-02-28", "2023-12-31"]);
    let histogram = Histogram::of(&releases, &all(&releases));
    assert!(histogram.monthly());
    assert_eq!(histogram.bars.len(), 2 + 12 + 12);
    assert_eq!(histogram.bars[0].period, Period::Month(2021, 11));
    assert_eq!(histogram.bars[3].name(), "February 2022: 2 releases");
    assert_eq!(histogram.bars[25].period, Period::Month(2023, 12));
    assert_eq!(histogram.bars.iter().map(|bar| bar.count).sum::<usize>(), 4);
    // Only the ids given count.
    let some = Histogram::of(&releases, &[1, 2]);
    assert_eq!(
        some.bars,
        [Bar {
            period: Period::Month(2022, 2),
            count: 2
        }]
    );
    assert_eq!(some.caption(), "Releases in February 2022");
    assert_eq!(Histogram::of(&releases, &[]), Histogram::default());
}

#[test]
fn periods_know_their_days() {
    assert_eq!(Period::Month(2024, 2).last_day().iso(), "2024-02-29");
    assert_eq!(Period::Month(2023, 2).last_day().iso(), "2023-02-28");
    assert_eq!(Period::Year(2022).first_day().iso(), "2022-01-01");
    assert_eq!(Period::Year(2022).last_day().iso(), "2022-12-31");
    assert_eq!(Period::Month(2022, 3).short_label(), "Mar");
}
