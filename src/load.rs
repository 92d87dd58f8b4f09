//! Fetching what the app starts from, with a time limit, and turning every
//! way it can fail into a message that says what failed: the manifest of
//! the derived data, and the light index (the releases without their
//! bodies) or, for a large archive, the segments' start columns. Bodies,
//! the full-text index and segments come later, as a reader needs them.

use std::fmt;
use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::BasePath;
use super::archive::Archive;
use super::base_path::page_meta;
use super::segments::Segments;
use newsroom_engine::bundle::{BundleCheck, BundleError, Checked, Problem, Site};
use newsroom_engine::derived::manifest::{
    DataLayout, FORMAT_VERSION, INDEX_FILE, MANIFEST_FILE, Manifest,
};
use newsroom_engine::search::{CatalogBuilder, SegmentedCatalog};
use newsroom_engine::segments::layout::START_FILE;

/// How long the bundle may take before the reader is told.
const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Everything the views need once the bundle is in.
pub struct Newsroom {
    pub site: Site,
    pub archive: Archive,
    /// Problems that left releases out; shown, never dropped silently.
    pub problems: Vec<Problem>,
    pub left_out: usize,
    pub manifest: Manifest,
}

/// What loading gives: the newsroom, or why there is none.
pub type Loaded = Result<Arc<Newsroom>, LoadError>;

/// The one load of the light index and manifest, started with the app;
/// "Try again" fetches them again. Pages render inside a `Suspense` that
/// awaits it (see `WhenLoaded`), so no view sees a half-loaded state.
#[derive(Clone, Copy)]
pub struct Releases(LocalResource<Loaded>);

impl Releases {
    pub fn start(base: BasePath) -> Releases {
        Releases(LocalResource::new(move || load(base.clone())))
    }

    pub fn try_again(&self) {
        self.0.refetch();
    }

    /// The result once loading has ended (tracked).
    pub fn finished(&self) -> Option<Loaded> {
        self.0.get()
    }

    /// Waits for the result.
    pub async fn wait(self) -> Loaded {
        self.0.await
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all (offline, DNS, connection refused, blocked).
    Network {
        url: String,
    },
    TimedOut {
        url: String,
        seconds: i32,
    },
    /// The server answered, but not with the bundle.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The bundle arrived but cannot be read.
    Bundle {
        url: String,
        error: BundleError,
    },
    /// The manifest cannot be read, or is in a format this app does not read.
    Manifest {
        url: String,
        detail: String,
    },
}

impl LoadError {
    /// Whether trying again could help (the file itself is not at fault).
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::TimedOut { .. } => true,
            LoadError::Status { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            LoadError::Bundle { .. } | LoadError::Manifest { .. } => false,
        }
    }
}

impl LoadError {
    /// Why, without naming the file: for the parts fetched later (a body,
    /// a piece of the full-text index), whose message says what they are.
    pub fn reason(&self) -> String {
        match self {
            LoadError::Network { .. } => "the network request failed".to_owned(),
            LoadError::TimedOut { seconds, .. } => {
                format!("it did not arrive within {seconds} seconds")
            }
            LoadError::Status { status, text, .. } => {
                format!("the server answered {status} {text}")
            }
            other => other.to_string(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url } => write!(
                f,
                "The releases could not be downloaded from {url}: the network request failed. \
                 Check your connection."
            ),
            LoadError::TimedOut { url, seconds } => write!(
                f,
                "The releases at {url} did not finish downloading within {seconds} seconds."
            ),
            LoadError::Status {
                url, status: 404, ..
            } => {
                write!(
                    f,
                    "The releases file was not found: {url} answered 404 Not Found."
                )
            }
            LoadError::Status { url, status, text } => {
                write!(f, "The server answered {status} {text} for {url}.")
            }
            LoadError::Bundle { url, error } => {
                write!(f, "The releases file {url} cannot be read: {error}.")
            }
            LoadError::Manifest { url, detail } => write!(
                f,
                "The search data at {url} cannot be used: {detail}. \
                 The site may be half-way through an update; reload in a minute."
            ),
        }
    }
}

async fn load(base: BasePath) -> Loaded {
    // Not in the task that mounts the app: that one is long enough.
    next_task().await;
    // The build says which files the app starts from (see `DataLayout`).
    let layout = (page_meta("newsroom:layout").as_deref())
        .and_then(DataLayout::from_name)
        .unwrap_or(DataLayout::Whole);
    let first_url = base.data(match layout {
        DataLayout::Whole => INDEX_FILE,
        DataLayout::Segmented => START_FILE,
    });
    let manifest_url = base.data(MANIFEST_FILE);
    let (first, manifest) =
        futures::future::join(fetch_bytes(&first_url), fetch_bytes(&manifest_url)).await;
    let (first, manifest) = (first?, manifest?);
    mark("newsroom:fetched");
    let manifest = read_manifest(&manifest_url, &manifest)?;
    let newsroom = match layout {
        DataLayout::Whole => {
            let checked = check_index(&first_url, first).await?;
            mark("newsroom:checked");
            next_task().await;
            index_newsroom(checked, manifest).await
        }
        DataLayout::Segmented => read_segmented(&first_url, &first, manifest, base)?,
    };
    mark("newsroom:indexed");
    // The first render is a task of its own too.
    next_task().await;
    Ok(Arc::new(newsroom))
}

/// Resolves in a later task, so that the browser can paint and answer
/// input between the steps of start-up (checking the index, building the
/// catalog, the first render), each of which takes tens of milliseconds on
/// a phone: one long task would block the page for all of them.
pub async fn next_task() {
    // `scheduler.yield()` where the browser has it: its continuation comes
    // before other queued tasks, and it is not clamped to 4 ms as timers
    // are after five nested ones (start-up takes more steps than that).
    if let Some(promise) = scheduler_yield() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // If the timer cannot be set, go on at once.
        if window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `scheduler.yield()`'s promise, if the browser has the method.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let scheduler = js_sys::Reflect::get(&global, &"scheduler".into()).ok()?;
    if !scheduler.is_object() {
        return None;
    }
    let method = js_sys::Reflect::get(&scheduler, &"yield".into()).ok()?;
    let method = method.dyn_into::<js_sys::Function>().ok()?;
    method
        .call0(&scheduler)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The small manifest first: no use checking the index if it is unusable.
fn read_manifest(url: &str, manifest: &[u8]) -> Result<Manifest, LoadError> {
    let manifest_error = |detail: String| LoadError::Manifest {
        url: url.to_owned(),
        detail,
    };
    let manifest: Manifest = serde_json::from_slice(manifest)
        .map_err(|e| manifest_error(format!("it cannot be read ({e})")))?;
    if manifest.version != FORMAT_VERSION {
        return Err(manifest_error(format!(
            "its format is {}, this app reads {FORMAT_VERSION}",
            manifest.version
        )));
    }
    Ok(manifest)
}

/// A large archive: the start columns now, the rest as views need it.
/// The build checked every release, so none is left out here.
fn read_segmented(
    url: &str,
    start: &[u8],
    manifest: Manifest,
    base: BasePath,
) -> Result<Newsroom, LoadError> {
    let data_error = |detail: String| LoadError::Manifest {
        url: url.to_owned(),
        detail,
    };
    let catalog = SegmentedCatalog::new(start).map_err(data_error)?;
    if catalog.release_count() != manifest.releases {
        return Err(data_error(format!(
            "it holds {} releases where the manifest says {}",
            catalog.release_count(),
            manifest.releases
        )));
    }
    let site = (manifest.site.clone())
        .ok_or_else(|| data_error("the manifest does not name the site".to_owned()))?;
    Ok(Newsroom {
        site,
        archive: Archive::Segmented(Segments::new(catalog, base)),
        problems: Vec::new(),
        left_out: 0,
        manifest,
    })
}

/// User Timing marks split start-up (fetched, checked, indexed) for the
/// benchmark and the browser's profiler.
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Releases the checker reads, and then the catalog indexes, in one task:
/// each about 10 ms in Chromium here at 1,000 releases (the whole check was
/// one task of 48 ms, the whole catalog one of 55 ms).
const RELEASES_PER_TASK: usize = 250;

/// The light index read and checked, a task at a time (see `BundleCheck`).
async fn check_index(url: &str, index: Vec<u8>) -> Result<Checked, LoadError> {
    // Checking needs about twice the file's size besides it. Asked for in
    // one piece (and freed for the checker to use), the wasm memory grows
    // once rather than step by step, each step of a grown memory taking
    // milliseconds.
    drop(Vec::<u8>::with_capacity(2 * index.len()));
    let unreadable = |error| LoadError::Bundle {
        url: url.to_owned(),
        error,
    };
    let mut check = BundleCheck::of_bytes(&index).map_err(unreadable)?;
    while !check.check(RELEASES_PER_TASK) {
        next_task().await;
    }
    // The catalog is built in the memory the file's bytes held (they are
    // dropped here): wasm memory never shrinks, so this keeps the high-water
    // mark near 3x the file.
    check.finish().map_err(unreadable)
}

/// Builds the catalog a task at a time (see `CatalogBuilder`).
async fn index_newsroom(checked: Checked, manifest: Manifest) -> Newsroom {
    let mut id_of_position = vec![u32::MAX; checked.releases_in_source];
    for (id, &position) in checked.source_positions.iter().enumerate() {
        id_of_position[position as usize] = id as u32;
    }
    let left_out = checked.left_out();
    let Checked {
        bundle, problems, ..
    } = checked;
    let mut catalog = CatalogBuilder::new(bundle.releases);
    while !catalog.read_words(RELEASES_PER_TASK) {
        next_task().await;
    }
    next_task().await;
    Newsroom {
        site: bundle.site,
        archive: Archive::Whole {
            catalog: Box::new(catalog.finish()),
            id_of_position,
        },
        problems,
        left_out,
        manifest,
    }
}

/// Fetches a file of the site as bytes (no UTF-16 round trip through a JS
/// string), giving up after [`FETCH_TIMEOUT_MS`].
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|controller| {
        let controller = controller.clone();
        let abort = Closure::once_into_js(move || controller.abort());
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                FETCH_TIMEOUT_MS,
            )
            .ok()
    });
    let signal = controller.as_ref().map(|c| c.signal());
    let aborted = || signal.as_ref().is_some_and(|s| s.aborted());
    let failure = |aborted: bool| {
        if aborted {
            LoadError::TimedOut {
                url: url.to_owned(),
                seconds: FETCH_TIMEOUT_MS / 1000,
            }
        } else {
            LoadError::Network {
                url: url.to_owned(),
            }
        }
    };

    let request = Request::get(url).abort_signal(signal.as_ref());
    let response = request.send().await.map_err(|_| failure(aborted()))?;
    if !response.ok() {
        clear(timer);
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: response.status(),
            text: response.status_text(),
        });
    }
    let bytes = response.binary().await.map_err(|_| failure(aborted()));
    clear(timer);
    bytes
}

fn clear(timer: Option<i32>) {
    if let Some(id) = timer {
        window().clear_timeout_with_handle(id);
    }
}
