// A large archive read in segments: the build chose `--data-layout
// segmented`, so the app starts from the start columns and fetches the
// pieces of the search index, the records shards and the address list a
// view needs, never the whole light index. What it shows must be exactly
// what the whole archive gives; every kind of segment that fails has its
// message and "Try again". Against 3,000 generated releases with bodies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_SEGMENTED, dataPath, openSite } from '../lib/harness.mjs';
import { FIRST_SHOWN, afterTwoFrames, eventually, expectTitles, showWholePage, timelineTitles, tookOver } from '../lib/wait.mjs';

const PAGE_SIZE = 50;
const bundle = JSON.parse(readFileSync(resolve(DIST_SEGMENTED, 'releases.json'), 'utf8'));
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const light = bundle.releases.map((r) => words([r.title, r.summary, ...r.topics, ...r.locations].join(' ')));
const body = bundle.releases.map((r) => words(r.body ?? ''));
const holds = (i, prefix) => light[i].some((w) => w.startsWith(prefix)) || body[i].some((w) => w.startsWith(prefix));
const byNewest = (a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug);
const byOldest = (a, b) => a.published.localeCompare(b.published) || a.slug.localeCompare(b.slug);
const newest = [...bundle.releases].sort(byNewest);
const titles = (releases, page = 1) => releases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.title);
const thousands = (n) => n.toLocaleString('en-GB');

/** The bytes of every derived data file the server was asked for since `from`. */
function dataFetched(from = 0) {
  const paths = site.server.requests.slice(from).filter((path) => path.startsWith('/data/'));
  return { paths, bytes: paths.reduce((sum, path) => sum + statSync(resolve(DIST_SEGMENTED, `.${path}`)).size, 0) };
}

/** A word of the titles held by a few dozen releases, none of whose other words it begins. */
function titleWord() {
  const counts = new Map();
  bundle.releases.forEach((r) => new Set(words(r.title)).forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1)));
  for (const [word, count] of counts) {
    if (word.length >= 7 && count >= 20 && count <= 200) return word;
  }
  throw new Error('no title word for the test');
}

/** A word of 6+ letters found in two or more bodies and nowhere else. */
function bodyOnlyWord() {
  const counts = new Map();
  body.forEach((list) => new Set(list).forEach((w) => counts.set(w, (counts.get(w) ?? 0) + 1)));
  for (const [word, count] of counts) {
    if (word.length >= 6 && count >= 2 && !light.some((list) => list.some((w) => w.startsWith(word)))
      && !body.some((list) => list.some((w) => w !== word && w.startsWith(word)))) {
      return word;
    }
  }
  throw new Error('the generated bundle has no body-only word');
}

// Found once: the server answers from this process, so the tests must
// not keep its event loop busy while the page waits for segments.
const TITLE_WORD = titleWord();
const TITLE_WORD_COUNT = bundle.releases.filter((_, i) => holds(i, TITLE_WORD)).length;
const BODY_WORD = bodyOnlyWord();
const BODY_WORD_COUNT = bundle.releases.filter((_, i) => holds(i, BODY_WORD)).length;

let site;
before(async () => {
  site = await openSite({ root: DIST_SEGMENTED });
});
after(async () => site?.close());

const count = (page) => page.locator('.result-count').innerText();
const asNumber = (text) => Number(text.replace(/[^0-9]/g, ''));
const facet = (page, legend) => page.getByRole('group', { name: legend });
const searchBox = (page) => page.getByRole('searchbox', { name: 'Search releases' });

test('the home page opens from the start columns: the newest releases, without the light index', async () => {
  const from = site.server.requests.length;
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, titles(newest));
  await eventually(() => count(page), (t) => t === `${thousands(bundle.releases.length)} releases`, { message: 'every release counted' });
  const fetched = dataFetched(from);
  assert.ok(fetched.paths.some((p) => p.endsWith('/segments/start.bin')), fetched.paths.join('\n'));
  assert.ok(!fetched.paths.some((p) => p.endsWith('/index.json')), 'never the light index');
  // The first entries' records came with the page (its preloads), and the
  // app used them: one request each, made by the page's <link>.
  const records = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/segments/records/')).map((e) => `${e.name.split('/').pop()} ${e.initiatorType}`));
  assert.deepEqual(records.sort(), ['0.json link', '1.json link']);
  for (const shard of ['0', '1']) {
    const asked = fetched.paths.filter((p) => p.endsWith(`/segments/records/${shard}.json`));
    assert.equal(asked.length, 1, fetched.paths.join('\n'));
  }
  const index = statSync(resolve(DIST_SEGMENTED, `.${dataPath('index.json', DIST_SEGMENTED)}`)).size;
  assert.ok(fetched.bytes * 10 < index, `${fetched.bytes} bytes fetched, the light index is ${index}`);
});

test('a search finds exactly what the whole archive holds, titles and full texts, fetching pieces only', async () => {
  const [word, expected] = [TITLE_WORD, TITLE_WORD_COUNT];
  const page = await site.newPage();
  await page.goto(site.url());
  const from = site.server.requests.length;
  await searchBox(page).fill(word);
  await eventually(() => count(page), (t) => asNumber(t) === expected && t.includes('release'), { message: `${expected} for ${word}` });
  const firstTitle = await page.locator('.timeline .entry__title').first().innerText();
  const first = bundle.releases.find((r) => r.title === firstTitle);
  assert.ok(first && holds(bundle.releases.indexOf(first), word), `the first result holds ${word}: ${firstTitle}`);
  const fetched = dataFetched(from);
  assert.ok(fetched.paths.some((p) => p.includes('/segments/words/')), fetched.paths.join('\n'));
  assert.ok(!fetched.paths.some((p) => p.endsWith('/index.json')));

  await searchBox(page).fill(BODY_WORD);
  await eventually(() => count(page), (t) => asNumber(t) === BODY_WORD_COUNT && t.includes('release'), { message: BODY_WORD });
  await showWholePage(page);
  await eventually(() => page.getByText('Found in the full text').count(), (n) => n === Math.min(BODY_WORD_COUNT, PAGE_SIZE), {
    message: `${BODY_WORD_COUNT} found in full texts`,
  });
});

test('a facet, a date range, the sort and the pages give the whole archive\'s answer', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  const topics = new Map();
  bundle.releases.forEach((r) => r.topics.forEach((t) => topics.set(t, (topics.get(t) ?? 0) + 1)));
  const [topic, topicCount] = [...topics].sort((a, b) => b[1] - a[1])[0];
  await facet(page, 'What we do').getByRole('checkbox', { name: new RegExp(`^${topic}`) }).check();
  await eventually(() => count(page), (t) => t === `${thousands(topicCount)} releases`, { message: `${topic}: ${topicCount}` });
  await expectTitles(page, titles(newest.filter((r) => r.topics.includes(topic))));

  const inRange = (r) => r.published >= '2010-01-01' && r.published <= '2015-12-31' && r.topics.includes(topic);
  const oldest = bundle.releases.filter(inRange).sort(byOldest);
  assert.ok(oldest.length > PAGE_SIZE, 'more than one page in the range');
  await page.goto(site.url(`?topic=${encodeURIComponent(topic)}&from=2010-01-01&to=2015-12-31&sort=oldest&page=2`));
  await eventually(() => count(page), (t) => t === `${thousands(oldest.length)} releases`, { message: 'the range' });
  await expectTitles(page, titles(oldest, 2), 'page 2, oldest first');
  await page.getByRole('link', { name: 'Next page →' }).first().click();
  await expectTitles(page, titles(oldest, 3), 'page 3');
  // The rest of the page comes with its records, fetched when asked for.
  assert.ok((await timelineTitles(page)).length < PAGE_SIZE, `at first a screenful (${FIRST_SHOWN} or so)`);
  await showWholePage(page);
  assert.deepEqual(await timelineTitles(page), titles(oldest, 3));
});

test('a deep link to a release fetches its address bucket and record, with its neighbours', async () => {
  const at = 1234;
  const release = newest[at];
  const from = site.server.requests.length;
  const page = await site.newPage();
  await page.goto(site.url(`releases/${release.slug}/`));
  await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
  const neighbours = page.getByRole('navigation', { name: 'Previous and next release' });
  await neighbours.getByRole('link', { name: new RegExp(escapeRegExp(newest[at + 1].title)) }).waitFor();
  await neighbours.getByRole('link', { name: new RegExp(escapeRegExp(newest[at - 1].title)) }).waitFor();
  const fetched = dataFetched(from);
  assert.ok(fetched.paths.some((p) => p.includes('/segments/slugs/')), fetched.paths.join('\n'));
  assert.ok(!fetched.paths.some((p) => p.endsWith('/index.json')));
  // The budget at 100,000 releases is 1 MB; here the body's shard is most of it.
  const withoutBody = fetched.paths.filter((p) => !p.includes('/bodies/'));
  assert.ok(withoutBody.length <= 8, `start, manifest, one address bucket, records: ${withoutBody}`);
  assert.ok(fetched.bytes < 1_000_000, `${fetched.bytes} bytes of data for one release: ${fetched.paths}`);

  // The host answers 404 with 404.html, which the browser logs.
  const missing = await site.newPage({ expectErrors: true });
  await missing.goto(site.url('releases/no-such-release/'));
  await missing.getByRole('heading', { level: 1, name: 'Release not found' }).waitFor();
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Each kind of segment, failing with a server error: the reader is told
// what could not be loaded, and "Try again" brings the view once it is back.
const failures = [
  {
    kind: 'a piece of the search index',
    path: /^\/data\/[^/]+\/segments\/words\//,
    act: async (page) => searchBox(page).fill(TITLE_WORD),
    done: async (page) => eventually(() => count(page), (t) => asNumber(t) === TITLE_WORD_COUNT && !t.startsWith('Searching'), { message: 'the search answered' }),
  },
  {
    kind: 'a piece of the search index (phrases)',
    path: /^\/data\/[^/]+\/segments\/phrases\//,
    act: async (page) => searchBox(page).fill(`"${words(newest[0].title).slice(0, 2).join(' ')}"`),
    done: async (page) => eventually(() => count(page), (t) => /^\d[\d,]* releases?$/.test(t), { message: 'the phrase answered' }),
  },
  {
    kind: 'a piece of the search index (short prefixes)',
    path: /^\/data\/[^/]+\/segments\/prefixes\//,
    act: async (page) => searchBox(page).fill(words(newest[0].title)[0].slice(0, 2)),
    done: async (page) => eventually(() => count(page), (t) => /^\d[\d,]* releases?$/.test(t), { message: 'the prefix answered' }),
  },
  {
    kind: 'a shard of release titles and summaries',
    path: /^\/data\/[^/]+\/segments\/records\//,
    act: async (page) => page.getByRole('link', { name: 'Next page →' }).first().click(),
    done: async (page) => expectTitles(page, titles(newest, 2), 'page 2'),
  },
  {
    kind: 'the full-text order table',
    path: /^\/data\/[^/]+\/segments\/order\.bin$/,
    act: async (page) => searchBox(page).fill(BODY_WORD),
    done: async (page) => eventually(() => page.getByText('Found in the full text').count(), (n) => n > 0, { message: 'found in full texts' }),
  },
];

for (const { kind, path, act, done } of failures) {
  test(`${kind} that fails: a message naming it, and "Try again"`, async () => {
    const page = await site.newPage({ expectErrors: true });
    await page.goto(site.url());
    site.server.setFault(path, (req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('down for maintenance');
    });
    try {
      await act(page);
      const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
      await alert.waitFor();
      assert.match(await alert.innerText(), /503/);
    } finally {
      site.server.clearFaults();
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await done(page);
    const left = await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).allInnerTexts();
    assert.deepEqual(left, [], 'no failure left');
  });
}

test('a filtered deep link takes over with its list, panel and chart at once: nothing moves', async () => {
  const release = newest.find((r) => r.topics.length > 0);
  const [topic, word] = [release.topics[0], words(release.title)[0]];
  const page = await site.newPage({ preRender: true });
  await page.setViewportSize({ width: 1350, height: 940 });
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // At the first moment the pre-render is gone: which parts are in.
    new MutationObserver((_, observer) => {
      if (document.getElementById('static-page') || !document.querySelector('main')) return;
      observer.disconnect();
      window.__atSwap = ['.timeline .entry', '.active-filters', '.histogram svg a']
        .filter((selector) => document.querySelector(selector));
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(site.url(`?topic=${encodeURIComponent(topic)}&q=${word}`));
  await tookOver(page);
  assert.deepEqual(await page.evaluate(() => window.__atSwap), ['.timeline .entry', '.active-filters', '.histogram svg a']);
  await afterTwoFrames(page);
  const shift = await page.evaluate(() => window.__layoutShift);
  assert.ok(shift <= 0.02, `layout shift ${shift}`);
});

test('a facet value pressed fetches the records its view shows first, before it is let go', async () => {
  // The second year's first releases are in records the home page has not fetched.
  const year = newest.map((r) => r.published.slice(0, 4)).find((y) => y !== newest[0].published.slice(0, 4));
  const inYear = newest.filter((r) => r.published.startsWith(year));
  const ways = {
    'a pointer on its label': async (page, box) => {
      const label = page.locator(`label[for="${await box.getAttribute('id')}"]`);
      await label.scrollIntoViewIfNeeded();
      const at = await label.boundingBox();
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await page.mouse.down();
      return () => page.mouse.up();
    },
    // The space bar toggles a checkbox when it is let go.
    'the space bar': async (page, box) => {
      await box.focus();
      await page.keyboard.down(' ');
      return () => page.keyboard.up(' ');
    },
  };
  for (const [way, press] of Object.entries(ways)) {
    const page = await site.newPage();
    await page.goto(site.url());
    await expectTitles(page, titles(newest));
    await tookOver(page);
    const box = page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: new RegExp(`^${year}`) });
    const from = site.server.requests.length;
    const letGo = await press(page, box);
    await eventually(() => dataFetched(from).paths.filter((path) => path.includes('/segments/records/')),
      (paths) => paths.length > 0, { message: `records fetched while ${way} is down` });
    assert.equal(await box.isChecked(), false, `${way}: not yet toggled`);
    await letGo();
    await expectTitles(page, titles(inYear), way);
    await page.close();
  }
});

test('while the records of a view fail, the filter panel follows the view all the same', async () => {
  const page = await site.newPage({ expectErrors: true });
  await page.goto(site.url());
  await expectTitles(page, titles(newest));
  // The second year's first releases are in records the home page has not fetched.
  const year = newest.map((r) => r.published.slice(0, 4)).find((y) => y !== newest[0].published.slice(0, 4));
  site.server.setFault(/^\/data\/[^/]+\/segments\/records\//, (req, res) => {
    res.writeHead(503, { 'Content-Type': 'text/plain' });
    res.end('down for maintenance');
  });
  try {
    await page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: new RegExp(`^${year}`) }).check();
    await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
    await page.getByRole('link', { name: `Remove Year: ${year}` }).waitFor();
  } finally {
    site.server.clearFaults();
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectTitles(page, titles(newest.filter((r) => r.published.startsWith(year))));
});

test('the address list that fails on a deep link: a message, and "Try again" opens the release', async () => {
  const release = newest[77];
  site.server.setFault(/^\/data\/[^/]+\/segments\/slugs\//, (req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('oops');
  });
  const page = await site.newPage({ expectErrors: true });
  try {
    await page.goto(site.url(`releases/${release.slug}/`));
    await page.getByRole('alert').filter({ hasText: 'release address list' }).waitFor();
  } finally {
    site.server.clearFaults();
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
});
