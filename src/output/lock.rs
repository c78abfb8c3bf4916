//! The lock that lets one Dossier at a time write an output folder: the file
//! `.NAME.lock` beside it, locked (`flock`) while a build or `serve` runs and
//! naming who holds it. The system releases it when the holder exits, even
//! when it is killed, so a stale lock never blocks a build.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::diagnostics::{display_path, Diagnostic};

/// How long to wait for a lock held elsewhere before refusing: long enough
/// to ride out a copy of the lock a child process holds for a moment after
/// `fork`, too short to wait out another build.
const PATIENCE: Duration = Duration::from_millis(250);

/// Who writes the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// `dossier build`: one site, then the process ends. The site it
    /// replaced is removed by the next build, while that one renders.
    Build,
    /// `dossier serve`: a site, then patches of it. The site each replaced
    /// is removed at once, in the background, so the next patch finds its
    /// name free.
    Serve,
}

impl Holder {
    fn name(self) -> &'static str {
        match self {
            Holder::Build => "dossier build",
            Holder::Serve => "dossier serve",
        }
    }
}

/// A removal of a replaced site running in the background.
pub(super) type Removal = JoinHandle<Result<(), Diagnostic>>;

/// Held while one process writes the output folder `out`.
#[derive(Debug)]
pub struct OutputLock {
    out: PathBuf,
    holder: Holder,
    /// The removals of replaced sites under way, for [`Holder::Serve`].
    removals: Mutex<Vec<Removal>>,
    /// Kept open: closing it releases the lock.
    _file: File,
}

impl OutputLock {
    /// Locks the output folder `out` (a real path, links resolved) for
    /// `holder` (such as `dossier build`), or says who holds it; then
    /// finishes what a killed build left there.
    pub fn acquire(out: &Path, holder: Holder) -> Result<OutputLock, Diagnostic> {
        let path = super::swap::sibling(out, "lock");
        let failed = |e: std::io::Error| {
            Diagnostic::error(path.clone(), format!("cannot lock the output folder: {e}"))
                .help(super::writable_parent_help(out))
        };
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(failed)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(failed)?;
        let deadline = Instant::now() + PATIENCE;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Err(busy(out, &mut file)),
                Err(TryLockError::Error(e)) => return Err(failed(e)),
            }
        }
        let who = format!("{} (process {})\n", holder.name(), std::process::id());
        file.write_all(who.as_bytes())
            .and_then(|()| file.set_len(who.len() as u64))
            .map_err(failed)?;
        // What a killed build left is put right at once, so a build that
        // fails later still leaves a site in place.
        super::swap::recover(out)?;
        Ok(OutputLock {
            out: out.to_path_buf(),
            holder,
            removals: Mutex::new(Vec::new()),
            _file: file,
        })
    }

    /// Keeps the lock in `slot` when it is for `out`; otherwise takes the
    /// lock of `out` in its place.
    pub fn hold<'a>(
        slot: &'a mut Option<OutputLock>,
        out: &Path,
        holder: Holder,
    ) -> Result<&'a OutputLock, Diagnostic> {
        if slot.as_ref().is_some_and(|lock| lock.out == out) {
            return Ok(slot.as_ref().expect("checked above"));
        }
        *slot = None;
        Ok(slot.insert(OutputLock::acquire(out, holder)?))
    }

    /// The output folder this lock is for.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Whether replaced sites are being removed in the background (then
    /// no build needs to remove them first).
    pub(super) fn removing(&self) -> bool {
        !super::lock_value(&self.removals).is_empty()
    }

    /// Starts removing the site just replaced, now at `old`, when the
    /// holder wants it gone at once (a server that patches again soon);
    /// removals already finished are collected.
    pub(super) fn replaced(&self, old: PathBuf) {
        if self.holder == Holder::Serve {
            let mut removals = super::lock_value(&self.removals);
            removals.retain(|removal| !removal.is_finished());
            removals.push(std::thread::spawn(move || super::swap::remove_ours(&old)));
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Finished before the lock goes, so no later writer meets them.
        for removal in super::lock_value(&self.removals).drain(..) {
            let _ = removal.join();
        }
    }
}

/// The refusal when another process holds the lock, naming it.
fn busy(out: &Path, file: &mut File) -> Diagnostic {
    let mut who = String::new();
    let _ = file.read_to_string(&mut who);
    let who = match who.trim() {
        "" => "another Dossier process".to_string(),
        named => crate::diagnostics::escape_controls(named),
    };
    Diagnostic::error(
        out.to_path_buf(),
        format!("this output folder is in use by {who}"),
    )
    .help(format!(
        "wait for it to finish (or stop it) and run the command again, or write elsewhere with --out; \
         two builds into {} at once would mix their sites",
        display_path(out)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_naming_the_holder_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("book");
        let first = OutputLock::acquire(&out, Holder::Serve).unwrap();
        let refused = OutputLock::acquire(&out, Holder::Build).unwrap_err();
        let pid = std::process::id();
        assert!(
            refused
                .message
                .contains(&format!("in use by dossier serve (process {pid})")),
            "{refused}"
        );
        drop(first);
        OutputLock::acquire(&out, Holder::Build).expect("free again");
    }
}
