// The Pagefind peer: full-text search over the site's static entry pages,
// indexed at build time by Pagefind (npm) and searched with its own script,
// as a static site would ship it. Every keystroke searches (no debounce, to
// be fair to it); a result list is shown only if its query is still the
// one in the box.
const SHOWN = 10; // a first screenful: each result's data (title, excerpt) is a fetch

const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init(); // its wasm and metadata, before the first keystroke
performance.mark('newsroom:indexed');

const box = document.getElementById('q');
const list = document.getElementById('results');
box.addEventListener('input', async () => {
  const query = box.value;
  if (query.trim() === '') return list.replaceChildren();
  const search = await pagefind.search(query);
  if (box.value !== query) return;
  const pages = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
  if (box.value !== query) return;
  document.getElementById('count').textContent = `${search.results.length} releases`;
  list.dataset.query = query;
  list.replaceChildren(...pages.map((page) => {
    const li = document.createElement('li');
    li.className = 'entry';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = page.url;
    a.textContent = page.meta.title;
    h.append(a);
    const p = document.createElement('p');
    p.innerHTML = page.excerpt; // Pagefind's excerpt: text it escaped, with <mark> around hits
    li.append(h, p);
    return li;
  }));
});
