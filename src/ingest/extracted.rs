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

/// The metadata `dossier read` prints as front matter, under the keys a
/// Markdown briefing's front matter takes.
#[derive(Serialize)]
struct FrontMatter<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    authors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
}

impl Extracted {
    /// The briefing as a Markdown file: the metadata as YAML front matter,
    /// then the body. Saved as `.md`, it reads back as the same briefing.
    pub fn to_markdown(&self) -> String {
        let front = FrontMatter {
            title: self.title.as_deref(),
            authors: &self.authors,
            date: self.date.as_deref(),
            series: self.series.as_deref(),
            summary: self.summary.as_deref(),
        };
        let yaml = serde_yaml_ng::to_string(&front).unwrap_or_default();
        let yaml = if yaml.trim() == "{}" { "" } else { &yaml };
        format!("---\n{yaml}---\n\n{}\n", self.text.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_back_as_front_matter_and_body() {
        let extracted = Extracted {
            title: Some("Zapad: \"what\" next".into()),
            authors: vec!["Anna Maria Dyner".into()],
            date: Some("2021-09-10".into()),
            text: "## Heading\n\nBody.\n".into(),
            ..Extracted::default()
        };
        let markdown = extracted.to_markdown();
        let split = super::super::frontmatter::split(&markdown).unwrap();
        let (_, yaml) = split.front_matter.unwrap();
        let meta: serde_yaml_ng::Value = serde_yaml_ng::from_str(yaml).unwrap();
        assert_eq!(meta["title"].as_str(), Some("Zapad: \"what\" next"));
        assert_eq!(meta["authors"][0].as_str(), Some("Anna Maria Dyner"));
        assert!(meta.get("series").is_none());
        assert_eq!(split.body.trim(), "## Heading\n\nBody.");
    }
}
