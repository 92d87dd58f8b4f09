// Lighthouse 12 (npm, locked in bench/package-lock.json) on Debian's
// Chromium: the home page, a topic's view, a searched view and a release page, on mobile
// (Lighthouse's default: an emulated mid-range phone on a throttled network)
// and desktop, with the site served gzipped as a real host serves it.
// Prints performance, LCP, CLS and bytes; bench.mjs adds the same lines to
// its table.
//   node bench/lighthouse.mjs                 (the seed build in dist/)
//   node bench/lighthouse.mjs bench/results/site-1000
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { DIST, chromiumPath } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tests/browser/lib/static-server.mjs';

// The browser tests' flags (tests/browser/lib/harness.mjs), for Lighthouse's own launcher.
export const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * The pages of a built site: its home page, the view of the first topic its
 * home page links (a deep link whose newest releases the pre-render holds),
 * that view searched for the word "the" (one it cannot show before the
 * app), and the first release it lists (all read from the pre-rendered
 * home page).
 */
export function pagesOf(root) {
  const home = readFileSync(resolve(root, 'index.html'), 'utf8');
  const topic = home.match(/<a class="facet__link" href="\/(\?topic=[^"]+)"/)?.[1];
  const release = home.match(/<h4 class="entry__title"><a href="\/(releases\/[^"]+)"/)?.[1];
  if (!topic || !release) throw new Error(`${root}/index.html has no pre-rendered topic link or release`);
  const topicView = topic.replace(/&amp;/g, '&');
  return { home: '', topic: topicView, filtered: `${topicView}&q=the`, release };
}

/**
 * Mobile runs per page. Lighthouse simulates the phone from the tasks it
 * observes on this machine, whose speed drifts: one page's mobile score
 * spread over 10 points from run to run, mostly through Total Blocking
 * Time. The median run is reported, with the range.
 */
const MOBILE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/** Runs Lighthouse on each page, mobile (the median of `MOBILE_RUNS`) and desktop; one row per page and form. */
export async function runLighthouse(root) {
  const server = await startServer({ root, gzip: true });
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
  const rows = [];
  try {
    for (const [name, path] of Object.entries(pagesOf(root))) {
      for (const form of ['mobile', 'desktop']) {
        const runs = [];
        for (let run = 0; run < (form === 'mobile' ? MOBILE_RUNS : 1); run += 1) {
          const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
          const result = await lighthouse(server.url + path, flags, form === 'desktop' ? desktopConfig : undefined);
          const { categories, audits, runtimeError } = result.lhr;
          runs.push({
            page: name,
            form,
            performance: Math.round((categories.performance.score ?? NaN) * 100),
            lcpMs: audits['largest-contentful-paint'].numericValue,
            tbtMs: audits['total-blocking-time'].numericValue,
            cls: audits['cumulative-layout-shift'].numericValue,
            bytes: audits['total-byte-weight'].numericValue,
            error: runtimeError?.message,
          });
        }
        // A failed run is reported only if every run failed.
        const scored = runs.filter((r) => !r.error).sort((a, b) => a.performance - b.performance);
        const median = scored[Math.floor(scored.length / 2)] ?? runs[0];
        rows.push({ ...median, runs: scored.length, lowest: scored[0]?.performance, highest: scored.at(-1)?.performance });
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return rows;
}

/** Table lines: `lighthouse home mobile  perf 98 (95–99 in 3 runs)  LCP 1.9 s  TBT 120 ms  CLS 0.000  112 KB`. */
export function lighthouseLines(rows) {
  return rows.map((r) => r.error
    ? `lighthouse ${r.page.padEnd(8)} ${r.form.padEnd(7)} failed: ${r.error}`
    : `lighthouse ${r.page.padEnd(8)} ${r.form.padEnd(7)} perf ${String(r.performance).padStart(3)}` +
      `${r.runs > 1 ? ` (${r.lowest}–${r.highest} in ${r.runs} runs)` : ''}  ` +
      `LCP ${(r.lcpMs / 1000).toFixed(2)} s  TBT ${Math.round(r.tbtMs)} ms  CLS ${r.cls.toFixed(3)}  ${(r.bytes / 1024).toFixed(0)} KB`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? DIST);
  console.log(`Lighthouse ${JSON.parse(readFileSync(new URL('node_modules/lighthouse/package.json', import.meta.url))).version} on ${root}`);
  for (const line of lighthouseLines(await runLighthouse(root))) console.log(line);
}
