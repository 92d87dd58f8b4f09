//! How numbers and results are worded for readers; plain functions so the
//! wording is tested natively and used the same way everywhere.

/// "1 release", "7 releases", "12,345 releases".
pub fn count_releases(n: usize) -> String {
    let unit = if n == 1 { "release" } else { "releases" };
    format!("{} {unit}", thousands(n))
}

/// What the live region announces about a result.
pub fn result_count(n: usize) -> String {
    if n == 0 {
        "No releases match".to_owned()
    } else {
        count_releases(n)
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(result_count(0), "No releases match");
        assert_eq!(result_count(1), "1 release");
        assert_eq!(result_count(7), "7 releases");
        assert_eq!(count_releases(100_000), "100,000 releases");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
