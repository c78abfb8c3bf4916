//! Names written as dash compounds of names (`China–Central Asia Summit`,
//! `United States–Mexico–Canada Agreement`, `Russia–Ukraine War`): the
//! names before the dashes belong to the name when the part after the last
//! dash ends on a type word or holds a treaty's. Without one (`the US–China
//! rivalry`) each part is a name of its own.

use super::{Block, Finder};
use crate::extract::tokens::*;
use crate::extract::vocabulary::cue;

/// The most names a compound joins before its last part.
const MAX_PARTS: usize = 3;

/// The most words of one name before a dash.
const MAX_PART_WORDS: usize = 3;

/// The words whose type the whole compound takes.
const COMPOUND_TYPES: u32 =
    cue::ORGANIZATION | cue::FACILITY | cue::EVENT | cue::EVENT_NOUN | cue::TREATY;

impl Finder<'_> {
    /// Where the name whose last part runs from `start` to `end` starts, when
    /// names joined by dashes stand before it; `None` when none do.
    pub(super) fn compound_start(&self, block: &Block, start: usize, end: usize) -> Option<usize> {
        let tokens = block.tokens;
        if start == 0
            || tokens[start].has(SPACE_BEFORE)
            || block.title_case
            || !self.typed_last_part(block, start, end)
        {
            return None;
        }
        let mut from = start;
        for _ in 0..MAX_PARTS {
            match self.part_before_dash(block, from) {
                Some(part) => from = part,
                None => break,
            }
        }
        (from < start).then_some(from)
    }

    /// Whether the part after the last dash ends on a type word, holds a
    /// treaty's word (`US–Georgia Charter on Strategic Partnership`), or
    /// is three words or more ending on a place's (`China–Pakistan
    /// Economic Corridor`; not `the Poland–Belarus Border`).
    fn typed_last_part(&self, block: &Block, start: usize, end: usize) -> bool {
        let last = self.cue_at(block, end - 1);
        last & COMPOUND_TYPES != 0
            || (end - start >= 3 && last & cue::PLACE != 0)
            || (start..end).any(|k| self.cue_at(block, k) & cue::TREATY != 0)
    }

    /// The first word of the name that ends right before a dash at `at`.
    fn part_before_dash(&self, block: &Block, at: usize) -> Option<usize> {
        let tokens = block.tokens;
        if at == 0 || tokens[at].has(SPACE_BEFORE) {
            return None;
        }
        let gap = &block.text[tokens[at - 1].end as usize..tokens[at].start as usize];
        if !matches!(gap, "–" | "—") || !tokens[at - 1].has(CAPITALISED) {
            return None;
        }
        let mut first = at - 1;
        while first > 0
            && at - first < MAX_PART_WORDS
            && tokens[first].has(SPACE_BEFORE)
            && tokens[first - 1].has(CAPITALISED)
            && !tokens[first].has(SENTENCE_START)
        {
            first -= 1;
        }
        Some(first)
    }
}
