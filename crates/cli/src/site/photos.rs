//! Lead photos at build time: each is read, checked and written in the
//! widths of [`newsroom_engine::photo`] as WebP (lossless: the `image`
//! crate has no lossy WebP encoder) and JPEG, plus the 1200x630 link-preview
//! crop, into `images/<hash>/` (named by the photo's bytes, so a host may
//! cache it for ever). The bundle's image then names that folder and the
//! photo's size, for the light index and the entry pages.

use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageReader};
use sha2::{Digest, Sha256};

use newsroom_engine::bundle::{Bundle, Image};
use newsroom_engine::photo::{MIN_HEIGHT, MIN_WIDTH, PREVIEW_HEIGHT, PREVIEW_WIDTH, Published};

const JPEG_QUALITY: u8 = 82;

/// Publishes every release's photo found relative to `source_dir` into
/// `dist`, and points the bundle's images at what was written. Returns how
/// many photos there were, or every problem, each naming the photo file.
pub fn publish_photos(
    bundle: &mut Bundle,
    source_dir: &Path,
    dist: &Path,
) -> Result<usize, Vec<String>> {
    let mut problems = Vec::new();
    let mut count = 0;
    for release in &mut bundle.releases {
        let Some(image) = &mut release.image else {
            continue;
        };
        count += 1;
        let path = source_dir.join(&image.file);
        if let Err(message) = publish(image, &path, dist) {
            problems.push(format!(
                "{}: {message} (the photo of {})",
                path.display(),
                release.slug.as_str()
            ));
        }
    }
    if problems.is_empty() {
        Ok(count)
    } else {
        Err(problems)
    }
}

fn publish(image: &mut Image, path: &Path, dist: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let photo = read_photo(&bytes)?;
    let hash: String = Sha256::digest(&bytes)[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    image.file = format!("images/{hash}");
    image.width = Some(photo.width());
    image.height = Some(photo.height());
    let published = Published::of(image).expect("the size was just set");
    let folder = dist.join(&image.file);
    if folder.join("preview.jpg").is_file() {
        return Ok(()); // written by an earlier run: the name is the content
    }
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let photo = DynamicImage::ImageRgb8(photo.to_rgb8());
    for width in newsroom_engine::photo::widths(photo.width()) {
        let height =
            (u64::from(photo.height()) * u64::from(width) / u64::from(photo.width())).max(1);
        let sized = photo.resize_exact(width, height as u32, FilterType::Lanczos3);
        write_with(&dist.join(published.file(width, "webp")), |out| {
            sized.write_with_encoder(WebPEncoder::new_lossless(out))
        })?;
        write_with(&dist.join(published.file(width, "jpg")), |out| {
            sized.write_with_encoder(JpegEncoder::new_with_quality(out, JPEG_QUALITY))
        })?;
    }
    let preview = photo.resize_to_fill(PREVIEW_WIDTH, PREVIEW_HEIGHT, FilterType::Lanczos3);
    write_with(&dist.join(published.preview_file()), |out| {
        preview.write_with_encoder(JpegEncoder::new_with_quality(out, JPEG_QUALITY))
    })
}

/// Decodes a photo and checks it is large enough.
pub fn read_photo(bytes: &[u8]) -> Result<DynamicImage, String> {
    let photo = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .decode()
        .map_err(|e| format!("is not a photo the build can read (JPEG, PNG or WebP): {e}"))?;
    if photo.width() < MIN_WIDTH || photo.height() < MIN_HEIGHT {
        return Err(format!(
            "is {}x{} pixels; a lead photo needs at least {MIN_WIDTH}x{MIN_HEIGHT}",
            photo.width(),
            photo.height()
        ));
    }
    Ok(photo)
}

fn write_with(
    path: &Path,
    encode: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> image::ImageResult<()>,
) -> Result<(), String> {
    let file =
        std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    encode(&mut out).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests;
