//! The segmented catalog finds exactly what the catalog finds: on the seed
//! bundle and on generated archives of several sizes, for many searches
//! (words, one- and two-letter prefixes, phrases, facet combinations, date
//! ranges, sorts), the same releases in the same order, the same facet
//! counts, terms and highlights, and the same related releases and
//! neighbours, fetching each segment it asks for from the writer's files.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::bundle::{Bundle, Release, check_bundle};
use crate::date::Date;
use crate::derived::light::light_index_json;
use crate::derived::terms::{Positions, build_term_index, pieces_for, read_piece};
use crate::filters::{Filters, Sort, TypeChoice};
use crate::listing::FIRST_SHOWN;
use crate::search::{
    Answer, Catalog, FullTextHits, QueryTerms, SearchResult, SegmentedCatalog, highlight_ranges,
};
use crate::segments::layout::{START_FILE, Segment, first_shown_records, segment_files};
use crate::synth::synthetic_bundle;

/// Both catalogs over one archive, and the files the segmented one reads.
struct Pair {
    catalog: Catalog,
    segmented: SegmentedCatalog,
    files: HashMap<String, Vec<u8>>,
    /// Each catalog id's rank.
    rank_of: Vec<u32>,
    /// The full-text index's pieces and first words, keyed by light-index
    /// position as in the app.
    term_pieces: Vec<String>,
    first_words: Vec<String>,
}

impl Pair {
    fn new(bundle: &Bundle) -> Pair {
        // The app's catalog reads the light index: no bodies.
        let light = check_bundle(&light_index_json(bundle)).unwrap().bundle;
        let files: HashMap<String, Vec<u8>> = segment_files(&bundle.releases).into_iter().collect();
        let segmented = SegmentedCatalog::new(&files[START_FILE]).unwrap();
        let releases = &light.releases;
        let mut by_rank: Vec<usize> = (0..releases.len()).collect();
        by_rank.sort_by_key(|&i| (Reverse(releases[i].published), releases[i].slug.clone()));
        let mut rank_of = vec![0; releases.len()];
        for (rank, &id) in by_rank.iter().enumerate() {
            rank_of[id] = rank as u32;
        }
        let terms = build_term_index(&bundle.releases);
        Pair {
            catalog: Catalog::new(light.releases),
            segmented,
            files,
            rank_of,
            term_pieces: terms.pieces,
            first_words: terms.first_words,
        }
    }

    /// What the app's full-text lookups would answer for `filters`.
    fn full_text(&self, filters: &Filters) -> FullTextHits {
        let mut hits = FullTextHits::default();
        let universe = self.catalog.releases().len();
        for key in QueryTerms::parse(&filters.query).full_text_keys() {
            let mut found = Positions::new(universe);
            for piece in pieces_for(&self.first_words, &key) {
                let piece = read_piece(self.term_pieces[piece].as_bytes()).unwrap();
                piece.collect(&key, &mut found).unwrap();
            }
            hits.insert(key, found.to_vec());
        }
        hits
    }

    /// Asks until the segmented catalog has all it needs, fetching each
    /// segment once; how many it fetched.
    fn answer<T>(&mut self, ask: impl Fn(&SegmentedCatalog) -> Answer<T>) -> (T, usize) {
        let mut fetched = 0;
        loop {
            match ask(&self.segmented) {
                Answer::Ready(answer) => return (answer, fetched),
                Answer::Needs(segments) => {
                    assert!(!segments.is_empty());
                    for segment in segments {
                        assert!(!self.segmented.has(segment), "{segment:?} asked twice");
                        let bytes = &self.files[&segment.path()];
                        self.segmented.add(segment, bytes).unwrap();
                        fetched += 1;
                    }
                }
            }
        }
    }

    fn assert_same_search(&mut self, filters: &Filters) {
        let hits = self.full_text(filters);
        let expected = self.catalog.search_with(filters, &hits);
        let (found, _) = self.answer(|segmented| segmented.search_with(filters, &hits));
        let ranked =
            |ids: &[u32]| -> Vec<u32> { ids.iter().map(|&id| self.rank_of[id as usize]).collect() };
        let mut body_only = ranked(&expected.body_only);
        body_only.sort_unstable();
        let expected_ranked = SearchResult {
            ids: ranked(&expected.ids),
            body_only,
            ..expected.clone()
        };
        assert_eq!(found, expected_ranked, "{filters:?}");
        // The first page's records and highlights, by rank.
        let page: Vec<u32> = found.ids.iter().take(20).copied().collect();
        let (records, _) = self.answer(|segmented| {
            let records = segmented.releases(&page);
            records.map_ready(|records| records.into_iter().cloned().collect::<Vec<Release>>())
        });
        for (record, &id) in records.iter().zip(&expected.ids) {
            let release = &self.catalog.releases()[id as usize];
            assert_eq!(record, release, "{filters:?}");
            for (mine, theirs) in [
                (&record.title, &release.title),
                (&record.summary, &release.summary),
            ] {
                assert_eq!(
                    highlight_ranges(mine, &found.terms),
                    highlight_ranges(theirs, &expected.terms)
                );
            }
        }
        assert_eq!(records.len(), page.len());
        assert_eq!(
            self.segmented.histogram(&found.ids),
            self.catalog.histogram(&expected.ids),
            "{filters:?}"
        );
    }

    fn assert_same_release(&mut self, id: usize) {
        let rank = self.rank_of[id];
        let slug = self.catalog.releases()[id].slug.as_str().to_owned();
        let (found, _) = self.answer(|segmented| segmented.by_slug(&slug));
        assert_eq!(found, Some(rank), "{slug}");
        let ranked = |id: Option<u32>| id.map(|id| self.rank_of[id as usize]);
        let (older, newer) = self.catalog.neighbours(id);
        assert_eq!(
            self.segmented.neighbours(rank),
            (ranked(older), ranked(newer))
        );
        let related: Vec<u32> = (self.catalog.related(id, 5).into_iter())
            .map(|id| self.rank_of[id as usize])
            .collect();
        assert_eq!(self.segmented.related(rank, 5), related, "{slug}");
        let beyond = self.segmented.release_count() as u32;
        assert!(self.segmented.related(beyond, 5).is_empty());
    }
}

/// A small deterministic generator, so failures reproduce.
pub(super) struct Dice(pub(super) u64);

impl Dice {
    pub(super) fn below(&mut self, limit: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % limit.max(1)
    }
}

/// Searches drawn from the archive's own words and values.
pub(super) fn searches(releases: &[Release], dice: &mut Dice, count: usize) -> Vec<Filters> {
    let words_of = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut all = Vec::new();
    for _ in 0..count {
        let release = &releases[dice.below(releases.len())];
        let title = words_of(&release.title);
        let summary = words_of(&release.summary);
        let word = |dice: &mut Dice, words: &[String]| words[dice.below(words.len())].clone();
        let query = match dice.below(9) {
            0 => String::new(),
            1 => word(dice, &title),
            2 => word(dice, &title).chars().take(1 + dice.below(2)).collect(),
            3 => word(dice, &summary)
                .chars()
                .take(3 + dice.below(3))
                .collect(),
            4 => format!("{} {}", word(dice, &title), word(dice, &summary)),
            5 if title.len() > 1 => {
                let at = dice.below(title.len() - 1);
                let last: String = title[at + 1].chars().take(1 + dice.below(6)).collect();
                format!("\"{} {last}\"", title[at])
            }
            6 if summary.len() > 2 => {
                let at = dice.below(summary.len() - 2);
                format!(
                    "\"{}\" {}",
                    summary[at..at + 3].join(" "),
                    word(dice, &title)
                )
            }
            7 => release.topics.first().cloned().unwrap_or_default(),
            _ => "zzqxj".to_owned(),
        };
        let other = &releases[dice.below(releases.len())];
        let mut filters = Filters {
            query,
            ..Filters::default()
        };
        if dice.below(3) == 0 {
            filters.topics.extend(other.topics.first().cloned());
        }
        if dice.below(4) == 0 {
            filters.places.extend(other.locations.first().cloned());
        }
        if dice.below(4) == 0 {
            filters
                .types
                .push(TypeChoice::of(other.content_type.as_deref()));
        }
        if dice.below(4) == 0 {
            filters.years.push(other.published.year());
            filters.years.push(release.published.year());
        }
        if dice.below(4) == 0 {
            let day = other.published.day_number();
            filters.from = Date::from_day_number(day - dice.below(400) as i32);
            filters.to = Date::from_day_number(day + dice.below(400) as i32 - 100);
        }
        filters.sort = [
            None,
            Some(Sort::Newest),
            Some(Sort::Oldest),
            Some(Sort::Relevance),
        ][dice.below(4)];
        all.push(filters);
    }
    all
}

fn assert_same_everywhere(bundle: &Bundle, seed: u64, searches_count: usize) {
    let mut pair = Pair::new(bundle);
    let mut dice = Dice(seed);
    for filters in searches(&bundle.releases, &mut dice, searches_count) {
        pair.assert_same_search(&filters);
    }
    for _ in 0..20 {
        let id = dice.below(bundle.releases.len());
        pair.assert_same_release(id);
    }
    let missing = pair
        .answer(|segmented| segmented.by_slug("no-such-release"))
        .0;
    assert_eq!(missing, None);
}

#[test]
fn the_seed_bundle_segmented_finds_the_same() {
    let checked = check_bundle(include_str!("../../../../../public/releases.json")).unwrap();
    assert_same_everywhere(&checked.bundle, 7, 300);
}

#[test]
fn generated_archives_segmented_find_the_same() {
    for (count, seed) in [(1, 1), (40, 2), (300, 3), (2_000, 4)] {
        let bundle = synthetic_bundle(count, seed, true);
        assert_same_everywhere(&bundle, seed, 150);
    }
}

#[test]
fn the_home_pages_first_entries_need_exactly_the_preloaded_records() {
    for count in [1, 9, 10, 11, 12, 13, 500] {
        let pair = Pair::new(&synthetic_bundle(count, 3, false));
        let Answer::Ready(home) = pair
            .segmented
            .search_with(&Filters::default(), &FullTextHits::default())
        else {
            panic!("the home page's search needs no segment");
        };
        let first: Vec<u32> = home.ids.iter().take(FIRST_SHOWN).copied().collect();
        let Answer::Needs(needs) = pair.segmented.releases(&first) else {
            panic!("no records are loaded at start");
        };
        assert_eq!(needs, first_shown_records(count), "{count} releases");
    }
}

#[test]
fn a_second_search_of_the_same_word_fetches_nothing() {
    let mut pair = Pair::new(&synthetic_bundle(500, 9, false));
    let title = pair.catalog.releases()[0].title.clone();
    let filters = Filters {
        query: title,
        ..Filters::default()
    };
    let hits = FullTextHits::default();
    let (_, first) = pair.answer(|segmented| segmented.search_with(&filters, &hits));
    let (_, again) = pair.answer(|segmented| segmented.search_with(&filters, &hits));
    assert!(first > 0);
    assert_eq!(again, 0);
}

#[test]
fn damaged_or_foreign_segments_are_refused_by_name() {
    let pair = Pair::new(&synthetic_bundle(300, 5, false));
    let mut segmented = pair.segmented;
    let piece = Segment::Words(0);
    let bytes = &pair.files[&piece.path()];
    let error = segmented.add(piece, &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(error.contains("segments/words/0.bin"), "{error}");
    let error = segmented.add(Segment::Words(9_999), bytes).unwrap_err();
    assert!(error.contains("not a segment of this archive"), "{error}");
    let error = segmented.add(
        Segment::Phrases(1),
        &pair.files[&Segment::Phrases(0).path()],
    );
    assert!(error.is_err());
    let records = &pair.files[&Segment::Records(1).path()];
    assert!(segmented.add(Segment::Records(0), records).is_err());
    assert!(!segmented.has(Segment::Records(0)));
    assert!(SegmentedCatalog::new(b"").is_err());
}
