//! Watching a site's sources: `book.toml` and the seeds, templates and
//! static folders, never the output. `notify-debouncer-full` turns an
//! editor's burst of writes into one batch; each batch of changed source
//! paths goes to the one callback `serve` gives, which rebuilds and tells
//! the open pages. After each batch the watches follow the configuration
//! (another seeds folder) and folders that appeared or went away.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;
use std::{fs, thread};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};

use super::ServeError;
use crate::config::{self, Config};
use crate::diagnostics::display_path;

/// How long the sources must stay quiet before a batch is handed on:
/// editors save in several steps, and one rebuild per save is enough.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// How often the watching thread looks at the stop flag.
const POLL: Duration = Duration::from_millis(100);

/// A debounced batch of changes to a site's sources.
#[derive(Debug, Default)]
pub(super) struct Batch {
    /// The changed source paths, relative to the site folder, in the order
    /// they changed (an editor's rename to the real name comes last).
    pub(super) paths: Vec<String>,
}

/// The sources of a site, as absolute paths, and the output to ignore.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sources {
    root: PathBuf,
    config_file: PathBuf,
    /// The seeds, templates and static folders, watched recursively.
    folders: Vec<PathBuf>,
    out_dir: PathBuf,
}

impl Sources {
    /// The sources of the site at `root` with the settings `config` (the
    /// defaults while `book.toml` is broken).
    pub(super) fn of(root: &Path, config: Option<&Config>) -> Self {
        let root = absolute(root);
        let defaults;
        let config = match config {
            Some(config) => config,
            None => {
                defaults = Config::defaults(&root);
                &defaults
            }
        };
        Sources {
            config_file: root.join(config::FILE_NAME),
            folders: config
                .source_folders()
                .iter()
                .map(|f| absolute(f))
                .collect(),
            out_dir: absolute(&config.build_dir),
            root,
        }
    }

    /// `path` as the user knows it: relative to the site folder.
    fn relative(&self, path: &Path) -> String {
        display_path(path.strip_prefix(&self.root).unwrap_or(path))
    }

    /// Whether a change to `path` calls for a rebuild.
    fn covers(&self, path: &Path) -> bool {
        !self.is_output(path)
            && !is_scratch_file(path)
            && (path == self.config_file || self.folders.iter().any(|f| path.starts_with(f)))
    }

    /// The output folder and its `.book.building` / `.book.old` siblings.
    fn is_output(&self, path: &Path) -> bool {
        if path.starts_with(&self.out_dir) {
            return true;
        }
        let (Some(parent), Some(name)) = (self.out_dir.parent(), self.out_dir.file_name()) else {
            return false;
        };
        let staging = format!(".{}.", name.to_string_lossy());
        path.strip_prefix(parent)
            .ok()
            .and_then(|rest| rest.components().next())
            .is_some_and(|first| match first {
                Component::Normal(first) => first.to_string_lossy().starts_with(&staging),
                _ => false,
            })
    }

    /// What to register with the watcher: the root alone for `book.toml`
    /// and for source folders that appear, each existing folder in depth.
    fn watches(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut watches = Vec::new();
        if !self.folders.contains(&self.root) {
            watches.push((self.root.clone(), RecursiveMode::NonRecursive));
        }
        for folder in &self.folders {
            let new = !watches.iter().any(|(path, _)| path == folder);
            if new && folder.is_dir() {
                watches.push((folder.clone(), RecursiveMode::Recursive));
            }
        }
        watches
    }

    /// The source paths an event names, if it is not a mere read.
    fn changed_by<'a>(&'a self, event: &'a DebouncedEvent) -> Vec<&'a Path> {
        // The system dropped events: anything may have changed.
        if event.need_rescan() {
            return vec![&self.root];
        }
        let reads = matches!(event.kind, EventKind::Access(kind)
            if kind != AccessKind::Close(AccessMode::Write));
        if reads {
            return Vec::new();
        }
        let paths = event.paths.iter().map(PathBuf::as_path);
        paths.filter(|path| self.covers(path)).collect()
    }
}

/// Editor swap and backup files, and hidden files, which ingest skips too.
fn is_scratch_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx")
}

/// `path` made absolute, with symbolic links resolved where it exists, so it
/// compares equal to the paths the watcher reports.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let joined = std::env::current_dir().unwrap_or_default().join(path);
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(joined),
        _ => joined,
    }
}

/// The debounced watcher with what it currently watches.
pub(super) struct SourceWatcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    batches: Receiver<DebounceEventResult>,
    sources: Sources,
    watched: Vec<(PathBuf, RecursiveMode)>,
    /// A watched folder itself changed: renew every watch.
    stale: bool,
}

impl SourceWatcher {
    /// Starts watching. Changes queue up from here on, so an edit made
    /// during the first build still triggers a rebuild.
    pub(super) fn new(root: &Path, sources: Sources) -> Result<Self, ServeError> {
        let (sender, batches) = mpsc::channel();
        let debouncer =
            new_debouncer(DEBOUNCE, None, sender).map_err(|source| ServeError::Watch {
                path: root.to_path_buf(),
                source,
            })?;
        let mut this = SourceWatcher {
            debouncer,
            batches,
            sources,
            watched: Vec::new(),
            stale: false,
        };
        match this.watch_all().into_iter().next() {
            Some((path, source)) => Err(ServeError::Watch { path, source }),
            None => Ok(this),
        }
    }

    /// Hands every batch of source changes to `on_change` until `stopping`
    /// is set, on a thread of its own; `on_change` says what the sources
    /// are after it.
    pub(super) fn spawn(
        mut self,
        stopping: Arc<AtomicBool>,
        mut on_change: impl FnMut(Batch) -> Sources + Send + 'static,
    ) -> thread::JoinHandle<()> {
        thread::spawn(move || {
            while let Some(batch) = self.next_batch(&stopping) {
                let sources = on_change(batch);
                self.refresh(sources);
            }
        })
    }

    /// Waits for changes to the sources; `None` once the server stops.
    fn next_batch(&mut self, stopping: &AtomicBool) -> Option<Batch> {
        let mut batch = Batch::default();
        while batch.paths.is_empty() {
            if stopping.load(Ordering::SeqCst) {
                return None;
            }
            let events = match self.batches.recv_timeout(POLL) {
                Ok(Ok(events)) => events,
                Ok(Err(errors)) => {
                    errors
                        .iter()
                        .for_each(|error| eprintln!("warning: watching for changes: {error}"));
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return None,
            };
            for path in events
                .iter()
                .flat_map(|event| self.sources.changed_by(event))
            {
                self.stale |= self.sources.folders.iter().any(|folder| folder == path);
                let path = self.sources.relative(path);
                batch.paths.retain(|seen| *seen != path);
                batch.paths.push(path);
            }
        }
        Some(batch)
    }

    /// Registers every watch it can; returns the ones that failed.
    fn watch_all(&mut self) -> Vec<(PathBuf, notify_debouncer_full::notify::Error)> {
        let mut failed = Vec::new();
        for (path, mode) in self.sources.watches() {
            match self.debouncer.watch(&path, mode) {
                Ok(()) => self.watched.push((path, mode)),
                Err(error) => failed.push((path, error)),
            }
        }
        failed
    }

    /// After a rebuild the configuration may name other folders (`sources`),
    /// and a source folder that was created, removed or replaced needs a new
    /// watch.
    fn refresh(&mut self, sources: Sources) {
        let stale = std::mem::take(&mut self.stale);
        if !stale && sources == self.sources && sources.watches() == self.watched {
            return;
        }
        for (path, _) in std::mem::take(&mut self.watched) {
            let _ = self.debouncer.unwatch(&path);
        }
        self.sources = sources;
        for (path, error) in self.watch_all() {
            let path = display_path(&path);
            eprintln!("warning: {path}: cannot watch for changes: {error}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_the_output_folder_and_scratch_files() {
        let sources = Sources {
            root: "/site".into(),
            config_file: "/site/book.toml".into(),
            folders: vec!["/site".into()],
            out_dir: "/site/book".into(),
        };
        assert!(sources.covers(Path::new("/site/a.md")));
        assert!(sources.covers(Path::new("/site/book.toml")));
        assert!(!sources.covers(Path::new("/site/book/index.html")));
        assert!(!sources.covers(Path::new("/site/.book.building/index.html")));
        assert!(!sources.covers(Path::new("/site/.book.old")));
        assert!(!sources.covers(Path::new("/site/a.md~")));
        assert!(!sources.covers(Path::new("/site/.a.md.swp")));
        assert!(sources.covers(Path::new("/site/bookshelf.md")));
    }
}
