// A page of fifty results renders a screenful of entries first and the
// rest as the reader nears them, so each keystroke and click renders a
// dozen entries. Nothing of the page may be out of reach: scrolling,
// tabbing, the "Show the other … releases" button, printing and "Back to
// releases" all lead to every entry. Against 2,000 generated releases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_FULLTEXT, openSite } from '../lib/harness.mjs';
import { FIRST_SHOWN, afterTwoFrames, eventually, expectTitles, showWholePage, timelineTitles } from '../lib/wait.mjs';

const PAGE_SIZE = 50;
const bundle = JSON.parse(readFileSync(resolve(DIST_FULLTEXT, 'releases.json'), 'utf8'));
const newest = [...bundle.releases].sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
const firstPage = newest.slice(0, PAGE_SIZE).map((r) => r.title);

let site;
before(async () => {
  site = await openSite({ root: DIST_FULLTEXT, viewport: { width: 1280, height: 720 } });
});
after(async () => site?.close());

const entries = (page) => page.locator('.timeline .entry').count();
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent.trim());

/** The entries rendered once they stop growing: "Show more" is then far enough below the screen. */
async function grownUntilFar(page) {
  let shown = await entries(page);
  await eventually(async () => {
    await afterTwoFrames(page);
    const now = await entries(page);
    const settled = now === shown;
    shown = now;
    return settled;
  }, (settled) => settled, { message: 'the entries stop growing' });
  assert.ok(shown < PAGE_SIZE, `${shown} entries rendered`);
  return shown;
}
const more = (page) => page.getByRole('button', { name: /^Show the (other \d+ releases|last release) of this page$/ });

test('a page renders a screenful first, more as the reader scrolls near the end, and the rest on request', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  const first = await expectTitles(page, firstPage);
  assert.ok(first.length >= FIRST_SHOWN && first.length < PAGE_SIZE, `${first.length} entries rendered at first`);

  await more(page).scrollIntoViewIfNeeded();
  await eventually(() => entries(page), (n) => n > first.length, { message: 'more entries near the end' });
  await expectTitles(page, firstPage);

  await showWholePage(page);
  assert.deepEqual(await timelineTitles(page), firstPage);
  assert.deepEqual(site.errors, []);
});

test('another view starts again at a screenful', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await showWholePage(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('checkbox', { name: new RegExp(`^${newest[0].published.slice(0, 4)}`) }).check();
  const inYear = newest.filter((r) => r.published.startsWith(newest[0].published.slice(0, 4)));
  assert.ok(inYear.length > PAGE_SIZE, 'a full page in the year');
  const shown = await expectTitles(page, inYear.slice(0, PAGE_SIZE).map((r) => r.title));
  assert.ok(shown.length < PAGE_SIZE, `${shown.length} entries rendered`);
});

test('a keyboard reader tabs through every entry of the page', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, firstPage);
  await page.getByRole('link', { name: firstPage[0], exact: true }).focus();
  const visited = [];
  for (let presses = 0; presses < 400; presses += 1) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      const entry = element?.closest('.timeline .entry');
      return {
        title: entry && element.matches('.entry__title a') ? element.textContent.trim() : null,
        more: element?.matches('.more-entries') ?? false,
        pagination: element?.matches('.pagination a') ?? false,
      };
    });
    if (focused.pagination) break;
    if (focused.title && visited.at(-1) !== focused.title) visited.push(focused.title);
    // Reached before the entries after it were rendered: the reader presses it.
    await page.keyboard.press(focused.more ? 'Enter' : 'Tab');
  }
  assert.deepEqual(visited, firstPage);
});

test('"Show more" keeps a keyboard reader\'s focus when it comes near the screen; leaving it renders the entries', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, firstPage);
  const shown = await grownUntilFar(page);
  // The focus arrives before the button is near (a fast Tab, a busy page).
  await more(page).evaluate((button) => button.focus({ preventScroll: true }));
  await more(page).evaluate((button) => button.scrollIntoView({ block: 'center' }));
  await afterTwoFrames(page);
  const isFocused = () => more(page).evaluate((button) => document.activeElement === button);
  assert.equal(await isFocused(), true, 'the button keeps the focus');
  assert.equal(await entries(page), shown);

  await page.keyboard.press('Shift+Tab');
  await eventually(() => entries(page), (n) => n > shown, { message: 'entries rendered once the focus left' });
  await more(page).focus();
  const rendered = await entries(page);
  await page.keyboard.press('Enter');
  await eventually(() => focusedText(page), (title) => title === firstPage[rendered], { message: 'the focus on the first entry the button rendered' });
  assert.equal(await entries(page), PAGE_SIZE);
});

test('a printed page holds the whole page of results', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, firstPage);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(() => timelineTitles(page), (titles) => titles.length === PAGE_SIZE, { message: 'all entries for print' });
  assert.deepEqual(await timelineTitles(page), firstPage);
});

test('printing with the focus on "Show more" leaves it on the first entry the button rendered', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await expectTitles(page, firstPage);
  const shown = await grownUntilFar(page);
  await more(page).focus();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(() => focusedText(page), (title) => title === firstPage[shown], { message: 'the focus after printing' });
  assert.equal(await entries(page), PAGE_SIZE);
});

test('"Back to releases" lands on the release the reader opened, deep in the page', async () => {
  const page = await site.newPage();
  await page.goto(site.url());
  await showWholePage(page);
  const opened = firstPage[42];
  const link = page.getByRole('link', { name: opened, exact: true });
  await link.scrollIntoViewIfNeeded();
  const top = (await link.boundingBox()).y;
  await link.click();
  await page.getByRole('heading', { level: 1, name: opened }).waitFor();
  await page.getByRole('link', { name: '← Back to releases' }).click();
  await eventually(async () => (await link.boundingBox())?.y, (y) => y !== undefined && Math.abs(y - top) <= 2, {
    message: 'the opened release where it was',
  });
});
