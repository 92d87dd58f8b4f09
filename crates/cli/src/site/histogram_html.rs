//! The histogram of the home page's result, pre-rendered with the app's
//! elements, classes and geometry (`src/histogram.rs`), so the chart stands
//! where the app will draw it. Without JavaScript each bar is a plain link
//! to its year or month.

use super::SiteAddress;
use super::html::escape;
use newsroom_engine::filters::Filters;
use newsroom_engine::search::{CHART_HEIGHT, Histogram, SLOT, narrowed};

/// The chart's figure; empty when there is nothing to draw, as in the app.
pub fn histogram_figure(histogram: &Histogram, address: &SiteAddress) -> String {
    if histogram.bars.is_empty() {
        return String::new();
    }
    let highest = histogram.highest();
    let bars: String = (histogram.bars.iter().enumerate())
        .map(|(i, bar)| {
            let href = address.timeline_path(&narrowed(&Filters::default(), bar.period, bar.period));
            let x = i * SLOT;
            let height = bar.fill_height(highest);
            let empty = if bar.count == 0 { " is-empty" } else { "" };
            format!(
                "<g><a href=\"{}\" class=\"histogram__bar{empty}\" data-bar=\"{i}\" aria-label=\"{}\">\
                 <rect class=\"histogram__slot\" x=\"{x}\" y=\"0\" width=\"{SLOT}\" height=\"{CHART_HEIGHT}\"/>\
                 <rect class=\"histogram__fill\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{height}\"/></a></g>",
                escape(&href),
                escape(&bar.name()),
                x + 1,
                CHART_HEIGHT - height,
                SLOT - 2,
            )
        })
        .collect();
    let rows: String = (histogram.bars.iter())
        .map(|bar| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape(&bar.period.label()),
                bar.count
            )
        })
        .collect();
    let (first, last) = histogram.ends();
    format!(
        "<figure class=\"histogram\" aria-labelledby=\"histogram-caption\">\
         <figcaption id=\"histogram-caption\" class=\"histogram__caption\">{caption}</figcaption>\
         <svg class=\"histogram__chart\" role=\"group\" aria-labelledby=\"histogram-caption\" \
         aria-describedby=\"histogram-help\" viewBox=\"{view_box}\" preserveAspectRatio=\"none\">{bars}</svg>\
         <p class=\"histogram__axis\" aria-hidden=\"true\"><span>{first}</span><span>{last}</span></p>\
         <p id=\"histogram-help\" class=\"histogram__help\">{help}</p>\
         <details class=\"histogram__table\"><summary>Show these counts as a table</summary><table>\
         <thead><tr><th scope=\"col\">{unit}</th><th scope=\"col\">Releases</th></tr></thead>\
         <tbody>{rows}</tbody></table></details></figure>",
        caption = escape(&histogram.caption()),
        view_box = histogram.view_box(),
        first = escape(&first),
        last = escape(&last),
        help = escape(&histogram.help()),
        unit = histogram.unit_heading(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::tests::{address, seed};
    use newsroom_engine::search::Catalog;

    #[test]
    fn one_linked_bar_per_period_scaled_to_the_highest() {
        let bundle = seed();
        let catalog = Catalog::new(bundle.releases.clone());
        let result = catalog.search(&Filters::default());
        let histogram = catalog.histogram(&result.ids);
        let html = histogram_figure(&histogram, &address());
        assert_eq!(html.matches("<g><a href=").count(), histogram.bars.len());
        let first = &histogram.bars[0];
        let link =
            address().timeline_path(&narrowed(&Filters::default(), first.period, first.period));
        assert!(
            html.contains(&format!("href=\"{}\"", escape(&link))),
            "{html}"
        );
        assert!(html.contains(&format!("aria-label=\"{}\"", first.name())));
        // The tallest bar fills the chart; an empty period is a sliver.
        assert!(html.contains(&format!(
            "y=\"0\" width=\"{}\" height=\"{CHART_HEIGHT}\"/>",
            SLOT - 2
        )));
        if let Some(empty) = histogram.bars.iter().position(|bar| bar.count == 0) {
            assert!(html.contains(&format!("is-empty\" data-bar=\"{empty}\"")));
        }
        assert!(html.contains(&escape(&histogram.caption())));
        assert_eq!(
            html.matches("<tr><th scope=\"row\">").count(),
            histogram.bars.len()
        );
        assert_eq!(histogram_figure(&Histogram::default(), &address()), "");
    }
}
