//! Writing release files: a whole bundle into a folder, or one new file
//! for `newsroom-cli new`. Every field is written, each with a comment on
//! what it takes, so a file explains itself to the person editing it.

use std::path::{Path, PathBuf};

use super::{RELEASES, SITE_FILE};
use newsroom_engine::bundle::{Bundle, Image, Release};
use newsroom_engine::date::Date;
use newsroom_engine::slug::Slug;

/// A TOML value for one field.
fn toml_text(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn toml_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| toml_text(item)).collect();
    format!("[{}]", items.join(", "))
}

/// What one release file holds, before it is written.
struct FileFields<'a> {
    title: &'a str,
    published: Date,
    content_type: Option<&'a str>,
    locations: &'a [String],
    topics: &'a [String],
    summary: &'a str,
    source_url: Option<&'a str>,
    /// The photo's file name beside the release file, alt text and credit.
    image: Option<(&'a str, &'a str, Option<&'a str>)>,
    body: &'a str,
}

fn file_text(fields: &FileFields<'_>) -> String {
    let image = match fields.image {
        Some((file, alt, credit)) => format!(
            "image = {{ file = {}, alt = {}, credit = {} }}",
            toml_text(file),
            toml_text(alt),
            toml_text(credit.unwrap_or(""))
        ),
        None => "# image = { file = \"photo.jpg\", alt = \"What the photo shows\", credit = \"Name / Organisation\" }"
            .to_owned(),
    };
    let mut text = format!(
        "+++\n\
         # The headline: one line, at most 400 characters.\n\
         title = {title}\n\
         # The publication date, YYYY-MM-DD; the file name starts with it.\n\
         published = {published}\n\
         # A label such as \"News\" or \"Press release\"; \"\" when the source does not say.\n\
         content_type = {content_type}\n\
         # \"Where we are\": places, each a label of one line ([] for none).\n\
         locations = {locations}\n\
         # \"What we do\": topics, each a label of one line ([] for none).\n\
         topics = {topics}\n\
         # Required. Plain text (no Markdown) for the timeline and link previews, at most 5,000 characters.\n\
         summary = {summary}\n\
         # The original's address (http or https); \"\" for none.\n\
         source_url = {source_url}\n\
         # The lead photo (optional): a JPEG, PNG or WebP file beside this one, at least 640x320\n\
         # pixels; alt says what it shows (required), credit who took it (may be \"\").\n\
         {image}\n\
         +++\n",
        title = toml_text(fields.title),
        published = fields.published.iso(),
        content_type = toml_text(fields.content_type.unwrap_or("")),
        locations = toml_list(fields.locations),
        topics = toml_list(fields.topics),
        summary = toml_text(fields.summary),
        source_url = toml_text(fields.source_url.unwrap_or("")),
    );
    if !fields.body.is_empty() {
        text.push('\n');
        text.push_str(fields.body);
        text.push('\n');
    }
    text
}

/// The file name of a release: `2023-10-23-<slug>.md`.
fn file_stem(published: Date, slug: &Slug) -> String {
    format!("{}-{}", published.iso(), slug.as_str())
}

/// Writes `bundle` into `folder` (its `site.toml`, one file per release,
/// and each photo copied beside its release, found relative to
/// `bundle_dir`). Refuses a folder that already holds release files.
/// Returns how many releases were written.
pub fn write_folder(bundle: &Bundle, bundle_dir: &Path, folder: &Path) -> Result<usize, String> {
    let releases_dir = folder.join(RELEASES);
    if let Ok(entries) = std::fs::read_dir(&releases_dir) {
        let existing = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .count();
        if existing > 0 {
            return Err(format!(
                "{}: already holds {existing} release file(s); write into an empty folder",
                releases_dir.display()
            ));
        }
    }
    std::fs::create_dir_all(&releases_dir)
        .map_err(|e| format!("{}: cannot create: {e}", releases_dir.display()))?;
    let site = format!(
        "# The newsroom's name and one line about it, shown at the top of every page.\n\
         name = {}\ntagline = {}\n",
        toml_text(&bundle.site.name),
        toml_text(&bundle.site.tagline)
    );
    write(&folder.join(SITE_FILE), &site)?;
    for release in &bundle.releases {
        let stem = file_stem(release.published, &release.slug);
        let photo = match &release.image {
            Some(image) => Some(copy_photo(image, bundle_dir, &releases_dir, &stem)?),
            None => None,
        };
        let text = release_text(release, photo.as_deref());
        write(&releases_dir.join(format!("{stem}.md")), &text)?;
    }
    Ok(bundle.releases.len())
}

fn release_text(release: &Release, photo: Option<&str>) -> String {
    file_text(&FileFields {
        title: &release.title,
        published: release.published,
        content_type: release.content_type.as_deref(),
        locations: &release.locations,
        topics: &release.topics,
        summary: &release.summary,
        source_url: release.source_url.as_ref().map(|url| url.as_str()),
        image: release
            .image
            .as_ref()
            .zip(photo)
            .map(|(image, file)| (file, image.alt.as_str(), image.credit.as_deref())),
        body: release.body.as_deref().unwrap_or(""),
    })
}

/// Copies a photo beside its release file as `<stem>.<extension>`.
fn copy_photo(
    image: &Image,
    bundle_dir: &Path,
    releases_dir: &Path,
    stem: &str,
) -> Result<String, String> {
    let from = bundle_dir.join(&image.file);
    let extension = from.extension().map_or_else(
        || "jpg".to_owned(),
        |e| e.to_string_lossy().to_ascii_lowercase(),
    );
    let name = format!("{stem}.{extension}");
    std::fs::copy(&from, releases_dir.join(&name))
        .map_err(|e| format!("{}: cannot copy the photo: {e}", from.display()))?;
    Ok(name)
}

/// Writes a new release file for `title` dated `date` into
/// `folder/releases/`, every field present and explained; returns its path.
pub fn new_release_file(folder: &Path, title: &str, date: Date) -> Result<PathBuf, String> {
    let slug = Slug::from_title(title).ok_or_else(|| {
        format!("the title {title:?} has no letters or digits to make a slug from")
    })?;
    let releases_dir = folder.join(RELEASES);
    std::fs::create_dir_all(&releases_dir)
        .map_err(|e| format!("{}: cannot create: {e}", releases_dir.display()))?;
    let path = releases_dir.join(format!("{}.md", file_stem(date, &slug)));
    if path.exists() {
        return Err(format!(
            "{}: already exists; choose another title or edit that file",
            path.display()
        ));
    }
    let text = file_text(&FileFields {
        title,
        published: date,
        content_type: None,
        locations: &[],
        topics: &[],
        // Left empty on purpose: the build refuses the file until it is written.
        summary: "",
        source_url: None,
        image: None,
        body: "The full text in Markdown: paragraphs separated by a blank line, `## Subheadings`,\n\
               *emphasis*, [links](https://www.example.org/), lists (`- item`) and quotes (`> text`).",
    });
    write(&path, &text)?;
    Ok(path)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
