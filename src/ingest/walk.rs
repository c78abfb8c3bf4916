//! Finding the sources under the seeds folder: walked in sorted order,
//! each file classified as a briefing or a note, with symbolic links kept
//! inside the site folder and what cannot be read reported.

use std::path::{Path, PathBuf};

use super::formats::{self, Format};
use super::Kind;
use crate::diagnostics::Diagnostic;
use crate::model::settings::IngestSettings;

/// Sorted list of source files with their kind; unreadable folders and
/// symlink loops are reported, other files are skipped with a warning, and so
/// are symbolic links that lead out of the site folder ([`SiteBounds`]).
pub(super) fn walk(
    settings: IngestSettings,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Kind, PathBuf)> {
    let seeds_dir = settings.seeds_dir;
    if !seeds_dir.is_dir() {
        problems.push(
            Diagnostic::error(seeds_dir.to_path_buf(), "the seeds folder does not exist").help(
                "create it and put briefings (.md, .txt or .html) in it, or set `[book] src` in book.toml",
            ),
        );
        return Vec::new();
    }
    let bounds = SiteBounds::new(settings);
    let mut outside = Vec::new();
    let mut found = Vec::new();
    let walker = walkdir::WalkDir::new(seeds_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || (!e.file_name().to_string_lossy().starts_with('.')
                    && bounds.admits(e, &mut outside))
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                if let Some(kind) = classify(seeds_dir, entry.path(), problems) {
                    found.push((kind, entry.into_path()));
                }
            }
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => problems.push(
                Diagnostic::warning(
                    entry.into_path(),
                    "skipped: not a regular file (a FIFO, socket or device)",
                )
                .help("only .md and .txt files are read; move it out of the seeds folder"),
            ),
            Err(e) => problems.push(walk_error(seeds_dir, &e)),
        }
    }
    problems.extend(outside);
    found
}

/// Where symbolic links under the seeds folder may lead: into the site folder
/// (the one holding book.toml) or the seeds folder. A link that leads
/// anywhere else (`seeds/leak.txt -> /etc/passwd`) is skipped with a warning,
/// so a committed link never publishes the files of the machine that builds.
struct SiteBounds {
    inside: Vec<PathBuf>,
}

impl SiteBounds {
    fn new(settings: IngestSettings) -> SiteBounds {
        let inside = [settings.root, settings.seeds_dir]
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        SiteBounds { inside }
    }

    /// Whether to read `entry`; a link leading outside is reported in `outside`.
    fn admits(&self, entry: &walkdir::DirEntry, outside: &mut Vec<Diagnostic>) -> bool {
        if !entry.path_is_symlink() {
            return true;
        }
        // A link that cannot be resolved is left to the walk, which reports it.
        let Ok(target) = std::fs::canonicalize(entry.path()) else {
            return true;
        };
        if self.inside.iter().any(|dir| target.starts_with(dir)) {
            return true;
        }
        outside.push(
            Diagnostic::warning(
                entry.path().to_path_buf(),
                "skipped: a symbolic link that leads out of the site folder",
            )
            .help("copy the file into the site folder, or point the link at a file inside it"),
        );
        false
    }
}

fn walk_error(seeds_dir: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error.path().unwrap_or(seeds_dir).to_path_buf();
    if error.loop_ancestor().is_some() {
        return Diagnostic::error(path, "symbolic link loop")
            .help("remove the link that points back into one of its own parent folders");
    }
    if error.io_error().is_some_and(is_link_cycle) {
        return Diagnostic::error(path, "symbolic link loop: the links point at each other")
            .help("remove one of the links, or point it at a real file or folder");
    }
    Diagnostic::error(
        path,
        format!(
            "cannot read: {}",
            error
                .io_error()
                .map_or(error.to_string(), |e| e.to_string())
        ),
    )
    .help("check that the folder exists and is readable")
}

/// ELOOP: a chain of symbolic links that never reaches a real file.
fn is_link_cycle(error: &std::io::Error) -> bool {
    const ELOOP: i32 = if cfg!(any(target_os = "linux", target_os = "android")) {
        40
    } else {
        62 // macOS and the BSDs
    };
    cfg!(unix) && error.raw_os_error() == Some(ELOOP)
}

/// Whether `path`, under `seeds_dir`, is read as a briefing.
pub fn is_briefing(seeds_dir: &Path, path: &Path) -> bool {
    matches!(
        classify(seeds_dir, path, &mut Vec::new()),
        Some(Kind::Briefing)
    )
}

fn classify(seeds_dir: &Path, path: &Path, problems: &mut Vec<Diagnostic>) -> Option<Kind> {
    let relative = path.strip_prefix(seeds_dir).unwrap_or(path);
    if formats::in_saved_page_folder(seeds_dir, path) {
        return None;
    }
    let folder = relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str());
    let nested = relative.components().count() > 1;
    match (Format::of(path), folder) {
        (Some(Format::Markdown), Some("entities")) if nested => Some(Kind::EntityNote),
        (Some(Format::Markdown), Some("topics")) if nested => Some(Kind::TopicNote),
        (Some(_), _) => Some(Kind::Briefing),
        (None, _) => {
            if !relative.to_string_lossy().eq_ignore_ascii_case("README") {
                problems.push(
                    Diagnostic::warning(path.to_path_buf(), "skipped: not a briefing").help(
                        "briefings are .md, .txt, .html, .htm or .pdf files; move other files out of the seeds folder",
                    ),
                );
            }
            None
        }
    }
}
