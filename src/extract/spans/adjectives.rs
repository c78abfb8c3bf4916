//! Words and phrases that describe but name nothing: demonyms and group
//! adjectives (`Eurasian`), a country's adjective (`Israeli`), common
//! acronyms and units (`GDP`, `MW`), and phrases made only of such words
//! and compass words (`Central Asian`, `Tunisian and Libyan`).

use super::{Block, Finder};
use crate::extract::vocabulary::cue;
use crate::model::EntityKind;

/// Words that place an adjective on the compass (`Central Asian`).
const COMPASS_WORDS: &[&str] = &[
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Sub-Saharan",
];

impl Finder<'_> {
    /// `Israeli`, `Eurasian`, `DoS`: a word that names nothing alone or is
    /// a country's adjective; with an event noun it describes, not names.
    pub(super) fn is_adjective(&mut self, block: &Block, at: usize) -> bool {
        let word = self.word(block, at);
        let country_form = self.gazetteer.lookup(word).is_some_and(|id| {
            let entry = self.gazetteer.entry(id);
            entry.kind == EntityKind::Country && entry.name != word
        });
        country_form || self.names_nothing_alone(block, at)
    }

    /// A word that is no entity alone: a common acronym or unit, a group
    /// adjective or demonym, a foreign function word, a bare number.
    pub(super) fn names_nothing_alone(&mut self, block: &Block, at: usize) -> bool {
        const ALONE_NOTHING: u32 = cue::GROUP_ADJECTIVE | cue::DEMONYM | cue::FOREIGN_FUNCTION;
        let word = self.word(block, at);
        self.cue(word) & ALONE_NOTHING != 0
            || !word.chars().any(char::is_alphabetic)
            || self.is_common_acronym(block, at)
    }

    /// `Central Asian`, `Tunisian and Libyan`: adjectives of peoples or
    /// countries, with compass words and `and`, and nothing else.
    pub(super) fn is_adjective_phrase(&mut self, block: &Block, start: usize, end: usize) -> bool {
        let mut adjectives = 0;
        for at in start..end {
            let word = self.word(block, at);
            if word == "and" || COMPASS_WORDS.contains(&word) {
                continue;
            }
            if !self.is_adjective(block, at) {
                return false;
            }
            adjectives += 1;
        }
        adjectives > 0
    }
}
