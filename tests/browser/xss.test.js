// Opens every page of a site built from XSS payloads (tests/fixtures/xss)
// in Chromium, hovers and focuses its links, and fails if any payload runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './helpers.js';

const site = process.env.DOSSIER_XSS_SITE;

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

describe('a site built from XSS payloads', { skip: !site && 'DOSSIER_XSS_SITE is not set' }, () => {
  it('runs none of them on any page, on load, hover or focus', { timeout: 240000 }, async () => {
    const browser = await launchBrowser();
    const fired = [];
    try {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        window.__xss = (what) => { (window.__xssFired = window.__xssFired || []).push(String(what)); };
        window.alert = (what) => window.__xss('alert ' + what);
      });
      const page = await context.newPage();
      page.on('dialog', async (dialog) => { fired.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
      const pages = htmlFiles(site);
      assert.ok(pages.length > 5, `only ${pages.length} pages`);
      for (const file of pages) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const links = page.locator('a[href]');
        const count = Math.min(await links.count(), 12);
        for (let i = 0; i < count; i++) {
          await links.nth(i).hover({ timeout: 2000 }).catch(() => {});
          await links.nth(i).focus().catch(() => {});
        }
        const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') || ''));
        const unsafe = hrefs.filter((h) => /^\s*(javascript|vbscript|data):/i.test(h));
        assert.deepEqual(unsafe, [], `${file}: unsafe links`);
        const got = await page.evaluate(() => window.__xssFired || []);
        fired.push(...got.map((what) => `${path.relative(site, file)}: ${what}`));
      }
    } finally {
      await browser.close();
    }
    assert.deepEqual(fired, [], `payloads ran:\n${fired.join('\n')}`);
  });
});
