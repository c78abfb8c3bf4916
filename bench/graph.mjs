// The corpus graph and entity index at scale, in Debian's Chromium: first
// paint labels and overlaps, how much of the canvas the nodes span, the time
// from "Show" to the highlight after load, and the graph page's size.
//   node bench/graph.mjs /abs/path/to/built/site
// (bench/graph.sh builds the 10k site and runs this.) Not a test: prints
// figures for BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'graph.html'))) {
  console.error('usage: node bench/graph.mjs /abs/path/to/built/site (with a graph.html)');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(pathToFileURL(path.join(site, 'graph.html')).href, { waitUntil: 'load' });
const first = await page.evaluate(() => {
  const svg = document.querySelector('svg.corpus');
  const canvas = svg.getBoundingClientRect();
  const labels = [...svg.querySelectorAll('text')].filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.getBoundingClientRect());
  let overlaps = 0;
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i], b = labels[j];
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
  }
  const centres = [...svg.querySelectorAll('circle')].map((c) => { const b = c.getBoundingClientRect(); return [(b.left + b.right) / 2, (b.top + b.bottom) / 2]; });
  const xs = centres.map((c) => c[0]), ys = centres.map((c) => c[1]);
  const outside = centres.filter(([x, y]) => x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom).length;
  return { nodes: centres.length, labels: labels.length, overlaps, outside,
    spanX: (Math.max(...xs) - Math.min(...xs)) / canvas.width, spanY: (Math.max(...ys) - Math.min(...ys)) / canvas.height };
});
const name = await page.locator('svg.corpus a').nth(500).getAttribute('aria-label');
await page.fill('#graph-find', name);
const ms = await page.evaluate(() => new Promise((resolve) => {
  const start = performance.now();
  document.querySelector('#graph-controls button[type=submit]').click();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const lit = document.querySelectorAll('svg.corpus a.hl').length;
    resolve({ ms: performance.now() - start, lit });
  }));
}));
const bytes = fs.statSync(path.join(site, 'graph.html')).size;
const index = fs.statSync(path.join(site, 'entities', 'all.js')).size;
await page.goto(pathToFileURL(path.join(site, 'entities', 'index.html')).href, { waitUntil: 'load' });
const findStart = Date.now();
await page.fill('#index-find', 'ov');
await page.locator('#index-results li').first().waitFor();
const findMs = Date.now() - findStart;
await browser.close();
console.log(`graph first paint: ${first.nodes} nodes, ${first.labels} labels, ${first.overlaps} overlapping label pairs, ${first.outside} nodes outside the canvas`);
console.log(`nodes span ${(first.spanX * 100).toFixed(1)}% of the canvas width, ${(first.spanY * 100).toFixed(1)}% of its height`);
console.log(`find "${name}" to highlight (${ms.lit} nodes lit, two frames): ${ms.ms.toFixed(1)} ms`);
console.log(`graph.html: ${bytes} bytes (static/graph.js ${fs.statSync(path.join(site, 'static', 'graph.js')).size} bytes)`);
console.log(`entity index: entities/all.js ${index} bytes; typing "ov" to first result (file://, data loaded on first use): ${findMs} ms`);
