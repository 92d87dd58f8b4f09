//! What a reader fetches from the segmented data, step by step, as the app
//! would fetch it: ignored by default, run on a built site with
//!
//! ```sh
//! NEWSROOM_DATA_DIR=dist/data/<digest> cargo test --profile cli -p newsroom-cli \
//!     segments_bench -- --ignored --nocapture
//! ```
//!
//! Each step asks the segmented catalog, fetches what it needs (each file
//! once, from the data folder) and counts the bytes; full-text pieces are
//! fetched as the app fetches them for query words of three letters or more.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsroom_engine::derived::manifest::{MANIFEST_FILE, Manifest, body_shard_file, shard_of};
use newsroom_engine::derived::terms::{Positions, pieces_for, read_piece};
use newsroom_engine::filters::Filters;
use newsroom_engine::fold::fold;
use newsroom_engine::search::{Answer, FullTextHits, QueryTerms, SearchResult, SegmentedCatalog};

/// A page of results, as the app shows.
const PAGE: usize = 20;

/// The data folder, fetched from once per file.
struct Reader {
    folder: PathBuf,
    fetched: HashSet<String>,
    bytes: usize,
    files: usize,
}

impl Reader {
    fn new(folder: &Path) -> Reader {
        Reader {
            folder: folder.to_owned(),
            fetched: HashSet::new(),
            bytes: 0,
            files: 0,
        }
    }

    fn fetch(&mut self, path: &str) -> Vec<u8> {
        let bytes = std::fs::read(self.folder.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        if self.fetched.insert(path.to_owned()) {
            self.bytes += bytes.len();
            self.files += 1;
        }
        bytes
    }
}

struct App {
    reader: Reader,
    manifest: Manifest,
    catalog: SegmentedCatalog,
}

impl App {
    fn open(folder: &Path) -> App {
        let mut reader = Reader::new(folder);
        let manifest: Manifest = serde_json::from_slice(&reader.fetch(MANIFEST_FILE)).unwrap();
        let start = manifest
            .segments
            .clone()
            .expect("a build with segments")
            .start;
        let catalog = SegmentedCatalog::new(&reader.fetch(&start)).unwrap();
        App {
            reader,
            manifest,
            catalog,
        }
    }

    fn answer<T>(&mut self, ask: impl Fn(&SegmentedCatalog) -> Answer<T>) -> T {
        loop {
            match ask(&self.catalog) {
                Answer::Ready(answer) => return answer,
                Answer::Needs(segments) => {
                    for segment in segments {
                        let bytes = self.reader.fetch(&segment.path());
                        self.catalog.add(segment, &bytes).unwrap();
                    }
                }
            }
        }
    }

    /// The full-text index's answers for the query, as the app looks them up.
    fn full_text(&mut self, filters: &Filters) -> FullTextHits {
        let mut hits = FullTextHits::default();
        for key in QueryTerms::parse(&filters.query).full_text_keys() {
            let mut found = Positions::new(self.manifest.releases);
            for piece in pieces_for(&self.manifest.term_pieces, &key) {
                let bytes = self.reader.fetch(&format!("terms/{piece}.json"));
                read_piece(&bytes)
                    .unwrap()
                    .collect(&key, &mut found)
                    .unwrap();
            }
            hits.insert(key, found.to_vec());
        }
        hits
    }

    /// Searches and fetches the first page's records.
    fn show(&mut self, filters: &Filters) -> SearchResult {
        let hits = self.full_text(filters);
        let result = self.answer(|catalog| catalog.search_with(filters, &hits));
        let page: Vec<u32> = result.ids.iter().take(PAGE).copied().collect();
        self.answer(|catalog| catalog.releases(&page).map_ready(|records| records.len()));
        result
    }

    fn row(&self, step: &str, started: Instant, target_mb: f64) {
        let mb = self.reader.bytes as f64 / 1e6;
        println!(
            "| {step} | {:.2} MB in {} files | <= {target_mb} MB {} | {:.1} MB | {} ms |",
            mb,
            self.reader.files,
            if mb <= target_mb { "ok" } else { "OVER" },
            self.catalog.memory_estimate() as f64 / 1e6,
            started.elapsed().as_millis(),
        );
    }
}

#[test]
#[ignore = "needs a built data folder: NEWSROOM_DATA_DIR"]
fn segments_bench() {
    let folder: PathBuf = std::env::var("NEWSROOM_DATA_DIR")
        .expect("NEWSROOM_DATA_DIR names a data folder")
        .into();
    let started = Instant::now();
    let mut app = App::open(&folder);
    let newest = app.show(&Filters::default());
    println!(
        "{} releases; | step | fetched in all | target | engine memory (estimate) | native time |",
        app.catalog.release_count()
    );
    println!("|---|---|---|---|---|");
    app.row(
        "start: first page on screen, search box ready",
        started,
        2.0,
    );

    let first = app.answer(|catalog| {
        catalog
            .releases(&newest.ids[..1])
            .map_ready(|r| r[0].title.clone())
    });
    let word = fold(&first)
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| word.chars().count() >= 5)
        .unwrap_or("report")
        .to_owned();
    let started = Instant::now();
    let mut typed = String::new();
    let mut result = newest;
    for letter in word.chars() {
        typed.push(letter);
        let filters = Filters {
            query: typed.clone(),
            ..Filters::default()
        };
        result = app.show(&filters);
    }
    app.row(
        &format!(
            "typed \"{word}\" letter by letter ({} results)",
            result.ids.len()
        ),
        started,
        3.0,
    );

    let topic = result.facets.topics.values[0].label.clone();
    let started = Instant::now();
    let filters = Filters {
        query: typed.clone(),
        topics: vec![topic.clone()],
        ..Filters::default()
    };
    let clicked = app.show(&filters);
    app.row(
        &format!("clicked topic \"{topic}\" ({} results)", clicked.ids.len()),
        started,
        4.0,
    );

    // A deep link to a release in the middle of the archive, in a new tab.
    let middle = (app.catalog.release_count() / 2) as u32;
    let slug = app.answer(|catalog| {
        catalog
            .releases(&[middle])
            .map_ready(|r| r[0].slug.to_string())
    });
    let started = Instant::now();
    let mut tab = App::open(&folder);
    let rank = tab
        .answer(|catalog| catalog.by_slug(&slug))
        .expect("the slug is there");
    let has_body = tab.answer(|catalog| catalog.releases(&[rank]).map_ready(|r| r[0].has_body));
    if has_body {
        let shard = shard_of(&slug, tab.manifest.body_shards);
        tab.reader.fetch(&body_shard_file(shard));
    }
    let (older, newer) = tab.catalog.neighbours(rank);
    let mut around: Vec<u32> = tab.catalog.related(rank, 3);
    around.extend(older.into_iter().chain(newer));
    tab.answer(|catalog| catalog.releases(&around).map_ready(|r| r.len()));
    tab.row(
        "deep link: the release, its body, related and previous/next",
        started,
        1.0,
    );
}
