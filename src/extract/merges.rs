//! Merges across the corpus: which found names join another key, and why.
//! A found name whose key is a known name's key joins it, so does an
//! acronym defined for exactly one name, a family name borne by exactly one
//! person, and a person name spelt in another romanisation.

use std::collections::{BTreeMap, BTreeSet};

use super::lexicon::Gazetteer;
use super::resolve::{family_may_stand_alone, top_kind, word_skeleton, Evidence, Key};
use super::romanise::{self, PersonName};
use crate::model::EntityKind;

/// Corpus-wide merges, and what they were decided from.
#[derive(Debug, Default)]
pub struct Merges {
    /// Each merged key's target, chains followed (`a → b → c` is `a → c`).
    pub resolved: BTreeMap<Key, Key>,
    /// Each merged key's own target, before chains are followed.
    pub direct: BTreeMap<Key, Key>,
    /// Why each merged key joined its own target.
    pub why: BTreeMap<Key, Why>,
    /// Family-name skeleton → the people (multi-word person keys) who bear
    /// it, with their names as compared.
    pub surnames: Surnames,
}

/// Family-name skeleton → the people who bear it.
pub type Surnames = BTreeMap<String, BTreeSet<(PersonName, Key)>>;

/// Why one key joined another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Its spelling is a name or alias of a known entity.
    KnownName,
    /// It is the acronym defined for that one name.
    Acronym,
    /// A family name alone, borne by one person in the corpus.
    OnlyPerson { family: String },
    /// The same given and family names under romanisation.
    SamePerson { given: String, family: String },
}

impl Why {
    /// The reason in words, for `dossier entities --why`.
    pub fn describe(&self) -> String {
        match self {
            Why::KnownName => "written as a name or alias of the built-in or curated entity".into(),
            Why::Acronym => "defined in a briefing as the acronym of this name, and of no other".into(),
            Why::OnlyPerson { family } => format!(
                "a family name alone; the only person in the corpus whose family name reads `{family}` once romanisation is set aside"
            ),
            Why::SamePerson { given, family } => format!(
                "the same person under another romanisation: given names agree (`{given}`) and family names agree (`{family}`)"
            ),
        }
    }
}

/// Corpus-wide merges: a found name whose key is a known name's key, an
/// acronym defined for exactly one name, a family name borne by exactly one
/// person, a person name spelt in another romanisation.
pub fn corpus_merges(evidence: &BTreeMap<Key, Evidence>, gazetteer: &Gazetteer) -> Merges {
    let mut surnames = Surnames::new();
    for (key, e) in evidence {
        if let Some(person) = corpus_person(key, e, gazetteer) {
            // A French romanisation is found under its English reading too.
            let name = key_name(key, gazetteer);
            let french = romanise::looks_french(&name)
                .then(|| PersonName::of_french(&name))
                .flatten()
                .filter(|french| french.family != person.family);
            if let Some(french) = french {
                surnames
                    .entry(french.family.clone())
                    .or_default()
                    .insert((french, key.clone()));
            }
            surnames
                .entry(person.family.clone())
                .or_default()
                .insert((person, key.clone()));
        }
    }
    let mut direct = BTreeMap::new();
    let mut why = BTreeMap::new();
    for (key, e) in evidence {
        if let Some((target, reason)) = merge_target(key, e, gazetteer, &surnames) {
            direct.insert(key.clone(), target);
            why.insert(key.clone(), reason);
        }
    }
    Merges {
        resolved: follow_chains(&direct),
        direct,
        why,
        surnames,
    }
}

/// The known entity a found name is, compared by key (`PUNJAB` is
/// `Punjab`), except a short acronym the list does not spell as one: `IMO`
/// or `GAO` is a body, not the place `Imo` or `Gao`.
fn gazetteer_key_match(key: &str, e: &Evidence, gazetteer: &Gazetteer) -> Option<u32> {
    let id = gazetteer.lookup_key(key)?;
    let short_acronym =
        |form: &str| form.chars().count() <= 3 && form.chars().all(char::is_uppercase);
    let only_acronyms = e.names.keys().all(|form| short_acronym(form));
    let spelt_so = e.names.keys().any(|form| gazetteer.lookup(form).is_some());
    (!only_acronyms || spelt_so).then_some(id)
}

/// Where one key merges to, if anywhere, and why, given the corpus's people.
pub fn merge_target(
    key: &Key,
    e: &Evidence,
    gazetteer: &Gazetteer,
    surnames: &Surnames,
) -> Option<(Key, Why)> {
    let Key::Found(text) = key else { return None };
    // An acronym defined for one name stands for it, whatever a list says.
    if e.acronym_targets.len() == 1 {
        let target = e.acronym_targets.iter().next().cloned()?;
        Some((target, Why::Acronym))
    } else if let Some(id) = gazetteer_key_match(text, e, gazetteer) {
        Some((Key::Known(id), Why::KnownName))
    } else if e.single {
        let family = word_skeleton(text);
        let (family, people) = match surnames.get(&family) {
            Some(people) => (family, people),
            None => {
                let french = word_skeleton(&romanise::french_to_english(text));
                let people = surnames.get(&french)?;
                (french, people)
            }
        };
        // Only those whose family name is spelt close to the word: a
        // skeleton alone would let `Baltic` stand for `Bialiatski`.
        let people: BTreeSet<(PersonName, Key)> = people
            .iter()
            .filter(|(_, k)| {
                let name = key_name(k, gazetteer);
                romanise::spelt_close(text, name.rsplit(' ').next().unwrap_or(&name))
            })
            .cloned()
            .collect();
        // Those who bear the name exactly as written come first: two
        // people whose names only read alike leave `Savberg` to `X Savberg`.
        let written: BTreeSet<(PersonName, Key)> = people
            .iter()
            .filter(|(_, k)| matches!(k, Key::Found(n) if n.rsplit(' ').next() == Some(&**text)))
            .cloned()
            .collect();
        let target = only_person(if written.is_empty() {
            &people
        } else {
            &written
        })?;
        family_may_stand_alone(text, &e.votes, &target)
            .then_some((target, Why::OnlyPerson { family }))
    } else {
        let person = corpus_person(key, e, gazetteer)?;
        another_key_of(key, &person, surnames)
            .or_else(|| another_key_of(key, &PersonName::of_french(text)?, surnames))
    }
}

/// The smallest other key of the person `person`, and why they are one.
fn another_key_of(key: &Key, person: &PersonName, surnames: &Surnames) -> Option<(Key, Why)> {
    let people = surnames.get(&person.family)?;
    let target = (*same_person(people, person).first()?).clone();
    (target != *key).then(|| {
        let reason = Why::SamePerson {
            given: person.given.clone(),
            family: person.family.clone(),
        };
        (target, reason)
    })
}

/// The group a person falls in among the bearers of one family name: the
/// given name's skeleton, or for an initial the one given name it can stand
/// for (empty, a group of its own, when there are none or several).
fn given_group<'p>(person: &'p PersonName, people: &'p BTreeSet<(PersonName, Key)>) -> &'p str {
    if !person.given.is_empty() {
        return &person.given;
    }
    let mut givens = people
        .iter()
        .map(|(p, _)| p)
        .filter(|p| !p.given.is_empty() && p.initial == person.initial)
        .map(|p| p.given.as_str());
    match givens.next() {
        Some(first) if givens.all(|other| other == first) => first,
        _ => "",
    }
}

/// The keys of the people in `people` who are `person`, smallest first.
fn same_person<'p>(people: &'p BTreeSet<(PersonName, Key)>, person: &PersonName) -> Vec<&'p Key> {
    let group = given_group(person, people).to_string();
    let mut keys: Vec<&Key> = people
        .iter()
        .filter(|(p, _)| match given_group(p, people) {
            "" => p == person,
            _ if group.is_empty() => p == person,
            other => other == group,
        })
        .map(|(_, k)| k)
        .collect();
    keys.sort();
    keys
}

/// The one person who bears a family name (the smallest of their keys),
/// if the bearers are one person.
fn only_person(people: &BTreeSet<(PersonName, Key)>) -> Option<Key> {
    let (first, _) = people.iter().next()?;
    let same = same_person(people, first);
    (same.len() == people.len()).then(|| same[0].clone())
}

/// A person's name as the corpus compares it, for a key the corpus takes
/// for a person named by more than one word.
pub fn corpus_person(key: &Key, evidence: &Evidence, gazetteer: &Gazetteer) -> Option<PersonName> {
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
    PersonName::of(name)
}

/// A key's name as keyed: a found key's text, a known entity's name.
pub fn key_name(key: &Key, gazetteer: &Gazetteer) -> String {
    match key {
        Key::Found(text) => text.to_string(),
        Key::Known(id) => crate::model::names::name_key(&gazetteer.entry(*id).name),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
