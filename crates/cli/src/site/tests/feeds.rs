//! Every feed is valid Atom: parsed as XML, with what RFC 4287 requires.

use std::collections::HashSet;

use super::{address, feeds, seed};
use crate::site::{atom_feed, facet_feed};
use newsroom_engine::feeds::{FEED_ENTRIES, FeedFacet};

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Parses an Atom feed and checks its required elements; returns its id
/// and its entries' ids.
fn read_atom(xml: &str) -> (String, Vec<String>) {
    let document = roxmltree::Document::parse(xml).expect("well-formed XML");
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "an Atom feed");
    fn child<'a, 'input>(
        node: roxmltree::Node<'a, 'input>,
        name: &str,
    ) -> roxmltree::Node<'a, 'input> {
        node.children()
            .find(|c| c.has_tag_name((ATOM, name)))
            .unwrap_or_else(|| panic!("<{name}> in {:?}", node.tag_name()))
    }
    let text = |node: roxmltree::Node, name: &str| {
        let value = child(node, name).text().unwrap_or_default().to_owned();
        assert!(!value.is_empty(), "<{name}> has text");
        value
    };
    text(feed, "title");
    text(feed, "updated");
    let self_link = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .expect("a self link");
    assert!(
        self_link
            .attribute("href")
            .unwrap()
            .starts_with("https://press.example.org/newsroom/")
    );
    let entries = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|entry| {
            text(entry, "title");
            text(entry, "updated");
            text(entry, "summary");
            assert!(child(entry, "link").attribute("href").is_some());
            text(entry, "id")
        })
        .collect();
    (text(feed, "id"), entries)
}

#[test]
fn every_feed_is_atom_with_the_releases_of_its_value() {
    let bundle = seed();
    let (all_id, all_entries) = read_atom(&atom_feed(&bundle, &address()));
    assert_eq!(all_entries.len(), bundle.releases.len());
    let directory = feeds(&bundle);
    let mut ids = HashSet::from([all_id]);
    for feed in directory.feeds() {
        let xml = facet_feed(&bundle, &address(), feed);
        let (id, entries) = read_atom(&xml);
        assert!(ids.insert(id), "{} has its own id", feed.path);
        let holding = bundle.releases.iter().filter(|r| feed.holds(r)).count();
        assert_eq!(entries.len(), holding.min(FEED_ENTRIES), "{}", feed.path);
        assert!(!entries.is_empty());
    }
    // 16 topics, 1 place, 1 type in the seed.
    assert_eq!(ids.len(), 1 + 18);
}

#[test]
fn a_topic_feed_links_its_view_and_lists_newest_first() {
    let bundle = seed();
    let directory = feeds(&bundle);
    let rule = directory.get(FeedFacet::Topic, "Rule of law").unwrap();
    let xml = facet_feed(&bundle, &address(), rule);
    assert!(xml.contains(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://press.example.org/newsroom/feeds/topic/rule-of-law.xml\"/>"
    ));
    assert!(xml.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://press.example.org/newsroom/?topic=Rule+of+law\"/>"
    ));
    assert!(xml.contains("<title>News and press releases: Releases about Rule of law</title>"));
    let dates: Vec<&str> = xml
        .split("<published>")
        .skip(1)
        .map(|rest| &rest[..10])
        .collect();
    assert_eq!(dates, ["2023-07-21", "2022-08-15", "2022-06-13"]);
}

#[test]
fn hostile_labels_stay_text_in_feeds() {
    let mut bundle = seed();
    bundle.releases[4].topics = vec!["<b>&\"Law\"</b>".into()];
    bundle.releases[4].title = "]]></title><script>x</script>".into();
    let directory = feeds(&bundle);
    let feed = directory.get(FeedFacet::Topic, "<b>&\"Law\"</b>").unwrap();
    assert_eq!(feed.path, "feeds/topic/b-law-b.xml");
    let xml = facet_feed(&bundle, &address(), feed);
    let (_, entries) = read_atom(&xml);
    assert_eq!(entries.len(), 1);
    let document = roxmltree::Document::parse(&xml).unwrap();
    let titles: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "title")))
        .filter_map(|n| n.text())
        .collect();
    assert!(titles.contains(&"]]></title><script>x</script>"));
    assert!(titles.contains(&"News and press releases: Releases about <b>&\"Law\"</b>"));
}
