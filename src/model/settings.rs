//! The settings a stage reads, typed: each stage takes what it needs from
//! `book.toml`, not the whole `Config` (`Config` hands them out).

use std::collections::BTreeMap;

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
