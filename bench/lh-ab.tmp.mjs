import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../tests/browser/lib/static-server.mjs';
import { chromiumPath } from '../tests/browser/lib/harness.mjs';
import { pagesOf } from './lighthouse.mjs';
const [page, runs, ...sites] = process.argv.slice(2);
const flagsChrome = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const servers = await Promise.all(sites.map((root) => startServer({ root, gzip: true })));
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: flagsChrome });
const out = sites.map(() => []);
for (let r = 0; r < Number(runs); r++) for (let s = 0; s < sites.length; s++) {
  const result = await lighthouse(servers[s].url + pagesOf(sites[s])[page], { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = result.lhr.audits;
  out[s].push(`${Math.round(result.lhr.categories.performance.score * 100)}/${(a['largest-contentful-paint'].numericValue / 1000).toFixed(2)}s/${Math.round(a['total-blocking-time'].numericValue)}`);
}
await chrome.kill();
sites.forEach((s, i) => console.log(s.padEnd(26), out[i].join('  ')));
process.exit(0);
