//! Writing the site: every page and static file goes to a temporary folder
//! beside the output folder, which replaces the old site only once all of it
//! is written. A failed or interrupted build leaves the previous site as it
//! was, and Dossier never deletes a folder it did not create. Files whose
//! bytes did not change are hard-linked from the previous site, not written.
//! One process at a time writes an output folder ([`OutputLock`]).

use std::fs;
use std::path::Path;

use include_dir::{include_dir, Dir};

use crate::diagnostics::{display_path, Diagnostic};
use crate::model::page::Page;

mod lock;
mod marker;
mod place;
mod spare;
mod staging;
mod swap;

pub use lock::{Holder, OutputLock};
pub use marker::MARKER;
pub use place::{check_output_folder, normalise};
pub use staging::Staging;

static BUILTIN_STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// The built-in static files, then the site's own `static/` files over them.
pub fn static_files(site_static: &Path) -> Result<Vec<Page>, Diagnostic> {
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = std::collections::BTreeMap::new();
    collect_builtin(&BUILTIN_STATIC, &mut files);
    if site_static.is_dir() {
        for entry in walkdir::WalkDir::new(site_static).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::error(
                    site_static.to_path_buf(),
                    format!("cannot read static files: {e}"),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = crate::diagnostics::slash_path(
                entry
                    .path()
                    .strip_prefix(site_static)
                    .unwrap_or(entry.path()),
            );
            if relative.starts_with('.') || relative.ends_with("README.md") {
                continue;
            }
            let bytes = fs::read(entry.path()).map_err(|e| {
                Diagnostic::error(entry.path().to_path_buf(), format!("failed to read: {e}"))
            })?;
            files.insert(format!("static/{relative}"), bytes);
        }
    }
    Ok(files
        .into_iter()
        .map(|(path, bytes)| Page { path, bytes })
        .collect())
}

fn collect_builtin(dir: &Dir<'_>, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        let path = crate::diagnostics::slash_path(file.path());
        if !path.ends_with("README.md") {
            out.insert(format!("static/{path}"), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, out);
    }
}

/// GitHub Pages refuses to publish a site larger than this (1 GB).
pub const GITHUB_PAGES_LIMIT: u64 = 1_000_000_000;

/// How many bytes a written site takes: in all, and per top-level file or
/// folder (`briefings`, `entities`, `kb.json`, …).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SiteSize {
    pub total: u64,
    pub parts: std::collections::BTreeMap<String, u64>,
}

/// What to do when the folder that holds the output folder is not writable.
fn writable_parent_help(out: &Path) -> String {
    let parent = out.parent().unwrap_or(out);
    format!(
        "Dossier writes the new site, and a lock file, beside the output folder: make {} writable, or choose another folder with --out",
        display_path(parent)
    )
}

/// A mutex's value, also after a panic on another thread.
fn lock_value<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl SiteSize {
    /// Counts a file of `bytes` at `path` (relative to the site root).
    pub fn add(&mut self, path: &str, bytes: u64) {
        let part = path.split('/').next().unwrap_or(path);
        match self.parts.get_mut(part) {
            Some(total) => *total += bytes,
            None => {
                self.parts.insert(part.to_string(), bytes);
            }
        }
        self.total += bytes;
    }

    /// The largest parts, largest first (ties in name order).
    pub fn largest(&self, count: usize) -> Vec<(&str, u64)> {
        let mut parts: Vec<(&str, u64)> =
            self.parts.iter().map(|(p, &n)| (p.as_str(), n)).collect();
        parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        parts.truncate(count);
        parts
    }

    /// A warning when the site is too large for GitHub Pages, naming its
    /// largest folders and the settings (not already in `config`) that
    /// shrink them.
    pub fn warning(&self, out: &Path, config: &crate::config::Config) -> Option<Diagnostic> {
        if self.total <= GITHUB_PAGES_LIMIT {
            return None;
        }
        let largest = self.largest(3);
        let listed: Vec<String> = largest
            .iter()
            .map(|(part, n)| format!("{} {}", shown_part(part), human_bytes(*n)))
            .collect();
        let settings: Vec<&str> = largest
            .iter()
            .filter_map(|(part, _)| shrinking_setting(part, config))
            .collect();
        let elsewhere = "or publish to an object store with a CDN (S3, R2, GCS), which has no \
                         such limit: see docs/publishing.md";
        let help = if settings.is_empty() {
            format!("no further setting shrinks these folders; split the briefings into several sites, {elsewhere}")
        } else {
            format!(
                "under [dossier] in book.toml, {}; {elsewhere}",
                settings.join("; ")
            )
        };
        let message = format!(
            "the site is {}: GitHub Pages refuses sites over 1 GB; largest: {}",
            human_bytes(self.total),
            listed.join(", ")
        );
        Some(Diagnostic::warning(out.to_path_buf(), message).help(help))
    }
}

/// `briefings` → `briefings/`, `kb.json` as it is.
fn shown_part(part: &str) -> String {
    if part.contains('.') {
        part.to_string()
    } else {
        format!("{part}/")
    }
}

/// The `book.toml` setting that shrinks a top-level folder, unless there is
/// none or `config` already has it.
fn shrinking_setting(part: &str, config: &crate::config::Config) -> Option<&'static str> {
    use crate::config::LinkMentions;
    match part {
        "entities" if config.sentences_per_briefing > 0 => Some(
            "`sentences-per-briefing = 0` shrinks entities/ (\"Mentioned in\" lists without quoted sentences)",
        ),
        "briefings" if config.link_mentions != LinkMentions::FirstPerBriefing => Some(
            "`link-mentions = \"first-per-briefing\"` shrinks briefings/ (each entity linked once per briefing)",
        ),
        "kb.json" if config.kb_json == crate::config::KbJsonOutput::Plain => Some(
            "`kb-json = \"gzip\"` shrinks kb.json to about a tenth (`\"none\"` leaves it out)",
        ),
        "topics" if config.builtin_topics => Some(
            "`builtin-topics = false` shrinks topics/ (only topics from front matter and notes)",
        ),
        _ => None,
    }
}

/// Bytes in decimal units, as GitHub states its limit: `343.7 MB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> crate::config::Config {
        crate::config::Config::defaults(Path::new("site"))
    }

    fn size(parts: &[(&str, u64)]) -> SiteSize {
        SiteSize {
            total: parts.iter().map(|p| p.1).sum(),
            parts: parts.iter().map(|&(p, n)| (p.to_string(), n)).collect(),
        }
    }

    #[test]
    fn a_site_under_one_gigabyte_gets_no_warning() {
        let small = size(&[
            ("briefings", 600_000_000),
            ("kb.json", GITHUB_PAGES_LIMIT - 600_000_000),
        ]);
        assert_eq!(small.total, GITHUB_PAGES_LIMIT);
        assert!(small.warning(Path::new("book"), &defaults()).is_none());
    }

    #[test]
    fn a_site_over_one_gigabyte_names_its_largest_folders_and_settings() {
        let big = size(&[
            ("briefings", 1_458_733_431),
            ("entities", 1_001_539_177),
            ("kb.json", 279_560_995),
            ("topics", 164_328_931),
            ("search", 24_726_450),
        ]);
        let warning = big
            .warning(Path::new("book"), &defaults())
            .expect("a warning");
        assert!(!warning.is_error());
        assert_eq!(
            warning.message,
            "the site is 2.9 GB: GitHub Pages refuses sites over 1 GB; largest: \
             briefings/ 1.5 GB, entities/ 1.0 GB, kb.json 279.6 MB"
        );
        let help = warning.help.unwrap();
        assert!(help.contains("sentences-per-briefing = 0"), "{help}");
        assert!(help.contains("kb-json = \"gzip\""), "{help}");
        assert!(help.contains("object store"), "{help}");
        assert!(
            help.contains("link-mentions = \"first-per-briefing\""),
            "{help}"
        );
        assert!(
            !help.contains("builtin-topics"),
            "only the largest folders: {help}"
        );

        let mut config = defaults();
        config.sentences_per_briefing = 0;
        config.link_mentions = crate::config::LinkMentions::FirstPerBriefing;
        config.kb_json = crate::config::KbJsonOutput::Gzip;
        let help = big
            .warning(Path::new("book"), &config)
            .unwrap()
            .help
            .unwrap();
        assert!(
            !help.contains("sentences-per-briefing") && !help.contains("link-mentions"),
            "settings already in effect are not suggested: {help}"
        );
        assert!(help.contains("no further setting"), "{help}");
    }

    #[test]
    fn bytes_are_shown_in_decimal_units() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(343_747_113), "343.7 MB");
        assert_eq!(human_bytes(999_990_000), "1.0 GB");
        assert_eq!(human_bytes(2_955_062_196), "3.0 GB");
    }
}
