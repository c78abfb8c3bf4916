//! What the seeds folder holds, as ingest reads it: briefings with their
//! metadata settled, and the curated entity and topic notes.

use crate::model::date::Date;
use crate::model::EntityKind;
use crate::paths::Slug;

/// One briefing, its metadata settled and its body as Markdown.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// The path under the seeds folder, with forward slashes.
    pub source: String,
    pub slug: Slug,
    /// The slug its front matter asks for, if any (the title's otherwise).
    pub slug_asked: Option<String>,
    pub title: String,
    pub date: Option<Date>,
    pub authors: Vec<String>,
    pub series: Option<String>,
    pub topics: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub sample: bool,
    pub body: String,
    /// The extension of the original file the site carries a copy of
    /// (`originals/<slug>.<ext>`), for briefings read from a document.
    pub original: Option<&'static str>,
}

/// A curated entity note.
#[derive(Debug, Clone)]
pub struct EntityNote {
    pub source: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub wikidata: Option<String>,
    pub description: String,
}

/// A curated topic note.
#[derive(Debug, Clone)]
pub struct TopicNote {
    pub source: String,
    pub name: String,
    pub keywords: Vec<String>,
    pub entities: Vec<String>,
    pub near: Vec<[String; 2]>,
    pub description: String,
}
