// Serves a built site the way a plain static host does: files as they are, directory
// URLs to their index.html, a redirect to add a missing trailing slash, 404.html with
// status 404 for anything else. Used by the browser tests and the benchmark because
// `astro preview` refuses to run twice for one project, and tests should not depend on it.
//
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /] [--csp-reports]
//
// --csp-reports is for browsers whose driver reports no CSP violation (WebKitGTK over classic
// WebDriver): each page is also sent with its own <meta> policy as a
// Content-Security-Policy-Report-Only header, so the browser POSTs every violation, from the
// first byte of the page on, to <base>__csp-reports; GET there returns all reports so far,
// each with the user agent that sent it (several browsers may share one server).
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.OUT_DIR ?? 'dist' },
    port: { type: 'string', default: process.env.PREVIEW_PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    'csp-reports': { type: 'boolean', default: false },
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

const reportPath = `${base}__csp-reports`;
const cspReports = [];

/** The page's own policy from its <meta>, to repeat as a report-only header. */
function metaPolicy(html) {
  const match = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i);
  return (
    match?.[1]
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&') ?? null
  );
}

function send(response, status, file) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (values['csp-reports'] && extname(file) === '.html') {
    const html = readFileSync(file, 'utf8');
    const policy = metaPolicy(html);
    response.writeHead(status, {
      'Content-Type': type,
      ...(policy && { 'Content-Security-Policy-Report-Only': `${policy}; report-uri ${reportPath}` }),
    });
    return response.end(html);
  }
  response.writeHead(status, { 'Content-Type': type });
  createReadStream(file).pipe(response);
}

function collectReport(request, response) {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    try {
      const report = JSON.parse(body);
      cspReports.push({ ...(report['csp-report'] ?? report), userAgent: request.headers['user-agent'] });
    } catch {
      cspReports.push({ unreadable: body, userAgent: request.headers['user-agent'] });
    }
    response.writeHead(204).end();
  });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://host');
  if (values['csp-reports'] && url.pathname === reportPath) {
    if (request.method === 'POST') return collectReport(request, response);
    response.writeHead(200, { 'Content-Type': TYPES['.json'] });
    return response.end(JSON.stringify(cspReports));
  }
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
