//! From names found to the evidence entities are settled from.
//!
//! Within a briefing, a surname standing alone joins the full name it
//! shortens, and `Full Name (ACR)` makes the acronym an alias. Across the
//! corpus, what each briefing says about a key (forms, roles, type votes,
//! confidence) is gathered into its [`Evidence`]; types are settled by
//! summed votes, and a found entity's display name chosen. Which keys then
//! join another is decided in `merges.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::Gazetteer;
use super::romanise::PersonName;
use super::spans::Votes;
use crate::model::names::{self, name_key};
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
/// family names of full names in it, compared by romanisation skeleton
/// (`Lukashenko` joins `Alyaksandr Lukashenka`). A family name borne by two
/// people of the briefing whose given names disagree stays as it is. Common
/// word singles that resolve to nothing are dropped.
pub fn resolve_in_briefing(found: &mut Vec<Found>, gazetteer: &Gazetteer) {
    super::echo::mark_echoed_people(found);
    let mut acronyms: FxHashMap<&str, Key> = FxHashMap::default();
    for f in found.iter() {
        if let (Some(target), Key::Found(acronym)) = (&f.defines, &f.key) {
            acronyms.insert(acronym, target.clone());
        }
    }
    let People {
        written,
        read,
        firsts,
    } = people_of(found, gazetteer);
    let series = event_series(found.iter().map(|f| (&f.key, &f.votes)));
    let bearer = |families: &Families, name: &str| families.get(name).cloned().flatten();
    let mut resolved: Vec<(usize, Key)> = Vec::new();
    for (i, f) in found.iter().enumerate().filter(|(_, f)| f.single) {
        let target = match &f.key {
            Key::Found(key) => acronyms.get(&**key).cloned().or_else(|| {
                if let Some(Some(event)) = series.get(&**key) {
                    return Some(event.clone());
                }
                let family = bearer(&written, key).or_else(|| {
                    bearer(&read, &word_skeleton(key))
                        .filter(|(_, p)| spelt_close_to(key, p, gazetteer))
                });
                match family {
                    Some((_, person)) => {
                        family_may_stand_alone(key, &f.votes, &person).then_some(person)
                    }
                    None => first_name_stands_alone(&firsts, key, &f.votes),
                }
            }),
            // A known acronym (`CSU`) defined here for another name.
            Key::Known(_) if !f.name.chars().any(char::is_lowercase) => {
                acronyms.get(name_key(f.name).as_str()).cloned()
            }
            Key::Known(_) => None,
        };
        if let Some(target) = target {
            resolved.push((i, target));
        }
    }
    for (i, target) in resolved {
        found[i].key = target;
        found[i].common = false;
    }
    found.retain(|f| !f.common);
}

/// The people of one briefing, by family name as written and as read
/// whatever the romanisation, and by the first word of the name.
struct People {
    written: Families,
    read: Families,
    firsts: Firsts,
}

fn people_of(found: &[Found], gazetteer: &Gazetteer) -> People {
    let mut people = People {
        written: FxHashMap::default(),
        read: FxHashMap::default(),
        firsts: FxHashMap::default(),
    };
    // A name written again adds nothing: read each form of a key once.
    let mut seen: FxHashSet<(&Key, &str)> = FxHashSet::default();
    for f in found.iter().filter(|f| f.defines.is_none()) {
        if !reads_as_person(f, gazetteer) || !seen.insert((&f.key, f.name)) {
            continue;
        }
        let Some(person) = PersonName::of(f.name) else {
            continue;
        };
        if let Key::Found(name) = &f.key {
            let last = name.rsplit(' ').next().unwrap_or(name);
            add_family(&mut people.written, last.to_string(), &person, &f.key);
            let first = name.split(' ').next().unwrap_or(name);
            add_first(&mut people.firsts, first, &f.key);
        }
        add_family(&mut people.read, person.family.clone(), &person, &f.key);
    }
    people
}

/// Series name → the one dated event of that series (`tallow` →
/// `tallow 2021`), `None` when several are named.
pub type Series = FxHashMap<String, Option<Key>>;

/// The event series among discovered keys that end in a year and are
/// typed events: a series name alone stands for its one dated event.
pub fn event_series<'k>(keys: impl Iterator<Item = (&'k Key, &'k Votes)>) -> Series {
    let mut series: Series = FxHashMap::default();
    for (key, votes) in keys {
        let Key::Found(text) = key else { continue };
        let Some((name, year)) = text.rsplit_once(' ') else {
            continue;
        };
        let dated = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        if !dated || top_kind(votes) != Some(EntityKind::Event) {
            continue;
        }
        let entry = series
            .entry(name.to_string())
            .or_insert_with(|| Some(key.clone()));
        if entry.as_ref() != Some(key) {
            *entry = None; // `Tallow 2017` and `Tallow 2021`: the series is ambiguous
        }
    }
    series
}

/// Family name → the one person of a briefing who bears it (`None` when
/// two people whose given names disagree do).
type Families = FxHashMap<String, Option<(PersonName, Key)>>;

fn add_family(families: &mut Families, family: String, person: &PersonName, key: &Key) {
    let entry = families
        .entry(family)
        .or_insert_with(|| Some((person.clone(), key.clone())));
    if entry.as_ref().is_some_and(|(p, _)| !p.same_given(person)) {
        *entry = None; // two people share the family name: leave it alone
    }
}

/// First word → the one person of a briefing whose found name opens with
/// it (`None` when two do).
type Firsts = FxHashMap<String, Option<Key>>;

fn add_first(firsts: &mut Firsts, first: &str, key: &Key) {
    let entry = firsts
        .entry(first.to_string())
        .or_insert_with(|| Some(key.clone()));
    if entry.as_ref() != Some(key) {
        *entry = None;
    }
}

/// `Anwar` for `Anwar Ibrahim`, `Abiy` for `Abiy Ahmed`, `Xi` for `Xi
/// Jinping`: where names are given first by custom or the family name
/// comes first, a person is called by the first word of the name. A word
/// alone that no cue types otherwise, and that opens one person's name in
/// the briefing and no family name, stands for that person.
fn first_name_stands_alone(firsts: &Firsts, word: &str, votes: &Votes) -> Option<Key> {
    let person = firsts.get(word).cloned().flatten()?;
    matches!(top_kind(votes), None | Some(EntityKind::Person)).then_some(person)
}

/// Whether a one-word key is spelt close to the family name of `person`.
fn spelt_close_to(word: &str, person: &Key, gazetteer: &Gazetteer) -> bool {
    let name = super::merges::key_name(person, gazetteer);
    super::romanise::spelt_close(word, name.rsplit(' ').next().unwrap_or(&name))
}

/// Whether a multi-word name found in a briefing names a person.
fn reads_as_person(found: &Found, gazetteer: &Gazetteer) -> bool {
    !found.single
        && match &found.key {
            Key::Known(id) => gazetteer.entry(*id).kind == EntityKind::Person,
            Key::Found(_) => top_kind(&found.votes) == Some(EntityKind::Person),
        }
}

/// The romanisation skeleton of a one-word key.
pub(super) fn word_skeleton(word: &str) -> String {
    let mut skeleton = String::new();
    names::push_word_skeleton(word, &mut skeleton);
    skeleton
}

/// Whether a one-word name may stand for the person `person`, whose family
/// name has its skeleton: written as the family name is written, or with no
/// cue that it names anything but a person (a place `Kovel` never joins a
/// `Kowal`).
pub(super) fn family_may_stand_alone(word: &str, votes: &Votes, person: &Key) -> bool {
    let written_alike = match person {
        Key::Found(name) => name.rsplit(' ').next() == Some(word),
        Key::Known(_) => false,
    };
    written_alike || matches!(top_kind(votes), None | Some(EntityKind::Person))
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
        let acronym = Key::Found(name_key(f.name).into());
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

/// `EaP CSF`: every word written as an acronym; a short form, never the
/// display name of a longer one.
fn is_acronym_phrase(name: &str) -> bool {
    name.split(' ').all(is_acronym_word)
}

/// `NGC`, `EaP`: at least two capitals, more than small letters.
pub fn is_acronym_word(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && word.chars().filter(|c| c.is_lowercase()).count() < upper
}

/// The display name of a found entity: the multi-word form the briefings
/// use most (acronyms of several words aside), counting a family name written alone for the full names that
/// end in it as written; else the most frequent form. Forms in mixed case
/// beat all-capitals cover text; ties go to the longer, then the first.
pub fn display_name(evidence: &Evidence) -> String {
    let alone = |last: &str| evidence.names.get(last).copied().unwrap_or(0);
    let multi = evidence
        .names
        .iter()
        .filter(|(n, _)| n.contains(' ') && !is_acronym_phrase(n))
        .map(|(n, &count)| (n, count + alone(n.rsplit(' ').next().unwrap_or(n))))
        .max_by(rank);
    let any = evidence.names.iter().map(|(n, &c)| (n, c)).max_by(rank);
    multi.or(any).map(|(n, _)| n.clone()).unwrap_or_default()
}

/// The name a built-in entity is shown under: its spelling in the
/// briefings when they write it in another romanisation or with other
/// diacritics (`Bălți` with a comma below, `Kiev`) more often than as the
/// built-in table does; else the table's name.
pub fn written_name(known_name: &str, evidence: &Evidence) -> String {
    let skeleton = names::name_skeleton(known_name);
    let capitals_only = |n: &str| !n.chars().any(char::is_lowercase);
    evidence
        .names
        .iter()
        .filter(|(n, _)| capitals_only(n) == capitals_only(known_name))
        .filter(|(n, _)| names::name_skeleton(n) == skeleton)
        .filter(|(n, _)| !is_derived_word(n, known_name))
        .map(|(n, &count)| (n, (count, n == known_name)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| known_name.to_string(), |(n, _)| n.clone())
}

/// Whether a written form is a word made from a known name rather than a
/// spelling of it: the name with an adjective or demonym ending
/// (`Israeli`, `Palestinian` beside `Israel`, `Palestine`).
fn is_derived_word(written: &str, known_name: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "i", "is", "ian", "ians", "an", "ans", "ean", "eans", "ese", "ish", "ic", "ics",
    ];
    let (written, known) = (names::name_key(written), names::name_key(known_name));
    let stem = &known[..known.len().saturating_sub(1)];
    written.len() > known.len()
        && written.starts_with(stem)
        && ENDINGS
            .iter()
            .any(|e| written.ends_with(e) && !known.ends_with(e))
}

fn rank(a: &(&String, usize), b: &(&String, usize)) -> std::cmp::Ordering {
    let mixed = |n: &str| n.chars().any(char::is_lowercase);
    mixed(a.0)
        .cmp(&mixed(b.0))
        .then(a.1.cmp(&b.1))
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
    fn a_series_name_joins_its_one_dated_event() {
        let event = super::super::spans::vote(EntityKind::Event, 2.0);
        let mut list = vec![
            found("zapad 2021", "Zapad-2021", false, event),
            found("zapad", "Zapad", true, [0.0; 6]),
        ];
        resolve_in_briefing(&mut list, &Gazetteer::default());
        assert_eq!(list[1].key, Key::Found("zapad 2021".into()));
        list.push(found("zapad 2017", "Zapad 2017", false, event));
        list.push(found("zapad", "Zapad", true, [0.0; 6]));
        resolve_in_briefing(&mut list, &Gazetteer::default());
        assert_eq!(list[3].key, Key::Found("zapad".into()), "two of a series");
    }

    #[test]
    fn a_country_is_shown_under_its_name_not_its_demonym() {
        let mut e = Evidence::default();
        e.names.insert("Varnish".into(), 1);
        e.names.insert("Varnishi".into(), 9);
        assert_eq!(written_name("Varnish", &e), "Varnish");
        e.names.insert("Ostravine".into(), 1);
        e.names.insert("Ostravinian".into(), 9);
        assert_eq!(written_name("Ostravine", &e), "Ostravine");
        let mut kyiv = Evidence::default();
        kyiv.names.insert("Kiev".into(), 5);
        assert_eq!(
            written_name("Kyiv", &kyiv),
            "Kiev",
            "a respelling still wins"
        );
    }

    #[test]
    fn unresolved_common_word_is_dropped() {
        let mut single = found("western", "Western", true, [0.0; 6]);
        single.common = true;
        let mut list = vec![single];
        resolve_in_briefing(&mut list, &Gazetteer::default());
        assert!(list.is_empty());
    }
}
