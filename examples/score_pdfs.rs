//! The PDF reader's benchmark. Three parts:
//!
//! - `score_pdfs [N]`: N generated briefing PDFs (tests/pdf: own words,
//!   1–3 columns, running header and footer, page numbers, web address,
//!   footnotes, boxes) scored against their known truth, with poppler's
//!   `pdftotext` scored on the same files when it is installed; and the
//!   reader's speed in pages per second on one core.
//! - `score_pdfs --samples DIR`: every PDF under DIR (the pdf-samples
//!   corpus) read in a child process: time, peak RSS, and the text or the
//!   one-line error.
//! - `score_pdfs --truth-dir DIR`: PDFs from a real producer with a truth
//!   JSON beside each (`node tests/browser/pdf_corpus.mjs DIR` prints them
//!   with Chromium, `node bench/latex_corpus.mjs DIR` sets them with
//!   pdfTeX), scored the same way against dossier and `pdftotext`.
//! - `score_pdfs --one FILE`: the child: reads FILE, prints one line.

#[path = "../tests/pdf/mod.rs"]
mod pdf;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dossier::ingest::extracted::Extracted;
use dossier::ingest::pdf::read_pdf;
use pdf::score::{score, Score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--one") => one(Path::new(&args[1])),
        Some("--samples") => samples(Path::new(&args[1])),
        Some("--truth-dir") => truth_dir(Path::new(&args[1])),
        other => generated(other.and_then(|n| n.parse().ok()).unwrap_or(60)),
    }
}

#[derive(Default)]
struct Totals {
    docs: usize,
    leaks: usize,
    paragraphs: usize,
    whole: usize,
    f1: f64,
    title: usize,
    authors: usize,
    date: usize,
}

impl Totals {
    fn add(&mut self, s: &Score) {
        self.docs += 1;
        self.leaks += s.leaks;
        self.paragraphs += s.paragraphs;
        self.whole += s.whole;
        self.f1 += s.f1;
        self.title += usize::from(s.title);
        self.authors += usize::from(s.authors);
        self.date += usize::from(s.date);
    }

    fn row(&self, name: &str, with_meta: bool) {
        let share = |n: usize| format!("{:.1} %", 100.0 * n as f64 / self.docs as f64);
        let meta = if with_meta {
            format!(
                "{} | {} | {}",
                share(self.title),
                share(self.authors),
                share(self.date)
            )
        } else {
            "– | – | –".into()
        };
        println!(
            "| {name} | {} | {} | {:.1} % | {:.4} | {meta} |",
            self.docs,
            self.leaks,
            100.0 * self.whole as f64 / self.paragraphs as f64,
            self.f1 / self.docs as f64
        );
    }
}

fn generated(n: u64) {
    let docs: Vec<_> = (0..n)
        .map(|seed| {
            let (briefing, layout) = pdf::corpus::briefing(seed);
            let (bytes, truth) = pdf::typeset::typeset(&briefing, &layout);
            (briefing, bytes, truth)
        })
        .collect();
    let (mut ours, mut poppler) = (Totals::default(), Totals::default());
    let dir = std::env::temp_dir().join(format!("score_pdfs_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut pages = 0;
    let start = Instant::now();
    let readings: Vec<Extracted> = docs
        .iter()
        .map(|(_, bytes, truth)| {
            pages += truth.pages;
            read_pdf(bytes).expect("generated PDF reads")
        })
        .collect();
    let elapsed = start.elapsed();
    for (seed, ((briefing, bytes, truth), reading)) in docs.iter().zip(&readings).enumerate() {
        let s = score(reading, briefing, truth);
        show(&format!("seed {seed}"), &s, reading, truth);
        ours.add(&s);
        if let Some(text) = pdftotext(&dir, bytes) {
            let reading = Extracted {
                text,
                ..Extracted::default()
            };
            poppler.add(&score(&reading, briefing, truth));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("| reader | PDFs | furniture leaked | paragraphs whole | body F1 | title | authors | date |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    ours.row("dossier", true);
    if poppler.docs > 0 {
        poppler.row("pdftotext", false);
    }
    println!(
        "\nspeed: {pages} pages in {:.3} s on one core = {:.0} pages/s",
        elapsed.as_secs_f64(),
        pages as f64 / elapsed.as_secs_f64()
    );
}

/// With `SHOW` set, prints a reading that falls short, for debugging.
fn show(name: &str, s: &Score, reading: &Extracted, truth: &pdf::typeset::Truth) {
    let short = s.whole < s.paragraphs || s.leaks > 0 || !s.title || !s.authors || !s.date;
    if short && std::env::var_os("SHOW").is_some() {
        eprintln!("{name}: {s:?}\n{reading:#?}");
        let got = pdf::score::paragraphs(&reading.text);
        for paragraph in &truth.paragraphs {
            let want = pdf::score::words(paragraph);
            if !got
                .iter()
                .any(|g| g.windows(want.len()).any(|w| w == want.as_slice()))
            {
                eprintln!("{name}: not whole: {paragraph}");
            }
        }
    }
}

/// Poppler's reading of `bytes`, when `pdftotext` is installed.
fn pdftotext(dir: &Path, bytes: &[u8]) -> Option<String> {
    let input = dir.join("in.pdf");
    std::fs::write(&input, bytes).ok()?;
    let output = Command::new("pdftotext")
        .arg(&input)
        .arg("-")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn one(path: &Path) {
    let bytes = std::fs::read(path).expect("readable file");
    let start = Instant::now();
    let result = read_pdf(&bytes);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let rss = peak_rss_mib();
    match result {
        Ok(r) => println!(
            "ok | {ms:.1} ms | {rss:.0} MiB | {} pages, {} words",
            r.source.pages.unwrap_or(0),
            r.text.split_whitespace().count()
        ),
        Err(e) => println!("error | {ms:.1} ms | {rss:.0} MiB | {e}"),
    }
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn samples(dir: &Path) {
    let mut files: Vec<PathBuf> = walk(dir);
    files.sort();
    let me = std::env::current_exe().expect("own path");
    println!("| file | result | time | peak RSS | text or error |");
    println!("|---|---|---:|---:|---|");
    for file in files {
        let mut child = Command::new(&me)
            .arg("--one")
            .arg(&file)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("child");
        let start = Instant::now();
        while child.try_wait().ok().flatten().is_none() && start.elapsed() < Duration::from_secs(30)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        let name = file.strip_prefix(dir).unwrap_or(&file).display();
        if child.try_wait().ok().flatten().is_none() {
            let _ = child.kill();
            println!("| {name} | HANG | > 30 s | | |");
            continue;
        }
        let output = child.wait_with_output().expect("child output");
        let line = String::from_utf8_lossy(&output.stdout).trim().to_string();
        let line = if line.is_empty() {
            "PANIC | | | (no output)".into()
        } else {
            line
        };
        println!("| {name} | {line} |");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    out
}

/// The truth file `tests/browser/pdf_corpus.mjs` (or `bench/latex_corpus.mjs`)
/// writes beside each PDF.
#[derive(serde::Deserialize)]
struct TruthFile {
    title: String,
    authors: Vec<String>,
    date: String,
    printed_date: String,
    series: String,
    paragraphs: Vec<String>,
    headings: Vec<String>,
    footnotes: Vec<String>,
    furniture: Vec<String>,
    page_numbers: bool,
}

/// Scores every `NAME.pdf` under `dir` against its `NAME.json` (a real
/// producer's PDFs: `node tests/browser/pdf_corpus.mjs DIR` prints them
/// with Chromium, `node bench/latex_corpus.mjs DIR` with pdfTeX), beside
/// `pdftotext` on the same files.
fn truth_dir(dir: &Path) {
    let scratch = std::env::temp_dir().join(format!("score_pdfs_truth_{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("temp dir");
    let (mut ours, mut poppler) = (Totals::default(), Totals::default());
    let (mut pages, mut reading_time) = (0, Duration::ZERO);
    let mut files = walk(dir);
    files.sort();
    for file in files {
        let json = std::fs::read_to_string(file.with_extension("json"))
            .unwrap_or_else(|e| panic!("{}: no truth file beside it: {e}", file.display()));
        let t: TruthFile = serde_json::from_str(&json).expect("truth JSON");
        let bytes = std::fs::read(&file).expect("readable PDF");
        let start = Instant::now();
        let reading = read_pdf(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        reading_time += start.elapsed();
        let printed_pages = reading.source.pages.unwrap_or(1);
        pages += printed_pages;
        let mut furniture = t.furniture;
        if t.page_numbers && printed_pages > 1 {
            furniture.extend((1..=printed_pages).map(|p| p.to_string()));
        }
        let briefing = pdf::typeset::Briefing {
            title: t.title,
            authors: t.authors,
            printed_date: t.printed_date,
            date: t.date,
            series: t.series,
            blocks: Vec::new(),
        };
        let truth = pdf::typeset::Truth {
            paragraphs: t.paragraphs,
            headings: t.headings,
            furniture,
            footnotes: t.footnotes,
            pages: printed_pages,
        };
        let s = score(&reading, &briefing, &truth);
        show(&file.display().to_string(), &s, &reading, &truth);
        ours.add(&s);
        if let Some(text) = pdftotext(&scratch, &bytes) {
            let reading = Extracted {
                text,
                ..Extracted::default()
            };
            poppler.add(&score(&reading, &briefing, &truth));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!("| reader | PDFs | furniture leaked | paragraphs whole | body F1 | title | authors | date |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    ours.row("dossier", true);
    if poppler.docs > 0 {
        poppler.row("pdftotext", false);
    }
    println!(
        "\nspeed: {pages} pages in {:.3} s on one core = {:.0} pages/s",
        reading_time.as_secs_f64(),
        pages as f64 / reading_time.as_secs_f64()
    );
}
