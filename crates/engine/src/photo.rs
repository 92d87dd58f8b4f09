//! Lead photos as published: the build writes each photo in a few widths,
//! as WebP with a JPEG fallback, plus a 1200x630 crop for link previews,
//! into one folder named by the photo's content; the app and the entry
//! pages name the same files through these functions.

use crate::bundle::Image;

/// The widths the build writes, up to the photo's own width.
pub const WIDTHS: [u32; 3] = [320, 640, 1200];
/// The smallest photo accepted: sharp enough for the release page.
pub const MIN_WIDTH: u32 = 640;
pub const MIN_HEIGHT: u32 = 320;
/// The link-preview crop (Open Graph's large image).
pub const PREVIEW_WIDTH: u32 = 1200;
pub const PREVIEW_HEIGHT: u32 = 630;

/// The widths written for a photo `width` pixels wide.
pub fn widths(width: u32) -> impl Iterator<Item = u32> {
    WIDTHS.into_iter().filter(move |&w| w <= width)
}

/// A published photo: its folder, size and text.
#[derive(Clone, Copy, Debug)]
pub struct Published<'a> {
    pub folder: &'a str,
    pub width: u32,
    pub height: u32,
    pub alt: &'a str,
    pub credit: Option<&'a str>,
}

impl<'a> Published<'a> {
    /// The published form of a light-index image; `None` without a size
    /// (a bundle the build has not processed).
    pub fn of(image: &'a Image) -> Option<Published<'a>> {
        Some(Published {
            folder: image.file.trim_end_matches('/'),
            width: image.width?,
            height: image.height?,
            alt: &image.alt,
            credit: image.credit.as_deref(),
        })
    }

    /// The file of one width and format (`webp` or `jpg`), relative to the site.
    pub fn file(&self, width: u32, format: &str) -> String {
        format!("{}/{width}.{format}", self.folder)
    }

    /// `srcset` for one format, with `prefix` (the site's base path) before each file.
    pub fn srcset(&self, prefix: &str, format: &str) -> String {
        widths(self.width)
            .map(|w| format!("{prefix}{} {w}w", self.file(w, format)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The largest width written.
    pub fn largest(&self) -> u32 {
        widths(self.width).last().unwrap_or(self.width)
    }

    /// The link-preview crop.
    pub fn preview_file(&self) -> String {
        format!("{}/preview.jpg", self.folder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_stop_at_the_photo() {
        assert_eq!(widths(800).collect::<Vec<_>>(), [320, 640]);
        assert_eq!(widths(4000).collect::<Vec<_>>(), [320, 640, 1200]);
        let image = Image {
            file: "images/abc".into(),
            alt: "A workshop".into(),
            credit: None,
            width: Some(1000),
            height: Some(500),
        };
        let published = Published::of(&image).unwrap();
        assert_eq!(
            published.srcset("/n/", "webp"),
            "/n/images/abc/320.webp 320w, /n/images/abc/640.webp 640w"
        );
        assert_eq!(published.largest(), 640);
        assert_eq!(published.preview_file(), "images/abc/preview.jpg");
    }
}
