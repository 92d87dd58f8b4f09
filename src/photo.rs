//! A release's lead photo as the build published it (see
//! `newsroom_engine::photo`): WebP with a JPEG fallback in a few widths,
//! with its size so the page does not shift while it loads. Releases
//! without a photo show none and keep their layout.

use leptos::prelude::*;

use super::BasePath;
use newsroom_engine::bundle::Image;
use newsroom_engine::photo::Published;

/// How wide the photo is shown, for the browser's choice of width.
const FULL_SIZES: &str = "(min-width: 48rem) 46rem, 100vw";
const THUMBNAIL_SIZES: &str = "8rem";

/// The photo in full with its alt text and credit, on the release page.
#[component]
pub fn LeadPhoto(image: Image) -> impl IntoView {
    let base = expect_context::<BasePath>();
    Published::of(&image).map(|photo| {
        let credit = photo
            .credit
            .map(|credit| view! { <figcaption class="release__photo-credit">{format!("Photo: {credit}")}</figcaption> });
        view! {
            <figure class="release__photo">
                {picture(&base, &photo, FULL_SIZES, "eager")}
                {credit}
            </figure>
        }
    })
}

/// A small lazy-loaded version in the timeline.
#[component]
pub fn PhotoThumbnail(image: Image) -> impl IntoView {
    let base = expect_context::<BasePath>();
    Published::of(&image)
        .map(|photo| view! { <div class="entry__photo">{picture(&base, &photo, THUMBNAIL_SIZES, "lazy")}</div> })
}

fn picture(
    base: &BasePath,
    photo: &Published<'_>,
    sizes: &'static str,
    loading: &'static str,
) -> impl IntoView + use<> {
    let prefix = base.asset("");
    view! {
        <picture>
            <source type="image/webp" srcset=photo.srcset(&prefix, "webp") sizes=sizes />
            <img
                src=base.asset(&photo.file(photo.largest(), "jpg"))
                srcset=photo.srcset(&prefix, "jpg")
                sizes=sizes
                width=photo.width.to_string()
                height=photo.height.to_string()
                alt=photo.alt.to_owned()
                loading=loading
                decoding="async"
            />
        </picture>
    }
}
