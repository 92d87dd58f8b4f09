//! What the reader asked for — search words, facet choices, dates, sort and
//! page — and its URL form (`?q=prison&topic=Rule+of+law&year=2023`).
//!
//! The URL is the state: the listing reads it with [`Filters::from_query`]
//! and writes it with [`Filters::to_query`], so shared links and the back
//! button restore a search exactly. Reading is forgiving: whatever a link
//! holds, the worst outcome is that one parameter is ignored.

use crate::date::Date;
use crate::fold::fold;

/// Longest parameter value read from a URL, in characters.
pub const MAX_VALUE_CHARS: usize = 200;
/// Most values kept per facet; more is a hand-made URL, not a reader's choice.
pub const MAX_VALUES_PER_FACET: usize = 50;
/// Highest page accepted: one release per page at 100,000 releases.
pub const MAX_PAGE: usize = 100_000;

/// The order of the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sort {
    Newest,
    Oldest,
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The URL value: `newest`, `oldest` or `relevance`.
    pub fn param(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_param(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.param() == text)
    }

    /// For the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Relevance => "Best match",
        }
    }
}

/// A value of the content-type facet.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeChoice {
    Named(String),
    /// Releases whose source does not say (`content_type: null`).
    Unspecified,
}

impl TypeChoice {
    /// How [`TypeChoice::Unspecified`] is written in URLs. (A content type
    /// literally named "(none)" would read back as unspecified; no source
    /// names one so.)
    pub const UNSPECIFIED_TOKEN: &'static str = "(none)";

    pub fn of(content_type: Option<&str>) -> TypeChoice {
        content_type.map_or(TypeChoice::Unspecified, |name| {
            TypeChoice::Named(name.to_owned())
        })
    }

    pub fn label(&self) -> &str {
        match self {
            TypeChoice::Named(name) => name,
            TypeChoice::Unspecified => "Not specified",
        }
    }

    fn token(&self) -> &str {
        match self {
            TypeChoice::Named(name) => name,
            TypeChoice::Unspecified => Self::UNSPECIFIED_TOKEN,
        }
    }

    fn from_token(token: String) -> TypeChoice {
        if token == Self::UNSPECIFIED_TOKEN {
            TypeChoice::Unspecified
        } else {
            TypeChoice::Named(token)
        }
    }
}

/// One value of one facet: what a facet checkbox toggles.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FacetKey {
    Topic(String),
    Place(String),
    Type(TypeChoice),
    Year(i32),
}

impl FacetKey {
    pub fn label(&self) -> String {
        match self {
            FacetKey::Topic(label) | FacetKey::Place(label) => label.clone(),
            FacetKey::Type(choice) => choice.label().to_owned(),
            FacetKey::Year(year) => year.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Search words as typed (`q`); empty when there is no search.
    pub query: String,
    pub topics: Vec<String>,
    /// The releases' `locations` (`place`).
    pub places: Vec<String>,
    pub types: Vec<TypeChoice>,
    pub years: Vec<i32>,
    /// Inclusive.
    pub from: Option<Date>,
    /// Inclusive.
    pub to: Option<Date>,
    /// `None`: the default, see [`Filters::effective_sort`].
    pub sort: Option<Sort>,
    /// 1-based.
    pub page: usize,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            query: String::new(),
            topics: Vec::new(),
            places: Vec::new(),
            types: Vec::new(),
            years: Vec::new(),
            from: None,
            to: None,
            sort: None,
            page: 1,
        }
    }
}

/// One applied filter, as a removable chip above the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// "Topic: Rule of law", "From 1 May 2020", "Search: “penal”".
    pub label: String,
    /// The filters with just this one removed.
    pub without: Filters,
}

impl Filters {
    /// Reads a URL query string, with or without its leading `?`.
    pub fn from_query(raw: &str) -> Filters {
        let mut filters = Filters::default();
        let raw = raw.strip_prefix('?').unwrap_or(raw);
        for pair in raw.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (percent::decode(key), percent::decode(value)) else {
                continue;
            };
            if !value.is_empty() && value.chars().count() <= MAX_VALUE_CHARS {
                filters.apply_param(&key, value);
            }
        }
        filters
    }

    /// One parameter; single-valued ones keep their first valid value.
    fn apply_param(&mut self, key: &str, value: String) {
        match key {
            "q" if self.query.is_empty() => self.query = value,
            "topic" => add_once(&mut self.topics, value),
            "place" => add_once(&mut self.places, value),
            "type" => add_once(&mut self.types, TypeChoice::from_token(value)),
            "year" => {
                if let Some(year) = parse_year(&value) {
                    add_once(&mut self.years, year);
                }
            }
            "from" if self.from.is_none() => self.from = Date::parse_iso(&value),
            "to" if self.to.is_none() => self.to = Date::parse_iso(&value),
            "sort" if self.sort.is_none() => self.sort = Sort::from_param(&value),
            "page" if self.page == 1 => self.page = parse_page(&value).unwrap_or(1),
            _ => {}
        }
    }

    /// The canonical URL query: `""` for the defaults, else `?q=…&topic=…`
    /// with parameters in a fixed order and values in the order chosen.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        let mut add = |key: &str, value: &str| {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            percent::encode_into(value, &mut out);
        };
        if !self.query.is_empty() {
            add("q", &self.query);
        }
        for topic in &self.topics {
            add("topic", topic);
        }
        for place in &self.places {
            add("place", place);
        }
        for choice in &self.types {
            add("type", choice.token());
        }
        for year in &self.years {
            add("year", &year.to_string());
        }
        if let Some(from) = self.from {
            add("from", &from.iso());
        }
        if let Some(to) = self.to {
            add("to", &to.iso());
        }
        if let Some(sort) = self.sort {
            add("sort", sort.param());
        }
        if self.page > 1 {
            add("page", &self.page.to_string());
        }
        out
    }

    /// Whether the query holds a word to search for; a query of spaces or
    /// punctuation searches nothing (the same notion of word as the index).
    pub fn has_query(&self) -> bool {
        fold(&self.query).chars().any(char::is_alphanumeric)
    }

    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            // Relevance means nothing without a search.
            Some(Sort::Relevance) if !self.has_query() => Sort::Newest,
            Some(sort) => sort,
            None if self.has_query() => Sort::Relevance,
            None => Sort::Newest,
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Filters::default()
    }

    /// How many filters narrow the results (not sort or page), for a
    /// "Filters (3)" label.
    pub fn active_count(&self) -> usize {
        usize::from(self.has_query())
            + self.topics.len()
            + self.places.len()
            + self.types.len()
            + self.years.len()
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
    }

    /// A start date after the end date: nothing can match.
    pub fn inverted_range(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if from > to)
    }

    pub fn is_selected(&self, key: &FacetKey) -> bool {
        match key {
            FacetKey::Topic(topic) => self.topics.contains(topic),
            FacetKey::Place(place) => self.places.contains(place),
            FacetKey::Type(choice) => self.types.contains(choice),
            FacetKey::Year(year) => self.years.contains(year),
        }
    }

    /// A copy with `key` selected if it was not, unselected if it was.
    pub fn with_toggled(&self, key: &FacetKey) -> Filters {
        self.edited(|filters| match key {
            FacetKey::Topic(topic) => toggle(&mut filters.topics, topic.clone()),
            FacetKey::Place(place) => toggle(&mut filters.places, place.clone()),
            FacetKey::Type(choice) => toggle(&mut filters.types, choice.clone()),
            FacetKey::Year(year) => toggle(&mut filters.years, *year),
        })
    }

    pub fn with_topic_toggled(&self, topic: &str) -> Filters {
        self.with_toggled(&FacetKey::Topic(topic.to_owned()))
    }

    pub fn with_place_toggled(&self, place: &str) -> Filters {
        self.with_toggled(&FacetKey::Place(place.to_owned()))
    }

    pub fn with_type_toggled(&self, choice: &TypeChoice) -> Filters {
        self.with_toggled(&FacetKey::Type(choice.clone()))
    }

    pub fn with_year_toggled(&self, year: i32) -> Filters {
        self.with_toggled(&FacetKey::Year(year))
    }

    pub fn with_query(&self, query: &str) -> Filters {
        self.edited(|filters| filters.query = query.to_owned())
    }

    pub fn without_query(&self) -> Filters {
        self.with_query("")
    }

    pub fn with_from(&self, from: Option<Date>) -> Filters {
        self.edited(|filters| filters.from = from)
    }

    pub fn with_to(&self, to: Option<Date>) -> Filters {
        self.edited(|filters| filters.to = to)
    }

    pub fn without_dates(&self) -> Filters {
        self.edited(|filters| (filters.from, filters.to) = (None, None))
    }

    pub fn with_sort(&self, sort: Option<Sort>) -> Filters {
        self.edited(|filters| filters.sort = sort)
    }

    /// The only change that keeps the other settings' page: the page itself.
    pub fn with_page(&self, page: usize) -> Filters {
        Filters {
            page: page.clamp(1, MAX_PAGE),
            ..self.clone()
        }
    }

    /// Everything back to the defaults.
    pub fn cleared(&self) -> Filters {
        Filters::default()
    }

    /// A changed copy; back to page 1, since the old page number means
    /// nothing in a different result list.
    fn edited(&self, change: impl FnOnce(&mut Filters)) -> Filters {
        let mut next = self.clone();
        change(&mut next);
        next.page = 1;
        next
    }

    /// The applied filters in URL order, each with its removal.
    pub fn chips(&self) -> Vec<Chip> {
        let mut chips = Vec::with_capacity(self.active_count());
        if self.has_query() {
            chips.push(Chip {
                label: format!("Search: “{}”", self.query.trim()),
                without: self.without_query(),
            });
        }
        let keys = (self.topics.iter().cloned().map(FacetKey::Topic))
            .chain(self.places.iter().cloned().map(FacetKey::Place))
            .chain(self.types.iter().cloned().map(FacetKey::Type))
            .chain(self.years.iter().copied().map(FacetKey::Year));
        for key in keys {
            let facet = match key {
                FacetKey::Topic(_) => "Topic",
                FacetKey::Place(_) => "Place",
                FacetKey::Type(_) => "Type",
                FacetKey::Year(_) => "Year",
            };
            chips.push(Chip {
                label: format!("{facet}: {}", key.label()),
                without: self.with_toggled(&key),
            });
        }
        if let Some(from) = self.from {
            chips.push(Chip {
                label: format!("From {}", from.long()),
                without: self.with_from(None),
            });
        }
        if let Some(to) = self.to {
            chips.push(Chip {
                label: format!("To {}", to.long()),
                without: self.with_to(None),
            });
        }
        chips
    }
}

fn add_once<T: PartialEq>(values: &mut Vec<T>, value: T) {
    if values.len() < MAX_VALUES_PER_FACET && !values.contains(&value) {
        values.push(value);
    }
}

fn toggle<T: PartialEq>(values: &mut Vec<T>, value: T) {
    match values.iter().position(|v| *v == value) {
        Some(index) => {
            values.remove(index);
        }
        None => add_once(values, value),
    }
}

/// Exactly four digits, as in the bundle's dates.
fn parse_year(text: &str) -> Option<i32> {
    let digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

fn parse_page(text: &str) -> Option<usize> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None; // `usize::from_str` would also take "+3"
    }
    text.parse()
        .ok()
        .filter(|page| (1..=MAX_PAGE).contains(page))
}

/// `application/x-www-form-urlencoded` values, as browsers write them.
mod percent {
    /// `None` for a bad `%` escape or bytes that are not UTF-8.
    pub fn decode(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    let high = hex_value(*bytes.get(i + 1)?)?;
                    let low = hex_value(*bytes.get(i + 2)?)?;
                    out.push(high << 4 | low);
                    i += 2;
                }
                byte => out.push(byte),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    }

    fn hex_value(digit: u8) -> Option<u8> {
        char::from(digit)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }

    /// Everything but the unreserved characters is escaped; space is `+`.
    pub fn encode_into(text: &str, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    out.push(char::from(byte));
                }
                b' ' => out.push('+'),
                _ => {
                    out.push('%');
                    out.push(char::from(HEX[usize::from(byte >> 4)]));
                    out.push(char::from(HEX[usize::from(byte & 0xf)]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn relevance_without_a_search_sorts_newest_first() {
        let stale = Filters::from_query("?sort=relevance");
        assert_eq!(stale.effective_sort(), Sort::Newest);
        assert_eq!(
            Filters::from_query("?sort=relevance&q=!!!").effective_sort(),
            Sort::Newest
        );
        assert_eq!(
            Filters::from_query("?sort=relevance&q=law").effective_sort(),
            Sort::Relevance
        );
        assert_eq!(
            Filters::from_query("?q=law").effective_sort(),
            Sort::Relevance
        );
    }

    #[test]
    fn a_full_query_is_read() {
        let filters = Filters::from_query(
            "?q=prison+system&topic=Rule%20of%20law&topic=Gender+equality&place=Dushanbe\
             &type=News&type=(none)&year=2023&year=2021&from=2020-05-01&to=2023-12-31\
             &sort=oldest&page=3",
        );
        assert_eq!(filters.query, "prison system");
        assert_eq!(filters.topics, ["Rule of law", "Gender equality"]);
        assert_eq!(filters.places, ["Dushanbe"]);
        assert_eq!(
            filters.types,
            [TypeChoice::Named("News".into()), TypeChoice::Unspecified]
        );
        assert_eq!(filters.years, [2023, 2021]);
        assert_eq!(filters.from, Some(date("2020-05-01")));
        assert_eq!(filters.to, Some(date("2023-12-31")));
        assert_eq!(filters.sort, Some(Sort::Oldest));
        assert_eq!(filters.page, 3);
    }

    #[test]
    fn the_leading_question_mark_is_optional() {
        assert_eq!(
            Filters::from_query("q=a&year=2020"),
            Filters::from_query("?q=a&year=2020")
        );
        assert!(Filters::from_query("").is_default());
        assert!(Filters::from_query("?").is_default());
    }

    #[test]
    fn malformed_and_unknown_parameters_are_ignored() {
        let filters = Filters::from_query(
            "year=abc&year=20233&year=+202&year=-2023&from=2023-13-01&to=yesterday\
             &sort=bogus&page=0&page=99999999999999999999999&page=-1&page=+2\
             &colour=red&q=&topic=&&=x&place",
        );
        assert!(filters.is_default(), "{filters:?}");
        assert_eq!(Filters::from_query("page=100001").page, 1);
        assert_eq!(Filters::from_query("page=100000").page, MAX_PAGE);
    }

    #[test]
    fn bad_escapes_and_invalid_utf8_drop_only_that_parameter() {
        let filters =
            Filters::from_query("q=100%&topic=%ZZ&topic=%E2%82&place=%C3%A9t%C3%A9&year=2020");
        assert_eq!(filters.query, "");
        assert!(filters.topics.is_empty());
        assert_eq!(filters.places, ["été"]);
        assert_eq!(filters.years, [2020]);
    }

    #[test]
    fn escaped_keys_are_understood() {
        assert_eq!(Filters::from_query("%71=prison").query, "prison");
    }

    #[test]
    fn duplicates_are_kept_once_and_single_values_keep_the_first() {
        let filters = Filters::from_query(
            "topic=A&topic=B&topic=A&year=2020&year=2020&q=one&q=two&sort=bogus&sort=oldest&sort=newest",
        );
        assert_eq!(filters.topics, ["A", "B"]);
        assert_eq!(filters.years, [2020]);
        assert_eq!(filters.query, "one");
        assert_eq!(filters.sort, Some(Sort::Oldest));
    }

    #[test]
    fn long_values_and_too_many_values_are_ignored() {
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        let just_right = "é".repeat(MAX_VALUE_CHARS);
        let filters = Filters::from_query(&format!("q={long}&topic={just_right}"));
        assert_eq!(filters.query, "");
        assert_eq!(filters.topics, [just_right]);

        let many: Vec<String> = (0..80).map(|i| format!("place=p{i}")).collect();
        let filters = Filters::from_query(&many.join("&"));
        assert_eq!(filters.places.len(), MAX_VALUES_PER_FACET);
        assert_eq!(filters.places[49], "p49");
    }

    #[test]
    fn the_canonical_form_has_a_fixed_order() {
        let filters = Filters {
            query: "a&b=c d".into(),
            topics: vec!["Rule of law".into()],
            places: vec!["Dushanbe".into()],
            types: vec![
                TypeChoice::Unspecified,
                TypeChoice::Named("Press release".into()),
            ],
            years: vec![2023],
            from: Some(date("2020-05-01")),
            to: Some(date("2021-01-02")),
            sort: Some(Sort::Relevance),
            page: 2,
        };
        assert_eq!(
            filters.to_query(),
            "?q=a%26b%3Dc+d&topic=Rule+of+law&place=Dushanbe&type=%28none%29\
             &type=Press+release&year=2023&from=2020-05-01&to=2021-01-02\
             &sort=relevance&page=2"
        );
        // Reading parameters in another order writes them back in this one.
        let shuffled = Filters::from_query("page=2&year=2023&q=x&topic=B&topic=A");
        assert_eq!(shuffled.to_query(), "?q=x&topic=B&topic=A&year=2023&page=2");
    }

    #[test]
    fn defaults_write_nothing() {
        assert_eq!(Filters::default().to_query(), "");
        assert_eq!(Filters::default().with_page(1).to_query(), "");
        assert_eq!(Filters::default().with_page(2).to_query(), "?page=2");
    }

    #[test]
    fn unicode_is_escaped_as_utf8() {
        let filters = Filters::default().with_query("Zugić 🙂");
        assert_eq!(filters.to_query(), "?q=Zugi%C4%87+%F0%9F%99%82");
    }

    /// A small deterministic generator, so the round trip covers many shapes
    /// without a dependency.
    struct Generator(u64);

    impl Generator {
        fn next(&mut self, below: usize) -> usize {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below
        }

        fn text(&mut self) -> String {
            const PIECES: [&str; 18] = [
                "a",
                "Z",
                "law",
                " ",
                "&",
                "=",
                "+",
                "#",
                "%",
                "%20",
                "?",
                "é",
                "ß",
                "Душанбе",
                "🙂",
                "“",
                "\"",
                "(none)x",
            ];
            let len = 1 + self.next(12);
            (0..len).map(|_| PIECES[self.next(PIECES.len())]).collect()
        }

        fn list<T: PartialEq>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
            let mut values = Vec::new();
            for _ in 0..self.next(5) {
                add_once(&mut values, item(self));
            }
            values
        }

        fn date(&mut self) -> Option<Date> {
            let year = 1000 + i32::try_from(self.next(9000)).unwrap();
            let (month, day) = (1 + self.next(12), 1 + self.next(28));
            let date = Date::from_ymd(year, month as u32, day as u32);
            date.filter(|_| self.next(2) == 0)
        }

        fn filters(&mut self) -> Filters {
            Filters {
                query: if self.next(3) == 0 {
                    String::new()
                } else {
                    self.text()
                },
                topics: self.list(Self::text),
                places: self.list(Self::text),
                types: self.list(|g| match g.next(3) {
                    0 => TypeChoice::Unspecified,
                    _ => TypeChoice::Named(g.text()),
                }),
                years: self.list(|g| 1000 + i32::try_from(g.next(9000)).unwrap()),
                from: self.date(),
                to: self.date(),
                sort: [
                    None,
                    Some(Sort::Newest),
                    Some(Sort::Oldest),
                    Some(Sort::Relevance),
                ][self.next(4)],
                page: 1 + self.next(MAX_PAGE),
            }
        }
    }

    #[test]
    fn any_filters_survive_the_url_round_trip() {
        let mut generator = Generator(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2_000 {
            let filters = generator.filters();
            let query = filters.to_query();
            assert_eq!(Filters::from_query(&query), filters, "via {query}");
            assert!(query.is_ascii());
        }
    }

    #[test]
    fn toggles_add_remove_and_reset_the_page() {
        let start = Filters::default().with_page(4);
        let on = start.with_topic_toggled("Rule of law");
        assert_eq!(on.topics, ["Rule of law"]);
        assert_eq!(on.page, 1);
        assert!(on.with_topic_toggled("Rule of law").topics.is_empty());

        let on = start
            .with_place_toggled("Dushanbe")
            .with_type_toggled(&TypeChoice::Unspecified)
            .with_year_toggled(2023);
        assert_eq!(on.places, ["Dushanbe"]);
        assert_eq!(on.types, [TypeChoice::Unspecified]);
        assert_eq!(on.years, [2023]);
        assert!(on.is_selected(&FacetKey::Year(2023)));
        assert!(
            !on.with_year_toggled(2023)
                .is_selected(&FacetKey::Year(2023))
        );

        for changed in [
            start.with_query("x"),
            start.without_query(),
            start.with_from(Some(date("2020-01-01"))),
            start.with_to(None),
            start.without_dates(),
            start.with_sort(Some(Sort::Oldest)),
            start.with_toggled(&FacetKey::Type(TypeChoice::Named("News".into()))),
        ] {
            assert_eq!(changed.page, 1, "{changed:?}");
        }
        assert_eq!(start.with_sort(Some(Sort::Oldest)).with_page(7).page, 7);
        assert_eq!(start.with_page(0).page, 1);
    }

    #[test]
    fn cleared_keeps_nothing() {
        let busy = Filters::from_query("q=x&topic=A&year=2020&sort=oldest&page=3");
        assert!(!busy.is_default());
        assert!(busy.cleared().is_default());
    }

    #[test]
    fn the_default_sort_follows_the_query() {
        assert_eq!(Filters::default().effective_sort(), Sort::Newest);
        let searching = Filters::default().with_query("prison");
        assert_eq!(searching.effective_sort(), Sort::Relevance);
        assert_eq!(
            searching.with_sort(Some(Sort::Oldest)).effective_sort(),
            Sort::Oldest
        );
        for blank in ["   ", "\"\"", "?!", "’"] {
            let filters = Filters::default().with_query(blank);
            assert!(!filters.has_query(), "{blank:?}");
            assert_eq!(filters.effective_sort(), Sort::Newest);
        }
    }

    #[test]
    fn active_count_leaves_out_sort_and_page() {
        let filters = Filters::from_query(
            "q=x&topic=A&topic=B&place=P&type=(none)&year=2020&from=2020-01-01&to=2020-02-01\
             &sort=oldest&page=2",
        );
        assert_eq!(filters.active_count(), 8);
        assert_eq!(filters.chips().len(), 8);
        assert_eq!(Filters::from_query("sort=oldest&page=2").active_count(), 0);
        assert_eq!(Filters::from_query("q=+").active_count(), 0);
    }

    #[test]
    fn a_start_after_the_end_is_an_inverted_range() {
        let later = date("2023-01-02");
        let earlier = date("2023-01-01");
        let filters = Filters::default().with_from(Some(later));
        assert!(!filters.inverted_range());
        assert!(filters.with_to(Some(earlier)).inverted_range());
        assert!(!filters.with_to(Some(later)).inverted_range());
    }

    #[test]
    fn chips_name_each_filter_and_remove_just_it() {
        let filters = Filters::from_query(
            "q=+penal+&topic=Rule+of+law&type=(none)&type=News&year=2023&from=2020-05-01\
             &to=2021-06-03&page=2",
        );
        let chips = filters.chips();
        let labels: Vec<&str> = chips.iter().map(|chip| chip.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Search: “penal”",
                "Topic: Rule of law",
                "Type: Not specified",
                "Type: News",
                "Year: 2023",
                "From 1 May 2020",
                "To 3 June 2021",
            ]
        );
        assert_eq!(chips[0].without.query, "");
        assert_eq!(chips[1].without.topics, Vec::<String>::new());
        assert_eq!(chips[2].without.types, [TypeChoice::Named("News".into())]);
        assert_eq!(chips[5].without.from, None);
        assert_eq!(chips[5].without.to, filters.to);
        for chip in &chips {
            assert_eq!(chip.without.active_count(), filters.active_count() - 1);
            assert_eq!(chip.without.page, 1);
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "%".repeat(10_000);
        let odd = [
            "",
            "?",
            "&&&",
            "=",
            "==",
            "q",
            "q=%",
            "q=%4",
            "q=%%",
            "q=\"",
            "q=%22",
            "%=%",
            "?q=🙂",
            "q=\u{0}",
            "page=18446744073709551616",
            "year=٢٠٢٣",
            "from=２０２３-10-23",
            &long,
        ];
        for raw in odd {
            let filters = Filters::from_query(raw);
            assert_eq!(Filters::from_query(&filters.to_query()), filters, "{raw:?}");
        }
    }
}
