//! What search engines and aggregators read: schema.org JSON-LD (a
//! `NewsArticle` per entry page, a `WebSite` with its search action and a
//! `CollectionPage` on the home page), `sitemap.xml` and `robots.txt`.

use serde_json::{Value, json};

use super::SiteAddress;
use super::html::escape;
use newsroom_engine::bundle::{Bundle, Release};

/// Most URLs in one sitemap file (the sitemaps.org limit).
pub const SITEMAP_URLS: usize = 50_000;

/// How the build's JSON-LD blocks start.
pub const JSON_LD_OPENING: &str = "<script type=\"application/ld+json\">";

/// A `<script type="application/ld+json">` holding `data`. The JSON is
/// escaped so no text in it can end the script or open a comment: `<`,
/// `>` and `&` become `\u003c`, `\u003e`, `\u0026` (still the same JSON).
pub fn json_ld_script(data: &Value) -> String {
    let json = data.to_string();
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    format!("{JSON_LD_OPENING}{safe}</script>")
}

/// The release as a schema.org `NewsArticle`.
pub fn news_article(
    release: &Release,
    bundle: &Bundle,
    address: &SiteAddress,
    language: &str,
) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title,
        "description": release.preview(),
        "datePublished": release.published.iso(),
        "url": address.release_url(release.slug.as_str()),
        "mainEntityOfPage": address.release_url(release.slug.as_str()),
        "publisher": publisher(bundle, address),
        "inLanguage": language,
    });
    if !release.topics.is_empty() {
        article["keywords"] = json!(release.topics);
    }
    if !release.locations.is_empty() {
        let places: Vec<Value> = (release.locations.iter())
            .map(|place| json!({ "@type": "Place", "name": place }))
            .collect();
        article["contentLocation"] = json!(places);
    }
    if let Some(kind) = &release.content_type {
        article["genre"] = json!(kind);
    }
    if let Some(source) = &release.source_url {
        article["isBasedOn"] = json!(source.as_str());
    }
    article
}

/// The home page: the site with its search (`?q=`), and the page as the
/// collection of releases.
pub fn home_page(bundle: &Bundle, address: &SiteAddress, language: &str) -> Value {
    let home = address.absolute("");
    json!({
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": format!("{home}#website"),
                "name": bundle.site.name,
                "description": bundle.site.tagline,
                "url": home,
                "inLanguage": language,
                "publisher": publisher(bundle, address),
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": format!("{home}?q={{search_term_string}}"),
                    },
                    "query-input": "required name=search_term_string",
                },
            },
            {
                "@type": "CollectionPage",
                "name": bundle.site.name,
                "url": home,
                "isPartOf": { "@id": format!("{home}#website") },
                "inLanguage": language,
            },
        ],
    })
}

fn publisher(bundle: &Bundle, address: &SiteAddress) -> Value {
    json!({
        "@type": "Organization",
        "name": bundle.site.name,
        "url": address.absolute(""),
    })
}

/// The sitemap files: `sitemap.xml` listing the home page (last modified
/// with the newest release) and every release (on its date). Past
/// [`SITEMAP_URLS`] the URLs go into `sitemap-1.xml`, `sitemap-2.xml`, …
/// and `sitemap.xml` becomes their index.
pub fn sitemaps(bundle: &Bundle, address: &SiteAddress) -> Vec<(String, String)> {
    let newest = bundle.releases.iter().map(|r| r.published).max();
    let home = (address.absolute(""), newest.map(|date| date.iso()));
    let releases = (bundle.releases.iter()).map(|r| {
        (
            address.release_url(r.slug.as_str()),
            Some(r.published.iso()),
        )
    });
    let urls: Vec<(String, Option<String>)> = std::iter::once(home).chain(releases).collect();
    if urls.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".to_owned(), url_set(&urls))];
    }
    let parts: Vec<(String, String)> = (urls.chunks(SITEMAP_URLS).enumerate())
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), url_set(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &parts {
        let lastmod = newest.map_or_else(String::new, |date| {
            format!("<lastmod>{}</lastmod>", date.iso())
        });
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc>{lastmod}</sitemap>\n",
            escape(&address.absolute(name))
        ));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_owned(), index))
        .chain(parts)
        .collect()
}

fn url_set(urls: &[(String, Option<String>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in urls {
        let lastmod = (lastmod.as_ref())
            .map_or_else(String::new, |date| format!("<lastmod>{date}</lastmod>"));
        xml.push_str(&format!(
            "  <url><loc>{}</loc>{lastmod}</url>\n",
            escape(loc)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named. (Crawlers
/// read it only at the host's root: a site under a sub-path should have
/// the host's own robots.txt name the sitemap too.)
pub fn robots_txt(address: &SiteAddress) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        address.absolute("sitemap.xml")
    )
}

/// The shell's `<html lang>`, for `inLanguage`; English if it has none.
pub fn shell_language(shell: &str) -> String {
    let lang = shell
        .find("<html")
        .and_then(|start| {
            let tag = &shell[start..start + shell[start..].find('>')?];
            let value = &tag[tag.find("lang=\"")? + "lang=\"".len()..];
            Some(value[..value.find('"')?].to_owned())
        })
        .filter(|lang| !lang.is_empty());
    lang.unwrap_or_else(|| "en".to_owned())
}
