//! The static files derived from a checked bundle at build time: the home
//! page with its first page of releases and one HTML entry page per release
//! (readable without JavaScript, with link-preview tags), `404.html`, and
//! the Atom feed. Run by Trunk's post-build hook through `newsroom-cli site`.

mod boot;
mod data;
mod entry_pages;
mod feed;
mod frame;
mod home_page;
mod html;
mod loader;
mod markdown_html;
mod photos;

use std::path::Path;

pub use entry_pages::{entry_page, not_found_page};
pub use feed::atom_feed;
pub use home_page::home_page;
pub use photos::publish_photos;

use crate::progress::Progress;
pub use newsroom_engine::address::SiteAddress;
use newsroom_engine::bundle::Bundle;

/// What `write_site` wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub entry_pages: usize,
    /// `data/<digest>/`: the light index, body shards and term pieces.
    pub data_folder: String,
    pub light_index_bytes: usize,
    pub body_shards: u32,
    pub term_pieces: usize,
}

/// Writes the bundle as checked (normalized: trimmed text, one value per
/// key, as `releases.json`), the derived data, the pre-rendered home page,
/// entry pages, `404.html` and `feed.xml` into `dist`, moves Trunk's inline
/// loader into a file and adds the boot script (strict CSP). Build time
/// only, using the app shell `dist/index.html` that Trunk produced (or this
/// function wrote before: what it added is replaced).
pub fn write_site(
    dist: &Path,
    bundle: &Bundle,
    address: &SiteAddress,
    progress: Progress,
) -> std::io::Result<Written> {
    let shell_path = dist.join("index.html");
    let shell = frame::without_static_page(&std::fs::read_to_string(&shell_path)?);
    std::fs::write(dist.join("releases.json"), bundle.to_json_pretty())?;
    let data = data::data_files(bundle);
    data.write(dist, progress)?;
    let data_url = format!("{}{}", address.public_url(), data.folder);
    let shell = entry_pages::with_site_meta(&shell, bundle, address, &data_url);
    let shell = match loader::externalize_loader(&shell, address.public_url()) {
        Some((rewritten, name, script)) => {
            std::fs::write(dist.join(name), script)?;
            rewritten
        }
        None => shell, // already external (the hook ran before)
    };
    let (shell, boot_name, boot_script) = boot::with_boot_script(&shell, address.public_url());
    std::fs::write(dist.join(boot_name), boot_script)?;
    std::fs::write(
        &shell_path,
        frame::with_static_page(&shell, &home_page(bundle, address)),
    )?;
    let releases_dir = dist.join("releases");
    let step = progress.step("entry pages", bundle.releases.len());
    for release in &bundle.releases {
        step.advance(1);
        let dir = releases_dir.join(release.slug.as_str());
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("index.html"),
            entry_page(&shell, release, bundle, address),
        )?;
    }
    std::fs::write(
        dist.join("404.html"),
        not_found_page(&shell, bundle, address),
    )?;
    std::fs::write(dist.join("feed.xml"), atom_feed(bundle, address))?;
    Ok(Written {
        entry_pages: bundle.releases.len(),
        light_index_bytes: data
            .bytes_of(newsroom_engine::derived::manifest::INDEX_FILE)
            .unwrap_or(0),
        body_shards: data.manifest.body_shards,
        term_pieces: data.manifest.term_pieces.len(),
        data_folder: data.folder,
    })
}

#[cfg(test)]
mod tests;
