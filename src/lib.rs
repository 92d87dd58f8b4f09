//! The newsroom: press releases from one JSON bundle, as a static site.
//!
//! Logic first (no browser types, tested natively), views last:
//! - [`bundle`]: the bundle model and its checker, shared by app and CLI;
//! - [`date`], [`slug`], [`fold`]: the small value types and text folding;
//! - [`import`]: listing text to bundle;
//! - `app` (wasm32 only): the Leptos views.

pub mod bundle;
pub mod date;
pub mod fold;
pub mod import;
pub mod slug;

#[cfg(target_arch = "wasm32")]
pub mod app;
