//! The search index: an index of our own, split into small script shards so
//! a query loads only what it needs and search works from `file://` (script
//! elements, no `fetch`).
//!
//! `search/docs-N.js` hold the documents (briefings, entities, topics) in
//! chunks of [`DOCS_PER_CHUNK`]; `search/t-XX.js` hold the postings of every
//! term starting with `XX`. A posting's weight ranks a name or title above a
//! passing mention. Why an index of our own rather than elasticlunr or
//! Pagefind: see BENCHMARKS.md.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::kb::{BriefingEntry, Entity, KnowledgeBase, Topic};
use crate::model::page::Page;
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

/// A term's postings: `[doc, weight]`, kept in document order, written best
/// first.
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

/// The whole index, kept so that after a change in some entities' or
/// topics' counts or in some briefings' entities only the shards showing
/// them are made again.
///
/// Documents are numbered entities first (grouped by kind, see
/// [`kinds_page`]), then topics, then briefings newest first. A change the
/// index is updated for keeps that numbering and every name, alias, title,
/// author and summary (`serve` builds in full otherwise): so no document
/// moves and the postings change only where briefings gained or lost
/// entities.
pub struct SearchIndex {
    /// Every document as JSON, in document order.
    docs: Vec<String>,
    /// Each entity's, topic's and briefing's document.
    entity_docs: Vec<u32>,
    topic_docs: Vec<u32>,
    briefing_docs: Vec<u32>,
    gathered: Gathered,
    /// Each entity's name and alias terms.
    entity_terms: Vec<Vec<u32>>,
    /// Each briefing's terms with their weights, in term order.
    briefing_terms: Vec<Vec<(u32, u32)>>,
    /// Shard name → the terms it holds.
    shards: BTreeMap<String, Vec<u32>>,
    kinds: Page,
}

impl SearchIndex {
    pub fn new(kb: &KnowledgeBase) -> SearchIndex {
        let mut gathered = Gathered::default();
        // An entity's name and alias terms, worked out once, not per mention.
        let entity_terms: Vec<Vec<u32>> = kb
            .entities
            .iter()
            .map(|entity| {
                let mut ids = gathered.term_ids(&entity.name);
                for alias in &entity.aliases {
                    ids.extend(gathered.term_ids(alias));
                }
                ids
            })
            .collect();
        let mut index = SearchIndex {
            docs: Vec::with_capacity(kb.entities.len() + kb.topics.len() + kb.briefings.len()),
            entity_docs: vec![0; kb.entities.len()],
            topic_docs: Vec::with_capacity(kb.topics.len()),
            briefing_docs: vec![0; kb.briefings.len()],
            gathered,
            entity_terms,
            briefing_terms: vec![Vec::new(); kb.briefings.len()],
            shards: BTreeMap::new(),
            kinds: kinds_page(kb),
        };
        index.add_entities(kb);
        index.add_topics(kb);
        index.add_briefings(kb);
        index.file_new_terms(0);
        index
    }

    fn add_entities(&mut self, kb: &KnowledgeBase) {
        let by_kind = EntityKind::ALL.iter().flat_map(|&kind| {
            kb.entities
                .iter()
                .enumerate()
                .filter(move |(_, e)| e.kind == kind)
        });
        for (e, entity) in by_kind {
            let doc = self.docs.len() as u32;
            self.entity_docs[e] = doc;
            self.docs.push(entity_doc(entity));
            self.gathered.add_text(doc, &entity.name, WEIGHT_NAME);
            self.gathered.add(doc, &self.entity_terms[e], WEIGHT_ALIAS);
        }
    }

    fn add_topics(&mut self, kb: &KnowledgeBase) {
        for topic in &kb.topics {
            let doc = self.docs.len() as u32;
            self.topic_docs.push(doc);
            self.docs.push(topic_doc(topic));
            self.gathered.add_text(doc, &topic.name, WEIGHT_NAME);
        }
    }

    fn add_briefings(&mut self, kb: &KnowledgeBase) {
        for &b in &kb.by_date {
            let doc = self.docs.len() as u32;
            let entry = &kb.briefings[b];
            self.briefing_docs[b] = doc;
            self.docs.push(briefing_doc(entry));
            let weights = briefing_terms(&mut self.gathered, &self.entity_terms, entry);
            for &(term, weight) in &weights {
                self.gathered.postings[term as usize].push([doc, weight]);
            }
            self.briefing_terms[b] = weights;
        }
    }

    /// Files the terms from `first` on in their shards.
    fn file_new_terms(&mut self, first: usize) {
        for (id, term) in self.gathered.terms.iter().enumerate().skip(first) {
            self.shards
                .entry(shard_name(term))
                .or_default()
                .push(id as u32);
        }
    }

    /// Every shard of the index.
    pub fn pages(&self) -> Vec<Page> {
        let chunks = self.docs.len().div_ceil(DOCS_PER_CHUNK);
        let mut pages: Vec<Page> = (0..chunks).map(|n| self.docs_page(n)).collect();
        pages.extend(self.shards.keys().map(|shard| self.terms_page(shard)));
        pages.push(self.kinds.clone());
        pages
    }

    /// Takes in the change of these entities' and topics' counts and these
    /// briefings' entities; gives the shards that may have changed: the
    /// document chunks holding changed documents and the term shards
    /// holding changed postings.
    pub fn update(
        &mut self,
        kb: &KnowledgeBase,
        entities: &[usize],
        briefings: &[usize],
        topics: &[usize],
    ) -> Vec<Page> {
        debug_assert_eq!(
            self.docs.len(),
            kb.entities.len() + kb.topics.len() + kb.briefings.len()
        );
        let mut chunks = BTreeSet::new();
        for &e in entities {
            chunks.extend(self.replace_doc(self.entity_docs[e], entity_doc(&kb.entities[e])));
        }
        for &t in topics {
            chunks.extend(self.replace_doc(self.topic_docs[t], topic_doc(&kb.topics[t])));
        }
        let known_terms = self.gathered.terms.len();
        let mut shards = BTreeSet::new();
        for &b in briefings {
            for term in self.replace_postings(b, &kb.briefings[b]) {
                shards.insert(shard_name(&self.gathered.terms[term as usize]));
            }
        }
        self.file_new_terms(known_terms);
        let mut pages: Vec<Page> = chunks.into_iter().map(|n| self.docs_page(n)).collect();
        pages.extend(shards.iter().map(|shard| self.terms_page(shard)));
        pages
    }

    /// Sets document `doc`; gives its chunk if the document changed.
    fn replace_doc(&mut self, doc: u32, json: String) -> Option<usize> {
        let slot = &mut self.docs[doc as usize];
        (*slot != json).then(|| {
            *slot = json;
            doc as usize / DOCS_PER_CHUNK
        })
    }

    /// Works out briefing `b`'s terms again and moves its postings to them;
    /// gives the terms whose postings changed.
    fn replace_postings(&mut self, b: usize, entry: &BriefingEntry) -> Vec<u32> {
        let doc = self.briefing_docs[b];
        let new = briefing_terms(&mut self.gathered, &self.entity_terms, entry);
        let old = std::mem::replace(&mut self.briefing_terms[b], new);
        let new = &self.briefing_terms[b];
        let gone = old.iter().filter(|p| new.binary_search(p).is_err());
        let came = new.iter().filter(|p| old.binary_search(p).is_err());
        let mut changed = Vec::new();
        for &(term, _) in gone {
            let list = &mut self.gathered.postings[term as usize];
            if let Ok(at) = list.binary_search_by_key(&doc, |p| p[0]) {
                list.remove(at);
            }
            changed.push(term);
        }
        for &(term, weight) in came {
            let list = &mut self.gathered.postings[term as usize];
            let at = list.partition_point(|p| p[0] < doc);
            list.insert(at, [doc, weight]);
            changed.push(term);
        }
        changed
    }

    /// `search/docs-N.js`.
    fn docs_page(&self, n: usize) -> Page {
        let chunk = &self.docs[n * DOCS_PER_CHUNK..((n + 1) * DOCS_PER_CHUNK).min(self.docs.len())];
        let json = format!("[{}]", chunk.join(","));
        let body = format!(
            "dossierSearch.docs({n},{});\n",
            super::previews::escape_for_script(&json)
        );
        Page {
            path: format!("search/docs-{n}.js"),
            bytes: body.into_bytes(),
        }
    }

    /// `search/t-XX.js`: the postings of the shard's terms, best first.
    fn terms_page(&self, shard: &str) -> Page {
        let terms: BTreeMap<&str, Postings> = self.shards[shard]
            .iter()
            .map(|&id| {
                let term = self.gathered.terms[id as usize].as_str();
                (term, best_postings(&self.gathered.postings[id as usize]))
            })
            .collect();
        let json = serde_json::to_string(&terms).unwrap_or_default();
        Page {
            path: format!("search/t-{shard}.js"),
            bytes: format!("dossierSearch.terms(\"{shard}\",{json});\n").into_bytes(),
        }
    }
}

/// A term's best [`MAX_POSTINGS`] postings, best first.
fn best_postings(postings: &[[u32; 2]]) -> Postings {
    let best_first = |a: &[u32; 2], b: &[u32; 2]| b[1].cmp(&a[1]).then(a[0].cmp(&b[0]));
    let mut list = postings.to_vec();
    if list.len() > MAX_POSTINGS {
        list.select_nth_unstable_by(MAX_POSTINGS, best_first);
        list.truncate(MAX_POSTINGS);
    }
    list.sort_by(best_first);
    list
}

fn entity_doc(entity: &Entity) -> String {
    let detail = format!("{} · {} mention(s)", entity.kind, entity.mention_count);
    doc_json(&Doc(
        entity.kind.as_str(),
        &entity.name,
        paths::entity_page(&entity.slug),
        detail,
    ))
}

fn topic_doc(topic: &Topic) -> String {
    doc_json(&Doc(
        "topic",
        &topic.name,
        paths::topic_page(&topic.slug),
        format!("topic · {} briefing(s)", topic.briefings.len()),
    ))
}

fn briefing_doc(entry: &BriefingEntry) -> String {
    let briefing = &entry.briefing;
    let detail = briefing
        .date
        .map(|d| d.long())
        .unwrap_or_else(|| "briefing".into());
    doc_json(&Doc(
        "briefing",
        &briefing.title,
        paths::briefing_page(&briefing.slug),
        detail,
    ))
}

fn doc_json(doc: &Doc) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// A briefing's terms with their weights, in term order: its title, authors
/// and summary, and the names and aliases of the entities it mentions, each
/// term at the best weight it has there.
fn briefing_terms(
    gathered: &mut Gathered,
    entity_terms: &[Vec<u32>],
    entry: &BriefingEntry,
) -> Vec<(u32, u32)> {
    let briefing = &entry.briefing;
    let mut weights: Vec<(u32, u32)> = Vec::new();
    let mut add = |ids: &[u32], weight: u32| weights.extend(ids.iter().map(|&id| (id, weight)));
    add(&gathered.term_ids(&briefing.title), WEIGHT_TITLE);
    for author in &briefing.authors {
        add(&gathered.term_ids(author), WEIGHT_AUTHOR);
    }
    if let Some(summary) = &briefing.summary {
        add(&gathered.term_ids(summary), WEIGHT_SUMMARY);
    }
    for &(entity, _) in &entry.entities {
        add(&entity_terms[entity], WEIGHT_MENTION);
    }
    // Best weight first within a term, then keep each term's first.
    weights.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    weights.dedup_by_key(|p| p.0);
    weights
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
    use crate::render::testing;

    #[test]
    fn updated_index_is_as_built_from_scratch() {
        let mut kb = testing::sample_kb();
        let mut index = SearchIndex::new(&kb);
        let before = index.pages();
        let touched = testing::edit_mentions(&mut kb);
        let returned = index.update(&kb, &touched.entities, &touched.briefings, &touched.topics);
        testing::assert_patched(&before, &returned, &SearchIndex::new(&kb).pages());
    }

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
