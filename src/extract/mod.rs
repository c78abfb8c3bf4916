//! Knowledge extraction: the entities and topics of every briefing.
//!
//! Sources, strongest first: curated notes, the built-in gazetteer, and names
//! discovered from capitalisation and context. Each briefing is read in
//! parallel (tokens → names → short forms resolved); the corpus pass then
//! merges aliases, settles types and holds weak names back as candidates.

pub mod corpus;
mod echo;
pub mod lexicon;
pub mod merges;
pub mod resolve;
pub mod romanise;
mod settle;
pub mod spans;
pub mod tokens;
pub mod topics;
pub mod vocabulary;

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{BlockKind, Document};
use crate::model::extraction::{ExtractedEntity, Extraction, Mention, TopicDef};
use crate::model::names::name_key;
use crate::model::settings::ExtractSettings;
use crate::model::sources::{EntityNote, TopicNote};
use lexicon::{Gazetteer, Known, Source};
use resolve::{Found, Key, Local};
use spans::{Finder, Span};

/// What extraction reads besides the documents.
pub struct Inputs<'a> {
    pub documents: &'a [Document],
    /// Topics named in each briefing's front matter.
    pub front_matter_topics: &'a [Vec<String>],
    pub entity_notes: &'a [EntityNote],
    pub topic_notes: &'a [TopicNote],
    pub settings: ExtractSettings<'a>,
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
    let (entities, ids, candidates) = settle::entities(evidence, &merges, gazetteer, inputs);
    let mentions = per_briefing
        .par_iter()
        .map(|found| mentions_of(found, &ids))
        .collect::<Vec<_>>();
    let entities = with_surfaces(entities, inputs.documents, &mentions);
    let entity_names: Vec<String> = entities.iter().map(|e| e.name.clone()).collect();
    let briefing_topics = briefing_topics(&index, inputs, word_evidence, &mentions, &entity_names);
    let resolver = Resolver {
        entity_names,
        layered,
        ids,
        index,
        corpus: corpus::Corpus {
            locals,
            merges,
            threshold: inputs.settings.confidence_threshold,
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

/// The topics of every briefing, from the words counted while its names
/// were found, its mentions and its front matter.
fn briefing_topics(
    index: &topics::TopicIndex,
    inputs: &Inputs,
    word_evidence: Vec<topics::TopicEvidence>,
    mentions: &[Vec<Mention>],
    entity_names: &[String],
) -> Vec<Vec<usize>> {
    inputs
        .documents
        .par_iter()
        .zip(word_evidence)
        .zip(mentions.par_iter())
        .zip(inputs.front_matter_topics.par_iter())
        .map(|(((doc, words), mentions), front_matter)| {
            topics_of(index, doc, words, mentions, entity_names, front_matter)
        })
        .collect()
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
    if inputs.settings.builtin_topics {
        for def in topics::builtin::topics(inputs.settings.rename_topics) {
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
