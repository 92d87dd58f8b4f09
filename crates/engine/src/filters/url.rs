//! The filters' URL form: `?q=prison&topic=Rule+of+law&year=2023`.
//! Reading is forgiving: whatever a link holds, the worst outcome is that
//! one parameter is ignored. Writing is canonical: a fixed parameter order,
//! so one view has one address.

use super::{Filters, MAX_PAGE, MAX_VALUE_CHARS, Sort, TypeChoice, add_once};
use crate::date::Date;

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
            // Four digits, as parsed: `year=0999` must come back as it went.
            add("year", &format!("{year:04}"));
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
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

    /// Escaped on writing: everything but the unreserved characters
    /// (`A-Z a-z 0-9 - . _ ~`); spaces are written `+`.
    const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');

    /// `None` for a bad `%` escape or bytes that are not UTF-8: the crate
    /// keeps a bad escape as text, but a value holding one is not what the
    /// writer meant, so the parameter is dropped.
    pub fn decode(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let well_formed = bytes.iter().enumerate().all(|(i, &byte)| {
            byte != b'%'
                || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        });
        if !well_formed {
            return None;
        }
        let spaced = text.replace('+', " ");
        percent_decode_str(&spaced)
            .decode_utf8()
            .ok()
            .map(|text| text.into_owned())
    }

    pub fn encode_into(text: &str, out: &mut String) {
        for (i, piece) in text.split(' ').enumerate() {
            if i > 0 {
                out.push('+');
            }
            out.extend(utf8_percent_encode(piece, ESCAPED));
        }
    }
}
