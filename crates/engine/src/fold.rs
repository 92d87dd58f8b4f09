//! Text folding shared by slugs and search: lower case, accents removed, so
//! that "Zugić", "ZUGIC" and "zugic" compare equal.
//!
//! Hand-written on purpose: Unicode decomposition (NFD, as in
//! `unicode-normalization`) does not fold letters such as ø, ł, đ or ß, and
//! transliterating crates (`deunicode`, `any_ascii`) spell many letters
//! differently from this table. Slugs made from titles are published URLs,
//! so a different folding would break links already shared.

/// Appends the folded form of `c` to `out`. Letters with diacritics lose them,
/// a few ligatures expand, combining marks vanish; everything else is
/// lower-cased.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if ('\u{0300}'..='\u{036f}').contains(&c) {
        return; // combining diacritical marks (decomposed input)
    }
    match base_letter(c) {
        Some(base) => out.push_str(base),
        None => out.extend(c.to_lowercase()),
    }
}

/// Folds a whole string.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Base letters for the Latin letters with diacritics found in European and
/// Central Asian names (Latin-1 Supplement, Latin Extended-A and a few more).
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'Ǐ'
        | 'ǐ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ǒ' | 'ǒ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ǔ'
        | 'ǔ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Zugić"), "zugic");
        assert_eq!(fold("ZUGIĆ"), "zugic");
        assert_eq!(fold("Ærøskøbing Straße"), "aeroskobing strasse");
        assert_eq!(fold("Şahin Łódź"), "sahin lodz");
    }

    #[test]
    fn decomposed_marks_fold_like_precomposed() {
        assert_eq!(fold("Zugic\u{0301}"), fold("Zugić"));
    }

    #[test]
    fn other_scripts_are_lower_cased_only() {
        assert_eq!(fold("Душанбе"), "душанбе");
    }
}
