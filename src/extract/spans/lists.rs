//! Lists of names (`Kalbajar and Lachin`, `SOCAR, BP and TotalEnergies`):
//! the members of one list are of one kind, so a name no list knows takes
//! the type of a sure neighbour in it.

use super::{vote, Span};
use crate::extract::resolve::top_kind;
use crate::model::EntityKind;

/// What joins the last two members of a list.
const CONJUNCTIONS: &[&str] = &[" and ", ", and ", " or ", ", or ", " & "];

/// Words that open a sentence's adverbial (`In Tbilisi, Zurabishvili …`):
/// the comma after it ends the adverbial, not a list member.
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "across",
    "after",
    "before",
    "since",
    "for",
    "on",
    "by",
    "under",
    "outside",
    "within",
    "throughout",
    "to",
    "during",
    "like",
    "unlike",
    "besides",
];

/// The confidence a sure neighbour lends: enough to publish a name that
/// has nothing else for it.
const LENT_CONFIDENCE: f32 = 1.0;

#[derive(Clone, Copy, PartialEq)]
enum Join {
    None,
    Comma,
    Conjunction,
}

/// Types the unsure members of each list in `spans` (the names of one
/// block, in order) after their sure neighbours, both ways along the list.
/// A list ends in a conjunction (`A, B and C`); commas alone join nothing.
pub(super) fn share_list_types(text: &str, spans: &mut [Span]) {
    let joins: Vec<Join> = (1..spans.len())
        .map(|i| join(text, &spans[i - 1], &spans[i]))
        .collect();
    let mut first = 0;
    while first + 1 < spans.len() {
        let mut last = first;
        while last + 1 < spans.len() && joins[last] != Join::None {
            last += 1;
        }
        let mut from = first;
        if last > first && joins[first] == Join::Comma && opens_adverbial(text, &spans[first]) {
            from += 1;
        }
        if joins[from..last].contains(&Join::Conjunction) {
            for i in from + 1..=last {
                lend(spans, i - 1, i);
            }
            for i in (from + 1..=last).rev() {
                lend(spans, i, i - 1);
            }
        }
        first = last + 1;
    }
}

fn join(text: &str, before: &Span, after: &Span) -> Join {
    let between = text
        .get(before.surface_end as usize..after.start as usize)
        .unwrap_or("");
    if CONJUNCTIONS.contains(&between) {
        Join::Conjunction
    } else if between == ", " {
        Join::Comma
    } else {
        Join::None
    }
}

/// Whether `span` follows a preposition that opens its sentence.
fn opens_adverbial(text: &str, span: &Span) -> bool {
    let before = text[..span.start as usize].trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = before[word_start..].to_lowercase();
    let ahead = before[..word_start].trim_end();
    ADVERBIAL_OPENERS.contains(&word.as_str())
        && (ahead.is_empty() || ahead.ends_with(['.', '?', '!', ':', ';']))
}

/// Lends `from`'s type to `to` when `from` is sure of its type and `to`
/// is a name no list knows and nothing else types.
fn lend(spans: &mut [Span], from: usize, to: usize) {
    let source = &spans[from];
    if source.confidence < LENT_CONFIDENCE {
        return;
    }
    let Some(kind) = top_kind(&source.votes) else {
        return;
    };
    // A name beside a country is a place of its own, not a country.
    let kind = if kind == EntityKind::Country {
        EntityKind::Place
    } else {
        kind
    };
    let target = &mut spans[to];
    if target.known.is_some() || target.common || target.confidence >= LENT_CONFIDENCE {
        return;
    }
    for (v, l) in target.votes.iter_mut().zip(vote(kind, 1.0)) {
        *v += l;
    }
    target.confidence = LENT_CONFIDENCE;
}
