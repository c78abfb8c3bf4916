//! Alias merging and typing across the corpus: names found in each briefing
//! become entities.
//!
//! Within a briefing, a surname standing alone joins the full name it
//! shortens, and `Full Name (ACR)` makes the acronym an alias. Across the
//! corpus, names meet under one spelling-insensitive key, a surname joins the
//! only person who bears it, types are settled by summed votes, and names
//! with too little evidence are held back as candidates for curation.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::lexicon::{name_key, Gazetteer};
use super::spans::Votes;
use crate::model::EntityKind;

/// Whom a name found in a briefing refers to, before entities exist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Known(u32),
    /// A discovered name's key ([`name_key`]), shared by all its mentions.
    Found(Arc<str>),
}

/// A name found in a briefing, with its evidence.
#[derive(Debug, Clone)]
pub struct Found<'d> {
    pub key: Key,
    pub block: u32,
    pub start: u32,
    pub end: u32,
    pub sentence: (u32, u32),
    /// The name as written, possessive included, borrowed from the document.
    pub surface: &'d str,
    /// The name without a possessive suffix.
    pub name: &'d str,
    pub votes: Votes,
    pub confidence: f32,
    pub role: Option<String>,
    pub single: bool,
    pub common: bool,
    /// For an acronym defined here: the key of the name it stands for.
    pub defines: Option<Key>,
    /// At a sentence start or in a headline, where capitals prove nothing.
    pub initial: bool,
}

/// Resolves short forms inside one briefing: acronyms defined in it and
/// surnames of full names in it. Common-word singles that resolve to nothing
/// are dropped.
pub fn resolve_in_briefing(found: &mut Vec<Found>, gazetteer: &Gazetteer) {
    let mut short_forms: FxHashMap<String, Option<Key>> = FxHashMap::default();
    for f in found.iter() {
        if let (Some(target), Key::Found(acronym)) = (&f.defines, &f.key) {
            short_forms.insert(acronym.to_string(), Some(target.clone()));
        }
    }
    for f in found.iter() {
        if let Some(surname) = person_surname(f, gazetteer) {
            let entry = short_forms
                .entry(surname)
                .or_insert_with(|| Some(f.key.clone()));
            if entry.as_ref().is_some_and(|k| *k != f.key) && f.defines.is_none() {
                *entry = None; // two people share the surname: leave it alone
            }
        }
    }
    for f in found.iter_mut() {
        match &f.key {
            Key::Found(key) if f.single => {
                if let Some(Some(target)) = short_forms.get(&**key) {
                    f.key = target.clone();
                    f.common = false;
                }
            }
            // A known acronym (`CSU`) defined here for another name.
            Key::Known(_) if f.single && !f.name.chars().any(char::is_lowercase) => {
                if let Some(Some(target)) = short_forms.get(&name_key(f.name)) {
                    f.key = target.clone();
                }
            }
            _ => {}
        }
    }
    found.retain(|f| !f.common);
}

/// The surname key of a multi-word person name.
fn person_surname(found: &Found, gazetteer: &Gazetteer) -> Option<String> {
    if found.single {
        return None;
    }
    let is_person = match &found.key {
        Key::Known(id) => gazetteer.entry(*id).kind == EntityKind::Person,
        Key::Found(_) => top_kind(&found.votes) == Some(EntityKind::Person),
    };
    if !is_person {
        return None;
    }
    name_key(found.name).rsplit(' ').next().map(String::from)
}

/// The kind with the most votes, if any kind has votes.
pub fn top_kind(votes: &Votes) -> Option<EntityKind> {
    let (index, best) =
        votes.iter().enumerate().fold(
            (0, 0.0f32),
            |acc, (i, &v)| if v > acc.1 { (i, v) } else { acc },
        );
    (best > 0.0).then(|| EntityKind::ALL[index])
}

/// Evidence gathered for one key across the corpus.
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    pub votes: Votes,
    pub confidence: f32,
    pub briefings: BTreeSet<usize>,
    /// Each form as written and how often; unordered, as the display name
    /// is picked by a total order.
    pub names: FxHashMap<String, usize>,
    pub roles: BTreeMap<String, usize>,
    pub single: bool,
    pub acronym_targets: BTreeSet<Key>,
    /// Seen capitalised inside a sentence somewhere (not only at its start).
    pub mid_sentence: bool,
}

/// What one briefing tells about one key: the sums over its mentions there.
#[derive(Debug, Clone, PartialEq)]
pub struct Local {
    pub votes: Votes,
    /// The best confidence of a mention here.
    pub best: f32,
    /// Mentions here; 0 for a key only defined here, as an acronym.
    pub mentions: u32,
    /// Each form as written, with its count, in order of first use.
    pub names: Vec<(String, usize)>,
    pub roles: Vec<(String, usize)>,
    pub single: bool,
    /// For an acronym defined here: the keys it stands for.
    pub acronym_targets: Vec<Key>,
    /// Some mention here stands inside a sentence.
    pub mid_sentence: bool,
}

/// What one briefing tells about each key it names, in order of first
/// mention (acronyms defined here last). Runs per briefing, in parallel.
pub fn locals(found: &[Found]) -> Vec<(Key, Local)> {
    let mut list: Vec<(Key, Local)> = Vec::new();
    let mut position: FxHashMap<&Key, usize> = FxHashMap::default();
    for f in found {
        let i = *position.entry(&f.key).or_insert_with(|| {
            list.push((f.key.clone(), empty_local()));
            list.len() - 1
        });
        add_found(&mut list[i].1, f);
    }
    // An acronym defined here (`Full Name (ACR)`) may stand alone in
    // other briefings: its own key remembers what it stands for.
    for f in found.iter().filter(|f| f.defines.is_some()) {
        let acronym = Key::Found(super::lexicon::name_key(f.name).into());
        let target = f.defines.clone().expect("filtered");
        if acronym == target {
            continue;
        }
        let at = list.iter().position(|(k, _)| *k == acronym);
        let i = at.unwrap_or_else(|| {
            list.push((acronym, empty_local()));
            list.len() - 1
        });
        let targets = &mut list[i].1.acronym_targets;
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    list
}

fn empty_local() -> Local {
    Local {
        votes: Votes::default(),
        best: 0.0,
        mentions: 0,
        names: Vec::new(),
        roles: Vec::new(),
        single: true,
        acronym_targets: Vec::new(),
        mid_sentence: false,
    }
}

/// Adds one found name to its key's sums for the briefing.
fn add_found(local: &mut Local, f: &Found) {
    for (total, v) in local.votes.iter_mut().zip(f.votes) {
        *total += v;
    }
    local.best = local.best.max(f.confidence);
    local.mentions += 1;
    add_count(&mut local.names, f.name);
    if let Some(role) = &f.role {
        add_count(&mut local.roles, role);
    }
    local.single &= f.single;
    local.mid_sentence |= !f.initial;
}

fn add_count(counts: &mut Vec<(String, usize)>, item: &str) {
    match counts.iter_mut().find(|(i, _)| i == item) {
        Some((_, n)) => *n += 1,
        None => counts.push((item.to_string(), 1)),
    }
}

/// Gathers evidence per key, folding the briefings in order; each briefing
/// counts its best confidence once, and every further briefing adds to it.
pub fn gather(per_briefing: &[Vec<(Key, Local)>]) -> BTreeMap<Key, Evidence> {
    let mut index: FxHashMap<&Key, usize> = FxHashMap::default();
    let mut gathered: Vec<(&Key, Evidence)> = Vec::new();
    for (briefing, locals) in per_briefing.iter().enumerate() {
        for (key, local) in locals {
            let i = *index.entry(key).or_insert_with(|| {
                gathered.push((key, new_evidence()));
                gathered.len() - 1
            });
            absorb(&mut gathered[i].1, local, briefing);
        }
    }
    gathered.into_iter().map(|(k, e)| (k.clone(), e)).collect()
}

/// The evidence of one key, folded from the briefings that name it (in
/// order) exactly as [`gather`] folds it; `None` if none does.
pub fn evidence_of<'l>(
    key: &Key,
    postings: impl Iterator<Item = (usize, &'l [(Key, Local)])>,
) -> Option<Evidence> {
    let mut evidence = None;
    for (briefing, locals) in postings {
        if let Some((_, local)) = locals.iter().find(|(k, _)| k == key) {
            absorb(evidence.get_or_insert_with(new_evidence), local, briefing);
        }
    }
    evidence
}

/// Adds what briefing `briefing` tells about a key to its evidence.
fn absorb(e: &mut Evidence, local: &Local, briefing: usize) {
    e.acronym_targets
        .extend(local.acronym_targets.iter().cloned());
    if local.mentions == 0 {
        return;
    }
    for (total, v) in e.votes.iter_mut().zip(local.votes) {
        *total += v;
    }
    e.briefings.insert(briefing);
    for (name, n) in &local.names {
        match e.names.get_mut(name) {
            Some(count) => *count += n,
            None => {
                e.names.insert(name.clone(), *n);
            }
        }
    }
    for (role, n) in &local.roles {
        *e.roles.entry(role.clone()).or_default() += n;
    }
    e.single &= local.single;
    e.mid_sentence |= local.mid_sentence;
    add_confidence(e, (local.best, local.mentions));
}

/// Adds a briefing's best confidence for a key, and a little for each
/// further mention; a name seen in several briefings gets at least 0.5 more.
fn add_confidence(e: &mut Evidence, (best, mentions): (f32, u32)) {
    let local = best + 0.05 * (mentions - 1).min(6) as f32;
    e.confidence += if e.briefings.len() > 1 {
        local.max(0.5)
    } else {
        local
    };
}

fn new_evidence() -> Evidence {
    Evidence {
        single: true,
        ..Default::default()
    }
}

/// Corpus-wide merges, and what they were decided from.
#[derive(Debug, Default)]
pub struct Merges {
    /// Each merged key's target, chains followed (`a → b → c` is `a → c`).
    pub resolved: BTreeMap<Key, Key>,
    /// Each merged key's own target, before chains are followed.
    pub direct: BTreeMap<Key, Key>,
    /// Surname key → the people (non-single person keys) who bear it.
    pub surnames: BTreeMap<String, BTreeSet<Key>>,
}

/// Corpus-wide merges: a found name whose key is a known name's key, an
/// acronym defined for exactly one name, a surname borne by exactly one
/// person.
pub fn corpus_merges(evidence: &BTreeMap<Key, Evidence>, gazetteer: &Gazetteer) -> Merges {
    let mut surnames: BTreeMap<String, BTreeSet<Key>> = BTreeMap::new();
    for (key, e) in evidence {
        if let Some(surname) = corpus_surname(key, e, gazetteer) {
            surnames.entry(surname).or_default().insert(key.clone());
        }
    }
    let direct: BTreeMap<Key, Key> = evidence
        .iter()
        .filter_map(|(key, e)| Some((key.clone(), merge_target(key, e, gazetteer, &surnames)?)))
        .collect();
    Merges {
        resolved: follow_chains(&direct),
        direct,
        surnames,
    }
}

/// Where one key merges to, if anywhere, given the corpus's surnames.
pub fn merge_target(
    key: &Key,
    e: &Evidence,
    gazetteer: &Gazetteer,
    surnames: &BTreeMap<String, BTreeSet<Key>>,
) -> Option<Key> {
    let Key::Found(text) = key else { return None };
    // An acronym defined for one name stands for it, whatever a list says.
    if e.acronym_targets.len() == 1 {
        e.acronym_targets.iter().next().cloned()
    } else if let Some(id) = gazetteer.lookup_key(text) {
        Some(Key::Known(id))
    } else if e.single {
        let people = surnames.get(&**text).filter(|p| p.len() == 1)?;
        people.iter().next().cloned()
    } else {
        None
    }
}

pub fn corpus_surname(key: &Key, evidence: &Evidence, gazetteer: &Gazetteer) -> Option<String> {
    let name: &str = match key {
        Key::Known(id) if gazetteer.entry(*id).kind == EntityKind::Person => {
            &gazetteer.entry(*id).name
        }
        Key::Found(text)
            if !evidence.single && top_kind(&evidence.votes) == Some(EntityKind::Person) =>
        {
            text
        }
        _ => return None,
    };
    let key = name_key(name);
    let (_, surname) = key.rsplit_once(' ')?;
    Some(surname.to_string())
}

/// Makes every merge point at its final target (`a → b → c` becomes `a → c`).
fn follow_chains(merges: &BTreeMap<Key, Key>) -> BTreeMap<Key, Key> {
    let mut resolved = BTreeMap::new();
    for (from, to) in merges {
        let mut target = to;
        let mut hops = 0;
        while let Some(next) = merges.get(target) {
            if hops > 8 || next == from {
                break;
            }
            target = next;
            hops += 1;
        }
        if target != from {
            resolved.insert(from.clone(), target.clone());
        }
    }
    resolved
}

/// Folds the evidence of merged keys into their targets.
pub fn apply_merges(
    mut evidence: BTreeMap<Key, Evidence>,
    merges: &BTreeMap<Key, Key>,
) -> BTreeMap<Key, Evidence> {
    for (from, to) in merges {
        let Some(moved) = evidence.remove(from) else {
            continue;
        };
        let target = evidence.remove(to);
        evidence.insert(to.clone(), fold_merged(target, moved));
    }
    evidence
}

/// A key's evidence with a merged key's evidence folded in.
pub fn fold_merged(target: Option<Evidence>, moved: Evidence) -> Evidence {
    let mut target = target.unwrap_or_else(|| Evidence {
        single: moved.single,
        ..Default::default()
    });
    for (total, v) in target.votes.iter_mut().zip(moved.votes) {
        *total += v;
    }
    target.confidence += moved.confidence;
    target.briefings.extend(moved.briefings);
    for (name, n) in moved.names {
        *target.names.entry(name).or_default() += n;
    }
    for (role, n) in moved.roles {
        *target.roles.entry(role).or_default() += n;
    }
    target.single &= moved.single;
    target.mid_sentence |= moved.mid_sentence;
    target
}

/// A discovered single word only ever seen where capitals prove nothing (at
/// sentence starts, in headlines) is a common word (`Policymakers`), not a
/// name; acronyms are exempt.
pub fn only_sentence_initial(evidence: &Evidence) -> bool {
    evidence.single
        && !evidence.mid_sentence
        && evidence
            .names
            .keys()
            .all(|n| n.chars().any(char::is_lowercase))
}

/// The display name of a found entity: its most frequent multi-word form,
/// else its most frequent form; ties go to the longer, then the first.
pub fn display_name(evidence: &Evidence) -> String {
    let multi = evidence
        .names
        .iter()
        .filter(|(n, _)| n.contains(' '))
        .max_by(rank);
    let any = evidence.names.iter().max_by(rank);
    multi.or(any).map(|(n, _)| n.clone()).unwrap_or_default()
}

fn rank(a: &(&String, &usize), b: &(&String, &usize)) -> std::cmp::Ordering {
    a.1.cmp(b.1)
        .then(a.0.len().cmp(&b.0.len()))
        .then(b.0.cmp(a.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'d>(key: &str, name: &'d str, single: bool, votes: Votes) -> Found<'d> {
        Found {
            key: Key::Found(key.into()),
            block: 0,
            start: 0,
            end: 0,
            sentence: (0, 0),
            surface: name,
            name,
            votes,
            confidence: 1.0,
            role: None,
            single,
            common: false,
            defines: None,
            initial: false,
        }
    }

    #[test]
    fn surname_joins_full_name_in_briefing() {
        let person = super::super::spans::vote(EntityKind::Person, 1.0);
        let mut list = vec![
            found("mikhail mishustin", "Mikhail Mishustin", false, person),
            found("mishustin", "Mishustin", true, [0.0; 6]),
        ];
        resolve_in_briefing(&mut list, &Gazetteer::default());
        assert_eq!(list[1].key, Key::Found("mikhail mishustin".into()));
    }

    #[test]
    fn unresolved_common_word_is_dropped() {
        let mut single = found("western", "Western", true, [0.0; 6]);
        single.common = true;
        let mut list = vec![single];
        resolve_in_briefing(&mut list, &Gazetteer::default());
        assert!(list.is_empty());
    }

    #[test]
    fn merge_chains_are_followed() {
        let merges: BTreeMap<Key, Key> = [
            (Key::Found("a".into()), Key::Found("b".into())),
            (Key::Found("b".into()), Key::Known(1)),
        ]
        .into();
        let resolved = follow_chains(&merges);
        assert_eq!(resolved[&Key::Found("a".into())], Key::Known(1));
    }
}
