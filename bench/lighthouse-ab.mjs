// Lighthouse mobile on one page of several built sites, alternating run by
// run, each run printed: score/LCP/TBT. Lighthouse's figures drift with
// this machine's speed, so a change is judged against the build before it
// in the same session, run for run, not against figures from another day.
//   node bench/lighthouse-ab.mjs release 5 bench/results/site-10000 /tmp/site-before
// The page is home, filtered or release (as in bench/lighthouse.mjs).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { chromiumPath } from '../tests/browser/lib/harness.mjs';
import { startServer } from '../tests/browser/lib/static-server.mjs';
import { CHROME_FLAGS, pagesOf } from './lighthouse.mjs';

const [page, runs, ...roots] = process.argv.slice(2);
if (!page || !Number(runs) || roots.length === 0) {
  console.error('usage: node bench/lighthouse-ab.mjs home|topic|filtered|release RUNS SITE...');
  process.exit(2);
}
const sites = roots.map((root) => resolve(root));
const servers = await Promise.all(sites.map((root) => startServer({ root, gzip: true })));
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
const results = sites.map(() => []);
try {
  for (let run = 0; run < Number(runs); run += 1) {
    for (const [i, site] of sites.entries()) {
      const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
      const { lhr } = await lighthouse(servers[i].url + pagesOf(site)[page], flags);
      const audit = (name) => lhr.audits[name].numericValue;
      results[i].push(`${Math.round(lhr.categories.performance.score * 100)}/` +
        `${(audit('largest-contentful-paint') / 1000).toFixed(2)}s/${Math.round(audit('total-blocking-time'))}ms`);
    }
  }
} finally {
  await chrome.kill();
  await Promise.all(servers.map((server) => server.close()));
}
console.log(`${page} mobile, score/LCP/TBT per run:`);
for (const [i, site] of sites.entries()) console.log(`${site}  ${results[i].join('  ')}`);
