// The benchmark: the app and its peers do the same work on the same
// synthetic releases, interleaved, in the same headless Chromium; prints a
// table of medians per size with the app's ratio to each peer and writes
// everything as JSON. Peers: a plain JavaScript page and MiniSearch on the
// light index (start-up, typing, facets), Pagefind on the entry pages (body
// search), and the static entry page itself (opening a release).
//   scripts/bench.sh            (builds the sites, then runs this)
//   BENCH_SIZES=1000,10000 BENCH_REPS=3 node bench/bench.mjs
// Times are reported, never asserted: a failed step shows as "failed".
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { resolve, extname } from 'node:path';
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { ROOT, DIST, chromiumPath, dataPath } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tests/browser/lib/static-server.mjs';
import { INIT, waitFor, memory } from './lib/page.mjs';
import { bodyWord } from './lib/body-word.mjs';
import { runLighthouse, lighthouseLines } from './lighthouse.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const RESULTS = resolve(ROOT, 'bench/results');
// Real words from the generator's vocabulary, typed letter by letter, with deletions.
const TYPED = ['training', '\b\b\b\b', 'ing workshop', '\b\b\b\b\b\b\b\b', 'police ', 'reform'];
// The first search of a visit, for the data it fetches: a word of many titles.
const FIRST_WORD = 'building';
// The same vocabulary misspelt (the app suggests corrections and shows near
// matches): a place, a long word, then two misspelt words together.
const TYPOS = ['Dushnbe', '\b'.repeat(7), 'penitentary', '\b'.repeat(11), 'trafficing reintegation'];
// A brisk typist: the body-search word is typed at most one key per 100 ms.
const KEY_INTERVAL_MS = 100;
const LAUNCH_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// BENCH_SUBJECTS=app measures the app alone (an archive too large for the peers).
const SUBJECTS = (process.env.BENCH_SUBJECTS ?? 'app,plain,minisearch,pagefind').split(',');
// The benchmark's own pages, served beside the site under /bench/.
const BENCH_FILES = {
  '/bench/peer/index.html': 'bench/peer/index.html',
  '/bench/peer/peer.js': 'bench/peer/peer.js',
  '/bench/peer/ui.js': 'bench/peer/ui.js',
  '/bench/minisearch/index.html': 'bench/minisearch/index.html',
  '/bench/minisearch/peer.js': 'bench/minisearch/peer.js',
  '/bench/minisearch.js': 'bench/node_modules/minisearch/dist/es/index.js',
  '/bench/pagefind/index.html': 'bench/pagefind/index.html',
  '/bench/pagefind/peer.js': 'bench/pagefind/peer.js',
};

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function appTransfer() {
  const files = readdirSync(DIST).filter((f) => ['.wasm', '.js', '.css', '.html', '.svg'].includes(extname(f)) && f !== '404.html');
  const sum = (fn) => files.reduce((n, f) => n + fn(readFileSync(resolve(DIST, f))), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

/** What every run on one size needs: the site, its light index, the word, the release to open. */
async function prepare(n) {
  const site = resolve(RESULTS, `site-${n}`);
  const index = dataPath('index.json', site);
  // What the app starts from: the light index, or a large archive's start columns.
  const segmented = readFileSync(resolve(site, 'index.html'), 'utf8').includes('<meta name="newsroom:layout" content="segmented">');
  const indexFile = resolve(site, index.slice(1));
  // The newest release with a body is on the timeline's first page (from
  // the first records shard when segmented: the light index of a million
  // releases is too large for one string).
  const listed = segmented ? dataPath('segments/records/0.json', site) : index;
  const releases = JSON.parse(readFileSync(resolve(site, listed.slice(1)), 'utf8')).releases;
  const withBodies = releases.filter((r) => r.has_body);
  const open = (withBodies.length ? withBodies : releases).reduce((a, b) => (b.published > a.published ? b : a));
  const buildFile = resolve(RESULTS, `site-${n}.build.json`);
  return {
    n,
    site,
    index,
    appFirst: segmented ? dataPath('segments/start.bin', site) : index,
    layout: segmented ? 'segmented' : 'whole',
    indexBytes: statSync(indexFile).size,
    bundleBytes: statSync(resolve(RESULTS, `data/${n}.json`)).size,
    // None in an archive without bodies: the body-search rows read "failed".
    word: await bodyWord(resolve(RESULTS, `data/${n}.json`)).catch(() => null),
    open: { slug: open.slug, summary: open.summary },
    build: existsSync(buildFile) ? JSON.parse(readFileSync(buildFile, 'utf8')) : null,
  };
}

async function serve(size) {
  const server = await startServer({ root: size.site });
  for (const [url, path] of Object.entries(BENCH_FILES)) {
    const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
    server.setFault(url, (req, res) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(readFileSync(resolve(ROOT, path)));
    });
  }
  return server;
}

/** The size of the file a logged request path names, 0 if none. */
function fileSize(size, path) {
  const file = resolve(size.site, `.${decodeURIComponent(path)}`);
  return existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
}

/** Bytes the site served for the requests logged since `from` (the static server logs paths). */
function servedBytes(server, size, from) {
  return server.requests.slice(from).reduce((sum, path) => sum + fileSize(size, path), 0);
}

/** The same, counting only derived data (under /data/). */
function dataBytes(server, size, from) {
  const paths = server.requests.slice(from).filter((path) => path.startsWith('/data/'));
  return paths.reduce((sum, path) => sum + fileSize(size, path), 0);
}

async function open(browser, url, initArg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(INIT, initArg);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'commit', timeout: 600_000 });
  return { context, page, cdp };
}

/** App: a deep link to the release in a fresh tab, until the app shows it with its neighbours. */
async function deepLink(browser, server, size) {
  const from = server.requests.length;
  const { context, page } = await open(browser, `${server.url}releases/${size.open.slug}/`);
  try {
    await waitFor(page, () => !document.getElementById('static-page') && document.querySelector('.neighbours a'), null, 120_000);
    return { mb: dataBytes(server, size, from) / 1e6 };
  } finally {
    await context.close();
  }
}

/**
 * Start-up: releases on screen (the app's pre-rendered ones), then
 * interactive (the app has taken over; a peer's list is up), split at the
 * light index's arrival and the `newsroom:indexed` mark.
 */
async function startup(page, index) {
  await waitFor(page, () => window.__bench.at.firstEntry !== undefined && !document.querySelector('[aria-busy="true"]'));
  return page.evaluate((index) => {
    const light = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === index);
    const indexed = performance.getEntriesByName('newsroom:indexed')[0]?.startTime ?? NaN;
    const { onScreen, firstEntry } = window.__bench.at;
    const fetched = light?.responseEnd ?? NaN;
    return { onScreen, total: firstEntry, fetch: fetched, parseIndex: indexed - fetched, render: firstEntry - indexed };
  }, index);
}

const searchBox = (page) => page.getByRole('searchbox', { name: 'Search releases' });

/** Presses one key and waits for the frame painted after its input event. */
async function press(page, key) {
  const before = await page.evaluate(() => window.__bench.latencies.length);
  await page.keyboard.press(key === '\b' ? 'Backspace' : key === ' ' ? 'Space' : key);
  await waitFor(page, (n) => window.__bench.latencies.length > n, before, 60_000);
}

async function typing(page, script = TYPED) {
  await searchBox(page).click();
  await page.evaluate(() => {
    window.__bench.latencies.splice(0);
    performance.clearMeasures('newsroom:search');
  });
  for (const key of script.join('')) await press(page, key);
  const { latencies, engine } = await page.evaluate(() => ({
    latencies: window.__bench.latencies.splice(0).map((l) => l.ms),
    engine: performance.getEntriesByName('newsroom:search').map((e) => e.duration),
  }));
  await searchBox(page).fill('');
  return {
    keys: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    // The app may search more than once per key (when full-text hits arrive): every search counts.
    engineP50: percentile(engine, 50),
    engineP95: percentile(engine, 95),
  };
}

/** How long a hand holds a click down, for the facet clicks "as a hand does". */
const HELD_MS = 80;

/**
 * `count` years from the `first` on, then off again, back to no filter;
 * input to paint per click. `holdMs`: the pointer is held down that long
 * on the year's box before it is let go, as a hand does (a click lasts
 * some 50–150 ms), instead of Playwright's press and release at once.
 */
async function facets(page, { count = 4, first = 0, holdMs = 0 } = {}) {
  await page.evaluate(() => window.__bench.latencies.splice(0));
  const years = page.getByRole('group', { name: 'Year' }).getByRole('checkbox');
  for (let round = 0; round < 2; round += 1) {
    for (let i = first; i < first + count; i += 1) {
      const before = await page.evaluate(() => window.__bench.latencies.length);
      if (holdMs > 0) {
        await years.nth(i).scrollIntoViewIfNeeded();
        const at = await years.nth(i).boundingBox();
        await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
        await page.mouse.down();
        await sleep(holdMs);
        await page.mouse.up();
      } else {
        await years.nth(i).click();
      }
      await waitFor(page, (n) => window.__bench.latencies.some((l, j) => j >= n && l.type === 'change'), before, 60_000);
    }
  }
  const clicks = (await page.evaluate(() => window.__bench.latencies.filter((l) => l.type === 'change'))).map((l) => l.ms);
  return { clicks: clicks.length, p50: percentile(clicks, 50), p95: percentile(clicks, 95) };
}

/**
 * Types the body-only word letter by letter and times the last keystroke
 * to the first body hit on screen (`test`, see lib/page.mjs); counts the
 * releases found and the bytes fetched while typing the word.
 */
async function bodySearch(page, server, size, test, countSelector) {
  const box = searchBox(page);
  await box.fill('');
  await box.click();
  const from = server.requests.length;
  const letters = [...size.word.word];
  for (const letter of letters.slice(0, -1)) {
    const started = Date.now();
    await press(page, letter);
    await sleep(KEY_INTERVAL_MS - (Date.now() - started));
  }
  await page.evaluate((test) => window.__bench.arm(test), test);
  await page.keyboard.press(letters.at(-1));
  await waitFor(page, () => window.__bench.at.hit !== undefined, null, 120_000);
  const { ms, found } = await page.evaluate((countSelector) => ({
    ms: window.__bench.at.hit - window.__bench.watch.from,
    found: Number(document.querySelector(countSelector)?.textContent.match(/[\d,]+/)?.[0].replaceAll(',', '')),
  }), countSelector);
  return { word: size.word.word, ms, found, kb: servedBytes(server, size, from) / 1024 };
}

/** App: click the timeline's entry of a release with a body; time to its first body paragraph. */
async function openRelease(page, size) {
  await searchBox(page).fill('');
  const link = page.locator(`.entry a[href$="/releases/${size.open.slug}/"]`);
  await link.waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.__bench.arm('releaseBody'));
  await link.click();
  await waitFor(page, () => window.__bench.at.hit !== undefined, null, 60_000);
  return { ms: await page.evaluate(() => window.__bench.at.hit - window.__bench.watch.from) };
}

/**
 * Runs `steps` in order; a step that fails is recorded and the next one
 * still runs, unless it was the first (the page never got ready).
 */
async function steps(list) {
  const result = { errors: [] };
  for (const [i, [name, step]] of list.entries()) {
    try {
      result[name] = await step();
    } catch (error) {
      result.errors.push(`${name}: ${String(error.message ?? error).split('\n')[0]}`);
      if (i === 0) break;
    }
  }
  return result;
}

/** One run of one subject on one size. */
async function run(browser, server, size, subject) {
  if (subject === 'pagefind') return runPagefind(browser, server, size);
  const path = { app: '', plain: `bench/peer/index.html?index=${size.index}`, minisearch: `bench/minisearch/index.html?index=${size.index}` }[subject];
  const from = server.requests.length;
  const fetched = () => dataBytes(server, size, from) / 1e6;
  const { context, page, cdp } = await open(browser, server.url + path);
  try {
    return await steps([
      ['startup', async () => ({ ...await startup(page, subject === 'app' ? size.appFirst : size.index), mb: fetched() })],
      ['memory', async () => {
        const m = await memory(cdp);
        return { ...m, ratio: m.total / size.indexBytes };
      }],
      // What the byte budget counts: start, one title word typed
      // letter by letter, then one facet value clicked.
      ['firstWord', async () => ({ ...await typing(page, [FIRST_WORD]), mb: fetched() })],
      ['oneFacet', async () => ({ ...await facets(page, { count: 1 }), mb: fetched() })],
      ['typing', async () => ({ ...await typing(page), mb: fetched() })],
      // The same keys again: a large archive has every piece they need.
      ['retyping', () => typing(page)],
      ['typos', () => typing(page, TYPOS)],
      ['facet', async () => ({ ...await facets(page), mb: fetched() })],
      // Four other years, whose views' records are not yet fetched either.
      ['facetHeld', () => facets(page, { first: 4, holdMs: HELD_MS })],
      ...(subject === 'app' ? [
        ['body', () => bodySearch(page, server, size, 'appBodyHit', '.result-count')],
        ['open', () => openRelease(page, size)],
        ['deepLink', () => deepLink(browser, server, size)],
      ] : []),
      ['maxNodes', () => page.evaluate(() => window.__bench.maxNodes)],
    ]);
  } finally {
    await context.close();
  }
}

/** Pagefind's search page (body search, memory), then the static entry page (opening a release). */
async function runPagefind(browser, server, size) {
  let result = { errors: [`no Pagefind index: ${size.build?.pagefindError ?? 'see scripts/bench.sh'}`] };
  if (existsSync(resolve(size.site, 'pagefind/pagefind.js'))) result = await pagefindSearch(browser, server, size);
  // Navigation start to the first body paragraph of the static HTML.
  const watch = { test: 'staticBody', arg: size.open.summary, from: 0 };
  const entry = await open(browser, `${server.url}releases/${size.open.slug}/`, { watch });
  try {
    const opened = await steps([['open', async () => {
      await waitFor(entry.page, () => window.__bench.at.hit !== undefined, null, 60_000);
      return { ms: await entry.page.evaluate(() => window.__bench.at.hit) };
    }]]);
    return { ...result, open: opened.open, errors: [...result.errors, ...opened.errors] };
  } finally {
    await entry.context.close();
  }
}

async function pagefindSearch(browser, server, size) {
  const search = await open(browser, `${server.url}bench/pagefind/index.html`);
  try {
    return await steps([
      ['ready', () => waitFor(search.page, () => performance.getEntriesByName('newsroom:indexed').length > 0, null, 300_000)],
      ['body', () => bodySearch(search.page, server, size, 'pagefindHit', '#count')],
      ['memory', () => memory(search.cdp)], // after its search: Pagefind loads its index as it searches
      ['maxNodes', () => search.page.evaluate(() => window.__bench.maxNodes)],
    ]);
  } finally {
    await search.context.close();
  }
}

// Rows of the table: label, where in a run's result, scale, subjects that do that work.
const LIGHT = ['app', 'plain', 'minisearch'];
const ROWS = [
  ['start-up: first releases on screen (ms)', 'startup.onScreen', 1, LIGHT],
  ['start-up: interactive, search answers (ms)', 'startup.total', 1, LIGHT],
  ['  fetch: light index (app: what it starts from) in (ms)', 'startup.fetch', 1, LIGHT],
  ['  parse + index (ms)', 'startup.parseIndex', 1, LIGHT],
  ['  render and take over (ms)', 'startup.render', 1, LIGHT],
  ['  data fetched by then (MB)', 'startup.mb', 1, LIGHT],
  ['data fetched in all after typing a first title word (MB)', 'firstWord.mb', 1, LIGHT],
  ['data fetched in all after then clicking a year (MB)', 'oneFacet.mb', 1, LIGHT],
  ['typing: input to paint p50 (ms)', 'typing.p50', 1, LIGHT],
  ['typing: input to paint p95 (ms)', 'typing.p95', 1, LIGHT],
  ['  data fetched in all after typing (MB)', 'typing.mb', 1, LIGHT],
  ['typing again, pieces cached: input to paint p95 (ms)', 'retyping.p95', 1, LIGHT],
  ['typing: engine time p50 (ms)', 'typing.engineP50', 1, LIGHT],
  ['typing: engine time p95 (ms)', 'typing.engineP95', 1, LIGHT],
  ['typing misspelt words: input to paint p50 (ms)', 'typos.p50', 1, LIGHT],
  ['typing misspelt words: input to paint p95 (ms)', 'typos.p95', 1, LIGHT],
  ['typing misspelt words: engine time p50 (ms)', 'typos.engineP50', 1, LIGHT],
  ['typing misspelt words: engine time p95 (ms)', 'typos.engineP95', 1, LIGHT],
  ['facet click to paint p50 (ms)', 'facet.p50', 1, LIGHT],
  ['facet click to paint p95 (ms)', 'facet.p95', 1, LIGHT],
  ['  data fetched in all after the facet clicks (MB)', 'facet.mb', 1, LIGHT],
  [`facet click held ${HELD_MS} ms as a hand does, to paint p50 (ms)`, 'facetHeld.p50', 1, LIGHT],
  [`facet click held ${HELD_MS} ms as a hand does, to paint p95 (ms)`, 'facetHeld.p95', 1, LIGHT],
  ['body search: last keystroke to first body hit (ms)', 'body.ms', 1, ['app', 'pagefind']],
  ['body search: releases found', 'body.found', 1, ['app', 'pagefind']],
  ['body search: KB fetched while typing the word', 'body.kb', 1, ['app', 'pagefind']],
  ['open release: to its body on screen (ms)', 'open.ms', 1, ['app', 'pagefind']],
  ['deep link to a release: data fetched (MB)', 'deepLink.mb', 1, ['app']],
  ['memory: JS heap + wasm (MB)', 'memory.total', 1e-6, SUBJECTS],
  ['memory / light index size (x)', 'memory.ratio', 1, LIGHT],
  ['most DOM nodes in the body', 'maxNodes', 1, SUBJECTS],
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_FLAGS });
const results = { date: new Date().toISOString(), reps: REPS, transfer: appTransfer(), sizes: {} };
for (const n of SIZES) {
  let size;
  try {
    size = await prepare(n);
  } catch (error) {
    results.sizes[n] = { error: `not prepared (run scripts/bench.sh): ${error.message.split('\n')[0]}` };
    process.stderr.write(`N=${n}: ${results.sizes[n].error}\n`);
    continue;
  }
  const server = await serve(size);
  const runs = Object.fromEntries(SUBJECTS.map((s) => [s, []]));
  for (let rep = 0; rep < REPS; rep += 1) {
    // Each run starts with another subject, so none is always first (cold) or last.
    const order = [...SUBJECTS.slice(rep % SUBJECTS.length), ...SUBJECTS.slice(0, rep % SUBJECTS.length)];
    for (const subject of order) {
      let result;
      try {
        result = await run(browser, server, size, subject);
      } catch (error) {
        result = { errors: [String(error.message ?? error).split('\n')[0]] };
      }
      runs[subject].push(result);
      const failed = result.errors.length ? `, failed: ${result.errors.join('; ')}` : '';
      process.stderr.write(`N=${n} ${subject} run ${rep + 1}/${REPS} done${failed}\n`);
    }
  }
  await server.close();
  const pick = (subject, path) => (runs[subject] ? median(runs[subject].map((r) => path.split('.').reduce((o, k) => o?.[k], r))) : undefined);
  results.sizes[n] = {
    bundleBytes: size.bundleBytes,
    lightIndexBytes: size.indexBytes,
    bodyWord: size.word,
    openedRelease: size.open.slug,
    layout: size.layout,
    build: size.build,
    metrics: Object.fromEntries(ROWS.map(([label, path, scale, subjects]) => [
      label,
      Object.fromEntries(subjects.filter((s) => runs[s]).map((s) => [s, pick(s, path) * scale])),
    ])),
    errors: Object.fromEntries(SUBJECTS.map((s) => [s, runs[s].flatMap((r) => r.errors)])),
    runs,
  };
  try {
    if (process.env.BENCH_LIGHTHOUSE === '0') throw new Error('not run (BENCH_LIGHTHOUSE=0)');
    results.sizes[n].lighthouse = await runLighthouse(size.site);
  } catch (error) {
    results.sizes[n].lighthouse = [{ page: 'all', form: '', error: String(error.message ?? error).split('\n')[0] }];
  }
  process.stderr.write(`N=${n} Lighthouse done\n`);
}
await browser.close();

const fmt = (x) => {
  if (x === undefined) return '–'; // the subject does not do that work
  if (!Number.isFinite(x)) return 'failed';
  return Number.isInteger(x) || Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
};
const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const lines = [`App transfer (wasm + JS + HTML + CSS + icon): raw ${kb(results.transfer.raw)}, gzip ${kb(results.transfer.gzip)}, brotli ${kb(results.transfer.brotli)}`];
for (const [n, size] of Object.entries(results.sizes)) {
  lines.push('', `N = ${Number(n).toLocaleString('en')} releases`);
  if (size.error) {
    lines.push(size.error);
    continue;
  }
  lines.push(`bundle ${mb(size.bundleBytes)}, light index ${mb(size.lightIndexBytes)}; the app reads the ${size.layout} data; medians of ${REPS} interleaved runs`);
  if (size.build) {
    const b = size.build;
    const pagefind = b.pagefindError ?? `Pagefind ${b.pagefindSeconds.toFixed(1)} s (index ${mb(b.pagefindBytes)} in ${b.pagefindFiles} files)`;
    lines.push(`build: newsroom-cli site ${b.siteSeconds.toFixed(1)} s (derived data ${mb(b.dataBytes)}); ${pagefind}`);
  }
  const word = size.bodyWord ? `"${size.bodyWord.word}" (in the bodies of ${size.bodyWord.releases} releases, nowhere else)` : 'none (no bodies)';
  lines.push(`body search word: ${word}; opened release: ${size.openedRelease}`);
  lines.push('| metric | app | plain JS | MiniSearch | Pagefind / static page | app / plain JS | app / MiniSearch | app / Pagefind |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, m] of Object.entries(size.metrics)) {
    lines.push(`| ${label} | ${fmt(m.app)} | ${fmt(m.plain)} | ${fmt(m.minisearch)} | ${fmt(m.pagefind)} | ${ratio(m.app, m.plain)} | ${ratio(m.app, m.minisearch)} | ${ratio(m.app, m.pagefind)} |`);
  }
  for (const line of lighthouseLines(size.lighthouse ?? [])) lines.push(`| ${line} | | | | | | | |`);
  lines.push('(Pagefind: memory after its search, its worker included; static page: a fresh tab navigating to releases/<slug>/)');
  for (const [subject, errors] of Object.entries(size.errors)) {
    for (const error of errors) lines.push(`(${subject} failed a step: ${error})`);
  }
}
const table = lines.join('\n');
console.log(table);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(resolve(RESULTS, 'latest.json'), JSON.stringify({ ...results, table }, null, 2));
console.log('\nwritten: bench/results/latest.json');
