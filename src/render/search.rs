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

/// Builds every shard of the index. Documents are numbered entities first
/// (grouped by kind, see [`kinds_page`]), then topics, then briefings
/// newest first.
pub fn index_pages(kb: &KnowledgeBase) -> Vec<Page> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut postings: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
    let add =
        |postings: &mut BTreeMap<String, BTreeMap<u32, u32>>, doc: u32, text: &str, weight: u32| {
            for term in terms(text) {
                let entry = postings.entry(term).or_default().entry(doc).or_default();
                *entry = (*entry).max(weight);
            }
        };
    let by_kind = EntityKind::ALL
        .iter()
        .flat_map(|&kind| kb.entities.iter().filter(move |e| e.kind == kind));
    for (i, entity) in by_kind.enumerate() {
        let detail = format!("{} · {} mention(s)", entity.kind, entity.mention_count);
        docs.push(Doc(
            entity.kind.as_str(),
            &entity.name,
            paths::entity_page(&entity.slug),
            detail,
        ));
        add(&mut postings, i as u32, &entity.name, WEIGHT_NAME);
        for alias in &entity.aliases {
            add(&mut postings, i as u32, alias, WEIGHT_ALIAS);
        }
    }
    let topics_start = docs.len() as u32;
    for (i, topic) in kb.topics.iter().enumerate() {
        docs.push(Doc(
            "topic",
            &topic.name,
            paths::topic_page(&topic.slug),
            format!("topic · {} briefing(s)", topic.briefings.len()),
        ));
        add(
            &mut postings,
            topics_start + i as u32,
            &topic.name,
            WEIGHT_NAME,
        );
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
        add(&mut postings, doc, &briefing.title, WEIGHT_TITLE);
        for author in &briefing.authors {
            add(&mut postings, doc, author, WEIGHT_AUTHOR);
        }
        if let Some(summary) = &briefing.summary {
            add(&mut postings, doc, summary, WEIGHT_SUMMARY);
        }
        for &(entity, _) in &entry.entities {
            let entity = &kb.entities[entity];
            add(&mut postings, doc, &entity.name, WEIGHT_MENTION);
            for alias in &entity.aliases {
                add(&mut postings, doc, alias, WEIGHT_MENTION);
            }
        }
    }
    let mut pages = doc_pages(&docs);
    pages.extend(term_pages(postings));
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
fn term_pages(postings: BTreeMap<String, BTreeMap<u32, u32>>) -> Vec<Page> {
    let mut shards: BTreeMap<String, BTreeMap<String, Postings>> = BTreeMap::new();
    for (term, docs) in postings {
        let mut list: Vec<[u32; 2]> = docs
            .into_iter()
            .map(|(doc, weight)| [doc, weight])
            .collect();
        list.sort_by(|a, b| b[1].cmp(&a[1]).then(a[0].cmp(&b[0])));
        list.truncate(MAX_POSTINGS);
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
