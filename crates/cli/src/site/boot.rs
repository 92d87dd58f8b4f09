//! The boot script: a few lines of classic JavaScript that run in `<head>`,
//! before first paint, and mark `<html>` for `style/takeover.css`:
//! - `js`: scripts run, so the app will take over, and the pre-rendered
//!   page shows exactly the app's first render (facet previews, the closed
//!   filter panel on narrow screens);
//! - `deep-link`: the address asks for a filtered view or another page,
//!   which the pre-rendered first page is not: its list, counts and filters
//!   are hidden, and a placeholder in their place says they are loading;
//! - `deep-link-newest`: the address asks only for facet values and dates,
//!   newest first, page 1, so the view begins with the pre-rendered
//!   entries it holds (the pre-render is the newest page, in the same
//!   order): once the page is parsed they are marked `asked` and shown,
//!   with the filter panel's toggle saying how many filters apply, and for
//!   one facet value the count its panel gives that value
//!   (`deep-link-counted`); the rest stays hidden until the app has it.
//!   The URL is read as the app reads it (leptos_router, then
//!   `Filters::from_query`); whatever the script
//!   cannot read the same way (a search, another sort or page) shows
//!   nothing early.
//!
//! An external file with an integrity hash, like the loader, so it runs
//! under the strict Content-Security-Policy.

use super::html::{escape, insert_before, marked, without_marked};
use super::loader::HashedScript;
use newsroom_engine::filters::{MAX_PAGE, MAX_VALUE_CHARS, MAX_VALUES_PER_FACET, URL_PARAMS};

/// The shell's marked block holding the script tag.
const MARK: &str = "boot";

/// The script, with the filters' URL limits filled in, and without its
/// comments and indentation past the first line (it blocks the first paint).
pub fn boot_script() -> String {
    let mut lines = SCRIPT.lines();
    let first = lines.next().unwrap_or_default();
    let rest = lines
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"));
    std::iter::once(first)
        .chain(rest)
        .map(|line| format!("{line}\n"))
        .collect::<String>()
        .replace("PARAMS", &URL_PARAMS.join("|"))
        .replace("MAX_VALUE_CHARS", &MAX_VALUE_CHARS.to_string())
        .replace("MAX_VALUES_PER_FACET", &MAX_VALUES_PER_FACET.to_string())
        .replace("MAX_PAGE", &MAX_PAGE.to_string())
}

const SCRIPT: &str = r#"// Written by newsroom-cli site: marks <html> before first paint (README, "The pre-rendered pages").
(function (root) {
  root.classList.add('js');
  // The query as the app reads it: the router takes one '?', Filters::from_query another.
  var pairs = parameters(location.search.replace(/^\?\??/, '')), names = 'PARAMS'.split('|');
  if (!pairs.some(function (pair) { return names.indexOf(pair.key) >= 0; })) return;
  root.classList.add('deep-link');
  var asked = newestFirstView(pairs);
  if (!asked) return;
  var show = function () {
    var page = document.getElementById('static-page');
    if (document.readyState === 'loading' || !page) return;
    document.removeEventListener('readystatechange', show);
    var shown = false;
    page.querySelectorAll('.timeline .entry').forEach(function (entry) {
      if (!isAsked(entry)) return;
      [entry, entry.closest('.month'), entry.closest('.year')].forEach(function (e) { e.classList.add('asked'); });
      shown = true;
    });
    if (shown) root.classList.add('deep-link-newest');
    // As the app words it (Filters::active_count).
    var toggle = page.querySelector('.filters__toggle');
    var count = asked.topic.length + asked.place.length + asked.type.length + asked.year.length + !!asked.from + !!asked.to;
    if (toggle) toggle.textContent = count ? 'Filters (' + count + ')' : 'Filters';
    // One facet value's view holds what the panel counts for that value.
    var total = oneValueCount(page), counter = page.querySelector('.result-count');
    if (total === null || !counter || !shown) return;
    counter.textContent = total.toLocaleString('en-US') + (total === 1 ? ' release' : ' releases');
    root.classList.add('deep-link-counted');
  };
  document.addEventListener('readystatechange', show);
  show();

  // The parameters Filters::from_query applies: both halves decoded, the value not empty.
  function parameters(query) {
    return query.split('&').map(function (pair) {
      var at = pair.indexOf('=');
      return { key: decoded(at < 0 ? pair : pair.slice(0, at)), value: decoded(at < 0 ? '' : pair.slice(at + 1)) };
    }).filter(function (pair) { return pair.key !== null && pair.value; });
  }
  // The filters read as Filters::from_query reads them, or null for a view
  // that is not the newest releases matching facets and dates.
  function newestFirstView(pairs) {
    var view = { topic: [], place: [], type: [], year: [], from: null, to: null }, sort = null, page = 1;
    pairs.forEach(function (pair) {
      var key = pair.key, value = pair.value;
      if (Array.from(value).length > MAX_VALUE_CHARS) return;
      if (key === 'q') view = null;
      if (!view) return;
      if (key === 'topic' || key === 'place') addOnce(view[key], value);
      if (key === 'type') addOnce(view.type, value === '(none)' ? null : value);
      if (key === 'year' && /^[0-9]{4}$/.test(value)) addOnce(view.year, value);
      if ((key === 'from' || key === 'to') && !view[key]) view[key] = isoDate(value);
      if (key === 'sort' && !sort && /^(newest|oldest|relevance)$/.test(value)) sort = value;
      if (key === 'page' && page === 1 && /^[0-9]+$/.test(value) && +value <= MAX_PAGE) page = +value || 1;
    });
    return sort === 'oldest' || page > 1 ? null : view;
  }
  function decoded(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return null; }
  }
  function addOnce(values, value) {
    if (values.length < MAX_VALUES_PER_FACET && values.indexOf(value) < 0) values.push(value);
  }
  function isoDate(text) {
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text), date = new Date(0);
    if (!m) return null;
    date.setUTCFullYear(+m[1], m[2] - 1, +m[3]);
    return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === m[2] - 1 && date.getUTCDate() === +m[3] ? text : null;
  }
  function oneValueCount(page) {
    var facets = ['topic', 'place', 'type', 'year'].filter(function (key) { return asked[key].length; });
    var key = facets[0], found = null;
    if (facets.length !== 1 || asked[key].length !== 1 || asked.from || asked.to) return null;
    page.querySelectorAll('#facet-' + key + ' .facet__link').forEach(function (link) {
      var view = newestFirstView(parameters(link.search.slice(1)));
      if (view && view[key][0] === asked[key][0]) found = +/[0-9]+/.exec(link.querySelector('.facet__count').textContent)[0];
    });
    return found;
  }
  // Values in one facet widen the view, facets and dates narrow it.
  function isAsked(entry) {
    var date = entry.querySelector('time').getAttribute('datetime');
    var has = function (wanted, values) {
      return !wanted.length || values.some(function (value) { return wanted.indexOf(value) >= 0; });
    };
    return has(asked.topic, JSON.parse(entry.dataset.topics)) && has(asked.place, JSON.parse(entry.dataset.places))
      && has(asked.type, [JSON.parse(entry.dataset.type)]) && has(asked.year, [date.slice(0, 4)])
      && (!asked.from || date >= asked.from) && (!asked.to || date <= asked.to);
  }
})(document.documentElement);
"#;

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
        assert!(script.starts_with("// Written by newsroom-cli site"));
        assert_eq!(script.matches("//").count(), 1, "one comment: {script}");
        assert!(!script.contains("\n "), "no indentation");
    }
}
