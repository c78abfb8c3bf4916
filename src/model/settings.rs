//! The settings a stage reads, typed: each stage takes what it needs from
//! `book.toml`, not the whole `Config` (`Config` hands them out).

use std::collections::BTreeMap;
use std::path::Path;

/// What extraction reads from the settings.
#[derive(Debug, Clone, Copy)]
pub struct ExtractSettings<'a> {
    /// Found names less certain than this are held back as candidates.
    pub confidence_threshold: f32,
    /// Whether the built-in policy topics are assigned.
    pub builtin_topics: bool,
    /// Built-in topic name → the name the site gives it.
    pub rename_topics: &'a BTreeMap<String, String>,
}

/// What ingest reads from the settings.
#[derive(Debug, Clone, Copy)]
pub struct IngestSettings<'a> {
    /// The site folder, where symbolic links under the seeds may lead.
    pub root: &'a Path,
    pub seeds_dir: &'a Path,
    pub include_drafts: bool,
    /// The largest source file read, in bytes; a larger one is an error.
    pub max_file_size: u64,
}
