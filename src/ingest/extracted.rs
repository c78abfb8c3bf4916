//! What a format reader (PDF, saved web page) hands to ingest: the briefing
//! as Dossier read it, metadata apart and the body as Markdown. It is also
//! what `dossier read --json` prints, field for field.

use serde::Serialize;

/// A briefing read out of a document that is not Markdown.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`, when the document states a full date.
    pub date: Option<String>,
    pub series: Option<String>,
    pub summary: Option<String>,
    /// The body as Markdown: `## ` headings, one blank line between blocks,
    /// `- ` list items, footnotes as `[^n]` with their text at the end.
    pub text: String,
    pub source: SourceInfo,
    /// Problems that did not stop the reading, in words a user understands.
    pub warnings: Vec<String>,
}

/// Where the briefing came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceInfo {
    /// `md`, `txt`, `pdf` or `html`.
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
}
