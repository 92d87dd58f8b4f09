// The plain JavaScript peer: what a JavaScript developer would ship for the
// same page. JSON.parse the light index, fold each release's searchable text
// once into words, and filter with the app's rule: every query word must be
// the start of a word in the title, summary, topics or places.
import { fold, words, loadReleases, startPage, newestFirst } from './ui.js';

const releases = await loadReleases();
const folded = releases.map((r) => words(fold([r.title, r.summary, ...r.topics, ...r.locations].join(' '))));
const order = newestFirst(releases);
performance.mark('newsroom:indexed');

startPage(releases, (query) => {
  const terms = words(fold(query));
  if (terms.length === 0) return order;
  return order.filter((i) => terms.every((t) => folded[i].some((w) => w.startsWith(t))));
});
