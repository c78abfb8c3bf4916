//! Noun phrases in apposition that type a name no list knows: `the think
//! tank Varnel Lab`, `Varnel Lab, the think tank, …`, `the port of Varnak`,
//! `Ana Roe, the governor`, `its chairman, Ana Roe`, `Ana Roe, who …`.
//!
//! The phrases live in `data/vocabulary/organisation_apposition.txt`,
//! `place_apposition.txt` and `person_apposition.txt`. A phrase counts only after an article, with at
//! most a few words between (`the Kyiv-based think tank`), and with nothing
//! but spaces between its words, so `the bank, Varnel` or `the bank's
//! Varnel` type nothing.

use super::{Block, Finder};
use crate::extract::tokens::*;
use crate::model::EntityKind;

/// Words that may stand between the article and the phrase.
const MODIFIERS: usize = 3;

/// An article, or a possessive that stands where one would (`its chairman`).
fn is_article(word: &str) -> bool {
    matches!(
        word,
        "the" | "The" | "a" | "A" | "an" | "An" | "its" | "his" | "her" | "their"
    )
}

impl Finder<'_> {
    /// The type an apposition gives the name from `start` to `end`.
    pub(super) fn apposition(&self, block: &Block, start: usize, end: usize) -> Option<EntityKind> {
        self.apposition_before(block, start)
            .or_else(|| self.apposition_after(block, end))
    }

    /// `the think tank X`, `the port of X`; a person's `its chairman, X`.
    fn apposition_before(&self, block: &Block, start: usize) -> Option<EntityKind> {
        let tokens = block.tokens;
        if start == 0 {
            return None;
        }
        let gap = &block.text[tokens[start - 1].surface_end as usize..tokens[start].start as usize];
        let comma = gap.trim() == ",";
        if !tokens[start].has(SPACE_BEFORE) && !comma {
            return None;
        }
        let (kind, first, _) = self.phrase_ending_at(block, start - 1)?;
        let fits = !comma || kind == EntityKind::Person;
        (fits && self.article_before(block, first)).then_some(kind)
    }

    /// `X, the think tank, …`: a comma, an article, up to three words, the
    /// phrase (never one ending in `of`).
    fn apposition_after(&self, block: &Block, end: usize) -> Option<EntityKind> {
        let tokens = block.tokens;
        let last = tokens[end - 1];
        let article = tokens.get(end)?;
        let gap = &block.text[last.surface_end as usize..article.start as usize];
        if gap.trim() != "," || last.has(POSSESSIVE) {
            return None;
        }
        // `Ana Roe, who led the party`; not `the governor of Delta Bank,
        // who …`, where a type word names the body.
        if article.word(block.text) == "who" {
            let type_word = self.cue_at(block, end - 1) & super::evidence::TYPE_CUES != 0;
            return (!type_word).then_some(EntityKind::Person);
        }
        if !is_article(article.word(block.text)) {
            return None;
        }
        let limit = tokens.len().min(end + 1 + MODIFIERS + 3);
        for (j, token) in tokens.iter().enumerate().take(limit).skip(end + 1) {
            if !token.has(SPACE_BEFORE) {
                return None;
            }
            if let Some((kind, first, before_only)) = self.phrase_ending_at(block, j) {
                if !before_only && first > end && first - end - 1 <= MODIFIERS {
                    return Some(kind);
                }
            }
        }
        None
    }

    /// The apposition phrase whose last word is token `last`: its type,
    /// its first token and whether it stands only before a name.
    fn phrase_ending_at(&self, block: &Block, last: usize) -> Option<(EntityKind, usize, bool)> {
        let tokens = block.tokens;
        let phrases = self
            .builtin
            .appositions
            .get(tokens[last].word(block.text))?;
        phrases.iter().find_map(|phrase| {
            let first = (last + 1).checked_sub(phrase.words.len())?;
            let matches = first > 0
                && (first..=last).zip(&phrase.words).all(|(k, word)| {
                    tokens[k].word(block.text) == *word
                        && !tokens[k].has(POSSESSIVE)
                        && tokens[k].has(SPACE_BEFORE)
                });
            matches.then_some((phrase.kind, first, phrase.before_only()))
        })
    }

    /// An article before token `first`, at most three words back, with
    /// only spaces in between.
    fn article_before(&self, block: &Block, first: usize) -> bool {
        let tokens = block.tokens;
        let mut k = first;
        while k > 0 && first - k <= MODIFIERS {
            k -= 1;
            if is_article(tokens[k].word(block.text)) {
                return true;
            }
            if !tokens[k].has(SPACE_BEFORE) || tokens[k].has(POSSESSIVE) {
                return false;
            }
        }
        false
    }
}
