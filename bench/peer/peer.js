// The benchmark's plain JavaScript peer: what a JavaScript developer would
// ship for the same page. JSON.parse the bundle, fold text once, filter
// with the app's rules (every word must match the start of a word, case and
// accents ignored), count facets the same way, render the first 50 results.
const PAGE = 50;
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const words = (folded) => folded.match(/[\p{L}\p{N}]+/gu) ?? [];

const state = { query: '', topics: new Set(), years: new Set() };
let releases = [];
let folded = [];

const response = await fetch('releases.json');
const bundle = JSON.parse(await response.text());
releases = bundle.releases;
folded = releases.map((r) => words(fold([r.title, r.summary, r.body ?? '', ...r.topics, ...r.locations].join(' '))));
const order = releases.map((_, i) => i).sort((a, b) => releases[b].published.localeCompare(releases[a].published));
performance.mark('newsroom:indexed');

function matches(i, terms) {
  const ws = folded[i];
  return terms.every((t) => ws.some((w) => w.startsWith(t)));
}

function search() {
  const terms = words(fold(state.query));
  const base = order.filter((i) => terms.length === 0 || matches(i, terms));
  const inTopics = (i) => state.topics.size === 0 || releases[i].topics.some((t) => state.topics.has(t));
  const inYears = (i) => state.years.size === 0 || state.years.has(releases[i].published.slice(0, 4));
  const topicCounts = new Map();
  const yearCounts = new Map();
  const hits = [];
  for (const i of base) {
    const t = inTopics(i);
    const y = inYears(i);
    if (y) for (const topic of releases[i].topics) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    if (t) {
      const year = releases[i].published.slice(0, 4);
      yearCounts.set(year, (yearCounts.get(year) ?? 0) + 1);
    }
    if (t && y) hits.push(i);
  }
  return { hits, topicCounts, yearCounts };
}

function renderFacet(fieldset, counts, selected, sortKey) {
  const entries = [...counts.entries()].sort(sortKey);
  for (const key of selected) if (!counts.has(key)) entries.push([key, 0]);
  fieldset.replaceChildren(fieldset.querySelector('legend'), ...entries.map(([value, count]) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = selected.has(value);
    box.addEventListener('change', () => {
      if (box.checked) selected.add(value); else selected.delete(value);
      render();
    });
    label.append(box, ` ${value} (${count})`);
    const div = document.createElement('div');
    div.append(label);
    return div;
  }));
}

function render() {
  const { hits, topicCounts, yearCounts } = search();
  document.getElementById('count').textContent = hits.length === 1 ? '1 release' : `${hits.length} releases`;
  const list = document.getElementById('results');
  list.replaceChildren(...hits.slice(0, PAGE).map((i) => {
    const r = releases[i];
    const li = document.createElement('li');
    li.className = 'entry';
    const time = document.createElement('time');
    time.dateTime = r.published;
    time.textContent = r.published;
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = `releases/${r.slug}/`;
    a.textContent = r.title;
    h.append(a);
    const p = document.createElement('p');
    p.textContent = r.summary;
    li.append(time, h, p);
    return li;
  }));
  renderFacet(document.getElementById('topics'), topicCounts, state.topics, (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  renderFacet(document.getElementById('years'), yearCounts, state.years, (a, b) => b[0].localeCompare(a[0]));
}

document.getElementById('q').addEventListener('input', (e) => {
  state.query = e.target.value;
  render();
});
render();
