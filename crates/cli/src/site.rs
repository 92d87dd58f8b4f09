//! The static files derived from a checked bundle at build time: the home
//! page with its first page of releases, one HTML entry page per release
//! (readable without JavaScript, with link-preview tags and JSON-LD),
//! `404.html`, the Atom feeds (all releases, and each topic, place and
//! content type), `sitemap.xml` and `robots.txt`. Run by Trunk's post-build
//! hook through `newsroom-cli site`.

mod boot;
mod data;
mod discovery;
mod entry_pages;
mod feed;
mod frame;
mod histogram_html;
mod home_page;
mod html;
mod icon;
mod loader;
mod markdown_html;
mod photos;

use std::io::Write;
use std::path::Path;

pub use discovery::{json_ld_script, robots_txt, sitemaps};
pub use entry_pages::{entry_page, not_found_page};
pub use feed::{atom_feed, facet_feed};
pub use home_page::home_page;
pub use photos::publish_photos;

use crate::progress::Progress;
pub use newsroom_engine::address::SiteAddress;
use newsroom_engine::bundle::Bundle;
use newsroom_engine::derived::manifest::DataLayout;
use newsroom_engine::feeds::FeedDirectory;
use newsroom_engine::segments::layout::{SegmentsEntry, first_shown_records};

/// What `write_site` wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub entry_pages: usize,
    /// `data/<digest>/`: the light index, body shards and term pieces.
    pub data_folder: String,
    pub light_index_bytes: usize,
    pub body_shards: u32,
    pub term_pieces: usize,
    /// The segmented data's files and bytes.
    pub segments: SegmentsEntry,
    /// Feeds of topics, places and content types, besides `feed.xml`.
    pub feeds: usize,
}

/// The folder of the topic, place and type feeds.
const FEEDS_DIR: &str = "feeds";

/// On a segmented home page, the records its first entries need, for the
/// loader to preload (the app asks for them only after its first render, a
/// round trip later). Entry pages show another release: only the home page.
fn first_records_preloads(bundle: &Bundle, layout: DataLayout, data_url: &str) -> String {
    match layout {
        DataLayout::Whole => String::new(),
        DataLayout::Segmented => first_shown_records(bundle.releases.len())
            .into_iter()
            .map(|segment| entry_pages::after_paint_preload(data_url, &segment.path()))
            .collect(),
    }
}

/// Writes the bundle as checked (normalized: trimmed text, one value per
/// key, as `releases.json`), the derived data, the pre-rendered home page,
/// entry pages, `404.html`, the feeds, the sitemap and `robots.txt` into
/// `dist`, inlines the icon, moves Trunk's inline loader into a file and adds the boot script
/// (strict CSP). Build time only, using the app shell `dist/index.html`
/// that Trunk produced (or this function wrote before: what it added is
/// replaced).
pub fn write_site(
    dist: &Path,
    bundle: &Bundle,
    address: &SiteAddress,
    layout: DataLayout,
    progress: Progress,
) -> std::io::Result<Written> {
    let shell_path = dist.join("index.html");
    let shell = frame::without_static_page(&std::fs::read_to_string(&shell_path)?);
    let mut published = std::io::BufWriter::new(std::fs::File::create(dist.join("releases.json"))?);
    bundle.write_json_pretty(&mut published)?;
    published.flush()?;
    let data = data::write_data(bundle, dist, progress)?;
    let data_url = format!("{}{}", address.public_url(), data.folder);
    let shell = entry_pages::with_site_meta(&shell, bundle, address, &data_url, layout);
    let shell = icon::with_inline_icon(&shell, dist, address.public_url());
    let shell = match loader::externalize_loader(&shell, address.public_url()) {
        Ok(Some(loader)) => {
            std::fs::write(dist.join(loader.name), loader.script)?;
            loader.shell
        }
        Ok(None) => shell, // already external (the hook ran before)
        Err(problem) => {
            let at = shell_path.display();
            return Err(std::io::Error::other(format!("{at}: {problem}")));
        }
    };
    let (shell, boot_name, boot_script) = boot::with_boot_script(&shell, address.public_url());
    std::fs::write(dist.join(boot_name), boot_script)?;
    let language = discovery::shell_language(&shell);
    let home_data = json_ld_script(&discovery::home_page(bundle, address, &language));
    let home_head = format!(
        "{home_data}{}",
        first_records_preloads(bundle, layout, &data_url)
    );
    std::fs::write(
        &shell_path,
        frame::with_static_page(
            &html::insert_before(&shell, "</head>", &home_head),
            &home_page(bundle, address),
        ),
    )?;
    let feeds = FeedDirectory::of(&bundle.releases);
    let releases_dir = dist.join("releases");
    let step = progress.step("entry pages", bundle.releases.len());
    for release in &bundle.releases {
        step.advance(1);
        let dir = releases_dir.join(release.slug.as_str());
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("index.html"),
            entry_page(&shell, release, bundle, address, &feeds),
        )?;
    }
    std::fs::write(
        dist.join("404.html"),
        not_found_page(&shell, bundle, address),
    )?;
    std::fs::write(dist.join("feed.xml"), atom_feed(bundle, address))?;
    // Feeds of labels no longer in the bundle would linger: start afresh.
    remove_if_present(&dist.join(FEEDS_DIR))?;
    let all_feeds = feeds.feeds();
    for feed in &all_feeds {
        let path = dist.join(&feed.path);
        std::fs::create_dir_all(path.parent().expect("feeds live in a folder"))?;
        std::fs::write(path, facet_feed(bundle, address, feed))?;
    }
    for (name, xml) in sitemaps(bundle, address) {
        std::fs::write(dist.join(name), xml)?;
    }
    std::fs::write(dist.join("robots.txt"), robots_txt(address))?;
    Ok(Written {
        entry_pages: bundle.releases.len(),
        light_index_bytes: data.light_index_bytes,
        body_shards: data.manifest.body_shards,
        term_pieces: data.manifest.term_pieces.len(),
        segments: (data.manifest.segments.clone()).expect("the site writes segments"),
        feeds: all_feeds.len(),
        data_folder: data.folder,
    })
}

/// Removes `folder` and all it holds, if it is there.
fn remove_if_present(folder: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(folder) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
