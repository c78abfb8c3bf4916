// The sample briefing printed to PDF by Chromium (a real producer: subset
// fonts, running header and footer from page.pdf's templates, one and two
// CSS columns) reads back with `dossier read` to the same title, authors,
// paragraphs and headings as its .txt.
//
// Needs a built dossier binary: DOSSIER_BIN, else target/release/dossier,
// else target/debug/dossier. The corpus check also needs the score_pdfs
// example (`cargo build --release --example score_pdfs`); the pdfTeX corpus
// check needs pdflatex (tests/browser/run.sh installs texlive when missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { HERE, launchBrowser } from './helpers.js';
import { templates, writeCorpus } from './pdf_corpus.mjs';
import { writeLatexCorpus } from '../../bench/latex_corpus.mjs';

const ROOT = path.resolve(HERE, '../..');
const SAMPLE = path.join(ROOT, 'seeds/000_3d1f1b5c911402f3.txt');

function dossierBin() {
  const candidates = [process.env.DOSSIER_BIN, 'target/release/dossier', 'target/debug/dossier']
    .filter(Boolean)
    .map((p) => path.resolve(ROOT, p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`no dossier binary at ${candidates.join(' or ')}: run cargo build --release first`);
  return found;
}

function read(file) {
  return JSON.parse(execFileSync(dossierBin(), ['read', '--json', file], { encoding: 'utf8' }));
}

const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Markdown dossier reads from the .txt, as a printable page. */
function page(reading, columns) {
  const inline = (t) => escape(t)
    .replace(/\[([^\]]+)\]\(#\)/g, '<a href="#">$1</a>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
  const body = reading.text.split('\n\n').map((chunk) => chunk.trim()).filter(Boolean)
    .map((chunk) => (chunk.startsWith('## ') ? `<h2>${inline(chunk.slice(3))}</h2>` : `<p>${inline(chunk)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(reading.title)}</title>
<style>body { font: 10.5pt/1.4 serif; margin: 0; text-align: justify; }
h1 { font: bold 20pt sans-serif; text-align: left; } h2 { font: bold 12.5pt sans-serif; break-after: avoid; }
.byline { font: 11pt sans-serif; } .date { font: 10pt sans-serif; margin-bottom: 12pt; }
.body { column-count: ${columns}; column-gap: 16pt; } p { margin: 0 0 7pt; }</style></head><body>
<h1>${escape(reading.title)}</h1><p class="byline">${escape(reading.authors.join(', '))}</p>
<p class="date">24 February 2021</p><div class="body">${body}</div></body></html>`;
}

/** Lower-cased words of each paragraph, Markdown marks and escapes out. */
function paragraphs(markdown) {
  return markdown.split('\n\n').map((chunk) => chunk.trim())
    .filter((chunk) => chunk && !chunk.startsWith('## '))
    .map(words);
}

function words(text) {
  return text.replace(/\[([^\]]+)\]\(#\)/g, '$1').replace(/[\\*]/g, '').split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

const headings = (markdown) => markdown.split('\n').filter((l) => l.startsWith('## ')).map((l) => words(l.slice(3)).join(' '));

test('the sample briefing printed to PDF by Chromium reads back like its text', async () => {
  const txt = read(SAMPLE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdf-'));
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    for (const columns of [1, 2]) {
      await tab.setContent(page(txt, columns), { waitUntil: 'load' });
      const file = path.join(dir, `sample-${columns}.pdf`);
      await tab.pdf({ path: file, ...templates('PISM SPOTLIGHT', 'www.pism.example.org') });
      const pdf = read(file);
      const where = `${columns} column(s), ${file}`;
      assert.equal(pdf.source.format, 'pdf', where);
      assert.equal(pdf.title, txt.title, where);
      assert.deepEqual(pdf.authors, txt.authors, where);
      assert.equal(pdf.date, '2021-02-24', where);
      assert.deepEqual(headings(pdf.text), headings(txt.text), `${where}\n${pdf.text}`);
      assert.deepEqual(paragraphs(pdf.text), paragraphs(txt.text), `${where}\n${pdf.text}`);
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Recorded minimums on 24 briefing-like PDFs printed by Chromium
// (BENCHMARKS.md, "PDF reader"): the test fails if a score drops below them.
const MINIMUMS = { leaked: 0, paragraphs: 98, f1: 0.995, title: 95, authors: 95, date: 95 };

function scorePdfs() {
  const found = ['target/release/examples/score_pdfs', 'target/debug/examples/score_pdfs']
    .map((p) => path.resolve(ROOT, p))
    .find((p) => fs.existsSync(p));
  if (!found) throw new Error('no score_pdfs: run cargo build --release --example score_pdfs first');
  return found;
}

/** Scores the PDFs in `dir` and checks dossier's row against `minimums`. */
function assertScores(dir, minimums) {
  const report = execFileSync(scorePdfs(), ['--truth-dir', dir], { encoding: 'utf8' });
  const row = report.split('\n').find((l) => l.startsWith('| dossier |'));
  assert.ok(row, report);
  const cells = row.split('|').map((c) => parseFloat(c)).slice(2, 10);
  const [count, leaked, paragraphs, f1, title, authors, date] = cells;
  assert.equal(count, 24, row);
  assert.ok(leaked <= minimums.leaked, `furniture leaked: ${row}`);
  for (const [name, value] of Object.entries({ paragraphs, f1, title, authors, date })) {
    assert.ok(value >= minimums[name], `${name} ${value} under ${minimums[name]}: ${row}`);
  }
}

test('briefings printed to PDF by Chromium score at or above the recorded minimums', { timeout: 10 * 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdfs-'));
  try {
    await writeCorpus(dir, 24);
    assertScores(dir, MINIMUMS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Recorded minimums on 24 briefings set by pdfTeX (bench/latex_corpus.mjs;
// BENCHMARKS.md, "PDF reader"), a little under what was measured.
const LATEX_MINIMUMS = { leaked: 0, paragraphs: 97.5, f1: 0.995, title: 95, authors: 95, date: 95 };

test('briefings set by pdfTeX score at or above the recorded minimums', { timeout: 10 * 60_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-latex-pdfs-'));
  try {
    writeLatexCorpus(dir, 24);
    assertScores(dir, LATEX_MINIMUMS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
