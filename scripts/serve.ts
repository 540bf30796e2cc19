// Serves a built site the way a plain static host does: files as they are (text gzipped for a
// client that accepts it, as GitHub Pages and every CDN do, so that Lighthouse weighs what a reader
// downloads), directory URLs to their index.html, a redirect to add a missing trailing slash,
// 404.html with status 404 for anything else. The browser tests and the benchmark use it in place of `astro preview`, which
// refuses to run twice for one project.
//
// As a command: node scripts/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1] [--base /] [--csp-reports]
// From a script: `const server = await serveStatic({ dir })` on a free port; `server.close()`.
//
// With cspReports (for a browser whose driver reports no CSP violation: WebKitGTK over classic
// WebDriver), each page is also sent with its own <meta> policy as a
// Content-Security-Policy-Report-Only header, so the browser POSTs every violation, from the
// first byte of the page on, to <base>__csp-reports; GET there returns all reports so far,
// each with the user agent that sent it (several browsers may share one server).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** Where the site is served, base path included, e.g. "http://127.0.0.1:41234/". */
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly dir: string;
  readonly base?: string;
  readonly host?: string;
  /** 0, the default, lets the system pick a free port. */
  readonly port?: number;
  /** Repeat each page's policy as a report-only header and collect the reports (see above). */
  readonly cspReports?: boolean;
}

/** The path, under the base path, where the server collects CSP reports. */
export const CSP_REPORTS = '__csp-reports';

/** The page's own policy from its <meta>, to repeat as a report-only header. */
function metaPolicy(html: string): string | null {
  const match = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i);
  return (
    match?.[1]
      ?.replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&') ?? null
  );
}

/** Keeps one report a browser POSTed, with the user agent that sent it. */
function collectReport(request: IncomingMessage, response: ServerResponse, reports: object[]): void {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    const userAgent = request.headers['user-agent'];
    try {
      const report = JSON.parse(body) as { 'csp-report'?: object };
      reports.push({ ...(report['csp-report'] ?? report), userAgent });
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      reports.push({ unreadable: body, userAgent });
    }
    response.writeHead(204).end();
  });
}

export function serveStatic({
  dir,
  base = '/',
  host = '127.0.0.1',
  port = 0,
  cspReports = false,
}: ServeOptions): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFound = join(root, '404.html');
  const reports: object[] = [];
  const server = createServer((request, response) => {
    const send = (status: number, file: string): void => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (cspReports && extname(file) === '.html') {
        const html = readFileSync(file, 'utf8');
        const policy = metaPolicy(html);
        response.writeHead(status, {
          'Content-Type': type,
          ...(policy && {
            'Content-Security-Policy-Report-Only': `${policy}; report-uri ${prefix}${CSP_REPORTS}`,
          }),
        });
        response.end(html);
        return;
      }
      const compressible = /^text\/|json|xml|svg/.test(type);
      if (compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        response.writeHead(status, {
          'Content-Type': type,
          'Content-Encoding': 'gzip',
          Vary: 'Accept-Encoding',
        });
        createReadStream(file).pipe(createGzip()).pipe(response);
        return;
      }
      response.writeHead(status, { 'Content-Type': type });
      createReadStream(file).pipe(response);
    };
    const url = new URL(request.url ?? '/', 'http://host');
    if (cspReports && url.pathname === `${prefix}${CSP_REPORTS}`) {
      if (request.method === 'POST') return collectReport(request, response, reports);
      response.writeHead(200, { 'Content-Type': TYPES['.json']! });
      return response.end(JSON.stringify(reports));
    }
    let path = '/';
    try {
      path = decodeURIComponent(url.pathname);
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
    }
    if (!path.startsWith(prefix) && `${path}/` !== prefix) return send(404, notFound);
    const file = join(root, normalize(path.slice(prefix.length - 1)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) return send(404, notFound);
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    if (existsSync(join(file, 'index.html'))) {
      if (path.endsWith('/')) return send(200, join(file, 'index.html'));
      response.writeHead(301, { Location: `${path}/${url.search}` });
      return response.end();
    }
    send(404, notFound);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolveServer({
        url: `http://${host}:${bound}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' },
      port: { type: 'string', default: process.env['PREVIEW_PORT'] ?? '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
      'csp-reports': { type: 'boolean', default: false },
    },
  });
  const server = await serveStatic({
    dir: values.dir,
    base: values.base,
    host: values.host,
    port: Number(values.port),
    cspReports: values['csp-reports'],
  });
  console.log(`Serving ${resolve(values.dir)} at ${server.url}`);
}
