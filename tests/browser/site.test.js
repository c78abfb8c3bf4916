// Real-browser tests of a built Dossier site, opened two ways:
//   http — served under the sub-path /repo/ by a tiny node:http server, and
//   file — opened straight from file://.
// Run: DOSSIER_SITE=/abs/path/to/site node --test tests/browser/
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  siteDir, htmlFiles, launchBrowser, openModes, watchPage, squash, ensureOutputDir, settle,
} from './helpers.js';

const SITE = siteDir();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const TIMEOUT = 60_000;

let browser;
let server;
let modes;

before(async () => {
  browser = await launchBrowser();
  ({ server, modes } = await openModes(SITE));
  await ensureOutputDir();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function formatProblems(problems) {
  return problems.length ? '\n  ' + problems.join('\n  ') : '';
}

async function assertNoProblems(page, watch, what) {
  await settle(page);
  const problems = watch.take();
  assert.deepEqual(problems, [], `${what}: the browser reported errors:${formatProblems(problems)}`);
}

/** Opens a fresh page in its own context at desktop size, with an error watcher. */
async function newPage() {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watch = watchPage(page);
  return { context, page, watch };
}

async function screenshot(page, name) {
  const out = await ensureOutputDir();
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    // Let layout settle after the resize before measuring and shooting.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(out, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(fs.statSync(file).size > 1000, `${file} looks empty`);
  }
  await page.setViewportSize(DESKTOP);
}

/** The file a same-site URL points at, or null when it is outside the site. */
function fileFor(mode, url) {
  const u = new URL(url);
  if (!u.href.startsWith(mode.base)) return null;
  if (u.protocol === 'file:') return fileURLToPath(new URL(u.pathname, u));
  const rel = decodeURIComponent(u.pathname.slice(new URL(mode.base).pathname.length));
  const p = path.join(SITE, rel);
  return rel === '' || rel.endsWith('/') ? path.join(p, 'index.html') : p;
}

/** Waits for the preview card to be shown and returns its text. */
async function visibleCardText(page, how) {
  const card = page.locator('.preview-card');
  await card.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
    throw new Error(`no visible .preview-card appeared on ${how}`);
  });
  assert.equal(await card.count(), 1, `exactly one .preview-card expected on ${how}`);
  const text = squash(await card.innerText());
  assert.ok(text.length > 0, `.preview-card shown on ${how} is empty`);
  return text;
}

for (const modeName of ['http', 'file']) {
  describe(`site opened over ${modeName === 'http' ? 'HTTP under /repo/' : 'file://'}`, { timeout: 10 * TIMEOUT }, () => {
    const mode = () => modes.find((m) => m.name === modeName);

    it('home page renders with a heading and links to briefings, without errors', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await newPage();
      try {
        const url = mode().base + 'index.html';
        const response = await page.goto(url, { waitUntil: 'load' });
        if (modeName === 'http') assert.equal(response.status(), 200, `${url} status`);
        const h1 = page.locator('h1');
        assert.ok(await h1.count() >= 1, 'home page has no <h1>');
        assert.ok(squash(await h1.first().innerText()).length > 0, 'home page <h1> is empty');
        assert.ok(squash(await page.title()).length > 0, 'home page has an empty <title>');

        // Links whose resolved URL is a briefing page (not the briefings index).
        const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
        const briefings = [...new Set(hrefs.filter((h) => {
          const p = new URL(h).pathname;
          return /\/briefings\/[^/]+\.html$/.test(p) && !p.endsWith('/briefings/index.html');
        }))];
        assert.ok(briefings.length > 0, `home page links to no briefing page; links: ${hrefs.join(', ')}`);
        for (const href of briefings) {
          const file = fileFor(mode(), href);
          assert.ok(file, `briefing link ${href} points outside the site (${mode().base})`);
          assert.ok(fs.existsSync(file), `briefing link ${href} points at a missing file ${file}`);
        }

        await screenshot(page, `${modeName}-home`);
        await assertNoProblems(page, watch, 'home page');
      } finally {
        await context.close();
      }
    });

    it('typing Lukashenka into search and pressing Enter leads to his entity page', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await newPage();
      try {
        await page.goto(mode().base + 'briefings/index.html', { waitUntil: 'load' });
        const box = page.locator('#search-input');
        await box.click();
        await box.pressSequentially('Lukashenka', { delay: 20 });
        const first = page.locator('#search-results [role=option]').first();
        await first.waitFor({ state: 'visible', timeout: 5000 });
        assert.equal(squash(await first.locator('.result-title').innerText()), 'Alexander Lukashenka', 'the entity ranks first');
        const options = await page.locator('#search-results [role=option] .result-title').allInnerTexts();
        assert.ok(options.length > 1, `only ${options.length} result(s)`);
        // Keyboard: down then up returns to the first result.
        await box.press('ArrowDown');
        await box.press('ArrowUp');
        assert.equal(await box.getAttribute('aria-activedescendant'), 'search-result-0');
        await Promise.all([page.waitForEvent('load'), box.press('Enter')]);
        assert.match(new URL(page.url()).pathname, /\/entities\/alexander-lukashenka\.html$/, `Enter led to ${page.url()}`);
        // The type filter keeps only briefings.
        const box2 = page.locator('#search-input');
        await page.selectOption('#search-kind', 'briefing');
        await box2.fill('Lukashenka');
        await page.locator('#search-results [role=option]').first().waitFor({ state: 'visible', timeout: 5000 });
        const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(hrefs.length > 0 && hrefs.every((h) => h.includes('briefings/')), `filtered results: ${hrefs.join(', ')}`);
        await assertNoProblems(page, watch, 'search');
      } finally {
        await context.close();
      }
    });

    it('entity page of Alexander Lukashenka links its mentions to the right paragraph', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await newPage();
      try {
        await page.goto(mode().base + 'entities/index.html', { waitUntil: 'load' });
        await assertNoProblems(page, watch, 'entities/index.html');

        const link = page.locator('a').filter({ hasText: /^\s*Alexander Lukashenka\s*$/ });
        assert.ok(await link.count() >= 1, 'entities/index.html has no link whose text is "Alexander Lukashenka"');
        await Promise.all([page.waitForEvent('load'), link.first().click()]);
        assert.match(new URL(page.url()).pathname, /\/entities\/[^/]+\.html$/, `clicking "Alexander Lukashenka" led to ${page.url()}`);
        assert.equal(squash(await page.locator('h1').first().innerText()), 'Alexander Lukashenka', 'entity page <h1>');
        await assertNoProblems(page, watch, 'Lukashenka entity page');

        await screenshot(page, `${modeName}-lukashenka`);

        const entries = page.locator('.mention-list > li');
        assert.ok(await entries.count() > 0, '"Mentioned in" (.mention-list) has no entries');
        // An entry's title links to the paragraph of the sentence quoted under it.
        const snippet = page.locator('.mention-list > li > a').first();
        assert.ok(await snippet.count() === 1, '.mention-list has no title link');
        const markText = squash(await page.locator('.mention-list > li').first().locator('q mark').first().innerText());
        assert.ok(markText.length > 0, 'first entry has no quoted sentence with <mark> text');
        const entityUrl = page.url();

        await Promise.all([page.waitForURL((u) => u.href !== entityUrl, { waitUntil: 'load' }), snippet.click()]);
        const landed = new URL(page.url());
        assert.match(landed.pathname, /\/briefings\/[^/]+\.html$/, `snippet link led to ${landed.href}, not a briefing page`);
        assert.ok(!landed.pathname.endsWith('/briefings/index.html'), `snippet link led to the briefings index ${landed.href}`);
        assert.ok(landed.hash.length > 1, `snippet link led to ${landed.href}, which has no #fragment`);
        const id = decodeURIComponent(landed.hash.slice(1));
        const target = await page.evaluate((id) => {
          const el = document.getElementById(id);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return { text: el.textContent, top: r.top, bottom: r.bottom, vh: window.innerHeight };
        }, id);
        assert.ok(target, `${landed.href}: no element with id="${id}"`);
        assert.ok(squash(target.text).includes(markText),
          `${landed.href}: #${id} does not contain the mention "${markText}"; it reads: ${squash(target.text).slice(0, 300)}`);
        assert.ok(target.bottom > 0 && target.top < target.vh,
          `${landed.href}: #${id} is not scrolled into view (top ${target.top}, bottom ${target.bottom}, viewport ${target.vh})`);
        await assertNoProblems(page, watch, `briefing page ${landed.href}`);
      } finally {
        await context.close();
      }
    });

    it('every snippet on the Lukashenka page points at an element containing its mention', { timeout: 2 * TIMEOUT }, async (t) => {
      const { context, page, watch } = await newPage();
      const failures = [];
      try {
        await page.goto(mode().base + 'entities/alexander-lukashenka.html', { waitUntil: 'load' });
        // Each title links to its first quoted sentence's paragraph; any further
        // sentence links to its own.
        const snippets = await page.locator('.mention-list > li').evaluateAll((lis) => lis.flatMap((li) => {
          const quotes = [...li.querySelectorAll(':scope > q')];
          const mark = (q) => ((q && q.querySelector('mark')) || {}).textContent || '';
          const title = li.querySelector(':scope > a');
          const links = quotes.length ? [{ href: title.href, mark: mark(quotes[0]) }] : [];
          for (const q of quotes.slice(1)) {
            const a = q.querySelector('a');
            links.push({ href: a ? a.href : '', mark: mark(q) });
          }
          return links;
        }));
        assert.ok(snippets.length > 0, 'no quoted sentences on the Lukashenka page');
        const byPage = new Map();
        for (const s of snippets) {
          const u = new URL(s.href);
          const key = u.href.split('#')[0];
          if (!byPage.has(key)) byPage.set(key, []);
          byPage.get(key).push({ ...s, id: u.hash ? decodeURIComponent(u.hash.slice(1)) : '' });
        }
        for (const [url, list] of byPage) {
          await page.goto(url, { waitUntil: 'load' });
          for (const s of list) {
            const mark = squash(s.mark);
            if (!s.id) {
              // A mention in the title links to the page itself; fine if the title shows it.
              const title = squash(await page.locator('h1').first().innerText().catch(() => ''));
              if (title.includes(mark)) t.diagnostic(`${s.href}: title mention "${mark}", linked without #fragment`);
              else failures.push(`${s.href}: no #fragment, and the page's <h1> does not contain "${mark}"`);
              continue;
            }
            const text = await page.evaluate((id) => {
              const el = document.getElementById(id);
              return el ? el.textContent : null;
            }, s.id);
            if (text === null) failures.push(`${s.href}: no element with id="${s.id}"`);
            else if (!squash(text).includes(mark)) failures.push(`${s.href}: #${s.id} does not contain "${mark}"`);
          }
        }
        failures.push(...watch.take());
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, [], `${failures.length} broken snippet link(s):${formatProblems(failures)}`);
    });

    it('link previews appear on hover and on keyboard focus', { timeout: TIMEOUT }, async () => {
      const { context, page, watch } = await newPage();
      try {
        // Reach a briefing page the way a reader would: from the home page.
        await page.goto(mode().base + 'index.html', { waitUntil: 'load' });
        const first = page.locator('.briefing-list a[href*="briefings/"]').first();
        assert.ok(await first.count() === 1, 'home page has no briefing link in .briefing-list');
        await Promise.all([page.waitForEvent('load'), first.click()]);
        assert.match(new URL(page.url()).pathname, /\/briefings\/[^/]+\.html$/);

        // Hover.
        const mention = page.locator('.body a[href*="entities/"]').first();
        assert.ok(await mention.count() === 1, `${page.url()} has no mention linking to an entity`);
        await page.locator('.preview-card').waitFor({ state: 'detached', timeout: 1000 }).catch(() => {});
        await mention.scrollIntoViewIfNeeded();
        await mention.hover();
        const hoverText = await visibleCardText(page, `hovering ${await mention.innerText()}`);
        assert.ok(hoverText.length > 0);

        // Moving away hides it again.
        await page.mouse.move(1, 1);
        await page.locator('.preview-card').waitFor({ state: 'detached', timeout: 3000 }).catch(() => {
          throw new Error('.preview-card stays after the mouse leaves the link');
        });

        // Keyboard: Tab from the top of the page until a previewable link has focus.
        await page.evaluate(() => {
          if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
          window.scrollTo(0, 0);
        });
        let focused = null;
        for (let i = 0; i < 150; i++) {
          await page.keyboard.press('Tab');
          focused = await page.evaluate(() => {
            const el = document.activeElement;
            const href = el && el.matches('a[href]') ? el.getAttribute('href') : '';
            return /(^|\/)(entities|briefings)\/[a-z0-9-]+\.html$/.test(href) && !/\/index\.html$/.test(href)
              ? { preview: href, text: el.textContent.trim() }
              : null;
          });
          if (focused) break;
        }
        assert.ok(focused, 'pressing Tab never focused a link to an entity or briefing page');
        const focusText = await visibleCardText(page, `keyboard focus on "${focused.text}" (${focused.preview})`);
        const describedBy = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
        const cardId = await page.locator('.preview-card').getAttribute('id');
        assert.ok(describedBy && cardId && describedBy.split(/\s+/).includes(cardId),
          `focused link's aria-describedby (${describedBy}) does not point at the card (#${cardId})`);
        assert.ok(focusText.length > 0);

        // Escape dismisses it.
        await page.keyboard.press('Escape');
        await page.locator('.preview-card').waitFor({ state: 'detached', timeout: 3000 }).catch(() => {
          throw new Error('.preview-card stays after pressing Escape');
        });

        // A chip (home page "entities" chips, if any) previews on hover too.
        await page.goto(mode().base + 'index.html', { waitUntil: 'load' });
        const chip = page.locator('.chips a[href*="entities/"]').first();
        if (await chip.count() === 1) {
          await chip.scrollIntoViewIfNeeded();
          await chip.hover();
          await visibleCardText(page, `hovering chip "${squash(await chip.innerText())}"`);
        }

        await assertNoProblems(page, watch, 'preview test pages');
      } finally {
        await context.close();
      }
    });

    it('every page of the site loads without console errors or failed requests', { timeout: 5 * TIMEOUT }, async (t) => {
      let files = await htmlFiles(SITE);
      if (modeName === 'file') {
        // The 404 page is only ever shown by a web server, at whatever path was
        // missing, so it uses an absolute <base>; from file:// that points at
        // the file system root. It is checked in the HTTP mode instead.
        files = files.filter((f) => path.relative(SITE, f) !== '404.html');
        t.diagnostic('404.html skipped under file:// (served by a web server only)');
      }
      const { context, page, watch } = await newPage();
      const failures = [];
      try {
        for (const file of files) {
          const rel = path.relative(SITE, file).split(path.sep).map(encodeURIComponent).join('/');
          const url = mode().base + rel;
          const response = await page.goto(url, { waitUntil: 'load' });
          if (modeName === 'http' && response && response.status() !== 200) {
            failures.push(`${url}: HTTP ${response.status()}`);
          }
          const problems = watch.take();
          if (problems.length) failures.push(...problems);
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, [], `${failures.length} problem(s) over ${files.length} pages:${formatProblems(failures)}`);
    });
  });
}
