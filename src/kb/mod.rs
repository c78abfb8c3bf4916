//! The knowledge base: briefings, entities, topics and the links between
//! them, built once from ingest and extraction and not changed while pages
//! render. Between rebuilds, `serve` patches it: an edit that kept a
//! briefing's names swaps in its text ([`KnowledgeBase::replace_text`]); one
//! that names entities more or less often, or moves the briefing between
//! topics, recounts what it reaches (`patch.rs`,
//! [`KnowledgeBase::patch_mentions`]). `incremental::plan` decides which.
//!
//! Everything a page shows is computed here: who is mentioned where, who
//! appears with whom, which briefings are related, newest-first orders and
//! slugs. Rendering only reads it.

mod patch;
mod related;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::document::Document;
use crate::model::extraction::{
    Candidate, ExtractedEntity, Extraction, Mention, MergeNote, TopicDef,
};
use crate::model::names::{name_key, name_skeleton};
use crate::model::sources::{Briefing, EntityNote};
use crate::model::EntityKind;
use crate::paths::{slugify, Slug, SlugAllocator};
pub use patch::{Edited, KbChange, Patch, Tallies};
use related::{co_mentions, related_briefings, MAX_CO_MENTIONS};

/// A briefing with its parsed body and what was found in it.
#[derive(Debug)]
pub struct BriefingEntry {
    pub briefing: Briefing,
    pub doc: Document,
    pub mentions: Vec<Mention>,
    /// Entities mentioned, with mention counts, in order of first mention.
    pub entities: Vec<(usize, usize)>,
    pub topics: Vec<usize>,
    /// Author entities.
    pub authors: Vec<usize>,
    /// Related briefings with their scores, best first.
    pub related: Vec<(usize, f32)>,
}

/// An entity and everything known about it.
#[derive(Debug)]
pub struct Entity {
    pub slug: Slug,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: BTreeSet<String>,
    /// The forms merged into it, and why (`dossier entities --why`).
    pub merged: Vec<MergeNote>,
    pub role: Option<String>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
    pub mention_count: usize,
    /// Briefings that mention it, newest first.
    pub briefings: Vec<usize>,
    /// Briefings it wrote, newest first.
    pub authored: Vec<usize>,
    /// Entities mentioned in the same briefings, with counts, most first.
    pub co_mentions: Vec<(usize, usize)>,
    /// Topics of the briefings that mention it, with counts, most first.
    pub topics: Vec<(usize, usize)>,
}

/// A topic and its briefings.
#[derive(Debug)]
pub struct Topic {
    pub slug: Slug,
    pub name: String,
    pub description: String,
    /// Briefings under this topic, newest first.
    pub briefings: Vec<usize>,
    /// Entities most mentioned in those briefings, with counts.
    pub entities: Vec<(usize, usize)>,
}

/// The whole knowledge base.
#[derive(Debug)]
pub struct KnowledgeBase {
    pub config: Config,
    pub briefings: Vec<BriefingEntry>,
    /// Briefing indices, newest first.
    pub by_date: Vec<usize>,
    /// Entities sorted by name.
    pub entities: Vec<Entity>,
    /// Topics sorted by name.
    pub topics: Vec<Topic>,
    pub candidates: Vec<Candidate>,
    /// The entity of each extraction id.
    pub extracted_ids: Vec<usize>,
}

impl KnowledgeBase {
    pub fn entity_by_name(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// The entity named `name` or written so (an alias or a merged form),
    /// letters compared case- and accent-insensitively; failing that, the
    /// one whose name (or, for one word, whose family name alone) reads the
    /// same once romanisation is set aside, if only one does.
    pub fn entity_written_as(&self, name: &str) -> Option<&Entity> {
        let forms = |e: &'_ Entity| -> Vec<String> {
            let merged = e.merged.iter().flat_map(|n| n.forms.iter());
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(merged)
                .cloned()
                .collect()
        };
        let key = name_key(name);
        let skeleton = name_skeleton(name);
        self.entities
            .iter()
            .find(|e| forms(e).iter().any(|f| name_key(f) == key))
            .or_else(|| {
                let reads_alike = |f: &String| {
                    let last = f.rsplit(' ').next().unwrap_or(f);
                    name_skeleton(f) == skeleton
                        || !name.contains(' ') && name_skeleton(last) == skeleton
                };
                let mut alike = self
                    .entities
                    .iter()
                    .filter(|e| forms(e).iter().any(reads_alike));
                let first = alike.next();
                first.filter(|_| alike.next().is_none())
            })
    }

    /// Swaps in the edited text of briefing `index`. The caller has checked
    /// that the edit keeps everything the rest of the knowledge base derives
    /// from it (metadata, entities and their counts, surface forms, topics):
    /// `mentions` name the same entities in the same order as before.
    pub fn replace_text(
        &mut self,
        index: usize,
        briefing: Briefing,
        doc: Document,
        mentions: Vec<Mention>,
    ) {
        let entry = &mut self.briefings[index];
        debug_assert!(mentions
            .iter()
            .map(|m| m.entity)
            .eq(entry.mentions.iter().map(|m| m.entity)));
        entry.briefing = briefing;
        entry.doc = doc;
        entry.mentions = mentions;
    }
}

/// Builds the knowledge base.
pub fn build(
    config: Config,
    briefings: Vec<Briefing>,
    docs: Vec<Document>,
    extraction: Extraction,
    entity_notes: &[EntityNote],
) -> KnowledgeBase {
    let Extraction {
        entities: found,
        mentions,
        candidates,
        topics: topic_defs,
        briefing_topics,
    } = extraction;
    let by_date = newest_first(&briefings);
    let rank = ranks(&by_date);
    let extracted = found.len();
    let mut entities: Vec<Entity> = found
        .into_iter()
        .map(|e| {
            let note = e.note.map(|i| &entity_notes[i]);
            new_entity(e, note)
        })
        .collect();
    let authors = link_authors(&mut entities, &briefings, &by_date);
    let mut entries: Vec<BriefingEntry> = briefings
        .into_iter()
        .zip(docs)
        .zip(mentions)
        .zip(briefing_topics)
        .zip(authors)
        .map(|((((briefing, doc), mentions), topics), authors)| {
            new_entry(briefing, doc, mentions, topics, authors)
        })
        .collect();
    fill_entity_stats(&mut entities, &entries, &rank);
    let mut topics = build_topics(topic_defs, &entries, &rank);
    let (mut entities, mut topics, new_index) = sort_and_slug(entities, &mut entries, &mut topics);
    fill_ranked_lists(&mut entities, &mut entries, &mut topics, &rank);
    KnowledgeBase {
        config,
        briefings: entries,
        by_date,
        entities,
        topics,
        candidates,
        extracted_ids: new_index[..extracted].to_vec(),
    }
}

/// An extracted entity, with its curated note's description and Wikidata
/// id; its slug and counts come later.
fn new_entity(e: ExtractedEntity, note: Option<&EntityNote>) -> Entity {
    Entity {
        slug: slugify(""),
        description: note
            .map(|n| n.description.clone())
            .filter(|d| !d.is_empty()),
        wikidata: note.and_then(|n| n.wikidata.clone()),
        name: e.name,
        kind: e.kind,
        aliases: e.aliases,
        merged: e.merged,
        role: e.role,
        mention_count: 0,
        briefings: Vec::new(),
        authored: Vec::new(),
        co_mentions: Vec::new(),
        topics: Vec::new(),
    }
}

/// A briefing with what was found in it; its related briefings come later.
fn new_entry(
    briefing: Briefing,
    doc: Document,
    mentions: Vec<Mention>,
    topics: Vec<usize>,
    authors: Vec<usize>,
) -> BriefingEntry {
    BriefingEntry {
        entities: count_in_order(&mentions),
        briefing,
        doc,
        mentions,
        topics,
        authors,
        related: Vec::new(),
    }
}

/// The lists ranked by count (co-mentions, related briefings, a topic's
/// entities, an entity's topics), once entities have their final order:
/// ties break by it.
fn fill_ranked_lists(
    entities: &mut [Entity],
    entries: &mut [BriefingEntry],
    topics: &mut [Topic],
    rank: &[usize],
) {
    let co = co_mentions(entries, entities.len());
    for (entity, list) in entities.iter_mut().zip(co) {
        entity.co_mentions = list;
    }
    let related = related_briefings(entries, entities, rank);
    for (entry, list) in entries.iter_mut().zip(related) {
        entry.related = list;
    }
    for topic in topics.iter_mut() {
        topic.entities = topic_entities(topic, entries);
    }
    fill_entity_topics(entities, entries);
}

/// Briefing indices by date, newest first; undated last; ties by title, source.
fn newest_first(briefings: &[Briefing]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..briefings.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&briefings[a], &briefings[b]);
        b.date
            .cmp(&a.date)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.source.cmp(&b.source))
    });
    order
}

/// Each briefing's position in a newest-first order.
pub fn ranks(by_date: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; by_date.len()];
    for (position, &briefing) in by_date.iter().enumerate() {
        rank[briefing] = position;
    }
    rank
}

/// Authors are people: each author name becomes (or joins) a person entity.
/// A byline in another romanisation than the text (`Ihar Karpenka` over
/// text naming `Igor Karpenko`) joins the person found in the text; authors
/// are otherwise told apart by their exact names.
fn link_authors(
    entities: &mut Vec<Entity>,
    briefings: &[Briefing],
    by_date: &[usize],
) -> Vec<Vec<usize>> {
    let people = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person);
    let mut by_key: BTreeMap<String, usize> = people
        .clone()
        .map(|(i, e)| (name_key(&e.name), i))
        .collect();
    let mut by_skeleton: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (i, e) in people {
        let entry = by_skeleton.entry(name_skeleton(&e.name)).or_insert(Some(i));
        if *entry != Some(i) {
            *entry = None; // two people read alike: join neither
        }
    }
    let mut authors = vec![Vec::new(); briefings.len()];
    for &b in by_date {
        for name in &briefings[b].authors {
            let key = name_key(name);
            let found = by_skeleton.get(&name_skeleton(name)).copied().flatten();
            let id = *by_key.entry(key).or_insert_with(|| {
                found.unwrap_or_else(|| {
                    entities.push(new_person(name));
                    entities.len() - 1
                })
            });
            if !authors[b].contains(&id) {
                authors[b].push(id);
                entities[id].authored.push(b);
            }
        }
    }
    authors
}

fn new_person(name: &str) -> Entity {
    Entity {
        slug: slugify(""),
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: BTreeSet::new(),
        merged: Vec::new(),
        role: None,
        description: None,
        wikidata: None,
        mention_count: 0,
        briefings: Vec::new(),
        authored: Vec::new(),
        co_mentions: Vec::new(),
        topics: Vec::new(),
    }
}

/// (entity, count) in order of first mention.
fn count_in_order(mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut position: FxHashMap<usize, usize> = FxHashMap::default();
    for m in mentions {
        let entity = m.entity as usize;
        match position.get(&entity) {
            Some(&i) => counts[i].1 += 1,
            None => {
                position.insert(entity, counts.len());
                counts.push((entity, 1));
            }
        }
    }
    counts
}

fn fill_entity_stats(entities: &mut [Entity], entries: &[BriefingEntry], rank: &[usize]) {
    for (b, entry) in entries.iter().enumerate() {
        for &(entity, count) in &entry.entities {
            entities[entity].mention_count += count;
            entities[entity].briefings.push(b);
        }
    }
    for entity in entities.iter_mut() {
        entity.briefings.sort_by_key(|&b| rank[b]);
    }
}

fn build_topics(defs: Vec<TopicDef>, entries: &[BriefingEntry], rank: &[usize]) -> Vec<Topic> {
    let mut topics: Vec<Topic> = defs
        .into_iter()
        .map(|d| Topic {
            slug: d.slug,
            name: d.name,
            description: d.description,
            briefings: Vec::new(),
            entities: Vec::new(),
        })
        .collect();
    for (b, entry) in entries.iter().enumerate() {
        for &t in &entry.topics {
            topics[t].briefings.push(b);
        }
    }
    for topic in &mut topics {
        topic.briefings.sort_by_key(|&b| rank[b]);
    }
    topics
}

/// The entities most mentioned in a topic's briefings, with their counts.
pub fn topic_entities(topic: &Topic, entries: &[BriefingEntry]) -> Vec<(usize, usize)> {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for &b in &topic.briefings {
        for &(entity, n) in &entries[b].entities {
            *counts.entry(entity).or_default() += n;
        }
    }
    most_first(counts.into_iter().collect(), MAX_CO_MENTIONS)
}

/// Sorts (item, count) by count, most first, ties by item; keeps `max`.
pub fn most_first(mut list: Vec<(usize, usize)>, max: usize) -> Vec<(usize, usize)> {
    let order = |x: &(usize, usize), y: &(usize, usize)| y.1.cmp(&x.1).then(x.0.cmp(&y.0));
    if list.len() > max {
        list.select_nth_unstable_by(max, order);
        list.truncate(max);
    }
    list.sort_by(order);
    list
}

fn fill_entity_topics(entities: &mut [Entity], entries: &[BriefingEntry]) {
    entities
        .par_iter_mut()
        .for_each(|entity| entity.topics = entity_topics(entity, entries));
}

/// The topics of the briefings that mention an entity, with how many of
/// those briefings each has, most first.
pub fn entity_topics(entity: &Entity, entries: &[BriefingEntry]) -> Vec<(usize, usize)> {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for &b in &entity.briefings {
        for &t in &entries[b].topics {
            *counts.entry(t).or_default() += 1;
        }
    }
    most_first(counts.into_iter().collect(), usize::MAX)
}

/// Sorts entities and topics by name, hands out slugs in that order, and
/// rewrites every index that pointed at the old positions; gives each old
/// entity position's new one.
fn sort_and_slug(
    entities: Vec<Entity>,
    entries: &mut [BriefingEntry],
    topics: &mut Vec<Topic>,
) -> (Vec<Entity>, Vec<Topic>, Vec<usize>) {
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&entities[a], &entities[b]);
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for entry in entries.iter_mut() {
        entry
            .entities
            .iter_mut()
            .for_each(|(e, _)| *e = new_index[*e]);
        entry.authors.iter_mut().for_each(|a| *a = new_index[*a]);
        entry
            .mentions
            .iter_mut()
            .for_each(|m| m.entity = new_index[m.entity as usize] as u32);
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut sorted: Vec<Entity> = order
        .iter()
        .map(|&old| slots[old].take().expect("each once"))
        .collect();
    let mut slugs = SlugAllocator::default();
    for entity in &mut sorted {
        entity.slug = slugs.claim(slugify(&entity.name));
    }
    let topics = sort_topics(std::mem::take(topics), entries);
    (sorted, topics, new_index)
}

fn sort_topics(topics: Vec<Topic>, entries: &mut [BriefingEntry]) -> Vec<Topic> {
    let mut order: Vec<usize> = (0..topics.len())
        .filter(|&t| !topics[t].briefings.is_empty() || !topics[t].description.is_empty())
        .collect();
    order.sort_by(|&a, &b| {
        topics[a]
            .name
            .to_lowercase()
            .cmp(&topics[b].name.to_lowercase())
            .then(a.cmp(&b))
    });
    let mut new_index = vec![usize::MAX; topics.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for entry in entries.iter_mut() {
        entry.topics.iter_mut().for_each(|t| *t = new_index[*t]);
        entry.topics.sort_unstable();
    }
    let mut slots: Vec<Option<Topic>> = topics.into_iter().map(Some).collect();
    let mut sorted: Vec<Topic> = order
        .iter()
        .map(|&old| slots[old].take().expect("each once"))
        .collect();
    let mut slugs = SlugAllocator::default();
    for topic in &mut sorted {
        topic.slug = slugs.claim(topic.slug.clone());
    }
    sorted
}

#[cfg(test)]
mod tests;
