//! Writes the derived data (see [`newsroom_engine::derived`]) under `data/<digest>/`:
//! the digest names the build's content, so hosts can cache these files
//! forever, and a reader who loaded an older index never mixes it with a
//! newer build's shards.
//!
//! Each file is written as soon as it is made, into `data/.unfinished/`,
//! and hashed on the way; the folder takes its digest's name once complete.
//! So a large archive's derived data (670 MB at 100,000 releases with
//! bodies) is never all in memory, and a `data/<digest>/` folder is always
//! whole: an interrupted build leaves only `data/.unfinished/`, which the
//! next one clears.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::remove_if_present;
use crate::progress::Progress;

use newsroom_engine::bundle::Bundle;
use newsroom_engine::derived::bodies::{body_shards, shard_count};
use newsroom_engine::derived::light::write_light_index;
use newsroom_engine::derived::manifest::{
    FORMAT_VERSION, INDEX_FILE, MANIFEST_FILE, Manifest, body_shard_file, term_piece_file,
};
use newsroom_engine::derived::terms::build_term_index;
use newsroom_engine::derived::words::WORDS_FILE;
use newsroom_engine::segments::layout::write_segments;

/// The folder of every build's data folder, in the site.
const DATA_DIR: &str = "data";
/// Where a build writes its data before the folder has its digest's name.
const UNFINISHED: &str = ".unfinished";

/// What [`write_data`] wrote.
pub struct DataFiles {
    pub manifest: Manifest,
    /// `data/<digest>/`, relative to the site.
    pub folder: String,
    pub light_index_bytes: usize,
}

/// Writes the bundle's derived data into `dist/data/<digest>/`, replacing a
/// folder of that name (the same content) if there is one.
pub fn write_data(bundle: &Bundle, dist: &Path, progress: Progress) -> std::io::Result<DataFiles> {
    let data_dir = dist.join(DATA_DIR);
    let mut folder = HashedFolder::create(data_dir.join(UNFINISHED))?;
    let light_index_bytes = folder.file(INDEX_FILE, |out| {
        write_light_index(bundle, out).map_err(std::io::Error::from)
    })?;
    let shards = shard_count(bundle);
    let step = progress.step("body shards", shards as usize);
    for (shard, json) in (0..).zip(body_shards(bundle, shards)) {
        step.advance(1);
        folder.add(&body_shard_file(shard), json.as_bytes())?;
    }
    drop(step);
    let terms = build_term_index(&bundle.releases);
    folder.add(WORDS_FILE, terms.words.to_text().as_bytes())?;
    for (piece, json) in terms.pieces.iter().enumerate() {
        folder.add(&term_piece_file(piece), json.as_bytes())?;
    }
    let segments = write_segments(&bundle.releases, |path, bytes| folder.add(&path, &bytes))?;
    let manifest = Manifest {
        version: FORMAT_VERSION,
        releases: bundle.releases.len(),
        body_shards: shards,
        term_pieces: terms.first_words,
        segments: Some(segments),
        site: Some(bundle.site.clone()),
    };
    let json = serde_json::to_vec(&manifest).expect("a manifest always serialises");
    folder.add(MANIFEST_FILE, &json)?;
    let digest = folder.finish(&data_dir)?;
    Ok(DataFiles {
        manifest,
        folder: format!("{DATA_DIR}/{digest}/"),
        light_index_bytes,
    })
}

/// A folder of files and the digest of their paths and contents, in the
/// order they were added.
struct HashedFolder {
    root: PathBuf,
    hasher: Sha256,
}

impl HashedFolder {
    /// An empty folder at `root`, whatever an interrupted build left there.
    fn create(root: PathBuf) -> std::io::Result<HashedFolder> {
        remove_if_present(&root)?;
        std::fs::create_dir_all(&root)?;
        Ok(HashedFolder {
            root,
            hasher: Sha256::new(),
        })
    }

    fn add(&mut self, path: &str, contents: &[u8]) -> std::io::Result<()> {
        self.file(path, |out| out.write_all(contents)).map(drop)
    }

    /// Writes the file at `path` with what `write` writes; its size.
    fn file(
        &mut self,
        path: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<usize> {
        let file_path = self.root.join(path);
        if let Some(parent) = file_path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        self.hasher.update(path.as_bytes());
        self.hasher.update([0]);
        let mut out = Hashing {
            file: BufWriter::new(File::create(file_path)?),
            hasher: &mut self.hasher,
            bytes: 0,
        };
        write(&mut out)?;
        out.file.flush()?;
        let bytes = out.bytes;
        self.hasher.update([0]);
        Ok(bytes)
    }

    /// Renames the folder to its digest under `parent`; the digest.
    fn finish(self, parent: &Path) -> std::io::Result<String> {
        let digest: String = self.hasher.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let named = parent.join(&digest);
        // A folder of this name holds the same content (a build run again).
        remove_if_present(&named)?;
        std::fs::rename(&self.root, &named)?;
        Ok(digest)
    }
}

/// A file writer that hashes what it writes and counts it.
struct Hashing<'a> {
    file: BufWriter<File>,
    hasher: &'a mut Sha256,
    bytes: usize,
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.file.write(buf)?;
        self.hasher.update(&buf[..written]);
        self.bytes += written;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}
