//! The result over time: bars per year or month, empty periods included.

use super::fixtures::release;
use crate::bundle::Release;
use crate::search::histogram::{Bar, Histogram, Period};
fn releases(dates: &[&str]) -> Vec<Release> {
    (dates.iter().enumerate())
        .map(|(i, date)| release(&format!("r{i}"), date))
        .collect()
}

/// Counts `ids` (positions in `releases`) per period.
fn histogram_of(releases: &[Release], ids: &[u32]) -> Histogram {
    Histogram::of_dates(|| ids.iter().map(|&id| releases[id as usize].published))
}

fn all(releases: &[Release]) -> Vec<u32> {
    (0..releases.len() as u32).collect()
}

#[test]
fn years_when_the_result_spans_more_than_three_years() {
    let releases = releases(&["2023-10-23", "2022-08-15", "2022-06-13", "2019-05-03"]);
    let histogram = histogram_of(&releases, &all(&releases));
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
    let histogram = histogram_of(&releases, &all(&releases));
    assert!(histogram.monthly());
    assert_eq!(histogram.bars.len(), 2 + 12 + 12);
    assert_eq!(histogram.bars[0].period, Period::Month(2021, 11));
    assert_eq!(histogram.bars[3].name(), "February 2022: 2 releases");
    assert_eq!(histogram.bars[25].period, Period::Month(2023, 12));
    assert_eq!(histogram.bars.iter().map(|bar| bar.count).sum::<usize>(), 4);
    // Only the ids given count.
    let some = histogram_of(&releases, &[1, 2]);
    assert_eq!(
        some.bars,
        [Bar {
            period: Period::Month(2022, 2),
            count: 2
        }]
    );
    assert_eq!(some.caption(), "Releases in February 2022");
    assert_eq!(histogram_of(&releases, &[]), Histogram::default());
}

#[test]
fn periods_know_their_days() {
    assert_eq!(Period::Month(2024, 2).last_day().iso(), "2024-02-29");
    assert_eq!(Period::Month(2023, 2).last_day().iso(), "2023-02-28");
    assert_eq!(Period::Year(2022).first_day().iso(), "2022-01-01");
    assert_eq!(Period::Year(2022).last_day().iso(), "2022-12-31");
    assert_eq!(Period::Month(2022, 3).short_label(), "Mar");
}

/// Engine time of the histogram beside the search it follows, on generated
/// archives: the chart is counted again on every keystroke and facet click.
/// Prints figures; asserts none. By hand:
/// `cargo test --release -p newsroom-engine histogram_timing -- --ignored --nocapture`
#[test]
#[ignore = "a timing harness, run by hand"]
fn histogram_timing() {
    use crate::filters::Filters;
    use crate::search::Catalog;
    use std::time::Instant;

    let views = [
        "",
        "q=t",
        "q=tr",
        "q=training",
        "q=police+reform",
        "topic=Rule+of+law",
        "q=water&place=Dushanbe",
        "from=2020-01-01&to=2020-12-31",
        "year=2021&q=border",
    ];
    for count in [1_000, 10_000, 100_000] {
        let releases = crate::synth::synthetic_bundle(count, 1, false).releases;
        let catalog = Catalog::new(releases);
        let (mut search_ms, mut histogram_ms) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            for view in views {
                let started = Instant::now();
                let result = catalog.search(&Filters::from_query(view));
                search_ms.push(started.elapsed().as_secs_f64() * 1e3);
                let started = Instant::now();
                let histogram = catalog.histogram(&result.ids);
                histogram_ms.push(started.elapsed().as_secs_f64() * 1e3);
                assert_eq!(
                    histogram.bars.iter().map(|bar| bar.count).sum::<usize>(),
                    result.ids.len()
                );
            }
        }
        let p95 = |times: &mut Vec<f64>| {
            times.sort_by(f64::total_cmp);
            times[((times.len() - 1) as f64 * 0.95) as usize]
        };
        println!(
            "{count} releases: search p95 {:.2} ms, histogram p95 {:.2} ms",
            p95(&mut search_ms),
            p95(&mut histogram_ms)
        );
    }
}
