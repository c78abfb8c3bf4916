//! The corpus pass's decisions, kept by `serve` so that an edited briefing
//! can be checked against them: does the edit leave every merge, every
//! entity's name, type and role, and every publish-or-hold-back decision as
//! a full extraction would make it? Evidence is folded again only for the
//! keys the edit touches, from what each briefing told about them.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::lexicon::Gazetteer;
use super::merges::{self, Merges};
use super::resolve::{self, Evidence, Key, Local};
use crate::model::EntityKind;

/// What the corpus pass read and decided.
pub struct Corpus {
    /// What each briefing told about each key it names.
    pub(super) locals: Vec<Vec<(Key, Local)>>,
    pub(super) merges: Merges,
    pub(super) threshold: f32,
    /// The role given by each curated note, by note index.
    pub(super) note_roles: Vec<Option<String>>,
    /// Indexes worked out on the first check.
    pub(super) postings: Option<Postings>,
}

/// Which briefings name each key, and which keys merge into each target.
pub(super) struct Postings {
    briefings: FxHashMap<Key, Vec<usize>>,
    merged_into: FxHashMap<Key, Vec<Key>>,
}

/// Why an edit would change a decision of the corpus pass (then only a
/// full extraction gives what a build would make of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameChange {
    /// The findings were freed after a one-off build: nothing to check.
    Forgotten,
    /// A name would start or stop reading as a person's across the corpus.
    Person,
    /// A name would merge into another entity, or stop merging.
    Merge,
    /// An entity would appear, go, or change name, type or role.
    Entity,
}

impl std::fmt::Display for NameChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NameChange::Forgotten => "cannot be checked against the corpus, whose findings were not kept",
            NameChange::Person => "changes what the corpus makes of a name (whether it is a person's)",
            NameChange::Merge => "changes what the corpus makes of a name (which names merge into one entity)",
            NameChange::Entity => "changes what the corpus makes of a name (an entity would appear, go, or change name, type or role)",
        })
    }
}

/// What the corpus makes of a key.
#[derive(Debug, PartialEq)]
enum Decision {
    /// Not an entity: never named, or a known name no briefing names.
    Absent,
    /// Held back for curation.
    Candidate,
    Entity {
        name: String,
        kind: EntityKind,
        role: Option<String>,
    },
}

impl Corpus {
    /// Checks that replacing briefing `b`'s findings by `new` leaves every
    /// corpus decision as it was: the same merges, the same surnames, and
    /// every entity the touched keys stand for with the same name, type and
    /// role (and no entity appearing or disappearing); says which changes.
    pub fn edit_keeps_decisions(
        &mut self,
        b: usize,
        new: &[(Key, Local)],
        gazetteer: &Gazetteer,
    ) -> Result<(), NameChange> {
        if self.locals.is_empty() {
            return Err(NameChange::Forgotten);
        }
        if self.postings.is_none() {
            self.postings = Some(Postings::new(&self.locals, &self.merges.resolved));
        }
        let postings = self.postings.as_ref().expect("made above");
        let before = View {
            locals: &self.locals,
            postings,
            edited: b,
            replacement: None,
        };
        let after = View {
            replacement: Some(new),
            ..before
        };
        let mut targets = BTreeSet::new();
        for key in touched_keys(&self.locals[b], new) {
            targets.insert(self.merge_kept(key, &before, &after, gazetteer)?);
        }
        if targets.iter().any(|t| self.merges.direct.contains_key(t)) {
            return Err(NameChange::Merge);
        }
        let same = targets.iter().all(|target| {
            self.decide(target, before.merged(target), gazetteer)
                == self.decide(target, after.merged(target), gazetteer)
        });
        same.then_some(()).ok_or(NameChange::Entity)
    }

    /// Checks that the edit `before` → `after` leaves `key`'s person name
    /// and the key it joins as they were; returns the key it ends in.
    fn merge_kept(
        &self,
        key: &Key,
        before: &View,
        after: &View,
        gazetteer: &Gazetteer,
    ) -> Result<Key, NameChange> {
        let (old, now) = (before.evidence(key), after.evidence(key));
        let person = |e: &Option<Evidence>| {
            e.as_ref()
                .and_then(|e| merges::corpus_person(key, e, gazetteer))
        };
        if person(&old) != person(&now) {
            return Err(NameChange::Person);
        }
        let direct = now.as_ref().and_then(|e| {
            merges::merge_target(key, e, gazetteer, &self.merges.surnames).map(|(target, _)| target)
        });
        let was_named = old.is_some();
        if (was_named || direct.is_some()) && direct.as_ref() != self.merges.direct.get(key) {
            return Err(NameChange::Merge);
        }
        Ok(self.merges.resolved.get(key).unwrap_or(key).clone())
    }

    /// Frees the findings; every later check then fails.
    pub fn forget(&mut self) {
        self.locals = Vec::new();
        self.postings = None;
    }

    /// Records briefing `b`'s new findings, once the edit is accepted.
    pub fn accept(&mut self, b: usize, new: Vec<(Key, Local)>) {
        if let Some(postings) = &mut self.postings {
            for (key, _) in &self.locals[b] {
                if let Some(list) = postings.briefings.get_mut(key) {
                    list.retain(|&x| x != b);
                }
            }
            for (key, _) in &new {
                let list = postings.briefings.entry(key.clone()).or_default();
                if let Err(at) = list.binary_search(&b) {
                    list.insert(at, b);
                }
            }
        }
        self.locals[b] = new;
    }

    /// What the corpus makes of `key`, given its (merged) evidence, as
    /// extraction's `settle` decides it.
    fn decide(&self, key: &Key, evidence: Option<Evidence>, gazetteer: &Gazetteer) -> Decision {
        let Some(e) = evidence else {
            return Decision::Absent;
        };
        match key {
            Key::Known(id) => {
                let known = gazetteer.entry(*id);
                let note_role = known.note.and_then(|n| self.note_roles[n].clone());
                Decision::Entity {
                    name: super::settle::shown_name(known, &e),
                    kind: known.kind,
                    role: note_role.or_else(|| super::settle::top_role(&e)),
                }
            }
            Key::Found(_)
                if e.confidence < self.threshold || resolve::only_sentence_initial(&e) =>
            {
                Decision::Candidate
            }
            Key::Found(_) => Decision::Entity {
                name: resolve::display_name(&e),
                kind: resolve::top_kind(&e.votes).unwrap_or(EntityKind::Other),
                role: super::settle::top_role(&e),
            },
        }
    }
}

impl Postings {
    fn new(locals: &[Vec<(Key, Local)>], resolved: &BTreeMap<Key, Key>) -> Postings {
        let mut briefings: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
        for (b, list) in locals.iter().enumerate() {
            for (key, _) in list {
                briefings.entry(key.clone()).or_default().push(b);
            }
        }
        let mut merged_into: FxHashMap<Key, Vec<Key>> = FxHashMap::default();
        for (from, to) in resolved {
            merged_into
                .entry(to.clone())
                .or_default()
                .push(from.clone());
        }
        Postings {
            briefings,
            merged_into,
        }
    }
}

/// The keys a briefing tells something different about in `new` than in
/// `old`.
fn touched_keys<'k>(old: &'k [(Key, Local)], new: &'k [(Key, Local)]) -> BTreeSet<&'k Key> {
    let differs = |(key, local): &(Key, Local), other: &[(Key, Local)]| {
        !other.iter().any(|(k, l)| k == key && l == local)
    };
    old.iter()
        .filter(|entry| differs(entry, new))
        .chain(new.iter().filter(|entry| differs(entry, old)))
        .map(|(key, _)| key)
        .collect()
}

/// The corpus's findings, with briefing `edited`'s replaced or not.
#[derive(Clone, Copy)]
struct View<'c> {
    locals: &'c [Vec<(Key, Local)>],
    postings: &'c Postings,
    edited: usize,
    replacement: Option<&'c [(Key, Local)]>,
}

impl<'c> View<'c> {
    fn locals_of(&self, b: usize) -> &'c [(Key, Local)] {
        match self.replacement {
            Some(new) if b == self.edited => new,
            _ => &self.locals[b],
        }
    }

    /// A key's evidence before merges, folded as a full extraction folds it.
    fn evidence(&self, key: &Key) -> Option<Evidence> {
        let listed = self
            .postings
            .briefings
            .get(key)
            .map_or(&[][..], Vec::as_slice);
        let edited = self.edited;
        let at = listed.partition_point(|&b| b < edited);
        let with_edited = listed.get(at) != Some(&edited);
        // The edited briefing is looked at whether or not it named the key
        // before; the fold skips briefings that do not name it.
        let order = listed[..at]
            .iter()
            .copied()
            .chain(with_edited.then_some(edited))
            .chain(listed[at..].iter().copied());
        resolve::evidence_of(key, order.map(|b| (b, self.locals_of(b))))
    }

    /// A target's evidence with every key merged into it folded in, in the
    /// order `apply_merges` folds them.
    fn merged(&self, target: &Key) -> Option<Evidence> {
        let mut evidence = self.evidence(target);
        let merged = self.postings.merged_into.get(target);
        for from in merged.into_iter().flatten() {
            if let Some(moved) = self.evidence(from) {
                evidence = Some(merges::fold_merged(evidence, moved));
            }
        }
        evidence
    }
}
