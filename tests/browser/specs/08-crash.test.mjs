// The crash view: a panic in the wasm replaces the page with plain DOM (a
// message and a reload link). Run against dist-crash, the same app built
// with the test-only `crash-test` feature: `#panic` in the address panics.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DIST, DIST_CRASH, openSite } from '../lib/harness.mjs';
import { bundle } from '../lib/seed.mjs';
import { tookOver } from '../lib/wait.mjs';

const TRIGGER = 'crash-test trigger: #panic';

let site;
before(async () => {
  site = await openSite({ root: DIST_CRASH });
});
after(async () => site?.close());

async function wasmOf(root) {
  const name = (await readdir(root)).find((file) => file.endsWith('.wasm'));
  assert.ok(name, `${root} has a .wasm file`);
  return readFile(resolve(root, name));
}

test('only the test build carries the panic trigger', async () => {
  assert.ok((await wasmOf(DIST_CRASH)).includes(TRIGGER), 'dist-crash has the trigger');
  assert.ok(!(await wasmOf(DIST)).includes(TRIGGER), 'the release build has none');
});

test('a panic shows the crash view, and its link reloads a working app', async () => {
  const page = await site.newPage({ expectErrors: true }); // the panic is logged
  const panics = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().includes(TRIGGER)) panics.push(msg.text());
  });
  await page.goto(site.url(''));
  await page.getByRole('heading', { level: 1, name: bundle.site.name }).waitFor();
  await page.evaluate(() => { window.location.hash = 'panic'; });

  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
  await alert.getByText('The newsroom stopped because of an internal error.').waitFor();
  assert.equal(panics.length, 1, 'the panic message reaches the console');
  assert.equal(await page.getByRole('heading').count(), 1, 'nothing of the app is left');

  const reload = alert.getByRole('link', { name: 'Reload the page' });
  assert.equal(await reload.getAttribute('href'), site.url(''), 'the address without its fragment');
  await reload.click();
  await page.getByRole('heading', { level: 1, name: bundle.site.name }).waitFor();
  await tookOver(page);
  await page.getByRole('link', { name: bundle.releases[0].title }).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
});
