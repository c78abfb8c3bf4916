//! Reading a born-digital PDF as a briefing: text runs with their positions
//! and fonts (from `source`) go through layout analysis (running furniture
//! out, columns in order, blocks, headings, boxes, footnotes) into the
//! [`Extracted`] record every format reader hands to ingest.

mod accents;
mod blocks;
mod columns;
mod furniture;
mod gutters;
mod lines;
mod markdown;
mod meta;
mod source;

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use super::extracted::{Extracted, SourceInfo};
use crate::diagnostics::Diagnostic;

/// Why a PDF could not be read, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    Encrypted,
    NoTextLayer,
    Broken(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Encrypted => write!(
                f,
                "encrypted: needs a password, not supported (save an unprotected copy)"
            ),
            PdfError::NoTextLayer => write!(
                f,
                "no text layer: scanned PDF? (OCR is not supported; run OCR on it first)"
            ),
            PdfError::Broken(why) => write!(f, "broken PDF: {why}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// Reads the PDF file at `path` (its `bytes`) as a briefing, or says why
/// not, naming the file and what to do.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Extracted, Diagnostic> {
    read_pdf(bytes).map_err(|error| {
        let help = match error {
            PdfError::Encrypted => "save a copy without a password and put that in the seeds folder",
            PdfError::NoTextLayer => "run OCR on it (e.g. ocrmypdf) and use the result, or move it out of the seeds folder",
            PdfError::Broken(_) => "open and save it again from a PDF viewer, or move it out of the seeds folder",
        };
        Diagnostic::error(path.to_path_buf(), error.to_string()).help(help)
    })
}

/// How long one file may take before it is given up as broken: a parser
/// caught in a loop on a hostile file must not hang the build.
const DEADLINE: Duration = Duration::from_secs(60);

/// Reads a PDF file's bytes as a briefing. Never panics: a parser failure
/// comes back as [`PdfError::Broken`], and so does a file that takes longer
/// than a minute (read on a worker thread, which is left to finish alone).
pub fn read_pdf(bytes: &[u8]) -> Result<Extracted, PdfError> {
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Broken("no %PDF- header: not a PDF file".into()));
    }
    let owned = bytes.to_vec();
    let (send, receive) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("pdf reader".into())
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| read_unguarded(&owned)));
            let _ = send.send(result);
        });
    if worker.is_err() {
        return Err(PdfError::Broken("could not start a reader thread".into()));
    }
    match receive.recv_timeout(DEADLINE) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(PdfError::Broken(
            "the PDF parser failed on this file".into(),
        )),
        Err(RecvTimeoutError::Timeout) => Err(PdfError::Broken(format!(
            "reading took longer than {} s; given up",
            DEADLINE.as_secs()
        ))),
    }
}

fn read_unguarded(bytes: &[u8]) -> Result<Extracted, PdfError> {
    let doc = source::open(bytes)?;
    let info = source::doc_info(&doc);
    let mut warnings = Vec::new();
    if info.page_count > source::MAX_PAGES {
        warnings.push(format!(
            "only the first {} of {} pages were read",
            source::MAX_PAGES,
            info.page_count
        ));
    }
    let mut pages = Vec::new();
    for index in 0..info.page_count.min(source::MAX_PAGES) {
        match source::page_text(&doc, index) {
            Ok(page) => pages.push(page),
            Err(PdfError::Encrypted) => return Err(PdfError::Encrypted),
            Err(error) => {
                warnings.push(format!("page {}: {error}", index + 1));
                pages.push(source::PageText::default());
            }
        }
    }
    if pages.iter().all(|p| p.runs.is_empty()) {
        return Err(if info.page_count == 0 {
            PdfError::Broken("no pages".into())
        } else {
            PdfError::NoTextLayer
        });
    }
    let mut extracted = layout(&pages, &info, &mut warnings);
    extracted.source = SourceInfo {
        format: "pdf".into(),
        pages: Some(info.page_count),
        producer: info.producer.clone().filter(|p| !p.is_empty()),
    };
    extracted.warnings = warnings;
    Ok(extracted)
}

/// Layout analysis proper: from positioned runs to the briefing.
fn layout(
    pages: &[source::PageText],
    info: &source::DocInfo,
    warnings: &mut Vec<String>,
) -> Extracted {
    let mut page_lines: Vec<Vec<lines::Line>> = lines::document_lines(pages);
    let found = furniture::remove(&mut page_lines, pages);
    let ordered: Vec<Vec<Vec<lines::Line>>> =
        page_lines.into_iter().map(columns::reading_order).collect();
    let mut document = blocks::build(ordered);
    let metadata = meta::take(&mut document, info, &found, warnings);
    Extracted {
        title: metadata.title,
        authors: metadata.authors,
        date: metadata.date,
        series: metadata.series,
        summary: None,
        text: markdown::render(&document),
        ..Extracted::default()
    }
}
