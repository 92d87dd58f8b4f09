//! The release bundle: the one JSON file the newsroom is published from.
//!
//! `model` holds the types, `check` turns untrusted JSON into them while
//! collecting every problem with its place. The app and the command-line
//! tools both go through `check`, so there is one set of rules.

mod check;
mod model;

pub use check::{
    BundleCheck, BundleError, Checked, Problem, check_bundle, check_bundle_bytes,
    check_well_formed_bundle, is_carriable, limits,
};
pub use model::{BUNDLE_VERSION, Bundle, Image, Release, Site};
