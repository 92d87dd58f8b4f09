// Full texts live outside the light index: a release's body comes from its
// shard when it is opened, and searching bodies fetches only the pieces of
// the term index that the query's words can be in. Run against a site built
// from a generated bundle with bodies (2,000 releases, several shards and pieces).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_FULLTEXT, dataPath, openSite } from '../lib/harness.mjs';
import { eventually, showWholePage } from '../lib/wait.mjs';

const bundle = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, 'releases.json'), 'utf8'));
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const light = bundle.releases.map((r) => new Set(words([r.title, r.summary, ...r.topics, ...r.locations].join(' '))));
const body = bundle.releases.map((r) => new Set(words(r.body ?? '')));
const has = (set, prefix) => [...set].some((w) => w.startsWith(prefix));
const matching = (prefix) => bundle.releases.filter((_, i) => has(light[i], prefix) || has(body[i], prefix)).length;

/** A word of 6+ letters found in two or more bodies and in nothing else. */
function bodyOnlyWord() {
  const counts = new Map();
  body.forEach((set) => set.forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1)));
  for (const [word, count] of counts) {
    if (word.length >= 6 && count >= 2 && !light.some((set) => has(set, word)) && !body.some((set) => [...set].some((w) => w !== word && w.startsWith(word)))) {
      return { word, count };
    }
  }
  throw new Error('the generated bundle has no body-only word');
}

let site;
before(async () => {
  site = await openSite({ root: DIST_FULLTEXT });
});
after(async () => site?.close());

const count = (page) => page.locator('.result-count').innerText();
const asNumber = (text) => Number(text.replace(/[^0-9]/g, ''));

test('a word only in full texts finds those releases, marked as found in the full text', async () => {
  const { word, count: expected } = bodyOnlyWord();
  const page = await site.newPage();
  await page.goto(site.url(`?q=${word}`));
  await eventually(() => count(page), (t) => asNumber(t) === expected, { message: `${expected} releases for ${word}` });
  await showWholePage(page);
  const marks = page.getByText('Found in the full text');
  await eventually(() => marks.count(), (n) => n === Math.min(expected, 50), { message: 'every entry says why it matched' });
  const pieces = site.server.requests.filter((path) => path.includes('/terms/'));
  assert.ok(pieces.length >= 1 && pieces.length <= 3, `only the pieces the word can be in: ${pieces}`);
});

test('search counts titles, summaries and full texts together', async () => {
  const page = await site.newPage();
  const box = page.getByRole('searchbox', { name: 'Search releases' });
  await page.goto(site.url());
  await box.fill('training');
  await eventually(() => count(page), (t) => asNumber(t) === matching('training'), { message: 'training everywhere' });
  await box.fill('training works');
  const both = bundle.releases.filter((_, i) => ['training', 'works'].every((w) => has(light[i], w) || has(body[i], w))).length;
  await eventually(() => count(page), (t) => asNumber(t) === both, { message: 'two words, each anywhere' });
});

test('opening a release fetches its body shard and shows the full text', async () => {
  const release = bundle.releases.find((r) => r.body);
  const page = await site.newPage();
  await page.goto(site.url(`?q=${encodeURIComponent(release.title)}`));
  const before = site.server.requests.length;
  await page.getByRole('link', { name: release.title, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
  const firstParagraph = release.body.split('\n\n')[0].trim();
  await page.locator('.release__body p').first().filter({ hasText: firstParagraph }).waitFor();
  const fetched = site.server.requests.slice(before).filter((path) => path.includes('/bodies/'));
  assert.equal(fetched.length, 1, `one shard: ${fetched}`);
});

test('a body that cannot be fetched says so and can be tried again', async () => {
  const release = bundle.releases.find((r) => r.body);
  const page = await site.newPage({ expectErrors: true });
  await page.route('**/bodies/*.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto(site.url(`releases/${release.slug}/`));
  await page.getByRole('alert').filter({ hasText: /full text could not be loaded from .*bodies\/\d+\.json: the server answered 503/ }).waitFor();
  await page.unroute('**/bodies/*.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.release__body p').first().waitFor();
});

test('when the full-text index fails, results from titles and summaries stay, with a note', async () => {
  const page = await site.newPage({ expectErrors: true });
  await page.route('**/terms/*.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto(site.url('?q=training'));
  await page.getByText(/The full texts could not be searched: .*the server answered 500/).waitFor();
  const inLight = bundle.releases.filter((_, i) => has(light[i], 'training')).length;
  await eventually(() => count(page), (t) => asNumber(t) === inLight, { message: 'light results only' });
});

test('the derived files are where the page says', async () => {
  const manifest = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, dataPath('manifest.json', DIST_FULLTEXT).slice(1)), 'utf8'));
  assert.equal(manifest.releases, bundle.releases.length);
  assert.ok(manifest.body_shards > 1, 'several body shards');
  assert.ok(manifest.term_pieces.length > 1, 'several term pieces');
  const index = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, dataPath('index.json', DIST_FULLTEXT).slice(1)), 'utf8'));
  assert.ok(index.releases.every((r) => r.body === undefined), 'no bodies in the light index');
  assert.equal(index.releases.filter((r) => r.has_body).length, bundle.releases.filter((r) => r.body).length);
});
