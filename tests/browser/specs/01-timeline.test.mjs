// The first working app: the timeline of the seed releases, newest first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, dataPath } from '../lib/harness.mjs';
import { newestFirst, bundle } from '../lib/seed.mjs';
import { expectTitles, expectCount } from '../lib/wait.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('the timeline shows the seven seed releases, newest first, grouped by year', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, newestFirst.map((r) => r.title));
  await expectCount(page, '7 releases');
  const years = await page.locator('.year__heading').allInnerTexts();
  assert.deepEqual(years, ['2023', '2022', '2021', '2019']);
  // Each entry has a machine-readable date and a link to its own page.
  const first = page.locator('.timeline .entry').first();
  assert.equal(await first.locator('time').getAttribute('datetime'), newestFirst[0].published);
  const link = first.getByRole('link', { name: newestFirst[0].title });
  assert.match(await link.getAttribute('href'), new RegExp(`/releases/${newestFirst[0].slug}/$`));
  assert.equal(await page.title(), bundle.site.name);
  await page.getByRole('heading', { level: 1, name: bundle.site.name }).waitFor();
  assert.deepEqual(site.errors, []);
});

test('following a title opens the release and the page title follows', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  const target = newestFirst[2];
  await page.getByRole('link', { name: target.title }).click();
  await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
  assert.equal(await page.title(), `${target.title} — ${bundle.site.name}`);
  assert.ok(page.url().endsWith(`/releases/${target.slug}/`));
  assert.deepEqual(site.errors, []);
});

test('an unknown path shows a not-found view with a way back', async () => {
  const page = await site.newPage({ expectErrors: true }); // the host's 404 is logged
  const response = await page.goto(site.url('no/such/page'));
  assert.equal(response.status(), 404, 'the static host answers 404');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.match(await page.title(), /Page not found/);
  await page.getByRole('link', { name: 'Go to all releases' }).click();
  await expectTitles(page, newestFirst.map((r) => r.title));
});

test('while the bundle loads the reader sees that it is loading', async () => {
  let release;
  const gate = new Promise((ok) => (release = ok));
  site.server.setFault(dataPath(), async (req, res) => {
    await gate;
    const { readFile } = await import('node:fs/promises');
    const { DIST } = await import('../lib/harness.mjs');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(await readFile(`${DIST}${dataPath()}`));
  });
  try {
    const page = await site.newPage({ preRender: true });
    // A placeholder stands in for a view the pre-rendered first page cannot show until the app has it...
    await page.goto(site.url('?year=2022&sort=oldest'));
    await page.getByText('Loading the releases for this address…').waitFor();
    // ...and beside the newest releases of two facets' view, the count it is waiting for.
    const newest = await site.newPage({ preRender: true });
    await newest.goto(site.url('?year=2022&type=News'));
    await newest.getByText('The newest releases for this address; counting them all…').waitFor();
    release();
    const in2022 = newestFirst.filter((r) => r.published.startsWith('2022')).map((r) => r.title);
    const news2022 = newestFirst.filter((r) => r.published.startsWith('2022') && r.content_type === 'News').map((r) => r.title);
    await expectTitles(page, [...in2022].reverse());
    await expectTitles(newest, news2022);
  } finally {
    site.server.clearFaults();
  }
});

test('a failed fetch says what failed', async () => {
  site.server.setFault(dataPath(), (req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('gone');
  });
  try {
    const page = await site.newPage({ expectErrors: true });
    await page.goto(site.url());
    const alert = page.getByRole('alert');
    await alert.getByText(/releases file was not found: .*index\.json answered 404 Not Found/).waitFor();
  } finally {
    site.server.clearFaults();
  }
});
