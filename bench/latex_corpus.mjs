// Briefing-like PDFs from a second real producer: LaTeX (pdfTeX), with the
// same invented content as the Chromium corpus (tests/browser/pdf_corpus.mjs:
// `briefing(seed)` and `truth(b)`), each with a truth JSON beside it, for
// `cargo run --release --example score_pdfs -- --truth-dir DIR`. Nothing it
// writes is checked in. Needs `pdflatex` (texlive-latex-base,
// -latex-recommended, -fonts-recommended).
//
//   node bench/latex_corpus.mjs OUT_DIR [COUNT]
//
// Each briefing varies what LaTeX users vary: article at 10 or 11 pt on A4
// with geometry; one column, `\twocolumn` or multicols with two or three
// columns and narrow gutters; a fancyhdr running header (institute and
// series) and footer (web address, page number); a series band; a custom
// title block (large bold title, byline, printed date) or `\maketitle` with
// `\author{A \and B}`; `\section*` headings; itemize lists; "Key points"
// boxes (`\fbox`/`\parbox` around an itemize); notes as `\footnote` or as a
// Notes section; Computer Modern or Times (mathptmx, helvet), sometimes with
// `\pdfgentounicode`; `\emergencystretch`; TeX's own hyphenation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { briefing, rng, truth } from '../tests/browser/pdf_corpus.mjs';

const pick = (r, list) => list[Math.floor(r() * list.length)];

/** LaTeX's special characters, escaped for running text. */
export function escapeTex(text) {
  return String(text).replace(/[\\{}$&#^_%~]/g, (c) => ({
    '\\': '\\textbackslash{}',
    '~': '\\textasciitilde{}',
    '^': '\\textasciicircum{}',
  })[c] || `\\${c}`);
}

/** A string for the document information dictionary (`\pdfinfo`). */
const pdfString = (text) => String(text).replace(/[\\()]/g, (c) => `\\${c}`);

/** How one briefing is set: drawn from its own stream, not the content's. */
export function layout(b) {
  const r = rng(Math.imul(b.seed + 1, 2654435761) ^ 0x5bd1e995);
  const columns = b.columns === 1 ? 'one' : b.columns === 3 ? 'multicols3' : pick(r, ['twocolumn', 'multicols2']);
  return {
    points: pick(r, [10, 11]),
    margin: pick(r, [18, 20, 22, 25]),
    columns,
    gutter: pick(r, [9, 10, 12, 14]),
    times: r() < 0.5,
    toUnicode: r() < 0.4,
    emergency: r() < 0.6,
    band: pick(r, ['colorbox', 'fbox', 'titletype', 'small']),
    maketitle: r() < 0.4,
    footnotes: r() < 0.5,
    info: r() < 0.6,
  };
}

function band(b, l) {
  const s = escapeTex(b.series);
  switch (l.band) {
    case 'colorbox': return `\\colorbox[gray]{0.2}{\\color{white}\\sffamily\\bfseries\\small ${s}}`;
    case 'fbox': return `\\fbox{\\sffamily\\bfseries\\small ${s}}`;
    case 'titletype': return `{\\LARGE\\bfseries ${s}\\par}`;
    default: return `{\\sffamily\\bfseries\\footnotesize ${s}}`;
  }
}

function titleBlock(b, l) {
  if (l.maketitle) {
    return `\\noindent ${band(b, l)}\\par\\vspace{-1.5em}\n\\inlinetitle\n`;
  }
  return `\\noindent ${band(b, l)}\\par\\vspace{8pt}
{\\raggedright\\LARGE\\bfseries ${escapeTex(b.title)}\\par}\\vspace{6pt}
{\\raggedright\\large ${escapeTex(b.byline)}\\par}\\vspace{2pt}
{\\raggedright\\normalsize ${escapeTex(b.printed_date)}\\par}\\vspace{14pt}
`;
}

function blockTex(b, block, l) {
  const items = (list) => list.map((i) => `  \\item ${escapeTex(i)}`).join('\n');
  switch (block.kind) {
    case 'heading': return `\\section*{${escapeTex(block.text)}}`;
    case 'box': return `\\par\\medskip\\noindent\\fbox{\\parbox{\\dimexpr\\linewidth-2\\fboxsep-2\\fboxrule\\relax}{\\small\\textbf{Key points}
\\begin{itemize}\n${items(block.items)}\n\\end{itemize}}}\\par\\medskip`;
    case 'list': return `\\begin{itemize}\n${items(block.items)}\n\\end{itemize}`;
    default: {
      const note = block.note === null ? '' : l.footnotes ? `\\footnote{${escapeTex(b.notes[block.note - 1])}}` : `\\textsuperscript{${block.note}}`;
      return `${escapeTex(block.text)}${note}\n`;
    }
  }
}

/** Notes for a briefing that prints them as a section, not as footnotes. */
function notesSection(b, l) {
  if (l.footnotes || !b.notes.length) return '';
  const notes = b.notes.map((n, i) => `{\\footnotesize\\noindent ${i + 1} ${escapeTex(n)}\\par}`).join('\n');
  return `\\section*{Notes}\n${notes}\n`;
}

function preamble(b, l) {
  const info = l.info
    ? `\\pdfinfo{/Title (${pdfString(b.docTitle)}) /Author (${pdfString(b.authors.join(', '))})}\n` : '';
  return `\\documentclass[${l.points}pt,a4paper${l.columns === 'twocolumn' ? ',twocolumn' : ''}]{article}
${l.toUnicode ? '\\input glyphtounicode\n\\pdfgentounicode=1\n' : ''}\\usepackage[a4paper,margin=${l.margin}mm,headheight=14pt]{geometry}
${l.times ? '\\usepackage[T1]{fontenc}\n\\usepackage{mathptmx}\n\\usepackage[scaled=0.92]{helvet}\n' : ''}\\usepackage{xcolor}
\\usepackage{fancyhdr}
${l.columns.startsWith('multicols') ? '\\usepackage{multicol}\n' : ''}\\setlength{\\columnsep}{${l.gutter}pt}
${l.emergency ? '\\setlength{\\emergencystretch}{3em}\n' : ''}\\pagestyle{fancy}
\\fancyhf{}
\\fancyhead[L]{\\footnotesize ${escapeTex(b.institute)}}
\\fancyhead[R]{\\footnotesize ${escapeTex(b.series)}}
\\fancyfoot[L]{\\footnotesize ${escapeTex(b.site)}}
\\fancyfoot[R]{\\footnotesize\\thepage}
\\renewcommand{\\headrulewidth}{0.4pt}
${info}\\makeatletter
% \\maketitle's own block, without the \\newpage that would put it after the band
\\newcommand{\\inlinetitle}{{\\let\\newpage\\relax\\@maketitle}}
\\makeatother
\\title{${escapeTex(b.title)}}
\\author{${b.authors.map(escapeTex).join(' \\and ')}}
\\date{${escapeTex(b.printed_date)}}
`;
}

/** The briefing as a LaTeX document. */
export function tex(b, l = layout(b)) {
  const body = b.blocks.map((x) => blockTex(b, x, l)).join('\n');
  const title = titleBlock(b, l);
  const notes = notesSection(b, l);
  let document;
  if (l.columns === 'twocolumn') {
    document = `\\twocolumn[{${title}}]\n\\thispagestyle{fancy}\n${body}\n${notes}`;
  } else if (l.columns.startsWith('multicols')) {
    const n = l.columns.slice(-1);
    document = `${title}\\begin{multicols}{${n}}\n${body}\n\\end{multicols}\n${notes}`;
  } else {
    document = `${title}${body}\n${notes}`;
  }
  return `${preamble(b, l)}\\begin{document}\n${document}\\end{document}\n`;
}

/** What a perfect reading gives: as for Chromium, but notes set as
 *  `\footnote` have no 'Notes' heading. */
export function latexTruth(b, l = layout(b)) {
  const t = truth(b);
  if (l.footnotes) t.headings = t.headings.filter((h) => h !== 'Notes');
  t.furniture = [b.institute, b.series, b.site];
  return t;
}

/** Runs pdflatex on `source` in a temporary folder; the PDF's bytes. */
export function pdflatex(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-latex-'));
  try {
    fs.writeFileSync(path.join(dir, 'brief.tex'), source);
    for (let run = 0; run < 3; run++) {
      try {
        execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'brief.tex'], { cwd: dir, stdio: 'pipe' });
      } catch (e) {
        const log = fs.existsSync(path.join(dir, 'brief.log')) ? fs.readFileSync(path.join(dir, 'brief.log'), 'utf8') : String(e);
        throw new Error(`pdflatex failed:\n${log.split('\n').filter((x) => x.startsWith('!')).join('\n') || log.slice(-2000)}`);
      }
      const log = fs.readFileSync(path.join(dir, 'brief.log'), 'utf8');
      if (!/Rerun to get|Label\(s\) may have changed/.test(log)) break;
    }
    return fs.readFileSync(path.join(dir, 'brief.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets `count` briefings with pdflatex into `out`: `latex_NNN.pdf` and
 *  its truth `latex_NNN.json`. */
export function writeLatexCorpus(out, count) {
  fs.mkdirSync(out, { recursive: true });
  for (let seed = 0; seed < count; seed++) {
    const b = briefing(seed);
    const l = layout(b);
    const name = `latex_${String(seed).padStart(3, '0')}`;
    fs.writeFileSync(path.join(out, `${name}.pdf`), pdflatex(tex(b, l)));
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(latexTruth(b, l), null, 1));
  }
}

function main() {
  const [out, countArg] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/latex_corpus.mjs OUT_DIR [COUNT]');
    process.exit(2);
  }
  const count = Number(countArg || 24);
  writeLatexCorpus(out, count);
  console.log(`${count} pdfTeX PDFs and truth files in ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
