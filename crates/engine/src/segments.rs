//! Segmented derived data for large archives: the build cuts what the app
//! searches into small files so that opening the site, and each search,
//! facet click or deep link, fetches only what it needs (the layout is in
//! the README, "Data layout for large archives"). Every release is named by
//! its *rank*: its position in the newest-first listing (date descending,
//! then slug), so date order, ranges and previous/next need no table.
//!
//! - [`bytes`]: the varint encoding all binary segments share;
//! - [`start`]: the columns loaded at start (dates, facet members, the
//!   lists of the other segments);
//! - [`terms`]: title, topic, place and summary words in pieces, with
//!   field bits and, in the phrase pieces, word positions;
//! - [`records`]: release records in shards by rank; [`slugs`]: slug to
//!   rank, in buckets; [`layout`]: file names and the writer of them all.

pub mod bytes;
pub mod layout;
pub mod records;
pub mod slugs;
pub mod start;
pub mod terms;
