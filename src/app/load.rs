//! Fetching the bundle once at start, with a time limit, and turning every
//! way it can fail into a message that says what failed.

use std::fmt;
use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::BasePath;
use crate::bundle::{BundleError, Problem, Site, check_bundle};
use crate::search::Catalog;

/// How long the bundle may take before the reader is told.
const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Everything the views need once the bundle is in.
pub struct Newsroom {
    pub site: Site,
    pub catalog: Catalog,
    /// Problems that left releases out; shown, never dropped silently.
    pub problems: Vec<Problem>,
    pub left_out: usize,
}

#[derive(Clone)]
pub enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Newsroom>),
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
}

impl LoadError {
    /// Whether trying again could help (the file itself is not at fault).
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } | LoadError::TimedOut { .. } => true,
            LoadError::Status { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            LoadError::Bundle { .. } => false,
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
        }
    }
}

/// Starts the one fetch of the bundle and returns the state it will fill.
pub fn start_loading(base: &BasePath) -> RwSignal<LoadState> {
    let state = RwSignal::new(LoadState::Loading);
    reload(state, base.asset("releases.json"));
    state
}

/// (Re)fetches into `state`; used at start and by "Try again".
pub fn reload(state: RwSignal<LoadState>, url: String) {
    state.set(LoadState::Loading);
    leptos::task::spawn_local(async move {
        let next = match fetch_text(&url)
            .await
            .and_then(|text| read_bundle(&url, &text))
        {
            Ok(newsroom) => {
                // Lets the benchmark split start-up into fetch, index and render.
                if let Some(performance) = window().performance() {
                    let _ = performance.mark("newsroom:indexed");
                }
                LoadState::Ready(Arc::new(newsroom))
            }
            Err(error) => LoadState::Failed(error),
        };
        state.set(next);
    });
}

fn read_bundle(url: &str, text: &str) -> Result<Newsroom, LoadError> {
    let checked = check_bundle(text).map_err(|error| LoadError::Bundle {
        url: url.to_owned(),
        error,
    })?;
    let left_out = checked.left_out();
    Ok(Newsroom {
        site: checked.bundle.site,
        catalog: Catalog::new(checked.bundle.releases),
        problems: checked.problems,
        left_out,
    })
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
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
    let text = response.text().await.map_err(|_| failure(aborted()));
    clear(timer);
    text
}

fn clear(timer: Option<i32>) {
    if let Some(id) = timer {
        window().clear_timeout_with_handle(id);
    }
}
