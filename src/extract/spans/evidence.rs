//! Typing a found name: votes for its kind and a confidence, from its own
//! words (`… Summit`, `Ministry of …`, a title before it) and from the words
//! around it (`in X`, `X said`); and `Full Name (ACR)` acronym definitions.

use super::{is_year, vote, Block, Finder, Span, Votes};
use crate::extract::tokens::*;
use crate::extract::vocabulary::cue;
use crate::model::EntityKind;

/// The vote the shape of a person's name gives (weaker than any cue's, and
/// told apart by it: a briefing may take it back, see `echo.rs`).
pub const SHAPE_VOTE: f32 = 0.9;

/// The cues that type a name by its last word.
pub(super) const TYPE_CUES: u32 = cue::ORGANIZATION | cue::PLACE | cue::FACILITY | cue::EVENT;

impl Finder<'_> {
    /// `TSMC`, `MINUSMA`: four capitals or more, no word, mid-way through a
    /// sentence of running text (not a headline), an acronym names a body.
    fn is_running_text_acronym(&mut self, word: &str, title_case: bool, token: Token) -> bool {
        word.len() >= 4
            && !title_case
            && !token.has(SENTENCE_START)
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && !self.is_common(word)
    }

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

    /// Votes and confidence for a name no list knows: its words, then an
    /// apposition (`the think tank X`) or else the words around it. An
    /// apposition says nothing about a person's name or a common word; the
    /// last value says whether one typed the name (then a capital at a
    /// sentence start proves a name: `Varnel, the think tank, …`).
    pub(super) fn evidence(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        has_role: bool,
        common: bool,
    ) -> (Votes, f32, bool) {
        let (mut votes, confidence) = self.word_evidence(block, start, end, has_role);
        let person = has_role || common || self.starts_with_given_name(block, start, end);
        let apposed = self.apposition(block, start, end).filter(|_| !person);
        let (context, context_confidence) = match apposed {
            // A surname alone (`Roe, who …`) may be anyone's: typed, not proved.
            Some(EntityKind::Person) if end - start == 1 => (vote(EntityKind::Person, 2.0), 0.0),
            Some(kind) => (vote(kind, 2.0), 1.0),
            None => self.context_evidence(block, start, end),
        };
        for (v, c) in votes.iter_mut().zip(context) {
            *v += c;
        }
        (votes, confidence.max(context_confidence), apposed.is_some())
    }

    /// `Ivan Korvel`: two to four words, the first a given name (five with
    /// a particle: `Luiz Inácio Lula da Silva`).
    fn starts_with_given_name(&self, block: &Block, start: usize, end: usize) -> bool {
        let particle = (start..end).any(|k| !block.tokens[k].has(CAPITALISED));
        (2..=4 + usize::from(particle)).contains(&(end - start))
            && !block.tokens[start].has(ALL_CAPS)
            && self.is_given_name(self.word(block, start))
            && self.cue_at(block, start) & cue::PLACE_OPENER == 0 // `Wadi`, `Santo`
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
        let last_cue = self.cue(self.type_word(block, start, end));
        let words = end - start;
        if has_role {
            return (vote(EntityKind::Person, 2.0), 1.0);
        }
        if words == 1 && is_name_year(first) {
            return (vote(EntityKind::Event, 2.0), 1.0);
        }
        if words >= 2 && (start..end).any(|k| self.cue_at(block, k) & cue::TREATY != 0) {
            return (vote(EntityKind::Other, 1.5), 1.0);
        }
        if words >= 2 && (is_year(last) || is_numbered_congress(self.text_of(block, start, end))) {
            return (vote(EntityKind::Event, 1.5), 1.0);
        }
        if words >= 2 && self.cue(first) & cue::SHIP_PREFIX != 0 {
            return (vote(EntityKind::Other, 1.5), 1.0); // `BRP Sierra Madre`
        }
        if words >= 2 {
            return self.phrase_evidence(block, start, end, last_cue);
        }
        if tokens[start].has(ALL_CAPS) && !tokens[start].has(HAS_DIGIT) && first.len() <= 7 {
            let sure = self.is_running_text_acronym(first, block.title_case, tokens[start]);
            return (
                vote(EntityKind::Organization, 0.6),
                if sure { 1.0 } else { 0.6 },
            );
        }
        let confidence = if tokens[start].has(SENTENCE_START) {
            0.2
        } else {
            0.3
        };
        ([0.0; 6], confidence)
    }

    /// What the words of a name of two or more words say of its type: its
    /// last word, a head before a connector, an event or organisation head
    /// first, a given name first.
    fn phrase_evidence(
        &mut self,
        block: &Block,
        start: usize,
        end: usize,
        last_cue: u32,
    ) -> (Votes, f32) {
        let first = self.word(block, start);
        for (flag, kind) in [
            (cue::ORGANIZATION, EntityKind::Organization),
            (cue::PLACE, EntityKind::Place),
            (cue::FACILITY, EntityKind::Other),
            (cue::EVENT | cue::EVENT_NOUN, EntityKind::Event),
        ] {
            if last_cue & flag != 0 {
                return (vote(kind, 1.5), 1.0);
            }
        }
        if let Some(kind) = self.head_before_connector(block, start, end) {
            return (vote(kind, 1.5), 1.0);
        }
        if self.cue(first) & cue::EVENT_HEAD != 0 {
            return (vote(EntityKind::Event, 1.5), 1.0);
        }
        if self.cue(first) & cue::ORGANIZATION_HEAD != 0 {
            return (vote(EntityKind::Organization, 1.0), 1.0);
        }
        if self.starts_with_given_name(block, start, end) {
            return (vote(EntityKind::Person, 1.5), 1.0);
        }
        ([0.0; 6], 0.6)
    }

    /// Types as people the names of a block that nothing else typed and
    /// that have the shape of a person's name (see [`Self::is_person_shaped`]),
    /// and as places those a place's word opens (`Wadi Fira`),
    /// after lists and appositions have had their say.
    pub(super) fn type_by_shape(&mut self, text: &str, spans: &mut [Span]) {
        for span in spans.iter_mut() {
            let untyped = span.known.is_none()
                && !span.single
                && span.defines.is_none()
                && span.votes.iter().all(|&v| v == 0.0);
            if !untyped {
                continue;
            }
            let name = span.name(text);
            let kind = if self.is_person_shaped(name) {
                EntityKind::Person
            } else if self.is_place_shaped(name) {
                EntityKind::Place
            } else {
                continue;
            };
            span.votes = vote(kind, SHAPE_VOTE);
            span.confidence = span.confidence.max(1.0);
        }
    }

    /// `Bola Tinubu`, `Liaqat Ali Chattha`: two or three capitalised words,
    /// none a common word, a word any list knows or a cue, and not opening
    /// as places do (`El Fasher`, `Santa Teresa`): the shape of a person's
    /// name in a language the given-name list does not cover.
    pub(super) fn is_person_shaped(&mut self, name: &str) -> bool {
        const ARTICLES: &[&str] = &["El", "La", "Las", "Los", "Le", "Les", "Al"];
        // `Coral Norte`, `Kivu Sud`: a compass word closes a place's name.
        const PLACE_CLOSERS: &[&str] = &["Norte", "Sur", "Sul", "Nord", "Sud", "Este", "Oeste"];
        let mut words = [""; 3];
        let mut count = 0;
        for word in name.split(' ') {
            if count == 3 || words[..count].contains(&word) {
                return false; // four words or more, or a word doubled
            }
            words[count] = word;
            count += 1;
        }
        let opener = words[0];
        if count < 2
            || ARTICLES.contains(&opener)
            || self.cue(opener) & cue::PLACE_OPENER != 0
            || PLACE_CLOSERS.contains(&words[count - 1])
        {
            return false;
        }
        // `Chung Dong-young`, `Lai Ching-te`: a short family name, then a
        // given name of two syllables joined by a hyphen.
        let east_asian = count == 2
            && words[0].len() <= 5
            && crate::model::names::is_hyphenated_given_name(words[1]);
        words[..count].iter().enumerate().all(|(i, word)| {
            (is_name_cased(word) || (east_asian && i == 1))
                && self.cue(word) == 0
                && !self.is_common(word)
                && self.gazetteer.lookup(word).is_none()
        })
    }

    /// An untyped name of two or three words that a place opener starts
    /// (`Wadi Fira`).
    fn is_place_shaped(&self, name: &str) -> bool {
        let words = name.split(' ').count();
        let opener = name.split(' ').next().unwrap_or(name);
        (2..=3).contains(&words) && self.cue(opener) & cue::PLACE_OPENER != 0
    }

    /// The word that types a name: its last, or the one before a closing
    /// `International` (`Varda Foundation International`) outside headlines.
    fn type_word<'t>(&self, block: &Block<'t>, start: usize, end: usize) -> &'t str {
        let last = self.word(block, end - 1);
        if !block.title_case && end - start >= 3 && self.cue(last) & cue::SCOPE_WORD != 0 {
            let before = self.word(block, end - 2);
            if self.cue(before) & TYPE_CUES != 0 {
                return before;
            }
        }
        last
    }

    /// `Ministry of National Defence`, `Prize for Journalism`, `Mission in
    /// Kosovo`, `Council on Foreign Relations`: a type word right before
    /// `of`, `for`, `in` or `on` types the name
    /// (not in a headline, where a cut `Institute of International` would
    /// pass for a name, nor across `and`).
    fn head_before_connector(&self, block: &Block, start: usize, end: usize) -> Option<EntityKind> {
        // A headline's `of` and `for`, and an `and`, are often the sentence's
        // (`Institute of International Affairs and Norarberg have …`).
        if block.title_case || (start..end).any(|k| self.word(block, k) == "and") {
            return None;
        }
        (start + 1..end.saturating_sub(1)).find_map(|k| {
            if !matches!(self.word(block, k), "of" | "for" | "in" | "on") {
                return None;
            }
            let flags = self.cue_at(block, k - 1);
            [
                (cue::ORGANIZATION, EntityKind::Organization),
                (cue::FACILITY, EntityKind::Other),
                (cue::EVENT, EntityKind::Event),
                (cue::PLACE, EntityKind::Place),
            ]
            .into_iter()
            .find(|&(flag, _)| flags & flag != 0)
            .map(|(_, kind)| kind)
        })
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
            if self.is_place_preposition(before, tokens[start - 1]) {
                return (vote(EntityKind::Place, 1.0), 1.0);
            }
            if before == "of" && start >= 2 && self.cue_at(block, start - 2) & cue::PLACE_NOUN != 0
            {
                return (vote(EntityKind::Place, 2.0), 1.0);
            }
            if let Some(kind) = self.such_as_before(block, start) {
                return (vote(kind, 1.5), 1.0);
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
        if let Some(kind) = self.noun_after(block, start, end) {
            return (vote(kind, 1.5), 1.0);
        }
        if self.led_by_follows(block, start, end) {
            return (vote(EntityKind::Organization, 1.0), 1.0);
        }
        ([0.0; 6], 0.0)
    }

    /// `Vox, led by …`, `the Varnel Front, founded by …`: a body is led,
    /// headed, chaired, founded or run by someone (a weaker vote than a
    /// name's own words: `Operation Ostra, led by …` stays an event).
    fn led_by_follows(&self, block: &Block, start: usize, end: usize) -> bool {
        let tokens = block.tokens;
        let (Some(verb), Some(by)) = (tokens.get(end), tokens.get(end + 1)) else {
            return false;
        };
        let gap = &block.text[tokens[end - 1].surface_end as usize..verb.start as usize];
        matches!(gap, " " | ", ")
            && matches!(
                verb.word(block.text),
                "led" | "headed" | "chaired" | "founded" | "run"
            )
            && by.word(block.text) == "by"
            && by.has(SPACE_BEFORE)
            && !self.starts_with_given_name(block, start, end)
            // `Peronists, led by …`: a movement's followers, not a body.
            && !(end - start == 1 && self.word(block, start).ends_with("ists"))
    }

    /// `towns such as X`, `state companies such as X`: the noun before
    /// `such as` types the names it lists.
    fn such_as_before(&self, block: &Block, start: usize) -> Option<EntityKind> {
        if start < 3 || self.word(block, start - 1) != "as" || self.word(block, start - 2) != "such"
        {
            return None;
        }
        let flags = self.cue_at(block, start - 3);
        if flags & cue::PLACE_NOUN != 0 {
            Some(EntityKind::Place)
        } else if flags & cue::ORGANIZATION_NOUN != 0 {
            Some(EntityKind::Organization)
        } else {
            None
        }
    }

    /// `in X`, and at a sentence's start `In X`.
    fn is_place_preposition(&self, word: &str, token: Token) -> bool {
        if self.cue(word) & cue::PLACE_PREPOSITION != 0 {
            return true;
        }
        token.has(SENTENCE_START)
            && word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && self.cue(&word.to_ascii_lowercase()) & cue::PLACE_PREPOSITION != 0
    }

    /// `the Varnel party`, `Ostra cruise missiles`: a lower-case noun of
    /// a body, or of a weapon or craft after at most two of its modifiers,
    /// right after a name that is no person's.
    fn noun_after(&self, block: &Block, start: usize, end: usize) -> Option<EntityKind> {
        let tokens = block.tokens;
        if tokens[end - 1].has(POSSESSIVE) {
            return None;
        }
        let mut previous = tokens[end - 1];
        let mut kind = None;
        for (k, &token) in tokens.iter().enumerate().skip(end).take(3) {
            let gap = &block.text[previous.surface_end as usize..token.start as usize];
            if gap.is_empty() || !gap.trim().is_empty() || token.has(CAPITALISED) {
                break;
            }
            let flags = self.cue(token.word(block.text));
            if flags & cue::EQUIPMENT_NOUN != 0 {
                kind = Some(EntityKind::Other);
            } else if k == end && flags & cue::ORGANIZATION_NOUN != 0 {
                kind = Some(EntityKind::Organization);
            }
            if kind.is_some() || flags & cue::EQUIPMENT_MODIFIER == 0 {
                break;
            }
            previous = token;
        }
        kind.filter(|_| !self.starts_with_given_name(block, start, end))
    }

    /// `Full Name (ACR)`, `Eastern Forum (EaP CSF)`: an acronym of up to
    /// three words, alone in parentheses right after a name that is no
    /// person's, whose letters it takes in order from the first, stands for
    /// that name.
    pub(super) fn acronym_target(
        &self,
        block: &Block,
        start: usize,
        end: usize,
        out: &[Span],
    ) -> Option<usize> {
        let tokens = block.tokens;
        let bracketed = tokens[start].has(PAREN_BEFORE) && tokens[end - 1].has(PAREN_AFTER);
        if !bracketed || end - start > 3 || !(start..end).all(|k| self.is_acronym(block, k)) {
            return None;
        }
        let previous = out.len().checked_sub(1)?;
        let name = &out[previous];
        let gap = &block.text[name.surface_end as usize..tokens[start].start as usize];
        if gap.trim() != "(" || name.single || name.role.is_some() || is_person(name) {
            return None;
        }
        let acronym = &block.text[tokens[start].start as usize..tokens[end - 1].end as usize];
        let name = name.name(block.text);
        // `US Africa Command (AFRICOM)`: the letters may skip a known
        // acronym the name opens with.
        let after_known_acronym = name.split_once(' ').and_then(|(first, rest)| {
            let known = first.len() <= 3
                && !first.chars().any(char::is_lowercase)
                && self.gazetteer.lookup(first).is_some();
            known.then_some(rest)
        });
        (takes_letters_in_order(acronym, name)
            || after_known_acronym.is_some_and(|rest| takes_letters_in_order(acronym, rest)))
        .then_some(previous)
    }

    /// `NGC`, `EaP`: a short word that starts with a capital and is
    /// written as an acronym.
    fn is_acronym(&self, block: &Block, i: usize) -> bool {
        let word = self.word(block, i);
        block.tokens[i].has(CAPITALISED)
            && word.len() <= 8
            && crate::extract::resolve::is_acronym_word(word)
    }
}

fn is_person(span: &Span) -> bool {
    crate::extract::resolve::top_kind(&span.votes) == Some(EntityKind::Person)
}

/// Whether the letters of `acronym` appear in `name` in order, the first
/// being the name's first letter (`EaP CSF` in `Eastern Partnership Civil
/// Society Forum`; not `NCG` in `Northern Grain Council`).
pub(super) fn takes_letters_in_order(acronym: &str, name: &str) -> bool {
    let mut letters = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut wanted = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let Some(first) = wanted.next() else {
        return false;
    };
    letters.next() == Some(first) && wanted.all(|c| letters.any(|l| l == c))
}

/// `Zapad-2021`: a name with a year.
/// `14th National Congress of the Communist Party`: a numbered congress
/// is a meeting (a congress without a number is a body: `National
/// Democratic Congress`).
fn is_numbered_congress(name: &str) -> bool {
    let mut words = name.split(' ');
    let ordinal = words.next().is_some_and(|first| {
        first.len() >= 3
            && first.as_bytes()[0].is_ascii_digit()
            && matches!(&first[first.len() - 2..], "st" | "nd" | "rd" | "th")
    });
    ordinal && words.any(|word| word == "Congress")
}

fn is_name_year(word: &str) -> bool {
    let Some((name, year)) = word.rsplit_once('-') else {
        return false;
    };
    name.chars().next().is_some_and(char::is_uppercase) && is_year(year)
}

/// A word cased as a name is: a capital, then Latin lower-case letters,
/// with a capital again only after a hyphen or apostrophe or in `Mc`/`Mac`
/// (`Adjei-Mensah`, `O’Neill`, `McNamara`; not `DevTools`, `CreditJenn`).
pub fn is_name_cased(word: &str) -> bool {
    let mut previous = ' ';
    let mut lower_run = String::new();
    for (i, c) in word.chars().enumerate() {
        let ok = if i == 0 || "-'’".contains(previous) {
            c.is_uppercase()
        } else if c.is_uppercase() {
            matches!(lower_run.as_str(), "c" | "ac")
        } else {
            c.is_lowercase() || "-'’".contains(c)
        };
        if !ok || !(c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || "’".contains(c)) {
            return false;
        }
        if c.is_lowercase() {
            lower_run.push(c);
        } else {
            lower_run.clear();
        }
        previous = c;
    }
    word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::is_name_cased;

    #[test]
    fn names_are_cased_as_names() {
        for word in [
            "Tinubu",
            "Adjei-Mensah",
            "O’Neill",
            "McNamara",
            "MacDonald",
            "Yavaş",
        ] {
            assert!(is_name_cased(word), "{word}");
        }
        for word in [
            "DevTools",
            "CreditJenn",
            "GreenPak4",
            "Storeおよび",
            "NATO",
            "tinubu",
        ] {
            assert!(!is_name_cased(word), "{word}");
        }
    }
}
