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
        if let Key::Found(key) = &f.key {
            if f.single {
                if let Some(Some(target)) = short_forms.get(&**key) {
                    f.key = target.clone();
                    f.common = false;
                }
            }
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
}

/// Gathers evidence per key; each briefing counts its best confidence once,
/// and every further briefing adds to it.
pub fn gather(per_briefing: &[Vec<Found>]) -> BTreeMap<Key, Evidence> {
    let mut index: FxHashMap<&Key, usize> = FxHashMap::default();
    let mut gathered: Vec<(&Key, Evidence)> = Vec::new();
    // Per key, this briefing's best confidence and number of mentions.
    let mut local: Vec<(f32, u32)> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    let mut acronyms: FxHashMap<Key, BTreeSet<Key>> = FxHashMap::default();
    for (briefing, found) in per_briefing.iter().enumerate() {
        for f in found {
            let i = *index.entry(&f.key).or_insert_with(|| {
                gathered.push((&f.key, new_evidence()));
                local.push((0.0, 0));
                gathered.len() - 1
            });
            add_found(&mut gathered[i].1, f, briefing);
            let (best, count) = &mut local[i];
            if *count == 0 {
                touched.push(i);
            }
            *best = best.max(f.confidence);
            *count += 1;
        }
        // An acronym defined here (`Full Name (ACR)`) may stand alone in
        // other briefings: its own key remembers what it stands for.
        for f in found.iter().filter(|f| f.defines.is_some()) {
            let acronym = Key::Found(super::lexicon::name_key(f.name).into());
            let target = f.defines.clone().expect("filtered");
            if acronym != target {
                acronyms.entry(acronym).or_default().insert(target);
            }
        }
        for i in touched.drain(..) {
            add_confidence(&mut gathered[i].1, std::mem::take(&mut local[i]));
        }
    }
    let mut evidence: BTreeMap<Key, Evidence> =
        gathered.into_iter().map(|(k, e)| (k.clone(), e)).collect();
    for (acronym, targets) in acronyms {
        let e = evidence.entry(acronym).or_insert_with(new_evidence);
        e.acronym_targets.extend(targets);
    }
    evidence
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

/// Adds one found name of briefing `briefing` to its key's evidence.
fn add_found(e: &mut Evidence, f: &Found, briefing: usize) {
    for (total, v) in e.votes.iter_mut().zip(f.votes) {
        *total += v;
    }
    e.briefings.insert(briefing);
    match e.names.get_mut(f.name) {
        Some(count) => *count += 1,
        None => {
            e.names.insert(f.name.to_string(), 1);
        }
    }
    if let Some(role) = &f.role {
        *e.roles.entry(role.clone()).or_default() += 1;
    }
    e.single &= f.single;
}

/// Corpus-wide merges: a found name whose key is a known name's key, an
/// acronym defined for exactly one name, a surname borne by exactly one
/// person. Returns a map from merged key to its target.
pub fn corpus_merges(
    evidence: &BTreeMap<Key, Evidence>,
    gazetteer: &Gazetteer,
) -> BTreeMap<Key, Key> {
    let mut merges = BTreeMap::new();
    let mut surnames: BTreeMap<String, BTreeSet<Key>> = BTreeMap::new();
    for (key, e) in evidence {
        if let Some(surname) = corpus_surname(key, e, gazetteer) {
            surnames.entry(surname).or_default().insert(key.clone());
        }
    }
    for (key, e) in evidence {
        let Key::Found(text) = key else { continue };
        if let Some(id) = gazetteer.lookup_key(text) {
            merges.insert(key.clone(), Key::Known(id));
        } else if e.acronym_targets.len() == 1 {
            merges.insert(
                key.clone(),
                e.acronym_targets
                    .iter()
                    .next()
                    .cloned()
                    .expect("one target"),
            );
        } else if e.single {
            if let Some(people) = surnames.get(&**text).filter(|p| p.len() == 1) {
                merges.insert(
                    key.clone(),
                    people.iter().next().cloned().expect("one person"),
                );
            }
        }
    }
    follow_chains(merges)
}

fn corpus_surname(key: &Key, evidence: &Evidence, gazetteer: &Gazetteer) -> Option<String> {
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
fn follow_chains(merges: BTreeMap<Key, Key>) -> BTreeMap<Key, Key> {
    let mut resolved = BTreeMap::new();
    for (from, to) in &merges {
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
        let target = evidence.entry(to.clone()).or_insert_with(|| Evidence {
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
    }
    evidence
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
        let resolved = follow_chains(merges);
        assert_eq!(resolved[&Key::Found("a".into())], Key::Known(1));
    }
}
