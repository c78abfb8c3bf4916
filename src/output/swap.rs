//! Putting a finished site in place of the live one with no moment where
//! neither is there, removing replaced sites, and putting things right
//! after a build was killed. Each runs under the output lock.
//!
//! Beside the output folder `book` live `.book.building` (the site being
//! written) and `.book.old` (the site last replaced, removed during the next
//! build). On Linux the swap is one `renameat2(RENAME_EXCHANGE)`; elsewhere
//! it is two renames, and a build killed between them is finished by the
//! next one, which puts the finished site in place.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::marker::{self, FolderState, MARKER};
use crate::diagnostics::{display_path, Diagnostic};

/// `book` → `.book.building` beside it, on the same file system.
pub fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into());
    out.with_file_name(format!(".{name}.{what}"))
}

/// Finishes what a killed build left: when the output folder is missing, a
/// finished site beside it is put in its place (the new one first, else the
/// one it replaced); an unfinished staging folder is removed.
pub fn recover(out: &Path) -> Result<(), Diagnostic> {
    let building = sibling(out, "building");
    if marker::state(out) == FolderState::Missing {
        for finished in [building.clone(), sibling(out, "old")] {
            if marker::state(&finished) == FolderState::Finished {
                rename(&finished, out)?;
                break;
            }
        }
    }
    remove_ours(&building)
}

/// Removes a folder at one of Dossier's names if it is Dossier's (or
/// empty). The marker goes last, so a removal cut short is finished by the
/// next build instead of leaving a folder nobody may remove.
pub fn remove_ours(path: &Path) -> Result<(), Diagnostic> {
    match marker::state(path) {
        FolderState::Missing => Ok(()),
        FolderState::Empty => fs::remove_dir(path).map_err(|e| not_removed(path, e)),
        FolderState::Foreign => Err(in_the_way(path)),
        FolderState::Unfinished | FolderState::Finished => {
            remove_site(path)
                .or_else(|_| {
                    // A site made read-only (`chmod -R a-w`) can be removed
                    // once its folders are writable again.
                    make_folders_writable(path);
                    remove_site(path)
                })
                .map_err(|e| not_removed(path, e))
        }
    }
}

fn remove_site(path: &Path) -> io::Result<()> {
    marker::mark_removing(path).map_err(|d| io::Error::other(d.message))?;
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    fs::remove_file(path.join(MARKER))?;
    fs::remove_dir(path)
}

fn make_folders_writable(path: &Path) {
    for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
        if entry.file_type().is_dir() {
            if let Ok(meta) = entry.metadata() {
                let mut permissions = meta.permissions();
                set_owner_writable(&mut permissions);
                let _ = fs::set_permissions(entry.path(), permissions);
            }
        }
    }
}

#[cfg(unix)]
fn set_owner_writable(permissions: &mut fs::Permissions) {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(permissions.mode() | 0o700);
}

#[cfg(not(unix))]
#[allow(clippy::permissions_set_readonly_false)]
fn set_owner_writable(permissions: &mut fs::Permissions) {
    permissions.set_readonly(false);
}

fn not_removed(path: &Path, error: io::Error) -> Diagnostic {
    let shown = display_path(path);
    Diagnostic::error(
        path.to_path_buf(),
        format!("failed to remove a site Dossier replaced: {error}"),
    )
    .help(format!(
        "remove it yourself: chmod -R u+w '{shown}' && rm -rf '{shown}'"
    ))
}

/// The refusal for a folder at one of Dossier's names without its marker.
fn in_the_way(path: &Path) -> Diagnostic {
    let shown = display_path(path);
    Diagnostic::error(
        path.to_path_buf(),
        format!("Dossier needs this name for its staging folder, but it holds files and no {MARKER} marker, so Dossier will not delete it"),
    )
    .help(format!(
        "if it is left from a build an older Dossier was stopped in, remove it: rm -rf '{shown}'; otherwise move it elsewhere"
    ))
}

/// Puts the finished site at `staging` in place of `out`, and says where
/// the replaced site went: `.NAME.old`, or `.NAME.old.2`, … while an earlier
/// one is still being removed (if the rename fails, it stays at `staging`
/// for the next build to remove).
pub fn swap_in(staging: &Path, out: &Path) -> Result<Option<PathBuf>, Diagnostic> {
    if marker::state(out) == FolderState::Missing {
        return rename(staging, out).map(|()| None);
    }
    let old = free_old_name(out);
    match exchange(staging, out) {
        Ok(true) => Ok(fs::rename(staging, &old).is_ok().then_some(old)),
        Ok(false) => {
            rename(out, &old)?;
            // Killed here, the next build puts `staging` in place.
            rename(staging, out)
                .inspect_err(|_| {
                    let _ = fs::rename(&old, out);
                })
                .map(|()| Some(old))
        }
        Err(e) => Err(Diagnostic::error(
            out.to_path_buf(),
            format!("failed to swap the new site in: {e}"),
        )),
    }
}

/// `.NAME.old`, or the first of `.NAME.old.2`, `.NAME.old.3`, … not taken.
fn free_old_name(out: &Path) -> PathBuf {
    let old = sibling(out, "old");
    (1..)
        .map(|n| match n {
            1 => old.clone(),
            n => sibling(out, &format!("old.{n}")),
        })
        .find(|path| marker::state(path) == FolderState::Missing)
        .unwrap_or(old)
}

/// Every replaced site beside `out`: `.NAME.old` and `.NAME.old.N`.
fn replaced_sites(out: &Path) -> Vec<PathBuf> {
    let old = sibling(out, "old");
    let Some(prefix) = old.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let is_replaced = |name: &str| {
        name.strip_prefix(prefix.as_str()).is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .strip_prefix('.')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    let parent = old.parent().unwrap_or(Path::new("."));
    let mut found: Vec<PathBuf> = fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| is_replaced(&entry.file_name().to_string_lossy()))
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}

/// Removes every replaced site beside `out`; the first failure is reported
/// once all were tried.
pub fn remove_replaced(out: &Path) -> Result<(), Diagnostic> {
    let results: Vec<Result<(), Diagnostic>> = replaced_sites(out)
        .iter()
        .map(|old| remove_ours(old))
        .collect();
    results.into_iter().collect()
}

fn rename(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    fs::rename(from, to).map_err(|e| {
        Diagnostic::error(
            to.to_path_buf(),
            format!("failed to move {} here: {e}", display_path(from)),
        )
    })
}

/// Swaps two folders in one step; `false` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels and some file systems (FUSE, NFS) lack the flag.
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished_site(path: &Path, page: &str) {
        fs::create_dir_all(path).unwrap();
        fs::write(path.join("index.html"), page).unwrap();
        let files = std::iter::once("index.html".to_string()).collect();
        marker::mark_finished(path, &files).unwrap();
    }

    #[test]
    fn a_finished_site_left_beside_a_missing_output_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("book");
        finished_site(&sibling(&out, "old"), "old");
        recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        fs::remove_dir_all(&out).unwrap();
        finished_site(&sibling(&out, "old"), "old");
        finished_site(&sibling(&out, "building"), "new");
        recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    }

    #[test]
    fn swapping_leaves_the_old_site_beside_the_new() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("book");
        finished_site(&out, "old");
        let staging = sibling(&out, "building");
        finished_site(&staging, "new");
        let old = swap_in(&staging, &out).unwrap().unwrap();
        assert_eq!(old, sibling(&out, "old"));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(old.join("index.html")).unwrap(), "old");
        assert!(!staging.exists());
        // While that one is there, the next replaced site takes another name.
        finished_site(&staging, "newer");
        let next = swap_in(&staging, &out).unwrap().unwrap();
        assert_eq!(next, sibling(&out, "old.2"));
        assert_eq!(replaced_sites(&out), [old, next]);
        remove_replaced(&out).unwrap();
        assert!(replaced_sites(&out).is_empty());
    }
}
