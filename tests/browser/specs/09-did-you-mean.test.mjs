// Search that forgives typos: a query word that matches nothing gets "Did
// you mean …?" with the corrected query as a link, and the releases holding
// its nearest words are shown, highlighted, with a note. Words that match as
// typed are left alone. Seed site (no bodies), then the generated site with
// bodies, whose words come from the build's word list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_FULLTEXT, openSite } from '../lib/harness.mjs';
import { releases } from '../lib/seed.mjs';
import { eventually, expectCount } from '../lib/wait.mjs';

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const holding = (word) =>
  releases.filter((r) => words([r.title, r.summary, ...r.topics, ...r.locations].join(' ')).includes(word)).length;

let site;
let fullText;
before(async () => {
  site = await openSite();
  fullText = await openSite({ root: DIST_FULLTEXT });
});
after(async () => {
  await site?.close();
  await fullText?.close();
});

const searchbox = (page) => page.getByRole('searchbox', { name: 'Search releases' });
const suggestion = (page) => page.locator('.did-you-mean__suggestion');

async function typeInto(target, text) {
  const page = await target.newPage();
  await page.goto(target.url());
  await searchbox(page).pressSequentially(text);
  return page;
}

test('a misspelt place is corrected, its near matches shown and highlighted, and the suggestion followed', async () => {
  const page = await typeInto(site, 'Dushnbe');
  await suggestion(page).filter({ hasText: 'Did you mean Dushanbe?' }).waitFor();
  const expected = holding('dushanbe');
  await expectCount(page, `${expected} releases`);
  await page.getByText('No release holds “dushnbe”: shown instead are releases with the nearest words (dushanbe, highlighted).').waitFor();
  const marks = await page.locator('.timeline mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => fold(m) === 'dushanbe'), `highlighted: ${marks}`);

  await page.getByRole('link', { name: 'Dushanbe', exact: true }).click();
  await eventually(() => page.url(), (url) => url.endsWith('?q=Dushanbe'), { message: 'the corrected query is the URL' });
  await expectCount(page, `${expected} releases`);
  await eventually(() => suggestion(page).count(), (n) => n === 0, { message: 'no suggestion for a word that matches' });
  assert.equal(await searchbox(page).inputValue(), 'Dushanbe');
});

test('a long word forgives two edits, and several misspelt words are corrected together', async () => {
  const page = await typeInto(site, 'pententary');
  await suggestion(page).filter({ hasText: 'Did you mean penitentiary?' }).waitFor();
  const link = page.getByRole('link', { name: 'penitentiary', exact: true });
  assert.match(await link.getAttribute('href'), /\?q=penitentiary$/);

  const two = await typeInto(site, 'penitentary Tajikstan');
  const both = two.getByRole('link', { name: 'penitentiary Tajikistan', exact: true });
  await both.waitFor();
  // The corrected words are emphasised inside the link.
  assert.deepEqual(await both.locator('strong').allTextContents(), ['penitentiary', 'Tajikistan']);
  await both.click();
  await eventually(() => two.url(), (url) => url.endsWith('?q=penitentiary+Tajikistan'), { message: 'followed' });
  await expectCount(two, '1 release');
});

test('a word that matches as typed is never corrected or widened', async () => {
  const page = await typeInto(site, 'dusha');
  await expectCount(page, `${holding('dushanbe')} releases`);
  const none = await typeInto(site, 'roundtable sarajevo');
  await expectCount(none, 'No releases match');
  assert.equal(await suggestion(page).count(), 0);
  assert.equal(await suggestion(none).count(), 0);
});

/** Damerau distance (optimal string alignment), as the engine counts edits. */
function edits(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('full-text words come from the word list, fetched once, on the first word of four letters', async () => {
  const bundle = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, 'releases.json'), 'utf8'));
  const light = bundle.releases.map((r) => new Set(words([r.title, r.summary, ...r.topics, ...r.locations].join(' '))));
  const bodies = bundle.releases.map((r) => new Set(words(r.body ?? '')));
  const all = [...new Set([...light, ...bodies].flatMap((set) => [...set]))];
  // A word only in bodies, its middle letter dropped: one edit from it, a
  // prefix of no word, and no other word within one edit, so it alone is nearest.
  const inLight = new Set(light.flatMap((set) => [...set]));
  const typoOf = (w) => w.slice(0, w.length >> 1) + w.slice((w.length >> 1) + 1);
  const candidates = all.filter((w) => w.length >= 8 && /^[a-z]+$/.test(w) && !inLight.has(w));
  candidates.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const word = candidates.find((w) => {
    const typo = typoOf(w);
    return all.every((other) => other === w || (!other.startsWith(typo) && (Math.abs(other.length - typo.length) > 1 || edits(typo, other) > 1)));
  });
  assert.ok(word, 'the generated bundle has a body-only word with no near neighbour');
  const typo = typoOf(word);
  const page = await fullText.newPage();
  await page.goto(fullText.url());
  await searchbox(page).waitFor();
  const wordLists = () => fullText.server.requests.filter((path) => path.endsWith('/words.txt')).length;
  assert.equal(wordLists(), 0, 'not fetched before it is needed');
  await searchbox(page).pressSequentially(typo);
  const link = page.getByRole('link', { name: word, exact: true });
  await link.waitFor();
  const expected = bodies.filter((set) => set.has(word)).length;
  await expectCount(page, expected === 1 ? '1 release' : `${expected} releases`);
  await page.getByText('Found in the full text').first().waitFor();
  await link.click();
  await eventually(() => page.url(), (url) => url.endsWith(`?q=${word}`), { message: 'followed' });
  await eventually(() => suggestion(page).count(), (n) => n === 0, { message: 'no suggestion once corrected' });
  await expectCount(page, expected === 1 ? '1 release' : `${expected} releases`);
  assert.equal(wordLists(), 1, 'fetched once');
});

test('a word far rarer than a near word keeps its releases and is offered the near word', async () => {
  const bundle = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, 'releases.json'), 'utf8'));
  const fields = bundle.releases.map((r) => ({
    light: new Set(words([r.title, r.summary, ...r.topics, ...r.locations].join(' '))),
    labels: new Set(words([...r.topics, ...r.locations].join(' '))),
    body: new Set(words(r.body ?? '')),
  }));
  // As the engine weighs a word: the larger of its catalog and full-text counts.
  const count = new Map();
  for (const part of ['light', 'body']) {
    const seen = new Map();
    for (const f of fields) for (const w of f[part]) seen.set(w, (seen.get(w) ?? 0) + 1);
    for (const [w, n] of seen) count.set(w, Math.max(count.get(w) ?? 0, n));
  }
  const labelWords = new Set(fields.flatMap((f) => [...f.labels]));
  const all = [...count.keys()].filter((w) => !/\p{N}/u.test(w));
  const nearest = (typed) => {
    const allowed = typed.length <= 7 ? 1 : 2;
    const near = all
      .filter((w) => w !== typed && Math.abs(w.length - typed.length) <= allowed)
      .map((w) => ({ w, d: edits(typed, w) }))
      .filter(({ d }) => d <= allowed);
    const best = Math.min(...near.map(({ d }) => d));
    return near
      .filter(({ d }) => d === best)
      .sort((a, b) => count.get(b.w) - count.get(a.w) || a.w.localeCompare(b.w))
      .slice(0, 8)
      .map(({ w }) => w);
  };
  const offered = (typed) =>
    nearest(typed).find((w) => !w.startsWith(typed) && count.get(w) >= 10 * count.get(typed));
  const typed = all
    .filter((w) => w.length >= 6 && /^[a-z]+$/.test(w) && !labelWords.has(w))
    .sort()
    .find((w) => offered(w));
  assert.ok(typed, 'the generated bundle has a rare word beside a common near word');
  const near = offered(typed);
  const holdingPrefix = (prefix) =>
    fields.filter((f) => [...f.light, ...f.body].some((w) => w.startsWith(prefix))).length;
  const releasesText = (n) => (n === 1 ? '1 release' : `${n} releases`);

  const page = await typeInto(fullText, typed);
  const link = page.getByRole('link', { name: near, exact: true });
  await link.waitFor();
  await suggestion(page).filter({ hasText: `Did you mean ${near}?` }).waitFor();
  await expectCount(page, releasesText(holdingPrefix(typed)));
  assert.equal(await page.locator('.did-you-mean__note').count(), 0, 'no near-match note: the results are as typed');
  await link.click();
  await eventually(() => page.url(), (url) => url.endsWith(`?q=${near}`), { message: 'followed' });
  await expectCount(page, releasesText(holdingPrefix(near)));
});
