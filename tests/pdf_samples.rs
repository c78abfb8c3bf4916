//! Every real PDF in `../shared/corpora/pdf-samples` (31 files from many
//! producers) reads to text or fails with a clear one-line error; none
//! panics. The counts below are recorded minimums: the test fails if fewer
//! files read.

use std::path::{Path, PathBuf};

use dossier::ingest::pdf::{read_pdf, PdfError};

fn corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/pdf-samples");
    assert!(
        dir.join("files.json").is_file(),
        "the pdf-samples corpus is expected at {} (see ../shared/corpora/README.md)",
        dir.display()
    );
    dir
}

/// The files `files.json` lists, with whether each is encrypted.
fn listed(dir: &Path) -> Vec<(String, bool)> {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("files.json")).unwrap()).unwrap();
    json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["encrypted"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

#[test]
fn every_sample_reads_or_fails_with_a_clear_one_line_error() {
    let dir = corpus();
    let files = listed(&dir);
    assert!(files.len() >= 25, "files.json lists {} files", files.len());
    let mut read = 0;
    for (path, encrypted) in &files {
        let Ok(bytes) = std::fs::read(dir.join(path)) else {
            eprintln!("{path}: listed in files.json but not readable here; skipped");
            continue;
        };
        match read_pdf(&bytes) {
            Ok(reading) => {
                read += 1;
                assert!(!reading.text.trim().is_empty(), "{path}: empty text");
                assert_eq!(reading.source.format, "pdf");
            }
            Err(error) => {
                let message = error.to_string();
                assert!(
                    !message.contains('\n') && message.len() < 200,
                    "{path}: {message}"
                );
                if *encrypted {
                    assert_eq!(error, PdfError::Encrypted, "{path}");
                }
            }
        }
    }
    eprintln!("{read} of {} samples read", files.len());
    assert!(
        read >= MIN_READ,
        "only {read} of {} samples read (recorded minimum {MIN_READ})",
        files.len()
    );
}

/// Recorded: how many of the samples read to text today.
const MIN_READ: usize = 24;
