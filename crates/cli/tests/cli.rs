//! The command-line tools as an office runs them.

use std::path::Path;
use std::process::{Command, Output};

/// The repository's root, where an office runs the tools.
fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsroom-cli"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("newsroom-cli runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn importing_the_seed_listing_reproduces_the_shipped_bundle_byte_for_byte() {
    let out = cli(&["import", "data/osce-dushanbe-listing.txt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shipped = std::fs::read(root().join("public/releases.json")).unwrap();
    assert!(
        out.stdout == shipped,
        "public/releases.json differs from a fresh import of the seed listing"
    );
}

#[test]
fn the_shipped_bundle_passes_the_check() {
    let out = cli(&["check", "public/releases.json"]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("ok, 7 releases"));
}

#[test]
fn the_seed_keeps_only_what_the_listing_says() {
    let bundle: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("public/releases.json")).unwrap(),
    )
    .unwrap();
    let releases = bundle["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 7);
    let without_topics = releases
        .iter()
        .filter(|r| r["topics"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(
        without_topics, 4,
        "four of the seven listings name no topics"
    );
    assert!(
        releases
            .iter()
            .all(|r| r.get("body").is_none() && r.get("source_url").is_none())
    );
    assert_eq!(bundle["site"]["name"], "News and press releases");
}

/// Each defect fixture and the message `check` must print for it.
#[test]
fn check_rejects_each_kind_of_defect_with_a_pointed_message() {
    let cases = [
        (
            "bad-json.json",
            "the bundle is not valid JSON: key must be a string at line 4, column 3",
        ),
        ("missing-field.json", "releases[0].title: missing"),
        (
            "bad-date.json",
            r#"releases[1].published: "2023-13-01" is not a date (YYYY-MM-DD)"#,
        ),
        (
            "duplicate-slug.json",
            r#"releases[1].slug: "same-slug" is already used by releases[0]"#,
        ),
        (
            "unknown-version.json",
            "the bundle's version is 7, but this newsroom reads version 1",
        ),
    ];
    for (file, expected) in cases {
        let path = format!("tests/fixtures/{file}");
        let out = cli(&["check", &path]);
        let said = text(&out.stdout) + &text(&out.stderr);
        assert!(!out.status.success(), "{file} should fail the check");
        assert!(
            said.contains(expected),
            "{file}: expected {expected:?} in:\n{said}"
        );
    }
}

#[test]
fn import_reports_problems_with_line_numbers_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("newsroom-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let listing = dir.join("listing.txt");
    std::fs::write(
        &listing,
        "News\nTag\nTitle\nPublishing date: 32 May 2020\nSummary.\n",
    )
    .unwrap();
    let target = dir.join("out.json");
    let out = cli(&[
        "import",
        listing.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("listing.txt:line 4: \"32 May 2020\" is not a date"),
        "{}",
        text(&out.stderr)
    );
    assert!(!target.exists());
}

#[test]
fn exit_codes_tell_problems_usage_and_files_apart() {
    let problems = cli(&["check", "tests/fixtures/bad-date.json"]);
    assert_eq!(problems.status.code(), Some(1));
    let usage = cli(&["publish"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(text(&usage.stderr).contains("unrecognized subcommand 'publish'"));
    let missing = cli(&["check", "no/such/bundle.json"]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(text(&missing.stderr).contains("no/such/bundle.json: cannot read"));
}

#[test]
fn every_command_has_help_with_examples_and_there_is_a_version() {
    let version = cli(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        text(&version.stdout).trim(),
        concat!("newsroom-cli ", env!("CARGO_PKG_VERSION"))
    );
    for command in ["import", "check", "generate", "site"] {
        let help = cli(&["help", command]);
        assert!(help.status.success(), "{command}");
        let said = text(&help.stdout);
        assert!(said.contains("Usage: newsroom-cli"), "{command}: {said}");
        assert!(said.contains("Example"), "{command}: {said}");
    }
}

#[test]
fn progress_bars_stay_out_of_pipes() {
    let out = cli(&["generate", "50", "--seed", "2"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("{\"version\":1"));
}
