//! What extraction finds and the knowledge base is built from: entities
//! with the forms merged into them, mentions, names held back, and topics.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::EntityKind;
use crate::paths::Slug;

/// An entity found in the corpus.
#[derive(Debug, Clone)]
pub struct ExtractedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Every form seen in the text, as written, plus curated aliases.
    pub aliases: BTreeSet<String>,
    pub role: Option<String>,
    /// Index of the curated note, when there is one.
    pub note: Option<usize>,
    /// The forms merged into it, and why.
    pub merged: Vec<MergeNote>,
}

/// Forms that joined an entity under one key, and why (`dossier entities
/// --why`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeNote {
    /// The forms written under the merged key, most used first.
    pub forms: Vec<String>,
    /// The form it joined on the way, when that is not the entity itself
    /// (merges chain: `a → b → entity`).
    pub via: Option<String>,
    pub reason: String,
}

/// One mention of an entity in a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entity: u32,
    pub block: u32,
    pub start: u32,
    /// End of the surface form, possessive included.
    pub end: u32,
    /// The sentence around the mention, as byte offsets in the block.
    pub sentence: (u32, u32),
}

/// A name that was found but not published, with the reason.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub confidence: f32,
    pub briefings: usize,
    pub reason: String,
}

/// Everything extraction yields.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<ExtractedEntity>,
    /// Mentions per briefing, in the order of the documents given.
    pub mentions: Vec<Vec<Mention>>,
    pub candidates: Vec<Candidate>,
    pub topics: Vec<TopicDef>,
    /// Topic indices per briefing, sorted.
    pub briefing_topics: Vec<Vec<usize>>,
}

/// A topic definition, whatever its source.
#[derive(Debug, Clone)]
pub struct TopicDef {
    pub name: String,
    pub slug: Slug,
    pub keywords: Vec<(String, f32)>,
    /// Names of entities whose presence counts as evidence.
    pub entities: Vec<(String, f32)>,
    pub near: Vec<[String; 2]>,
    pub description: String,
    /// Evidence a briefing needs before the topic is assigned.
    pub threshold: f32,
    /// Distinct keywords or entities a briefing needs.
    pub min_distinct: usize,
}
