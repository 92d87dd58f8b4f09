// Shared set-up for the browser tests: Debian's Chromium through
// playwright-core, against a built site on the plain static server.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../../..');
/** The release build (scripts/test.sh builds it before the browser tests). */
export const DIST = process.env.NEWSROOM_DIST ?? resolve(ROOT, 'dist');
/** The same site built for a sub-path. */
export const DIST_SUBPATH = process.env.NEWSROOM_DIST_SUBPATH ?? resolve(ROOT, 'dist-subpath');
export const SUBPATH = '/newsroom/';
/** The site with a generated bundle whose releases have bodies (scripts/test.sh). */
export const DIST_FULLTEXT = process.env.NEWSROOM_DIST_FULLTEXT ?? resolve(ROOT, 'dist-fulltext');
/** The site with one more release written with `newsroom-cli new`: Markdown and a photo (scripts/test.sh). */
export const DIST_WRITTEN = process.env.NEWSROOM_DIST_WRITTEN ?? resolve(ROOT, 'dist-written');
/** The same app with 3,000 generated releases, built with `--data-layout segmented`. */
export const DIST_SEGMENTED = process.env.NEWSROOM_DIST_SEGMENTED ?? resolve(ROOT, 'dist-segmented');
/** The app built with the test-only `crash-test` feature (scripts/test.sh). */
export const DIST_CRASH = process.env.NEWSROOM_DIST_CRASH ?? resolve(ROOT, 'dist-crash');

/**
 * Where a build keeps a derived data file (`index.json`, `manifest.json`,
 * `bodies/0.json`, …), relative to its base: "/data/<digest>/index.json".
 * The build names the folder in index.html's `newsroom:data` meta.
 */
export function dataPath(file = 'index.json', root = DIST, base = '/') {
  const html = readFileSync(resolve(root, 'index.html'), 'utf8');
  const folder = html.match(/<meta name="newsroom:data" content="([^"]+)">/)?.[1];
  if (!folder) throw new Error(`${root}/index.html has no newsroom:data meta`);
  return `/${folder.slice(base.length)}${file}`;
}

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('Chromium not found: run scripts/setup.sh (Debian package "chromium")');
  return found;
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

/**
 * Holds back the light index of the site `site` serves (from `root`) until
 * the returned `open()`, so the pre-rendered page stays on screen; the
 * caller clears the fault (`site.server.clearFaults()`).
 */
export function holdIndex(site, root = DIST) {
  let open;
  const gate = new Promise((ok) => (open = ok));
  site.server.setFault(dataPath('index.json', root), async (req, res) => {
    await gate;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(readFileSync(`${root}${dataPath('index.json', root)}`));
  });
  return open;
}

/**
 * Starts a server and a browser; returns helpers and a `close()`.
 * `errors` collects console errors and page errors, which most tests
 * expect to stay empty.
 */
/** `NEWSROOM_CSP=1` runs every test under the strict Content-Security-Policy. */
export const CSP_BY_DEFAULT = process.env.NEWSROOM_CSP === '1';

export async function openSite({ root = DIST, base = '/', csp = CSP_BY_DEFAULT, colorScheme = 'light', viewport } = {}) {
  const server = await startServer({ root, base, csp });
  const browser = await launchBrowser();
  const context = await browser.newContext({ colorScheme, viewport: viewport ?? { width: 1280, height: 900 } });
  const errors = [];
  // Any policy violation is an error, even one the browser only reports.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  const watch = (page, expectErrors) => {
    const record = (text) => {
      if (!expectErrors || text.startsWith('CSP violation')) errors.push(text);
    };
    page.on('console', (msg) => {
      if (msg.type() === 'error') record(`console: ${msg.text()}`);
    });
    page.on('pageerror', (error) => record(`page: ${error.message}`));
    return page;
  };
  return {
    server,
    browser,
    context,
    errors,
    /**
     * `expectErrors` for pages a test breaks on purpose (faults); CSP violations still count.
     * `page.goto` waits until the app has taken over the pre-rendered page (it starts after
     * the first paint, and for a frame both are in the DOM); `preRender` leaves that to the
     * test, for tests of the pre-render and the take-over themselves.
     */
    async newPage({ expectErrors = false, preRender = false } = {}) {
      const page = watch(await context.newPage(), expectErrors);
      if (!preRender) {
        const goto = page.goto.bind(page);
        page.goto = async (...args) => {
          const response = await goto(...args);
          await page.waitForFunction(() => !document.getElementById('static-page'), null, { timeout: 30_000 });
          return response;
        };
      }
      return page;
    },
    url: (path = '') => server.url + path.replace(/^\//, ''),
    /** Closes everything; fails if any page logged an unexpected error. */
    async close() {
      await browser.close();
      await server.close();
      if (errors.length > 0) throw new Error(`console or page errors:\n${errors.join('\n')}`);
    },
  };
}
