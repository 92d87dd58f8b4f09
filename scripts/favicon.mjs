// Renders public/favicon.svg (the icon's source) into public/favicon.png,
// 64 px square, with Debian's Chromium. Run it after changing the SVG:
//   node scripts/favicon.mjs
// The build inlines the PNG into every page as a data: URL: with a file,
// Chromium downloads and decodes the icon again on every address change
// (each keystroke in the search box, each facet click).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { ROOT, chromiumPath } from '../tests/browser/lib/harness.mjs';

const SIZE = 64;
const svg = readFileSync(resolve(ROOT, 'public/favicon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
await page.screenshot({ path: resolve(ROOT, 'public/favicon.png'), omitBackground: true });
await browser.close();
console.log(`public/favicon.png: ${SIZE}x${SIZE}`);
