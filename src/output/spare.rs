//! The staging folder of `serve`'s next patch, made ahead of time: right
//! after a site is swapped in, a background thread hard-links every file
//! of it into `.NAME.next`. A patch then starts from that whole copy and
//! only writes what changed, instead of linking 20,000 files while the
//! writer waits. The spare is only ever a staging folder marked as being
//! written: killed at any moment, it is removed by the next holder of the
//! lock, and the live site is never touched.

use std::fs;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use super::marker::{self, MARKER};
use super::swap::{self, sibling};
use crate::diagnostics::Diagnostic;

/// A copy of the live site made of hard links, ready to be patched.
pub(super) struct Spare {
    pub(super) path: PathBuf,
    /// Every file linked, site-relative, with the inode it shares with the
    /// live site.
    files: FxHashMap<String, u64>,
    /// The folders made so far.
    folders: FxHashSet<PathBuf>,
}

/// Links every file of the live site at `out` into a new `.NAME.next`.
pub(super) fn prepare(out: &Path) -> Result<Spare, Diagnostic> {
    let path = sibling(out, "next");
    swap::remove_ours(&path)?;
    fs::create_dir(&path).map_err(|e| {
        Diagnostic::error(path.clone(), format!("failed to create folder: {e}"))
            .help(super::writable_parent_help(out))
    })?;
    marker::mark_building(&path)?;
    let mut spare = Spare {
        path,
        files: FxHashMap::default(),
        folders: FxHashSet::default(),
    };
    for file in live_files(out)? {
        spare.link(&file)?;
    }
    Ok(spare)
}

/// One file of the live site.
struct LiveFile {
    path: PathBuf,
    relative: String,
    inode: u64,
}

/// Every file of the live site at `out` but its marker, with its identity.
fn live_files(out: &Path) -> Result<Vec<LiveFile>, Diagnostic> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1) {
        let entry = entry.map_err(|e| {
            Diagnostic::error(
                out.to_path_buf(),
                format!("failed to read the live site: {e}"),
            )
        })?;
        let relative = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        if !entry.file_type().is_dir() && relative != MARKER {
            files.push(LiveFile {
                inode: identity(&entry),
                relative,
                path: entry.into_path(),
            });
        }
    }
    Ok(files)
}

/// The inode of a file, read from its folder (no `stat` per file).
#[cfg(unix)]
fn identity(entry: &walkdir::DirEntry) -> u64 {
    walkdir::DirEntryExt::ino(entry)
}

/// Where there are no inodes: the file's size and modification time.
#[cfg(not(unix))]
fn identity(entry: &walkdir::DirEntry) -> u64 {
    let modified = |m: fs::Metadata| m.modified().ok().map(|t| (m.len(), t));
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&entry.metadata().ok().and_then(modified), &mut hasher);
    std::hash::Hasher::finish(&hasher)
}

impl Spare {
    /// Brings the spare in line with the live site at `out`, should anything
    /// have changed it since the spare was made (a file a user added or
    /// replaced): links what it lacks or holds another inode for, and
    /// removes what the live site no longer has. One walk of the folders.
    pub(super) fn sync(&mut self, out: &Path) -> Result<(), Diagnostic> {
        let mut live = FxHashSet::default();
        for file in live_files(out)? {
            if self.files.get(&file.relative) != Some(&file.inode) {
                self.remove(&file.relative)?;
                self.link(&file)?;
            }
            live.insert(file.relative);
        }
        let gone: Vec<String> = self
            .files
            .keys()
            .filter(|relative| !live.contains(*relative))
            .cloned()
            .collect();
        gone.iter().try_for_each(|relative| self.remove(relative))
    }

    /// Unlinks the file at `relative` (the live site keeps its own link),
    /// and any folder that leaves empty, as a fresh build would not make it.
    pub(super) fn remove(&mut self, relative: &str) -> Result<(), Diagnostic> {
        if self.files.remove(relative).is_none() {
            return Ok(());
        }
        let path = self.path.join(relative);
        fs::remove_file(&path)
            .map_err(|e| Diagnostic::error(path.clone(), format!("failed to remove: {e}")))?;
        let mut folder = path.parent();
        while let Some(dir) = folder.filter(|dir| *dir != self.path.as_path()) {
            if fs::remove_dir(dir).is_err() {
                break;
            }
            self.folders.remove(dir);
            folder = dir.parent();
        }
        Ok(())
    }

    fn link(&mut self, file: &LiveFile) -> Result<(), Diagnostic> {
        let path = self.path.join(&file.relative);
        if let Some(parent) = path.parent().filter(|p| !self.folders.contains(*p)) {
            fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(
                    parent.to_path_buf(),
                    format!("failed to create folder: {e}"),
                )
            })?;
            self.folders.insert(parent.to_path_buf());
        }
        fs::hard_link(&file.path, &path)
            .map_err(|e| Diagnostic::error(file.path.clone(), format!("failed to keep: {e}")))?;
        self.files.insert(file.relative.clone(), file.inode);
        Ok(())
    }
}
