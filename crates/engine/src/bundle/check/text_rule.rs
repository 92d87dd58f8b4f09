//! The one rule for every text field of a bundle: refuse the characters
//! that XML 1.0 (the feed) or HTML (the pages) cannot carry, and let the
//! writers escape everything else. Rust strings hold no lone surrogates,
//! so what is left to refuse is control characters other than tab and line
//! breaks (C0, DEL and C1: XML 1.0 forbids most of C0, HTML reports all of
//! them as parse errors) and the Unicode noncharacters (U+FFFE and U+FFFF
//! are forbidden in XML 1.0; HTML reports every noncharacter).

/// Whether a character can appear in the feed and the pages (escaped where
/// markup needs it).
pub fn is_carriable(c: char) -> bool {
    let code = u32::from(c);
    let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !(control || noncharacter)
}

/// The first character the rule refuses, for a message.
pub(super) fn refusal(text: &str) -> Option<String> {
    if !may_refuse(text) {
        return None;
    }
    let (at, c) = text.chars().enumerate().find(|&(_, c)| !is_carriable(c))?;
    Some(format!(
        "has U+{:04X} at character {}, which the feed (XML) and the pages (HTML) cannot carry \
         (control characters other than tab and line breaks, and noncharacters)",
        u32::from(c),
        at + 1
    ))
}

/// A byte scan that clears almost every text at once (the checker reads
/// every field of every release at start): a refused character needs a C0
/// control or DEL, or the lead byte of C1 controls (0xC2), of U+FDD0–U+FFFF
/// (0xEF) or of the supplementary planes (0xF0–0xF4).
fn may_refuse(text: &str) -> bool {
    text.bytes().any(|b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2 || b >= 0xEF
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_and_html_limits_are_refused_and_everything_else_is_carried() {
        for c in [
            '\u{0}', '\u{1}', '\u{b}', '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            assert!(!is_carriable(c), "{c:?}");
        }
        for c in [
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(!is_carriable(c), "{c:?}");
        }
        for c in [
            '\t', '\n', '\r', ' ', '<', '&', '"', '\u{a0}', '\u{fdcf}', '\u{fffd}', '\u{200b}',
            '😀',
        ] {
            assert!(is_carriable(c), "{c:?}");
        }
    }

    #[test]
    fn the_byte_scan_never_clears_a_refused_character() {
        for code in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !is_carriable(code) {
                assert!(may_refuse(&format!("ab{code}c")), "{code:?}");
                assert!(refusal(&format!("ab{code}c")).is_some(), "{code:?}");
            }
        }
        assert!(!may_refuse("Ҷумҳурии Тоҷикистон – “OSCE” café\n\t"));
    }

    #[test]
    fn the_message_names_the_character_and_where() {
        assert_eq!(refusal("plain\ttext\r\n"), None);
        let message = refusal("ab\u{ffff}").unwrap();
        assert!(
            message.starts_with("has U+FFFF at character 3, which"),
            "{message}"
        );
    }
}
