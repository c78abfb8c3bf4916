//! Which reader reads a briefing file, chosen by its extension: Markdown and
//! plain text are decoded as text by ingest; documents (saved web pages and
//! PDF files) are read from their bytes by a format
//! reader into an [`Extracted`] record.

use std::path::Path;

use super::extracted::Extracted;
use crate::diagnostics::Diagnostic;

/// The formats a briefing can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
    Pdf,
}

impl Format {
    /// The format of a briefing file named `path`, if it is one.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The name `dossier read --json` gives it (`source.format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// Whether a format reader reads it from bytes (and the site carries a
    /// copy of the original), rather than ingest decoding it as text.
    pub fn is_document(self) -> bool {
        matches!(self, Format::Html | Format::Pdf)
    }
}

/// Reads a document (see [`Format::is_document`]) from its bytes.
pub fn read_document(path: &Path, format: Format, bytes: &[u8]) -> Result<Extracted, Diagnostic> {
    match format {
        Format::Html => super::html::read(path, bytes),
        Format::Pdf => super::pdf::read(path, bytes),
        Format::Markdown | Format::Text => Err(Diagnostic::error(
            path.to_path_buf(),
            "internal error: a text briefing was sent to a document reader",
        )),
    }
}

/// Whether `path` lies in the `X_files/` folder that "Save page as…" writes
/// beside `X.html` (or `X.htm`): the page's images, styles and scripts, not
/// briefings of their own.
pub fn in_saved_page_folder(seeds_dir: &Path, path: &Path) -> bool {
    let relative = path.strip_prefix(seeds_dir).unwrap_or(path);
    let mut folder = seeds_dir.to_path_buf();
    for component in relative.parent().into_iter().flat_map(Path::components) {
        let name = component.as_os_str().to_string_lossy();
        if let Some(stem) = name.strip_suffix("_files") {
            let page = |ext: &str| folder.join(format!("{stem}.{ext}")).is_file();
            if page("html") || page("htm") {
                return true;
            }
        }
        folder.push(component);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.HTM")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("b.markdown")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("b.docx")), None);
        assert!(Format::Html.is_document() && !Format::Text.is_document());
        assert_eq!(Format::of(Path::new("brief.PDF")), Some(Format::Pdf));
        assert!(Format::Pdf.is_document());
    }

    #[test]
    fn finds_saved_page_folders() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = dir.path();
        std::fs::create_dir_all(seeds.join("web/page_files/inner")).unwrap();
        std::fs::create_dir_all(seeds.join("other_files")).unwrap();
        std::fs::write(seeds.join("web/page.html"), "<p>x</p>").unwrap();
        let inside = seeds.join("web/page_files/inner/frame.html");
        assert!(in_saved_page_folder(seeds, &inside));
        assert!(!in_saved_page_folder(
            seeds,
            &seeds.join("other_files/a.html")
        ));
        assert!(!in_saved_page_folder(seeds, &seeds.join("web/page.html")));
    }
}
