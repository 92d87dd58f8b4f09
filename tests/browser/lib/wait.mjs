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

/**
 * Texts of the release titles in the timeline, in order. Text content, not
 * rendered text: entries below the fold are not rendered until scrolled near
 * (content-visibility), though readers, find-in-page and assistive
 * technology still reach them.
 */
export async function timelineTitles(page) {
  return (await page.locator('.timeline .entry__title').allTextContents()).map((t) => t.trim());
}

/** Waits until the timeline shows exactly `titles` in this order. */
export async function expectTitles(page, titles, message = 'timeline titles') {
  return eventually(() => timelineTitles(page), (shown) => JSON.stringify(shown) === JSON.stringify(titles), { message });
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
