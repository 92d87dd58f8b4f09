//! The content folder: one Markdown file per release, as offices keep them
//! in Hugo, Jekyll or Zola, turned into a bundle and back.
//!
//! ```text
//! content/site.toml                          name, tagline
//! content/releases/2023-10-23-<slug>.md      front matter (TOML between +++ lines), then the body
//! content/releases/2023-10-23-<slug>.jpg     its lead photo, if any
//! ```
//!
//! The bundle stays the one format the checker reads: a folder becomes
//! bundle JSON, the checker runs on it, and each problem is sent back to
//! the file and line it came from.

mod read;
mod write;

pub use read::bundle_from_folder;
pub use write::{new_release_file, write_folder};

/// The front matter's fields, in the order files list them.
const FIELDS: [&str; 9] = [
    "title",
    "published",
    "content_type",
    "locations",
    "topics",
    "summary",
    "source_url",
    "image",
    // Never in a file (the file name gives it); listed so messages about it
    // still find their line.
    "slug",
];

/// The folder of release files inside a content folder.
const RELEASES: &str = "releases";
/// The site's name and tagline.
const SITE_FILE: &str = "site.toml";
/// Photo formats the build reads.
const PHOTO_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

#[cfg(test)]
pub(crate) mod tests;
