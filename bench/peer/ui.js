// What the plain JavaScript and the MiniSearch peers share: the app's text
// rules, loading the light index, and the page itself (search box, facet
// counts, the first 50 results). Each peer brings only its engine: a
// function from the query to the matching releases, in the order it shows.
const PAGE = 50;

/** Case and accents ignored, as the app folds. */
export const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Words: runs of letters and digits (the app's word rule). */
export const words = (folded) => folded.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The light index's releases; the benchmark passes its path as ?index=. */
export async function loadReleases() {
  const path = new URLSearchParams(location.search).get('index');
  const response = await fetch(path);
  return JSON.parse(await response.text()).releases;
}

/**
 * Runs the page. `match(query)` returns indices into `releases`; the peer's
 * engine time (match + facet counts) is a `newsroom:search` measure, as the
 * app's is.
 */
export function startPage(releases, match) {
  const state = { query: '', topics: new Set(), years: new Set() };
  const year = (i) => releases[i].published.slice(0, 4);

  // Facets count within the other facets' selection, so a count says what
  // ticking that box would give (the app's rule).
  function search() {
    performance.mark('peer:search-start');
    const base = match(state.query);
    const inTopics = (i) => state.topics.size === 0 || releases[i].topics.some((t) => state.topics.has(t));
    const inYears = (i) => state.years.size === 0 || state.years.has(year(i));
    const topicCounts = new Map();
    const yearCounts = new Map();
    const hits = [];
    for (const i of base) {
      const t = inTopics(i);
      const y = inYears(i);
      if (y) for (const topic of releases[i].topics) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
      if (t) yearCounts.set(year(i), (yearCounts.get(year(i)) ?? 0) + 1);
      if (t && y) hits.push(i);
    }
    performance.measure('newsroom:search', 'peer:search-start');
    return { hits, topicCounts, yearCounts };
  }

  function renderFacet(fieldset, counts, selected, order) {
    const entries = [...counts.entries()].sort(order);
    for (const key of selected) if (!counts.has(key)) entries.push([key, 0]);
    fieldset.replaceChildren(fieldset.querySelector('legend'), ...entries.map(([value, count]) => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = selected.has(value);
      box.addEventListener('change', () => {
        if (box.checked) selected.add(value); else selected.delete(value);
        render();
      });
      const label = document.createElement('label');
      label.append(box, ` ${value} (${count})`);
      const div = document.createElement('div');
      div.append(label);
      return div;
    }));
  }

  function entry(r) {
    const li = document.createElement('li');
    li.className = 'entry';
    const time = document.createElement('time');
    time.dateTime = r.published;
    time.textContent = r.published;
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = `/releases/${r.slug}/`;
    a.textContent = r.title;
    h.append(a);
    const p = document.createElement('p');
    p.textContent = r.summary;
    li.append(time, h, p);
    return li;
  }

  function render() {
    const { hits, topicCounts, yearCounts } = search();
    document.getElementById('count').textContent = hits.length === 1 ? '1 release' : `${hits.length} releases`;
    document.getElementById('results').replaceChildren(...hits.slice(0, PAGE).map((i) => entry(releases[i])));
    renderFacet(document.getElementById('topics'), topicCounts, state.topics, (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    renderFacet(document.getElementById('years'), yearCounts, state.years, (a, b) => b[0].localeCompare(a[0]));
  }

  document.getElementById('q').addEventListener('input', (e) => {
    state.query = e.target.value;
    render();
  });
  render();
}

/** Release indices, newest first: the order without a query. */
export const newestFirst = (releases) =>
  releases.map((_, i) => i).sort((a, b) => releases[b].published.localeCompare(releases[a].published));
