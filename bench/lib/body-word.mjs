// The word the body-search measurement types: 6+ letters, in the bodies of
// at least MIN_RELEASES releases, and at the start of no word of any title,
// summary, topic, place or content type. The engines match words by their
// start, so every hit for it, at every size, can only come from the full
// text. Chosen from the generated bundle itself (no guess about the
// generator), once per bundle, and cached beside it in N.word.
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const MIN_RELEASES = 5;
// The app's folding and word rule (as in the peers): accents and case ignored.
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const words = (folded) => folded.match(/[\p{L}\p{N}]+/gu) ?? [];

/** `{ word, releases }` for the bundle at `path` (cached in `path` with `.word`). */
export async function bodyWord(path) {
  const cache = path.replace(/\.json$/, '.word');
  const { size, mtimeMs } = statSync(path);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8'));
    if (cached.size === size && cached.mtimeMs === mtimeMs) return cached;
  }
  const outside = new Set(); // folded words of titles, summaries, labels
  const inBodies = new Map(); // folded body word -> releases whose body has it
  for await (const release of releases(path)) {
    const labels = [release.title, release.summary, release.content_type ?? '', ...release.topics, ...release.locations];
    for (const w of words(fold(labels.join(' ')))) outside.add(w);
    for (const w of new Set(words(fold(release.body ?? '')))) {
      if (w.length >= 6 && /^\p{L}+$/u.test(w)) inBodies.set(w, (inBodies.get(w) ?? 0) + 1);
    }
  }
  // Sorted, a word that starts with `w` sits where `w` would be inserted.
  const sorted = [...outside].sort();
  const startsSomeWord = (w) => sorted[lowerBound(sorted, w)]?.startsWith(w) ?? false;
  const candidates = [...inBodies].filter(([w]) => !startsSomeWord(w));
  // The most widespread one (ties: alphabetical), so the result is stable.
  candidates.sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1));
  if (candidates.length === 0) throw new Error(`${path}: no word occurs only in bodies`);
  const [word, count] = candidates[0];
  if (count < MIN_RELEASES) process.stderr.write(`${path}: the best body-only word "${word}" is in ${count} releases only\n`);
  const chosen = { word, releases: count, size, mtimeMs };
  writeFileSync(cache, JSON.stringify(chosen));
  return chosen;
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The releases of a bundle one at a time, without holding the file: at
 * 100,000 releases with bodies it is ~730 MB, more than a JS string holds.
 * A byte scanner follows strings and nesting and cuts out every object
 * directly inside the top-level "releases" array (quotes, braces and
 * backslashes are ASCII, so UTF-8 needs no decoding to find them).
 */
async function* releases(path) {
  const stack = []; // open brackets: '{' or '['
  let inString = false;
  let escaped = false;
  let parts = null; // pieces of the release being cut out, across chunks
  let from = 0; // where the release starts in the current chunk
  let key = ''; // the last string seen at the top level: "releases" names the array
  let keyStart = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) {
    const out = [];
    for (let i = 0; i < chunk.length; i += 1) {
      const b = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === 0x22) {
          inString = false;
          if (keyStart >= 0) key = chunk.toString('utf8', keyStart, i);
        }
        continue;
      }
      if (b === 0x22) {
        inString = true;
        // Only top-level keys matter, and they are short: read them in-chunk.
        keyStart = stack.length === 1 ? i + 1 : -1;
      } else if (b === 0x7b || b === 0x5b) {
        stack.push(b);
        if (b === 0x7b && stack.length === 3 && stack[1] === 0x5b && key === 'releases') {
          parts = [];
          from = i;
        }
      } else if (b === 0x7d || b === 0x5d) {
        if (parts && stack.length === 3) {
          parts.push(chunk.subarray(from, i + 1));
          out.push(JSON.parse(Buffer.concat(parts).toString('utf8')));
          parts = null;
        }
        stack.pop();
      }
    }
    if (parts) {
      parts.push(chunk.subarray(from));
      from = 0;
    }
    if (inString) keyStart = -1; // a key cut by the chunk's end is not one we need
    yield* out;
  }
}
