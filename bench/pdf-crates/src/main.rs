//! Measures the PDF text crates Dossier could build on, file by file, each in
//! a child process of its own (so a panic, a hang or a memory blow-up is
//! counted, not fatal): files read, errors, panics, time-outs, pages a second,
//! peak memory, and the words each gets against poppler's `pdftotext`.
//!
//! cargo run --release [-- DIR...]   (default: ../../../shared/corpora/pdf-samples)

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CRATES: [&str; 3] = ["pdf_oxide", "pdf-extract", "lopdf"];
const TIME_LIMIT: Duration = Duration::from_secs(30);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("one") {
        return one(&args[1], Path::new(&args[2]));
    }
    let dirs: Vec<PathBuf> = if args.is_empty() {
        vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/pdf-samples")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    let files = pdf_files(&dirs);
    eprintln!("{} PDF files", files.len());
    let reference: Vec<Option<String>> = files.iter().map(|f| pdftotext(f)).collect();
    println!("| crate | read | error | panic | time-out | pages | pages/s | max RSS MB | words vs pdftotext (F1) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for name in CRATES {
        let mut tally = Tally::default();
        for (file, reference) in files.iter().zip(&reference) {
            let run = run_child(name, file);
            let f1 = reference
                .as_deref()
                .map(|r| format!("{:.3}", word_f1(&run.text, r)));
            eprintln!(
                "{name:12} {:>8} {:>6} ms {:>5} MB F1 {:>5} {}",
                run.outcome,
                run.millis,
                run.rss_mb,
                f1.unwrap_or_else(|| "-".into()),
                file.strip_prefix(&dirs[0]).unwrap_or(file).display()
            );
            tally.add(&run, reference.as_deref());
        }
        tally.print(name);
    }
}

fn pdf_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// poppler's text, the reference for which words a page holds.
fn pdftotext(file: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && !text.trim().is_empty()).then_some(text)
}

struct Run {
    outcome: &'static str,
    millis: u128,
    rss_mb: u64,
    pages: usize,
    text: String,
}

/// Runs `one CRATE FILE` under `/usr/bin/time` with a time limit.
fn run_child(name: &str, file: &Path) -> Run {
    let me = std::env::current_exe().expect("own path");
    let rss_file = std::env::temp_dir().join(format!("pdf-crates-rss-{}", std::process::id()));
    let start = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&rss_file)
        .arg(&me)
        .args(["one", name])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let mut outcome = "read";
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            if !status.success() {
                outcome = if status.code() == Some(3) {
                    "error"
                } else {
                    "panic"
                };
            }
            break;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            outcome = "time-out";
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let millis = start.elapsed().as_millis();
    let out = reader.join().unwrap_or_default();
    let (pages, text) = out.split_once('\n').unwrap_or(("0", ""));
    let rss_kb: u64 = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    let _ = std::fs::remove_file(&rss_file);
    Run {
        outcome,
        millis,
        rss_mb: rss_kb / 1024,
        pages: pages.trim().parse().unwrap_or(0),
        text: text.to_string(),
    }
}

#[derive(Default)]
struct Tally {
    counts: HashMap<&'static str, usize>,
    pages: usize,
    millis: u128,
    max_rss: u64,
    f1_sum: f64,
    f1_n: usize,
}

impl Tally {
    fn add(&mut self, run: &Run, reference: Option<&str>) {
        *self.counts.entry(run.outcome).or_default() += 1;
        self.max_rss = self.max_rss.max(run.rss_mb);
        if run.outcome != "read" {
            return;
        }
        self.pages += run.pages;
        self.millis += run.millis;
        if let Some(reference) = reference {
            self.f1_sum += word_f1(&run.text, reference);
            self.f1_n += 1;
        }
    }

    fn print(&self, name: &str) {
        let count = |k| self.counts.get(k).copied().unwrap_or(0);
        let rate = self.pages as f64 / (self.millis.max(1) as f64 / 1000.0);
        let f1 = self.f1_sum / self.f1_n.max(1) as f64;
        println!(
            "| {name} | {} | {} | {} | {} | {} | {rate:.0} | {} | {f1:.3} (n={}) |",
            count("read"),
            count("error"),
            count("panic"),
            count("time-out"),
            self.pages,
            self.max_rss,
            self.f1_n
        );
    }
}

/// F1 of the multiset of words (letters and digits only) against the reference.
fn word_f1(text: &str, reference: &str) -> f64 {
    let bag = |s: &str| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *m.entry(w.to_lowercase()).or_default() += 1;
        }
        m
    };
    let (got, want) = (bag(text), bag(reference));
    let common: i64 = got
        .iter()
        .map(|(w, n)| (*n).min(*want.get(w).unwrap_or(&0)))
        .sum();
    let (g, w): (i64, i64) = (got.values().sum(), want.values().sum());
    if g == 0 || w == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / g as f64, common as f64 / w as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Child mode: extract with one crate; print the page count, a newline, the text.
/// Exit 3 on an error the crate reports; a panic exits 101.
fn one(name: &str, file: &Path) {
    let bytes = std::fs::read(file).expect("read file");
    let result = match name {
        "pdf_oxide" => with_pdf_oxide(bytes),
        "pdf-extract" => with_pdf_extract(&bytes),
        "lopdf" => with_lopdf(&bytes),
        other => panic!("unknown crate {other}"),
    };
    match result {
        Ok((pages, text)) => println!("{pages}\n{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(3)
        }
    }
}

fn with_pdf_oxide(bytes: Vec<u8>) -> Result<(usize, String), String> {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(|e| e.to_string())?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err("encrypted".into());
    }
    let pages = doc.page_count().map_err(|e| e.to_string())?;
    let mut text = String::new();
    for page in 0..pages {
        text.push_str(&doc.extract_text(page).map_err(|e| e.to_string())?);
        text.push('\n');
    }
    Ok((pages, text))
}

fn with_pdf_extract(bytes: &[u8]) -> Result<(usize, String), String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages = doc.get_pages().len();
    let text = pdf_extract::extract_text_from_mem(bytes).map_err(|e| e.to_string())?;
    Ok((pages, text))
}

fn with_lopdf(bytes: &[u8]) -> Result<(usize, String), String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&numbers).map_err(|e| e.to_string())?;
    Ok((numbers.len(), text))
}
