//! Where a build may write: the output folder must be a folder of its own,
//! outside the site's sources and away from the current folder. A symbolic
//! link to a folder is followed: the site is written where it points.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::marker::{self, FolderState};
use crate::diagnostics::{display_path, Diagnostic};

/// `path` without `.` components: `book/.` is `book`.
pub fn normalise(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// `path` with every symbolic link resolved, also where it does not exist
/// yet (its nearest existing folder resolved, the rest appended).
fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
            real_path(parent).join(name)
        }
        _ => std::env::current_dir().unwrap_or_default().join(path),
    }
}

/// Checks that `out` may be written (and replaced) by a build of `root`
/// whose sources are the folders in `sources`; returns the folder to write,
/// with links resolved.
pub fn check_output_folder(
    root: &Path,
    out: &Path,
    sources: &[PathBuf],
) -> Result<PathBuf, Diagnostic> {
    let refuse = |why: String| {
        Err(Diagnostic::error(
            out.to_path_buf(),
            format!("refusing to use this output folder: {why}"),
        )
        .help("choose another folder with --out or `[build] build-dir`, such as book/ in the site folder"))
    };
    let is_link = fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && fs::metadata(out).is_err() {
        return refuse("it is a symbolic link to nothing".into());
    }
    let real = real_path(&normalise(out));
    if real.parent().is_none() || real.file_name().is_none() {
        return refuse("it is the root of the file system".into());
    }
    let here = std::env::current_dir().ok().map(|d| real_path(&d));
    if here.is_some_and(|here| here.starts_with(&real)) {
        return refuse("it is the current folder or holds it; Dossier replaces the output folder whole, so it must be a folder of its own".into());
    }
    let root = real_path(root);
    if root.starts_with(&real) {
        return refuse("it is the site folder or holds it".into());
    }
    for source in sources.iter().map(|s| real_path(s)) {
        if real.starts_with(&source) || source.starts_with(&real) {
            let shown = display_path(source.strip_prefix(&root).unwrap_or(&source));
            return refuse(format!(
                "it is inside the site's source folder {shown}/ or holds it, so each build would read the last one's output"
            ));
        }
    }
    match marker::state(&real) {
        FolderState::Foreign if real.is_dir() => {
            refuse("it holds files Dossier did not create; empty or remove it first".into())
        }
        FolderState::Foreign => refuse("it exists and is not a folder".into()),
        _ => Ok(real),
    }
}
