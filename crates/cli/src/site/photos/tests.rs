use super::*;
use crate::content::tests::scratch;
use crate::site::{SiteAddress, entry_page};
use newsroom_engine::bundle::check_bundle;

/// A small generated photo: a gradient, so the encoders have real work.
fn photo_file(dir: &Path, name: &str, width: u32, height: u32) {
    let photo = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    photo.save(dir.join(name)).expect("test photo");
}

fn bundle_with_photo(file: &str) -> Bundle {
    let json = format!(
        r#"{{"version":1,"site":{{"name":"Newsroom","tagline":""}},"releases":[{{"slug":"forum","title":"Forum","published":"2023-10-23",
        "locations":[],"topics":[],"summary":"A forum.","image":{{"file":"{file}","alt":"Delegates at the forum","credit":"OSCE/Jane Doe"}}}}]}}"#
    );
    let checked = check_bundle(&json).unwrap();
    assert!(checked.is_clean(), "{:?}", checked.problems);
    checked.bundle
}

#[test]
fn a_photo_is_written_in_widths_as_webp_and_jpeg_with_a_preview_crop() {
    let dir = scratch("photo-publish");
    photo_file(&dir, "forum.png", 900, 600);
    let dist = dir.join("dist");
    let mut bundle = bundle_with_photo("forum.png");
    assert_eq!(publish_photos(&mut bundle, &dir, &dist), Ok(1));
    let image = bundle.releases[0].image.clone().unwrap();
    assert!(
        image.file.starts_with("images/") && image.file.len() == "images/".len() + 12,
        "{}",
        image.file
    );
    assert_eq!((image.width, image.height), (Some(900), Some(600)));
    let folder = dist.join(&image.file);
    for (name, size) in [
        ("320.webp", (320, 213)),
        ("320.jpg", (320, 213)),
        ("640.webp", (640, 426)),
        ("640.jpg", (640, 426)),
        ("preview.jpg", (1200, 630)),
    ] {
        let written =
            image::image_dimensions(folder.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(written, size, "{name}");
    }
    assert!(
        !folder.join("1200.jpg").exists(),
        "no width above the photo's own"
    );

    // The entry page shows it and previews it.
    let address = SiteAddress::new("/", "https://press.example.org");
    let page = entry_page(
        "<html><head></head><body></body></html>",
        &bundle.releases[0],
        &bundle,
        &address,
        &newsroom_engine::feeds::FeedDirectory::of(&bundle.releases),
    );
    let preview = format!("https://press.example.org/{}/preview.jpg", image.file);
    for tag in [
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
        format!("<meta property=\"og:image\" content=\"{preview}\">"),
        "<meta property=\"og:image:alt\" content=\"Delegates at the forum\">".to_owned(),
        "<meta property=\"og:image:width\" content=\"1200\">".to_owned(),
    ] {
        assert!(page.contains(&tag), "{tag} in {page}");
    }
    assert!(
        page.contains("width=\"900\" height=\"600\" alt=\"Delegates at the forum\""),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Photo: OSCE/Jane Doe</figcaption>"),
        "{page}"
    );
}

#[test]
fn photos_that_are_not_photos_or_too_small_are_named() {
    let dir = scratch("photo-bad");
    std::fs::write(dir.join("notes.jpg"), "not a photo").unwrap();
    photo_file(&dir, "tiny.png", 300, 200);
    let dist = dir.join("dist");
    for (file, problem) in [
        (
            "notes.jpg",
            "is not a photo the build can read (JPEG, PNG or WebP)",
        ),
        (
            "tiny.png",
            "is 300x200 pixels; a lead photo needs at least 640x320",
        ),
        ("gone.jpg", "cannot read"),
    ] {
        let mut bundle = bundle_with_photo(file);
        let problems = publish_photos(&mut bundle, &dir, &dist).unwrap_err();
        let expected = format!("{}: {problem}", dir.join(file).display());
        assert!(
            problems.len() == 1
                && problems[0].starts_with(&expected)
                && problems[0].ends_with("(the photo of forum)"),
            "{problems:?}"
        );
    }
}
