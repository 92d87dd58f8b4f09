// Shared set-up for the browser tests: Debian's Chromium through
// playwright-core, against a built site on the plain static server.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
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
 * Starts a server and a browser; returns helpers and a `close()`.
 * `errors` collects console errors and page errors, which most tests
 * expect to stay empty.
 */
export async function openSite({ root = DIST, base = '/', csp = false, colorScheme = 'light', viewport } = {}) {
  const server = await startServer({ root, base, csp });
  const browser = await launchBrowser();
  const context = await browser.newContext({ colorScheme, viewport: viewport ?? { width: 1280, height: 900 } });
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    return page;
  };
  return {
    server,
    browser,
    context,
    errors,
    async newPage() {
      return watch(await context.newPage());
    },
    url: (path = '') => server.url + path.replace(/^\//, ''),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
