// Writes screenshots of the main views at phone, tablet and desktop widths
// into docs/screenshots/ (shown in the README). Run: scripts/screenshots.sh
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ROOT, openSite } from './lib/harness.mjs';
import { bySlugWord } from './lib/seed.mjs';

const out = resolve(ROOT, 'docs/screenshots');
await mkdir(out, { recursive: true });
const views = [
  ['timeline', ''],
  ['filtered', '?q=prison&topic=Rule+of+law'],
  ['release', `releases/${bySlugWord('sewing-workshop').slug}/`],
];
for (const colorScheme of ['light', 'dark']) {
  const site = await openSite({ colorScheme });
  try {
    for (const width of [360, 768, 1280]) {
      if (colorScheme === 'dark' && width !== 1280) continue;
      const page = await site.newPage();
      await page.setViewportSize({ width, height: width < 800 ? 780 : 900 });
      for (const [name, path] of views) {
        await page.goto(site.url(path));
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator('#static-page').waitFor({ state: 'detached' }); // the app's view
        await page.locator('.result-count, .release').first().waitFor();
        const file = `${out}/${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.close();
    }
  } finally {
    await site.close();
  }
}
