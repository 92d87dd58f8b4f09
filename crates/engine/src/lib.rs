//! The newsroom's engine: everything about press releases that needs no
//! browser and no disk, shared by the web app (compiled to wasm) and the
//! command-line tools (native), and tested natively.
//!
//! - [`bundle`]: the bundle model and the one checker;
//! - [`date`], [`slug`], [`web_url`], [`fold`]: value types checked once at the
//!   border, and the case and accent folding behind slugs and search;
//! - [`markdown`]: release bodies (CommonMark) as a safe tree of blocks;
//! - [`photo`]: the published sizes of lead photos;
//! - [`filters`]: what a reader asked for (search, facets, dates, sort, page),
//!   its edits, its URL form and its chips;
//! - [`search`]: the engine that answers it;
//! - [`listing`]: how a result is listed (pages, facet previews);
//! - [`export`]: a view as CSV or as a bundle, for download;
//! - [`feeds`]: the feeds per topic, place and content type;
//! - [`derived`]: the formats of the files the build derives for the app
//!   (light index, manifest, body shards, term index);
//! - [`address`]: where the site is published, for every URL it makes;
//! - [`suggest`]: "did you mean" for unknown release addresses;
//! - [`wording`]: how counts are phrased;
//! - [`sorting`]: sorts sharing one copy of the standard library's sort;
//! - [`synth`]: deterministic synthetic bundles for tests and benchmarks.

pub mod address;
pub mod bundle;
pub mod date;
pub mod derived;
pub mod export;
pub mod feeds;
pub mod filters;
pub mod fold;
pub mod listing;
pub mod markdown;
pub mod photo;
pub mod search;
pub mod segments;
pub mod slug;
pub mod sorting;
pub mod suggest;
pub mod synth;
pub mod web_url;
pub mod wording;

/// Id of the pre-rendered page (the home page, entry pages and `404.html`,
/// written at build time); the app removes that block when it takes over.
pub const STATIC_PAGE_ID: &str = "static-page";

/// Attribute of an entry page's head links to its topics' feeds: they
/// belong to that release, so the app removes them with the pre-rendered
/// release.
pub const TOPIC_FEED_ATTRIBUTE: &str = "data-topic-feed";
