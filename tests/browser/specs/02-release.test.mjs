// Release pages opened directly, and unknown slugs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { holdIndex, openSite } from '../lib/harness.mjs';
import { bundle, bySlugWord } from '../lib/seed.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('opening /releases/<slug>/ directly shows that release', async () => {
  const release = bySlugWord('sewing-workshop');
  const page = await site.newPage();
  const response = await page.goto(site.url(`releases/${release.slug}/`));
  assert.equal(response.status(), 200, 'a static entry page exists for every release');
  const heading = page.getByRole('heading', { level: 1, name: release.title });
  await heading.waitFor();
  await page.getByText(release.summary).waitFor();
  assert.equal(await page.title(), `${release.title} — ${bundle.site.name}`);
  await page.locator('time[datetime="2022-06-13"]').first().waitFor();
  assert.deepEqual(site.errors, []);
});

test('the slug without its trailing slash is redirected and still works', async () => {
  const release = bySlugWord('judicial-independence');
  const page = await site.newPage();
  await page.goto(site.url(`releases/${release.slug}`));
  await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
});

test('an unknown slug shows "Release not found" with suggestions and a way back', async () => {
  const page = await site.newPage({ expectErrors: true }); // the host's 404 is logged
  await page.goto(site.url('releases/roundtable-judicial/'));
  await page.getByRole('heading', { level: 1, name: 'Release not found' }).waitFor();
  assert.match(await page.title(), /^Release not found/);
  const suggestion = bySlugWord('judicial-independence');
  await page.getByRole('link', { name: suggestion.title }).waitFor();
  await page.getByRole('link', { name: 'Go to all releases' }).click();
  await page.getByRole('heading', { level: 1, name: bundle.site.name }).waitFor();
});

test('a deep link keeps showing its release while the releases load, then the app takes over', async () => {
  const release = bySlugWord('sewing-workshop');
  const open = holdIndex(site);
  try {
    const page = await site.newPage({ preRender: true });
    await page.goto(site.url(`releases/${release.slug}/`));
    await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
    // The app has started (its views exist) but the reader still reads the release.
    await page.locator('#main').waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
    assert.equal(await page.getByText('Loading releases…').count(), 0);
    assert.equal(await page.title(), `${release.title} — ${bundle.site.name}`);
    open();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    assert.equal(await page.locator('#static-page').count(), 0, 'the pre-rendered copy is gone');
    assert.equal(await page.getByRole('heading', { level: 1, name: release.title }).count(), 1);
    assert.equal(await page.locator('head link[rel="canonical"]').count(), 1);
  } finally {
    site.server.clearFaults();
  }
});
