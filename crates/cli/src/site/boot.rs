//! The boot script: a few lines of classic JavaScript that run in `<head>`,
//! before first paint, and mark `<html>` for `style/takeover.css`:
//! - `js`: scripts run, so the app will take over, and the pre-rendered
//!   page shows exactly the app's first render (facet previews, the closed
//!   filter panel on narrow screens);
//! - `deep-link`: the address asks for a filtered view or another page,
//!   which the pre-rendered first page is not: its list, counts and filters
//!   are hidden, and a placeholder in their place says they are loading.
//!
//! An external file with an integrity hash, like the loader, so it runs
//! under the strict Content-Security-Policy.

use super::html::{escape, insert_before, marked, without_marked};
use super::loader::HashedScript;
use newsroom_engine::filters::URL_PARAMS;

/// The shell's marked block holding the script tag.
const MARK: &str = "boot";

/// The script; `deep-link` is set when any filter parameter has a value.
pub fn boot_script() -> String {
    format!(
        "// Written by newsroom-cli site: marks <html> before first paint (README, \"The pre-rendered pages\").\n\
         (function (root) {{\n  \
           root.classList.add('js');\n  \
           if (/[?&](?:{})=[^&]/.test(location.search)) root.classList.add('deep-link');\n\
         }})(document.documentElement);\n",
        URL_PARAMS.join("|")
    )
}

/// The shell with the boot script's tag before the head's first `<link>`
/// (replacing one an earlier run wrote), and the file to write (`name`,
/// `content`). It blocks the first paint, so its request goes out first,
/// ahead of the stylesheets and preloads.
pub fn with_boot_script(shell: &str, public_url: &str) -> (String, String, String) {
    let script = boot_script();
    let hashed = HashedScript::new(MARK, &script);
    let tag = format!(
        "<script src=\"{}{}\" integrity=\"{}\"></script>",
        escape(public_url),
        hashed.name,
        hashed.integrity
    );
    let shell = without_marked(shell, MARK);
    let shell = insert_before(&shell, "<link", &marked(MARK, &tag));
    (shell, hashed.name, script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_is_one_hashed_tag_in_the_head() {
        let shell = "<html><head><title>x</title><link rel=\"stylesheet\" href=\"a.css\"></head><body></body></html>";
        let (once, name, script) = with_boot_script(shell, "/newsroom/");
        let (twice, _, _) = with_boot_script(&once, "/newsroom/");
        assert_eq!(once, twice);
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert!(once.contains(&format!(
            "<script src=\"/newsroom/{name}\" integrity=\"sha384-"
        )));
        assert!(once.find(&name) < once.find("<link"));
        assert!(script.contains("q|topic|place|type|year|from|to|sort|page"));
    }
}
