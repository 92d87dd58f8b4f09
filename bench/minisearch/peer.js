// The MiniSearch peer: the same page on MiniSearch (npm), indexing title,
// summary, topics and places with the app's folding and word rule, searching
// with prefix matching where every word must match (combineWith 'AND').
// Results come in MiniSearch's relevance order; start-up includes building
// its index.
import MiniSearch from '/bench/minisearch.js';
import { fold, words, loadReleases, startPage, newestFirst } from '/bench/peer/ui.js';

const releases = await loadReleases();
const miniSearch = new MiniSearch({
  fields: ['title', 'summary', 'topics', 'places'],
  // Documents are { id, r }: the index position and the release, unchanged.
  extractField: (doc, field) => {
    if (field === 'id') return doc.id;
    if (field === 'topics') return doc.r.topics.join(' ');
    if (field === 'places') return doc.r.locations.join(' ');
    return doc.r[field];
  },
  tokenize: (text) => words(fold(text)),
  processTerm: (term) => term,
  searchOptions: { prefix: true, combineWith: 'AND' },
});
miniSearch.addAll(releases.map((r, id) => ({ id, r })));
const order = newestFirst(releases);
performance.mark('newsroom:indexed');

startPage(releases, (query) => {
  if (words(fold(query)).length === 0) return order;
  return miniSearch.search(query).map((result) => result.id);
});
