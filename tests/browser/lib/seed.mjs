// Facts about the shipped seed bundle that the browser tests check against,
// read from the bundle itself rather than restated.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './harness.mjs';

export const bundle = JSON.parse(readFileSync(resolve(ROOT, 'public/releases.json'), 'utf8'));
export const releases = bundle.releases;
/** Newest first, as the timeline shows them by default. */
export const newestFirst = [...releases].sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
export const bySlugWord = (word) => releases.find((r) => r.slug.includes(word));
