// A plain static file server that behaves like GitHub Pages, S3 or nginx:
// no single-page-app fallback. A directory URL serves its index.html, a
// directory without the trailing slash is redirected, anything else missing
// gets 404.html with status 404. Tests can inject faults per path.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * @param {object} options
 * @param {string} options.root   folder to serve (a Trunk dist/)
 * @param {string} [options.base] URL prefix the site is published under, e.g. "/newsroom/"
 * @param {number} [options.port] 0 picks a free port
 * @param {boolean} [options.csp] send the strict Content-Security-Policy header
 * @param {boolean} [options.gzip] compress text and wasm for clients that accept gzip, as real hosts do
 * @param {string} [options.host]
 */
export async function startServer({ root, base = '/', port = 0, csp = false, gzip = false, host = '127.0.0.1' }) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const faults = new Map(); // path (without base) -> (req, res) => void
  const requests = [];
  const hanging = new Set();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (csp) res.setHeader('Content-Security-Policy', STRICT_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!url.pathname.startsWith(prefix)) {
      if (`${url.pathname}/` === prefix) return redirect(res, prefix + url.search);
      return notFound(res);
    }
    const path = url.pathname.slice(prefix.length - 1); // keeps the leading "/"
    const fault = faults.get(path) ?? [...faults].find(([key]) => key instanceof RegExp && key.test(path))?.[1];
    if (fault) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return fault(req, res);
    }
    let decoded;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return notFound(res);
    }
    const file = normalize(join(rootDir, decoded));
    if (!file.startsWith(rootDir)) return notFound(res);
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
        return sendFile(res, join(file, 'index.html'), 200, req);
      }
      return sendFile(res, file, 200, req);
    } catch {
      return notFound(res);
    }
  });

  const compressed = new Map(); // file -> gzip bytes
  async function sendFile(res, file, status, req) {
    let body;
    try {
      body = await readFile(file);
    } catch {
      return notFound(res);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /text|json|javascript|wasm|xml|svg/.test(type)) {
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 6 }));
      body = compressed.get(file);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(res) {
    try {
      const body = await readFile(join(rootDir, '404.html'));
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': TYPES['.txt'] });
      res.end('Not found');
    }
  }

  function redirect(res, location) {
    res.writeHead(301, { Location: location });
    res.end();
  }

  await new Promise((ok) => server.listen(port, host, ok));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    /**
     * Serve `handler(req, res)` at `path` (relative to the base, e.g. "/releases.json"),
     * or at every path a RegExp `path` matches.
     */
    setFault(path, handler) {
      faults.set(path, handler);
    },
    clearFaults() {
      faults.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(ok));
    },
  };
}
