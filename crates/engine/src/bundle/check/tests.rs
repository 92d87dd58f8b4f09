use super::*;
use serde_json::json;

fn release(slug: &str, published: &str) -> Value {
    json!({
        "slug": slug,
        "title": format!("Title of {slug}"),
        "published": published,
        "content_type": null,
        "locations": [],
        "topics": ["Rule of law"],
        "summary": "A summary."
    })
}

fn bundle_with(releases: Vec<Value>) -> String {
    json!({"version": 1, "site": {"name": "News", "tagline": "Tag"}, "releases": releases})
        .to_string()
}

fn messages(checked: &Checked) -> Vec<String> {
    checked.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_valid_bundle_has_no_problems() {
    let checked = check_bundle(&bundle_with(vec![
        release("a", "2023-10-23"),
        release("b", "2022-01-01"),
    ]))
    .unwrap();
    assert!(checked.is_clean(), "{:?}", checked.problems);
    assert_eq!(checked.bundle.releases.len(), 2);
    assert_eq!(checked.left_out(), 0);
    assert_eq!(checked.bundle.site.name, "News");
}

#[test]
fn bad_json_reports_line_and_column() {
    let err = check_bundle("{\n  \"version\": 1,\n  \"site\": {,}\n}").unwrap_err();
    let BundleError::Json { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (3, 12));
    assert!(err.to_string().contains("line 3, column 12"), "{err}");
}

#[test]
fn positions_count_leading_whitespace() {
    let err = check_bundle("\n\n   {\"version\": x}").unwrap_err();
    let BundleError::Json { line, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*line, *column), (3, 16));
}

#[test]
fn truncated_json_says_so() {
    let text = bundle_with(vec![release("a", "2023-10-23")]);
    let err = check_bundle(&text[..text.len() / 2]).unwrap_err();
    assert!(err.to_string().contains("ends too early"), "{err}");
}

#[test]
fn html_and_empty_files_are_named() {
    assert_eq!(
        check_bundle("<!doctype html><p>Not found"),
        Err(BundleError::Html)
    );
    assert_eq!(check_bundle("  \n"), Err(BundleError::Empty));
}

#[test]
fn unknown_version_is_refused() {
    let err = check_bundle(r#"{"version": 2, "site": {"name": "N"}, "releases": []}"#).unwrap_err();
    assert_eq!(err, BundleError::UnsupportedVersion("2".into()));
    assert_eq!(
        err.to_string(),
        "the bundle's version is 2, but this newsroom reads version 1"
    );
    let err = check_bundle(r#"{"site": {"name": "N"}, "releases": []}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the bundle has the wrong shape: version: missing (expected 1)"
    );
}

#[test]
fn missing_field_is_reported_with_its_place() {
    let mut broken = release("a", "2023-10-23");
    broken.as_object_mut().unwrap().remove("summary");
    let checked = check_bundle(&bundle_with(vec![release("ok", "2020-01-01"), broken])).unwrap();
    assert_eq!(messages(&checked), ["releases[1].summary: missing"]);
    assert_eq!(checked.bundle.releases.len(), 1, "the valid release stays");
    assert_eq!(checked.left_out(), 1);
}

#[test]
fn bad_date_is_reported_with_its_place() {
    let checked = check_bundle(&bundle_with(vec![
        release("a", "2023-10-23"),
        release("b", "2023-10-24"),
        release("c", "2023-10-25"),
        release("d", "2023-13-01"),
    ]))
    .unwrap();
    assert_eq!(
        messages(&checked),
        [r#"releases[3].published: "2023-13-01" is not a date (YYYY-MM-DD)"#]
    );
}

#[test]
fn duplicate_slug_names_the_first_use() {
    let checked = check_bundle(&bundle_with(vec![
        release("same", "2023-10-23"),
        release("same", "2022-10-23"),
    ]))
    .unwrap();
    assert_eq!(
        messages(&checked),
        [r#"releases[1].slug: "same" is already used by releases[0]"#]
    );
    assert_eq!(checked.bundle.releases.len(), 1);
}

#[test]
fn wrong_types_are_each_reported() {
    let mut broken = release("a", "2023-10-23");
    let fields = broken.as_object_mut().unwrap();
    fields.insert("title".into(), json!(42));
    fields.insert("topics".into(), json!("Rule of law"));
    fields.insert("locations".into(), json!(["Dushanbe", 7, "Dushanbe"]));
    fields.insert("source_url".into(), json!("javascript:alert(1)"));
    let checked = check_bundle(&bundle_with(vec![broken])).unwrap();
    assert_eq!(
        messages(&checked),
        [
            "releases[0].title: expected text, found a number",
            "releases[0].locations[1]: expected text, found a number",
            r#"releases[0].locations[2]: "Dushanbe" is listed twice"#,
            "releases[0].topics: expected a list of text, found text",
            r#"releases[0].source_url: "javascript:alert(1)" is not an http or https address"#,
        ]
    );
}

#[test]
fn unsafe_slugs_are_refused() {
    let checked = check_bundle(&bundle_with(vec![release("../etc/passwd", "2023-10-23")])).unwrap();
    assert_eq!(checked.problems.len(), 1);
    assert!(
        checked.problems[0]
            .to_string()
            .starts_with("releases[0].slug: \"../etc/passwd\" is not a slug")
    );
}

#[test]
fn characters_the_feed_or_pages_cannot_carry_are_refused_in_every_field() {
    let mut broken = release("a", "2023-10-23");
    broken
        .as_object_mut()
        .unwrap()
        .insert("title".into(), json!("Bell\u{7} title"));
    broken
        .as_object_mut()
        .unwrap()
        .insert("topics".into(), json!(["Form\u{c}feed"]));
    // U+0085 is white space that trimming would remove: refused all the same.
    broken
        .as_object_mut()
        .unwrap()
        .insert("locations".into(), json!(["\u{85}Dushanbe"]));
    broken.as_object_mut().unwrap().insert(
        "body".into(),
        json!("Tabs\tand\nlines are fine, \u{1b} is not"),
    );
    broken
        .as_object_mut()
        .unwrap()
        .insert("source_url".into(), json!("\u{85}"));
    broken
        .as_object_mut()
        .unwrap()
        .insert("summary".into(), json!("Not XML: \u{fffe}"));
    broken
        .as_object_mut()
        .unwrap()
        .insert("content_type".into(), json!("News\u{ffff}"));
    let checked = check_bundle(&bundle_with(vec![broken])).unwrap();
    let paths_and_characters: Vec<String> = messages(&checked)
        .iter()
        .map(|message| message.split(" at character").next().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths_and_characters,
        [
            "releases[0].title: has U+0007",
            "releases[0].content_type: has U+FFFF",
            "releases[0].locations[0]: has U+0085",
            "releases[0].topics[0]: has U+000C",
            "releases[0].summary: has U+FFFE",
            "releases[0].body: has U+001B",
            "releases[0].source_url: has U+0085",
        ]
    );
}

#[test]
fn site_fields_follow_the_same_text_rule() {
    for (field, text) in [("name", "News\u{1}"), ("tagline", "Tag\u{ffff}line")] {
        let mut site = json!({"name": "News", "tagline": "Tag"});
        site[field] = json!(text);
        let bundle = json!({"version": 1, "site": site, "releases": [release("a", "2023-10-23")]});
        let err = check_bundle(&bundle.to_string()).unwrap_err();
        let BundleError::Shape(problem) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problem.path, format!("site.{field}"));
        assert!(problem.message.starts_with("has U+"), "{err}");
    }
}

#[test]
fn an_empty_list_is_a_problem_not_a_crash() {
    let checked = check_bundle(&bundle_with(vec![])).unwrap();
    assert_eq!(
        messages(&checked),
        ["releases: the list is empty: there are no releases to show"]
    );
}

#[test]
fn a_huge_field_is_refused_and_quoted_briefly() {
    let mut broken = release("a", "2023-10-23");
    broken
        .as_object_mut()
        .unwrap()
        .insert("body".into(), json!("x".repeat(3_000_000)));
    let checked = check_bundle(&bundle_with(vec![broken])).unwrap();
    let message = messages(&checked).join("\n");
    assert_eq!(
        message,
        "releases[0].body: is 3000000 bytes; the limit is 500000 (split it or link to the source)"
    );
}

#[test]
fn top_level_shape_errors_are_fatal() {
    for (text, expected) in [
        ("[]", "(top level): expected an object, found a list"),
        (
            r#"{"version":1,"site":{"name":"N"}}"#,
            "releases: missing (expected a list of releases)",
        ),
        (
            r#"{"version":1,"site":{"name":"N"},"releases":{}}"#,
            "releases: expected a list, found an object",
        ),
        (r#"{"version":1,"releases":[]}"#, "site: missing"),
    ] {
        let err = check_bundle(text).unwrap_err().to_string();
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn text_is_trimmed_and_null_content_type_kept_as_none() {
    let mut r = release("a", "2023-10-23");
    r.as_object_mut()
        .unwrap()
        .insert("title".into(), json!("  Spaced  "));
    let checked = check_bundle(&bundle_with(vec![r])).unwrap();
    let release = &checked.bundle.releases[0];
    assert_eq!(release.title, "Spaced");
    assert_eq!(release.content_type, None);
}

#[test]
fn a_written_bundle_reads_back_identically() {
    let checked = check_bundle(&bundle_with(vec![release("a", "2023-10-23")])).unwrap();
    let again = check_bundle(&checked.bundle.to_json_pretty()).unwrap();
    assert_eq!(again.bundle, checked.bundle);
}

#[test]
fn the_typed_path_and_the_tree_path_agree() {
    let mut spaced = release("spaced", "2023-10-23");
    spaced
        .as_object_mut()
        .unwrap()
        .insert("title".into(), json!("  Spaced  "));
    let mut bad_date = release("bad-date", "2023-13-01");
    bad_date
        .as_object_mut()
        .unwrap()
        .insert("body".into(), json!("Text."));
    let seed = include_str!("../../../../../public/releases.json").to_owned();
    let synthetic = crate::synth::synthetic_bundle(40, 3, true).to_json_pretty();
    let texts = [
        seed,
        synthetic,
        bundle_with(vec![
            release("a", "2023-10-23"),
            release("a", "2022-01-01"),
            spaced,
            bad_date,
        ]),
        bundle_with(vec![]),
    ];
    for text in &texts {
        let typed = typed::check_typed(text).expect("well-formed files take the typed path");
        let tree = check_tree(text, text).unwrap();
        assert_eq!(typed, tree);
    }
}

#[test]
fn surprises_leave_the_typed_path_for_exact_messages() {
    let mut broken = release("a", "2023-10-23");
    broken
        .as_object_mut()
        .unwrap()
        .insert("title".into(), json!(42));
    for text in [
        bundle_with(vec![broken]),
        r#"{"version": 2, "site": {"name": "N"}, "releases": []}"#.to_owned(),
        r#"{"version": 1, "site": {"name": "N"}, "releases": [1]}"#.to_owned(),
    ] {
        assert_eq!(typed::check_typed(&text), None, "{text}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_named() {
    let mut bytes = bundle_with(vec![release("a", "2023-10-23")]).into_bytes();
    bytes[20] = 0xff;
    assert_eq!(
        check_bundle_bytes(&bytes).unwrap_err().to_string(),
        "the bundle is not UTF-8 text (the first invalid byte is at offset 20)"
    );
}

#[test]
fn the_light_index_flag_says_a_body_exists_elsewhere() {
    let mut light = release("a", "2023-10-23");
    light
        .as_object_mut()
        .unwrap()
        .insert("has_body".into(), json!(true));
    let checked = check_bundle(&bundle_with(vec![light, release("b", "2023-10-23")])).unwrap();
    let flags: Vec<bool> = checked.bundle.releases.iter().map(|r| r.has_body).collect();
    assert_eq!(flags, [true, false]);
    assert_eq!(checked.bundle.releases[0].body, None);
}

#[test]
fn a_duplicate_key_is_refused_on_either_path() {
    // A key the typed path knows, and one it does not.
    for key in ["title", "note"] {
        let mut text = bundle_with(vec![release("a", "2023-10-23")]);
        text = text.replacen(
            "\"slug\":",
            &format!("\"{key}\":\"x\",\"{key}\":\"y\",\"slug\":"),
            1,
        );
        let err = check_bundle(&text).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!(
                "the bundle is not strict JSON: releases[0]: the key \"{key}\" appears twice (line 1, column"
            )),
            "{err}"
        );
    }
}

#[test]
fn deep_nesting_is_reported_in_those_words() {
    let text = bundle_with(vec![release("a", "2023-10-23")]).replacen(
        "\"topics\":[",
        &format!("\"topics\":[{}{}", "[".repeat(500), "]".repeat(500)),
        1,
    );
    let err = check_bundle(&text).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("nested deeper than 32 levels"),
        "{message}"
    );
    assert!(message.contains("releases[0].topics[0][0]"), "{message}");
    assert!(!message.contains("recursion limit"), "{message}");
}

#[test]
fn unknown_keys_are_ignored_once() {
    let text = bundle_with(vec![release("a", "2023-10-23")]).replacen(
        "\"slug\":",
        "\"note\":1,\"slug\":",
        1,
    );
    let checked = check_bundle(&text).unwrap();
    assert!(checked.is_clean(), "{:?}", checked.problems);
}

#[test]
fn a_check_in_steps_gives_what_a_check_at_once_gives() {
    let synthetic = crate::synth::synthetic_bundle(57, 4, true).to_json_pretty();
    // Problems the typed path reports (a duplicate slug, a bad date) and,
    // in a later slice, a release it cannot read (the tree path then reads
    // the whole file again).
    let mut releases: Vec<Value> = (0..9)
        .map(|i| release(&format!("r{i}"), "2023-10-23"))
        .collect();
    releases.push(release("r1", "2023-10-24"));
    releases.push(release("bad-date", "2023-02-30"));
    let readable = bundle_with(releases.clone());
    let mut unreadable = release("late", "2023-10-23");
    unreadable
        .as_object_mut()
        .unwrap()
        .insert("title".into(), json!(42));
    releases.push(unreadable);
    let unreadable_late = bundle_with(releases);
    for text in [&synthetic, &readable, &unreadable_late] {
        let at_once = check_bundle(text);
        assert!(at_once.is_ok());
        for step in [1, 4, 11, 56, 57, 1_000] {
            let mut check = BundleCheck::new(text).unwrap();
            while !check.check(step) {}
            assert_eq!(check.finish(), at_once, "{step} a step");
        }
    }
    let at_once = check_bundle(&unreadable_late).unwrap();
    assert_eq!(at_once.left_out(), 3, "{:?}", messages(&at_once));
    assert!(
        (messages(&at_once).iter()).any(|m| m.contains("releases[11].title")),
        "{:?}",
        messages(&at_once)
    );
}
