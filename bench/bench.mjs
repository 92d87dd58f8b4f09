// The benchmark: the app and a plain JavaScript peer do the same work on the
// same synthetic bundles, interleaved, in the same headless Chromium; prints
// a table of medians with the ratio app / peer and writes it as JSON.
//   scripts/bench.sh            (builds, generates the bundles, runs this)
//   BENCH_SIZES=1000,10000 BENCH_REPS=3 node bench/bench.mjs
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, createReadStream } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { resolve, extname } from 'node:path';
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { ROOT, DIST, chromiumPath } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tests/browser/lib/static-server.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const DATA = resolve(ROOT, 'bench/results/data');
// Real words from the generator's vocabulary, typed letter by letter, with deletions.
const TYPED = ['training', '\b\b\b\b', 'ing workshop', '\b\b\b\b\b\b\b\b', 'police ', 'reform'];
const LAUNCH_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

function appTransfer() {
  const files = readdirSync(DIST).filter((f) => ['.wasm', '.js', '.css', '.html', '.svg'].includes(extname(f)) && f !== '404.html');
  const sum = (fn) => files.reduce((n, f) => n + fn(readFileSync(resolve(DIST, f))), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

const INIT = () => {
  const bench = { firstEntry: null, maxNodes: 0, latencies: [], wasm: null };
  window.__bench = bench;
  new MutationObserver(() => {
    if (bench.firstEntry === null && document.querySelector('.entry')) bench.firstEntry = performance.now();
    const nodes = document.body ? document.body.getElementsByTagName('*').length : 0;
    if (nodes > bench.maxNodes) bench.maxNodes = nodes;
  }).observe(document, { subtree: true, childList: true });
  // Input (or click) to the next frame painted: the frame's callback, then a task after it.
  for (const type of ['input', 'change']) {
    addEventListener(type, (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => bench.latencies.push({ type, ms: performance.now() - start }), 0));
    }, true);
  }
  addEventListener('TrunkApplicationStarted', (event) => { bench.wasm = event.detail.wasm; });
};

async function waitFor(page, fn, arg, timeout = 180_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 10 });
}

/** One run of one subject ("app" or "peer") on one bundle size. */
async function run(browser, server, subject) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const url = subject === 'app' ? server.url : `${server.url}peer/index.html`;
  await page.goto(url, { timeout: 180_000 });
  await waitFor(page, () => window.__bench.firstEntry !== null);
  const startup = await page.evaluate(() => {
    const bundle = performance.getEntriesByType('resource').find((e) => e.name.endsWith('releases.json'));
    const indexed = performance.getEntriesByName('newsroom:indexed')[0]?.startTime;
    return {
      total: window.__bench.firstEntry,
      fetch: bundle ? bundle.responseEnd : NaN,
      parseIndex: bundle && indexed ? indexed - bundle.responseEnd : NaN,
      render: indexed ? window.__bench.firstEntry - indexed : NaN,
      bundleBytes: bundle?.decodedBodySize ?? NaN,
    };
  });
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? 0);

  const box = page.getByRole('searchbox', { name: 'Search releases' });
  await box.click();
  const settle = async (count) => waitFor(page, (n) => window.__bench.latencies.length >= n, count, 30_000);
  let expected = await page.evaluate(() => window.__bench.latencies.length);
  let keys = 0;
  for (const chunk of TYPED) {
    for (const ch of chunk) {
      await page.keyboard.press(ch === '\b' ? 'Backspace' : ch === ' ' ? 'Space' : ch);
      expected += 1;
      keys += 1;
      await settle(expected);
    }
  }
  const typing = (await page.evaluate(() => window.__bench.latencies.splice(0))).map((l) => l.ms);
  await box.fill('');
  await page.evaluate(() => window.__bench.latencies.splice(0));

  const years = page.getByRole('group', { name: 'Year' }).getByRole('checkbox');
  let clicks = 0;
  for (let round = 0; round < 2; round += 1) {
    for (let i = 0; i < 4; i += 1) {
      const before = await page.evaluate(() => window.__bench.latencies.length);
      await years.nth(i).click();
      await settle(before + 1);
      clicks += 1;
    }
  }
  const facet = (await page.evaluate(() => window.__bench.latencies.filter((l) => l.type === 'change'))).map((l) => l.ms);
  const maxNodes = await page.evaluate(() => window.__bench.maxNodes);
  await context.close();
  return {
    startup,
    typing: { p50: percentile(typing, 50), p95: percentile(typing, 95), keys },
    facet: { p50: percentile(facet, 50), p95: percentile(facet, 95), clicks },
    memory: { jsHeap: metrics.JSHeapUsedSize, wasm: wasmBytes, total: metrics.JSHeapUsedSize + wasmBytes },
    maxNodes,
  };
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_FLAGS });
const results = { date: new Date().toISOString(), transfer: appTransfer(), sizes: {} };
for (const n of SIZES) {
  const file = resolve(DATA, `${n}.json`);
  const bytes = statSync(file).size;
  const server = await startServer({ root: DIST });
  const sendBundle = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
    createReadStream(file).pipe(res);
  };
  const sendFile = (path, type) => (req, res) => {
    res.writeHead(200, { 'Content-Type': type });
    res.end(readFileSync(resolve(ROOT, path)));
  };
  server.setFault('/releases.json', sendBundle);
  server.setFault('/peer/releases.json', sendBundle);
  server.setFault('/peer/index.html', sendFile('bench/peer/index.html', 'text/html'));
  server.setFault('/peer/peer.js', sendFile('bench/peer/peer.js', 'text/javascript'));
  const runs = { app: [], peer: [] };
  for (let rep = 0; rep < REPS; rep += 1) {
    for (const subject of ['app', 'peer']) {
      try {
        runs[subject].push(await run(browser, server, subject));
        process.stderr.write(`N=${n} ${subject} run ${rep + 1}/${REPS} done\n`);
      } catch (error) {
        runs[subject].push({ error: String(error.message ?? error).split('\n')[0] });
        process.stderr.write(`N=${n} ${subject} run ${rep + 1} failed: ${runs[subject].at(-1).error}\n`);
      }
    }
  }
  await server.close();
  const pick = (subject, path) => median(runs[subject].filter((r) => !r.error).map((r) => path.split('.').reduce((o, k) => o?.[k], r)));
  const metrics = [
    ['start-up: first releases on screen (ms)', 'startup.total'],
    ['  fetch (ms)', 'startup.fetch'],
    ['  parse + index (ms)', 'startup.parseIndex'],
    ['  render (ms)', 'startup.render'],
    ['typing: input to paint p50 (ms)', 'typing.p50'],
    ['typing: input to paint p95 (ms)', 'typing.p95'],
    ['facet click to paint p50 (ms)', 'facet.p50'],
    ['facet click to paint p95 (ms)', 'facet.p95'],
    ['memory after load: JS heap + wasm (MB)', 'memory.total'],
    ['most DOM nodes in the body', 'maxNodes'],
  ];
  results.sizes[n] = {
    bundleBytes: bytes,
    errors: { app: runs.app.filter((r) => r.error).map((r) => r.error), peer: runs.peer.filter((r) => r.error).map((r) => r.error) },
    metrics: Object.fromEntries(metrics.map(([label, path]) => {
      const scale = path === 'memory.total' ? 1 / 1e6 : 1;
      return [label, { app: pick('app', path) * scale, peer: pick('peer', path) * scale }];
    })),
    runs,
  };
}
await browser.close();

const fmt = (x) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1)) : 'failed');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const lines = [];
lines.push(`App transfer (wasm + JS + HTML + CSS + icon): raw ${kb(results.transfer.raw)}, gzip ${kb(results.transfer.gzip)}, brotli ${kb(results.transfer.brotli)}`);
for (const [n, size] of Object.entries(results.sizes)) {
  lines.push('');
  lines.push(`N = ${Number(n).toLocaleString('en')} releases, bundle ${(size.bundleBytes / 1e6).toFixed(1)} MB, medians of ${REPS} interleaved runs`);
  lines.push('| metric | app | plain JS | app / plain JS |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const [label, { app, peer }] of Object.entries(size.metrics)) {
    lines.push(`| ${label} | ${fmt(app)} | ${fmt(peer)} | ${Number.isFinite(app / peer) ? (app / peer).toFixed(2) : '–'} |`);
  }
  for (const [subject, errors] of Object.entries(size.errors)) {
    for (const error of errors) lines.push(`(${subject} failed a run: ${error})`);
  }
}
const table = lines.join('\n');
console.log(table);
mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
writeFileSync(resolve(ROOT, 'bench/results/latest.json'), JSON.stringify({ ...results, table }, null, 2));
console.log('\nwritten: bench/results/latest.json');
