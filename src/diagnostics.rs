//! Problems found while building, each tied to a file (and line and column
//! where known) with a hint saying what to do.
//!
//! Stages collect problems instead of stopping at the first one, so a user
//! sees every broken file at once, as ripgrep and rustc do.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build (unless `--keep-going`),
/// warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<Option<PathBuf>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(path: impl Into<Option<PathBuf>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `path:line:column` prefix, as editors and terminals recognise it.
    pub fn location(&self) -> Option<String> {
        let path = self.path.as_deref().map(display_path)?;
        Some(match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{path}:{line}:{column}"),
            (Some(line), None) => format!("{path}:{line}"),
            _ => path,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Messages quote names from elsewhere (a walkdir error names a
        // path): their escape codes are escaped too, their lines kept.
        let message = escape_controls_but_lines(&self.message);
        match self.location() {
            Some(location) => write!(f, "{label}: {location}: {message}")?,
            None => write!(f, "{label}: {message}")?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", escape_controls_but_lines(help))?;
        }
        Ok(())
    }
}

/// A path as shown to users: forward slashes on every platform, and control
/// characters escaped (`\u{1b}`, `\n`), so a file name cannot send escape
/// codes to the terminal or forge a line of output.
pub fn display_path(path: &Path) -> String {
    escape_controls(&slash_path(path))
}

/// A path as data (a page's source, a file's place in the site): forward
/// slashes on every platform, nothing escaped.
pub fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `text` with control characters written as Rust escapes (`\u{1b}`).
pub fn escape_controls(text: &str) -> String {
    escape_where(text, char::is_control)
}

/// `text` with control characters but newlines and tabs escaped.
fn escape_controls_but_lines(text: &str) -> String {
    escape_where(text, |c| c.is_control() && c != '\n' && c != '\t')
}

fn escape_where(text: &str, escaped: impl Fn(char) -> bool) -> String {
    if !text.chars().any(&escaped) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if escaped(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The 1-based line and column of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The failure of a whole build (or another command): every error found,
/// in input order.
#[derive(Debug)]
pub struct BuildFailure {
    pub diagnostics: Vec<Diagnostic>,
    /// What the last line says happened.
    pub ending: Ending,
}

/// How a failure's last line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ending {
    /// A build that failed with a site in the output folder, left as it was.
    #[default]
    SiteKept,
    /// A build that failed where no site was yet.
    NoSite,
    /// Another command, by name (`init`, `entities`).
    Command(&'static str),
}

impl BuildFailure {
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        BuildFailure {
            diagnostics,
            ending: Ending::default(),
        }
    }

    /// The same failure, ending as `ending` says.
    pub fn ending(self, ending: Ending) -> Self {
        BuildFailure { ending, ..self }
    }
}

impl fmt::Display for BuildFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        match self.ending {
            Ending::SiteKept => write!(
                f,
                "build failed with {errors} error(s); the previous site was left as it was"
            ),
            Ending::NoSite => write!(
                f,
                "build failed with {errors} error(s); no site was written"
            ),
            Ending::Command(name) => write!(f, "dossier {name} failed with {errors} error(s)"),
        }
    }
}

impl std::error::Error for BuildFailure {}

impl From<Diagnostic> for BuildFailure {
    fn from(diagnostic: Diagnostic) -> Self {
        BuildFailure::new(vec![diagnostic])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "ab\nł€x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 3));
    }

    #[test]
    fn control_characters_in_paths_and_messages_are_escaped() {
        let d = Diagnostic::error(PathBuf::from("seeds/\u{1b}[31mred\n.md"), "bad");
        assert_eq!(d.to_string(), "error: seeds/\\u{1b}[31mred\\n.md: bad");
        let d =
            Diagnostic::error(None, "walking x/\u{1b}]0;title\u{7}: loop\nnext").help("\u{9b}2J");
        assert_eq!(
            d.to_string(),
            "error: walking x/\\u{1b}]0;title\\u{7}: loop\nnext\n  help: \\u{9b}2J"
        );
    }

    #[test]
    fn display_names_file_line_and_help() {
        let d = Diagnostic::error(PathBuf::from("seeds/a.md"), "bad date")
            .at(3, Some(7))
            .help("use YYYY-MM-DD");
        assert_eq!(
            d.to_string(),
            "error: seeds/a.md:3:7: bad date\n  help: use YYYY-MM-DD"
        );
    }
}
