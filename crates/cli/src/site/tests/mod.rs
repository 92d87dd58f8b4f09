use super::*;
use crate::progress::Progress;
use newsroom_engine::bundle::check_bundle;
use newsroom_engine::feeds::FeedDirectory;

pub(super) const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><base href=\"/newsroom/\">\
    <title>News and press releases</title>\
    <link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"Feed\">\
    <script type=\"module\" src=\"/newsroom/loader.js\"></script></head><body><noscript>JS</noscript></body></html>";

/// The shell Trunk writes (hashes shortened): an inline module loader, the
/// icon, stylesheets and preloads with integrity hashes, `<noscript>`.
const SHELL_AS_TRUNK_WRITES_IT: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <base href="/newsroom/">
    <title>News and press releases</title>
    <link rel="alternate" type="application/atom+xml" href="feed.xml" title="Press releases (Atom feed)">
    <link rel="icon" href="/newsroom/favicon-1a2b.svg">
<script type="module">
import init, * as bindings from '/newsroom/newsroom-3c4d.js';
const wasm = await init({ module_or_path: '/newsroom/newsroom-3c4d_bg.wasm' });
window.wasmBindings = bindings;
</script>
    <link rel="stylesheet" href="/newsroom/base-5e6f.css" integrity="sha384-AAAA">
  <link rel="modulepreload" href="/newsroom/newsroom-3c4d.js" crossorigin="anonymous" integrity="sha384-BBBB"><link rel="preload" href="/newsroom/newsroom-3c4d_bg.wasm" crossorigin="anonymous" integrity="sha384-CCCC" as="fetch" type="application/wasm"></head>
  <body>
    <noscript><p class="static-page">This newsroom needs JavaScript.</p></noscript>
  </body>
</html>
"#;

pub(super) fn seed() -> Bundle {
    check_bundle(include_str!("../../../../../public/releases.json"))
        .unwrap()
        .bundle
}

pub(super) fn feeds(bundle: &Bundle) -> FeedDirectory {
    FeedDirectory::of(&bundle.releases)
}

pub(super) fn address() -> SiteAddress {
    SiteAddress::new("/newsroom/", "https://press.example.org/")
}

#[test]
fn entry_pages_carry_title_description_canonical_and_cards() {
    let bundle = seed();
    let release = &bundle.releases[4];
    let page = entry_page(SHELL, release, &bundle, &address(), &feeds(&bundle));
    let url = format!(
        "https://press.example.org/newsroom/releases/{}/",
        release.slug
    );
    assert!(page.contains(&format!(
        "<title>{} — News and press releases</title>",
        release.title
    )));
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
    assert!(page.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(page.contains("<meta name=\"description\" content=\"The OSCE Programme Office in Dushanbe (Office) supported"));
    assert_eq!(
        page.matches("<meta name=\"description\"").count(),
        1,
        "one description per page"
    );
    assert!(
        page.contains(&format!("<h1>{}</h1>", release.title)),
        "the text is in the page"
    );
    assert!(
        page.contains("<script type=\"module\" src=\"/newsroom/loader.js\"></script>"),
        "the app still loads"
    );
}

#[test]
fn hostile_text_is_escaped_in_entry_pages() {
    let mut bundle = seed();
    bundle.releases[0].title = "<script>alert(1)</script>\" onload=\"x".into();
    bundle.releases[0].summary = "<img src=x onerror=alert(1)>".into();
    let page = entry_page(
        SHELL,
        &bundle.releases[0],
        &bundle,
        &address(),
        &feeds(&bundle),
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x"));
}

#[test]
fn the_feed_lists_every_release_newest_first() {
    let bundle = seed();
    let feed = atom_feed(&bundle, &address());
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(feed.matches("<entry>").count(), bundle.releases.len());
    assert!(feed.contains("<updated>2023-10-23T00:00:00Z</updated>"));
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://press.example.org/newsroom/feed.xml\"/>"));
    let positions: Vec<usize> = ["2023-10-23", "2022-08-15", "2019-05-03"]
        .iter()
        .map(|d| {
            feed.find(&format!("<published>{d}T00:00:00Z</published>"))
                .unwrap()
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "newest first");
    for release in &bundle.releases {
        assert!(feed.contains(&format!(
            "<id>https://press.example.org/newsroom/releases/{}/</id>",
            release.slug
        )));
    }
}

#[test]
fn the_site_is_written_into_dist() {
    let bundle = seed();
    let (dist, written) = site_in_temp("newsroom-site", &bundle);
    assert_eq!(written.entry_pages, 7);
    for release in &bundle.releases {
        assert!(
            dist.join("releases")
                .join(release.slug.as_str())
                .join("index.html")
                .is_file()
        );
    }
    let shell = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        shell.contains("<meta name=\"newsroom:site-url\" content=\"https://press.example.org\">")
    );
    assert!(shell.contains("href=\"https://press.example.org/newsroom/feed.xml\""));
    assert!(
        std::fs::read_to_string(dist.join("404.html"))
            .unwrap()
            .contains("Page not found")
    );
    assert!(dist.join("feed.xml").is_file());
    std::fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn the_published_bundle_is_the_checked_one_not_the_source_text() {
    let source = include_str!("../../../../../public/releases.json").replacen(
        "\"title\": \"",
        "\"note\": \"dropped\", \"title\": \"  ",
        1,
    );
    let checked = check_bundle(&source).unwrap();
    assert!(checked.is_clean(), "{:?}", checked.problems);
    let dist = std::env::temp_dir().join(format!("newsroom-published-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    write_site(
        &dist,
        &checked.bundle,
        &address(),
        DataLayout::Whole,
        Progress::hidden(),
    )
    .unwrap();
    let published = std::fs::read_to_string(dist.join("releases.json")).unwrap();
    std::fs::remove_dir_all(&dist).unwrap();
    assert_eq!(published, checked.bundle.to_json_pretty());
    assert!(!published.contains("dropped") && !published.contains("\"  "));
    assert_eq!(check_bundle(&published).unwrap().bundle, checked.bundle);
}

#[test]
fn derived_data_is_written_under_a_digest_and_named_in_every_page() {
    use newsroom_engine::derived::bodies::read_shard;
    use newsroom_engine::derived::manifest::{Manifest, body_shard_file, shard_of};
    use newsroom_engine::derived::words::{WORDS_FILE, read_word_counts};
    use newsroom_engine::fold::fold;

    let bundle = newsroom_engine::synth::synthetic_bundle(300, 9, true);
    let (dist, written) = site_in_temp("newsroom-data", &bundle);
    assert!(written.data_folder.starts_with("data/") && written.data_folder.ends_with('/'));
    let folder = dist.join(&written.data_folder);

    // The light index is a bundle without bodies that passes the one checker.
    let light = std::fs::read_to_string(folder.join("index.json")).unwrap();
    let checked = check_bundle(&light).unwrap();
    assert!(checked.is_clean());
    for (light, full) in checked.bundle.releases.iter().zip(&bundle.releases) {
        assert_eq!(light.body, None);
        assert_eq!(light.has_body, full.body.is_some());
        assert_eq!((&light.slug, &light.title), (&full.slug, &full.title));
    }
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(folder.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest.releases, 300);
    assert_eq!(manifest.body_shards, written.body_shards);
    // Every body is in the shard its slug names, parsed.
    for release in &bundle.releases {
        let shard = shard_of(release.slug.as_str(), manifest.body_shards);
        let bytes = std::fs::read(folder.join(body_shard_file(shard))).unwrap();
        let shard = read_shard(&bytes).unwrap();
        assert_eq!(
            shard.bodies.get(release.slug.as_str()),
            release
                .body
                .as_deref()
                .map(newsroom_engine::markdown::parse)
                .as_ref()
        );
    }
    // The full texts' words, each with how many bodies hold it.
    let words = std::fs::read(folder.join(WORDS_FILE)).unwrap();
    let words = read_word_counts(&words).unwrap().words;
    let (word, count) = &words[words.len() / 2];
    let holding = (bundle.releases.iter())
        .filter_map(|release| release.body.as_deref())
        .filter(|body| {
            fold(body)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        })
        .count();
    assert_eq!(*count as usize, holding, "{word}");
    let shell = std::fs::read_to_string(dist.join("index.html")).unwrap();
    // Named for the loader to preload after the first paint.
    let preload = |file: &str| {
        format!(
            "<meta name=\"newsroom:after-paint\" content=\"/newsroom/{}{file}\">",
            written.data_folder
        )
    };
    assert!(
        !shell.contains("rel=\"preload\" as=\"fetch\""),
        "no data preload in the head"
    );
    assert_eq!(shell.matches(&preload("index.json")).count(), 1, "{shell}");
    assert!(shell.contains("<meta name=\"newsroom:layout\" content=\"whole\">"));
    assert!(
        !shell.contains("segments/records/"),
        "records belong to the segmented layout"
    );
    // The shell and the entry pages point at the folder; a second run
    // (the hook run again on the same folder, here choosing the other
    // layout) does not repeat the tags.
    write_site(
        &dist,
        &bundle,
        &address(),
        DataLayout::Segmented,
        Progress::hidden(),
    )
    .unwrap();
    let meta = format!(
        "<meta name=\"newsroom:data\" content=\"/newsroom/{}\">",
        written.data_folder
    );
    let shell = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(shell.matches(&meta).count(), 1, "{shell}");
    assert_eq!(shell.matches("<meta name=\"description\"").count(), 1);
    assert_eq!(shell.matches("newsroom:site-url").count(), 1);
    assert_eq!(shell.matches("application/ld+json").count(), 1, "{shell}");
    assert_eq!(shell.matches("newsroom:layout").count(), 1, "{shell}");
    assert!(shell.contains("<meta name=\"newsroom:layout\" content=\"segmented\">"));
    assert_eq!(
        shell.matches(&preload("segments/start.bin")).count(),
        1,
        "{shell}"
    );
    assert_eq!(shell.matches(&preload("index.json")).count(), 0, "{shell}");
    // The records of the first entries the app renders (12 of the newest,
    // 10 to a shard), once each.
    for shard in ["0", "1"] {
        let records = preload(&format!("segments/records/{shard}.json"));
        assert_eq!(shell.matches(&records).count(), 1, "{shell}");
    }
    assert_eq!(shell.matches("segments/records/").count(), 2, "{shell}");
    assert_eq!(
        shell.matches(&preload("manifest.json")).count(),
        1,
        "{shell}"
    );
    assert_eq!(
        shell.matches("id=\"static-page\"").count(),
        1,
        "one home page"
    );
    assert_eq!(shell.matches("<script src=\"/newsroom/boot-").count(), 1);
    let entry = dist
        .join("releases")
        .join(bundle.releases[0].slug.as_str())
        .join("index.html");
    let entry = std::fs::read_to_string(entry).unwrap();
    assert!(entry.contains(&meta));
    assert_eq!(
        entry.matches("id=\"static-page\"").count(),
        1,
        "its release only"
    );
    assert!(!entry.contains("class=\"timeline\""));
    assert!(
        !entry.contains("segments/records/"),
        "an entry page shows another release"
    );
    std::fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn the_same_bundle_gives_the_same_folder_and_only_whole_folders_are_named() {
    let dist = std::env::temp_dir().join(format!("newsroom-digest-{}", std::process::id()));
    let data_dir = dist.join("data");
    // What an interrupted build left.
    std::fs::create_dir_all(data_dir.join(".unfinished/bodies")).unwrap();
    std::fs::write(data_dir.join(".unfinished/bodies/9.json"), "{").unwrap();
    let bundle = newsroom_engine::synth::synthetic_bundle(50, 2, true);
    let first = data::write_data(&bundle, &dist, Progress::hidden()).unwrap();
    // A stray file in the named folder goes when the build is run again.
    let stray = dist.join(&first.folder).join("stray.json");
    std::fs::write(&stray, "{}").unwrap();
    let again = data::write_data(&bundle, &dist, Progress::hidden()).unwrap();
    assert_eq!(first.folder, again.folder);
    assert!(!stray.exists());
    let other = newsroom_engine::synth::synthetic_bundle(50, 3, true);
    let other = data::write_data(&other, &dist, Progress::hidden()).unwrap();
    assert_ne!(first.folder, other.folder);
    let mut folders: Vec<String> = std::fs::read_dir(&data_dir)
        .unwrap()
        .map(|entry| format!("data/{}/", entry.unwrap().file_name().to_string_lossy()))
        .collect();
    folders.sort();
    let mut expected = vec![first.folder, other.folder];
    expected.sort();
    assert_eq!(folders, expected, "nothing unfinished left");
    std::fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn the_home_page_lists_the_newest_releases_with_counts_and_links() {
    let bundle = seed();
    let page = home_page(&bundle, &address());
    assert!(page.contains("<p class=\"result-count\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\">7 releases</p>"));
    let mut newest: Vec<_> = bundle.releases.iter().collect();
    newest.sort_by(|a, b| b.published.cmp(&a.published).then(a.slug.cmp(&b.slug)));
    let positions: Vec<usize> = newest
        .iter()
        .map(|release| {
            let link = format!(
                "<h4 class=\"entry__title\"><a href=\"/newsroom/releases/{}/\">",
                release.slug
            );
            page.find(&link).unwrap_or_else(|| panic!("{link}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "newest first");
    // Year and month headings as the app renders them.
    assert!(page.contains("<h2 class=\"year__heading\" id=\"y-2023\">2023</h2>"));
    assert!(page.contains("<h3 class=\"month__heading\" id=\"m-2023-10\">October 2023</h3>"));
    assert!(
        page.contains("<time class=\"entry__date\" datetime=\"2023-10-23\">23 October 2023</time>")
    );
    // Facet values are links to their filtered views, with counts.
    assert!(page.contains("<a class=\"facet__link\" href=\"/newsroom/?topic=Rule+of+law\"><span class=\"facet__label\">Rule of law</span> <span class=\"facet__count\">("), "{page}");
    assert!(page.contains("href=\"/newsroom/?year=2022\""));
    // 16 topics: a box to filter them, eight shown at first, "Show all".
    assert!(page.contains("placeholder=\"Filter 16 options\""));
    assert_eq!(page.matches("facet__value--more").count(), 16 - 8);
    assert!(page.contains(">Show all 16</button>"));
    // In the app's frame, inside the block the app removes.
    assert!(
        page.starts_with("<div id=\"static-page\" class=\"static-frame\"><a class=\"skip-link\"")
    );
    assert!(page.contains(
        "<main id=\"main\" tabindex=\"-1\"><div class=\"timeline-page\"><h1 class=\"page-title\""
    ));
    assert!(!page.contains("class=\"pagination\""), "one page of 7");
    // Each entry's facet values, for the boot script to show a deep link's
    // newest releases early; `null` for a release without a content type.
    assert!(page.contains("<li class=\"entry\" data-topics=\"[&quot;Gender equality&quot;,&quot;Rule of law&quot;]\" data-places=\"[]\" data-type=\"&quot;News&quot;\">"), "{page}");
    assert!(
        page.contains(
            "<li class=\"entry\" data-topics=\"[]\" data-places=\"[]\" data-type=\"null\">"
        )
    );
}

#[test]
fn the_home_page_shows_fifty_and_links_the_next_page() {
    let bundle = newsroom_engine::synth::synthetic_bundle(120, 3, false);
    let page = home_page(&bundle, &address());
    assert!(page.contains(">120 releases</p>"));
    // The first twelve as the app renders them first; the rest laid out
    // only as they come near the screen.
    assert_eq!(page.matches("<li class=\"entry\" ").count(), 12);
    assert_eq!(
        page.matches("<li class=\"entry entry--deferred\" ").count(),
        38
    );
    assert!(page.contains("Page 1 of 3: releases 1–50 of 120</span><a class=\"pagination__link\" href=\"/newsroom/?page=2\" rel=\"next\">Next page →</a>"));
}

#[test]
fn hostile_text_is_escaped_in_the_home_page() {
    let mut bundle = seed();
    bundle.site.name = "<b>News</b>".into();
    bundle.releases[0].title = "<script>alert(1)</script>".into();
    bundle.releases[0].topics = vec!["\"><img src=x>".into()];
    let page = home_page(&bundle, &address());
    assert!(
        !page.contains("<script>alert")
            && !page.contains("<img src=x")
            && !page.contains("<b>News")
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        page.contains("href=\"/newsroom/?topic=%22%3E%3Cimg+src%3Dx%3E\""),
        "{page}"
    );
    assert!(page.contains("data-topics=\"[&quot;\\&quot;&gt;&lt;img src=x&gt;&quot;]\""));
}

mod discovery;
mod feeds;
mod outputs;
mod segments_bench;

/// The site of `bundle` written with the whole light index into a new
/// temporary folder named after `name` and this process, with the shell.
pub(super) fn site_in_temp(name: &str, bundle: &Bundle) -> (std::path::PathBuf, Written) {
    let dist = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    let written = write_site(
        &dist,
        bundle,
        &address(),
        DataLayout::Whole,
        Progress::hidden(),
    )
    .unwrap();
    (dist, written)
}
