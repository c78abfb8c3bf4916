// Browsing at scale, in a real browser: the corpus graph (nodes inside the
// canvas and spanning it, labels that never overlap, zoom, pan and find),
// the index tools (find, sort, type, letter bar), and every page type at
// 360, 768, 1280 and 1920 px (no horizontal scroll, the header on one row
// on wide screens). Screenshots go to output/layout-*.png.
//
// Runs on DOSSIER_SITE and, when set, DOSSIER_GENERATED_SITE (a site built
// from examples/gen_corpus, 1k–2k briefings in CI).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteDir, htmlFiles, launchBrowser, watchPage, ensureOutputDir, settle } from './helpers.js';

const WIDTHS = [360, 768, 1280, 1920];
const TIMEOUT = 120_000;
const sites = [['sample', siteDir()]];
if (process.env.DOSSIER_GENERATED_SITE) sites.push(['generated', process.env.DOSSIER_GENERATED_SITE]);

let browser;
before(async () => { browser = await launchBrowser(); await ensureOutputDir(); });
after(async () => { await browser?.close(); });

async function open(url, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watch = watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  return { context, page, watch };
}

/** The graph as drawn: canvas box, node centres and visible label boxes. */
function measureGraph(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.corpus');
    const canvas = svg.getBoundingClientRect();
    const nodes = [...svg.querySelectorAll('a:not(.off) circle')].map((c) => {
      const b = c.getBoundingClientRect();
      return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
    });
    const labels = [...svg.querySelectorAll('text')]
      .filter((t) => getComputedStyle(t).display !== 'none')
      .map((t) => { const b = t.getBoundingClientRect(); return { name: t.textContent, left: b.left, top: b.top, right: b.right, bottom: b.bottom }; });
    return { canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom, width: canvas.width, height: canvas.height }, nodes, labels, viewBox: svg.getAttribute('viewBox') };
  });
}

function overlapping(labels) {
  const pairs = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i], b = labels[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push(`${a.name} / ${b.name}`);
    }
  }
  return pairs;
}

function assertReadable(g, what) {
  assert.ok(g.nodes.length > 0, `${what}: no nodes`);
  for (const n of g.nodes) {
    assert.ok(n.x >= g.canvas.left && n.x <= g.canvas.right && n.y >= g.canvas.top && n.y <= g.canvas.bottom,
      `${what}: a node at (${n.x}, ${n.y}) lies outside the canvas ${JSON.stringify(g.canvas)}`);
  }
  assert.ok(g.labels.length > 0 && g.labels.length <= 150, `${what}: ${g.labels.length} labels shown (want 1..150)`);
  assert.deepEqual(overlapping(g.labels), [], `${what}: visible labels overlap`);
}

/** One page of each type, as paths inside the site. */
async function pageTypes(site) {
  const files = (await htmlFiles(site)).map((f) => path.relative(site, f).split(path.sep).join('/'));
  const first = (re) => files.find((f) => re.test(f));
  return {
    home: 'index.html',
    briefing: first(/^briefings\/(?!index)[^/]+\.html$/),
    entity: first(/^entities\/(?!index|all)[^/]+\.html$/),
    'entity-later': first(/^entities\/(?!index)[^/]+\/page-2\.html$/),
    topic: first(/^topics\/(?!index)[^/]+\.html$/),
    briefings: 'briefings/index.html',
    entities: 'entities/index.html',
    topics: 'topics/index.html',
    authors: 'authors/index.html',
    graph: 'graph.html',
    search: 'index.html#search',
    404: '404.html',
  };
}

for (const [label, site] of sites) {
  const base = pathToFileURL(site + '/').href;

  describe(`corpus graph (${label} site)`, { timeout: 10 * TIMEOUT }, () => {
    for (const width of WIDTHS) {
      it(`at ${width} px: nodes inside the canvas and spanning it, at most 150 labels, none overlapping`, { timeout: TIMEOUT }, async () => {
        const { context, page, watch } = await open(base + 'graph.html', width);
        try {
          const g = await measureGraph(page);
          assertReadable(g, `${label} graph at ${width} px`);
          const xs = g.nodes.map((n) => n.x), ys = g.nodes.map((n) => n.y);
          const spanX = (Math.max(...xs) - Math.min(...xs)) / g.canvas.width;
          const spanY = (Math.max(...ys) - Math.min(...ys)) / g.canvas.height;
          assert.ok(spanX >= 0.8 && spanY >= 0.8, `nodes span ${Math.round(spanX * 100)}% × ${Math.round(spanY * 100)}% of the canvas (want ≥ 80%)`);
          const out = await ensureOutputDir();
          await page.screenshot({ path: path.join(out, `layout-${label}-graph-${width}.png`) });
          assert.deepEqual(watch.take(), [], 'the browser reported errors');
        } finally { await context.close(); }
      });
    }

    it('zooms with the buttons, the wheel and the keyboard, labels staying apart', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await open(base + 'graph.html');
      try {
        const start = (await measureGraph(page)).viewBox;
        await page.click('button[data-zoom=in]');
        await page.waitForTimeout(100);
        const zoomed = await measureGraph(page);
        assert.ok(parseFloat(zoomed.viewBox.split(' ')[2]) < parseFloat(start.split(' ')[2]), `+ did not zoom in: ${start} → ${zoomed.viewBox}`);
        assert.deepEqual(overlapping(zoomed.labels), [], 'labels overlap after zooming in');
        await page.click('button[data-zoom=reset]');
        const box = await page.locator('svg.corpus').boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -600);
        await page.waitForTimeout(100);
        assert.notEqual((await measureGraph(page)).viewBox, start, 'the wheel did not zoom');
        await page.click('button[data-zoom=reset]');
        await page.locator('.graph-frame').focus();
        await page.keyboard.press('+');
        await page.keyboard.press('ArrowRight');
        const keyed = (await measureGraph(page)).viewBox.split(' ').map(parseFloat);
        const first = start.split(' ').map(parseFloat);
        assert.ok(keyed[2] < first[2] && keyed[0] > first[0], `keys did not zoom and pan: ${start} → ${keyed}`);
        await page.keyboard.press('0');
        assert.equal((await measureGraph(page)).viewBox, start, '0 did not reset the view');
        assert.deepEqual(watch.take(), [], 'the browser reported errors');
      } finally { await context.close(); }
    });

    it('finding an entity centres it and highlights it with its neighbours', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await open(base + 'graph.html');
      try {
        const name = await page.locator('svg.corpus text.on').first().textContent();
        await page.fill('#graph-find', name.slice(0, Math.max(4, name.length - 2)).toLowerCase());
        await page.click('#graph-controls button[type=submit]');
        await page.waitForTimeout(100);
        const state = await page.evaluate(() => {
          const svg = document.querySelector('svg.corpus');
          const lit = [...svg.querySelectorAll('a.hl')];
          return { focus: svg.classList.contains('focus'), lit: lit.length, status: document.getElementById('graph-found').textContent };
        });
        assert.ok(state.focus, 'the graph is not in highlight mode');
        assert.ok(state.lit >= 2, `only ${state.lit} node(s) highlighted: the entity and its neighbours expected`);
        assert.match(state.status, /highlighted/);
        const g = await measureGraph(page);
        const found = g.labels.find((l) => l.name === name);
        assert.ok(found, `${name}'s label is not shown after finding it`);
        const centre = { x: (g.canvas.left + g.canvas.right) / 2, y: (g.canvas.top + g.canvas.bottom) / 2 };
        const node = await page.evaluate((n) => {
          const a = [...document.querySelectorAll('svg.corpus a')].find((x) => x.getAttribute('aria-label') === n);
          const b = a.querySelector('circle').getBoundingClientRect();
          return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
        }, name);
        assert.ok(Math.abs(node.x - centre.x) < 5 && Math.abs(node.y - centre.y) < 5, `${name} is not centred: ${JSON.stringify(node)} vs ${JSON.stringify(centre)}`);
        assert.deepEqual(overlapping(g.labels), [], 'labels overlap while highlighting');
        assert.deepEqual(watch.take(), [], 'the browser reported errors');
      } finally { await context.close(); }
    });

    it('filters by type and by mentions hide nodes and keep labels apart', { timeout: TIMEOUT }, async () => {
      const { context, page } = await open(base + 'graph.html');
      try {
        const all = (await measureGraph(page)).nodes.length;
        await page.locator('#graph-controls input[name=kind]').first().uncheck();
        const fewer = (await measureGraph(page)).nodes.length;
        assert.ok(fewer < all, `unticking a type left ${fewer} of ${all} nodes`);
        await page.locator('#graph-min').fill('60');
        await page.waitForTimeout(100);
        const g = await measureGraph(page);
        assert.ok(g.nodes.length < fewer, `the mentions slider left ${g.nodes.length} of ${fewer} nodes`);
        assert.deepEqual(overlapping(g.labels), [], 'labels overlap after filtering');
      } finally { await context.close(); }
    });

    it('without JavaScript, shows a labelled picture (no overlaps) and a link list', { timeout: TIMEOUT }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(base + 'graph.html');
        const g = await measureGraph(page);
        assertReadable(g, `${label} graph without JavaScript`);
        assert.ok(await page.locator('#graph-controls').isHidden(), 'controls that cannot work are shown');
        const links = await page.locator('.graph-key a').count();
        assert.equal(links, await page.locator('svg.corpus a').count(), 'the link list does not list every node');
      } finally { await context.close(); }
    });
  });

  describe(`index tools (${label} site)`, { timeout: 5 * TIMEOUT }, () => {
    it('find, sort by mentions, type filter and letter bar work on the entity index', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await open(base + 'entities/index.html');
      try {
        const names = await page.locator('.index-list .entity-index a').allTextContents();
        const target = names[names.length - 1];
        const part = target.slice(1, 5).toLowerCase();
        await page.fill('#index-find', part);
        await page.locator('#index-results li').first().waitFor();
        const found = await page.locator('#index-results a').allTextContents();
        assert.ok(found.includes(target), `finding "${part}" missed ${target}: ${found.slice(0, 10)}`);
        // The find box matches each word of the query anywhere in the name.
        const words = part.split(/\s+/).filter(Boolean);
        const fold = (f) => f.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
        for (const f of found) assert.ok(words.every((w) => fold(f).includes(w)), `${f} does not match "${part}"`);
        assert.ok(await page.locator('.index-list').isHidden(), 'the plain list still shows under the results');

        await page.fill('#index-find', '');
        await page.selectOption('#index-sort', 'count');
        const counts = (await page.locator('#index-results small').allTextContents()).map(Number);
        assert.ok(counts.length > 1, 'sorting by mentions shows no list');
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'not sorted by mentions');

        const kind = await page.locator('#index-kind option').nth(1).getAttribute('value');
        await page.selectOption('#index-kind', kind);
        const kinds = await page.evaluate(() => [...document.querySelectorAll('#index-results a')].map((a) => a.getAttribute('href')));
        assert.ok(kinds.length > 0, `no ${kind} listed`);

        await page.selectOption('#index-kind', '');
        await page.selectOption('#index-sort', 'name');
        const letter = target.normalize('NFD').charAt(0).toUpperCase();
        await page.click(`.letters button:text-is("${/[A-Z]/.test(letter) ? letter : '#'}")`);
        const lettered = await page.locator('#index-results a').allTextContents();
        assert.ok(lettered.includes(target), `letter ${letter} misses ${target}`);
        assert.ok(lettered.every((n) => n.normalize('NFD').charAt(0).toUpperCase() === letter || !/[A-Z]/.test(letter)), `letter ${letter} lists others`);
        assert.deepEqual(watch.take(), [], 'the browser reported errors');
      } finally { await context.close(); }
    });

    it('without JavaScript the index is the plain list', { timeout: TIMEOUT }, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(base + 'entities/index.html');
        assert.ok(await page.locator('form.index-tools').isHidden(), 'tools that cannot work are shown');
        assert.ok(await page.locator('.index-list .entity-index a').count() > 0, 'no plain list');
      } finally { await context.close(); }
    });
  });

  describe(`every page type at every width (${label} site)`, { timeout: 20 * TIMEOUT }, () => {
    it('has no horizontal scroll, and a one-row header from 1280 px', { timeout: 10 * TIMEOUT }, async () => {
      const types = Object.entries(await pageTypes(site));
      assert.deepEqual(await widthProblems(base, types, label), []);
    });
  });
}

// Names of 60 characters and more, an unbroken 81-letter word and
// right-to-left names (tests/fixtures/long-names) in the header, side panels,
// indexes and graph: every page of that site, at every width.
const longNames = process.env.DOSSIER_LONG_NAMES_SITE;
describe('long and right-to-left names (tests/fixtures/long-names)', { skip: !longNames && 'DOSSIER_LONG_NAMES_SITE is not set', timeout: 20 * TIMEOUT }, () => {
  it('no page scrolls sideways at any width, and the header keeps one row from 1280 px', { timeout: 10 * TIMEOUT }, async () => {
    const files = (await htmlFiles(longNames)).map((f) => path.relative(longNames, f).split(path.sep).join('/'));
    assert.ok(files.some((f) => f.startsWith('entities/maria-magdalena')), 'the fixture has its long names');
    const base = pathToFileURL(longNames + '/').href;
    assert.deepEqual(await widthProblems(base, files.map((f) => [f, f]), 'long-names'), []);
  });
});

/** Each page of `pages` ([type, file#hash]) at each width: what scrolls
 * sideways, and where the search box leaves the navigation's row. */
async function widthProblems(base, pages, label) {
  const problems = [];
  const out = await ensureOutputDir();
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const [type, file] of pages) {
      if (!file) continue;
      const [rel, hash] = file.split('#');
      await page.goto(base + rel, { waitUntil: 'load' });
      // A 404 page built with a base URL points at /sub-path/ absolutely:
      // from file:// it cannot load its stylesheet (site.test.js serves it).
      const base404 = await page.evaluate(() => document.querySelector('base')?.getAttribute('href') || '');
      if (base404.startsWith('/')) continue;
      if (hash === 'search') {
        await page.fill('#search-input', 'the');
        await page.waitForTimeout(300);
      }
      const m = await page.evaluate(() => {
        const nav = document.querySelector('.site-header nav').getBoundingClientRect();
        const search = document.querySelector('#search-input').getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, navTop: nav.top, navBottom: nav.bottom, searchTop: search.top };
      });
      if (m.scroll > m.client) problems.push(`${type} (${file}) at ${width} px scrolls sideways: ${m.scroll} > ${m.client}`);
      if (width >= 1280 && (m.searchTop >= m.navBottom || m.searchTop + 40 < m.navTop)) problems.push(`${type} at ${width} px: the search box is not on the navigation's row`);
      const shot = `layout-${label}-${type.replace(/[^a-z0-9-]+/gi, '_').slice(0, 60)}-${width}.png`;
      if (width === 360 || width === 1280) await page.screenshot({ path: path.join(out, shot), fullPage: false });
    }
    await context.close();
  }
  return problems;
}
