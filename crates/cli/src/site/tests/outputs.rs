//! Every file the site writer writes parses, whatever text the checker
//! accepts: a property test feeds arbitrary text (markup, entities, line
//! breaks, controls, noncharacters) into every text field, site fields
//! included. [`check_written_site`] is the one place that knows how to
//! parse each kind of output: a new output is checked once its extension is
//! listed there.

use std::path::{Path, PathBuf};

use html5gum::{Token, Tokenizer};
use proptest::prelude::*;
use serde_json::{Value, json};

use super::{SHELL_AS_TRUNK_WRITES_IT, address};
use crate::progress::Progress;
use crate::site::markdown_html::blocks_html;
use crate::site::write_site;
use newsroom_engine::bundle::{Bundle, check_bundle, is_carriable};
use newsroom_engine::derived::manifest::{DataLayout, MANIFEST_FILE, Manifest};
use newsroom_engine::derived::words::{WORDS_FILE, read_word_counts};
use newsroom_engine::markdown;
use newsroom_engine::search::SegmentedCatalog;
use newsroom_engine::segments::layout::Segment;

/// How each file under the site is checked, by its extension.
enum Kind {
    /// Parsed by a WHATWG tokenizer with no parse error; its elements are
    /// compared with the same page written from markup-free text.
    Html,
    /// Parsed as XML 1.0.
    Xml,
    Json,
    /// `words.txt`: read back by the app's reader.
    Words,
    /// The loader Trunk's inline script becomes; no bundle text goes in.
    Script,
    /// `sitemap.xml` (and numbered parts): XML 1.0 whose every `<loc>` is
    /// an absolute address.
    Sitemap,
    /// `robots.txt`: no bundle text goes in; `Field: value` lines.
    Robots,
    /// A binary segment (`.bin`): read back by the segmented catalog,
    /// with every other segment.
    Segment,
}

fn kind_of(path: &Path) -> Kind {
    if path.file_name() == Some(WORDS_FILE.as_ref()) {
        return Kind::Words;
    }
    if path.file_name() == Some("robots.txt".as_ref()) {
        return Kind::Robots;
    }
    let name = path.to_string_lossy();
    if name.starts_with("sitemap") && name.ends_with(".xml") {
        return Kind::Sitemap;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => Kind::Html,
        Some("xml") => Kind::Xml,
        Some("json") => Kind::Json,
        Some("js") => Kind::Script,
        Some("bin") => Kind::Segment,
        _ => panic!(
            "{}: the site writer wrote a file this test cannot check; list its kind in kind_of",
            path.display()
        ),
    }
}

/// Every file under `dir`, relative to it, in a stable order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    found.sort();
    found
}

/// Parses every file the site writer wrote into `dist` from `bundle`, and
/// compares each page's elements with `plain_dist`, the same site written
/// from markup-free text ([`plain`]).
fn check_written_site(dist: &Path, plain_dist: &Path, bundle: &Bundle) {
    check_segments(dist);
    for relative in files_under(dist) {
        let shown = relative.display();
        let kind = kind_of(&relative);
        if matches!(kind, Kind::Segment) {
            continue; // binary, checked by `check_segments`
        }
        let text = std::fs::read_to_string(dist.join(&relative)).unwrap();
        match kind {
            Kind::Segment => {}
            Kind::Html => {
                let plain = std::fs::read_to_string(plain_dist.join(&relative))
                    .unwrap_or_else(|_| panic!("{shown} is missing from the plain site"));
                assert_eq!(
                    elements(&text, &shown.to_string()),
                    elements(&plain, &shown.to_string()),
                    "{shown}: the text added or removed elements"
                );
            }
            Kind::Xml => check_feed(&text, bundle, &shown.to_string()),
            Kind::Json => {
                let parsed: Result<Value, _> = serde_json::from_str(&text);
                assert!(parsed.is_ok(), "{shown}: {parsed:?}");
            }
            Kind::Words => {
                let read = read_word_counts(text.as_bytes());
                assert!(read.is_ok(), "{shown}: {read:?}");
            }
            Kind::Script => {}
            Kind::Sitemap => {
                let document = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{shown}: not XML: {e}"));
                let locations: Vec<&str> = document
                    .descendants()
                    .filter(|node| node.has_tag_name("loc"))
                    .filter_map(|node| node.text())
                    .collect();
                assert!(!locations.is_empty(), "{shown}: no <loc>");
                for location in locations {
                    assert!(location.starts_with("http"), "{shown}: {location}");
                }
            }
            Kind::Robots => {
                for line in text.lines().filter(|line| !line.is_empty()) {
                    assert!(line.contains(": "), "{shown}: {line:?}");
                }
            }
        }
    }
    let published = std::fs::read_to_string(dist.join("releases.json")).unwrap();
    assert_eq!(&check_bundle(&published).unwrap().bundle, bundle);
}

/// Every segment the manifest announces is there and the segmented
/// catalog reads it.
fn check_segments(dist: &Path) {
    let data = files_under(dist)
        .into_iter()
        .find(|path| path.ends_with(MANIFEST_FILE))
        .and_then(|path| path.parent().map(|folder| dist.join(folder)))
        .expect("a data folder with a manifest");
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(data.join(MANIFEST_FILE)).unwrap()).unwrap();
    let entry = manifest.segments.expect("the manifest lists the segments");
    let mut catalog = SegmentedCatalog::new(&std::fs::read(data.join(&entry.start)).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", entry.start));
    let mut files = 1;
    for relative in files_under(&data) {
        let path = relative.to_string_lossy().replace('\\', "/");
        if let Some(segment) = Segment::from_path(&path) {
            let bytes = std::fs::read(data.join(&relative)).unwrap();
            catalog
                .add(segment, &bytes)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            files += 1;
        }
    }
    assert_eq!(files, entry.files, "segments on disk and in the manifest");
}

/// The page's tags and attribute names, in order; panics on a parse error.
/// JSON-LD scripts must hold JSON.
fn elements(html: &str, shown: &str) -> Vec<String> {
    let mut tokenizer = Tokenizer::new(html);
    let mut tags = Vec::new();
    let mut json_script = false;
    for token in tokenizer.by_ref() {
        match token.unwrap() {
            Token::Error(error) => panic!("{shown}: HTML parse error {error:?}"),
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                json_script = name == "script"
                    && tag.attributes.get(b"type".as_slice()).map(|v| &v[..])
                        == Some(b"application/ld+json".as_slice());
                let attributes: Vec<String> = tag
                    .attributes
                    .keys()
                    .map(|key| String::from_utf8_lossy(key).into_owned())
                    .collect();
                tags.push(format!("<{name} {}>", attributes.join(" ")));
            }
            Token::EndTag(tag) => {
                json_script = false;
                tags.push(format!("</{}>", String::from_utf8_lossy(&tag.name)));
            }
            Token::String(text) if json_script => {
                let parsed: Result<Value, _> = serde_json::from_slice(&text);
                assert!(parsed.is_ok(), "{shown}: JSON-LD {parsed:?}");
            }
            Token::Comment(_) => tags.push("<!---->".to_owned()),
            Token::String(_) | Token::Doctype(_) => {}
        }
    }
    tags
}

/// XML 1.0, and every entry's title, summary and labels read back as the
/// release has them (`feed.xml` has every release).
fn check_feed(xml: &str, bundle: &Bundle, shown: &str) {
    let document =
        roxmltree::Document::parse(xml).unwrap_or_else(|error| panic!("{shown}: not XML: {error}"));
    let feed = document.root_element();
    let child_text = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|n| n.has_tag_name(name))
            .map(|n| n.text().unwrap_or("").to_owned())
    };
    let title = child_text(feed, "title").unwrap_or_default();
    assert!(title.contains(&bundle.site.name), "{shown}: {title:?}");
    let entries: Vec<roxmltree::Node> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    if shown == "feed.xml" {
        assert_eq!(entries.len(), bundle.releases.len(), "{shown}");
    }
    for entry in entries {
        let id = child_text(entry, "id").unwrap_or_default();
        let release = bundle
            .releases
            .iter()
            .find(|release| address().release_url(release.slug.as_str()) == id)
            .unwrap_or_else(|| panic!("{shown}: an entry for no release: {id}"));
        assert_eq!(child_text(entry, "title"), Some(release.title.clone()));
        assert_eq!(child_text(entry, "summary"), Some(release.summary.clone()));
        let terms: Vec<&str> = entry
            .children()
            .filter(|n| n.has_tag_name("category"))
            .filter_map(|n| n.attribute("term"))
            .collect();
        let labels: Vec<&str> = release
            .content_type
            .iter()
            .chain(&release.topics)
            .map(String::as_str)
            .collect();
        assert_eq!(terms, labels, "{shown}");
    }
}

/// Text of any kind: markup and entities, white space of every sort,
/// controls, noncharacters and any other character.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "<", ">", "&", "\"", "'", "</p>", "<script>", "<!--", "-->", "]]>", "&amp;",
            "&#0;", "<![CDATA[", "\n\n", "\r\n", "\r", "\t", " ", "\u{a0}", "\u{2028}",
            "\u{feff}", "\u{200b}", "\u{1}", "\u{7f}", "\u{85}", "\u{fffe}", "\u{ffff}",
            "\u{fdd0}", "\u{1fffe}", "\u{fffd}", "😀",
        ])
        .prop_map(str::to_owned),
        4 => "[a-zA-Zé]{1,8}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..10).prop_map(|pieces| pieces.concat())
}

fn any_release(slug: String) -> impl Strategy<Value = Value> {
    (
        any_text(),
        any_text(),
        prop::option::of(any_text()),
        prop::collection::vec(any_text(), 0..3),
        prop::collection::vec(any_text(), 0..3),
        prop::option::of(any_text()),
        prop::option::of("[^ \t\n\r]{0,12}"),
    )
        .prop_map(
            move |(title, summary, content_type, locations, topics, body, url_tail)| {
                json!({
                    "slug": slug,
                    "title": title,
                    "published": "2024-02-29",
                    "content_type": content_type,
                    "locations": locations,
                    "topics": topics,
                    "summary": summary,
                    "body": body,
                    "source_url": url_tail.map(|tail| format!("https://example.org/{tail}")),
                })
            },
        )
}

fn any_bundle() -> impl Strategy<Value = Value> {
    (
        any_text(),
        prop::option::of(any_text()),
        any_release("first".to_owned()),
        any_release("second".to_owned()),
    )
        .prop_map(|(name, tagline, first, second)| {
            json!({
                "version": 1,
                "site": {"name": name, "tagline": tagline},
                "releases": [first, second],
            })
        })
}

/// Every text field of a release as the source gave it.
fn text_fields(release: &Value) -> Vec<&str> {
    let mut fields = Vec::new();
    for key in ["title", "summary", "content_type", "body", "source_url"] {
        fields.extend(release[key].as_str());
    }
    for key in ["locations", "topics"] {
        fields.extend(
            release[key]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str),
        );
    }
    fields
}

fn carriable(text: &str) -> bool {
    text.chars().all(is_carriable)
}

/// The text without markup: letters, digits and white space stay (so
/// paragraphs, trimming and which labels are equal stay the same), any
/// other character becomes `x<hex>x`.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c.to_string()
            } else {
                format!("x{:x}x", u32::from(c))
            }
        })
        .collect()
}

/// The bundle with every text markup-free, the same shape otherwise. Bodies
/// stay: they are Markdown, whose markup makes elements on purpose; that it
/// makes only its own is [`any_body_becomes_only_markdown_elements`].
fn plain_bundle(bundle: &Bundle) -> Bundle {
    let mut plain_bundle = bundle.clone();
    plain_bundle.site.name = plain(&bundle.site.name);
    plain_bundle.site.tagline = plain(&bundle.site.tagline);
    for release in &mut plain_bundle.releases {
        release.title = plain(&release.title);
        release.summary = plain(&release.summary);
        release.content_type = release.content_type.as_deref().map(plain);
        release.locations = release.locations.iter().map(|l| plain(l)).collect();
        release.topics = release.topics.iter().map(|t| plain(t)).collect();
    }
    plain_bundle
}

fn write(dist: &Path, bundle: &Bundle) {
    let _ = std::fs::remove_dir_all(dist);
    std::fs::create_dir_all(dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL_AS_TRUNK_WRITES_IT).unwrap();
    write_site(
        dist,
        bundle,
        &address(),
        DataLayout::Whole,
        Progress::hidden(),
    )
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_file_written_from_any_accepted_text_parses(source in any_bundle()) {
        let site_carriable = ["name", "tagline"]
            .iter()
            .filter_map(|key| source["site"][key].as_str())
            .all(carriable);
        let checked = check_bundle(&source.to_string());
        let Ok(checked) = checked else {
            prop_assert!(!site_carriable || source["site"]["name"].as_str().unwrap().trim().is_empty()
                || source["site"]["name"].as_str().unwrap().chars().count() > 300,
                "{checked:?}");
            return Ok(());
        };
        prop_assert!(site_carriable, "the site text is refused when it cannot be carried");
        let releases = source["releases"].as_array().unwrap();
        for (position, release) in releases.iter().enumerate() {
            let kept = checked.source_positions.contains(&(position as u32));
            if !text_fields(release).into_iter().all(carriable) {
                prop_assert!(!kept, "releases[{position}] was kept with text the feed cannot carry");
                let path = format!("releases[{position}]");
                prop_assert!(
                    checked.problems.iter().any(|p| p.path.starts_with(&path)),
                    "{:?}", checked.problems
                );
            }
        }
        if checked.bundle.releases.is_empty() {
            return Ok(());
        }
        let id = std::process::id();
        let dist = std::env::temp_dir().join(format!("newsroom-outputs-{id}"));
        let plain_dist = std::env::temp_dir().join(format!("newsroom-outputs-plain-{id}"));
        write(&dist, &checked.bundle);
        write(&plain_dist, &plain_bundle(&checked.bundle));
        check_written_site(&dist, &plain_dist, &checked.bundle);
        std::fs::remove_dir_all(&dist).unwrap();
        std::fs::remove_dir_all(&plain_dist).unwrap();
    }

    #[test]
    fn any_body_becomes_only_markdown_elements(body in any_text()) {
        // What the checker lets through (see the test above).
        prop_assume!(carriable(&body));
        let html = blocks_html(&markdown::parse(&body));
        let mut open: Vec<String> = Vec::new();
        for tag in elements(&html, &format!("the body {body:?}")) {
            if let Some(name) = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>')) {
                let opened = open.pop();
                prop_assert_eq!(opened.as_deref(), Some(name), "{} closes what it did not open", html);
                continue;
            }
            let (name, attributes) = tag[1..tag.len() - 1].split_once(' ').unwrap();
            let allowed: &[&str] = match name {
                "p" | "h2" | "h3" | "h4" | "ul" | "li" | "blockquote" | "pre" | "code" | "em" | "strong" => &[],
                "ol" => &["start"],
                "a" => &["href"],
                "br" | "hr" => {
                    prop_assert_eq!(attributes, "");
                    continue;
                }
                _ => {
                    prop_assert!(false, "{html}: <{name}> is not an element of the Markdown tree");
                    unreachable!()
                }
            };
            prop_assert!(attributes.split(' ').filter(|a| !a.is_empty()).all(|a| allowed.contains(&a)), "{}", html);
            open.push(name.to_owned());
        }
        prop_assert!(open.is_empty(), "{} leaves {:?} open", html, open);
    }
}
