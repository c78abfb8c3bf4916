//! Typing a found name: votes for its kind and a confidence, from its own
//! words (`… Summit`, `Ministry of …`, a title before it) and from the words
//! around it (`in X`, `X said`); and `Full Name (ACR)` acronym definitions.

use super::{is_year, vote, Block, Finder, Span, Votes};
use crate::extract::tokens::*;
use crate::extract::vocabulary::cue;
use crate::model::EntityKind;

impl Finder<'_> {
    /// A unit after a number (`1,200 MW`) or a common acronym (`GDP`).
    pub(super) fn is_common_acronym(&self, block: &Block, i: usize) -> bool {
        let token = block.tokens[i];
        let word = token.word(block.text);
        if self.cue(word) & cue::COMMON_ACRONYM != 0 {
            return true;
        }
        let after_number = i > 0
            && token.has(SPACE_BEFORE)
            && self
                .word(block, i - 1)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        after_number && !word.chars().any(char::is_lowercase)
    }

    /// What the words of a name say about its type, and how sure we are.
    pub(super) fn word_evidence(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        has_role: bool,
    ) -> (Votes, f32) {
        let tokens = block.tokens;
        let first = self.word(block, start);
        let last = self.word(block, end - 1);
        let last_cue = self.cue(last);
        let words = end - start;
        if has_role {
            return (vote(EntityKind::Person, 2.0), 1.0);
        }
        if words == 1 && is_name_year(first) {
            return (vote(EntityKind::Event, 2.0), 1.0);
        }
        if words >= 2 && (start..end).any(|k| self.cue(self.word(block, k)) & cue::TREATY != 0) {
            return (vote(EntityKind::Other, 1.5), 1.0);
        }
        if words >= 2 && is_year(last) {
            return (vote(EntityKind::Event, 1.5), 1.0);
        }
        if words >= 2 {
            for (flag, kind) in [
                (cue::ORGANIZATION, EntityKind::Organization),
                (cue::PLACE, EntityKind::Place),
                (cue::FACILITY, EntityKind::Other),
                (cue::EVENT, EntityKind::Event),
            ] {
                if last_cue & flag != 0 {
                    return (vote(kind, 1.5), 1.0);
                }
            }
            if self.cue(first) & cue::ORGANIZATION_HEAD != 0 {
                return (vote(EntityKind::Organization, 1.0), 1.0);
            }
            if words <= 4 && self.is_given_name(first) && !tokens[start].has(ALL_CAPS) {
                return (vote(EntityKind::Person, 1.5), 1.0);
            }
            return ([0.0; 6], 0.6);
        }
        if tokens[start].has(ALL_CAPS) && !tokens[start].has(HAS_DIGIT) && first.len() <= 7 {
            return (vote(EntityKind::Organization, 0.6), 0.6);
        }
        let confidence = if tokens[start].has(SENTENCE_START) {
            0.2
        } else {
            0.3
        };
        ([0.0; 6], confidence)
    }

    /// What the words around a name say: `in X`, `the port of X`, `X region`,
    /// `X said`.
    pub(super) fn context_evidence(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
    ) -> (Votes, f32) {
        let tokens = block.tokens;
        let possessive = tokens[end - 1].has(POSSESSIVE);
        if start >= 1 && tokens[start].has(SPACE_BEFORE) && !possessive {
            let before = self.word(block, start - 1);
            if self.cue(before) & cue::PLACE_PREPOSITION != 0 {
                return (vote(EntityKind::Place, 1.0), 1.0);
            }
            if before == "of"
                && start >= 2
                && self.cue(self.word(block, start - 2)) & cue::PLACE_NOUN != 0
            {
                return (vote(EntityKind::Place, 2.0), 1.0);
            }
        }
        if let Some(after) = tokens
            .get(end)
            .filter(|t| t.has(SPACE_BEFORE) && !possessive)
        {
            let flags = self.cue(after.word(block.text));
            if flags & cue::PLACE_NOUN != 0 && !after.has(CAPITALISED) {
                return (vote(EntityKind::Place, 1.5), 1.0);
            }
            if flags & cue::SPEECH_VERB != 0 {
                return (vote(EntityKind::Person, 0.8), 0.6);
            }
        }
        ([0.0; 6], 0.0)
    }

    /// `Full Name (ACR)`: an acronym in parentheses right after a name whose
    /// initials it matches stands for that name.
    pub(super) fn acronym_target(
        &self,
        block: &Block,
        start: usize,
        end: usize,
        out: &[Span],
    ) -> Option<usize> {
        let token = block.tokens[start];
        if end - start != 1
            || !token.has(ALL_CAPS)
            || !token.has(PAREN_BEFORE)
            || !token.has(PAREN_AFTER)
        {
            return None;
        }
        let previous = out.len().checked_sub(1)?;
        let name_end = out[previous].surface_end as usize;
        let gap = &block.text[name_end..token.start as usize];
        if gap.trim() != "(" || out[previous].single {
            return None;
        }
        let acronym = token.word(block.text);
        let initials: String = out[previous]
            .name(block.text)
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let plausible = acronym.chars().next() == initials.chars().next();
        plausible.then_some(previous)
    }
}

/// `Zapad-2021`: a name with a year.
fn is_name_year(word: &str) -> bool {
    let Some((name, year)) = word.rsplit_once('-') else {
        return false;
    };
    name.chars().next().is_some_and(char::is_uppercase) && is_year(year)
}
