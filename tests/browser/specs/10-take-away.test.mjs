// A timeline to see and take away: the histogram that sets the dates (pointer
// and keyboard), feeds per topic and the subscribe link, CSV and JSON export.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openSite } from '../lib/harness.mjs';
import { newestFirst } from '../lib/seed.mjs';
import { eventually, expectTitles } from '../lib/wait.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

async function openTimeline(query = '') {
  const page = await site.newPage();
  await page.goto(site.url(query));
  await page.getByRole('searchbox', { name: 'Search releases' }).waitFor();
  return page;
}

const chart = (page) => page.getByRole('group', { name: /^Releases (per|in) / });
const bars = (page) => chart(page).getByRole('link');
const barNames = async (page) => bars(page).evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
const titlesBetween = (from, to) => newestFirst.filter((r) => r.published >= from && r.published <= to).map((r) => r.title);
const params = (page) => new URL(page.url()).searchParams;

/** The Year facet as { year: count }. */
async function yearFacet(page) {
  const labels = await page.getByRole('group', { name: 'Year' }).locator('.facet__value label').allInnerTexts();
  return Object.fromEntries(labels.map((l) => l.match(/^(\d{4})\s*\((\d+)\)/).slice(1).map(Number)));
}

/** Bars summed per year, leaving out empty ones: { year: count }. */
function barsPerYear(names) {
  const years = {};
  for (const name of names) {
    const [, year, count] = name.match(/(\d{4}): (\d+) releases?$/);
    if (Number(count) > 0) years[year] = (years[year] ?? 0) + Number(count);
  }
  return years;
}

test('the bars count what the year facet counts, per year or per month', async () => {
  const page = await openTimeline();
  await eventually(() => barNames(page), (n) => n.length === 5, { message: 'a bar per year' });
  assert.deepEqual(await barNames(page), ['2019: 1 release', '2020: 0 releases', '2021: 1 release', '2022: 2 releases', '2023: 3 releases']);
  assert.deepEqual(barsPerYear(await barNames(page)), await yearFacet(page));
  // The table's rows are made when it opens, and follow the result while open.
  const tableRows = async (p) => (await p.locator('.histogram__table tbody tr').allInnerTexts()).map((r) => r.split(/\s+/).join(' '));
  assert.deepEqual(await tableRows(page), [], 'a closed table holds no rows');
  await page.getByText('Show these counts as a table').click();
  await eventually(() => tableRows(page), (rows) => rows.length === 5, { message: 'the table opened' });
  assert.deepEqual(await tableRows(page), ['2019 1', '2020 0', '2021 1', '2022 2', '2023 3']);

  // Two releases a year apart: per month, and the search narrows the bars live.
  const topic = await openTimeline('?topic=Human+rights');
  await eventually(() => barNames(topic), (n) => n[0] === 'June 2022: 1 release', { message: 'monthly bars' });
  assert.deepEqual(await barNames(topic), ['June 2022: 1 release', 'July 2022: 0 releases', 'August 2022: 1 release']);
  assert.deepEqual(barsPerYear(await barNames(topic)), await yearFacet(topic));
  await topic.getByRole('searchbox', { name: 'Search releases' }).fill('sewing');
  await eventually(() => barNames(topic), (n) => n.join() === 'June 2022: 1 release', { message: 'bars follow the search' });
  await topic.getByText('Show these counts as a table').click();
  await eventually(() => tableRows(topic), (rows) => rows.join() === 'June 2022 1', { message: 'the open table follows the search' });
  await topic.getByRole('searchbox', { name: 'Search releases' }).fill('');
  await eventually(() => tableRows(topic), (rows) => rows.join() === 'June 2022 1,July 2022 0,August 2022 1', { message: 'and the cleared search' });
  assert.deepEqual(site.errors, []);
});

test('a click narrows to its year; a drag across bars sets from and to', async () => {
  const page = await openTimeline();
  await chart(page).getByRole('link', { name: '2022: 2 releases' }).click();
  await expectTitles(page, titlesBetween('2022-01-01', '2022-12-31'));
  assert.equal(params(page).get('from'), '2022-01-01');
  assert.equal(params(page).get('to'), '2022-12-31');
  // Within one year the bars are months.
  await eventually(() => barNames(page), (n) => n[0] === 'June 2022: 1 release', { message: 'months of 2022' });

  const drag = await openTimeline();
  await eventually(() => barNames(drag), (n) => n.length === 5, { message: 'bars' });
  // The chart sits in the filter panel, below the facets: scroll to it as a reader would.
  await chart(drag).scrollIntoViewIfNeeded();
  const start = await chart(drag).getByRole('link', { name: '2019: 1 release' }).boundingBox();
  const end = await chart(drag).getByRole('link', { name: '2021: 1 release' }).boundingBox();
  await drag.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await drag.mouse.down();
  await drag.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await drag.mouse.up();
  await expectTitles(drag, titlesBetween('2019-01-01', '2021-12-31'));
  assert.equal(params(drag).get('from'), '2019-01-01');
  assert.equal(params(drag).get('to'), '2021-12-31');
  await drag.goBack();
  await expectTitles(drag, newestFirst.map((r) => r.title));
  assert.deepEqual(site.errors, []);
});

test('from the keyboard: arrows move between bars, Shift+arrows choose a range, Enter narrows', async () => {
  const page = await openTimeline();
  await eventually(() => barNames(page), (n) => n.length === 5, { message: 'bars' });
  // One bar is in the tab order: the newest.
  const stop = chart(page).locator('a[tabindex="0"]');
  assert.equal(await stop.getAttribute('aria-label'), '2023: 3 releases');
  await stop.focus();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.keyboard.press('ArrowLeft');
  await eventually(focused, (name) => name === '2022: 2 releases', { message: 'focus moved left' });
  await page.keyboard.press('ArrowRight');
  await eventually(focused, (name) => name === '2023: 3 releases', { message: 'focus moved right' });
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await expectTitles(page, titlesBetween('2021-01-01', '2023-12-31'));
  assert.equal(params(page).get('from'), '2021-01-01');
  assert.equal(params(page).get('to'), '2023-12-31');
  // The bars are months now; focus stays in the chart, on the newest.
  await eventually(focused, (name) => name === 'October 2023: 1 release', { message: 'focus kept in the chart' });
  await page.keyboard.press('Enter');
  await expectTitles(page, titlesBetween('2023-10-01', '2023-10-31'));
  assert.equal(params(page).get('from'), '2023-10-01');
  assert.equal(params(page).get('to'), '2023-10-31');
  assert.deepEqual(site.errors, []);
});

test('a view of one topic offers its feed, in the page and the head; the feed is Atom', async () => {
  const page = await openTimeline('?topic=Rule+of+law');
  const link = page.getByRole('link', { name: 'Subscribe to releases about Rule of law' });
  await link.waitFor();
  const href = await link.getAttribute('href');
  assert.equal(href, '/feeds/topic/rule-of-law.xml');
  const head = page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/feeds/topic/rule-of-law.xml"]');
  await eventually(() => head.count(), (n) => n === 1, { message: 'feed link in the head' });
  const feed = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const atom = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      titles: [...doc.getElementsByTagNameNS(atom, 'entry')].map((e) => e.getElementsByTagNameNS(atom, 'title')[0].textContent),
    };
  }, href);
  assert.equal(feed.error, null);
  assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
  assert.deepEqual(feed.titles, newestFirst.filter((r) => r.topics.includes('Rule of law')).map((r) => r.title));

  // Another filter on top: the view is no longer that feed.
  await page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /^2022/ }).check();
  await eventually(() => link.count(), (n) => n === 0, { message: 'no subscribe link' });
  await eventually(() => head.count(), (n) => n === 0, { message: 'no head link' });

  // A release links its topics' feeds, in the app and in its entry page.
  const release = newestFirst.find((r) => r.topics.includes('Rule of law'));
  const html = await (await page.request.get(site.url(`releases/${release.slug}/`))).text();
  assert.match(html, /<link rel="alternate" type="application\/atom\+xml" data-topic-feed title="Releases about Rule of law" href="http:\/\/127\.0\.0\.1:8080\/feeds\/topic\/rule-of-law\.xml">/);
  await page.goto(site.url(`releases/${release.slug}/`));
  await page.getByRole('heading', { level: 1, name: release.title }).waitFor();
  const follow = page.getByRole('region', { name: 'Follow these topics' });
  assert.equal(await follow.getByRole('link', { name: 'Releases about Rule of law (Atom feed)' }).getAttribute('href'), '/feeds/topic/rule-of-law.xml');
  // The entry page's own head links went with its pre-rendered release.
  assert.equal(await page.locator('head link[data-topic-feed]').count(), 0);
  assert.deepEqual(site.errors, []);
});

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function readCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return records;
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('the view downloads as CSV and as a bundle, every matching release', async () => {
  const page = await openTimeline('?topic=Rule+of+law&sort=oldest');
  const expected = newestFirst.filter((r) => r.topics.includes('Rule of law')).reverse();
  await page.getByText('Download these 3 releases:').waitFor();
  await page.getByText('Full texts are left out').waitFor();

  const csv = await download(page, 'Download these 3 releases as CSV');
  assert.equal(csv.name, 'releases-to-2023-07-21.csv');
  const records = readCsv(csv.text);
  assert.deepEqual(records[0], ['slug', 'title', 'published', 'content_type', 'locations', 'topics', 'summary', 'source_url', 'url']);
  assert.deepEqual(records.slice(1).map((r) => r[0]), expected.map((r) => r.slug));
  assert.deepEqual(records.slice(1).map((r) => r[1]), expected.map((r) => r.title));
  assert.deepEqual(records.slice(1).map((r) => r[6]), expected.map((r) => r.summary));
  assert.equal(records[1][8], `http://127.0.0.1:8080/releases/${expected[0].slug}/`);

  const json = await download(page, 'Download these 3 releases as JSON');
  assert.equal(json.name, 'releases-to-2023-07-21.json');
  const bundle = JSON.parse(json.text);
  assert.equal(bundle.version, 1);
  assert.equal(bundle.site.name, 'News and press releases');
  const withoutBody = ({ body, ...rest }) => rest;
  assert.deepEqual(bundle.releases, expected.map(withoutBody));

  // Every page of a result, not only the one on screen: all seven.
  const all = await openTimeline('?page=1');
  const everything = JSON.parse((await download(all, 'Download these 7 releases as JSON')).text);
  assert.equal(everything.releases.length, 7);
  assert.deepEqual(site.errors, []);
});
