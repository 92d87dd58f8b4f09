// Plays an editor after `newsroom-cli new`: fills in the new release file's
// summary, gives it a Markdown body with a subheading, a link and a list, and
// a photo beside it (a PNG drawn here, 960x540). scripts/test.sh builds
// dist-written from the result.
// Usage: node write-release.mjs <the path newsroom-cli new printed>
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const WRITTEN = {
  title: 'Border officers trained in Khorog',
  summary: 'Twenty border officers completed a week of training on humane border management in Khorog.',
  alt: 'Border officers in a classroom in Khorog, listening to a trainer',
  credit: 'OSCE/Test Photographer',
  linkText: 'the course handbook',
  link: 'https://www.osce.org/files/handbook.pdf',
  items: ['risk analysis', 'document checks', 'the rights of travellers'],
  heading: 'What the course covered',
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** An RGB PNG of a gradient. */
export function gradientPng(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([x % 256, y % 256, 140], row + 1 + x * 3);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[2]) {
  const path = process.argv[2];
  const photo = path.replace(/\.md$/, '.png');
  writeFileSync(photo, gradientPng(960, 540));
  const name = photo.split('/').pop();
  const text = readFileSync(path, 'utf8')
    .replace('summary = ""', `summary = "${WRITTEN.summary}"`)
    .replace(/^# image = .*$/m, `image = { file = "${name}", alt = "${WRITTEN.alt}", credit = "${WRITTEN.credit}" }`)
    .replace(/\+\+\+\n\n[\s\S]*$/, `+++\n\nThe course ran for a week.\n\n## ${WRITTEN.heading}\n\n${WRITTEN.items.map((i) => `- ${i}`).join('\n')}\n\nRead [${WRITTEN.linkText}](${WRITTEN.link}). <b>Raw HTML stays text.</b>\n`);
  writeFileSync(path, text);
}
