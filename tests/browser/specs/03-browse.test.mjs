// Finding releases: search, facets with counts, dates, all held in the URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite } from '../lib/harness.mjs';
import { newestFirst, releases, bySlugWord } from '../lib/seed.mjs';
import { eventually, expectTitles, expectCount, timelineTitles } from '../lib/wait.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const titlesWhere = (keep) => newestFirst.filter(keep).map((r) => r.title);
const withTopic = (...topics) => (r) => r.topics.some((t) => topics.includes(t));

async function openTimeline(query = '') {
  const page = await site.newPage();
  await page.goto(site.url(query));
  await page.getByRole('searchbox', { name: 'Search releases' }).waitFor();
  return page;
}

const facet = (page, legend) => page.getByRole('group', { name: legend });

test('typing a query narrows the list, highlights matches and keeps one history entry', async () => {
  const page = await openTimeline();
  await expectCount(page, '7 releases');
  const historyBefore = await page.evaluate(() => history.length);
  const requestsBefore = site.server.requests.length;
  await page.getByRole('searchbox', { name: 'Search releases' }).pressSequentially('penitent');
  const forum = bySlugWord('penitentiary-reform-forum');
  await expectTitles(page, [forum.title]);
  await expectCount(page, '1 release');
  // The icon is inline: Chromium would fetch an icon file again at every
  // change of address, here every keystroke.
  const fetched = site.server.requests.slice(requestsBefore).filter((path) => !path.includes('/data/'));
  assert.deepEqual(fetched, [], 'typing fetches nothing but data');
  const marks = await page.locator('.timeline mark').allTextContents();
  // Only the matched start of the word is marked: "penitent" in "penitentiary".
  assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === 'penitent'), `highlighted: ${marks}`);
  assert.match(page.url(), /\?q=penitent$/);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'typing replaces the history entry');
});

test('the filter panel and the chart follow a typed query once the list has answered', async () => {
  const page = await openTimeline();
  await expectCount(page, '7 releases');
  await page.getByRole('searchbox', { name: 'Search releases' }).pressSequentially('penitent');
  const forum = bySlugWord('penitentiary-reform-forum');
  await expectTitles(page, [forum.title]);
  // The panel's chip, its counts and the chart then describe the same result.
  await page.getByRole('link', { name: 'Remove Search: “penitent”' }).waitFor();
  const year = forum.published.slice(0, 4);
  const yearLabels = () => facet(page, 'Year').locator('.facet__value label').allInnerTexts();
  await eventually(yearLabels, (labels) => labels.some((l) => l.replace(/\s+/g, ' ').trim() === `${year} (1)`), { message: 'year counts' });
  const barCounts = () => page.locator('.histogram__bar').evaluateAll((bars) =>
    bars.map((bar) => Number(bar.getAttribute('aria-label').match(/(\d+) releases?$/)?.[1] ?? 0)));
  await eventually(barCounts, (counts) => counts.reduce((a, b) => a + b, 0) === 1, { message: 'histogram bars' });
  await expectTitles(page, [forum.title]);
});

test('search ignores accents and case, and needs every word', async () => {
  const page = await openTimeline('?q=ZUGIĆ');
  await expectTitles(page, [bySlugWord('sewing-workshop').title]);
  const both = await openTimeline('?q=roundtable+dushanbe');
  // Relevance order: both words in the title ranks above a title-and-summary match.
  await expectTitles(both, [bySlugWord('judicial-independence').title, bySlugWord('penal').title]);
  const none = await openTimeline('?q=roundtable+sarajevo');
  await expectCount(none, 'No releases match');
  const phrase = await openTimeline('?q=%22prison+system%22');
  await expectTitles(phrase, [bySlugWord('penitentiary-reform-forum').title]);
});

test('two topics widen the result, adding a year narrows it', async () => {
  const page = await openTimeline();
  await facet(page, 'What we do').getByRole('checkbox', { name: /^Gender equality/ }).check();
  await expectTitles(page, titlesWhere(withTopic('Gender equality')));
  await facet(page, 'What we do').getByRole('checkbox', { name: /^Human rights/ }).check();
  await expectTitles(page, titlesWhere(withTopic('Gender equality', 'Human rights')));
  await facet(page, 'Year').getByRole('checkbox', { name: /^2022/ }).check();
  await expectTitles(page, titlesWhere((r) => withTopic('Gender equality', 'Human rights')(r) && r.published.startsWith('2022')));
  assert.match(page.url(), /topic=Gender\+equality&topic=Human\+rights&year=2022/);
});

test('the count beside each value is what checking it gives', async () => {
  const page = await openTimeline();
  for (const legend of ['What we do', 'Where we are', 'Content type', 'Year']) {
    const boxes = facet(page, legend).getByRole('checkbox');
    const labels = await facet(page, legend).locator('.facet__value label').allInnerTexts();
    for (let i = 0; i < labels.length; i += 1) {
      const promised = Number(labels[i].match(/\((\d+)\)\s*$/)[1]);
      await boxes.nth(i).check();
      await eventually(() => timelineTitles(page), (t) => t.length === promised, { message: `${legend} ${labels[i]}` });
      await boxes.nth(i).uncheck();
      await expectCount(page, '7 releases');
    }
  }
});

test('releases without a content type are countable as such', async () => {
  const page = await openTimeline();
  const none = facet(page, 'Content type').getByRole('checkbox', { name: /^Not specified/ });
  await none.check();
  await expectTitles(page, titlesWhere((r) => r.content_type === null));
  assert.match(page.url(), /type=%28none%29/);
});

test('reload, Back and Forward restore the views; a pasted URL reproduces one', async () => {
  const page = await openTimeline();
  await facet(page, 'Year').getByRole('checkbox', { name: /^2023/ }).check();
  const in2023 = titlesWhere((r) => r.published.startsWith('2023'));
  await expectTitles(page, in2023);
  await facet(page, 'What we do').getByRole('checkbox', { name: /^Rule of law/ }).check();
  const narrowed = titlesWhere((r) => r.published.startsWith('2023') && r.topics.includes('Rule of law'));
  await expectTitles(page, narrowed);
  await page.reload();
  await expectTitles(page, narrowed);
  await page.goBack();
  await expectTitles(page, in2023);
  assert.equal(await facet(page, 'Year').getByRole('checkbox', { name: /^2023/ }).isChecked(), true);
  await page.goBack();
  await expectTitles(page, newestFirst.map((r) => r.title));
  await page.goForward();
  await expectTitles(page, in2023);
  const pasted = await openTimeline(page.url().slice(site.url().length));
  await expectTitles(pasted, in2023);
});

test('an empty result explains itself and offers Clear all', async () => {
  const page = await openTimeline('?q=zzzz-nothing&year=2019');
  await expectCount(page, 'No releases match');
  await page.locator('.empty-result').getByRole('link', { name: /Remove Search/ }).waitFor();
  await page.locator('.empty-result').getByRole('link', { name: 'Clear all' }).click();
  await expectTitles(page, newestFirst.map((r) => r.title));
  assert.equal(new URL(page.url()).search, '');
});

test('an inverted date range gets a clear message', async () => {
  const page = await openTimeline('?from=2023-01-01&to=2021-01-01');
  await page.getByText('“From” is after “To”').first().waitFor();
  await expectCount(page, 'No releases match');
});

test('applied filters show as removable chips', async () => {
  const page = await openTimeline('?topic=Rule+of+law&year=2022');
  await page.getByRole('link', { name: 'Remove Year: 2022' }).click();
  await expectTitles(page, titlesWhere(withTopic('Rule of law')));
  assert.equal(releases.length, 7);
});

test('a page number past the end shows the last page, not an empty list', async () => {
  const page = await openTimeline('?page=999');
  await expectTitles(page, newestFirst.map((r) => r.title));
});

test('garbage parameters leave a working page', async () => {
  const page = await openTimeline('?year=abc&from=2023-13-45&sort=sideways&page=-3&zzz=1&q=%E0%A4%A&topic=');
  await expectCount(page, '7 releases');
  await expectTitles(page, newestFirst.map((r) => r.title));
  assert.deepEqual(site.errors, []);
});
