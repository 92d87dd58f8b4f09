// Nothing breaks it: each way the bundle can be bad or the network can fail
// gets a specific message, and valid releases still show.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, dataPath } from '../lib/harness.mjs';
import { bundle, newestFirst } from '../lib/seed.mjs';
import { eventually, expectCount, timelineTitles } from '../lib/wait.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const clone = () => JSON.parse(JSON.stringify(bundle));
const serve = (status, body, type = 'application/json') => (req, res) => {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
};

async function openWith(fault) {
  site.server.setFault(dataPath(), fault);
  const page = await site.newPage({ expectErrors: true });
  await page.goto(site.url());
  return page;
}

async function expectAlert(page, pattern) {
  await page.getByRole('alert').filter({ hasText: pattern }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'The releases could not be loaded' }).waitFor();
}

const fatal = [
  ['bundle not found (404)', serve(404, 'missing', 'text/plain'), /releases file was not found: .*index\.json answered 404 Not Found/, false],
  ['server error (500)', serve(500, 'boom', 'text/plain'), /server answered 500 Internal Server Error for .*index\.json/, true],
  ['network failure', (req) => req.socket.destroy(), /could not be downloaded from .*index\.json: the network request failed/, true],
  ['HTML instead of JSON', serve(200, '<!doctype html><title>Oops</title>', 'text/html'), /is an HTML page, not JSON/, false],
  ['truncated JSON', serve(200, JSON.stringify(bundle).slice(0, 900)), /not valid JSON: the text ends too early \(is the file truncated\?\) at line 1/, false],
  ['unknown version', serve(200, JSON.stringify({ ...bundle, version: 2 })), /version is 2, but this newsroom reads version 1/, false],
];

for (const [name, fault, message, retry] of fatal) {
  test(`${name}: a specific message${retry ? ' and "Try again"' : ''}`, async () => {
    const page = await openWith(fault);
    try {
      await expectAlert(page, message);
      const tryAgain = page.getByRole('button', { name: 'Try again' });
      assert.equal(await tryAgain.count(), retry ? 1 : 0);
      if (retry) {
        site.server.clearFaults();
        await tryAgain.click();
        await expectCount(page, '7 releases');
      }
    } finally {
      site.server.clearFaults();
    }
  });
}

test('a response that never finishes times out with a message', async () => {
  site.server.setFault(dataPath(), (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"version": 1,'); // and nothing more
  });
  try {
    const page = await site.newPage({ expectErrors: true, preRender: true });
    await page.clock.install();
    await page.goto(site.url());
    // The pre-rendered home page shows while the releases load.
    await page.locator('#static-page').waitFor();
    await page.clock.runFor(21_000);
    await expectAlert(page, /did not finish downloading within 20 seconds/);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
  } finally {
    site.server.clearFaults();
  }
});

const partial = [
  ['wrong types', (b) => { b.releases[0].title = 42; }, 'releases[0].title: expected text, found a number'],
  ['a missing field', (b) => { delete b.releases[1].summary; }, 'releases[1].summary: missing'],
  ['an invalid date', (b) => { b.releases[2].published = '2023-13-01'; }, 'releases[2].published: "2023-13-01" is not a date (YYYY-MM-DD)'],
  ['a duplicate slug', (b) => { b.releases[3].slug = b.releases[0].slug; }, `releases[3].slug: "${bundle.releases[0].slug}" is already used by releases[0]`],
  ['a field of several megabytes', (b) => { b.releases[4].summary = 'x'.repeat(3_000_000); }, 'releases[4].summary: is 3000000 characters long; the limit is 5000'],
  ['a javascript: source link', (b) => { b.releases[5].source_url = 'javascript:alert(1)'; }, 'releases[5].source_url: "javascript:alert(1)" is not an http or https address'],
];

for (const [name, spoil, problem] of partial) {
  test(`${name}: the valid releases show and the page says what was left out`, async () => {
    const broken = clone();
    spoil(broken);
    const page = await openWith(serve(200, JSON.stringify(broken)));
    try {
      await expectCount(page, '6 releases');
      await page.getByText('1 release was left out').waitFor();
      await page.getByText('What is wrong').click();
      await page.getByText(problem, { exact: true }).waitFor();
      assert.equal((await timelineTitles(page)).length, 6);
    } finally {
      site.server.clearFaults();
    }
  });
}

test('an empty list says there are no releases yet', async () => {
  const page = await openWith(serve(200, JSON.stringify({ ...bundle, releases: [] })));
  try {
    await page.getByText('This newsroom has no releases yet.').waitFor();
    await expectCount(page, 'No releases match');
  } finally {
    site.server.clearFaults();
  }
});

test('markup in every field is shown as text, never run', async () => {
  const hostile = clone();
  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const release = hostile.releases[0];
  Object.assign(release, {
    title: `Title ${attack}`,
    summary: `Summary ${attack}`,
    body: `Body ${attack}`,
    content_type: `Type ${attack}`,
    locations: [`Place ${attack}`],
    topics: [`Topic ${attack}`],
    source_url: 'https://example.org/"><script>window.__pwned=1</script>',
  });
  hostile.site.name = `Site ${attack}`;
  hostile.site.tagline = `Tagline ${attack}`;
  const page = await openWith(serve(200, JSON.stringify(hostile)));
  try {
    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
    await page.getByRole('link', { name: `Title ${attack}` }).waitFor();
    await page.getByText(`Summary ${attack}`).waitFor();
    await page.getByRole('link', { name: `Title ${attack}` }).click();
    await page.getByRole('heading', { level: 1, name: `Title ${attack}` }).waitFor();
    await page.getByText(`Body ${attack}`).waitFor();
    await page.goto(site.url(`?q=${encodeURIComponent(attack)}&topic=${encodeURIComponent(attack)}`));
    await page.getByRole('link', { name: /Remove Search/ }).first().waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(dialogs, 0);
  } finally {
    site.server.clearFaults();
  }
});

test('the valid seed still shows after the faults', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await eventually(() => timelineTitles(page), (t) => t.length === newestFirst.length, { message: 'all releases' });
});
