use super::*;
use crate::progress::Progress;
use newsroom_engine::bundle::check_bundle;
use newsroom_engine::feeds::FeedDirectory;

pub(super) const SHELL: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><base href=\"/newsroom/\">\
    <title>News and press releases</title>\
    <link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"Feed\">\
    <script type=\"module\" src=\"/newsroom/loader.js\"></script></head><body><noscript>JS</noscript></body></html>";

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
    let dist = std::env::temp_dir().join(format!("newsroom-site-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    let bundle = seed();
    let written = write_site(&dist, &bundle, &address(), Progress::hidden()).unwrap();
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
fn derived_data_is_written_under_a_digest_and_named_in_every_page() {
    use newsroom_engine::derived::bodies::read_shard;
    use newsroom_engine::derived::manifest::{Manifest, body_shard_file, shard_of};

    let dist = std::env::temp_dir().join(format!("newsroom-data-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    let bundle = newsroom_engine::synth::synthetic_bundle(300, 9, true);
    let written = write_site(&dist, &bundle, &address(), Progress::hidden()).unwrap();
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
    // Every body is in the shard its slug names.
    for release in &bundle.releases {
        let shard = shard_of(release.slug.as_str(), manifest.body_shards);
        let bytes = std::fs::read(folder.join(body_shard_file(shard))).unwrap();
        let shard = read_shard(&bytes).unwrap();
        assert_eq!(
            shard.bodies.get(release.slug.as_str()),
            release.body.as_ref()
        );
    }
    // The shell and the entry pages point at the folder; a second run
    // (the hook run again on the same folder) does not repeat the tags.
    write_site(&dist, &bundle, &address(), Progress::hidden()).unwrap();
    let meta = format!(
        "<meta name=\"newsroom:data\" content=\"/newsroom/{}\">",
        written.data_folder
    );
    let shell = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(shell.matches(&meta).count(), 1, "{shell}");
    assert_eq!(shell.matches("<meta name=\"description\"").count(), 1);
    assert_eq!(shell.matches("newsroom:site-url").count(), 1);
    assert_eq!(shell.matches("application/ld+json").count(), 1, "{shell}");
    let preload = format!(
        "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"/newsroom/{}index.json\">",
        written.data_folder
    );
    assert_eq!(shell.matches(&preload).count(), 1, "{shell}");
    let entry = dist
        .join("releases")
        .join(bundle.releases[0].slug.as_str())
        .join("index.html");
    assert!(std::fs::read_to_string(entry).unwrap().contains(&meta));
    std::fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn the_same_bundle_gives_the_same_folder() {
    let bundle = newsroom_engine::synth::synthetic_bundle(50, 2, true);
    let first = data::data_files(&bundle);
    let again = data::data_files(&bundle);
    assert_eq!(first.folder, again.folder);
    let other = data::data_files(&newsroom_engine::synth::synthetic_bundle(50, 3, true));
    assert_ne!(first.folder, other.folder);
}

mod discovery;
mod feeds;
