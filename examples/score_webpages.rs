//! Scores Dossier's web-page reader on `../shared/corpora/readability-pages/`:
//! article-text F1 on 4-gram word shingles against `expected.html`, title,
//! byline and date accuracy against `expected-metadata.json`, and speed.
//!
//! ```sh
//! cargo run --release --example score_webpages [-- --pages] [-- --rounds N]
//! ```
//! `--pages` prints each page's F1, worst first, and each title, byline
//! and date that differs from the expected one. Speed is the CPU time of
//! one thread over `--rounds` passes (default 3), so other work on the
//! machine does not skew it (wall time where Linux's per-thread counter is
//! missing).

#[path = "../tests/support/webpage_score.rs"]
mod webpage_score;

use std::path::Path;
use std::time::Instant;

use webpage_score::{cases, corpus_dir, markdown_text, Totals};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_page = args.iter().any(|a| a == "--pages");
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(3);
    let dir = corpus_dir().unwrap_or_else(|message| {
        eprintln!("{message}");
        std::process::exit(2)
    });
    let cases = cases(&dir);
    let mut totals = Totals::default();
    let mut scores = Vec::new();
    for case in &cases {
        let path = Path::new(&case.name).join("source.html");
        let (text, title, authors, date) = match dossier::ingest::html::read(&path, &case.source) {
            Ok(read) => (
                markdown_text(&read.text),
                read.title,
                read.authors,
                read.date,
            ),
            Err(problem) => {
                eprintln!("{problem}");
                Default::default()
            }
        };
        let before = totals.clone();
        let f1 = totals.add(case, &text, title.as_deref(), &authors, date.as_deref());
        scores.push((f1, case.name.as_str()));
        if per_page {
            print_misses(case, &before, &totals, (&title, &authors, &date));
        }
    }
    if per_page {
        scores.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f1, name) in &scores {
            println!("{f1:.3}  {name}");
        }
    }
    let start = (Instant::now(), thread_cpu_seconds());
    for _ in 0..rounds {
        for case in &cases {
            let _ = dossier::ingest::html::read(Path::new(&case.name), &case.source);
        }
    }
    let seconds = match (start.1, thread_cpu_seconds()) {
        (Some(from), Some(to)) => to - from,
        _ => start.0.elapsed().as_secs_f64(),
    };
    let speed = (rounds * cases.len()) as f64 / seconds;
    let share = |pair: (usize, usize)| {
        format!(
            "{:.1}% ({}/{})",
            100.0 * Totals::share(pair),
            pair.0,
            pair.1
        )
    };
    println!("pages           {}", totals.pages);
    println!("article F1      {:.4}", totals.f1());
    println!("title           {}", share(totals.titles));
    println!("byline          {}", share(totals.bylines));
    println!("date            {}", share(totals.dates));
    println!("speed           {speed:.0} pages/s on one core");
}

/// The CPU time this thread has run, from Linux's scheduler statistics.
fn thread_cpu_seconds() -> Option<f64> {
    let stats = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = stats.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

type Found<'a> = (&'a Option<String>, &'a Vec<String>, &'a Option<String>);

/// Prints the metadata of `case` that the reader got wrong.
fn print_misses(case: &webpage_score::Case, before: &Totals, after: &Totals, found: Found) {
    let (title, authors, date) = found;
    let missed = |b: (usize, usize), a: (usize, usize)| a.1 > b.1 && a.0 == b.0;
    if missed(before.titles, after.titles) {
        println!("  title  {}: {title:?} ≠ {:?}", case.name, case.title);
    }
    if missed(before.bylines, after.bylines) {
        println!("  byline {}: {authors:?} ≠ {:?}", case.name, case.byline);
    }
    if missed(before.dates, after.dates) {
        println!("  date   {}: {date:?} ≠ {:?}", case.name, case.date);
    }
}
