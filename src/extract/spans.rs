//! Finding the names in one block of text: gazetteer matches first, then
//! capitalised phrases no list knows, each with votes for its type and a
//! confidence that later decides whether it is published.
//!
//! The finder is deliberately conservative about what starts a name: a
//! sentence-initial common word (`Despite`, `Therefore`), a month, a bare title
//! and all-caps cover text never do; titles before a name become its role.

use super::lexicon::{cue, straighten, Builtin, Gazetteer};
use super::tokens::*;
use crate::model::EntityKind;

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
}

struct Block<'t> {
    text: &'t str,
    tokens: &'t [Token],
    title_case: bool,
}

impl<'a> Finder<'a> {
    pub fn new(gazetteer: &'a Gazetteer, builtin: &'a Builtin) -> Self {
        Finder {
            gazetteer,
            builtin,
            lower: String::new(),
            candidate: String::new(),
        }
    }

    /// Appends the names in `text` (already tokenized) to `out`.
    pub fn find(&mut self, text: &str, tokens: &[Token], title_case: bool, out: &mut Vec<Span>) {
        let block = Block {
            text,
            tokens,
            title_case,
        };
        let mut i = 0;
        while i < tokens.len() {
            // Most words are plain lower case: no name starts or hides there.
            if tokens[i].flags & (CAPITALISED | HYPHENATED | HAS_DIGIT) == 0 {
                i += 1;
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
            i = self.segment(&block, i, end, out);
        }
    }

    fn word<'t>(&self, block: &Block<'t>, i: usize) -> &'t str {
        block.tokens[i].word(block.text)
    }

    fn cue(&self, word: &str) -> u16 {
        self.builtin.cue(word)
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
        if token.has(HYPHENATED) && self.is_evaluative(word) {
            return false;
        }
        if block.title_case && self.is_common(word) && !self.gazetteer.starts_a_name(word) {
            return false;
        }
        true
    }

    /// `Russian-led`, `EU-backed`: an adjective made from a name.
    fn is_evaluative(&self, word: &str) -> bool {
        word.rsplit(['-', '‐', '‑'])
            .next()
            .is_some_and(|last| self.cue(last) & cue::EVALUATIVE != 0)
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

    /// The end (exclusive) of the capitalised phrase starting at `start`.
    fn phrase_end(&mut self, block: &Block, start: usize) -> usize {
        let tokens = block.tokens;
        let mut end = start + 1;
        let mut has_of = false;
        while end < tokens.len() && end - start < 12 {
            let previous = tokens[end - 1];
            if previous.has(PAREN_AFTER) {
                break;
            }
            if previous.has(POSSESSIVE) && !self.is_common(self.word(block, end - 1)) {
                break;
            }
            let token = tokens[end];
            if !token.has(SPACE_BEFORE) || token.has(SENTENCE_START) {
                break;
            }
            if self.is_name_word(block, end) {
                end += 1;
                continue;
            }
            match self.connector_run(block, start, end, has_of) {
                Some((after, of)) => {
                    has_of |= of;
                    end = after;
                }
                None => break,
            }
        }
        if self.year_follows(block, start, end) {
            end += 1;
        }
        end
    }

    /// `Zapad 2021`: a year right after a name no list knows is part of it.
    fn year_follows(&self, block: &Block, start: usize, end: usize) -> bool {
        let Some(token) = block.tokens.get(end) else {
            return false;
        };
        let previous = block.tokens[end - 1];
        let year = token.word(block.text);
        token.has(SPACE_BEFORE)
            && !token.has(SENTENCE_START)
            && !previous.has(POSSESSIVE)
            && !previous.has(PAREN_AFTER)
            && is_year(year)
            && !self
                .gazetteer
                .starts_a_name(&straighten(self.word(block, start)))
            && !is_function_word(self.word(block, start))
    }

    /// Lower-case words inside a name: `of`/`for` (then `and` may follow),
    /// `of the`, and name particles (`von der`). Returns where the phrase
    /// continues and whether an `of`/`for` was crossed.
    fn connector_run(
        &mut self,
        block: &Block,
        start: usize,
        at: usize,
        has_of: bool,
    ) -> Option<(usize, bool)> {
        let tokens = block.tokens;
        let mut next = at;
        while next < tokens.len()
            && next - at < 2
            && self.cue(self.word(block, next)) & cue::CONNECTOR != 0
        {
            if !tokens[next].has(SPACE_BEFORE) || tokens[next].has(CAPITALISED) {
                return None;
            }
            next += 1;
        }
        if next == at
            || next >= tokens.len()
            || !tokens[next].has(SPACE_BEFORE)
            || !self.is_name_word(block, next)
        {
            return None;
        }
        let words: Vec<&str> = (at..next).map(|k| self.word(block, k)).collect();
        let previous = self.word(block, at - 1);
        let allowed = match words.as_slice() {
            ["of" | "for"] | ["of" | "for", "the"] => {
                self.cue(previous) & cue::HEAD_TITLE == 0
                    && self.gazetteer.lookup(previous).is_none()
            }
            ["on"] | ["on", "the"] => self.cue(previous) & cue::TREATY != 0,
            ["and"] => has_of,
            [particle] | [particle, _] if is_particle(particle) => at - start <= 2,
            _ => false,
        };
        allowed.then_some((next + 1, matches!(words[0], "of" | "for")))
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
        let mut at = start;
        if self.drop_initial_word(block, start, end, known_first.is_some()) {
            at += 1;
            // `Support for Norway`: a name never starts with a lower-case word.
            while at < end && !block.tokens[at].has(CAPITALISED) {
                at += 1;
            }
        }
        let mut role: Option<String> = None;
        while at < end {
            if let Some(after) = self.title_run(block, at, end) {
                role = Some(
                    block.text
                        [block.tokens[at].start as usize..block.tokens[after - 1].end as usize]
                        .to_string(),
                );
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
                let stands_alone = after == end
                    || block.title_case
                    || self.title_run(block, after, end).is_some()
                    || self.is_given_name(self.word(block, after));
                if stands_alone {
                    out.push(self.known_span(block, at, after, id, role.take()));
                    at = after;
                    continue;
                }
            }
            self.discovered(block, at, end, role.take(), out);
            return end;
        }
        end
    }

    /// A sentence-initial common word (`Despite`, `The`) is no part of a
    /// name, unless a known name starts with it.
    fn drop_initial_word(&mut self, block: &Block, start: usize, end: usize, known: bool) -> bool {
        let token = block.tokens[start];
        let word = self.word(block, start);
        if self.cue(word) & cue::HEAD_TITLE != 0 || known {
            return false;
        }
        if is_function_word(word) {
            return true;
        }
        let initial = token.has(SENTENCE_START);
        if !initial && !block.title_case {
            return false;
        }
        if self.is_given_name(word) && end > start + 1 {
            return false;
        }
        if !self.is_common(word) {
            return false;
        }
        // `Support for the Balkan Commission`: a common word joined by
        // `for`/`of` is the sentence's, unless it heads names itself.
        let joined = block
            .tokens
            .get(start + 1)
            .is_some_and(|t| !t.has(CAPITALISED));
        if joined {
            return self.cue(word) & (cue::ORGANIZATION_HEAD | cue::TREATY) == 0
                && !self.has_type_cue(block, start);
        }
        initial && !(end - start >= 3 && self.has_type_cue(block, end - 1))
    }

    fn has_type_cue(&self, block: &Block, last: usize) -> bool {
        self.cue(self.word(block, last))
            & (cue::ORGANIZATION | cue::PLACE | cue::FACILITY | cue::EVENT)
            != 0
    }

    /// A run of title words with at least one head title (`Prime Minister`),
    /// followed by the rest of a name; returns where the name starts.
    fn title_run(&self, block: &Block, start: usize, end: usize) -> Option<usize> {
        let mut at = start;
        let mut head = false;
        while at < end {
            let flags = self.cue(self.word(block, at));
            if flags & (cue::HEAD_TITLE | cue::TITLE_MODIFIER) == 0
                || block.tokens[at].has(POSSESSIVE)
            {
                break;
            }
            head |= flags & cue::HEAD_TITLE != 0;
            at += 1;
        }
        let names_a_thing = at < end
            && self.cue(self.word(block, at))
                & (cue::ORGANIZATION | cue::PLACE | cue::FACILITY | cue::EVENT)
                != 0;
        (head && at > start && !names_a_thing).then_some(at)
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
            let may_end = after <= end || tokens[after - 1].has(CAPITALISED);
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

    /// Lower-case or unknown hyphenated words whose parts are known names:
    /// `Belarusian-Russian`, `pro-Russian`, `anti-NATO`.
    fn hyphen_parts(&mut self, block: &Block, i: usize, out: &mut Vec<Span>) {
        let token = block.tokens[i];
        let word = token.word(block.text);
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
        if words >= 2
            && (start..end).all(|k| tokens[k].has(ALL_CAPS) && self.word(block, k).len() >= 3)
        {
            return; // cover text or a running label in capitals
        }
        if words == 1 && tokens[start].has(HYPHENATED) && self.known_hyphen_parts(block, start) {
            self.hyphen_parts(block, start, out);
            return;
        }
        if words == 1 && self.is_common_acronym(block, start) {
            return;
        }
        let (mut votes, mut confidence) = self.word_evidence(block, start, end, role.is_some());
        let (context_votes, context_confidence) = self.context_evidence(block, start, end);
        for (v, c) in votes.iter_mut().zip(context_votes) {
            *v += c;
        }
        confidence = confidence.max(context_confidence);
        let single = words == 1;
        let common = single && role.is_none() && self.is_common(self.word(block, start));
        let defines = self.acronym_target(block, start, end, out);
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
            initial: tokens[start].has(SENTENCE_START) || block.title_case,
        });
    }

    /// A unit after a number (`1,200 MW`) or a common acronym (`GDP`).
    fn is_common_acronym(&self, block: &Block, i: usize) -> bool {
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

    fn known_hyphen_parts(&self, block: &Block, i: usize) -> bool {
        let word = self.word(block, i);
        word.split(['-', '‐', '‑'])
            .all(|part| self.gazetteer.lookup(&straighten(part)).is_some())
    }

    /// What the words of a name say about its type, and how sure we are.
    fn word_evidence(
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
    fn context_evidence(&mut self, block: &Block, start: usize, end: usize) -> (Votes, f32) {
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
            let word = after.word(block.text);
            if self.cue(word) & cue::PLACE_NOUN != 0 && !after.has(CAPITALISED) {
                return (vote(EntityKind::Place, 1.5), 1.0);
            }
            if matches!(
                word,
                "said" | "says" | "argued" | "stated" | "told" | "added" | "wrote" | "claimed"
            ) {
                return (vote(EntityKind::Person, 0.8), 0.6);
            }
        }
        ([0.0; 6], 0.0)
    }

    /// `Full Name (ACR)`: an acronym in parentheses right after a name whose
    /// initials it matches stands for that name.
    fn acronym_target(
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

/// A year of the last two centuries (`2021`).
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "von" | "van" | "der" | "den" | "du" | "da" | "al" | "bin" | "la" | "le"
    )
}

/// Words that open sentences and never open a name, whatever follows.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "Its"
            | "They"
            | "We"
            | "He"
            | "She"
            | "In"
            | "On"
            | "At"
            | "For"
            | "But"
            | "And"
            | "Or"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Despite"
            | "Although"
            | "However"
            | "Therefore"
            | "According"
            | "What"
            | "Which"
            | "Who"
            | "How"
            | "Why"
            | "Where"
            | "There"
            | "Both"
            | "Each"
            | "As"
            | "By"
            | "With"
            | "From"
            | "To"
            | "Since"
            | "Until"
            | "During"
            | "Under"
            | "Over"
            | "Such"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "Only"
            | "Also"
            | "Yet"
            | "So"
            | "Then"
            | "Meanwhile"
            | "Moreover"
            | "Indeed"
            | "Instead"
            | "Thus"
            | "Still"
            | "Even"
    )
}
