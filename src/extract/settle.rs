//! Settling the corpus's evidence: which keys become entities (named,
//! typed, with their roles and curated notes) and which are held back as
//! candidates, with why; and what each merge joined, for `--why`.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::lexicon::{Gazetteer, Known, Source};
use super::merges::{self, Merges};
use super::resolve::{self, Evidence, Key};
use super::Inputs;
use crate::model::extraction::{Candidate, ExtractedEntity, MergeNote};
use crate::model::names::name_key;
use crate::model::sources::EntityNote;
use crate::model::EntityKind;

/// The entities and candidates of the corpus, each entity with what merged
/// into it, and the entity of every key: a merged key answers with its
/// target's, so every later lookup is one hash probe.
pub(super) fn entities(
    evidence: BTreeMap<Key, Evidence>,
    merges: &Merges,
    gazetteer: &Gazetteer,
    inputs: &Inputs,
) -> (Vec<ExtractedEntity>, FxHashMap<Key, u32>, Vec<Candidate>) {
    let notes = merge_notes(&evidence, merges, gazetteer);
    let evidence = merges::apply_merges(evidence, &merges.resolved);
    let (mut entities, mut ids, candidates) = settle(&evidence, gazetteer, inputs);
    for (target, note) in notes {
        if let Some(&id) = ids.get(&target) {
            entities[id as usize].merged.push(note);
        }
    }
    for (from, to) in &merges.resolved {
        if let Some(&id) = ids.get(to) {
            ids.insert(from.clone(), id);
        }
    }
    (entities, ids, candidates)
}

/// What each merge joined and why, by the key of the entity it ends in.
fn merge_notes(
    evidence: &BTreeMap<Key, Evidence>,
    merges: &Merges,
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

/// Decides which keys become entities; the rest become candidates.
fn settle(
    evidence: &BTreeMap<Key, Evidence>,
    gazetteer: &Gazetteer,
    inputs: &Inputs,
) -> (Vec<ExtractedEntity>, FxHashMap<Key, u32>, Vec<Candidate>) {
    let threshold = inputs.settings.confidence_threshold;
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
pub(super) fn shown_name(known: &Known, e: &Evidence) -> String {
    match known.source {
        Source::Registry => known.name.clone(),
        _ => resolve::written_name(&known.name, e),
    }
}

pub(super) fn top_role(e: &Evidence) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
