//! A site being written: pages go into a staging folder beside the output
//! folder, which is swapped in whole once finished. A full build writes
//! every page (linking those whose bytes did not change); a patch starts
//! from a copy of the live site made of hard links (the spare `serve`
//! prepared while idle, see `spare.rs`) and writes only what changed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use super::lock::OutputLock;
use super::marker::{self, MARKER};
use super::spare::Spare;
use super::swap::{self, sibling};
use super::{lock_value, SiteSize};
use crate::diagnostics::{display_path, Diagnostic};
use crate::model::page::Page;

/// Writes a new site for the output folder of the lock it holds. Dropped
/// without a commit (a failed build), it removes the staging folder and the
/// live site stays as it was.
pub struct Staging<'a> {
    lock: &'a OutputLock,
    staging: PathBuf,
    made: Mutex<BTreeSet<PathBuf>>,
    /// The files this build wrote (or linked unchanged), site-relative.
    pages: Mutex<BTreeSet<String>>,
    /// How many of them had new bytes.
    written: AtomicUsize,
    /// For a patch: the files of the live site kept as they were.
    patched_from: Option<BTreeSet<String>>,
    /// Removes the site the previous build replaced, while this one renders.
    cleaner: Option<std::thread::JoinHandle<Result<(), Diagnostic>>>,
    committed: bool,
    /// Bytes of the pages written so far.
    size: Mutex<SiteSize>,
    /// Past this many bytes, writing stops with an error.
    size_limit: u64,
    /// How long a patch waited for its staging folder to be ready.
    waited: std::time::Duration,
}

impl<'a> Staging<'a> {
    /// Starts writing a new site; first puts right what a killed build left.
    pub fn begin(lock: &'a OutputLock) -> Result<Staging<'a>, Diagnostic> {
        lock.discard_spare();
        let out = lock.out();
        swap::recover(out)?;
        let staging = sibling(out, "building");
        fs::create_dir_all(&staging).map_err(|e| {
            Diagnostic::error(staging.clone(), format!("failed to create folder: {e}"))
                .help(super::writable_parent_help(out))
        })?;
        marker::mark_building(&staging)?;
        Ok(Staging::at(lock, staging))
    }

    /// The staging folder `staging`, marked as being written, as a site for
    /// the output folder of `lock`.
    fn at(lock: &'a OutputLock, staging: PathBuf) -> Staging<'a> {
        let cleaner = (!lock.removing()).then(|| {
            let out = lock.out().to_path_buf();
            std::thread::spawn(move || swap::remove_replaced(&out))
        });
        Staging {
            lock,
            staging,
            made: Default::default(),
            pages: Default::default(),
            written: AtomicUsize::new(0),
            patched_from: None,
            cleaner,
            committed: false,
            size: Default::default(),
            size_limit: u64::MAX,
            waited: Default::default(),
        }
    }

    /// Starts a patch of the live site: a staging folder holding every file
    /// of it, but those at `replaced` (written or removed by the patch).
    /// Folders left with no file are not there. `serve` links the next
    /// patch's folder while idle, after each swap; without one ready, every
    /// file is linked now.
    pub fn begin_patch(
        lock: &'a OutputLock,
        replaced: &BTreeSet<String>,
    ) -> Result<Staging<'a>, Diagnostic> {
        let out = lock.out().to_path_buf();
        let live = marker::files_written(&out).unwrap_or_default();
        let start = std::time::Instant::now();
        let spare = lock.take_spare();
        let waited = start.elapsed();
        let mut staging = match spare {
            Some(spare) => Staging::from_spare(lock, spare, replaced)?,
            None => Staging::linked_now(lock, replaced)?,
        };
        staging.waited = waited;
        staging.patched_from = Some(live.difference(replaced).cloned().collect());
        Ok(staging)
    }

    /// The spare, brought in line with the live site, without `replaced`,
    /// moved to the staging folder's name.
    fn from_spare(
        lock: &'a OutputLock,
        mut spare: Spare,
        replaced: &BTreeSet<String>,
    ) -> Result<Staging<'a>, Diagnostic> {
        let out = lock.out();
        swap::recover(out)?;
        spare.sync(out)?;
        for relative in replaced {
            spare.remove(relative)?;
        }
        let staging = sibling(out, "building");
        fs::rename(&spare.path, &staging).map_err(|e| {
            Diagnostic::error(staging.clone(), format!("failed to prepare the patch: {e}"))
        })?;
        Ok(Staging::at(lock, staging))
    }

    /// Every file of the live site but `replaced`, linked into a new
    /// staging folder.
    fn linked_now(
        lock: &'a OutputLock,
        replaced: &BTreeSet<String>,
    ) -> Result<Staging<'a>, Diagnostic> {
        let staging = Staging::begin(lock)?;
        let out = lock.out().to_path_buf();
        let mut kept = Vec::new();
        for entry in walkdir::WalkDir::new(&out).min_depth(1) {
            let entry = entry.map_err(|e| {
                Diagnostic::error(out.clone(), format!("failed to read the live site: {e}"))
            })?;
            let relative = entry.path().strip_prefix(&out).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            if !entry.file_type().is_dir() && relative != MARKER && !replaced.contains(&relative) {
                kept.push((entry.into_path(), relative));
            }
        }
        kept.par_iter()
            .try_for_each(|(path, relative)| staging.link_from_live(path, relative))?;
        Ok(staging)
    }

    /// Makes [`Staging::write`] fail once the pages pass `bytes` in all
    /// (`max-output-size-mb`), should the projection have fallen short.
    pub fn limit_size(&mut self, bytes: u64) {
        self.size_limit = bytes;
    }

    /// The size of the pages written so far.
    pub fn size(&self) -> SiteSize {
        lock_value(&self.size).clone()
    }

    /// How many pages had bytes the live site did not (the others were
    /// linked from it).
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// How long a patch waited for the staging folder prepared in the
    /// background (zero for a build).
    pub fn waited(&self) -> std::time::Duration {
        self.waited
    }

    /// Writes one page; safe to call from several threads.
    pub fn write(&self, page: &Page) -> Result<(), Diagnostic> {
        let path = self.staging.join(&page.path);
        self.make_parent(&path)?;
        if !self.link_if_unchanged(page, &path) {
            fs::write(&path, &page.bytes)
                .map_err(|e| Diagnostic::error(path.clone(), format!("failed to write: {e}")))?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        lock_value(&self.pages).insert(page.path.clone());
        let mut size = lock_value(&self.size);
        size.add(&page.path, page.bytes.len() as u64);
        if size.total > self.size_limit {
            return Err(self.over_limit(&size));
        }
        Ok(())
    }

    fn over_limit(&self, size: &SiteSize) -> Diagnostic {
        let largest: Vec<String> = size
            .largest(3)
            .iter()
            .map(|(part, n)| format!("{part} {}", super::human_bytes(*n)))
            .collect();
        Diagnostic::error(
            self.lock.out().to_path_buf(),
            format!(
                "the site passed the limit of {} (`max-output-size-mb`) while being written; \
                 largest so far: {}",
                super::human_bytes(self.size_limit),
                largest.join(", ")
            ),
        )
        .help(
            "raise `max-output-size-mb` under [dossier] in book.toml if a site this large is meant",
        )
    }

    fn make_parent(&self, path: &Path) -> Result<(), Diagnostic> {
        if let Some(parent) = path.parent() {
            // The lock is held while the folder is made, so no other thread
            // writes into it before it exists.
            let mut made = lock_value(&self.made);
            if !made.contains(parent) {
                fs::create_dir_all(parent).map_err(|e| {
                    Diagnostic::error(
                        parent.to_path_buf(),
                        format!("failed to create folder: {e}"),
                    )
                })?;
                made.insert(parent.to_path_buf());
            }
        }
        Ok(())
    }

    /// When the live site has this file with the same bytes, links it into
    /// the new site instead of writing it again: a rebuild writes only what
    /// changed, and the old site, removed after the swap, frees only the
    /// files that did change. Any failure falls back to writing.
    fn link_if_unchanged(&self, page: &Page, path: &Path) -> bool {
        let old = self.lock.out().join(&page.path);
        let same_length = fs::symlink_metadata(&old)
            .map(|m| m.is_file() && m.len() == page.bytes.len() as u64)
            .unwrap_or(false);
        same_length
            && fs::read(&old).is_ok_and(|bytes| bytes == page.bytes)
            && fs::hard_link(&old, path).is_ok()
    }

    /// Puts the live site's file at `live` into the new site, by hard link
    /// (a copy where links fail).
    fn link_from_live(&self, live: &Path, relative: &str) -> Result<(), Diagnostic> {
        let path = self.staging.join(relative);
        self.make_parent(&path)?;
        fs::hard_link(live, &path)
            .or_else(|_| fs::copy(live, &path).map(|_| ()))
            .map_err(|e| Diagnostic::error(live.to_path_buf(), format!("failed to keep: {e}")))
    }

    /// Moves the finished site into place. A full build first carries over
    /// the files a user added to the live site; the warnings name those a
    /// page of the new site replaced.
    pub fn commit(mut self) -> Result<Vec<Diagnostic>, Diagnostic> {
        let pages = std::mem::take(&mut *lock_value(&self.pages));
        let (written, warnings) = match self.patched_from.take() {
            Some(kept) => (kept.union(&pages).cloned().collect(), Vec::new()),
            None => {
                let warnings = self.keep_user_files(&pages)?;
                (pages, warnings)
            }
        };
        marker::mark_finished(&self.staging, &written)?;
        let mut warnings = warnings;
        // The new site goes in all the same; the next build tries again.
        warnings.extend(self.finish_cleaning().err().map(|mut problem| {
            problem.severity = crate::diagnostics::Severity::Warning;
            problem
        }));
        let replaced = swap::swap_in(&self.staging, self.lock.out())?;
        self.committed = true;
        self.lock.swapped(replaced);
        Ok(warnings)
    }

    /// Links into the new site every file of the live one that Dossier did
    /// not write (a `CNAME`, a verification page), as its marker lists
    /// them; a site from an older Dossier, with no list, keeps none.
    fn keep_user_files(&self, pages: &BTreeSet<String>) -> Result<Vec<Diagnostic>, Diagnostic> {
        let out = self.lock.out();
        let Some(dossiers) = marker::files_written(out) else {
            return Ok(Vec::new());
        };
        let mut warnings = Vec::new();
        for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let relative = entry.path().strip_prefix(out).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() || relative == MARKER || dossiers.contains(&relative) {
                continue;
            }
            if pages.contains(&relative) {
                warnings.push(replaced_user_file(out, &relative));
                continue;
            }
            self.link_from_live(entry.path(), &relative)?;
        }
        Ok(warnings)
    }

    /// Waits for the previous build's removal, started by [`Staging::begin`].
    fn finish_cleaning(&mut self) -> Result<(), Diagnostic> {
        match self.cleaner.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(Diagnostic::error(
                sibling(self.lock.out(), "old"),
                "internal error while removing the previous build",
            )),
            None => Ok(()),
        }
    }
}

fn replaced_user_file(out: &Path, relative: &str) -> Diagnostic {
    Diagnostic::warning(
        out.join(relative),
        "a file you added to the output folder was replaced by the page Dossier writes at this name",
    )
    .help(format!(
        "the replaced site, with your file, stays at {} until the next build",
        display_path(&sibling(out, "old").join(relative))
    ))
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        let _ = self.finish_cleaning();
        if !self.committed {
            let _ = swap::remove_ours(&self.staging);
        }
    }
}
