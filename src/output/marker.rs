//! The marker file that says a folder is Dossier's: whether the site in it
//! is being written, finished or being removed, and which files Dossier
//! wrote there (so files a user adds can be told apart and kept).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::diagnostics::Diagnostic;

/// The file that marks a folder as Dossier's own output.
pub const MARKER: &str = ".dossier-build";

const HEADER: &str =
    "This folder was written by dossier build; it may be replaced on the next build.";
const BUILDING: &str = "state: building";
const REMOVING: &str = "state: removing";
const FINISHED: &str = "state: finished; the files Dossier wrote:";

/// What a folder at one of Dossier's names holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderState {
    Missing,
    /// A folder with nothing in it: nobody's files, safe to remove.
    Empty,
    /// A folder with files and no marker: not known to be Dossier's.
    Foreign,
    /// Dossier's, but not a whole site (being written or removed, or
    /// written by an older Dossier that did not say).
    Unfinished,
    /// A whole site, ready to be published.
    Finished,
}

/// The state of the folder at `path`.
pub fn state(path: &Path) -> FolderState {
    match fs::symlink_metadata(path) {
        Err(_) => return FolderState::Missing,
        Ok(meta) if !meta.is_dir() => return FolderState::Foreign,
        Ok(_) => {}
    }
    match fs::read_to_string(path.join(MARKER)) {
        Ok(text) if text.lines().nth(1) == Some(FINISHED) => FolderState::Finished,
        Ok(_) => FolderState::Unfinished,
        Err(_) if is_empty_dir(path) => FolderState::Empty,
        Err(_) => FolderState::Foreign,
    }
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// Marks `folder` as a site being written.
pub fn mark_building(folder: &Path) -> Result<(), Diagnostic> {
    write(folder, &format!("{HEADER}\n{BUILDING}\n"))
}

/// Marks `folder` as being removed: no longer a site to put back.
pub fn mark_removing(folder: &Path) -> Result<(), Diagnostic> {
    write(folder, &format!("{HEADER}\n{REMOVING}\n"))
}

/// Marks `folder` as a finished site, listing the files Dossier wrote (one
/// JSON string a line, so any name fits on one).
pub fn mark_finished(folder: &Path, files: &BTreeSet<String>) -> Result<(), Diagnostic> {
    let mut text = format!("{HEADER}\n{FINISHED}\n");
    for file in files {
        text.push_str(&serde_json::to_string(file).unwrap_or_default());
        text.push('\n');
    }
    write(folder, &text)
}

/// The files Dossier wrote into the finished site at `folder`; `None` when
/// it is not a finished site (or an older Dossier's, which kept no list).
pub fn files_written(folder: &Path) -> Option<BTreeSet<String>> {
    let text = fs::read_to_string(folder.join(MARKER)).ok()?;
    let mut lines = text.lines().skip(1);
    if lines.next() != Some(FINISHED) {
        return None;
    }
    lines.map(|line| serde_json::from_str(line).ok()).collect()
}

fn write(folder: &Path, text: &str) -> Result<(), Diagnostic> {
    let path = folder.join(MARKER);
    // A new file, renamed over the old: the marker is never half written.
    let temporary = folder.join(format!("{MARKER}.new"));
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, &path))
        .map_err(|e| Diagnostic::error(path, format!("failed to write: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_marker_lists_the_files_and_other_states_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        assert_eq!(state(&site), FolderState::Missing);
        fs::create_dir(&site).unwrap();
        assert_eq!(state(&site), FolderState::Empty);
        fs::write(site.join("CNAME"), "example.org").unwrap();
        assert_eq!(state(&site), FolderState::Foreign);
        mark_building(&site).unwrap();
        assert_eq!(state(&site), FolderState::Unfinished);
        assert_eq!(files_written(&site), None);
        let files: BTreeSet<String> = ["index.html", "odd\nname.html"]
            .into_iter()
            .map(String::from)
            .collect();
        mark_finished(&site, &files).unwrap();
        assert_eq!(state(&site), FolderState::Finished);
        assert_eq!(files_written(&site), Some(files));
        mark_removing(&site).unwrap();
        assert_eq!(state(&site), FolderState::Unfinished);
    }
}
