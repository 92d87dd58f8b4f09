//! "Download these 3 releases: CSV · JSON": every release of the view,
//! formatted by the engine and saved from a Blob's object URL, so it works
//! on a static host and under the strict Content-Security-Policy (a
//! download is not a fetch or a script, so no `blob:` source is needed).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::browse::Browse;
use super::{BasePath, use_newsroom};
use newsroom_engine::export::{BODIES_LEFT_OUT, bundle_json, csv, file_name};
use newsroom_engine::wording::{count_releases, thousands};

/// How long an object URL outlives its download's start.
const URL_LIFETIME: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }
}

/// The most releases a large archive's view exports: each ten need one
/// more records shard. The whole archive is `releases.json`, linked then.
const SEGMENTED_EXPORT_LIMIT: usize = 2_000;

#[component]
pub fn ExportView() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let count = move || browse.settled.result.with(|result| result.ids.len());
    let limit = newsroom
        .archive
        .segments()
        .map_or(usize::MAX, |_| SEGMENTED_EXPORT_LIMIT);
    // The download asked for, until its releases are all here (at once,
    // unless a large archive fetches their records first).
    let asked = RwSignal::new(None::<(Format, Vec<u32>)>);
    let preparing = Memo::new(move |_| asked.with(Option::is_some));
    let save = move |format: Format| {
        asked.set(Some((
            format,
            browse.settled.result.with_untracked(|r| r.ids.clone()),
        )));
    };
    {
        let newsroom = newsroom.clone();
        let base = base.clone();
        Effect::new(move |_| {
            let Some((format, ids)) = asked.get() else {
                return;
            };
            let Some(releases) = newsroom.archive.releases(&ids) else {
                return; // asked again when the records arrive
            };
            asked.set(None);
            let (text, mime, extension) = match format {
                Format::Csv => (
                    csv(&releases, |slug| base.canonical_release(slug)),
                    "text/csv;charset=utf-8",
                    "csv",
                ),
                Format::Json => (
                    bundle_json(&newsroom.site, &releases),
                    "application/json",
                    "json",
                ),
            };
            if let Err(error) = download(&text, mime, &file_name(&releases, extension)) {
                leptos::logging::error!("the download could not start: {error:?}");
            }
        });
    }
    let button = move |format: Format| {
        let label = move || {
            format!(
                "Download these {} as {}",
                count_releases(count()),
                format.name()
            )
        };
        view! {
            <button type="button" class="link-button" aria-label=label
                disabled=move || preparing.get() on:click=move |_| save(format)>
                {format.name()}
            </button>
        }
    };
    let whole_archive = base.asset("releases.json");
    // Drawn again only when what is offered changes, not with each count:
    // the texts follow the count while the buttons stay (see `LiveRows`).
    let offer = Memo::new(move |_| match count() {
        0 => Offer::Nothing,
        n if n > limit => Offer::WholeArchive,
        _ => Offer::View,
    });
    move || {
        match offer.get() {
            Offer::Nothing => None,
            Offer::WholeArchive => Some(
                view! {
                    <p class="export">
                        {format!("Narrow the view to {} releases or fewer to download it, or download ", thousands(limit))}
                        <a href=whole_archive.clone() download="releases.json">"the whole archive as JSON"</a>
                        "."
                    </p>
                }
                .into_any(),
            ),
            Offer::View => Some(
                view! {
                    <p class="export">
                        {move || format!("Download these {}: ", count_releases(count()))}
                        {button(Format::Csv)}
                        " · "
                        {button(Format::Json)}
                        <span class="export__note">{BODIES_LEFT_OUT}</span>
                        {move || preparing.get().then(|| view! { <span class="export__note" role="status">"Preparing the download…"</span> })}
                    </p>
                }
                .into_any(),
            ),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Offer {
    Nothing,
    /// More releases than a large archive's view exports.
    WholeArchive,
    View,
}

/// Saves `text` as a file named `name` through a temporary link.
fn download(text: &str, mime: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    document().body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        URL_LIFETIME,
    );
    Ok(())
}
