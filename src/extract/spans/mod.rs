//! Finding the names in one block of text: gazetteer matches first, then
//! capitalised phrases no list knows, each with votes for its type and a
//! confidence that later decides whether it is published.
//!
//! The finder is deliberately conservative about what starts a name: a
//! sentence-initial common word (`Despite`, `Therefore`), a month, a bare title
//! and all-caps cover text never do; titles before a name become its role.

use std::cell::Cell;

use super::lexicon::{straighten, Builtin, Gazetteer};
use super::tokens::*;
use super::vocabulary::cue;
use crate::model::EntityKind;

mod adjectives;
mod apposition;
mod compounds;
mod events;
mod evidence;
pub use evidence::{is_name_cased, SHAPE_VOTE};
mod hyphens;
mod lists;
mod phrase;

/// Votes for each entity kind, indexed like [`EntityKind::ALL`].
pub type Votes = [f32; 6];

pub fn vote(kind: EntityKind, weight: f32) -> Votes {
    let mut votes = [0.0; 6];
    votes[kind as usize] = weight;
    votes
}

/// A name found in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: u32,
    /// End of the name without a possessive suffix.
    pub end: u32,
    /// End of the name as written, possessive included.
    pub surface_end: u32,
    /// The gazetteer or registry entry, when the name is known.
    pub known: Option<u32>,
    pub votes: Votes,
    pub confidence: f32,
    pub role: Option<String>,
    /// A single word: may be a surname or short form of a longer name.
    pub single: bool,
    /// A single word that is also a common English word: kept only if it
    /// turns out to be the short form of a longer name.
    pub common: bool,
    /// For `Full Name (ACR)`: the index of the span this acronym stands for.
    pub defines: Option<usize>,
    /// Starts a sentence or stands in a headline, where capitals say little.
    pub initial: bool,
}

impl Span {
    pub fn name<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.surface_end as usize]
    }
}

/// The name finder for one block; reuses its buffers across calls.
pub struct Finder<'a> {
    pub gazetteer: &'a Gazetteer,
    pub builtin: &'a Builtin,
    lower: String,
    candidate: String,
    /// The cue flags of each token of the block, looked up on first use.
    cue_cache: Vec<Cell<u32>>,
}

/// A cue not yet looked up (no word has every flag).
const CUE_UNKNOWN: u32 = u32::MAX;

struct Block<'t> {
    text: &'t str,
    tokens: &'t [Token],
    title_case: bool,
    cues: &'t [Cell<u32>],
}

impl<'a> Finder<'a> {
    pub fn new(gazetteer: &'a Gazetteer, builtin: &'a Builtin) -> Self {
        Finder {
            gazetteer,
            builtin,
            lower: String::new(),
            candidate: String::new(),
            cue_cache: Vec::new(),
        }
    }

    /// Appends the names in `text` (already tokenized) to `out`.
    pub fn find(&mut self, text: &str, tokens: &[Token], title_case: bool, out: &mut Vec<Span>) {
        let mut cues = std::mem::take(&mut self.cue_cache);
        cues.clear();
        cues.resize(tokens.len(), Cell::new(CUE_UNKNOWN));
        let block = Block {
            text,
            tokens,
            title_case,
            cues: &cues,
        };
        let first = out.len();
        let mut i = 0;
        while i < tokens.len() {
            // Most words are plain lower case: no name starts or hides there.
            if tokens[i].flags & (CAPITALISED | HYPHENATED | HAS_DIGIT) == 0 {
                i += 1;
                continue;
            }
            if let Some(end) = self.dated_vote_end(&block, i) {
                self.push_dated_vote(&block, i, end, out);
                i = end;
                continue;
            }
            if !self.starts_name(&block, i) {
                if tokens[i].has(HYPHENATED) {
                    self.hyphen_parts(&block, i, out);
                }
                i += 1;
                continue;
            }
            let end = self.phrase_end(&block, i);
            if let Some(from) = self.compound_start(&block, i, end) {
                // The parts before the dashes were taken as names of their own.
                let from_offset = tokens[from].start;
                while out.len() > first && out.last().is_some_and(|s| s.start >= from_offset) {
                    out.pop();
                }
                i = self.segment(&block, from, end, out);
                continue;
            }
            if self.repeats_last_name(&block, i, end, out) {
                i = end;
                continue;
            }
            let pushed = out.len();
            let phrase_start = i;
            i = self.segment(&block, i, end, out);
            if let Some(span) = out.get_mut(pushed) {
                self.take_leading_year(&block, phrase_start, span);
            }
        }
        if !title_case {
            lists::share_list_types(text, &mut out[first..]);
            self.type_by_shape(text, &mut out[first..]);
        }
        self.cue_cache = cues;
    }

    fn word<'t>(&self, block: &Block<'t>, i: usize) -> &'t str {
        block.tokens[i].word(block.text)
    }

    fn cue(&self, word: &str) -> u32 {
        self.builtin.cue(word)
    }

    /// The cue flags of the word at `i`.
    fn cue_at(&self, block: &Block, i: usize) -> u32 {
        let cached = block.cues[i].get();
        if cached != CUE_UNKNOWN {
            return cached;
        }
        let flags = self.cue(self.word(block, i));
        block.cues[i].set(flags);
        flags
    }

    fn is_common(&mut self, word: &str) -> bool {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        self.builtin.common_words.contains(self.lower.as_str())
    }

    fn is_given_name(&self, word: &str) -> bool {
        self.builtin.given_names.contains(word)
    }

    /// A word that can be part of a name.
    fn is_name_word(&mut self, block: &Block, i: usize) -> bool {
        let token = block.tokens[i];
        if !token.has(CAPITALISED) {
            return false;
        }
        let word = self.word(block, i);
        if self.cue(word) & cue::CALENDAR != 0 {
            return false;
        }
        if token.has(HYPHENATED) && (self.is_evaluative(word) || self.prefixes_a_name(word)) {
            return false;
        }
        if block.title_case && self.is_common(word) && !self.gazetteer.starts_a_name(word) {
            return false;
        }
        true
    }

    fn is_ordinal(&self, block: &Block, i: usize) -> bool {
        if !block.tokens[i].has(HAS_DIGIT) {
            return false;
        }
        let word = self.word(block, i);
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
    }

    fn starts_name(&mut self, block: &Block, i: usize) -> bool {
        if self.is_name_word(block, i) {
            return true;
        }
        self.is_ordinal(block, i)
            && block.tokens.get(i + 1).is_some_and(|t| t.has(SPACE_BEFORE))
            && self.is_name_word(block, i + 1)
    }

    /// Splits a phrase into known names, titles and one discovered name.
    /// Returns where the phrase really ends: a known name may run past the
    /// capitalised words (`Organisation for Security and Co-operation in Europe`).
    fn segment(
        &mut self,
        block: &Block,
        start: usize,
        mut end: usize,
        out: &mut Vec<Span>,
    ) -> usize {
        let known_first = self.known_at(block, start, end);
        let (mut at, mut role) = self.name_start(block, start, end, known_first.is_some());
        while at < end {
            if let Some(after) = self.title_run(block, at, end) {
                role = Some(self.text_of(block, at, after).to_string());
                at = after;
                continue;
            }
            let known = if at == start {
                known_first
            } else {
                self.known_at(block, at, end)
            };
            // `Coastal Steel Union (CSU)`: defined here, whatever a list says.
            let known = known.filter(|_| self.acronym_target(block, at, at + 1, out).is_none());
            if let Some((after, id)) = known {
                end = end.max(after);
                // Right after a title, a known name opens the person's
                // (`Defence Minister Wellington Koo`).
                let stands_alone = after == end
                    || block.title_case
                    || self.title_run(block, after, end).is_some()
                    || (self.is_given_name(self.word(block, after)) && role.is_none());
                if stands_alone {
                    out.push(self.known_span(block, at, after, id, role.take()));
                    at = after;
                    continue;
                }
            }
            // `US House Speaker Nancy Pelosi`, `Gazprom CEO Alexei Miller`:
            // a title inside the phrase ends the name before it.
            if let Some((title, after)) = self.inner_title(block, at, end) {
                match known.filter(|&(known_end, _)| known_end <= title) {
                    Some((known_end, id)) => {
                        out.push(self.known_span(block, at, known_end, id, role.take()))
                    }
                    None => self.discovered(block, at, title, role.take(), out),
                }
                role = Some(self.text_of(block, title, after).to_string());
                at = after;
                continue;
            }
            self.discovered(block, at, end, role.take(), out);
            return end;
        }
        end
    }

    /// Where the names of a phrase start, past a dropped initial word and a
    /// title's tail (`… of State`), with the role that tail gives.
    fn name_start(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        known: bool,
    ) -> (usize, Option<String>) {
        let mut at = start;
        if self.drop_initial_word(block, start, end, known) {
            at += 1;
            // `Support for Norway`: a name never starts with a lower-case word.
            while at < end && !block.tokens[at].has(CAPITALISED) {
                at += 1;
            }
        }
        match self.title_of_tail(block, at, end) {
            Some((title, name)) => (name, Some(self.text_of(block, title, name).to_string())),
            None => (at, None),
        }
    }

    /// `Secretary of State Marco Rubio`, `Minister of Foreign Affairs Ana
    /// Roe`: a phrase after a head title's `of` (or `of the`) that ends in a
    /// person's name of two or three words, given name first, is the rest
    /// of the title. Gives where the title starts and the name starts.
    fn title_of_tail(&self, block: &Block, start: usize, end: usize) -> Option<(usize, usize)> {
        let of_at = match start.checked_sub(1).map(|k| self.word(block, k)) {
            Some("of") => start - 1,
            Some("the") if start >= 2 && self.word(block, start - 2) == "of" => start - 2,
            _ => return None,
        };
        let title = of_at.checked_sub(1)?;
        if self.cue_at(block, title) & cue::HEAD_TITLE == 0 {
            return None;
        }
        let name = (start + 1..end.saturating_sub(1))
            .find(|&k| (2..=3).contains(&(end - k)) && self.is_given_name(self.word(block, k)))?;
        let tail_is_title = (start..name)
            .all(|k| block.tokens[k].has(CAPITALISED) && !self.is_given_name(self.word(block, k)));
        tail_is_title.then_some((title, name))
    }

    /// A title run inside a phrase, after its first word, followed by a
    /// person's name to the phrase's end: where the run starts and ends.
    fn inner_title(&self, block: &Block, start: usize, end: usize) -> Option<(usize, usize)> {
        (start + 1..end.saturating_sub(1)).find_map(|k| {
            // `Waite for the Major Arcana`: the name before a title ends on
            // a name word, not on a connector.
            if !block.tokens[k - 1].has(CAPITALISED) {
                return None;
            }
            // `Hassan Sheikh Mohamud`: a title after a lone given name is
            // part of the person's name.
            if k == start + 1 && self.is_given_name(self.word(block, start)) {
                return None;
            }
            let after = self.title_run(block, k, end).filter(|&a| a < end)?;
            let name_follows = block.tokens[after].has(CAPITALISED)
                && (after..end).all(|n| {
                    block.tokens[n].has(CAPITALISED)
                        || self.cue_at(block, n) & cue::NAME_PARTICLE != 0
                });
            name_follows.then_some((k, after))
        })
    }

    fn text_of<'t>(&self, block: &Block<'t>, start: usize, end: usize) -> &'t str {
        &block.text[block.tokens[start].start as usize..block.tokens[end - 1].end as usize]
    }

    fn has_type_cue(&self, block: &Block, last: usize) -> bool {
        self.cue_at(block, last) & (cue::ORGANIZATION | cue::PLACE | cue::FACILITY | cue::EVENT)
            != 0
    }

    /// A country or place named as the gazetteer names it (`Romania`, not
    /// the adjective `Romanian`).
    fn is_place_name(&self, block: &Block, i: usize) -> bool {
        let word = self.word(block, i);
        self.gazetteer.lookup(word).is_some_and(|id| {
            let entry = self.gazetteer.entry(id);
            entry.name == word && matches!(entry.kind, EntityKind::Country | EntityKind::Place)
        })
    }

    /// A run of title words with at least one head title (`Prime Minister`),
    /// followed by the rest of a name; returns where the name starts. An
    /// acronym no list knows may lead it (`MFA Head`).
    fn title_run(&self, block: &Block, start: usize, end: usize) -> Option<usize> {
        let lead = self.unknown_acronyms(block, start, end);
        let mut at = lead;
        let mut head = false;
        while at < end {
            let flags = self.cue_at(block, at);
            if flags & (cue::HEAD_TITLE | cue::TITLE_MODIFIER) == 0
                || block.tokens[at].has(POSSESSIVE)
            {
                break;
            }
            head |= flags & cue::HEAD_TITLE != 0;
            at += 1;
        }
        let names_a_thing = at < end
            && self.cue_at(block, at)
                & (cue::ORGANIZATION | cue::PLACE | cue::FACILITY | cue::EVENT)
                != 0;
        (head && at > lead && !names_a_thing).then_some(at)
    }

    /// Where up to two acronyms no list knows, from `start`, end.
    fn unknown_acronyms(&self, block: &Block, start: usize, end: usize) -> usize {
        let mut at = start;
        while at < end.min(start + 2) {
            let word = self.word(block, at);
            let acronym = block.tokens[at].has(ALL_CAPS) && word.len() <= 6;
            if !acronym || self.cue(word) != 0 || self.gazetteer.lookup(word).is_some() {
                break;
            }
            at += 1;
        }
        at
    }

    /// The longest gazetteer name starting at `start`. It may run past the
    /// phrase's `end` over lower-case words, if it ends on a capitalised one.
    fn known_at(&mut self, block: &Block, start: usize, end: usize) -> Option<(usize, u32)> {
        let first = straighten(self.word(block, start));
        if !self.gazetteer.starts_a_name(&first) {
            return None;
        }
        let tokens = block.tokens;
        let mut limit = start + 1;
        while limit < tokens.len()
            && limit - start < self.gazetteer.max_words
            && tokens[limit].has(SPACE_BEFORE)
            && !tokens[limit].has(SENTENCE_START)
            && !tokens[limit - 1].has(POSSESSIVE)
            && !tokens[limit - 1].has(PAREN_AFTER)
        {
            limit += 1;
        }
        self.candidate.clear();
        self.candidate.push_str(&first);
        let mut longest = None;
        for after in start + 1..=limit {
            if after > start + 1 {
                self.candidate.push(' ');
                self.candidate
                    .push_str(&straighten(self.word(block, after - 1)));
            }
            // A known name may end past the phrase on a capital or a number
            // (`Estlink 2`, `Arctic LNG 2`).
            let may_end = after <= end || tokens[after - 1].has(CAPITALISED | HAS_DIGIT);
            if may_end {
                if let Some(id) = self.gazetteer.lookup(&self.candidate) {
                    longest = Some((after, id));
                }
            }
            if !self.gazetteer.continues_a_name(&self.candidate) {
                break;
            }
        }
        longest
    }

    fn known_span(
        &self,
        block: &Block,
        start: usize,
        after: usize,
        id: u32,
        role: Option<String>,
    ) -> Span {
        let (first, last) = (block.tokens[start], block.tokens[after - 1]);
        let kind = self.gazetteer.entry(id).kind;
        Span {
            start: first.start,
            end: last.end,
            surface_end: last.surface_end,
            known: Some(id),
            votes: vote(kind, 10.0),
            confidence: 10.0,
            role,
            single: after - start == 1,
            common: false,
            defines: None,
            initial: false,
        }
    }

    /// A name no list knows, typed from its words and its context.
    fn discovered(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        role: Option<String>,
        out: &mut Vec<Span>,
    ) {
        let tokens = block.tokens;
        let words = end - start;
        if words == 1 && self.word(block, start).chars().nth(1).is_none() {
            return; // `Gen Z`, `Plan B`: a letter alone names nothing
        }
        let defines = self.acronym_target(block, start, end, out);
        if words >= 2
            && defines.is_none()
            && (start..end).all(|k| tokens[k].has(ALL_CAPS) && self.word(block, k).len() >= 3)
        {
            return; // cover text or a running label in capitals
        }
        if words == 1 && tokens[start].has(HYPHENATED) && self.known_hyphen_parts(block, start) {
            self.hyphen_parts(block, start, out);
            return;
        }
        if words >= 2 && ends_in_initial(self.word(block, end - 1)) {
            return; // `Stubbs, Thomas L.`: a reference list's given names
        }
        if words == 1 && self.names_nothing_alone(block, start) {
            return; // `GDP`, `1,200 MW`, `Nazi`, `Eurasian`, `Les`, `2003`: no entity alone
        }
        if words >= 2 && self.is_adjective_phrase(block, start, end) {
            return; // `Central Asian`, `Tunisian and Libyan`: they describe
        }
        let single = words == 1;
        let common = single && role.is_none() && self.is_common(self.word(block, start));
        let (votes, confidence, apposed) = self.evidence(block, start, end, role.is_some(), common);
        out.push(Span {
            start: tokens[start].start,
            end: tokens[end - 1].end,
            surface_end: tokens[end - 1].surface_end,
            known: None,
            votes,
            confidence,
            role,
            single,
            common,
            defines,
            initial: (tokens[start].has(SENTENCE_START) || block.title_case) && !apposed,
        });
    }
}

/// Whether a name's last word is a lone initial (`Thomas L`): the given
/// names of a reference list entry (`Stubbs, Thomas L.`), never a whole
/// name. A Roman numeral (`World War I`, `Louis V`) is no initial.
fn ends_in_initial(word: &str) -> bool {
    let mut letters = word.chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase() && !matches!(c, 'I' | 'V' | 'X'))
}

/// A year of the last two centuries (`2021`).
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

#[cfg(test)]
mod tests;
