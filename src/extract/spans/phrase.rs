//! Where a capitalised phrase ends: the lower-case words a name may cross
//! (`of`, `for`, `and` after `of`, `on` after a treaty word, name particles,
//! `in` after `Mission`), `A and B Council`, and a year after a name.

use super::evidence::takes_letters_in_order;
use super::{is_year, Block, Finder, Span};
use crate::extract::lexicon::straighten;
use crate::extract::tokens::*;
use crate::extract::vocabulary::cue;
use crate::model::EntityKind;

/// What a phrase has crossed so far: `of`/`for`, `and`, a treaty's `on`.
#[derive(Default, Clone, Copy)]
struct Joins {
    of: bool,
    and: bool,
    treaty: bool,
}

impl Finder<'_> {
    /// The end (exclusive) of the capitalised phrase starting at `start`.
    pub(super) fn phrase_end(&mut self, block: &Block, start: usize) -> usize {
        let tokens = block.tokens;
        let mut end = start + 1;
        let mut joins = Joins::default();
        while end < tokens.len() && end - start < 12 {
            let previous = tokens[end - 1];
            if previous.has(PAREN_AFTER) {
                break;
            }
            if previous.has(POSSESSIVE) && !self.is_common(self.word(block, end - 1)) {
                break;
            }
            let token = tokens[end];
            if token.has(SENTENCE_START) {
                break;
            }
            if !token.has(SPACE_BEFORE) {
                if self.ampersand_joins(block, start, end) || self.initial_joins(block, start, end)
                {
                    end += 1;
                    continue;
                }
                break;
            }
            if end - start >= 2 && self.word(block, end) == self.word(block, start) {
                break; // the name again, written twice across a line break
            }
            if self.is_name_word(block, end) {
                end += 1;
                continue;
            }
            match self.connector_run(block, start, end, joins) {
                Some((after, crossed)) => {
                    joins = crossed;
                    end = after;
                }
                None => break,
            }
        }
        if self.year_follows(block, start, end)
            || self.number_follows_head(block, start, end)
            || self.event_noun_follows(block, start, end)
        {
            end += 1;
        } else {
            end += self.facility_noun_words(block, start, end);
        }
        end
    }

    /// `Keir Smith⏎Keir Smith`: a name written again right after itself
    /// (a byline over the text, a running header whose line break ingest
    /// joined) is one mention.
    pub(super) fn repeats_last_name(
        &self,
        block: &Block,
        start: usize,
        end: usize,
        out: &[Span],
    ) -> bool {
        let Some(last) = out.last() else {
            return false;
        };
        let tokens = block.tokens;
        let phrase = &block.text[tokens[start].start as usize..tokens[end - 1].end as usize];
        start > 0
            && tokens[start].has(SPACE_BEFORE)
            && last.surface_end == tokens[start - 1].surface_end
            && last.name(block.text) == phrase
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
            && self.cue_at(block, start) & cue::OPENING_WORD == 0
    }

    /// Lower-case words inside a name: `of`/`for` (then `and` may follow),
    /// `of the`, `in` after a head that takes it, and name particles (`von
    /// der`). Returns where the phrase continues and what it has crossed.
    fn connector_run(
        &mut self,
        block: &Block,
        start: usize,
        at: usize,
        joins: Joins,
    ) -> Option<(usize, Joins)> {
        let tokens = block.tokens;
        if self.word(block, at) == "in" {
            let joined = self.in_join(block, at, joins)
                || (self.name_word_follows(block, at)
                    && self.acronym_spans_connector(block, start, at, at + 1));
            return joined.then_some((at + 2, joins));
        }
        let mut next = at;
        while next < tokens.len() && next - at < 2 && self.cue_at(block, next) & cue::CONNECTOR != 0
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
        let plain = self.connector_allowed(block, (start, at, next), &words, joins);
        // A bracketed acronym vouches for words no rule joins, and for an
        // `and`, which it leaves the phrase free to cross again; never for
        // a person's name running on into a body (`Marcel Ciolacu of the
        // Social Democratic Party (PSD)`).
        let vouched = (!plain || words == ["and"])
            && !self.is_person_so_far(block, start, at)
            && self.acronym_spans_connector(block, start, at, next);
        let allowed = plain || vouched;
        let crossed = Joins {
            of: joins.of || matches!(words[0], "of" | "for"),
            and: joins.and || (words[0] == "and" && !vouched),
            treaty: joins.treaty || (words[0] == "on" && self.cue(previous) & cue::TREATY != 0),
        };
        allowed.then_some((next + 1, crossed))
    }

    /// Whether the connector `words` (from `at` to `next`) may join the name
    /// that started at `start` to the name word at `next`.
    fn connector_allowed(
        &mut self,
        block: &Block,
        (start, at, next): (usize, usize, usize),
        words: &[&str],
        joins: Joins,
    ) -> bool {
        let previous = self.word(block, at - 1);
        match words {
            // `… Office for Romania and Moldova`: the places are the sentence's.
            // (`Institute for China Studies` goes on past its place.)
            // (`Mattei Plan for Africa`: a plan or strategy is for its place.)
            ["for" | "and"] if self.is_place_name(block, next) => {
                words[0] == "for"
                    && (self.cue(previous) & cue::TREATY != 0
                        || (next + 1 < block.tokens.len()
                            && block.tokens[next + 1].has(SPACE_BEFORE)
                            && self.is_name_word(block, next + 1)))
            }
            // `Assimi Goïta of Mali`, `Ana Roe of the Civic Party`: a
            // person's name ends before its country or party.
            ["of"] | ["of", "the"] if self.is_person_so_far(block, start, at) => false,
            // `Tufan Erhürman of the Republican Turkish Party`: no given name
            // the list knows, but a person's shape.
            ["of"] | ["of", "the"] if self.is_person_shaped(self.text_of(block, start, at)) => {
                false
            }
            // `Senate of Romania`, `Congress of Deputies`: a body's word
            // that a list knows alone (the US Congress) still takes `of`.
            ["of" | "for"] | ["of" | "for", "the"] => {
                self.cue(previous) & cue::HEAD_TITLE == 0
                    && (self.gazetteer.lookup(previous).is_none()
                        || self.cue(previous) & cue::ORGANIZATION != 0)
                    && !self.name_of_a_country(block, start, at, next)
            }
            ["on"] | ["on", "the"] => {
                self.cue(previous) & cue::TREATY != 0 || self.on_joins_a_subject(block, at, next)
            }
            // `Agreement on the Path to Normalisation`
            ["to"] => joins.treaty && !joins.and,
            // `Mattei Plan for Africa and EU programmes`: a known name that
            // ends the phrase after `and` is the sentence's.
            ["and"] => {
                (joins.of
                    || joins.treaty
                    || (!joins.and && self.and_joins_a_type(block, start, next)))
                    && !self.known_name_ends_phrase(block, next)
            }
            [particle] | [particle, _] if self.cue(particle) & cue::NAME_PARTICLE != 0 => {
                self.particle_joins(block, start, at)
            }
            _ => false,
        }
    }

    /// A sentence-initial common word (`Despite`, `The`) or a common
    /// acronym is no part of a name, unless a known name starts with it.
    pub(super) fn drop_initial_word(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        known: bool,
    ) -> bool {
        let token = block.tokens[start];
        let word = self.word(block, start);
        let flags = self.cue(word);
        if flags & cue::HEAD_TITLE != 0 || known {
            return false;
        }
        // `Operation Prosperity Guardian`, `Lake Balkhash` open a sentence.
        let opens_a_name = flags & (cue::EVENT_HEAD | cue::PLACE_OPENER) != 0;
        if opens_a_name && end > start + 1 {
            return false;
        }
        // `NGO Selvo Dar`: a common acronym is the sentence's noun.
        if flags & cue::OPENING_WORD != 0 || (flags & cue::COMMON_ACRONYM != 0 && end > start + 1) {
            return true;
        }
        // `La CNIL`: a foreign article before an acronym is not its name.
        let acronym_next = block.tokens.get(start + 1).is_some_and(|t| t.has(ALL_CAPS));
        if flags & cue::FOREIGN_FUNCTION != 0 && end > start + 1 && acronym_next {
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
        // `Tie European Union support`: a list item's verb before a name
        // a list knows whole.
        let known_rest = end > start + 1
            && self
                .known_at(block, start + 1, end)
                .is_some_and(|(after, _)| after == end);
        initial && (known_rest || !(end - start >= 3 && self.has_type_cue(block, end - 1)))
    }

    /// Whether the word at `next` is a name a list knows by itself and no
    /// name word follows it.
    fn known_name_ends_phrase(&mut self, block: &Block, next: usize) -> bool {
        self.gazetteer.lookup(self.word(block, next)).is_some()
            && !self.name_word_follows(block, next)
    }

    /// `Masdar of the United Arab Emirates`, `CK Hutchison of Hong Kong`: a
    /// name of one or two words, none common and none a cue, then a country
    /// or place: two names.
    fn name_of_a_country(&mut self, block: &Block, start: usize, at: usize, next: usize) -> bool {
        // `But CK Hutchison of …`: a sentence opener is no part of the name.
        let start = start + usize::from(self.cue_at(block, start) & cue::OPENING_WORD != 0);
        (1..=2).contains(&(at.saturating_sub(start)))
            && (start..at)
                .all(|k| self.cue_at(block, k) == 0 && !self.is_common(self.word(block, k)))
            && self.known_at(block, next, next + 1).is_some_and(|(_, id)| {
                matches!(
                    self.gazetteer.entry(id).kind,
                    EntityKind::Country | EntityKind::Place
                )
            })
    }

    /// `Authority on Development`, `Council on Foreign Relations`: `on`
    /// joins a head from `on_heads.txt` to its subject, outside headlines,
    /// unless the subject is a date (`Council on Monday`) or a place alone
    /// (`Commission on Ukraine`).
    fn on_joins_a_subject(&mut self, block: &Block, at: usize, next: usize) -> bool {
        let longer = self.name_word_follows(block, next);
        !block.title_case
            && self.cue_at(block, at - 1) & cue::ON_HEAD != 0
            && self.cue_at(block, next) & cue::CALENDAR == 0
            && (longer || !self.is_place_name(block, next))
    }

    /// `Marks & Spencer`, `Conflict Location & Event Data Project (ACLED)`:
    /// ` & ` between name words joins them in running text when neither
    /// side is a name a list knows alone (`Russia & China`), or when the
    /// bracketed acronym after the phrase spans it.
    fn ampersand_joins(&mut self, block: &Block, start: usize, end: usize) -> bool {
        let gap = &block.text[block.tokens[end - 1].end as usize..block.tokens[end].start as usize];
        if gap != " & " || block.title_case || !self.is_name_word(block, end) {
            return false;
        }
        let known = |k: usize| {
            self.gazetteer
                .lookup(&straighten(self.word(block, k)))
                .is_some()
        };
        (!known(end - 1) && !known(end)) || self.acronym_spans_connector(block, start, end, end)
    }

    /// `Kofi T. Asante`: after a name word and a middle initial, the
    /// initial's full stop does not end the name (unless a known name
    /// follows what opens with no given name: `Plan B. Moscow`).
    fn initial_joins(&mut self, block: &Block, start: usize, end: usize) -> bool {
        let tokens = block.tokens;
        let initial = self.word(block, end - 1);
        let gap = &block.text[tokens[end - 1].end as usize..tokens[end].start as usize];
        if self.leading_initials_join(block, start, end, gap) {
            return true;
        }
        end - start >= 2
            && gap == ". "
            && initial.len() == 1
            && initial.bytes().all(|b| b.is_ascii_uppercase())
            && tokens[end - 1].has(SPACE_BEFORE)
            && self.is_name_word(block, end)
            // `Plan B. Moscow refused`
            && (self.is_given_name(self.word(block, start))
                || !self.gazetteer.starts_a_name(&straighten(self.word(block, end))))
    }

    /// `K.P. Sharma Oli`, `J. D. Varne`: initials that open a name join
    /// each other and the name word after them.
    fn leading_initials_join(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        gap: &str,
    ) -> bool {
        let is_initial = |k: usize| {
            let word = self.word(block, k);
            word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
        };
        let from = self.name_after_title(block, start, end);
        if from == end || !(from..end).all(is_initial) {
            return false;
        }
        match gap {
            "." => is_initial(end),
            ". " => {
                self.is_name_word(block, end)
                    && !block.tokens[end].has(SENTENCE_START)
                    && !self
                        .gazetteer
                        .starts_a_name(&straighten(self.word(block, end)))
            }
            _ => false,
        }
    }

    /// Whether the word after `at` is a name word, a space apart.
    fn name_word_follows(&mut self, block: &Block, at: usize) -> bool {
        block
            .tokens
            .get(at + 1)
            .is_some_and(|t| t.has(SPACE_BEFORE))
            && self.is_name_word(block, at + 1)
    }

    /// `Community of Latin American and Caribbean States (CELAC)`, `UN
    /// Support Office in Haiti (UNSOH)`, `Estado Mayor de Bloques y Frente
    /// (EMBF)`: lower-case words (from `and_at` to `next`) join when the
    /// acronym in brackets right after the phrase takes its letters from
    /// both sides of them, not from either side alone.
    fn acronym_spans_connector(
        &mut self,
        block: &Block,
        start: usize,
        and_at: usize,
        next: usize,
    ) -> bool {
        let tokens = block.tokens;
        let mut last = next;
        while last + 1 < tokens.len() && !tokens[last + 1].has(PAREN_BEFORE) {
            let word = self.word(block, last + 1);
            let joins = self.is_name_word(block, last + 1)
                || self.cue_at(block, last + 1) & cue::CONNECTOR != 0
                || word == "in";
            if last - next >= 6 || !tokens[last + 1].has(SPACE_BEFORE) || !joins {
                return false;
            }
            last += 1;
        }
        let Some(acronym) = tokens.get(last + 1).filter(|t| t.has(PAREN_AFTER)) else {
            return false;
        };
        let acronym = acronym.word(block.text);
        let text = |from: usize, to: usize| {
            &block.text[tokens[from].start as usize..tokens[to].end as usize]
        };
        // The name may open after the phrase's first words (`Troops of the
        // African Union …`).
        // Nor may the right side alone take them (`Belsat and the Belarusian
        // Association of Journalists (BAJ)`).
        acronym.len() >= 3
            && !acronym.chars().any(char::is_lowercase)
            && !takes_letters_in_order(acronym, text(next, last))
            && (start..and_at).any(|from| {
                tokens[from].has(CAPITALISED)
                    && self.cue_at(block, from) & cue::HEAD_TITLE == 0
                    && takes_letters_in_order(acronym, text(from, last))
                    && !takes_letters_in_order(acronym, text(from, and_at - 1))
            })
    }

    /// Whether the phrase from `start` to `at` is, after any head title or
    /// sentence opener (`Later`), a person's name of two or three words:
    /// after a title any two or three, else a known given name first.
    fn is_person_so_far(&self, block: &Block, start: usize, at: usize) -> bool {
        let name_from = self.name_after_title(block, start, at);
        // After a title (`President Isaias Afwerki`) any given name will do.
        let titled = name_from > start;
        let opening = self.cue_at(block, name_from) & cue::OPENING_WORD != 0;
        let name_from = name_from + usize::from(opening);
        (2..=3).contains(&(at.saturating_sub(name_from)))
            && (titled || self.is_given_name(self.word(block, name_from)))
            && (name_from..at).all(|k| self.cue_at(block, k) & cue::ORGANIZATION == 0)
    }

    /// `Ilse von der Marhaus`: a name particle joins a name of one to three
    /// words so far (`Luiz Inácio Lula da Silva`), counted from after a
    /// title (`President Ursula von der Leyen`).
    fn particle_joins(&self, block: &Block, start: usize, at: usize) -> bool {
        let name_from = self.name_after_title(block, start, at);
        at > name_from && at - name_from <= 3
    }

    /// Where a name between `start` and `at` starts: after its last head
    /// title (`President Ursula von der Leyen`), or at `start`.
    fn name_after_title(&self, block: &Block, start: usize, at: usize) -> usize {
        (start..at)
            .rev()
            .find(|&k| self.cue_at(block, k) & cue::HEAD_TITLE != 0)
            .map_or(start, |k| k + 1)
    }

    /// `Mission in Kosovo`: `in` joins a name to the place a head from
    /// `in_heads.txt` serves; never in a headline, where `in` is the
    /// sentence's (`Council in Crisis`), nor after an `and`.
    fn in_join(&mut self, block: &Block, at: usize, joins: Joins) -> bool {
        !block.title_case
            && !joins.and
            && self.cue_at(block, at - 1) & cue::IN_HEAD != 0
            && block.tokens[at].has(SPACE_BEFORE)
            && self.name_word_follows(block, at)
    }

    /// `Black Sea and Caspian Council`: after a name of one or two words,
    /// `and` joins a second one that ends on an organisation's type word
    /// within three words, unless either side is a name of its own (`EU and
    /// NATO Council`, `CTS and Galvia Steel Company`).
    fn and_joins_a_type(&mut self, block: &Block, start: usize, next: usize) -> bool {
        let tokens = block.tokens;
        let and = next - 1;
        let start = start + usize::from(self.cue_at(block, start) & cue::OPENING_WORD != 0);
        let left_is_a_name = (start..and).any(|k| tokens[k].has(ALL_CAPS))
            || self.cue_at(block, and - 1) & cue::ORGANIZATION != 0;
        if and - start > 2 || left_is_a_name || self.known_organisation(block, next) {
            return false;
        }
        for (k, &token) in tokens.iter().enumerate().take(next + 3).skip(next) {
            if !token.has(SPACE_BEFORE) || !self.is_name_word(block, k) {
                return false;
            }
            if self.cue_at(block, k) & cue::ORGANIZATION != 0 {
                return true;
            }
            if token.has(POSSESSIVE) {
                return false;
            }
        }
        false
    }

    fn known_organisation(&self, block: &Block, i: usize) -> bool {
        let word = straighten(self.word(block, i));
        self.gazetteer
            .lookup(&word)
            .is_some_and(|id| self.gazetteer.entry(id).kind == EntityKind::Organization)
    }
}
