//! Addresses the site links to: absolute `http` or `https` URLs with a host,
//! checked once when a bundle is read, so that no view ever links
//! `javascript:` or a relative path.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// An absolute `http(s)://host…` address with no whitespace or control
/// characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn parse(text: &str) -> Option<WebUrl> {
        is_web_url(text).then(|| WebUrl(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_web_url(url: &str) -> bool {
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        rest
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        WebUrl::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{text:?} is not an http or https address"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::WebUrl;

    #[test]
    fn only_absolute_web_addresses() {
        for good in ["https://www.osce.org/x", "http://a.b", "https://h?q=1"] {
            assert_eq!(WebUrl::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "javascript:alert(1)",
            "//www.osce.org",
            "/releases/x",
            "https://",
            "https:///path",
            "https://a b",
            "https://a\u{7}",
            "ftp://a",
        ] {
            assert_eq!(WebUrl::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn deserialising_checks() {
        assert!(serde_json::from_str::<WebUrl>("\"https://a.b\"").is_ok());
        assert!(serde_json::from_str::<WebUrl>("\"data:x\"").is_err());
    }
}
