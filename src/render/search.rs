//! The search index: an index of our own, split into small script shards so
//! a query loads only what it needs and search works from `file://` (script
//! elements, no `fetch`).
//!
//! `search/docs-N.js` hold the documents (briefings, entities, topics) in
//! chunks of [`DOCS_PER_CHUNK`]; `search/t-XX.js` hold the postings of every
//! term starting with `XX`. A posting's weight ranks a name or title above a
//! passing mention. Why an index of our own rather than elasticlunr or
//! Pagefind: see BENCHMARKS.md.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Page;
use crate::kb::KnowledgeBase;
use crate::model::EntityKind;
use crate::paths;

pub const DOCS_PER_CHUNK: usize = 250;
/// The most postings kept per term, best first.
const MAX_POSTINGS: usize = 300;

const WEIGHT_NAME: u32 = 20;
const WEIGHT_ALIAS: u32 = 14;
const WEIGHT_TITLE: u32 = 12;
const WEIGHT_AUTHOR: u32 = 6;
const WEIGHT_SUMMARY: u32 = 3;
const WEIGHT_MENTION: u32 = 1;

/// A term's postings: `[doc, weight]`, best first.
type Postings = Vec<[u32; 2]>;

/// A search result as the page script shows it.
#[derive(Serialize)]
struct Doc<'a>(&'static str, &'a str, String, String);

/// `search/kinds.js`: the document id range of each result type, so the
/// type filter applies before any result chunk loads.
fn kinds_page(kb: &KnowledgeBase) -> Page {
    let mut ranges = Vec::new();
    let mut start = 0;
    for kind in EntityKind::ALL {
        let count = kb.entities.iter().filter(|e| e.kind == kind).count();
        ranges.push(format!("\"{kind}\":[{start},{}]", start + count));
        start += count;
    }
    ranges.push(format!("\"topic\":[{start},{}]", start + kb.topics.len()));
    start += kb.topics.len();
    ranges.push(format!(
        "\"briefing\":[{start},{}]",
        start + kb.briefings.len()
    ));
    Page {
        path: "search/kinds.js".into(),
        bytes: format!("dossierSearch.kinds({{{}}});\n", ranges.join(",")).into_bytes(),
    }
}

/// Postings as they are gathered: each term once (interned to an id), and
/// per term `[doc, weight]` in document order, one per document.
#[derive(Default)]
struct Gathered {
    ids: FxHashMap<String, u32>,
    terms: Vec<String>,
    postings: Vec<Postings>,
}

impl Gathered {
    fn term_ids(&mut self, text: &str) -> Vec<u32> {
        terms(text).into_iter().map(|t| self.intern(t)).collect()
    }

    fn intern(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.clone(), id);
        self.terms.push(term);
        self.postings.push(Vec::new());
        id
    }

    /// Documents are added in increasing order, so a document's postings
    /// for a term are always the term's last.
    fn add(&mut self, doc: u32, terms: &[u32], weight: u32) {
        for &term in terms {
            let list = &mut self.postings[term as usize];
            match list.last_mut() {
                Some(last) if last[0] == doc => last[1] = last[1].max(weight),
                _ => list.push([doc, weight]),
            }
        }
    }

    fn add_text(&mut self, doc: u32, text: &str, weight: u32) {
        let ids = self.term_ids(text);
        self.add(doc, &ids, weight);
    }
}

/// Builds every shard of the index. Documents are numbered entities first
/// (grouped by kind, see [`kinds_page`]), then topics, then briefings
/// newest first.
pub fn index_pages(kb: &KnowledgeBase) -> Vec<Page> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut gathered = Gathered::default();
    // An entity's name and alias terms, worked out once, not per mention.
    let mut entity_terms: Vec<Vec<u32>> = Vec::with_capacity(kb.entities.len());
    for entity in &kb.entities {
        let mut ids = gathered.term_ids(&entity.name);
        for alias in &entity.aliases {
            ids.extend(gathered.term_ids(alias));
        }
        entity_terms.push(ids);
    }
    let by_kind = EntityKind::ALL.iter().flat_map(|&kind| {
        kb.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
    });
    for (i, (e, entity)) in by_kind.enumerate() {
        let detail = format!("{} · {} mention(s)", entity.kind, entity.mention_count);
        docs.push(Doc(
            entity.kind.as_str(),
            &entity.name,
            paths::entity_page(&entity.slug),
            detail,
        ));
        gathered.add_text(i as u32, &entity.name, WEIGHT_NAME);
        gathered.add(i as u32, &entity_terms[e], WEIGHT_ALIAS);
    }
    let topics_start = docs.len() as u32;
    for (i, topic) in kb.topics.iter().enumerate() {
        docs.push(Doc(
            "topic",
            &topic.name,
            paths::topic_page(&topic.slug),
            format!("topic · {} briefing(s)", topic.briefings.len()),
        ));
        gathered.add_text(topics_start + i as u32, &topic.name, WEIGHT_NAME);
    }
    let briefings_start = docs.len() as u32;
    for (position, &b) in kb.by_date.iter().enumerate() {
        let entry = &kb.briefings[b];
        let briefing = &entry.briefing;
        let doc = briefings_start + position as u32;
        let detail = briefing
            .date
            .map(|d| d.long())
            .unwrap_or_else(|| "briefing".into());
        docs.push(Doc(
            "briefing",
            &briefing.title,
            paths::briefing_page(&briefing.slug),
            detail,
        ));
        gathered.add_text(doc, &briefing.title, WEIGHT_TITLE);
        for author in &briefing.authors {
            gathered.add_text(doc, author, WEIGHT_AUTHOR);
        }
        if let Some(summary) = &briefing.summary {
            gathered.add_text(doc, summary, WEIGHT_SUMMARY);
        }
        for &(entity, _) in &entry.entities {
            gathered.add(doc, &entity_terms[entity], WEIGHT_MENTION);
        }
    }
    let mut pages = doc_pages(&docs);
    pages.extend(term_pages(gathered));
    pages.push(kinds_page(kb));
    pages
}

fn doc_pages(docs: &[Doc]) -> Vec<Page> {
    docs.chunks(DOCS_PER_CHUNK)
        .enumerate()
        .map(|(n, chunk)| {
            let json = serde_json::to_string(chunk).unwrap_or_default();
            let body = format!(
                "dossierSearch.docs({n},{});\n",
                super::previews::escape_for_script(&json)
            );
            Page {
                path: format!("search/docs-{n}.js"),
                bytes: body.into_bytes(),
            }
        })
        .collect()
}

/// Postings grouped by the first two characters of the term.
fn term_pages(gathered: Gathered) -> Vec<Page> {
    let mut shards: BTreeMap<String, BTreeMap<String, Postings>> = BTreeMap::new();
    for (term, mut list) in gathered.terms.into_iter().zip(gathered.postings) {
        let best_first = |a: &[u32; 2], b: &[u32; 2]| b[1].cmp(&a[1]).then(a[0].cmp(&b[0]));
        if list.len() > MAX_POSTINGS {
            list.select_nth_unstable_by(MAX_POSTINGS, best_first);
            list.truncate(MAX_POSTINGS);
        }
        list.sort_by(best_first);
        shards
            .entry(shard_name(&term))
            .or_default()
            .insert(term, list);
    }
    shards
        .into_iter()
        .map(|(shard, terms)| {
            let json = serde_json::to_string(&terms).unwrap_or_default();
            Page {
                path: format!("search/t-{shard}.js"),
                bytes: format!("dossierSearch.terms(\"{shard}\",{json});\n").into_bytes(),
            }
        })
        .collect()
}

/// The shard of a term: its first two characters (terms are `[a-z0-9]`).
pub fn shard_name(term: &str) -> String {
    term.chars().take(2).collect()
}

/// Words too common to search for.
const STOP_WORDS: &[&str] = &[
    "the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "from", "is", "its",
];

/// The search terms of a text: ASCII-folded, lower-case words of two or more
/// characters, stop words dropped. `dossier.js` folds queries the same way.
pub fn terms(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2 && !STOP_WORDS.contains(w))
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_script_uses_the_same_chunk_size() {
        let script = include_str!("../../static/search.js");
        assert!(script.contains(&format!("var DOCS_PER_CHUNK = {DOCS_PER_CHUNK};")));
    }

    #[test]
    fn terms_are_folded_and_split() {
        assert_eq!(
            terms("Łukaszenka’s Visit to Sochi"),
            ["lukaszenka", "visit", "sochi"]
        );
        assert_eq!(terms("Zapad-2021"), ["zapad", "2021"]);
        assert_eq!(shard_name("lukashenka"), "lu");
    }
}
