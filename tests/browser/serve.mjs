// Serves a built site the way a static host does (see lib/static-server.mjs).
//   node tests/browser/serve.mjs [--root dist] [--port 8080] [--base /] [--csp]
import { startServer } from './lib/static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const server = await startServer({
  root: option('root', 'dist'),
  port: Number(option('port', '8080')),
  base: option('base', '/'),
  csp: args.includes('--csp'),
});
console.log(`Serving ${option('root', 'dist')} at ${server.url} (Ctrl+C to stop)`);
