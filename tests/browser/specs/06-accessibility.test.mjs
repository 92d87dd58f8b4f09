// For every reader: axe-core on every view in light and dark, a whole task
// by keyboard alone, and no horizontal scrolling at phone, tablet and
// desktop widths.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, dataPath } from '../lib/harness.mjs';
import { bySlugWord, newestFirst } from '../lib/seed.mjs';
import { eventually, expectCount, expectTitles, tookOver } from '../lib/wait.mjs';

const VIEWS = [
  ['timeline', '', (page) => expectCount(page, '7 releases')],
  ['filtered timeline', '?q=prison&topic=Rule+of+law', (page) => page.locator('.timeline .entry').first().waitFor()],
  ['empty result', '?q=nothing-matches-this', (page) => expectCount(page, 'No releases match')],
  ['release page', `releases/${bySlugWord('sewing-workshop').slug}/`, (page) => page.getByRole('heading', { level: 1 }).waitFor()],
  ['not-found view', 'releases/no-such-release/', (page) => page.getByRole('heading', { name: 'Release not found' }).waitFor()],
];

for (const colorScheme of ['light', 'dark']) {
  describe(`axe-core finds no violations (${colorScheme})`, () => {
    let site;
    before(async () => {
      site = await openSite({ colorScheme });
    });
    after(async () => site?.close());

    for (const [name, path, ready] of VIEWS) {
      test(name, async () => {
        const page = await site.newPage({ expectErrors: name === 'not-found view' });
        await page.goto(site.url(path));
        await ready(page);
        await assertNoViolations(page, name);
      });
    }

    test('error view', async () => {
      site.server.setFault(dataPath(), (req, res) => {
        res.writeHead(500);
        res.end();
      });
      try {
        const page = await site.newPage({ expectErrors: true });
        await page.goto(site.url());
        await page.getByRole('button', { name: 'Try again' }).waitFor();
        await assertNoViolations(page, 'error view');
      } finally {
        site.server.clearFaults();
      }
    });
  });
}

async function assertNoViolations(page, name) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `${name}`);
}

describe('keyboard and layout', () => {
  let site;
  before(async () => {
    site = await openSite();
  });
  after(async () => site?.close());

  test('a whole task by keyboard alone: search, filter, open a release, go back', async () => {
    const page = await site.newPage();
    await page.goto(site.url());
    await expectCount(page, '7 releases');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return `${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 60)}`;
    });
    const tabTo = async (check, what) => {
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press('Tab');
        if (check(await focused())) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    // The skip link comes first and jumps to the content.
    // (Focus carries over if the app takes over the pre-render meanwhile.)
    await page.keyboard.press('Tab');
    await eventually(focused, (f) => /Skip to content/.test(f), { message: 'the skip link first' });
    await tabTo((f) => f.startsWith('input#q'), 'the search box');
    await page.keyboard.type('prison');
    await expectTitles(page, newestFirst.filter((r) => /prison/i.test(r.title + r.summary)).map((r) => r.title));
    await tabTo((f) => f.startsWith('input#topic-rule-of-law-'), 'the Rule of law checkbox');
    await page.keyboard.press('Space');
    await eventually(() => page.url(), (u) => u.includes('topic=Rule+of+law'), { message: 'topic in URL' });
    assert.match(await focused(), /^input#topic-rule-of-law-/, 'focus stays on the checkbox');
    const target = bySlugWord('sewing-workshop');
    await tabTo((f) => f.startsWith('a#') && f.includes(target.title.slice(0, 40)), 'the release link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    await eventually(focused, (f) => f.startsWith('h1#release-title'), { message: 'focus on the release heading' });
    await tabTo((f) => f.includes('Back to releases'), 'Back to releases');
    await page.keyboard.press('Enter');
    await eventually(() => page.url(), (u) => u.endsWith('?q=prison&topic=Rule+of+law'), { message: 'filters restored' });
    await expectCount(page, '1 release');
  });

  test('a checkbox reached before the panel follows the typed words keeps the focus', async () => {
    const page = await site.newPage();
    await page.goto(site.url());
    await tookOver(page);
    const topics = page.getByRole('group', { name: 'What we do' });
    const ruleOfLaw = topics.getByRole('checkbox', { name: /^Rule of law/ });
    await page.getByRole('searchbox', { name: 'Search releases' }).fill('prison');
    // Within the typing pause: the panel still lists Rule of law first.
    await ruleOfLaw.focus();
    // The panel follows: Human rights (1) now comes before Rule of law (1).
    await eventually(() => topics.locator('label').allTextContents(),
      (labels) => labels.join('|') === 'Human rights (1)|Rule of law (1)', { message: 'the panel for "prison"' });
    await eventually(() => ruleOfLaw.evaluate((box) => box === document.activeElement), (held) => held,
      { message: 'focus on the Rule of law checkbox' });
  });

  for (const width of [360, 768, 1280]) {
    test(`no horizontal scrolling at ${width} px`, async () => {
      const page = await site.newPage();
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['', `releases/${newestFirst[3].slug}/`]) {
        await page.goto(site.url(path));
        await page.getByRole('heading', { level: 1 }).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${path || 'timeline'} overflows by ${overflow}px at ${width}px`);
      }
    });
  }

  test('on a phone the filters are a closed disclosure that says how many apply', async () => {
    const page = await site.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(site.url('?topic=Rule+of+law&year=2023'));
    const toggle = page.getByText('Filters (2)');
    await toggle.waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search releases' }).isVisible(), false);
    await toggle.click();
    await page.getByRole('searchbox', { name: 'Search releases' }).waitFor();
    await page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /^2023/ }).uncheck();
    await page.getByText('Filters (1)').waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search releases' }).isVisible(), true, 'stays open');
  });
});
