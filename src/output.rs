//! Writing the site: every page and static file goes to a temporary folder
//! beside the output folder, which replaces the old site only once all of it
//! is written. A failed or interrupted build leaves the previous site as it
//! was, and Dossier never deletes a folder it did not create. Files whose
//! bytes did not change are hard-linked from the previous site, not written.

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::diagnostics::Diagnostic;
use crate::render::Page;

static BUILTIN_STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// The file that marks a folder as Dossier's own output.
pub const MARKER: &str = ".dossier-build";

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
            let relative = crate::diagnostics::display_path(
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
        let path = crate::diagnostics::display_path(file.path());
        if !path.ends_with("README.md") {
            out.insert(format!("static/{path}"), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, out);
    }
}

/// Checks that `out` may be written (and replaced) by a build of `root`.
pub fn check_output_folder(root: &Path, out: &Path, protected: &[&Path]) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let out_abs = absolute(out);
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            out.to_path_buf(),
            format!("refusing to use this output folder: {why}"),
        )
        .help("choose another folder with --out or `[build] build-dir`"))
    };
    if out_abs.parent().is_none()
        || out_abs == absolute(root)
        || absolute(root).starts_with(&out_abs)
    {
        return refuse("it is the site folder or contains it");
    }
    for folder in protected {
        if out_abs == absolute(folder) {
            return refuse("it is one of the site's source folders");
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse("it exists and is not a folder");
    }
    if out.is_dir() && !out.join(MARKER).exists() && !is_empty_dir(out) {
        return refuse("it holds files Dossier did not create; empty or remove it first");
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false)
}

/// A site being written: pages go into a staging folder beside the output
/// folder as they are rendered, and [`Staging::commit`] swaps it in. Dropped
/// without a commit (a failed build), it removes the staging folder and the
/// previous site stays as it was.
pub struct Staging {
    staging: PathBuf,
    out: PathBuf,
    made: std::sync::Mutex<std::collections::BTreeSet<PathBuf>>,
    /// Removes the site the previous build replaced, while this one renders.
    cleaner: Option<std::thread::JoinHandle<Result<(), Diagnostic>>>,
    committed: bool,
    /// Bytes of the pages written so far.
    size: std::sync::Mutex<SiteSize>,
}

impl Staging {
    /// Starts writing a new site for `out`.
    pub fn begin(out: &Path) -> Result<Staging, Diagnostic> {
        let staging = sibling(out, "building");
        remove_if_ours(&staging)?;
        create_dir(&staging)?;
        let marker = staging.join(MARKER);
        fs::write(
            &marker,
            b"This folder was written by dossier build; it may be replaced on the next build.\n",
        )
        .map_err(|e| Diagnostic::error(marker.clone(), format!("failed to write: {e}")))?;
        let old = sibling(out, "old");
        let cleaner = std::thread::spawn(move || remove_if_ours(&old));
        Ok(Staging {
            staging,
            out: out.to_path_buf(),
            made: Default::default(),
            cleaner: Some(cleaner),
            committed: false,
            size: Default::default(),
        })
    }

    /// The size of the pages written so far.
    pub fn size(&self) -> SiteSize {
        lock(&self.size).clone()
    }

    /// Writes one page; safe to call from several threads.
    pub fn write(&self, page: &Page) -> Result<(), Diagnostic> {
        let path = self.staging.join(&page.path);
        if let Some(parent) = path.parent() {
            // The lock is held while the folder is made, so no other thread
            // writes into it before it exists.
            let mut made = lock(&self.made);
            if !made.contains(parent) {
                create_dir(parent)?;
                made.insert(parent.to_path_buf());
            }
        }
        if !self.link_if_unchanged(page, &path) {
            fs::write(&path, &page.bytes)
                .map_err(|e| Diagnostic::error(path.clone(), format!("failed to write: {e}")))?;
        }
        lock(&self.size).add(&page.path, page.bytes.len() as u64);
        Ok(())
    }

    /// When the previous site has this file with the same bytes, links it
    /// into the new site instead of writing it again: a rebuild writes only
    /// what changed, and the old site, removed after the swap, frees only
    /// the files that did change. Any failure falls back to writing.
    fn link_if_unchanged(&self, page: &Page, path: &Path) -> bool {
        let old = self.out.join(&page.path);
        let same_length = fs::symlink_metadata(&old)
            .map(|m| m.is_file() && m.len() == page.bytes.len() as u64)
            .unwrap_or(false);
        same_length
            && fs::read(&old).is_ok_and(|bytes| bytes == page.bytes)
            && fs::hard_link(&old, path).is_ok()
    }

    /// Moves the finished site into place.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.finish_cleaning()?;
        let result = swap_in(&self.staging, &self.out);
        self.committed = result.is_ok();
        result
    }

    /// Waits for the previous build's removal, started by [`Staging::begin`].
    fn finish_cleaning(&mut self) -> Result<(), Diagnostic> {
        match self.cleaner.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(Diagnostic::error(
                sibling(&self.out, "old"),
                "internal error while removing the previous build",
            )),
            None => Ok(()),
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = self.finish_cleaning();
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// `book` → `.book.building` beside it, on the same file system.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into());
    out.with_file_name(format!(".{name}.{what}"))
}

/// Removes a leftover staging folder from an interrupted build, but only if
/// it carries our marker.
fn remove_if_ours(path: &Path) -> Result<(), Diagnostic> {
    if !path.exists() {
        return Ok(());
    }
    if !path.join(MARKER).exists() {
        return Err(Diagnostic::error(
            path.to_path_buf(),
            "a folder Dossier needs for staging already exists and is not Dossier's",
        )
        .help("move or remove it"));
    }
    fs::remove_dir_all(path)
        .map_err(|e| Diagnostic::error(path.to_path_buf(), format!("failed to remove: {e}")))
}

fn create_dir(path: &Path) -> Result<(), Diagnostic> {
    fs::create_dir_all(path)
        .map_err(|e| Diagnostic::error(path.to_path_buf(), format!("failed to create folder: {e}")))
}

/// Moves the finished site into place: old out aside, new in. The old site
/// stays beside it as `.NAME.old` (sharing every unchanged file by hard link)
/// until the next build removes it while it renders.
fn swap_in(staging: &Path, out: &Path) -> Result<(), Diagnostic> {
    let old = sibling(out, "old");
    remove_if_ours(&old)?;
    if out.exists() {
        fs::rename(out, &old).map_err(|e| {
            Diagnostic::error(
                out.to_path_buf(),
                format!("failed to move the old site aside: {e}"),
            )
        })?;
    }
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(Diagnostic::error(
            out.to_path_buf(),
            format!("failed to move the new site into place: {e}"),
        ));
    }
    Ok(())
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

/// A mutex's value, also after a panic on another thread.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
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
        "kb.json" => Some(
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
