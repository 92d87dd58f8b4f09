//! The result over time: how many matching releases each year (or each
//! month, when the result spans three calendar years or less) holds, for
//! the histogram above the list. Every period from the first to the last
//! match gets a bar, empty ones too, so the bars are a true time axis.

use crate::date::{Date, month_name};
use crate::filters::Filters;
use crate::wording::count_releases;

/// Up to this many calendar years the bars are months.
pub const MONTHLY_UP_TO_YEARS: i32 = 3;
/// Width of a bar's slot in the chart's units (the chart stretches to its
/// box); the app and the pre-rendered home page draw with the same ones.
pub const SLOT: usize = 10;
/// Height of the tallest bar, in the same units.
pub const CHART_HEIGHT: usize = 100;

/// `filters` narrowed to the periods from `first` to `last`: where a bar,
/// or a range of bars, leads.
pub fn narrowed(filters: &Filters, first: Period, last: Period) -> Filters {
    filters
        .with_from(Some(first.first_day()))
        .with_to(Some(last.last_day()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    /// Year and month (1 to 12).
    Month(i32, u32),
}

impl Period {
    pub fn first_day(self) -> Date {
        let (year, month) = match self {
            Period::Year(year) => (year, 1),
            Period::Month(year, month) => (year, month),
        };
        Date::from_ymd(year, month, 1).expect("the first of a month is a date")
    }

    pub fn last_day(self) -> Date {
        let (year, month) = match self {
            Period::Year(year) => (year, 12),
            Period::Month(year, month) => (year, month),
        };
        (28..=31)
            .rev()
            .find_map(|day| Date::from_ymd(year, month, day))
            .expect("every month has 28 days")
    }

    /// "2022" or "March 2022".
    pub fn label(self) -> String {
        match self {
            Period::Year(year) => year.to_string(),
            Period::Month(year, month) => format!("{} {year}", month_name(month)),
        }
    }

    /// "Mar" for months, the year for years: for the axis under the bars.
    pub fn short_label(self) -> String {
        match self {
            Period::Year(year) => year.to_string(),
            Period::Month(_, month) => month_name(month).chars().take(3).collect(),
        }
    }

    fn next(self) -> Period {
        match self {
            Period::Year(year) => Period::Year(year + 1),
            Period::Month(year, 12) => Period::Month(year + 1, 1),
            Period::Month(year, month) => Period::Month(year, month + 1),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub period: Period,
    pub count: usize,
}

impl Bar {
    /// What the bar holds, as its accessible name: "2022: 2 releases".
    pub fn name(&self) -> String {
        format!("{}: {}", self.period.label(), count_releases(self.count))
    }

    /// Its bar's height in chart units, for the `highest` count; an empty
    /// period still shows a sliver on the axis.
    pub fn fill_height(&self, highest: usize) -> usize {
        (self.count * CHART_HEIGHT).div_ceil(highest.max(1)).max(1)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    /// Oldest first; empty when nothing matched.
    pub bars: Vec<Bar>,
}

impl Histogram {
    /// Counts the dates `dates()` gives (twice: once for the span, once to
    /// count) per period.
    pub fn of_dates<I: Iterator<Item = Date>>(dates: impl Fn() -> I) -> Histogram {
        let span = dates().fold(None, |span: Option<(Date, Date)>, date| match span {
            None => Some((date, date)),
            Some((first, last)) => Some((first.min(date), last.max(date))),
        });
        let Some((first, last)) = span else {
            return Histogram::default();
        };
        let monthly = last.year() - first.year() < MONTHLY_UP_TO_YEARS;
        let period_of = |date: Date| {
            if monthly {
                Period::Month(date.year(), date.month())
            } else {
                Period::Year(date.year())
            }
        };
        let index_of = |date: Date| {
            let years = (date.year() - first.year()) as usize;
            if monthly {
                years * 12 + date.month() as usize - first.month() as usize
            } else {
                years
            }
        };
        let mut bars = Vec::new();
        let mut period = period_of(first);
        for _ in 0..=index_of(last) {
            bars.push(Bar { period, count: 0 });
            period = period.next();
        }
        for date in dates() {
            bars[index_of(date)].count += 1;
        }
        Histogram { bars }
    }

    pub fn monthly(&self) -> bool {
        matches!(
            self.bars.first(),
            Some(Bar {
                period: Period::Month(..),
                ..
            })
        )
    }

    /// The most releases in one bar, for scaling.
    pub fn highest(&self) -> usize {
        self.bars.iter().map(|bar| bar.count).max().unwrap_or(0)
    }

    /// The chart's SVG `viewBox`.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {CHART_HEIGHT}", self.bars.len() * SLOT)
    }

    /// The labels under the first and last bar (the second empty for one bar).
    pub fn ends(&self) -> (String, String) {
        match (self.bars.first(), self.bars.last()) {
            (Some(first), Some(last)) if self.bars.len() > 1 => {
                (first.period.label(), last.period.label())
            }
            (Some(only), _) => (only.period.label(), String::new()),
            _ => (String::new(), String::new()),
        }
    }

    /// "Year" or "Month": the period, as a column heading.
    pub fn unit_heading(&self) -> &'static str {
        if self.monthly() { "Month" } else { "Year" }
    }

    /// How to use the bars, under the chart.
    pub fn help(&self) -> String {
        let unit = if self.monthly() { "month" } else { "year" };
        format!(
            "Choose a bar to show only that {unit}. To choose a range, drag across the bars, or hold Shift and press the arrow keys."
        )
    }

    /// "Releases per year, 2019 to 2023".
    pub fn caption(&self) -> String {
        let unit = if self.monthly() { "month" } else { "year" };
        match (self.bars.first(), self.bars.last()) {
            (Some(first), Some(last)) if first.period != last.period => format!(
                "Releases per {unit}, {} to {}",
                first.period.label(),
                last.period.label()
            ),
            (Some(only), _) => format!("Releases in {}", only.period.label()),
            _ => "No releases to show over time".to_owned(),
        }
    }
}
