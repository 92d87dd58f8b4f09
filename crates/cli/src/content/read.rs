//! Reading a content folder into a checked bundle. Every problem names the
//! file, the line and the field:
//! `content/releases/2023-10-23-x.md:3: published: "2023-13-01" is not a date (YYYY-MM-DD)`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};
use toml::Spanned;

use super::{FIELDS, PHOTO_EXTENSIONS, RELEASES, SITE_FILE};
use newsroom_engine::bundle::{BUNDLE_VERSION, Bundle, BundleError, check_bundle};
use newsroom_engine::date::Date;

/// Why a folder gives no bundle: every problem, each with its place.
#[derive(Debug)]
pub struct ContentError {
    pub problems: Vec<String>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        write!(f, "{} problem(s); nothing written", self.problems.len())
    }
}

/// One release file as read, with where its fields are.
struct Source {
    path: PathBuf,
    date: Date,
    /// The line of each front-matter key.
    lines: BTreeMap<String, usize>,
    body_line: usize,
}

impl Source {
    fn at(&self, line: usize, field: &str, message: impl fmt::Display) -> String {
        format!("{}:{line}: {field}: {message}", self.path.display())
    }
}

/// Reads `folder` (its `site.toml` and `releases/*.md`) into a checked
/// bundle, newest first (ties by slug). Photo paths in the bundle are
/// written relative to `bundle_dir`, the folder the bundle will live in.
pub fn bundle_from_folder(folder: &Path, bundle_dir: &Path) -> Result<Bundle, ContentError> {
    let mut problems = Vec::new();
    let site = read_site(&folder.join(SITE_FILE), &mut problems);
    let releases_dir = folder.join(RELEASES);
    let mut files = list_release_files(&releases_dir, &mut problems);
    files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));

    let mut sources = Vec::with_capacity(files.len());
    let mut releases = Vec::with_capacity(files.len());
    for (path, date, slug) in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("{}: cannot read: {e}", path.display()));
                continue;
            }
        };
        if let Some((source, release)) =
            read_release(path, date, &slug, &text, bundle_dir, &mut problems)
        {
            sources.push(source);
            releases.push(release);
        }
    }
    if !problems.is_empty() {
        return Err(ContentError { problems });
    }
    let Some(site) = site else {
        return Err(ContentError { problems });
    };
    let bundle = serde_json::json!({
        "version": BUNDLE_VERSION,
        "site": site,
        "releases": releases,
    });
    let checked = check_bundle(&bundle.to_string()).map_err(|error| ContentError {
        problems: vec![match error {
            BundleError::Shape(problem) => format!(
                "{}: {}: {}",
                folder.join(SITE_FILE).display(),
                problem.path,
                problem.message
            ),
            other => format!("{}: {other}", folder.display()),
        }],
    })?;
    for problem in &checked.problems {
        problems.push(place(problem, &sources, &releases_dir));
    }
    for (release, &position) in checked
        .bundle
        .releases
        .iter()
        .zip(&checked.source_positions)
    {
        let source = &sources[position as usize];
        if release.published != source.date {
            let line = source.lines.get("published").copied().unwrap_or(1);
            problems.push(source.at(
                line,
                "published",
                format!(
                    "{} does not match the date the file name starts with ({})",
                    release.published.iso(),
                    source.date.iso()
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(checked.bundle)
    } else {
        Err(ContentError { problems })
    }
}

/// A checker problem (`releases[3].image.alt`) at its file and line.
fn place(
    problem: &newsroom_engine::bundle::Problem,
    sources: &[Source],
    releases_dir: &Path,
) -> String {
    let Some((index, field)) = problem
        .path
        .strip_prefix("releases[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, field)| Some((index.parse::<usize>().ok()?, field)))
    else {
        return format!(
            "{}: {}: {}",
            releases_dir.display(),
            problem.path,
            problem.message
        );
    };
    let source = &sources[index];
    let field = field.trim_start_matches('.');
    let key = field.split(['.', '[']).next().unwrap_or(field);
    let line = match key {
        "body" => source.body_line,
        _ => source.lines.get(key).copied().unwrap_or(1),
    };
    let field = if key == "slug" {
        "slug (from the file name)"
    } else if field.is_empty() {
        "release"
    } else {
        field
    };
    source.at(line, field, name_files(&problem.message, sources))
}

/// Messages name other releases as `releases[N]`; here they are files.
fn name_files(message: &str, sources: &[Source]) -> String {
    let Some((head, rest)) = message.split_once("releases[") else {
        return message.to_owned();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return message.to_owned();
    };
    match index.parse::<usize>().ok().and_then(|i| sources.get(i)) {
        Some(other) => format!("{head}{}{tail}", other.path.display()),
        None => message.to_owned(),
    }
}

fn read_site(path: &Path, problems: &mut Vec<String>) -> Option<Value> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SiteFile {
        name: String,
        #[serde(default)]
        tagline: String,
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(format!(
                "{}: cannot read: {e} (it holds name = \"…\" and tagline = \"…\")",
                path.display()
            ));
            return None;
        }
    };
    match toml::from_str::<SiteFile>(&text) {
        Ok(site) => Some(serde_json::json!({"name": site.name, "tagline": site.tagline})),
        Err(e) => {
            let line = e.span().map_or(1, |span| line_of(&text, span.start));
            problems.push(format!("{}:{line}: {}", path.display(), e.message()));
            None
        }
    }
}

/// The release files with the date and slug their names give; photos are
/// skipped here (releases name them), anything else is a problem.
fn list_release_files(dir: &Path, problems: &mut Vec<String>) -> Vec<(PathBuf, Date, String)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(format!("{}: cannot read the folder: {e}", dir.display()));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if name.starts_with('.')
            || extension
                .as_deref()
                .is_some_and(|e| PHOTO_EXTENSIONS.contains(&e))
        {
            continue;
        }
        match parse_file_name(&name) {
            Some((date, slug)) => files.push((path, date, slug)),
            None => problems.push(format!(
                "{}: the name must be YYYY-MM-DD-slug.md (a release) or a photo ({})",
                path.display(),
                PHOTO_EXTENSIONS.join(", ")
            )),
        }
    }
    files
}

/// `2023-10-23-some-slug.md` → its date and slug.
pub(super) fn parse_file_name(name: &str) -> Option<(Date, String)> {
    let stem = name.strip_suffix(".md")?;
    let date = Date::parse_iso(stem.get(..10)?)?;
    let slug = stem.get(10..)?.strip_prefix('-')?;
    Some((date, slug.to_owned()))
}

/// Reads one release file into bundle JSON, noting each field's line.
fn read_release(
    path: PathBuf,
    date: Date,
    slug: &str,
    text: &str,
    bundle_dir: &Path,
    problems: &mut Vec<String>,
) -> Option<(Source, Value)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut source = Source {
        path,
        date,
        lines: BTreeMap::new(),
        body_line: 1,
    };
    let Some((front, body, body_line)) = split_front_matter(text) else {
        problems.push(source.at(
            1,
            "front matter",
            "the file must start with a +++ line, then the fields, then a +++ line, then the body",
        ));
        return None;
    };
    source.body_line = body_line;
    // Front matter starts on line 2, after the opening +++.
    let table: BTreeMap<String, Spanned<toml::Value>> = match toml::from_str(front) {
        Ok(table) => table,
        Err(e) => {
            let line = e.span().map_or(2, |span| 1 + line_of(front, span.start));
            problems.push(format!(
                "{}:{line}: {}",
                source.path.display(),
                e.message().trim_end()
            ));
            return None;
        }
    };
    let mut release = Map::new();
    release.insert("slug".into(), Value::String(slug.to_owned()));
    let before = problems.len();
    for (key, value) in table {
        let line = 1 + line_of(front, value.span().start);
        source.lines.insert(key.clone(), line);
        let value = value.into_inner();
        match key.as_str() {
            "slug" => problems.push(source.at(
                line,
                "slug",
                "comes from the file name (rename the file to change it)",
            )),
            _ if !FIELDS.contains(&key.as_str()) => problems.push(source.at(
                line,
                &key,
                format!(
                    "is not a field (expected one of: {})",
                    FIELDS[..8].join(", ")
                ),
            )),
            // An empty text says "none" for the optional fields.
            "content_type" | "source_url" if value.as_str() == Some("") => {}
            "image" => {
                let image = photo_json(value, &source, line, bundle_dir, problems);
                release.insert(key, image);
            }
            _ => {
                release.insert(key, json_of(value));
            }
        }
    }
    if problems.len() > before {
        return None;
    }
    let body = body.trim();
    if !body.is_empty() {
        release.insert("body".into(), Value::String(body.to_owned()));
    }
    Some((source, Value::Object(release)))
}

/// The photo's JSON: its file beside the release, as a path from the bundle.
fn photo_json(
    value: toml::Value,
    source: &Source,
    line: usize,
    bundle_dir: &Path,
    problems: &mut Vec<String>,
) -> Value {
    let mut image = json_of(value);
    if let Some(Value::String(file)) = image.get_mut("file") {
        if file.contains(['/', '\\']) || file.trim().is_empty() {
            problems.push(source.at(
                line,
                "image.file",
                format!("{file:?} must be the name of a file beside this one"),
            ));
        } else {
            let beside = source.path.with_file_name(&*file);
            if !beside.is_file() {
                problems.push(source.at(
                    line,
                    "image.file",
                    format!("{} does not exist", beside.display()),
                ));
            }
            *file = relative_path(&beside, bundle_dir);
        }
    }
    image
}

/// `target` as a `/`-separated path from the folder `base`.
pub(crate) fn relative_path(target: &Path, base: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let normal = |p: PathBuf| -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        for component in p.components() {
            match component {
                Component::ParentDir => {
                    parts.pop();
                }
                Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
                _ => {}
            }
        }
        parts
    };
    let target = normal(absolute(target));
    let base = normal(absolute(base));
    let common = target.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; base.len() - common];
    parts.extend(target[common..].iter().map(String::as_str));
    parts.join("/")
}

/// Front matter, body and the body's first line; `None` without the
/// `+++` lines.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 3 + front.matches('\n').count();
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset.min(text.len())].matches('\n').count()
}

/// TOML as the JSON the checker reads; dates become `YYYY-MM-DD` text.
fn json_of(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(x) => Value::from(x),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(json_of).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, json_of(value)))
                .collect(),
        ),
    }
}
