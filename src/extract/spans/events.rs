//! Events whose names the capitals alone do not mark: a name and a lower-case
//! event noun (`the NATO summit`, `the Pahalgam attack`), an event head and
//! its number (`Operation 1027`), and a dated vote (`the November 2024
//! presidential election`).

use super::{is_year, vote, Block, Finder, Span};
use crate::extract::tokens::*;
use crate::extract::vocabulary::cue;
use crate::model::EntityKind;

/// The most qualifier words a dated vote holds (`2026 snap parliamentary
/// elections`).
const MAX_QUALIFIERS: usize = 3;

impl Finder<'_> {
    /// `the NATO summit`, `the Pahalgam attack`: a lower-case event noun
    /// right after a name of one to three words (not a person's, not in a
    /// headline, where the noun would be capitalised) is part of the name.
    pub(super) fn event_noun_follows(&mut self, block: &Block, start: usize, end: usize) -> bool {
        let tokens = block.tokens;
        let Some(next) = tokens.get(end) else {
            return false;
        };
        let previous = tokens[end - 1];
        let opening = self.cue_at(block, start) & cue::OPENING_WORD != 0;
        let start = start + usize::from(opening && end > start + 1);
        !block.title_case
            && end - start <= 3
            && next.has(SPACE_BEFORE)
            && !next.has(CAPITALISED)
            && !previous.has(POSSESSIVE)
            && !previous.has(PAREN_AFTER)
            && self.cue(next.word(block.text)) & cue::EVENT_NOUN != 0
            && !self.is_given_name(self.word(block, start))
            && self.cue_at(block, start) & cue::HEAD_TITLE == 0
            && !(end - start == 1 && self.is_adjective(block, start))
    }

    /// `the Druzhba pipeline`, `the Tengiz gas field`: how many words of a
    /// lower-case facility noun, with `gas` or `oil` before it, follow a
    /// name of one to three words (no person's, none a list knows) and
    /// complete it; 0 for none.
    pub(super) fn facility_noun_words(&mut self, block: &Block, start: usize, end: usize) -> usize {
        let tokens = block.tokens;
        let lower_at = |k: usize| {
            tokens
                .get(k)
                .filter(|t| t.has(SPACE_BEFORE) && !t.has(CAPITALISED))
                .map(|t| t.word(block.text))
        };
        let words = match lower_at(end) {
            Some("gas" | "oil") => 2,
            Some(_) => 1,
            None => return 0,
        };
        let facility = lower_at(end + words - 1)
            .is_some_and(|noun| noun != "gas" && self.cue(noun) & cue::FACILITY != 0);
        let previous = tokens[end - 1];
        let misfits = block.title_case
            || end - start > 3
            || previous.has(POSSESSIVE)
            || previous.has(PAREN_AFTER)
            || self.is_given_name(self.word(block, start))
            || (end - start == 1 && self.is_adjective(block, start))
            || self.is_known(block, start, end);
        if facility && !misfits {
            words
        } else {
            0
        }
    }

    /// Whether the words from `start` to `end` are a name a list knows
    /// (`Kazakhstan`, `Sinopec`): its facility is written about, not named.
    fn is_known(&self, block: &Block, start: usize, end: usize) -> bool {
        self.gazetteer
            .lookup(self.text_of(block, start, end))
            .is_some()
    }

    /// `Operation 1027`: a number right after an event head is its name.
    pub(super) fn number_follows_head(&self, block: &Block, start: usize, end: usize) -> bool {
        let tokens = block.tokens;
        end == start + 1
            && self.cue_at(block, start) & cue::EVENT_HEAD != 0
            && tokens.get(end).is_some_and(|t| {
                t.has(SPACE_BEFORE)
                    && t.word(block.text).bytes().all(|b| b.is_ascii_digit())
                    && !t.word(block.text).is_empty()
            })
    }

    /// The end of a dated vote starting at `start`: an optional day and
    /// month, a year, up to three qualifiers (`presidential`, `snap`, a
    /// capitalised word such as `Bundestag`) and a vote's noun (`election`,
    /// `referendum`). `None` when the words there are no such vote.
    pub(super) fn dated_vote_end(&self, block: &Block, start: usize) -> Option<usize> {
        let tokens = block.tokens;
        let word = |k: usize| self.word(block, k);
        let mut at = start;
        // `04/2025 election` is a number, not a date.
        let spaced =
            |k: usize| k == 0 || tokens[k].has(SPACE_BEFORE) || tokens[k].has(SENTENCE_START);
        if !spaced(start) {
            return None;
        }
        if word(at).bytes().all(|b| b.is_ascii_digit()) && word(at).len() <= 2 {
            at += 1; // the day
        }
        if at < tokens.len() && spaced(at) && self.cue(word(at)) & cue::CALENDAR != 0 {
            at += 1; // the month
        }
        if at >= tokens.len() || !spaced(at) || !is_year(word(at)) || tokens[at].has(POSSESSIVE) {
            return None;
        }
        at += 1;
        let qualifiers_from = at;
        while at < tokens.len()
            && at - qualifiers_from < MAX_QUALIFIERS
            && tokens[at].has(SPACE_BEFORE)
            && (self.cue(word(at)) & cue::VOTE_QUALIFIER != 0 || tokens[at].has(CAPITALISED))
        {
            at += 1;
        }
        let noun = tokens.get(at)?;
        let is_vote = noun.has(SPACE_BEFORE)
            && !noun.has(CAPITALISED)
            && matches!(
                noun.word(block.text),
                "election" | "elections" | "referendum"
            );
        is_vote.then_some(at + 1)
    }

    /// `the 2024 BRICS summit`: a year between `the` and a discovered
    /// event that starts at `start` is the first word of its name (it
    /// tells one summit of a series from the next; `the 1972 Simla
    /// Agreement` names the one agreement without it).
    pub(super) fn take_leading_year(&self, block: &Block, start: usize, span: &mut Span) {
        let tokens = block.tokens;
        let dated = start >= 2
            && span.start == tokens[start].start
            && span.known.is_none()
            && tokens[start].has(SPACE_BEFORE)
            && tokens[start - 1].has(SPACE_BEFORE)
            && is_year(self.word(block, start - 1))
            && matches!(self.word(block, start - 2), "the" | "The");
        let kind = crate::extract::resolve::top_kind(&span.votes);
        if dated && kind == Some(EntityKind::Event) {
            span.start = tokens[start - 1].start;
        }
    }

    /// Pushes the dated vote from `start` to `end` as an event.
    pub(super) fn push_dated_vote(
        &self,
        block: &Block,
        start: usize,
        end: usize,
        out: &mut Vec<Span>,
    ) {
        let tokens = block.tokens;
        out.push(Span {
            start: tokens[start].start,
            end: tokens[end - 1].end,
            surface_end: tokens[end - 1].surface_end,
            known: None,
            votes: vote(EntityKind::Event, 2.0),
            confidence: 1.0,
            role: None,
            single: false,
            common: false,
            defines: None,
            initial: false,
        });
    }
}
