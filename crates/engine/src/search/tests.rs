//! Catalog tests on small hand-built releases, on the shipped seed bundle,
//! and on odd input.

mod catalog;
mod facets;
pub(crate) mod fixtures;
mod full_text;
mod histogram;
mod matching;
mod ordering;
mod robustness;
mod seed;
mod segmented;
mod typos;
