//! The home page in the HTML: the newest page of the timeline and the
//! filter panel with its counts, written into `index.html` with the elements
//! and classes the app renders (`src/timeline.rs`, `src/facets_panel.rs`),
//! so the releases show before the app starts and the app takes over
//! without a visible change. Without JavaScript it reads and links: titles
//! go to entry pages, facet values are plain links to their filtered views.

use super::SiteAddress;
use super::entry_pages::picture;
use super::frame::framed;
use super::histogram_html::histogram_figure;
use super::html::escape;
use newsroom_engine::bundle::{Bundle, Release};
use newsroom_engine::date::month_name;
use newsroom_engine::filters::{FacetKey, Filters, MAX_VALUE_CHARS};
use newsroom_engine::listing::{
    FACET_FILTER_FROM, FACET_PREVIEW, FIRST_SHOWN, MonthGroups, PAGE_SIZE, YearGroup, page_span,
    shown_page,
};
use newsroom_engine::photo::Published;
use newsroom_engine::search::{Catalog, Facet, SearchResult};
use newsroom_engine::wording::{count_releases, result_count, thousands};

/// The pre-rendered home page (the block to put first in `<body>`): what
/// the app shows at `/`.
pub fn home_page(bundle: &Bundle, address: &SiteAddress) -> String {
    let catalog = light_catalog(bundle);
    let result = catalog.search(&Filters::default());
    let main = format!(
        "<div class=\"timeline-page\"><h1 class=\"page-title\" tabindex=\"-1\">{}</h1>\
         <div class=\"timeline-layout\">{}{}</div></div>",
        escape(&bundle.site.name),
        filters_panel(&result, address),
        results(&result, &catalog, address),
    );
    framed(bundle, address, &main)
}

/// The catalog the app builds from the light index: the same releases in
/// the same order, without their bodies (which the first page never shows).
fn light_catalog(bundle: &Bundle) -> Catalog {
    let releases = bundle
        .releases
        .iter()
        .map(|release| {
            let mut light = release.clone();
            light.body = None;
            light
        })
        .collect();
    Catalog::new(releases)
}

fn filters_panel(result: &SearchResult, address: &SiteAddress) -> String {
    let facets = &result.facets;
    format!(
        "<details class=\"filters\" open><summary class=\"filters__toggle\">Filters</summary>\
         <form class=\"filters__form\" role=\"search\" aria-label=\"Search and filter releases\" \
         action=\"{action}\" method=\"get\">\
         <div class=\"field\"><label for=\"q\" class=\"field__label\">Search releases</label>\
         <input id=\"q\" name=\"q\" class=\"field__input\" type=\"search\" maxlength=\"{MAX_VALUE_CHARS}\" \
         autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"q-hint\">\
         <p id=\"q-hint\" class=\"field__hint\">Words match the start of words. Use quotes for a phrase.</p></div>\
         <div class=\"field\"><label for=\"sort\" class=\"field__label\">Sort by</label>\
         <select id=\"sort\" name=\"sort\" class=\"field__input\">\
         <option value=\"newest\">Newest first</option><option value=\"oldest\">Oldest first</option></select></div>\
         {topics}{places}{types}{years}\
         <fieldset class=\"facet date-range\"><legend class=\"facet__legend\">Published between</legend>\
         <div class=\"date-range__fields\">{from}{to}</div>\
         <p id=\"range-error\" class=\"field__error\" role=\"alert\"></p></fieldset>\
         </form></details>",
        action = escape(address.public_url()),
        topics = facet_group("What we do", "topic", &facets.topics, address),
        places = facet_group("Where we are", "place", &facets.places, address),
        types = facet_group("Content type", "type", &facets.types, address),
        years = facet_group("Year", "year", &facets.years, address),
        from = date_field("from", "From"),
        to = date_field("to", "To"),
    )
}

/// One facet: each value a link to the timeline filtered by it. Values past
/// the app's preview are listed too (for readers without JavaScript) and
/// marked, so that with JavaScript they hide as the app's do.
fn facet_group(legend: &str, id: &str, facet: &Facet, address: &SiteAddress) -> String {
    let total = facet.values.len();
    let within = if total > FACET_FILTER_FROM {
        format!(
            "<label class=\"visually-hidden\" for=\"{id}-within\">Filter {legend} options</label>\
             <input type=\"search\" class=\"facet__within\" id=\"{id}-within\" placeholder=\"Filter {total} options\">"
        )
    } else {
        String::new()
    };
    let values: String = facet
        .values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let more = if i < FACET_PREVIEW {
                ""
            } else {
                " facet__value--more"
            };
            format!(
                "<li class=\"facet__value{more}\"><span class=\"facet__box\" aria-hidden=\"true\"></span>\
                 <a class=\"facet__link\" href=\"{}\"><span class=\"facet__label\">{}</span> \
                 <span class=\"facet__count\">({})</span></a></li>",
                escape(&filtered_by(&value.key, address)),
                escape(&value.label),
                value.count
            )
        })
        .collect();
    let show_all = if total > FACET_PREVIEW {
        format!(
            "<button type=\"button\" class=\"link-button\" aria-expanded=\"false\">Show all {total}</button>"
        )
    } else {
        String::new()
    };
    let note = if facet.none_count > 0 && id != "type" {
        format!(
            "<p class=\"facet__note\">{} without a value</p>",
            count_releases(facet.none_count)
        )
    } else {
        String::new()
    };
    format!(
        "<fieldset class=\"facet\" id=\"facet-{id}\"><legend class=\"facet__legend\">{legend}</legend>\
         {within}<ul class=\"facet__values\">{values}</ul>{show_all}{note}</fieldset>"
    )
}

fn filtered_by(key: &FacetKey, address: &SiteAddress) -> String {
    address.timeline_path(&Filters::default().with_toggled(key))
}

fn date_field(id: &str, label: &str) -> String {
    format!(
        "<div class=\"field\"><label for=\"{id}\" class=\"field__label\">{label}</label>\
         <input id=\"{id}\" name=\"{id}\" type=\"date\" class=\"field__input\" aria-invalid=\"false\" \
         aria-describedby=\"range-error\"></div>"
    )
}

/// The result count, the histogram, the first page under year and month
/// headings, and the link to the next page. The placeholder shows instead
/// on a deep link (`style/takeover.css`).
fn results(result: &SearchResult, catalog: &Catalog, address: &SiteAddress) -> String {
    let releases = catalog.releases();
    let total = result.ids.len();
    let page = shown_page(1, total);
    let timeline = if releases.is_empty() {
        "<p class=\"empty-result\">This newsroom has no releases yet.</p>".to_owned()
    } else {
        let groups = MonthGroups::of(&result.ids[page_span(page, total)], |id| {
            releases[id as usize].published
        });
        by_month(&groups, releases, address)
    };
    format!(
        "<section class=\"results\" aria-labelledby=\"results-heading\">\
         <h2 id=\"results-heading\" class=\"visually-hidden\">Results</h2>\
         <p class=\"results-pending\"><span class=\"results-pending__all\">Loading the releases for this address…</span>\
         <span class=\"results-pending__newest\">The newest releases for this address; counting them all…</span></p>\
         <p class=\"result-count\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\">{}</p>{}\
         <p class=\"full-text-note\" role=\"status\"></p><div class=\"timeline\">{timeline}</div>{}</section>",
        result_count(total),
        histogram_figure(&catalog.histogram(&result.ids), address),
        pagination(page, total, address),
    )
}

/// Entries under year and month headings, grouped as the app groups them.
/// Those past the app's first [`FIRST_SHOWN`] are marked: the browser lays
/// them out only as they come near the screen (`style/takeover.css`).
fn by_month(groups: &MonthGroups, releases: &[Release], address: &SiteAddress) -> String {
    let mut html = String::new();
    let mut shown = 0;
    for YearGroup { year: y, months } in &groups.years {
        html.push_str(&format!(
            "<section class=\"year\" aria-labelledby=\"y-{y}\"><h2 class=\"year__heading\" id=\"y-{y}\">{y}</h2>"
        ));
        for (m, ids) in months {
            html.push_str(&format!(
                "<section class=\"month\" aria-labelledby=\"m-{y}-{m:02}\">\
                 <h3 class=\"month__heading\" id=\"m-{y}-{m:02}\">{} {y}</h3><ol class=\"entries\">",
                month_name(*m)
            ));
            for &id in ids {
                html.push_str(&entry(
                    &releases[id as usize],
                    address,
                    shown >= FIRST_SHOWN,
                ));
                shown += 1;
            }
            html.push_str("</ol></section>");
        }
        html.push_str("</section>");
    }
    html
}

fn entry(release: &Release, address: &SiteAddress, deferred: bool) -> String {
    let class = if deferred {
        "entry entry--deferred"
    } else {
        "entry"
    };
    let meta: Vec<&str> = release
        .content_type
        .iter()
        .chain(&release.locations)
        .map(String::as_str)
        .collect();
    let meta = if meta.is_empty() {
        String::new()
    } else {
        format!("<p class=\"entry__meta\">{}</p>", escape(&meta.join(" · ")))
    };
    let topics = if release.topics.is_empty() {
        String::new()
    } else {
        let chips: String = release
            .topics
            .iter()
            .map(|topic| format!("<li class=\"chip\">{}</li>", escape(topic)))
            .collect();
        format!("<ul class=\"entry__topics\" aria-label=\"Topics\">{chips}</ul>")
    };
    // The timeline's lazy thumbnail, as the app renders it.
    let photo = release
        .image
        .as_ref()
        .and_then(Published::of)
        .map(|photo| {
            format!(
                "<div class=\"entry__photo\">{}</div>",
                picture(&photo, address, "8rem", "lazy")
            )
        })
        .unwrap_or_default();
    format!(
        "<li class=\"{class}\" {}>{photo}<time class=\"entry__date\" datetime=\"{}\">{}</time>\
         <h4 class=\"entry__title\"><a href=\"{}\">{}</a></h4>{meta}{topics}\
         <p class=\"entry__summary\">{}</p></li>",
        facet_values(release),
        release.published.iso(),
        release.published.long(),
        escape(&address.release_path(release.slug.as_str())),
        escape(&release.title),
        escape(&release.summary),
    )
}

/// The entry's facet values as the URL names them, for the boot script to
/// find the entries a filtered deep link asks for (JSON: labels may hold
/// any character; a release without a content type has `null`).
fn facet_values(release: &Release) -> String {
    let json = |value: serde_json::Value| escape(&value.to_string());
    format!(
        "data-topics=\"{}\" data-places=\"{}\" data-type=\"{}\"",
        json(serde_json::json!(release.topics)),
        json(serde_json::json!(release.locations)),
        json(serde_json::json!(release.content_type)),
    )
}

fn pagination(page: usize, total: usize, address: &SiteAddress) -> String {
    let pages = total.div_ceil(PAGE_SIZE);
    if pages <= 1 {
        return String::new();
    }
    let span = page_span(page, total);
    let next = Filters::default().with_page(page + 1);
    format!(
        "<nav class=\"pagination\" aria-label=\"Pages\"><span class=\"pagination__status\">\
         Page {page} of {}: releases {}–{} of {}</span>\
         <a class=\"pagination__link\" href=\"{}\" rel=\"next\">Next page →</a></nav>",
        thousands(pages),
        thousands(span.start + 1),
        thousands(span.end),
        thousands(total),
        escape(&address.timeline_path(&next)),
    )
}
