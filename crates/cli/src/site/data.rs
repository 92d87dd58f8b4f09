//! Writes the derived data (see [`newsroom_engine::derived`]) under `data/<digest>/`:
//! the digest names the build's content, so hosts can cache these files
//! forever, and a reader who loaded an older index never mixes it with a
//! newer build's shards.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::progress::Progress;

use newsroom_engine::bundle::Bundle;
use newsroom_engine::derived::bodies::{body_shards, shard_count};
use newsroom_engine::derived::light::light_index_json;
use newsroom_engine::derived::manifest::{
    FORMAT_VERSION, INDEX_FILE, MANIFEST_FILE, Manifest, body_shard_file, term_piece_file,
};
use newsroom_engine::derived::terms::build_term_index;
use newsroom_engine::derived::words::WORDS_FILE;
use newsroom_engine::segments::layout::{segment_files, segments_entry};

pub struct DataFiles {
    /// Paths relative to the data folder, and contents.
    files: Vec<(String, Vec<u8>)>,
    pub manifest: Manifest,
    /// `data/<digest>/`, relative to the site.
    pub folder: String,
}

pub fn data_files(bundle: &Bundle) -> DataFiles {
    let shards = shard_count(bundle);
    let terms = build_term_index(&bundle.releases);
    let segments = segment_files(&bundle.releases);
    let manifest = Manifest {
        version: FORMAT_VERSION,
        releases: bundle.releases.len(),
        body_shards: shards,
        term_pieces: terms.first_words,
        segments: Some(segments_entry(&segments)),
        site: Some(bundle.site.clone()),
    };
    let mut files = vec![
        (INDEX_FILE.to_owned(), light_index_json(bundle).into_bytes()),
        (
            MANIFEST_FILE.to_owned(),
            serde_json::to_vec(&manifest).expect("a manifest always serialises"),
        ),
        (WORDS_FILE.to_owned(), terms.words.to_text().into_bytes()),
    ];
    files.extend(
        body_shards(bundle, shards)
            .into_iter()
            .enumerate()
            .map(|(shard, json)| (body_shard_file(shard as u32), json.into_bytes())),
    );
    files.extend(
        terms
            .pieces
            .into_iter()
            .enumerate()
            .map(|(piece, json)| (term_piece_file(piece), json.into_bytes())),
    );
    files.extend(segments);
    let mut hasher = Sha256::new();
    for (path, contents) in &files {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(contents);
        hasher.update([0]);
    }
    let digest: String = hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    DataFiles {
        files,
        manifest,
        folder: format!("data/{digest}/"),
    }
}

impl DataFiles {
    pub fn write(&self, dist: &Path, progress: Progress) -> std::io::Result<()> {
        let folder = dist.join(&self.folder);
        let step = progress.step("data files", self.files.len());
        for (path, contents) in &self.files {
            step.advance(1);
            let path = folder.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, contents)?;
        }
        Ok(())
    }

    pub fn bytes_of(&self, path: &str) -> Option<usize> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, contents)| contents.len())
    }
}
