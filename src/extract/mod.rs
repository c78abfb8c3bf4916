//! Knowledge extraction: the entities and topics of every briefing.
//!
//! Sources, strongest first: curated notes, the built-in gazetteer, and names
//! discovered from capitalisation and context. Each briefing is read in
//! parallel (tokens → names → short forms resolved); the corpus pass then
//! merges aliases, settles types and holds weak names back as candidates.

pub mod corpus;
pub mod lexicon;
pub mod merges;
pub mod resolve;
pub mod romanise;
pub mod spans;
pub mod tokens;
pub mod topics;
pub mod vocabulary;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::Config;
use crate::document::{BlockKind, Document};
use crate::model::extraction::{
    Candidate, ExtractedEntity, Extraction, Mention, MergeNote, TopicDef,
};
use crate::model::names::name_key;
use crate::model::sources::{EntityNote, TopicNote};
use crate::model::EntityKind;
use lexicon::{Gazetteer, Known, Source};
use resolve::{Evidence, Found, Key, Local};
use spans::{Finder, Span};

/// What extraction reads besides the documents.
pub struct Inputs<'a> {
    pub documents: &'a [Document],
    /// Topics named in each briefing's front matter.
    pub front_matter_topics: &'a [Vec<String>],
    pub entity_notes: &'a [EntityNote],
    pub topic_notes: &'a [TopicNote],
    pub config: &'a Config,
}

/// Runs extraction over a corpus.
pub fn extract(inputs: &Inputs) -> Extraction {
    extract_keeping_resolver(inputs).0
}

/// What the corpus pass learns from one briefing about each key it names.
type Locals = Vec<(Key, Local)>;
/// One briefing's names, and what they tell about each key.
type PerBriefing<'d> = (Vec<Found<'d>>, Locals);

/// Runs extraction over a corpus, and keeps what it settled so a briefing
/// can be read again later under the same decisions ([`Resolver`]).
pub fn extract_keeping_resolver(inputs: &Inputs) -> (Extraction, Resolver) {
    let builtin = lexicon::builtin();
    let layered = (!inputs.entity_notes.is_empty())
        .then(|| with_registry(&builtin.gazetteer, inputs.entity_notes));
    let gazetteer = layered.as_ref().unwrap_or(&builtin.gazetteer);
    let index = topic_index(inputs);
    let (per_briefing, word_evidence): (Vec<PerBriefing>, Vec<topics::TopicEvidence>) = inputs
        .documents
        .par_iter()
        .map_init(Scratch::default, |scratch, doc| {
            let (found, words) = find_in_document(doc, gazetteer, builtin, &index, scratch);
            let locals = resolve::locals(&found);
            ((found, locals), words)
        })
        .unzip();
    let (per_briefing, locals): (Vec<Vec<Found>>, Vec<Locals>) = per_briefing.into_iter().unzip();
    let evidence = resolve::gather(&locals);
    let merges = merges::corpus_merges(&evidence, gazetteer);
    let notes = merge_notes(&evidence, &merges, gazetteer);
    let evidence = merges::apply_merges(evidence, &merges.resolved);
    let (mut entities, mut ids, candidates) = settle(&evidence, gazetteer, inputs);
    for (target, note) in notes {
        if let Some(&id) = ids.get(&target) {
            entities[id as usize].merged.push(note);
        }
    }
    // Merged keys answer with their target's entity, so every later lookup
    // is one hash probe.
    for (from, to) in &merges.resolved {
        if let Some(&id) = ids.get(to) {
            ids.insert(from.clone(), id);
        }
    }
    let mentions = per_briefing
        .par_iter()
        .map(|found| mentions_of(found, &ids))
        .collect::<Vec<_>>();
    let entities = with_surfaces(entities, inputs.documents, &mentions);
    let entity_names: Vec<String> = entities.iter().map(|e| e.name.clone()).collect();
    let briefing_topics = inputs
        .documents
        .par_iter()
        .zip(word_evidence)
        .zip(mentions.par_iter())
        .zip(inputs.front_matter_topics.par_iter())
        .map(|(((doc, words), mentions), front_matter)| {
            topics_of(&index, doc, words, mentions, &entity_names, front_matter)
        })
        .collect();
    let resolver = Resolver {
        entity_names,
        layered,
        ids,
        index,
        corpus: corpus::Corpus {
            locals,
            merges,
            threshold: inputs.config.confidence_threshold as f32,
            note_roles: inputs.entity_notes.iter().map(|n| n.role.clone()).collect(),
            postings: None,
        },
    };
    let extraction = Extraction {
        entities,
        mentions,
        candidates,
        topics: resolver.index.topics.clone(),
        briefing_topics,
    };
    (extraction, resolver)
}

/// What each merge joined and why, by the key of the entity it ends in.
fn merge_notes(
    evidence: &BTreeMap<Key, Evidence>,
    merges: &merges::Merges,
    gazetteer: &Gazetteer,
) -> Vec<(Key, MergeNote)> {
    let name_of = |key: &Key| match key {
        Key::Known(id) => gazetteer.entry(*id).name.clone(),
        Key::Found(text) => evidence
            .get(key)
            .map_or_else(|| text.to_string(), resolve::display_name),
    };
    let mut notes = Vec::new();
    for (from, target) in &merges.resolved {
        let (Some(e), Some(why)) = (evidence.get(from), merges.why.get(from)) else {
            continue;
        };
        let mut forms: Vec<(&String, &usize)> = e.names.iter().collect();
        forms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let note = MergeNote {
            forms: forms.into_iter().map(|(f, _)| f.clone()).collect(),
            via: (merges.direct[from] != *target).then(|| name_of(&merges.direct[from])),
            reason: why.describe(),
        };
        notes.push((target.clone(), note));
    }
    notes
}

/// The corpus-wide decisions of one extraction (which names are which
/// entities, the topic index), kept to read an edited briefing again.
pub struct Resolver {
    layered: Option<Gazetteer>,
    index: topics::TopicIndex,
    ids: FxHashMap<Key, u32>,
    /// Entity names by extraction id.
    entity_names: Vec<String>,
    corpus: corpus::Corpus,
}

/// An edited briefing read again: its mentions (with extraction's entity
/// ids) and the slugs of its topics.
#[derive(Debug)]
pub struct Reread {
    pub mentions: Vec<Mention>,
    pub topic_slugs: Vec<String>,
    /// Whether the briefing names what it named before, in the same order
    /// and forms: then only where the names sit has changed.
    pub same_names: bool,
    locals: Vec<(Key, Local)>,
}

impl Resolver {
    /// Reads `new`, an edit of briefing `b` whose document was `old`, under
    /// the same decisions. Gives its findings when the corpus decides
    /// everything as before: the same merges, and every entity with the same
    /// name, type and role; mentions and their counts may change. Otherwise
    /// says which decision would change (a full extraction is then needed).
    pub fn reread(
        &mut self,
        b: usize,
        old: &Document,
        new: &Document,
        front_matter: &[String],
    ) -> Result<Reread, corpus::NameChange> {
        let builtin = lexicon::builtin();
        let gazetteer = self.layered.as_ref().unwrap_or(&builtin.gazetteer);
        let mut scratch = Scratch::default();
        let (old_found, _) = find_in_document(old, gazetteer, builtin, &self.index, &mut scratch);
        let mut scratch = Scratch::default();
        let (new_found, words) =
            find_in_document(new, gazetteer, builtin, &self.index, &mut scratch);
        let locals = resolve::locals(&new_found);
        let same_names = same_findings(&old_found, &new_found);
        if !same_names {
            self.corpus.edit_keeps_decisions(b, &locals, gazetteer)?;
        }
        let mentions = mentions_of(&new_found, &self.ids);
        let topics = topics_of(
            &self.index,
            new,
            words,
            &mentions,
            &self.entity_names,
            front_matter,
        );
        let topic_slugs = topics
            .into_iter()
            .map(|t| self.index.topics[t].slug.to_string())
            .collect();
        Ok(Reread {
            mentions,
            topic_slugs,
            same_names,
            locals,
        })
    }

    /// Frees what the corpus pass found in each briefing; edits that change
    /// names can then no longer be checked, and are refused.
    pub fn forget_corpus(&mut self) {
        self.corpus.forget();
    }

    /// Records an edit read by [`Resolver::reread`] once it is patched in.
    pub fn accept(&mut self, b: usize, reread: Reread) {
        self.corpus.accept(b, reread.locals);
    }
}

/// Whether two readings found the same names, in the same order, with the
/// same forms, votes, confidence and roles.
fn same_findings(old: &[Found], new: &[Found]) -> bool {
    fn learnt<'f>(f: &Found<'f>) -> impl PartialEq + 'f {
        (
            f.key.clone(),
            f.surface,
            f.name,
            f.votes,
            f.confidence,
            f.role.clone(),
            (f.single, f.common, f.defines.clone(), f.initial),
        )
    }
    old.iter().map(learnt).eq(new.iter().map(learnt))
}

/// The built-in gazetteer with the site's curated entities layered on top.
fn with_registry(builtin: &Gazetteer, notes: &[EntityNote]) -> Gazetteer {
    let mut gazetteer = builtin.clone();
    for (index, note) in notes.iter().enumerate() {
        let known = Known {
            name: note.name.clone(),
            kind: note.kind,
            source: Source::Registry,
            note: Some(index),
        };
        let mut names: Vec<&str> = vec![note.name.as_str()];
        names.extend(note.aliases.iter().map(String::as_str));
        gazetteer.add(known, &names);
    }
    gazetteer
}

/// Buffers a thread reuses from one briefing to the next.
#[derive(Default)]
struct Scratch<'d> {
    tokens: Vec<tokens::Token>,
    spans: Vec<Span>,
    sentence_starts: Vec<u32>,
    /// The keys of the discovered names this thread has seen so far.
    keys: FxHashMap<&'d str, Arc<str>>,
    words: topics::WordBuffers,
}

/// Finds and locally resolves the names in one briefing.
fn find_in_document<'d>(
    doc: &'d Document,
    gazetteer: &Gazetteer,
    builtin: &lexicon::Builtin,
    topic_index: &topics::TopicIndex,
    scratch: &mut Scratch<'d>,
) -> (Vec<Found<'d>>, topics::TopicEvidence) {
    let mut finder = Finder::new(gazetteer, builtin);
    let mut words = topic_index.evidence();
    let Scratch {
        tokens,
        spans,
        sentence_starts,
        keys,
        words: word_buffers,
    } = scratch;
    let mut found = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.text.is_empty() {
            continue;
        }
        tokens::tokenize(&block.text, tokens);
        let block_words = tokens.iter().map(|t| t.word(&block.text));
        topic_index.add_words(&mut words, word_buffers, block_words);
        spans.clear();
        let title_case = matches!(block.kind, BlockKind::Title | BlockKind::Heading)
            && is_title_case(&block.text, tokens);
        finder.find(&block.text, tokens, title_case, spans);
        sentence_starts.clear();
        sentence_starts.extend(
            tokens
                .iter()
                .filter(|t| t.has(tokens::SENTENCE_START))
                .map(|t| t.start),
        );
        let first_new = found.len();
        for span in spans.iter() {
            found.push(to_found(
                &block.text,
                index as u32,
                span,
                sentence_starts,
                keys,
            ));
        }
        link_acronyms(&mut found[first_new..], spans);
    }
    resolve::resolve_in_briefing(&mut found, gazetteer);
    (found, words)
}

/// Most longer words capitalised: a headline, where capitals mean little.
fn is_title_case(text: &str, tokens: &[tokens::Token]) -> bool {
    let long: Vec<_> = tokens
        .iter()
        .filter(|t| t.word(text).chars().count() > 3)
        .collect();
    let capitalised = long.iter().filter(|t| t.has(tokens::CAPITALISED)).count();
    long.len() >= 2 && capitalised * 10 >= long.len() * 7
}

fn to_found<'d>(
    text: &'d str,
    block: u32,
    span: &Span,
    sentence_starts: &[u32],
    keys: &mut FxHashMap<&'d str, Arc<str>>,
) -> Found<'d> {
    let name = span.name(text);
    let key = match span.known {
        Some(id) => Key::Known(id),
        None => Key::Found(
            keys.entry(name)
                .or_insert_with(|| name_key(name).into())
                .clone(),
        ),
    };
    Found {
        key,
        block,
        start: span.start,
        end: span.surface_end,
        sentence: sentence_around(text, span.start, sentence_starts),
        surface: span.surface(text),
        name,
        votes: span.votes,
        confidence: span.confidence,
        role: span.role.clone(),
        single: span.single,
        common: span.common,
        defines: None,
        initial: span.initial,
    }
}

/// Copies each acronym's target key from its span index to the found list.
fn link_acronyms(found: &mut [Found], spans: &[Span]) {
    for (i, span) in spans.iter().enumerate() {
        if let Some(target) = span.defines {
            found[i].defines = Some(found[target].key.clone());
        }
    }
}

/// The sentence holding `offset`: from the sentence start before it to the
/// next one (or the block's end), trimmed.
fn sentence_around(text: &str, offset: u32, starts: &[u32]) -> (u32, u32) {
    let index = starts.partition_point(|&s| s <= offset);
    let start = if index == 0 { 0 } else { starts[index - 1] };
    let end = starts.get(index).copied().unwrap_or(text.len() as u32);
    let slice = &text[start as usize..end as usize];
    let trimmed_end = start + slice.trim_end().len() as u32;
    (start, trimmed_end)
}

/// Decides which keys become entities; the rest become candidates.
fn settle(
    evidence: &BTreeMap<Key, Evidence>,
    gazetteer: &Gazetteer,
    inputs: &Inputs,
) -> (Vec<ExtractedEntity>, FxHashMap<Key, u32>, Vec<Candidate>) {
    let threshold = inputs.config.confidence_threshold as f32;
    let mut entities = Vec::new();
    let mut ids = FxHashMap::default();
    let mut candidates = Vec::new();
    for (key, e) in evidence {
        let entity = match key {
            Key::Known(id) => known_entity(gazetteer.entry(*id), e, inputs.entity_notes),
            Key::Found(_) => {
                let kind = resolve::top_kind(&e.votes).unwrap_or(EntityKind::Other);
                if e.confidence < threshold || resolve::only_sentence_initial(e) {
                    candidates.push(candidate(e, kind, threshold));
                    continue;
                }
                ExtractedEntity {
                    name: resolve::display_name(e),
                    kind,
                    aliases: BTreeSet::new(),
                    role: top_role(e),
                    note: None,
                    merged: Vec::new(),
                }
            }
        };
        ids.insert(key.clone(), entities.len() as u32);
        entities.push(entity);
    }
    add_unmentioned_notes(&mut entities, inputs.entity_notes, gazetteer, &mut ids);
    let discovered: Vec<usize> = evidence
        .keys()
        .filter(|k| matches!(k, Key::Found(_)))
        .filter_map(|k| ids.get(k).map(|&i| i as usize))
        .collect();
    candidates.extend(spelling_variants(&entities, &discovered));
    (entities, ids, candidates)
}

/// Discovered names that look like another spelling of a published name of
/// the same kind (`Lukashenko` beside `Lukashenka`, `Hrodna` beside
/// `Grodno` is left to the gazetteer): proposed for curation, never merged
/// on a guess. Names are compared within buckets of kind, word count and
/// first letter, so this stays near-linear.
fn spelling_variants(entities: &[ExtractedEntity], discovered: &[usize]) -> Vec<Candidate> {
    let mut buckets: BTreeMap<(EntityKind, usize, char), Vec<(usize, String)>> = BTreeMap::new();
    for &i in discovered {
        let key = name_key(&entities[i].name);
        let Some(first) = key.chars().next() else {
            continue;
        };
        if key.len() >= 6 {
            buckets
                .entry((entities[i].kind, key.split(' ').count(), first))
                .or_default()
                .push((i, key));
        }
    }
    let mut proposals = Vec::new();
    for names in buckets
        .values()
        .filter(|names| names.len() > 1 && names.len() <= 2_000)
    {
        for (n, (a, key_a)) in names.iter().enumerate() {
            for (b, key_b) in &names[n + 1..] {
                if one_edit_apart(key_a.as_bytes(), key_b.as_bytes()) {
                    proposals.push(Candidate {
                        name: entities[*b].name.clone(),
                        kind: entities[*b].kind,
                        confidence: 0.0,
                        briefings: 0,
                        reason: format!("possibly another spelling of `{}`; add it to that entity's aliases in seeds/entities/ to merge them", entities[*a].name),
                    });
                }
            }
        }
    }
    proposals
}

/// Whether one byte inserted, deleted or replaced turns `a` into `b`
/// (Levenshtein distance 1; keys are ASCII).
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        same < short.len() && short[same + 1..] == long[same + 1..]
    } else {
        short[same..] == long[same + 1..]
    }
}

fn known_entity(known: &Known, e: &Evidence, notes: &[EntityNote]) -> ExtractedEntity {
    let note = known.note.map(|i| &notes[i]);
    ExtractedEntity {
        name: shown_name(known, e),
        kind: known.kind,
        aliases: note
            .map(|n| n.aliases.iter().cloned().collect())
            .unwrap_or_default(),
        role: note.and_then(|n| n.role.clone()).or_else(|| top_role(e)),
        note: known.note,
        merged: Vec::new(),
    }
}

/// A known entity's name: a curated note's as curated, a built-in one's
/// as the briefings write it ([`resolve::written_name`]).
fn shown_name(known: &Known, e: &Evidence) -> String {
    match known.source {
        Source::Registry => known.name.clone(),
        _ => resolve::written_name(&known.name, e),
    }
}

fn top_role(e: &Evidence) -> Option<String> {
    e.roles
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(role, _)| role.clone())
}

fn candidate(e: &Evidence, kind: EntityKind, threshold: f32) -> Candidate {
    let briefings = e.briefings.len();
    let reason = if e.confidence >= threshold {
        format!("seen in {briefings} briefing(s), only at the start of sentences or in headlines, where capitals prove nothing")
    } else {
        format!(
            "confidence {:.2} below the threshold {:.2}: seen in {} briefing(s){}",
            e.confidence,
            threshold,
            briefings,
            if e.votes.iter().all(|&v| v == 0.0) {
                " with no cue to its type"
            } else {
                ""
            }
        )
    };
    Candidate {
        name: resolve::display_name(e),
        kind,
        confidence: e.confidence,
        briefings,
        reason,
    }
}

/// Curated entities get a page even before any briefing mentions them.
fn add_unmentioned_notes(
    entities: &mut Vec<ExtractedEntity>,
    notes: &[EntityNote],
    gazetteer: &Gazetteer,
    ids: &mut FxHashMap<Key, u32>,
) {
    for (id, known) in gazetteer.entries.iter().enumerate() {
        let key = Key::Known(id as u32);
        if known.source == Source::Registry && !ids.contains_key(&key) {
            ids.insert(key, entities.len() as u32);
            entities.push(known_entity(known, &Evidence::default(), notes));
        }
    }
}

fn mentions_of(found: &[Found], ids: &FxHashMap<Key, u32>) -> Vec<Mention> {
    found
        .iter()
        .filter_map(|f| {
            let entity = *ids.get(&f.key)?;
            Some(Mention {
                entity,
                block: f.block,
                start: f.start,
                end: f.end,
                sentence: f.sentence,
            })
        })
        .collect()
}

/// Every form an entity is written in becomes an alias (its name aside).
fn with_surfaces(
    mut entities: Vec<ExtractedEntity>,
    documents: &[Document],
    mentions: &[Vec<Mention>],
) -> Vec<ExtractedEntity> {
    let mut seen: FxHashSet<(u32, &str)> = FxHashSet::default();
    for (doc, mentions) in documents.iter().zip(mentions) {
        for m in mentions {
            let written = &doc.blocks[m.block as usize].text[m.start as usize..m.end as usize];
            let surface = without_possessive(written);
            if seen.insert((m.entity, surface)) {
                let aliases = &mut entities[m.entity as usize].aliases;
                if !aliases.contains(surface) {
                    aliases.insert(surface.to_string());
                }
            }
        }
    }
    for entity in &mut entities {
        let name = entity.name.clone();
        entity.aliases.remove(&name);
    }
    entities
}

/// A name as written without its possessive ending (`Lukashenka’s`,
/// `the States'`).
fn without_possessive(written: &str) -> &str {
    ["'s", "’s", "'S", "’S", "'", "’"]
        .iter()
        .find_map(|ending| written.strip_suffix(ending))
        .map_or(written, str::trim_end)
}

/// Every topic definition: curated notes, then the built-in set, then
/// front-matter topics no definition covers.
fn topic_index(inputs: &Inputs) -> topics::TopicIndex {
    let mut defs: Vec<TopicDef> = inputs.topic_notes.iter().map(topics::from_note).collect();
    if inputs.config.builtin_topics {
        for def in topics::builtin(&inputs.config.rename_topics) {
            if !defs.iter().any(|d| d.slug == def.slug) {
                defs.push(def);
            }
        }
    }
    add_front_matter_topics(&mut defs, inputs.front_matter_topics);
    topics::TopicIndex::new(defs)
}

fn add_front_matter_topics(defs: &mut Vec<TopicDef>, front_matter: &[Vec<String>]) {
    for name in front_matter.iter().flatten() {
        let slug = crate::paths::slugify(name);
        if !defs.iter().any(|d| d.slug == slug) {
            defs.push(TopicDef {
                name: name.clone(),
                slug,
                keywords: Vec::new(),
                entities: Vec::new(),
                near: Vec::new(),
                description: String::new(),
                threshold: f32::INFINITY,
                min_distinct: usize::MAX,
            });
        }
    }
}

fn topics_of(
    index: &topics::TopicIndex,
    doc: &Document,
    words: topics::TopicEvidence,
    mentions: &[Mention],
    entity_names: &[String],
    front_matter: &[String],
) -> Vec<usize> {
    let mut ids: Vec<u32> = mentions.iter().map(|m| m.entity).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: Vec<&str> = ids
        .iter()
        .map(|&id| entity_names[id as usize].as_str())
        .collect();
    let mut assigned: BTreeSet<usize> = index.finish(words, &names).into_iter().collect();
    let slug_of = |name: &str| crate::paths::slugify(name);
    for name in front_matter {
        let slug = slug_of(name);
        if let Some(t) = index.topics.iter().position(|t| t.slug == slug) {
            assigned.insert(t);
        }
    }
    for text in &doc.placeholder_texts() {
        if let Some(t) = index.named(text) {
            assigned.insert(t);
        }
    }
    assigned.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;

    #[test]
    fn one_edit_apart_is_levenshtein_distance_one() {
        for (a, b, expected) in [
            ("lukashenko", "lukashenka", true),
            ("abc", "abcd", true),
            ("abcd", "acd", true),
            ("", "a", true),
            ("abc", "abc", false),
            ("ab", "ba", false),
            ("abc", "abcde", false),
            ("abcd", "xbcy", false),
        ] {
            assert_eq!(
                one_edit_apart(a.as_bytes(), b.as_bytes()),
                expected,
                "{a} / {b}"
            );
            assert_eq!(
                one_edit_apart(b.as_bytes(), a.as_bytes()),
                expected,
                "{b} / {a}"
            );
        }
    }
}
