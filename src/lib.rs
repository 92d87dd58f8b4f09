//! The newsroom: press releases from one JSON bundle, as a static site.
//!
//! Logic first (no browser types, tested natively), views last:
//! - [`address`]: where the site is published, for every URL it makes;
//! - [`bundle`]: the bundle model and its checker, shared by app and CLI;
//! - [`date`], [`slug`], [`fold`]: the small value types and text folding;
//! - [`import`]: listing text to bundle;
//! - [`filters`]: the filter state and its URL form; [`search`]: the engine;
//! - [`site`] (native only): static files derived at build time (entry pages, feed, loader);
//! - [`synth`]: deterministic synthetic bundles for benchmarks;
//! - [`wording`]: how counts are phrased;
//! - `app` (wasm32 only): the Leptos views.

pub mod address;
pub mod base64;
pub mod bundle;
pub mod date;
pub mod derived;
pub mod filters;
pub mod fold;
pub mod import;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod slug;
pub mod suggest;
pub mod synth;
pub mod wording;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// Id of the pre-rendered release in entry pages (written at build time by
/// [`site`]); the app removes that block when it takes over.
pub const STATIC_PAGE_ID: &str = "static-page";
