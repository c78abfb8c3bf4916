// Briefing-like PDFs from a real producer: Chromium's print to PDF
// (`page.pdf` with displayHeaderFooter), in words of our own, each with a
// truth JSON beside it, for `cargo run --release --example score_pdfs --
// --truth-dir DIR`. Nothing it writes is checked in.
//
//   node tests/browser/pdf_corpus.mjs OUT_DIR [COUNT]
//
// Each briefing varies what real think-tank PDFs vary: one to three CSS
// columns, a running header and a footer with the page number and a web
// address (header/footer templates), a series band, bylines and printed
// dates in several forms, headings, "Key points" boxes, lists, endnotes
// with raised reference numbers, soft hyphens in long words, ligatures,
// and a document title that is sometimes a file name.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './helpers.js';

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Varnholm', 'Estria', 'Kelvor', 'Nordmark', 'Talvia', 'Ostrava Bay', 'Sundal', 'Marrow Coast'];
const GROUPS = ['the transit council', 'the coastal league', 'the grain board', 'the northern assembly', 'the border office'];
const NOUNS = ['infrastructure', 'fisheries agreement', 'energy interconnector', 'customs regime', 'defence budget', 'official statistics', 'port concession', 'grid financing'];
const VERBS = ['reshaped', 'delayed', 'financed', 'questioned', 'renegotiated', 'reviewed', 'defined', 'simplified'];
const LONG = ['internationalisation', 'telecommunications', 'decentralisation', 'interoperability', 'countermeasures', 'responsibilities', 'reconfiguration', 'notwithstanding'];
const HYPHENED = ['Kelvor-Estrian', 'Northwind-2024', 'cross-border', 'long-term', 'state-owned', 'Varnholm-Talvia'];
const FIRST = ['Mira', 'Tomas', 'Ilse', 'Anders', 'Petra', 'Jonas', 'Ewa', 'Karol', 'Lena', 'Oskar'];
const LAST = ['Lindqvist', 'Haber', 'Nowacka', 'Brenner', 'Solberg', 'Kaminski', 'Ferreira', 'Dahl', 'Marek', 'Wolter'];
const SERIES = ['SPOTLIGHT', 'BULLETIN No. 85', 'POLICY BRIEF', 'COMMENTARY', 'STRATEGIC FILE'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pick = (r, list) => list[Math.floor(r() * list.length)];

function sentence(r) {
  const forms = [
    () => `${pick(r, PLACES)} ${pick(r, VERBS)} the ${pick(r, NOUNS)} after ${pick(r, GROUPS)} asked for the ${pick(r, LONG)} of ${pick(r, NOUNS)}.`,
    () => `The ${pick(r, HYPHENED)} talks ${pick(r, VERBS)} ${pick(r, GROUPS)}, which had ${pick(r, VERBS)} its ${pick(r, NOUNS)} in ${2015 + Math.floor(r() * 9)}.`,
    () => `Officials in ${pick(r, PLACES)} said the ${pick(r, NOUNS)} would be ${pick(r, VERBS)} before the ${pick(r, LONG)} review, though few expected it.`,
    () => `For ${pick(r, GROUPS)}, the ${pick(r, NOUNS)} is less about money than about ${pick(r, LONG)} and the ${pick(r, HYPHENED)} question.`,
    () => `Critics find the ${pick(r, NOUNS)} in ${pick(r, PLACES)} flawed: its ${pick(r, LONG)} was ${pick(r, VERBS)} twice within a year.`,
  ];
  return pick(r, forms)();
}

function paragraph(r) {
  const n = 3 + Math.floor(r() * 4);
  return Array.from({ length: n }, () => sentence(r)).join(' ');
}

function printedDate(r) {
  const year = 2018 + Math.floor(r() * 7);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const forms = [
    `${day} ${MONTHS[month]} ${year}`,
    `${MONTHS[month]} ${day}, ${year}`,
    `${day} ${MONTHS[month].slice(0, 3)}. ${year}`,
    `No. ${1 + Math.floor(r() * 40)}/${year}, ${day} ${MONTHS[month]} ${year}`,
    `Sundal, ${day} ${MONTHS[month]} ${year}`,
    iso,
  ];
  return { printed: pick(r, forms), iso };
}

function bylineOf(r, authors) {
  const list = authors.length === 1 ? authors[0]
    : `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
  return pick(r, [`By ${list}`, list, `Authors: ${authors.join(', ')}`]);
}

/** One briefing's content and layout, from `seed`. */
export function briefing(seed) {
  const r = rng(seed * 7919 + 17);
  const authors = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${pick(r, FIRST)} ${pick(r, LAST)}`)
    .filter((a, i, all) => all.indexOf(a) === i);
  const date = printedDate(r);
  const title = `${pick(r, PLACES)} and the ${pick(r, NOUNS).replace(/^./, (c) => c.toUpperCase())}: ${pick(r, ['What Changes Now', 'A Quiet Shift', 'Costs and Choices', 'The Next Round'])}`;
  const blocks = [];
  const notes = [];
  const count = 6 + Math.floor(r() * 10);
  for (let i = 0; i < count; i++) {
    if (i > 0 && r() < 0.22) blocks.push({ kind: 'heading', text: `${pick(r, ['Why', 'How', 'What'])} the ${pick(r, NOUNS)} ${pick(r, VERBS)} ${pick(r, PLACES)}` });
    if (i === 2 && r() < 0.6) blocks.push({ kind: 'box', items: [sentence(r), sentence(r)] });
    if (r() < 0.12) blocks.push({ kind: 'list', items: [sentence(r), sentence(r), sentence(r)] });
    const note = r() < 0.3 ? `${pick(r, ['Annual report of', 'Statement by', 'Minutes of'])} ${pick(r, GROUPS)}, ${2016 + Math.floor(r() * 8)}.` : null;
    if (note) notes.push(note);
    blocks.push({ kind: 'para', text: paragraph(r), note: note ? notes.length : null });
  }
  const site = `www.${pick(r, ['northern-policy', 'coastal-institute', 'transit-studies'])}.example.org`;
  return {
    seed,
    title,
    authors,
    byline: bylineOf(r, authors),
    date: date.iso,
    printed_date: date.printed,
    series: pick(r, SERIES),
    institute: pick(r, ['Northern Policy Institute', 'Coastal Studies Centre', 'Transit Research Group']),
    site,
    columns: 1 + Math.floor(r() * 3),
    docTitle: r() < 0.3 ? `brief_${seed}_final.docx` : title,
    size: 9.5 + Math.floor(r() * 3) * 0.5,
    blocks,
    notes,
  };
}

const escape = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Long words get soft hyphens every few letters, so Chromium can break them. */
function soft(text) {
  return text.split(' ').map((word) => {
    if (word.length < 12 || !/^[A-Za-z]+$/.test(word)) return escape(word);
    return [...word].map((c, i) => (i >= 3 && i + 3 <= word.length && i % 4 === 0 ? '&shy;' : '') + c).join('');
  }).join(' ');
}

function blockHtml(block) {
  switch (block.kind) {
    case 'heading': return `<h2>${escape(block.text)}</h2>`;
    case 'box': return `<aside class="box"><h3>Key points</h3><ul>${block.items.map((i) => `<li>${soft(i)}</li>`).join('')}</ul></aside>`;
    case 'list': return `<ul class="list">${block.items.map((i) => `<li>${soft(i)}</li>`).join('')}</ul>`;
    default: return `<p>${soft(block.text)}${block.note ? `<sup>${block.note}</sup>` : ''}</p>`;
  }
}

/** The briefing as a printable HTML page. */
export function html(b) {
  const notes = b.notes.length
    ? `<section class="notes"><h2>Notes</h2>${b.notes.map((n, i) => `<p class="note">${i + 1} ${escape(n)}</p>`).join('')}</section>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(b.docTitle)}</title><style>
body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: ${b.size}pt; line-height: 1.35; margin: 0;
  font-variant-ligatures: common-ligatures; text-align: justify; }
.band { font: bold 9pt sans-serif; letter-spacing: 0.1em; color: #fff; background: #234; padding: 4pt 8pt; display: inline-block; }
h1 { font: bold 22pt sans-serif; margin: 10pt 0 6pt; text-align: left; }
.byline { font: 11pt sans-serif; margin: 0 0 2pt; text-align: left; }
.date { font: 10pt sans-serif; color: #333; margin: 0 0 14pt; text-align: left; }
.body { column-count: ${b.columns}; column-gap: 18pt; }
h2 { font: bold 13pt sans-serif; margin: 12pt 0 4pt; text-align: left; break-after: avoid; }
p { margin: 0 0 7pt; }
.box { border: 1px solid #456; background: #eef; padding: 6pt 8pt; margin: 8pt 0; font-size: 0.85em; break-inside: avoid; }
.box h3 { font: bold 10pt sans-serif; margin: 0 0 3pt; }
.box ul { margin: 0; padding-left: 12pt; }
.list { margin: 0 0 7pt; padding-left: 14pt; }
sup { font-size: 0.6em; line-height: 0; }
.notes h2 { font-size: 11pt; }
.note { font-size: 0.75em; margin: 0 0 3pt; text-align: left; }
</style></head><body>
<div class="band">${escape(b.series)}</div>
<h1>${escape(b.title)}</h1>
<p class="byline">${escape(b.byline)}</p>
<p class="date">${escape(b.printed_date)}</p>
<div class="body">${b.blocks.map(blockHtml).join('\n')}</div>
${notes}
</body></html>`;
}

/** Chromium's header and footer templates: running label, page number, address. */
export function templates(header, site) {
  const style = 'font-family: sans-serif; font-size: 7pt; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;';
  return {
    displayHeaderFooter: true,
    headerTemplate: `<div style="${style}"><span>${escape(header)}</span><span></span></div>`,
    footerTemplate: `<div style="${style}"><span>${escape(site)}</span><span class="pageNumber"></span></div>`,
    margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
    format: 'A4',
    printBackground: true,
  };
}

/** What a perfect reading gives, and what must never show. */
export function truth(b) {
  const paragraphs = [];
  for (const block of b.blocks) {
    if (block.kind === 'para') paragraphs.push(block.text);
    if (block.kind === 'box' || block.kind === 'list') paragraphs.push(...block.items);
  }
  return {
    title: b.title,
    authors: b.authors,
    date: b.date,
    printed_date: b.printed_date,
    series: b.series,
    paragraphs,
    headings: [
      ...b.blocks.filter((x) => x.kind === 'heading').map((x) => x.text),
      ...b.blocks.filter((x) => x.kind === 'box').map(() => 'Key points'),
      ...(b.notes.length ? ['Notes'] : []),
    ],
    footnotes: b.notes,
    furniture: [`${b.institute} ${b.series}`, b.site],
    page_numbers: true,
  };
}

/** Prints `count` briefings to `out` as PDFs, each with its truth JSON. */
export async function writeCorpus(out, count) {
  fs.mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (let seed = 0; seed < count; seed++) {
      const b = briefing(seed);
      await page.setContent(html(b), { waitUntil: 'load' });
      const name = `chromium_${String(seed).padStart(3, '0')}`;
      await page.pdf({ path: path.join(out, `${name}.pdf`), ...templates(`${b.institute} ${b.series}`, b.site) });
      fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(truth(b), null, 1));
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const [out, countArg] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node tests/browser/pdf_corpus.mjs OUT_DIR [COUNT]');
    process.exit(2);
  }
  const count = Number(countArg || 40);
  await writeCorpus(out, count);
  console.log(`${count} PDFs and truth files in ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
