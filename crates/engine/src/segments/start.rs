//! The start columns: everything the app loads before the first releases
//! are on screen. Dates and facet members for the whole archive (exact
//! counts, ranges, sorts, pages, previous/next and related releases need
//! nothing more), and the lists that say which other segments exist.
//!
//! Binary, in order: the format, the release count; the day numbers in
//! rank order as gaps (newest first, so each gap is the days back from the
//! one before); three facets (topics, places, types), each a value count
//! then per value a flag (1 when labelled; a type without a label is "not
//! specified"), the label, and its ranks as gaps; the first word of each
//! term piece; the one- and two-letter prefixes that have a prefix file;
//! the slug bucket count and the releases per record shard.

use super::bytes::{Reader, push_ascending, push_number, push_text};

const START_FORMAT: u64 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartColumns {
    /// Day numbers ([`crate::date::Date::day_number`]) in rank order.
    pub days: Vec<i32>,
    pub topics: FacetColumn,
    pub places: FacetColumn,
    pub types: FacetColumn,
    /// The first word of each term piece, ascending.
    pub term_pieces: Vec<String>,
    /// The prefixes of one or two characters with a prefix file, ascending.
    pub short_prefixes: Vec<String>,
    pub slug_buckets: u32,
    pub records_per_shard: u32,
}

/// A facet's values, each with the ranks holding it (ascending).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetColumn {
    /// `None` only for the type of releases whose source does not say.
    pub values: Vec<(Option<String>, Vec<u32>)>,
}

impl StartColumns {
    pub fn release_count(&self) -> usize {
        self.days.len()
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        push_number(&mut out, START_FORMAT);
        push_number(&mut out, self.days.len() as u64);
        if let Some((&first, rest)) = self.days.split_first() {
            push_number(&mut out, zigzag(first));
            let mut previous = first;
            for &day in rest {
                push_number(&mut out, u64::from(previous.abs_diff(day)));
                previous = day;
            }
        }
        for facet in [&self.topics, &self.places, &self.types] {
            push_number(&mut out, facet.values.len() as u64);
            for (label, ranks) in &facet.values {
                push_number(&mut out, u64::from(label.is_some()));
                push_text(&mut out, label.as_deref().unwrap_or_default());
                push_ascending(&mut out, ranks);
            }
        }
        for list in [&self.term_pieces, &self.short_prefixes] {
            push_number(&mut out, list.len() as u64);
            list.iter().for_each(|word| push_text(&mut out, word));
        }
        push_number(&mut out, u64::from(self.slug_buckets));
        push_number(&mut out, u64::from(self.records_per_shard));
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<StartColumns, String> {
        let mut reader = Reader::new(bytes, "the start columns");
        if reader.number()? != START_FORMAT {
            return Err(reader.error("it is in a format this app does not know"));
        }
        let count = reader.count()?;
        let mut days = Vec::with_capacity(count);
        if count > 0 {
            let mut day = unzigzag(reader.number()?);
            days.push(day);
            for _ in 1..count {
                let back = i32::try_from(reader.number()?).unwrap_or(i32::MAX);
                day = day
                    .checked_sub(back)
                    .ok_or_else(|| reader.error("a date is out of range"))?;
                days.push(day);
            }
        }
        let mut facets = [(); 3].map(|()| FacetColumn::default());
        for facet in &mut facets {
            for _ in 0..reader.count()? {
                let labelled = reader.below(2)? == 1;
                let label = reader.text()?;
                let ranks = reader.ascending(count)?;
                facet
                    .values
                    .push((labelled.then(|| label.to_owned()), ranks));
            }
        }
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            for _ in 0..reader.count()? {
                list.push(reader.text()?.to_owned());
            }
            if !list.windows(2).all(|pair| pair[0] < pair[1]) {
                return Err(reader.error("a list of words is out of order"));
            }
        }
        let slug_buckets = reader.below(u32::MAX as usize)?;
        let records_per_shard = reader.below(u32::MAX as usize)?;
        if count > 0 && (slug_buckets == 0 || records_per_shard == 0) {
            return Err(reader.error("it has no slug buckets or record shards"));
        }
        reader.finish()?;
        let [topics, places, types] = facets;
        let [term_pieces, short_prefixes] = lists;
        Ok(StartColumns {
            days,
            topics,
            places,
            types,
            term_pieces,
            short_prefixes,
            slug_buckets,
            records_per_shard,
        })
    }
}

fn zigzag(value: i32) -> u64 {
    u64::from(((value << 1) ^ (value >> 31)) as u32)
}

fn unzigzag(value: u64) -> i32 {
    let value = value as u32;
    ((value >> 1) as i32) ^ -((value & 1) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_round_trip_and_damage_is_refused() {
        let columns = StartColumns {
            days: vec![19_000, 19_000, 18_000, -5],
            topics: FacetColumn {
                values: vec![
                    (Some("Prisons".into()), vec![0, 3]),
                    (Some("Law".into()), vec![]),
                ],
            },
            places: FacetColumn::default(),
            types: FacetColumn {
                values: vec![(None, vec![1, 2]), (Some("News".into()), vec![0])],
            },
            term_pieces: vec!["a".into(), "law".into()],
            short_prefixes: vec!["a".into(), "la".into()],
            slug_buckets: 1,
            records_per_shard: 64,
        };
        let bytes = columns.encode();
        assert_eq!(StartColumns::decode(&bytes), Ok(columns));
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(StartColumns::decode(&bytes[..cut]).is_err(), "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(StartColumns::decode(&longer).is_err());
        assert_eq!(
            StartColumns::decode(&StartColumns::default().encode()).map(|c| c.days),
            Ok(vec![])
        );
    }

    #[test]
    fn zigzag_round_trips() {
        for value in [0, 1, -1, i32::MAX, i32::MIN, -719_162] {
            assert_eq!(unzigzag(zigzag(value)), value);
        }
    }
}
