// Waiting for conditions (never for fixed times).
import assert from 'node:assert/strict';

/** Polls `read()` until `check(value)` holds; fails with the last value. */
export async function eventually(read, check, { timeout = 10_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) assert.fail(`${message}: last value ${JSON.stringify(last)}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/** Resolves after the page has rendered two frames: what a step changed is painted. */
export function afterTwoFrames(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/**
 * Texts of the release titles in the timeline, in order. Text content, not
 * rendered text: entries below the fold are not rendered until scrolled near
 * (content-visibility), though readers, find-in-page and assistive
 * technology still reach them.
 */
export async function timelineTitles(page) {
  return (await page.locator('.timeline .entry__title').allTextContents()).map((t) => t.trim());
}

/** Entries of a page the app renders before the reader scrolls near the last (`listing::FIRST_SHOWN`). */
export const FIRST_SHOWN = 12;

/**
 * Waits until the timeline's page is exactly `titles` in this order: the
 * first ones rendered (at least a screenful), and the rest announced by the
 * button that renders them.
 */
export async function expectTitles(page, titles, message = 'timeline titles') {
  const more = page.locator('.timeline .more-entries');
  const read = async () => {
    const shown = await timelineTitles(page);
    const button = (await more.count()) ? await more.textContent({ timeout: 1000 }).catch(() => null) : null;
    return { shown, button };
  };
  const holds = ({ shown, button }) => {
    const rest = titles.length - shown.length;
    const announced = rest === 0 ? button === null
      : button === (rest === 1 ? 'Show the last release of this page' : `Show the other ${rest} releases of this page`);
    return shown.length >= Math.min(titles.length, FIRST_SHOWN) && announced
      && JSON.stringify(shown) === JSON.stringify(titles.slice(0, shown.length));
  };
  return (await eventually(read, holds, { message })).shown;
}

/**
 * Renders the rest of the timeline's page, as a reader pressing "Show the
 * other … releases" does. The button is activated where it is, as assistive
 * technology does: a pointer click scrolls it into view, which renders the
 * next screenful above it and moves it, so the click could land on an entry.
 */
export async function showWholePage(page) {
  const more = page.getByRole('button', { name: /^Show the (other \d+ releases|last release) of this page$/ });
  if (await more.count()) await more.evaluate((button) => button.click());
  await eventually(() => more.count(), (n) => n === 0, { message: 'the whole page rendered' });
}

/** Waits for the live result count to read `text`. */
export async function expectCount(page, text) {
  return eventually(() => page.getByRole('status').filter({ hasText: /release/ }).first().innerText(), (t) => t === text, {
    message: `result count "${text}"`,
  });
}

/**
 * Waits until the app has taken over the pre-rendered page (which it does
 * after the first paint). For tests of what only the app does; readers may
 * act on the pre-render before, and the take-over tests cover that.
 */
export function tookOver(page) {
  return page.locator('#static-page').waitFor({ state: 'detached' });
}
