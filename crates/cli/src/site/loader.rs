//! Trunk starts the app with an inline `<script type="module">`, which a
//! strict Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline')
//! refuses. This moves it into a file of its own, named by its hash and
//! loaded with a Subresource Integrity hash.
//!
//! It also lets the pre-rendered page paint first: the loader starts the
//! app after the first contentful paint, and Trunk's preloads of the wasm and its glue
//! are dropped. Downloaded at once, they competed with the stylesheets,
//! and the app could replace the pre-render before it was ever painted, so
//! a phone's first paint waited for the whole app (Lighthouse mobile LCP
//! 4.1 s on the seed; 1.4 s without them).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha384};

/// Waits until the first contentful paint has been presented (a frame
/// that ran is not enough: on a busy phone its paint can come seconds
/// later, after the app has replaced the pre-render). Where paint timing is
/// missing, after one frame; in a hidden tab, which paints nothing, at once;
/// and after 5 s whatever happened, so the app always starts.
/// Imports are hoisted, so at the head of the module it runs after the glue
/// is imported and before `init`.
const AFTER_FIRST_PAINT: &str = "\
await new Promise((painted) => {
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState === 'hidden') return painted();
  if (!types.includes('paint')) return requestAnimationFrame(() => setTimeout(painted, 0));
  setTimeout(painted, 5000);
  new PerformanceObserver((entries, observer) => {
    if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    painted();
  }).observe({ type: 'paint', buffered: true });
});
";

/// How Trunk's preloads of the app's glue and wasm begin.
const APP_PRELOADS: [&str; 2] = ["<link rel=\"modulepreload\"", "<link rel=\"preload\" href="];

/// The shell with its inline module script replaced by a `src` reference
/// and Trunk's preloads of the app dropped, and the script file to write
/// (`name`, `content`); `None` when the shell has no inline module script.
pub fn externalize_loader(shell: &str, public_url: &str) -> Option<(String, String, String)> {
    let open_tag = "<script type=\"module\">";
    let start = shell.find(open_tag)?;
    let body_start = start + open_tag.len();
    let body_len = shell[body_start..].find("</script>")?;
    let trunk_script = shell[body_start..body_start + body_len].trim();
    let script = format!("{AFTER_FIRST_PAINT}{trunk_script}\n");
    let hashed = HashedScript::new("loader", &script);
    let tag = format!(
        "<script type=\"module\" src=\"{}{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        super::html::escape(public_url),
        hashed.name,
        hashed.integrity,
    );
    let end = body_start + body_len + "</script>".len();
    let rewritten = format!("{}{tag}{}", &shell[..start], &shell[end..]);
    let rewritten = APP_PRELOADS.iter().fold(rewritten, |shell, opening| {
        super::html::remove_tags(&shell, opening)
    });
    Some((rewritten, hashed.name, script))
}

/// A script's file name (`<stem>-<hash>.js`, so a new version is a new URL)
/// and its Subresource Integrity value (`sha384-…`).
pub struct HashedScript {
    pub name: String,
    pub integrity: String,
}

impl HashedScript {
    pub fn new(stem: &str, script: &str) -> HashedScript {
        let digest = Sha384::digest(script.as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        HashedScript {
            name: format!("{stem}-{hex}.js"),
            integrity: format!("sha384-{}", BASE64.encode(digest)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_becomes_a_hashed_file() {
        let shell = "<head><script type=\"module\">\nimport init from '/app.js';\nawait init();\n</script><link rel=\"x\">\
            <link rel=\"modulepreload\" href=\"/app.js\" integrity=\"sha384-B\">\
            <link rel=\"preload\" href=\"/app_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
            <link rel=\"preload\" as=\"fetch\" crossorigin href=\"/data/index.json\"></head>";
        let (rewritten, name, script) = externalize_loader(shell, "/newsroom/").unwrap();
        assert_eq!(
            script,
            format!("{AFTER_FIRST_PAINT}import init from '/app.js';\nawait init();\n")
        );
        assert!(!rewritten.contains("app.js") && !rewritten.contains("app_bg.wasm"));
        assert!(
            rewritten.contains("href=\"/data/index.json\""),
            "the data still downloads early"
        );
        assert!(name.starts_with("loader-") && name.ends_with(".js"));
        assert!(!rewritten.contains("import init"));
        assert!(rewritten.contains(&format!(
            "<script type=\"module\" src=\"/newsroom/{name}\" integrity=\"sha384-"
        )));
        // SHA-384 in base64 is 64 characters.
        let integrity = rewritten
            .split("sha384-")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(integrity.len(), 64);
        assert!(externalize_loader("<head></head>", "/").is_none());
    }
}
