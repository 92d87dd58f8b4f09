// Release pages worth sharing: deep links, neighbours, filter links, Back,
// Copy link; entry pages and the feed as crawlers read them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, DIST_SUBPATH, SUBPATH, openSite } from '../lib/harness.mjs';
import { bundle, newestFirst, bySlugWord } from '../lib/seed.mjs';
import { eventually, expectTitles } from '../lib/wait.mjs';

const SITE_URL = 'http://127.0.0.1:8080';

for (const [label, root, base] of [['at the root', DIST, '/'], ['under a sub-path', DIST_SUBPATH, SUBPATH]]) {
  describe(`release pages ${label}`, () => {
    let site;
    before(async () => {
      site = await openSite({ root, base });
    });
    after(async () => site?.close());

    test('a deep link opens directly; previous and next move in date order', async () => {
      const page = await site.newPage();
      const middle = newestFirst[3];
      await page.goto(site.url(`releases/${middle.slug}/`));
      await page.getByRole('heading', { level: 1, name: middle.title }).waitFor();
      await eventually(() => page.evaluate(() => document.activeElement?.tagName), (t) => t === 'H1', { message: 'focus on h1' });
      await page.getByRole('link', { name: new RegExp(`Previous \\(older\\).*${escapeRe(newestFirst[4].title)}`) }).click();
      await page.getByRole('heading', { level: 1, name: newestFirst[4].title }).waitFor();
      await page.getByRole('link', { name: /Next \(newer\)/ }).click();
      await page.getByRole('link', { name: /Next \(newer\)/ }).click();
      await page.getByRole('heading', { level: 1, name: newestFirst[2].title }).waitFor();
      assert.ok(new URL(page.url()).pathname.startsWith(base));
      assert.deepEqual(site.errors, []);
    });

    test('a topic link opens the filtered timeline and Back returns to the earlier filters', async () => {
      const page = await site.newPage();
      await page.goto(site.url('?year=2022'));
      const release = bySlugWord('sewing-workshop');
      await expectTitles(page, newestFirst.filter((r) => r.published.startsWith('2022')).map((r) => r.title));
      await page.getByRole('link', { name: release.title }).click();
      await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
      await page.getByRole('link', { name: 'Human rights', exact: true }).click();
      await expectTitles(page, newestFirst.filter((r) => r.topics.includes('Human rights')).map((r) => r.title));
      assert.equal(new URL(page.url()).pathname, base);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
      await page.getByRole('link', { name: '← Back to releases' }).click();
      await expectTitles(page, newestFirst.filter((r) => r.published.startsWith('2022')).map((r) => r.title));
      assert.match(page.url(), /\?year=2022$/);
    });

    test('"Back to releases" returns to the scroll position the reader left', async () => {
      const page = await site.newPage();
      await page.setViewportSize({ width: 1280, height: 600 });
      await page.goto(site.url());
      const oldest = newestFirst.at(-1);
      const link = page.getByRole('link', { name: oldest.title });
      await link.scrollIntoViewIfNeeded();
      const left = await page.evaluate(() => window.scrollY);
      assert.ok(left > 300, `the page scrolled (${left}px)`);
      await link.click();
      await page.getByRole('heading', { level: 1, name: oldest.title }).waitFor();
      await page.getByRole('link', { name: '← Back to releases' }).click();
      await eventually(() => page.evaluate(() => window.scrollY), (y) => Math.abs(y - left) <= 2, { message: 'scroll restored' });
    });

    test('"Copy link" puts the canonical URL on the clipboard and says so', async () => {
      await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
      const page = await site.newPage();
      const release = newestFirst[0];
      await page.goto(site.url(`releases/${release.slug}/`));
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByText('Link copied to the clipboard.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${SITE_URL}${base}releases/${release.slug}/`);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      assert.equal(canonical, copied);
      // After moving on, the head names the new release only.
      await page.getByRole('link', { name: /Previous \(older\)/ }).click();
      await page.getByRole('heading', { level: 1, name: newestFirst[1].title }).waitFor();
      await eventually(() => page.locator('link[rel="canonical"]').evaluateAll((links) => links.map((l) => l.href)),
        (hrefs) => hrefs.length === 1 && hrefs[0] === `${SITE_URL}${base}releases/${newestFirst[1].slug}/`,
        { message: 'one canonical link, for the release shown' });
    });
  });
}

function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const attr = (html, pattern) => html.match(pattern)?.[1];

describe('entry pages and the feed, as crawlers read them (no JavaScript)', () => {
  for (const [root, base] of [[DIST, '/'], [DIST_SUBPATH, SUBPATH]]) {
    test(`every entry page has its own title, description, canonical and Open Graph tags (${base})`, () => {
      for (const release of bundle.releases) {
        const html = readFileSync(`${root}/releases/${release.slug}/index.html`, 'utf8');
        const url = `${SITE_URL}${base}releases/${release.slug}/`;
        const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
        assert.equal(attr(html, /<title>([^<]*)<\/title>/), esc(`${release.title} — ${bundle.site.name}`));
        assert.equal(attr(html, /<link rel="canonical" href="([^"]*)">/), url);
        assert.equal(attr(html, /<meta property="og:url" content="([^"]*)">/), url);
        assert.equal(attr(html, /<meta property="og:title" content="([^"]*)">/), esc(release.title));
        assert.ok(esc(release.summary).startsWith(attr(html, /<meta name="description" content="([^"]*)">/).replace(/…$/, '')));
        assert.ok(attr(html, /<meta name="twitter:card" content="([^"]*)">/));
        assert.ok(html.includes(`<h1>${esc(release.title)}</h1>`), 'release text in the page');
        assert.ok(html.includes(`<meta name="newsroom:base" content="${base}">`), 'the app knows its base');
        assert.ok(!html.includes('<base '), 'no <base> element (strict CSP forbids it)');
      }
    });

    test(`feed.xml is Atom and lists every release (${base})`, async () => {
      const site = await openSite({ root, base });
      try {
        const page = await site.newPage();
        await page.goto(site.url());
        const xml = await page.evaluate(async (url) => (await fetch(url)).text(), site.url('feed.xml'));
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const ns = 'http://www.w3.org/2005/Atom';
          const root = doc.documentElement;
          return {
            error: doc.getElementsByTagName('parsererror').length > 0,
            ns: root.namespaceURI,
            name: root.localName,
            title: root.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
            entries: [...root.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
              id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
              title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
              updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
            })),
          };
        }, xml);
        assert.equal(parsed.error, false);
        assert.equal(parsed.ns, 'http://www.w3.org/2005/Atom');
        assert.equal(parsed.name, 'feed');
        assert.equal(parsed.title, bundle.site.name);
        assert.deepEqual(parsed.entries.map((e) => e.title), newestFirst.map((r) => r.title));
        for (const [i, entry] of parsed.entries.entries()) {
          assert.equal(entry.id, `${SITE_URL}${base}releases/${newestFirst[i].slug}/`);
          assert.equal(entry.updated, `${newestFirst[i].published}T00:00:00Z`);
        }
        const shell = readFileSync(`${root}/index.html`, 'utf8');
        assert.ok(shell.includes(`type="application/atom+xml" href="${SITE_URL}${base}feed.xml"`), 'feed linked from the head');
      } finally {
        await site.close();
      }
    });
  }
});
