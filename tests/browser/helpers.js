// Shared helpers for the browser tests: where the site is, a tiny static file
// server that serves it under /repo/, the Chromium launcher, and a watcher that
// records console errors, page errors and failed requests per page.
//
// Not a test file itself: `node --test tests/browser/` only runs *.test.js.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OUTPUT_DIR = path.join(HERE, 'output');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Absolute path of the built site, from DOSSIER_SITE; throws a clear error when unusable. */
export function siteDir() {
  const dir = process.env.DOSSIER_SITE;
  if (!dir) {
    throw new Error('DOSSIER_SITE is not set: point it at a built site, e.g. DOSSIER_SITE=/abs/path/book node --test tests/browser/');
  }
  if (!path.isAbsolute(dir)) {
    throw new Error(`DOSSIER_SITE must be an absolute path, got ${JSON.stringify(dir)}`);
  }
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`DOSSIER_SITE=${dir} has no index.html: is it a built site?`);
  }
  return dir;
}

/** Every .html file under `dir`, as absolute paths, sorted. */
export async function htmlFiles(dir) {
  const out = [];
  async function walk(d) {
    for (const entry of await fsp.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(p);
    }
  }
  await walk(dir);
  return out.sort();
}

export function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or run tests/browser/run.sh`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export const PREFIX = '/repo/';

/**
 * Serves files from `root` (and nothing else) at http://127.0.0.1:<ephemeral>/repo/,
 * like a project site on a sub-path. A directory maps to its index.html; anything
 * outside /repo/, missing, or escaping the root is a 404.
 * Resolves to { origin, base, close() } where base ends in /repo/.
 */
export async function startServer(root) {
  const realRoot = fs.realpathSync(root);
  const server = http.createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found\n');
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const pathname = new URL(req.url, 'http://localhost').pathname;
      if (pathname === PREFIX.slice(0, -1)) {
        res.writeHead(301, { location: PREFIX });
        res.end();
        return;
      }
      if (!pathname.startsWith(PREFIX)) return notFound();
      let rel;
      try {
        rel = decodeURIComponent(pathname.slice(PREFIX.length));
      } catch {
        return notFound();
      }
      if (rel.includes('\0')) return notFound();
      let file = path.resolve(realRoot, '.' + path.posix.sep + rel);
      if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return notFound();
      let stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: pathname + '/' });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return notFound();
      // Refuse symlinks that point outside the site.
      const real = await fsp.realpath(file);
      if (!real.startsWith(realRoot + path.sep)) return notFound();
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, {
        'content-type': type,
        'content-length': stat.size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: origin + PREFIX,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** The two ways of opening the site: over HTTP under /repo/, and from file://. */
export async function openModes(root) {
  const server = await startServer(root);
  const fileBase = pathToFileURL(root + path.sep).href;
  return {
    server,
    modes: [
      { name: 'http', base: server.base },
      { name: 'file', base: fileBase },
    ],
  };
}

/**
 * Records, for one page, every console error, uncaught page error, failed
 * request and HTTP error response, tagged with the page URL it happened on.
 * `problems` is the live list; `take()` returns and clears it.
 */
export function watchPage(page) {
  const problems = [];
  const where = () => {
    try { return page.url(); } catch { return '?'; }
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const at = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? ':' + loc.lineNumber : ''})` : '';
      let hint = '';
      if (loc && /\/favicon\.ico$/.test(loc.url || '')) {
        hint = ' [the browser probes /favicon.ico at the host root because the page declares no <link rel="icon">]';
      }
      problems.push(`console error on ${where()}: ${msg.text()}${at}${hint}`);
    }
  });
  page.on('pageerror', (err) => {
    problems.push(`uncaught exception on ${where()}: ${err && err.stack ? err.stack : err}`);
  });
  page.on('requestfailed', (req) => {
    const failure = req.failure();
    // A navigation cancels requests still in flight (a hover-loaded preview
    // shard, the favicon): that is not an error of the site.
    if (failure && failure.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed on ${where()}: ${req.method()} ${req.url()} — ${failure ? failure.errorText : 'unknown error'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      problems.push(`HTTP ${res.status()} on ${where()}: ${res.request().method()} ${res.url()}`);
    }
  });
  return {
    problems,
    take() {
      return problems.splice(0, problems.length);
    },
  };
}

/**
 * Waits until the page has gone quiet (no network for 500 ms, bounded), so that
 * late console messages (a favicon probe, a lazy script) are seen before asserting.
 */
export async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
}

/** Collapses runs of whitespace so text from the DOM and from snippets compare. */
export function squash(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

export async function ensureOutputDir() {
  await fsp.mkdir(OUTPUT_DIR, { recursive: true });
  return OUTPUT_DIR;
}
