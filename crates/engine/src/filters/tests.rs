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
fn years_with_leading_zeros_round_trip() {
    // Found by the URL fuzz test: `year=0000` was read as 0 and written "0".
    for year in ["0000", "0999", "2023"] {
        let filters = Filters::from_query(&format!("year={year}"));
        assert_eq!(filters.to_query(), format!("?year={year}"));
        assert_eq!(Filters::from_query(&filters.to_query()), filters);
    }
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

#[test]
fn every_listed_url_param_is_read() {
    for (param, value) in URL_PARAMS.iter().zip([
        "prison",
        "Rule of law",
        "Dushanbe",
        "News",
        "2022",
        "2022-01-01",
        "2022-12-31",
        "oldest",
        "2",
    ]) {
        let filters = Filters::from_query(&format!("?{param}={value}"));
        assert_ne!(filters, Filters::default(), "{param} is not read");
    }
}
