// Validation of a built Dossier site:
//   - the Nu HTML checker (npm vnu-jar, run with the system's Java) over every .html file;
//   - axe-core in Chromium on the main kinds of page, failing on serious/critical violations.
// Run: DOSSIER_SITE=/abs/path/to/site node --test tests/browser/
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDir, htmlFiles, launchBrowser, startServer, watchPage } from './helpers.js';

const require = createRequire(import.meta.url);
const SITE = siteDir();
const BATCH = 50;

function java(args) {
  return new Promise((resolve, reject) => {
    execFile(process.env.JAVA || 'java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && error.code === 'ENOENT') {
        reject(new Error('java not found: the Nu HTML checker needs a Java runtime (Java 11+) on PATH'));
        return;
      }
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

describe('Nu HTML checker', () => {
  it('finds no errors in any .html file', { timeout: 10 * 60_000 }, async (t) => {
    const jar = String(require('vnu-jar'));
    assert.ok(fs.existsSync(jar), `vnu.jar not found at ${jar}: run npm ci in tests/browser`);
    const files = await htmlFiles(SITE);
    assert.ok(files.length > 0, `no .html files under ${SITE}`);

    const messages = [];
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const { code, stdout, stderr } = await java(['-jar', jar, '--errors-only', '--format', 'json', ...batch]);
      // vnu writes its JSON report to stderr.
      const raw = (stderr.trim() || stdout.trim());
      let report;
      try {
        report = JSON.parse(raw);
      } catch {
        throw new Error(`vnu exited ${code} without a JSON report:\n${raw.slice(0, 2000)}`);
      }
      messages.push(...(report.messages || []));
      if (code !== 0 && !(report.messages || []).length) {
        throw new Error(`vnu exited ${code} but reported no message:\n${raw.slice(0, 2000)}`);
      }
    }
    t.diagnostic(`checked ${files.length} files`);

    const lines = messages.map((m) => {
      const file = m.url ? path.relative(SITE, fileURLToPath(m.url)) : '?';
      const where = m.lastLine ? `:${m.lastLine}${m.firstColumn ? ':' + m.firstColumn : ''}` : '';
      const extract = m.extract ? `  [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}]` : '';
      return `${file}${where} ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${extract}`;
    });
    // Summarise how widespread each distinct message is, then list them all.
    const counts = new Map();
    for (const m of messages) counts.set(m.message, (counts.get(m.message) || 0) + 1);
    const summary = [...counts].map(([msg, n]) => `${n}× ${msg}`);
    assert.equal(messages.length, 0,
      `${messages.length} HTML error(s):\n  distinct:\n    ${summary.join('\n    ')}\n  all:\n    ${lines.join('\n    ')}`);
  });
});

describe('axe-core accessibility', () => {
  let browser;
  let server;
  let axeSource;

  before(async () => {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    browser = await launchBrowser();
    server = await startServer(SITE);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  function firstBriefing() {
    const dir = path.join(SITE, 'briefings');
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.html') && n !== 'index.html').sort();
    assert.ok(names.length > 0, `no briefing pages in ${dir}`);
    return `briefings/${names[0]}`;
  }

  const pages = () => [
    'index.html',
    firstBriefing(),
    'entities/alexander-lukashenka.html',
    'entities/index.html',
    'graph.html',
  ];

  it('reports no serious or critical violations on the main pages', { timeout: 5 * 60_000 }, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    const failures = [];
    try {
      for (const rel of pages()) {
        assert.ok(fs.existsSync(path.join(SITE, rel)), `${rel} is missing from ${SITE}`);
        const url = server.base + rel;
        await page.goto(url, { waitUntil: 'load' });
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.length,
            target: v.nodes[0] ? v.nodes[0].target.join(' ') : '',
            summary: v.nodes[0] ? (v.nodes[0].failureSummary || '').replace(/\s+/g, ' ') : '',
          }));
        });
        for (const v of result) {
          const line = `${rel}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes} node(s), first: ${v.target}${v.summary ? ' — ' + v.summary : ''}`;
          if (v.impact === 'serious' || v.impact === 'critical') failures.push(line);
          else t.diagnostic(`not failing: ${line}`);
        }
        for (const p of watch.take()) failures.push(p);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(failures, [], `${failures.length} serious/critical axe violation(s) or page error(s):\n  ${failures.join('\n  ')}`);
  });
});
