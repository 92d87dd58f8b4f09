// A release as an editor writes it: `newsroom-cli new`, then a Markdown body
// with a subheading, a link and a list, and a photo beside the file
// (lib/write-release.mjs). Its page shows them as elements, its entry page
// carries the link-preview image, and the timeline shows a thumbnail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_WRITTEN, openSite } from '../lib/harness.mjs';
import { WRITTEN } from '../lib/write-release.mjs';
import { eventually } from '../lib/wait.mjs';

const SLUG = 'border-officers-trained-in-khorog';
let site;
before(async () => {
  site = await openSite({ root: DIST_WRITTEN });
});
after(async () => site?.close());

async function expectRelease(page) {
  await page.getByRole('heading', { level: 1, name: WRITTEN.title }).waitFor();
  const body = page.locator('main').first();
  await body.getByRole('heading', { level: 3, name: WRITTEN.heading }).waitFor();
  const link = page.getByRole('link', { name: WRITTEN.linkText });
  assert.equal(await link.getAttribute('href'), WRITTEN.link);
  const items = page.getByRole('listitem').filter({ hasText: WRITTEN.items[1] });
  assert.equal(await items.count(), 1, 'the list is a list');
  await page.getByText('<b>Raw HTML stays text.</b>').waitFor();
  const photo = page.getByRole('img', { name: WRITTEN.alt });
  await eventually(() => photo.evaluate((img) => img.complete && img.naturalWidth), (w) => w > 0, { message: 'the photo loads' });
  assert.equal(await photo.getAttribute('width'), '960');
  assert.equal(await photo.getAttribute('height'), '540');
  await page.getByText(`Photo: ${WRITTEN.credit}`).waitFor();
}

test('the written release shows its subheading, link, list, photo and credit in the app', async () => {
  const page = await site.newPage();
  await page.goto(site.url(`releases/${SLUG}/`));
  await eventually(() => page.locator('#static-page').count(), (n) => n === 0, { message: 'the app took over' });
  await expectRelease(page);
  assert.deepEqual(site.errors, []);
});

test('the entry page alone (no JavaScript) shows the same and carries the preview tags', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url(`releases/${SLUG}/`));
  await expectRelease(page);
  const meta = (selector) => page.locator(selector).getAttribute('content');
  assert.equal(await meta('meta[name="twitter:card"]'), 'summary_large_image');
  assert.equal(await meta('meta[property="og:image:alt"]'), WRITTEN.alt);
  const preview = await meta('meta[property="og:image"]');
  assert.match(preview, /^http:\/\/127\.0\.0\.1:8080\/images\/[0-9a-f]{12}\/preview\.jpg$/);
  const file = resolve(DIST_WRITTEN, new URL(preview).pathname.slice(1));
  const jpeg = readFileSync(file);
  // A JPEG's SOF0 marker holds its height and width.
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  assert.deepEqual([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)], [1200, 630], 'a 1200x630 crop');
  await context.close();
});

test('the timeline shows a lazy thumbnail for the release with a photo, and none for the others', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: WRITTEN.title }) });
  const thumbnail = entry.getByRole('img', { name: WRITTEN.alt });
  assert.equal(await thumbnail.getAttribute('loading'), 'lazy');
  assert.equal(await page.locator('.entry img').count(), 1, 'releases without a photo show none');
  await thumbnail.scrollIntoViewIfNeeded();
  await eventually(() => thumbnail.evaluate((img) => img.complete && img.naturalWidth), (w) => w > 0, { message: 'the thumbnail loads' });
  const source = await thumbnail.evaluate((img) => img.currentSrc);
  assert.match(source, /\/images\/[0-9a-f]{12}\/320\.webp$/, 'the smallest WebP');
  assert.deepEqual(site.errors, []);
});
