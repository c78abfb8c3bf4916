//! Hyphenated words around names: adjectives made from a name
//! (`Russian-led`, `post-Soviet`) that are no part of the name after them,
//! and compounds of known names (`Belarusian-Russian`) that name each part.

use super::{vote, Block, Finder, Span};
use crate::extract::lexicon::straighten;
use crate::extract::vocabulary::cue;

impl Finder<'_> {
    /// `Russian-led`, `EU-backed`: an adjective made from a name.
    pub(super) fn is_evaluative(&self, word: &str) -> bool {
        word.rsplit(['-', '‐', '‑'])
            .next()
            .is_some_and(|last| self.cue(last) & cue::EVALUATIVE != 0)
    }

    /// `post-Soviet`, `Pro-Russian`: an adjective made with a prefix.
    pub(super) fn is_prefixed(&mut self, word: &str) -> bool {
        let Some((prefix, _)) = word.split_once(['-', '‐', '‑']) else {
            return false;
        };
        if prefix.len() > 7 {
            return false; // no prefix is longer than `counter`
        }
        self.lower.clear();
        self.lower.push_str(prefix);
        self.lower.make_ascii_lowercase();
        self.builtin.cue(&self.lower) & cue::ADJECTIVE_PREFIX != 0
    }

    /// `Pro-Russian`, `Anti-NATO`: a prefix before a name or a people's
    /// adjective; not `Anti-Corruption`, a word of a body's name.
    pub(super) fn prefixes_a_name(&mut self, word: &str) -> bool {
        let Some((_, rest)) = word.split_once(['-', '‐', '‑']) else {
            return false;
        };
        let rest = straighten(rest);
        self.is_prefixed(word)
            && (self.gazetteer.lookup(&rest).is_some()
                || self.cue(&rest) & (cue::DEMONYM | cue::GROUP_ADJECTIVE) != 0)
    }

    /// Lower-case or unknown hyphenated words whose parts are known names:
    /// `Belarusian-Russian`, `pro-Russian`, `anti-NATO`.
    pub(super) fn hyphen_parts(&mut self, block: &Block, i: usize, out: &mut Vec<Span>) {
        let token = block.tokens[i];
        let word = token.word(block.text);
        if self.is_prefixed(word) {
            return;
        }
        let mut offset = token.start as usize;
        let parts: Vec<&str> = word.split(['-', '‐', '‑']).collect();
        for (n, part) in parts.iter().enumerate() {
            let starts_upper = part.chars().next().is_some_and(char::is_uppercase);
            if starts_upper {
                if let Some(id) = self.gazetteer.lookup(&straighten(part)) {
                    let end = (offset + part.len()) as u32;
                    let last = n + 1 == parts.len();
                    let kind = self.gazetteer.entry(id).kind;
                    out.push(Span {
                        start: offset as u32,
                        end,
                        surface_end: if last { token.surface_end } else { end },
                        known: Some(id),
                        votes: vote(kind, 10.0),
                        confidence: 10.0,
                        role: None,
                        single: true,
                        common: false,
                        defines: None,
                        initial: false,
                    });
                }
            }
            offset += part.len()
                + block.text[offset + part.len()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
    }

    pub(super) fn known_hyphen_parts(&self, block: &Block, i: usize) -> bool {
        let word = self.word(block, i);
        word.split(['-', '‐', '‑'])
            .all(|part| self.gazetteer.lookup(&straighten(part)).is_some())
    }
}
