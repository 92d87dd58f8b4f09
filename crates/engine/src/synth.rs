//! Synthetic bundles for benchmarks: deterministic (same seed, same bytes),
//! shaped like real newsrooms: titles of 6-20 words, summaries of 40-120,
//! bodies of 300-1,000, 0-6 topics of about 20, 0-2 of about 60 places,
//! several content types, 30 years of dates, and fields missing the way
//! real listings miss them.

use std::collections::HashSet;

use crate::bundle::{BUNDLE_VERSION, Bundle, Release, Site};
use crate::date::Date;
use crate::slug::Slug;
use crate::web_url::WebUrl;

/// The OSCE's "What we do" list, as in the seed listing, plus a few more.
pub const TOPICS: [&str; 20] = [
    "Arms control",
    "Border management",
    "Combating trafficking in human beings",
    "Countering terrorism",
    "Cyber/ICT security",
    "Democratization",
    "Disaster risk reduction",
    "Economic activities",
    "Education",
    "Elections",
    "Environmental activities",
    "Gender equality",
    "Good governance",
    "Human rights",
    "Media freedom and development",
    "Policing",
    "Roma and Sinti",
    "Rule of law",
    "Water management",
    "Youth",
];

const FIELD_OFFICES: [&str; 16] = [
    "OSCE Programme Office in Dushanbe",
    "OSCE Mission to Bosnia and Herzegovina",
    "OSCE Mission to Serbia",
    "OSCE Mission to Skopje",
    "OSCE Mission to Montenegro",
    "OSCE Mission in Kosovo",
    "OSCE Presence in Albania",
    "OSCE Mission to Moldova",
    "OSCE Centre in Ashgabat",
    "OSCE Programme Office in Astana",
    "OSCE Programme Office in Bishkek",
    "OSCE Project Co-ordinator in Uzbekistan",
    "OSCE Secretariat",
    "ODIHR",
    "OSCE Representative on Freedom of the Media",
    "OSCE High Commissioner on National Minorities",
];

const CITIES: [&str; 44] = [
    "Dushanbe",
    "Khujand",
    "Bokhtar",
    "Kulob",
    "Khorugh",
    "Sarajevo",
    "Banja Luka",
    "Mostar",
    "Belgrade",
    "Novi Sad",
    "Skopje",
    "Bitola",
    "Podgorica",
    "Pristina",
    "Tirana",
    "Shkodër",
    "Chisinau",
    "Tiraspol",
    "Ashgabat",
    "Astana",
    "Almaty",
    "Bishkek",
    "Osh",
    "Tashkent",
    "Samarkand",
    "Vienna",
    "Warsaw",
    "The Hague",
    "Geneva",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Kyiv",
    "Minsk",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Helsinki",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Berlin",
    "Rome",
    "Madrid",
];

const CONTENT_TYPES: [&str; 5] = ["News", "Press release", "Statement", "Feature", "Speech"];

const WORDS: &[&str] = &[
    "OSCE",
    "supports",
    "office",
    "training",
    "workshop",
    "roundtable",
    "forum",
    "conference",
    "discussion",
    "experts",
    "representatives",
    "officials",
    "ministry",
    "government",
    "national",
    "regional",
    "international",
    "local",
    "community",
    "civil",
    "society",
    "women",
    "youth",
    "police",
    "border",
    "security",
    "co-operation",
    "strategy",
    "reform",
    "implementation",
    "development",
    "capacity",
    "building",
    "strengthening",
    "promoting",
    "rights",
    "human",
    "law",
    "rule",
    "justice",
    "judicial",
    "independence",
    "prison",
    "penitentiary",
    "rehabilitation",
    "reintegration",
    "juvenile",
    "offenders",
    "domestic",
    "violence",
    "prevention",
    "response",
    "gender",
    "equality",
    "elections",
    "media",
    "freedom",
    "journalists",
    "environment",
    "water",
    "energy",
    "climate",
    "disaster",
    "risk",
    "reduction",
    "trafficking",
    "migration",
    "economic",
    "governance",
    "anti-corruption",
    "transparency",
    "accountability",
    "education",
    "schools",
    "students",
    "teachers",
    "parliament",
    "legislation",
    "framework",
    "best",
    "practices",
    "study",
    "visit",
    "delegation",
    "meeting",
    "ambassador",
    "head",
    "deputy",
    "minister",
    "agreement",
    "project",
    "programme",
    "initiative",
    "launch",
    "report",
    "assessment",
    "recommendations",
    "monitoring",
    "dialogue",
    "confidence",
    "mediation",
    "conflict",
    "peace",
    "stability",
    "cyber",
    "terrorism",
    "extremism",
    "radicalization",
    "weapons",
    "ammunition",
    "stockpile",
    "demining",
    "customs",
    "cross-border",
    "trade",
    "tourism",
    "entrepreneurs",
    "small",
    "businesses",
    "rural",
    "areas",
    "districts",
    "province",
    "capital",
    "participants",
    "organized",
    "held",
    "attended",
    "aimed",
    "discussed",
    "focused",
    "presented",
    "adopted",
    "signed",
    "opened",
    "inaugurated",
    "celebrated",
    "marked",
    "anniversary",
    "annual",
    "second",
    "third",
    "first",
    "new",
    "joint",
    "public",
    "awareness",
    "campaign",
    "online",
    "platform",
    "the",
    "of",
    "and",
    "in",
    "to",
    "for",
    "on",
    "with",
    "by",
    "at",
    "from",
    "a",
    "an",
    "its",
];

/// A small, fast, deterministic generator (SplitMix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// Skewed towards the start of a list, as real word use is.
    fn skewed(&mut self, len: usize) -> usize {
        let a = self.between(0, len - 1);
        let b = self.between(0, len - 1);
        a.min(b)
    }
}

/// Pseudo-words made of syllables: names of people, places and programmes
/// that give the vocabulary a long tail like real text.
fn name(random: &mut Random) -> String {
    const SYLLABLES: [&str; 24] = [
        "ba", "ka", "zu", "mir", "dov", "sha", "nur", "bek", "ali", "ro", "vic", "gul", "tem",
        "ana", "jon", "ski", "lev", "har", "ova", "din", "rus", "tam", "zod", "ich",
    ];
    let mut word = String::new();
    for _ in 0..random.between(2, 3) {
        word.push_str(SYLLABLES[random.skewed(SYLLABLES.len())]);
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn sentence(random: &mut Random, words: usize) -> String {
    let mut text = String::new();
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        if random.chance(8) {
            text.push_str(&name(random));
        } else {
            text.push_str(WORDS[random.skewed(WORDS.len())]);
        }
    }
    text
}

fn paragraphs(random: &mut Random, words: usize) -> String {
    let mut left = words;
    let mut out = Vec::new();
    while left > 0 {
        let n = random.between(40, 120).min(left);
        let mut paragraph = sentence(random, n);
        paragraph.push('.');
        out.push(paragraph);
        left -= n;
    }
    out.join("\n\n")
}

fn pick(random: &mut Random, list: &[&str], count: usize) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::with_capacity(count);
    while chosen.len() < count {
        let item = list[random.skewed(list.len())];
        if !chosen.iter().any(|c| c == item) {
            chosen.push(item.to_owned());
        }
    }
    chosen
}

/// `count` releases; `with_bodies` false leaves every body out (to measure
/// the light index alone).
pub fn synthetic_bundle(count: usize, seed: u64, with_bodies: bool) -> Bundle {
    synthetic_bundle_with_progress(count, seed, with_bodies, &mut || {})
}

/// [`synthetic_bundle`], calling `made` after each release (for a
/// progress bar: 100,000 releases with bodies take seconds).
pub fn synthetic_bundle_with_progress(
    count: usize,
    seed: u64,
    with_bodies: bool,
    made: &mut dyn FnMut(),
) -> Bundle {
    let mut random = Random(seed);
    let places: Vec<&str> = FIELD_OFFICES.iter().chain(CITIES.iter()).copied().collect();
    let first_day = Date::from_ymd(1996, 1, 1).expect("valid date").day_number();
    let last_day = Date::from_ymd(2025, 12, 31)
        .expect("valid date")
        .day_number();
    let mut used = HashSet::with_capacity(count);
    let mut releases = Vec::with_capacity(count);
    for n in 0..count {
        let title_words = random.between(6, 20);
        let mut title = sentence(&mut random, title_words);
        title.replace_range(..1, &title[..1].to_uppercase());
        let base =
            Slug::from_title(&title).unwrap_or_else(|| Slug::parse("release").expect("valid slug"));
        let slug = if used.contains(&base) {
            base.with_suffix(&n.to_string()).expect("suffix fits")
        } else {
            base
        };
        used.insert(slug.clone());
        let day = random.between(0, (last_day - first_day) as usize) as i32 + first_day;
        let published = Date::from_day_number(day).expect("generated dates are in range");
        let topic_count = if random.chance(40) {
            0
        } else {
            random.between(1, 6)
        };
        let place_count = if random.chance(25) {
            0
        } else {
            random.between(1, 2)
        };
        let content_type = (!random.chance(30))
            .then(|| CONTENT_TYPES[random.skewed(CONTENT_TYPES.len())].to_owned());
        let summary_words = random.between(40, 120);
        let mut summary = sentence(&mut random, summary_words);
        summary.push('.');
        let body_words = random.between(300, 1000);
        let body = (with_bodies && !random.chance(10)).then(|| paragraphs(&mut random, body_words));
        releases.push(Release {
            slug,
            title,
            published,
            content_type,
            locations: pick(&mut random, &places, place_count),
            topics: pick(&mut random, &TOPICS, topic_count),
            summary,
            has_body: body.is_some(),
            image: None,
            body,
            source_url: random
                .chance(50)
                .then(|| WebUrl::parse(&format!("https://www.osce.org/news/{n}")))
                .flatten(),
        });
        made();
    }
    Bundle {
        version: BUNDLE_VERSION,
        site: Site {
            name: "Synthetic newsroom".into(),
            tagline: format!("{count} generated releases for benchmarks (seed {seed})"),
        },
        releases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::check_bundle;

    #[test]
    fn same_seed_same_bytes() {
        let a = serde_json::to_string(&synthetic_bundle(200, 7, true)).unwrap();
        let b = serde_json::to_string(&synthetic_bundle(200, 7, true)).unwrap();
        assert_eq!(a, b);
        let c = serde_json::to_string(&synthetic_bundle(200, 8, true)).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn generated_bundles_pass_the_check_and_have_the_promised_shape() {
        let bundle = synthetic_bundle(1_000, 1, true);
        let checked = check_bundle(&serde_json::to_string(&bundle).unwrap()).unwrap();
        assert!(
            checked.is_clean(),
            "{:?}",
            &checked.problems[..checked.problems.len().min(3)]
        );
        assert_eq!(checked.bundle.releases.len(), 1_000);
        let words = |s: &str| s.split_whitespace().count();
        for r in &bundle.releases {
            assert!((6..=20).contains(&words(&r.title)), "{}", r.title);
            assert!((40..=120).contains(&words(&r.summary)));
            assert!(r.topics.len() <= 6 && r.locations.len() <= 2);
            if let Some(body) = &r.body {
                assert!((300..=1000).contains(&words(body)));
            }
            assert!((1996..=2025).contains(&r.published.year()));
        }
        let missing =
            |f: &dyn Fn(&Release) -> bool| bundle.releases.iter().filter(|r| f(r)).count();
        assert!(
            missing(&|r| r.topics.is_empty()) > 100,
            "some releases lack topics"
        );
        assert!(
            missing(&|r| r.content_type.is_none()) > 100,
            "some lack a content type"
        );
        assert!(missing(&|r| r.body.is_none()) > 20, "some lack a body");
        let places: HashSet<&String> = bundle.releases.iter().flat_map(|r| &r.locations).collect();
        assert!(
            places.len() > 50,
            "about 60 places in use: {}",
            places.len()
        );
    }
}
