//! People known by the echo of their family name: a briefing introduces a
//! person in full once (`Abdalla Hamdok`) and later by family name alone
//! (`Hamdok said`). A full name no cue types, whose last word stands alone
//! elsewhere in the same briefing, is taken for a person's. The other way
//! round, a name typed a person's by its shape alone whose *first* word
//! stands alone typed as something else by a cue (`in Christchurch` beside
//! `Christchurch Canterbury`) is a place's or a body's, not a person's: the
//! shape's vote is taken back. A first word alone with no such cue may be
//! how the person is called (`Anwar` for `Anwar Ibrahim`, see `resolve.rs`).

use rustc_hash::FxHashSet;

use super::lexicon::builtin;
use super::resolve::{top_kind, Found, Key};
use super::spans::{is_name_cased, vote, SHAPE_VOTE};
use crate::model::EntityKind;

/// The vote a family name's echo gives a full name.
const ECHO_VOTE: f32 = 1.5;
/// The confidence of a name whose shape's vote was taken back: too low to
/// publish it.
const UNSURE: f32 = 0.6;

/// Marks as people the untyped full names of one briefing whose family
/// name also stands alone in it.
pub fn mark_echoed_people(found: &mut [Found]) {
    let weighed = |f: &Found| {
        !f.single
            && f.defines.is_none()
            && matches!(f.key, Key::Found(_))
            && (f.votes == vote(EntityKind::Person, SHAPE_VOTE) || top_kind(&f.votes).is_none())
    };
    if !found.iter().any(weighed) {
        return;
    }
    let alone: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.single && !f.common && f.defines.is_none())
        .filter(|f| matches!(f.key, Key::Found(_)))
        .filter(|f| matches!(top_kind(&f.votes), None | Some(EntityKind::Person)))
        .map(|f| f.name)
        .collect();
    // Any one-word name, whatever typed it (`in Christchurch`).
    let any_alone: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.single && !f.common)
        .map(|f| f.name)
        .collect();
    // One a cue types as no person's (`in Christchurch`); a first word
    // alone with no such cue may be how a person is called (`Anwar leads`).
    let thing_alone: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.single && !f.common)
        .filter(|f| !matches!(top_kind(&f.votes), None | Some(EntityKind::Person)))
        .map(|f| f.name)
        .collect();
    if any_alone.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let shaped = f.votes == vote(EntityKind::Person, SHAPE_VOTE);
        let first = f.name.split(' ').next().unwrap_or("");
        let last = f.name.rsplit(' ').next().unwrap_or("");
        if shaped && thing_alone.contains(first) && !any_alone.contains(last) {
            f.votes = [0.0; 6];
            f.confidence = f.confidence.min(UNSURE);
            continue;
        }
        let untyped = !f.single && f.defines.is_none() && top_kind(&f.votes).is_none();
        let first_alone = any_alone.contains(first);
        if untyped
            && !first_alone
            && matches!(f.key, Key::Found(_))
            && is_echoed_name(f.name, &alone)
        {
            f.votes[EntityKind::Person as usize] += ECHO_VOTE;
            f.confidence = f.confidence.max(1.0);
        }
    }
}

/// Two to four capitalised words, the first no common word unless it is a
/// given name (`Western Tigray` is no person), the last standing alone.
fn is_echoed_name(name: &str, alone: &FxHashSet<&str>) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let lexicon = builtin();
    let capitalised = words.iter().all(|w| is_name_cased(w));
    let repeated = words
        .iter()
        .enumerate()
        .any(|(i, w)| words[..i].contains(w));
    let first = words[0];
    let plain_first = !lexicon.common_words.contains(&first.to_lowercase())
        || lexicon.given_names.contains(first);
    (2..=4).contains(&words.len())
        && capitalised
        && !repeated
        && plain_first
        && words.last().is_some_and(|last| alone.contains(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_name_echoed_alone_makes_a_person() {
        let alone: FxHashSet<&str> = ["Hamdok", "Tigray"].into_iter().collect();
        assert!(is_echoed_name("Abdalla Hamdok", &alone));
        assert!(
            !is_echoed_name("Western Tigray", &alone),
            "a common first word"
        );
        assert!(
            !is_echoed_name("Abdalla Hamdok Jr", &alone),
            "the last word must echo"
        );
        assert!(
            !is_echoed_name("Hamdok", &alone),
            "one word is no full name"
        );
        let alone: FxHashSet<&str> = ["Mozilla", "XEmacs"].into_iter().collect();
        assert!(!is_echoed_name("Mozilla Mozilla", &alone), "a doubled word");
        assert!(
            !is_echoed_name("Aquafied XEmacs", &alone),
            "not cased as a name"
        );
    }
}
