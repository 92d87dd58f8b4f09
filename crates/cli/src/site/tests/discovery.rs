//! Structured data, the sitemap and robots.txt, checked against the bundle.

use serde_json::Value;

use super::{SHELL, address, feeds, seed};
use crate::site::{SiteAddress, entry_page, json_ld_script, robots_txt, sitemaps};

const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The JSON of every JSON-LD block in a page.
fn json_ld(page: &str) -> Vec<Value> {
    page.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| serde_json::from_str(&rest[..rest.find("</script>").unwrap()]).unwrap())
        .collect()
}

#[test]
fn entry_pages_carry_a_news_article_tags_and_topic_feeds() {
    let mut bundle = seed();
    bundle.releases[4].source_url =
        newsroom_engine::web_url::WebUrl::parse("https://www.osce.org/x");
    let release = &bundle.releases[4];
    let page = entry_page(SHELL, release, &bundle, &address(), &feeds(&bundle));
    let blocks = json_ld(&page);
    assert_eq!(blocks.len(), 1);
    let article = &blocks[0];
    let url = format!(
        "https://press.example.org/newsroom/releases/{}/",
        release.slug
    );
    assert_eq!(article["@context"], "https://schema.org");
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["headline"], release.title.as_str());
    assert_eq!(article["description"], release.preview().as_str());
    assert_eq!(article["datePublished"], "2022-06-13");
    assert_eq!(article["url"], url.as_str());
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["publisher"]["name"], "News and press releases");
    assert_eq!(
        article["keywords"],
        serde_json::json!(["Human rights", "Rule of law"])
    );
    assert_eq!(
        article["contentLocation"][0]["name"],
        "OSCE Programme Office in Dushanbe"
    );
    assert_eq!(
        article["isBasedOn"],
        release.source_url.as_ref().unwrap().as_str()
    );
    assert!(page.contains("<meta property=\"og:site_name\" content=\"News and press releases\">"));
    assert!(page.contains("<meta property=\"article:published_time\" content=\"2022-06-13\">"));
    assert!(page.contains("<meta property=\"article:tag\" content=\"Human rights\">"));
    assert!(page.contains("<meta property=\"article:tag\" content=\"Rule of law\">"));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" data-topic-feed title=\"Releases about Rule of law\" href=\"https://press.example.org/newsroom/feeds/topic/rule-of-law.xml\">"
    ));
    assert!(page.contains(
        "<a href=\"https://press.example.org/newsroom/feeds/topic/human-rights.xml\" type=\"application/atom+xml\">Releases about Human rights (Atom feed)</a>"
    ));
}

#[test]
fn json_ld_stays_data_whatever_the_text() {
    let mut bundle = seed();
    let hostile = "</script><script>alert(1)</script><!-- & \u{2028}";
    bundle.releases[4].title = hostile.into();
    bundle.releases[4].topics = vec!["</SCRIPT>".into()];
    let page = entry_page(
        SHELL,
        &bundle.releases[4],
        &bundle,
        &address(),
        &feeds(&bundle),
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("</SCRIPT>"));
    let blocks = json_ld(&page);
    assert_eq!(blocks[0]["headline"], hostile);
    assert_eq!(blocks[0]["keywords"][0], "</SCRIPT>");
    assert_eq!(
        json_ld_script(&serde_json::json!("<&>")),
        "<script type=\"application/ld+json\">\"\\u003c\\u0026\\u003e\"</script>"
    );
}

#[test]
fn the_home_page_is_a_searchable_website_and_a_collection() {
    let bundle = seed();
    let (dist, written) = super::site_in_temp("newsroom-discovery", &bundle);
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let home = read("index.html");
    let graph = &json_ld(&home)[0]["@graph"];
    assert_eq!(graph[0]["@type"], "WebSite");
    assert_eq!(graph[0]["url"], "https://press.example.org/newsroom/");
    assert_eq!(
        graph[0]["potentialAction"]["target"]["urlTemplate"],
        "https://press.example.org/newsroom/?q={search_term_string}"
    );
    assert_eq!(
        graph[0]["potentialAction"]["query-input"],
        "required name=search_term_string"
    );
    assert_eq!(graph[1]["@type"], "CollectionPage");
    // Entry pages carry their article only, not the home page's data.
    let entry = read(&format!("releases/{}/index.html", bundle.releases[0].slug));
    assert_eq!(json_ld(&entry)[0]["@type"], "NewsArticle");
    assert_eq!(json_ld(&entry).len(), 1);
    assert_eq!(written.feeds, 18);
    assert!(read("feeds/topic/rule-of-law.xml").contains("<entry>"));
    assert!(read("feeds/type/news.xml").contains("<entry>"));
    assert!(read("sitemap.xml").contains("<urlset"));
    assert_eq!(read("robots.txt"), robots_txt(&address()));
    std::fs::remove_dir_all(&dist).unwrap();
}

/// The `<loc>` and `<lastmod>` of each `<url>` (or `<sitemap>`).
fn read_sitemap(xml: &str, item: &str) -> Vec<(String, Option<String>)> {
    let document = roxmltree::Document::parse(xml).unwrap();
    document
        .descendants()
        .filter(|n| n.has_tag_name((SITEMAP, item)))
        .map(|node| {
            let text = |name: &str| {
                node.children()
                    .find(|c| c.has_tag_name((SITEMAP, name)))
                    .and_then(|c| c.text())
                    .map(str::to_owned)
            };
            (text("loc").unwrap(), text("lastmod"))
        })
        .collect()
}

#[test]
fn the_sitemap_lists_home_and_every_release_under_the_site_url() {
    let bundle = seed();
    for (public_url, prefix) in [
        ("/", "https://press.example.org/"),
        ("/newsroom/", "https://press.example.org/newsroom/"),
    ] {
        let address = SiteAddress::new(public_url, "https://press.example.org");
        let files = sitemaps(&bundle, &address);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        let urls = read_sitemap(&files[0].1, "url");
        assert_eq!(urls.len(), 1 + bundle.releases.len());
        assert_eq!(urls[0], (prefix.to_owned(), Some("2023-10-23".to_owned())));
        for release in &bundle.releases {
            let url = format!("{prefix}releases/{}/", release.slug);
            assert!(urls.contains(&(url, Some(release.published.iso()))));
        }
        assert_eq!(
            robots_txt(&address),
            format!("User-agent: *\nAllow: /\n\nSitemap: {prefix}sitemap.xml\n")
        );
    }
}

#[test]
fn a_large_site_gets_a_sitemap_index() {
    let mut bundle = seed();
    let template = bundle.releases[0].clone();
    bundle.releases = (0..60_000)
        .map(|i| {
            let mut release = template.clone();
            release.slug = newsroom_engine::slug::Slug::parse(&format!("r-{i}")).unwrap();
            release
        })
        .collect();
    let files = sitemaps(&bundle, &address());
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    let index = read_sitemap(&files[0].1, "sitemap");
    assert_eq!(
        index[1].0,
        "https://press.example.org/newsroom/sitemap-2.xml"
    );
    let counts: Vec<usize> = files[1..]
        .iter()
        .map(|(_, xml)| read_sitemap(xml, "url").len())
        .collect();
    assert_eq!(counts, [50_000, 10_001]);
}
