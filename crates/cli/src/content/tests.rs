use std::path::{Path, PathBuf};

use super::read::parse_file_name;
use super::*;
use newsroom_engine::bundle::{Bundle, check_bundle};
use newsroom_engine::date::Date;
use newsroom_engine::synth::synthetic_bundle;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A fresh, empty folder for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsroom-content-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

fn shipped_bundle() -> (String, Bundle) {
    let text = std::fs::read_to_string(root().join("public/releases.json")).expect("seed bundle");
    let bundle = check_bundle(&text).expect("seed checks").bundle;
    (text, bundle)
}

/// A folder with `site.toml` and one release file of the given text.
fn folder_with(name: &str, file: &str, text: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("releases")).unwrap();
    std::fs::write(
        dir.join("site.toml"),
        "name = \"Newsroom\"\ntagline = \"\"\n",
    )
    .unwrap();
    let path = dir.join("releases").join(file);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn problems_of(dir: &Path) -> Vec<String> {
    bundle_from_folder(dir, dir)
        .expect_err("the folder has problems")
        .problems
}

const GOOD: &str = "+++\n\
title = \"Forum on prison reform\"\n\
published = 2023-10-23\n\
content_type = \"News\"\n\
locations = [\"Dushanbe\"]\n\
topics = []\n\
summary = \"A forum.\"\n\
source_url = \"\"\n\
+++\n\
\n\
The forum met.\n";

#[test]
fn the_committed_folder_gives_the_committed_bundle_byte_for_byte() {
    let (text, _) = shipped_bundle();
    let public = root().join("public");
    let from_folder = bundle_from_folder(&root().join("content"), &public)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_json_pretty();
    assert!(
        from_folder == text,
        "public/releases.json is out of date: run newsroom-cli content-to-bundle content -o public/releases.json"
    );
}

#[test]
fn the_seed_round_trips_between_bundle_and_folder() {
    let (text, bundle) = shipped_bundle();
    let dir = scratch("seed");
    assert_eq!(write_folder(&bundle, &dir, &dir), Ok(7));
    let back = bundle_from_folder(&dir, &dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.to_json_pretty(), text);
}

#[test]
fn generated_bundles_round_trip_newest_first() {
    for seed in [1, 2] {
        let bundle = synthetic_bundle(150, seed, true);
        let dir = scratch(&format!("synth-{seed}"));
        write_folder(&bundle, &dir, &dir).unwrap();
        let back = bundle_from_folder(&dir, &dir).unwrap_or_else(|e| panic!("{e}"));
        // A folder keeps no order but the files' dates: newest first, then by slug.
        let mut expected = check_bundle(&bundle.to_json_pretty()).unwrap().bundle;
        expected
            .releases
            .sort_by(|a, b| b.published.cmp(&a.published).then(a.slug.cmp(&b.slug)));
        assert_eq!(back, expected);
    }
}

#[test]
fn a_photo_is_copied_beside_its_release_and_named_from_the_bundle() {
    let (dir, _) = folder_with(
        "photo",
        "2023-10-23-forum.md",
        &GOOD.replace(
            "source_url = \"\"\n",
            "source_url = \"\"\nimage = { file = \"2023-10-23-forum.jpg\", alt = \"Delegates\", credit = \"OSCE\" }\n",
        ),
    );
    std::fs::write(dir.join("releases/2023-10-23-forum.jpg"), b"photo bytes").unwrap();
    let public = dir.join("public");
    std::fs::create_dir_all(&public).unwrap();
    let bundle = bundle_from_folder(&dir, &public).unwrap_or_else(|e| panic!("{e}"));
    let image = bundle.releases[0].image.as_ref().unwrap();
    assert_eq!(image.file, "../releases/2023-10-23-forum.jpg");
    assert_eq!(
        (image.alt.as_str(), image.credit.as_deref()),
        ("Delegates", Some("OSCE"))
    );

    let copy = dir.join("copy");
    write_folder(&bundle, &public, &copy).unwrap();
    let original = std::fs::read_to_string(dir.join("releases/2023-10-23-forum.md")).unwrap();
    let written = std::fs::read_to_string(copy.join("releases/2023-10-23-forum.md")).unwrap();
    assert!(
        written.contains(
            "image = { file = \"2023-10-23-forum.jpg\", alt = \"Delegates\", credit = \"OSCE\" }"
        ),
        "{written}"
    );
    assert!(original.ends_with("+++\n\nThe forum met.\n"));
    assert!(written.ends_with("+++\n\nThe forum met.\n"), "{written}");
    assert_eq!(
        std::fs::read(copy.join("releases/2023-10-23-forum.jpg")).unwrap(),
        b"photo bytes"
    );
    // The same release, its photo now in the copy.
    let mut moved = bundle.clone();
    moved.releases[0].image.as_mut().unwrap().file = "../copy/releases/2023-10-23-forum.jpg".into();
    assert_eq!(bundle_from_folder(&copy, &public).unwrap(), moved);
}

#[test]
fn a_bad_date_names_file_line_and_field() {
    let (dir, path) = folder_with(
        "bad-date",
        "2023-10-23-forum.md",
        &GOOD.replace("published = 2023-10-23", "published = \"2023-13-01\""),
    );
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{}:3: published: \"2023-13-01\" is not a date (YYYY-MM-DD)",
            path.display()
        )]
    );
}

#[test]
fn toml_mistakes_name_their_line() {
    let (dir, path) = folder_with(
        "bad-toml",
        "2023-10-23-forum.md",
        &GOOD.replace("topics = []", "topics = [\"Rule of law\""),
    );
    let problems = problems_of(&dir);
    assert_eq!(problems.len(), 1);
    // The list is left open on line 6; TOML notices on line 7.
    let prefix = format!("{}:7: ", path.display());
    assert!(problems[0].starts_with(&prefix), "{problems:?}");

    let (dir, path) = folder_with(
        "bad-date-literal",
        "2023-10-23-forum.md",
        &GOOD.replace("published = 2023-10-23", "published = 2023-13-01"),
    );
    let problems = problems_of(&dir);
    assert!(
        problems[0].starts_with(&format!("{}:3: ", path.display())),
        "{problems:?}"
    );
}

#[test]
fn missing_unknown_and_mismatched_fields_are_pointed_out() {
    let (dir, path) = folder_with(
        "fields",
        "2023-10-23-forum.md",
        &GOOD
            .replace("summary = \"A forum.\"\n", "")
            .replace("topics = []", "topics = []\nauthor = \"Press office\""),
    );
    let shown = path.display();
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{shown}:7: author: is not a field (expected one of: title, published, content_type, locations, topics, summary, source_url, image)"
        )]
    );
    std::fs::write(&path, GOOD.replace("summary = \"A forum.\"\n", "")).unwrap();
    assert_eq!(problems_of(&dir), [format!("{shown}:1: summary: missing")]);
    std::fs::write(&path, GOOD.replace("2023-10-23", "2023-10-24")).unwrap();
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{shown}:3: published: 2023-10-24 does not match the date the file name starts with (2023-10-23)"
        )]
    );
}

#[test]
fn photos_need_alt_text_and_a_file_beside_the_release() {
    let (dir, path) = folder_with(
        "photo-alt",
        "2023-10-23-forum.md",
        &GOOD.replace(
            "source_url = \"\"\n",
            "source_url = \"\"\nimage = { file = \"2023-10-23-forum.jpg\", alt = \"\" }\n",
        ),
    );
    std::fs::write(dir.join("releases/2023-10-23-forum.jpg"), b"x").unwrap();
    let shown = path.display();
    assert_eq!(
        problems_of(&dir),
        [format!("{shown}:9: image.alt: is empty")]
    );
    std::fs::write(
        &path,
        GOOD.replace(
            "source_url = \"\"\n",
            "source_url = \"\"\nimage = { file = \"missing.jpg\", alt = \"Delegates\" }\n",
        ),
    )
    .unwrap();
    let problems = problems_of(&dir);
    assert!(
        problems[0].starts_with(&format!("{shown}:9: image.file: "))
            && problems[0].ends_with("missing.jpg does not exist"),
        "{problems:?}"
    );
}

#[test]
fn file_names_and_front_matter_have_a_shape() {
    let (dir, path) = folder_with("names", "forum.md", GOOD);
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{}: the name must be YYYY-MM-DD-slug.md (a release) or a photo (jpg, jpeg, png, webp)",
            path.display()
        )]
    );
    let (dir, path) = folder_with("no-front", "2023-10-23-forum.md", "title = \"x\"\n");
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{}:1: front matter: the file must start with a +++ line, then the fields, then a +++ line, then the body",
            path.display()
        )]
    );
    let (dir, path) = folder_with("bad-slug", "2023-10-23-Forum_1.md", GOOD);
    let problems = problems_of(&dir);
    assert!(
        problems[0].starts_with(&format!(
            "{}:1: slug (from the file name): \"Forum_1\" is not",
            path.display()
        )),
        "{problems:?}"
    );
    assert_eq!(
        parse_file_name("2023-10-23-a-b.md").map(|(d, s)| (d.iso(), s)),
        Some(("2023-10-23".to_owned(), "a-b".to_owned()))
    );
}

#[test]
fn a_slug_used_twice_names_the_other_file() {
    let (dir, first) = folder_with("twice", "2023-10-23-forum.md", GOOD);
    let second = dir.join("releases/2023-10-24-forum.md");
    std::fs::write(&second, GOOD.replace("2023-10-23", "2023-10-24")).unwrap();
    assert_eq!(
        problems_of(&dir),
        [format!(
            "{}:1: slug (from the file name): \"forum\" is already used by {}",
            first.display(),
            second.display()
        )]
    );
}

#[test]
fn a_new_release_explains_every_field_and_waits_for_its_summary() {
    let dir = scratch("new");
    std::fs::write(dir.join("site.toml"), "name = \"Newsroom\"\n").unwrap();
    let date = Date::parse_iso("2024-05-02").unwrap();
    let path = new_release_file(&dir, "OSCE trains border officers, in Khorog!", date).unwrap();
    assert_eq!(
        path,
        dir.join("releases/2024-05-02-osce-trains-border-officers-in-khorog.md")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for field in &FIELDS[..8] {
        assert!(
            text.contains(&format!("\n{field} = ")) || text.contains(&format!("# {field} = ")),
            "{field} in {text}"
        );
    }
    assert_eq!(
        text.matches("\n# ").count(),
        10,
        "a comment for each field:\n{text}"
    );
    assert_eq!(
        problems_of(&dir),
        [format!("{}:13: summary: is empty", path.display())]
    );
    assert!(new_release_file(&dir, "OSCE trains border officers, in Khorog!", date).is_err());
    std::fs::write(
        &path,
        text.replace("summary = \"\"", "summary = \"Officers trained.\""),
    )
    .unwrap();
    let bundle = bundle_from_folder(&dir, &dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        bundle.releases[0].title,
        "OSCE trains border officers, in Khorog!"
    );
}

#[test]
fn the_readme_example_file_is_a_valid_release() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```markdown\n+++").expect("an example file") + "```markdown\n".len();
    let example = &readme[start..start + readme[start..].find("\n```\n").unwrap() + 1];
    let name = "2024-05-02-border-officers-trained-in-khorog";
    let (dir, _) = folder_with("readme", &format!("{name}.md"), example);
    std::fs::write(
        dir.join(format!("releases/{name}.jpg")),
        b"checked by the build",
    )
    .unwrap();
    let bundle = bundle_from_folder(&dir, &dir).unwrap_or_else(|e| panic!("{e}"));
    let release = &bundle.releases[0];
    assert_eq!(release.title, "Border officers trained in Khorog");
    assert!(
        release
            .body
            .as_deref()
            .unwrap()
            .contains("## What the course covered")
    );
}
