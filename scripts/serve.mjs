// Serves a built site the way a plain static host does: files as they are, directory
// URLs to their index.html, a redirect to add a missing trailing slash, 404.html with
// status 404 for anything else. Used by the browser tests and the benchmark because
// `astro preview` refuses to run twice for one project, and tests should not depend on it.
//
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.OUT_DIR ?? 'dist' },
    port: { type: 'string', default: process.env.PREVIEW_PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  },
});
const root = resolve(values.dir);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function send(response, status, file) {
  response.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://host');
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = '/';
  }
  const notFound = join(root, '404.html');
  if (!path.startsWith(base) && `${path}/` !== base) return send(response, 404, notFound);
  const relativePath = normalize(path.slice(base.length - 1)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relativePath);
  if (!file.startsWith(root)) return send(response, 404, notFound);
  if (existsSync(file) && statSync(file).isFile()) return send(response, 200, file);
  if (existsSync(join(file, 'index.html'))) {
    if (!path.endsWith('/')) {
      response.writeHead(301, { Location: `${path}/${url.search}` });
      return response.end();
    }
    return send(response, 200, join(file, 'index.html'));
  }
  send(response, 404, notFound);
});

server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${values.port}${base}`);
});
