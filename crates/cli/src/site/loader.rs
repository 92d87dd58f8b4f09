//! Trunk starts the app with an inline `<script type="module">`, which a
//! strict Content-Security-Policy (`script-src 'self'`, no 'unsafe-inline')
//! refuses. This moves it into a file of its own, named by its hash and
//! loaded with a Subresource Integrity hash.
//!
//! It also lets the pre-rendered page paint first, and the app start soon
//! after. Trunk preloads the wasm and its glue at high priority, which
//! competed with the stylesheets, and its script starts the app at once,
//! which could replace the pre-render before it was ever painted (Lighthouse
//! mobile LCP 4.1 s on the seed; 1.4 s without them). So the wasm's preload
//! is dropped (even at low priority, Lighthouse then put the home page's
//! LCP at 5.1 s instead of 2.6 s in 3 of 5 runs at 1,000 releases) and
//! the glue's is kept at low priority. The loader runs as soon as the
//! document is parsed (it imports the glue dynamically, so nothing holds it
//! back); once the first contentful paint is presented it fetches the wasm,
//! checked against its integrity hash, compiles it as it arrives
//! (`WebAssembly.compileStreaming`), and starts the app with the compiled
//! module.

use std::ops::Range;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha384};

use super::entry_pages::AFTER_PAINT_META;

/// Fetches the wasm at low priority and compiles it as it arrives, once the
/// page has painted: `app` is the compiled module. Fetched before the
/// paint, it competed with the page for a slow network, and on a fast one
/// its download could end just before the first paint, which Lighthouse's
/// simulation then counted into the pre-rendered page's LCP (release page
/// at 10,000 releases: LCP 3.7–3.8 s in 5 of 11 mobile runs, against 0 of
/// 8 with the fetch after the paint; start-up here unchanged). A host
/// that serves it without the `application/wasm` type cannot stream, so
/// then the whole file is compiled (as the glue does). A failure is
/// reported where `app` is awaited, not before.
fn compile_early(wasm_url: &str, integrity: Option<&str>) -> String {
    let integrity = integrity.map_or(String::new(), |value| format!(", integrity: '{value}'"));
    format!(
        "\
const app = fetch('{wasm_url}', {{ priority: 'low'{integrity} }}).then((response) =>
  response.headers.get('Content-Type') === 'application/wasm'
    ? WebAssembly.compileStreaming(response)
    : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
app.catch(() => {{}});
"
    )
}

/// Waits until the first contentful paint has been presented (a frame
/// that ran is not enough: on a busy phone its paint can come seconds
/// later, after the app has replaced the pre-render). Where paint timing is
/// missing, after one frame; in a hidden tab, which paints nothing, at once;
/// and after 5 s whatever happened, so the app always starts.
/// Imports are hoisted, so it runs after the glue is imported and before
/// `init`.
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

/// Preloads the data files the page names (`<meta name="newsroom:after-paint">`,
/// see `entry_pages.rs`) once it has painted: they download while the app
/// is instantiated, and its own fetches take the preloaded answers.
fn preload_after_paint() -> String {
    format!(
        "\
for (const meta of document.querySelectorAll('meta[name=\"{AFTER_PAINT_META}\"]')) {{
  const link = document.createElement('link');
  Object.assign(link, {{ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: meta.content }});
  document.head.append(link);
}}
"
    )
}

/// How Trunk's preloads of the app's glue and wasm begin.
const GLUE_PRELOAD: &str = "<link rel=\"modulepreload\"";
const WASM_PRELOAD: &str = "<link rel=\"preload\" href=";

/// How Trunk's script passes the wasm's address to `init`.
const INIT_ARGUMENT: &str = "{ module_or_path: '";

/// The shell rewritten for the external loader, and the loader's file.
#[derive(Debug)]
pub struct Loader {
    /// The shell with its inline module script replaced by a `src`
    /// reference and Trunk's preloads of the app dropped.
    pub shell: String,
    pub name: String,
    pub script: String,
}

/// The shell's inline module script as an external loader ([`Loader`]);
/// `Ok(None)` when the shell has none (the build ran on it before), and an
/// error when Trunk's script does not start the app the way this expects.
pub fn externalize_loader(shell: &str, public_url: &str) -> Result<Option<Loader>, String> {
    let open_tag = "<script type=\"module\">";
    let Some(start) = shell.find(open_tag) else {
        return Ok(None);
    };
    let body_start = start + open_tag.len();
    let body_len = (shell[body_start..].find("</script>"))
        .ok_or("its inline module script has no </script>")?;
    let trunk_script = shell[body_start..body_start + body_len].trim();
    let script = with_early_compile(shell, trunk_script)?;
    let hashed = HashedScript::new("loader", &script);
    let tag = format!(
        "<script type=\"module\" src=\"{}{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        super::html::escape(public_url),
        hashed.name,
        hashed.integrity,
    );
    let end = body_start + body_len + "</script>".len();
    let rewritten = format!("{}{tag}{}", &shell[..start], &shell[end..]);
    let rewritten = super::html::remove_tags(&rewritten, WASM_PRELOAD);
    let rewritten = with_low_priority(&rewritten, GLUE_PRELOAD);
    Ok(Some(Loader {
        shell: rewritten,
        name: hashed.name,
        script,
    }))
}

/// `shell` with `fetchpriority="low"` added to the tag that begins with
/// `opening`, if there is one.
fn with_low_priority(shell: &str, opening: &str) -> String {
    let Some(start) = shell.find(opening) else {
        return shell.to_owned();
    };
    let Some(length) = shell[start..].find('>') else {
        return shell.to_owned();
    };
    let tag = shell[start..start + length]
        .trim_end_matches('/')
        .trim_end();
    format!(
        "{}{tag} fetchpriority=\"low\">{}",
        &shell[..start],
        &shell[start + length + 1..]
    )
}

/// The wasm's address as Trunk's script passes it to `init`.
fn wasm_url(trunk_script: &str) -> Result<&str, String> {
    let path = path_between(
        trunk_script,
        (INIT_ARGUMENT, "' }"),
        "pass the wasm to init",
        "the wasm's",
    )?;
    Ok(&trunk_script[path])
}

/// Where the path between `quotes` lies in Trunk's script: `expected` says
/// how the script should hold it, `whose` names it; anything but a plain
/// path is refused.
fn path_between(
    script: &str,
    (open, close): (&str, &str),
    expected: &str,
    whose: &str,
) -> Result<Range<usize>, String> {
    let unexpected = || format!("Trunk's start-up script does not {expected} as `{open}…{close}`");
    let start = script.find(open).ok_or_else(unexpected)? + open.len();
    let len = script[start..].find(close).ok_or_else(unexpected)?;
    let path = &script[start..start + len];
    if path.contains(['\\', '\'', '"', '\n']) {
        return Err(format!("{whose} address {path} is not a plain path"));
    }
    Ok(start..start + len)
}

/// How Trunk's script imports the glue (`init` and the bindings).
const GLUE_IMPORT: (&str, &str) = ("import init, * as bindings from '", "';");

/// Trunk's script with the wasm fetched and compiled after the first paint
/// (see [`compile_early`]) and the app started from the compiled module.
///
/// The glue is imported dynamically, not by Trunk's static `import`: a
/// module runs only once its static imports are in, so the loader (and
/// the paint wait and the wasm's fetch after it) waited for the glue's
/// download. Now the glue comes while the page paints.
fn with_early_compile(shell: &str, trunk_script: &str) -> Result<String, String> {
    let wasm_url = wasm_url(trunk_script)?;
    let integrity = preload_integrity(shell, wasm_url)?;
    let (glue_url, import_statement) = glue_import(trunk_script)?;
    let init_argument = format!("{INIT_ARGUMENT}{wasm_url}' }}");
    let started = (trunk_script.replacen(&init_argument, "{ module_or_path: await app }", 1))
        .replacen(
            &import_statement,
            "const bindings = await glue;\nconst init = bindings.default;",
            1,
        );
    Ok(format!(
        "const glue = import('{glue_url}');\nglue.catch(() => {{}});\n{AFTER_FIRST_PAINT}{}{}{started}\n",
        compile_early(wasm_url, integrity.as_deref()),
        preload_after_paint(),
    ))
}

/// The glue's address in Trunk's static import, and the whole statement.
fn glue_import(trunk_script: &str) -> Result<(&str, String), String> {
    let path = path_between(trunk_script, GLUE_IMPORT, "import the glue", "the glue's")?;
    let statement = path.start - GLUE_IMPORT.0.len()..path.end + GLUE_IMPORT.1.len();
    Ok((&trunk_script[path], trunk_script[statement].to_owned()))
}

/// The `integrity` of Trunk's preload of `url`, if it has one.
fn preload_integrity(shell: &str, url: &str) -> Result<Option<String>, String> {
    let Some(at) = shell.find(&format!("<link rel=\"preload\" href=\"{url}\"")) else {
        return Ok(None);
    };
    let tag = shell[at..].split('>').next().unwrap_or_default();
    let Some(value_at) = tag.find("integrity=\"") else {
        return Ok(None);
    };
    let value = &tag[value_at + "integrity=\"".len()..];
    let value = &value[..value.find('"').unwrap_or(value.len())];
    let base64 = |c: char| c.is_ascii_alphanumeric() || "+/=-".contains(c);
    if !value.chars().all(base64) {
        return Err(format!(
            "the wasm's preload has an unexpected integrity value {value}"
        ));
    }
    Ok(Some(value.to_owned()))
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

    /// Trunk's shell as it writes it: the inline start-up script, the
    /// preloads of the glue and the wasm, and a preload of something else.
    const SHELL: &str = "<head><script type=\"module\">\nimport init, * as bindings from '/app.js';\n\
        const wasm = await init({ module_or_path: '/app_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><link rel=\"x\">\
        <link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\" integrity=\"sha384-B\">\
        <link rel=\"preload\" href=\"/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-W+a/9=\" as=\"fetch\" type=\"application/wasm\">\
        <link rel=\"preload\" as=\"fetch\" crossorigin href=\"/data/index.json\"></head>";

    #[test]
    fn the_inline_loader_becomes_a_hashed_file() {
        let loader = externalize_loader(SHELL, "/newsroom/").unwrap().unwrap();
        let (rewritten, name) = (&loader.shell, &loader.name);
        assert!(
            !rewritten.contains("app_bg.wasm"),
            "the wasm is not preloaded"
        );
        assert!(rewritten.contains(
            "<link rel=\"modulepreload\" href=\"/app.js\" crossorigin=\"anonymous\" integrity=\"sha384-B\" fetchpriority=\"low\">"
        ));
        assert!(
            rewritten.contains("href=\"/data/index.json\""),
            "other preloads stay"
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
        assert!(externalize_loader("<head></head>", "/").unwrap().is_none());
    }

    #[test]
    fn the_wasm_is_fetched_compiled_and_started_after_the_first_paint() {
        let script = externalize_loader(SHELL, "/").unwrap().unwrap().script;
        let compile = script
            .find("fetch('/app_bg.wasm', { priority: 'low', integrity: 'sha384-W+a/9=' })")
            .expect("fetched with the preload's integrity, at low priority");
        let painted = script.find(AFTER_FIRST_PAINT).unwrap();
        let data = script
            .find("document.querySelectorAll('meta[name=\"newsroom:after-paint\"]')")
            .expect("the page's data preloaded");
        let glue = script
            .find("const glue = import('/app.js');")
            .expect("the glue imported at once");
        let glued = script
            .find("const bindings = await glue;\nconst init = bindings.default;")
            .expect("init taken from the glue");
        let init = script
            .find("const wasm = await init({ module_or_path: await app });")
            .expect("init gets the compiled module");
        assert!(
            glue < painted && painted < compile && compile < data && data < glued && glued < init
        );
        assert!(
            !script.contains("import init"),
            "no static import to wait for"
        );
        assert!(script.contains("WebAssembly.compileStreaming(response)"));
        assert!(script.ends_with("window.wasmBindings = bindings;\n"));
    }

    #[test]
    fn a_self_closing_preload_gets_low_priority_too() {
        assert_eq!(
            with_low_priority(
                "<link rel=\"modulepreload\" href=\"/a.js\" />",
                GLUE_PRELOAD
            ),
            "<link rel=\"modulepreload\" href=\"/a.js\" fetchpriority=\"low\">"
        );
        assert_eq!(with_low_priority("<head>", GLUE_PRELOAD), "<head>");
    }

    #[test]
    fn a_wasm_without_integrity_is_fetched_without_it() {
        let shell = SHELL.replace(" integrity=\"sha384-W+a/9=\"", "");
        let script = externalize_loader(&shell, "/").unwrap().unwrap().script;
        assert!(script.contains("fetch('/app_bg.wasm', { priority: 'low' })"));
    }

    #[test]
    fn an_unknown_start_up_script_is_an_error_not_a_broken_loader() {
        let shell = SHELL.replace("{ module_or_path: '/app_bg.wasm' }", "'/app_bg.wasm'");
        let error = externalize_loader(&shell, "/").unwrap_err();
        assert!(error.contains("does not pass the wasm to init"), "{error}");
        let shell = SHELL.replace("integrity=\"sha384-W+a/9=\"", "integrity=\"x'y\"");
        let error = externalize_loader(&shell, "/").unwrap_err();
        assert!(error.contains("unexpected integrity value"), "{error}");
        let shell = SHELL.replace("import init, * as bindings", "import start, * as bindings");
        let error = externalize_loader(&shell, "/").unwrap_err();
        assert!(error.contains("does not import the glue"), "{error}");
    }
}
