//! The words of the full texts with how many releases' bodies hold each:
//! the app's vocabulary for "did you mean" and near matches, since bodies
//! are only in the term index, whose pieces it fetches per query word. One
//! line per word, `<folded word> <count>`, in word order: a fraction of the
//! term index's size, fetched once, on the first query word that matches
//! nothing.

/// The file's name in the data folder.
pub const WORDS_FILE: &str = "words.txt";

/// Words with the number of releases holding them, in word order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordCounts {
    pub words: Vec<(String, u32)>,
}

impl WordCounts {
    /// The file's text.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for (word, count) in &self.words {
            text.push_str(word);
            text.push(' ');
            text.push_str(&count.to_string());
            text.push('\n');
        }
        text
    }
}

/// Reads the file, naming the first line that is not a word and a count
/// in word order.
pub fn read_word_counts(bytes: &[u8]) -> Result<WordCounts, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "the list of full-text words is not UTF-8 text".to_owned())?;
    let mut words: Vec<(String, u32)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let bad = || {
            format!(
                "line {} of the list of full-text words is not a word and a count in order",
                number + 1
            )
        };
        let (word, count) = line.split_once(' ').ok_or_else(bad)?;
        let count: u32 = count.parse().map_err(|_| bad())?;
        let in_order = words.last().is_none_or(|(last, _)| last.as_str() < word);
        if word.is_empty() || count == 0 || !in_order {
            return Err(bad());
        }
        words.push((word.to_owned(), count));
    }
    Ok(WordCounts { words })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        let counts = WordCounts {
            words: vec![("dushanbe".into(), 12), ("penitentiary".into(), 3)],
        };
        assert_eq!(counts.to_text(), "dushanbe 12\npenitentiary 3\n");
        assert_eq!(read_word_counts(counts.to_text().as_bytes()), Ok(counts));
        assert_eq!(read_word_counts(b""), Ok(WordCounts::default()));
    }

    #[test]
    fn bad_lines_are_named() {
        for (text, line) in [
            ("b 1\na 2\n", 2),
            ("a 1\na 1\n", 2),
            ("a\n", 1),
            ("a x\n", 1),
            ("a 0\n", 1),
            (" 3\n", 1),
        ] {
            let error = read_word_counts(text.as_bytes()).unwrap_err();
            assert!(
                error.starts_with(&format!("line {line} ")),
                "{text:?}: {error}"
            );
        }
        assert!(read_word_counts(&[0xff]).is_err());
    }
}
