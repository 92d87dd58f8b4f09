//! Entry pages: the app shell with one release's head tags and text already
//! in the HTML, so a deep link opens on any static host and link previews
//! (which run no WebAssembly) see the right title, description and card.

use super::SiteAddress;
use super::discovery::{JSON_LD_OPENING, json_ld_script, news_article, shell_language};
use super::frame::{framed, with_static_page};
use super::html::{
    escape, insert_after_body_open, insert_before, remove_elements, remove_meta, set_title,
};
use super::markdown_html::blocks_html;
use newsroom_engine::bundle::{Bundle, Release};
use newsroom_engine::derived::manifest::{DataLayout, INDEX_FILE, MANIFEST_FILE};
use newsroom_engine::feeds::{Feed, FeedDirectory, FeedFacet};
use newsroom_engine::markdown;
use newsroom_engine::photo::{PREVIEW_HEIGHT, PREVIEW_WIDTH, Published};
use newsroom_engine::segments::layout::START_FILE;
use newsroom_engine::{STATIC_PAGE_ID, TOPIC_FEED_ATTRIBUTE};

/// The name of the meta tags listing data files the loader preloads once
/// the page has painted (see `loader.rs`). Not `<link rel="preload">` in
/// the head: a download that ends before the first paint is one Lighthouse's
/// simulation counts toward the pre-rendered page's LCP (3.9 s instead of
/// 1.3 s on the home page at 100,000 releases), although it blocks nothing.
pub const AFTER_PAINT_META: &str = "newsroom:after-paint";

/// A meta tag naming the data file `file` (a path under the data folder)
/// for the loader to preload after the first paint.
pub fn after_paint_preload(data_url: &str, file: &str) -> String {
    format!(
        "<meta name=\"{AFTER_PAINT_META}\" content=\"{}{file}\">",
        escape(data_url)
    )
}

/// Site-wide head tags added to the shell itself: the absolute site URL
/// (read by the app for canonical links) and the feed link. Trunk's
/// `<base href>` becomes a `<meta>`: a strict CSP (`base-uri 'none'`)
/// forbids `<base>`, and every URL the shell uses is absolute anyway.
pub fn with_site_meta(
    shell: &str,
    bundle: &Bundle,
    address: &SiteAddress,
    data_url: &str,
    layout: DataLayout,
) -> String {
    // What the app fetches first downloads while the wasm is instantiated,
    // instead of after the app starts (its fetch takes the preloaded answer).
    let preload = |file: &str| after_paint_preload(data_url, file);
    let first_file = match layout {
        DataLayout::Whole => INDEX_FILE,
        DataLayout::Segmented => START_FILE,
    };
    let meta = format!(
        "<meta name=\"newsroom:site-url\" content=\"{}\">\
         <meta name=\"newsroom:data\" content=\"{}\">\
         <meta name=\"newsroom:layout\" content=\"{}\">\
         <meta name=\"description\" content=\"{}\">{}{}",
        escape(address.site_url()),
        escape(data_url),
        layout.name(),
        escape(&bundle.site.tagline),
        preload(first_file),
        preload(MANIFEST_FILE),
    );
    // Written by an earlier run of the hook on the same folder.
    let shell = [
        "newsroom:site-url",
        "newsroom:data",
        "newsroom:layout",
        "description",
        AFTER_PAINT_META,
    ]
    .iter()
    .fold(shell.to_owned(), |shell, name| remove_meta(&shell, name));
    let shell = remove_elements(&shell, JSON_LD_OPENING, "</script>");
    let shell = set_title(&without_base_element(&shell), &bundle.site.name);
    let shell = shell.replace(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\"",
        &format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\"",
            escape(&address.absolute("feed.xml"))
        ),
    );
    insert_before(&shell, "</head>", &meta)
}

pub fn entry_page(
    shell: &str,
    release: &Release,
    bundle: &Bundle,
    address: &SiteAddress,
    feeds: &FeedDirectory,
) -> String {
    let site = &bundle.site.name;
    let title = format!("{} — {site}", release.title);
    let url = address.release_url(release.slug.as_str());
    let description = release.preview();
    let head = [
        format!(
            "<meta name=\"description\" content=\"{}\">",
            escape(&description)
        ),
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        "<meta property=\"og:type\" content=\"article\">".to_owned(),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape(site)
        ),
        format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(&release.title)
        ),
        format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(&description)
        ),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(&url)),
        format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            release.published.iso()
        ),
        preview_image_tags(release, address),
        release
            .topics
            .iter()
            .map(|topic| {
                format!(
                    "<meta property=\"article:tag\" content=\"{}\">",
                    escape(topic)
                )
            })
            .collect(),
        topic_feeds(release, feeds)
            .map(|feed| {
                format!(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" {TOPIC_FEED_ATTRIBUTE} title=\"{}\" href=\"{}\">",
                    escape(&feed.subject()),
                    escape(&address.absolute(&feed.path))
                )
            })
            .collect(),
        format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(&release.title)
        ),
        format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(&description)
        ),
    ]
    .concat();
    let shell = without_site_description(shell);
    let page = set_title(&shell, &title);
    let page = insert_before(&page, "</head>", &head);
    let article = news_article(release, bundle, address, &shell_language(&shell));
    let body = static_release(release, bundle, address, feeds, &json_ld_script(&article));
    insert_after_body_open(&page, &body)
}

fn topic_feeds<'a>(
    release: &'a Release,
    feeds: &'a FeedDirectory,
) -> impl Iterator<Item = &'a Feed> {
    (release.topics.iter()).filter_map(|topic| feeds.get(FeedFacet::Topic, topic))
}

/// `404.html`: the app's not-found view (`src/status.rs`) in its frame.
pub fn not_found_page(shell: &str, bundle: &Bundle, address: &SiteAddress) -> String {
    let page = set_title(shell, &format!("Page not found — {}", bundle.site.name));
    let main = format!(
        "<section class=\"status\" aria-labelledby=\"not-found-title\">\
         <h1 id=\"not-found-title\" tabindex=\"-1\">Page not found</h1>\
         <p class=\"status__message\">There is no page at this address. It may have moved, or the link may be mistyped.</p>\
         <p><a href=\"{}\">Go to all releases</a></p></section>",
        escape(address.public_url())
    );
    with_static_page(&page, &framed(bundle, address, &main))
}

/// The release as plain HTML for readers and crawlers without JavaScript,
/// with its structured data (removed with it when the app takes over).
fn static_release(
    release: &Release,
    bundle: &Bundle,
    address: &SiteAddress,
    feeds: &FeedDirectory,
    json_ld: &str,
) -> String {
    let mut html = format!(
        "<main id=\"{STATIC_PAGE_ID}\" class=\"static-page\"><p><a href=\"{}\">{}</a></p><article><h1>{}</h1>\
         <p><time datetime=\"{}\">{}</time></p>",
        escape(address.public_url()),
        escape(&bundle.site.name),
        escape(&release.title),
        release.published.iso(),
        release.published.long(),
    );
    let facts: Vec<&str> = release
        .content_type
        .iter()
        .chain(&release.locations)
        .chain(&release.topics)
        .map(String::as_str)
        .collect();
    if !facts.is_empty() {
        html.push_str(&format!("<p>{}</p>", escape(&facts.join(" · "))));
    }
    if let Some(photo) = release.image.as_ref().and_then(Published::of) {
        html.push_str(&figure(&photo, address));
    }
    html.push_str(&format!("<p>{}</p>", escape(&release.summary)));
    if let Some(body) = &release.body {
        html.push_str(&blocks_html(&markdown::parse(body)));
    }
    if let Some(url) = &release.source_url {
        html.push_str(&format!(
            "<p><a href=\"{}\">Original release</a></p>",
            escape(url.as_str())
        ));
    }
    let follow: Vec<String> = topic_feeds(release, feeds)
        .map(|feed| {
            format!(
                "<li><a href=\"{}\" type=\"application/atom+xml\">{} (Atom feed)</a></li>",
                escape(&address.absolute(&feed.path)),
                escape(&feed.subject())
            )
        })
        .collect();
    if !follow.is_empty() {
        html.push_str(&format!(
            "<h2>Follow these topics</h2><ul>{}</ul>",
            follow.concat()
        ));
    }
    html.push_str("</article>");
    html.push_str(json_ld);
    html.push_str("</main>");
    html
}

/// The link-preview card: a large image when the release has a photo.
fn preview_image_tags(release: &Release, address: &SiteAddress) -> String {
    let Some(photo) = release.image.as_ref().and_then(Published::of) else {
        return "<meta name=\"twitter:card\" content=\"summary\">".to_owned();
    };
    let url = escape(&address.absolute(&photo.preview_file()));
    let alt = escape(photo.alt);
    format!(
        "<meta name=\"twitter:card\" content=\"summary_large_image\">\
         <meta property=\"og:image\" content=\"{url}\">\
         <meta property=\"og:image:width\" content=\"{PREVIEW_WIDTH}\">\
         <meta property=\"og:image:height\" content=\"{PREVIEW_HEIGHT}\">\
         <meta property=\"og:image:alt\" content=\"{alt}\">\
         <meta name=\"twitter:image\" content=\"{url}\">\
         <meta name=\"twitter:image:alt\" content=\"{alt}\">"
    )
}

/// The lead photo in full, WebP first, with its credit.
fn figure(photo: &Published<'_>, address: &SiteAddress) -> String {
    let credit = photo
        .credit
        .map(|credit| format!("<figcaption>Photo: {}</figcaption>", escape(credit)))
        .unwrap_or_default();
    format!(
        "<figure class=\"release__photo\">{}{credit}</figure>",
        picture(photo, address, "(min-width: 48rem) 46rem, 100vw", "eager")
    )
}

/// A published photo as the app's `picture` renders it (`src/photo.rs`):
/// WebP first, the JPEG widths as fallback, its size so nothing shifts.
pub(super) fn picture(
    photo: &Published<'_>,
    address: &SiteAddress,
    sizes: &str,
    loading: &str,
) -> String {
    let base = address.public_url();
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">\
         <img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\" alt=\"{}\" \
         loading=\"{loading}\" decoding=\"async\"></picture>",
        escape(&photo.srcset(base, "webp")),
        escape(&format!("{base}{}", photo.file(photo.largest(), "jpg"))),
        escape(&photo.srcset(base, "jpg")),
        photo.width,
        photo.height,
        escape(photo.alt),
    )
}

/// The shell carries the site's description; a release page has its own.
fn without_site_description(shell: &str) -> String {
    let Some(start) = shell.find("<meta name=\"description\"") else {
        return shell.to_owned();
    };
    let Some(len) = shell[start..].find('>') else {
        return shell.to_owned();
    };
    format!("{}{}", &shell[..start], &shell[start + len + 1..])
}

/// `<base href="/x/">` → `<meta name="newsroom:base" content="/x/">`.
fn without_base_element(shell: &str) -> String {
    let Some(start) = shell.find("<base href=\"") else {
        return shell.to_owned();
    };
    let value_start = start + "<base href=\"".len();
    let Some(value_len) = shell[value_start..].find('"') else {
        return shell.to_owned();
    };
    let Some(tag_len) = shell[start..].find('>') else {
        return shell.to_owned();
    };
    let value = &shell[value_start..value_start + value_len];
    format!(
        "{}<meta name=\"newsroom:base\" content=\"{value}\">{}",
        &shell[..start],
        &shell[start + tag_len + 1..]
    )
}
