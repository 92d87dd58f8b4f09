//! Files the build derives from a checked bundle so that a reader's browser
//! loads only what it needs: the light index (every release without its
//! body), body shards fetched when a release is opened, and the full-text
//! index of bodies in pieces fetched per query word (the way Pagefind serves
//! search on static sites). Writers run at build time, readers in the app;
//! neither touches the browser or the disk. The formats are in the README.
//!
//! - [`manifest`]: where things are, and which shard holds a slug;
//! - [`light`]: the light index, read by the bundle checker like a bundle;
//! - [`bodies`]: body shards; [`terms`]: the term index and its pieces;
//! - [`words`]: the full texts' words with counts, for "did you mean".

pub mod bodies;
pub mod light;
pub mod manifest;
pub mod terms;
pub mod words;
