//! The cue words of the name finder (titles, type cues, connectors, units,
//! opening words), read from the word lists in `data/vocabulary/`.
//!
//! Each list is compiled in with `include_str!` and parsed once into one
//! table from word to [`cue`] flags; `data/gazetteer/SOURCES.md` says where
//! the words come from. A list holds one word a line; `#` starts a comment.

use crate::model::EntityKind;
use rustc_hash::FxHashMap;

/// What a word says about the name it stands in or next to, as bit flags.
pub mod cue {
    pub const HEAD_TITLE: u32 = 1;
    pub const TITLE_MODIFIER: u32 = 1 << 1;
    pub const ORGANIZATION: u32 = 1 << 2;
    pub const ORGANIZATION_HEAD: u32 = 1 << 3;
    pub const PLACE: u32 = 1 << 4;
    pub const FACILITY: u32 = 1 << 5;
    pub const EVENT: u32 = 1 << 6;
    pub const CALENDAR: u32 = 1 << 7;
    pub const CONNECTOR: u32 = 1 << 8;
    pub const PLACE_PREPOSITION: u32 = 1 << 9;
    pub const PLACE_NOUN: u32 = 1 << 10;
    pub const COMMON_ACRONYM: u32 = 1 << 11;
    pub const TREATY: u32 = 1 << 12;
    pub const EVALUATIVE: u32 = 1 << 13;
    pub const OPENING_WORD: u32 = 1 << 14;
    pub const NAME_PARTICLE: u32 = 1 << 15;
    pub const SPEECH_VERB: u32 = 1 << 16;
    pub const ADJECTIVE_PREFIX: u32 = 1 << 17;
    pub const GROUP_ADJECTIVE: u32 = 1 << 18;
    pub const IN_HEAD: u32 = 1 << 19;
    pub const SCOPE_WORD: u32 = 1 << 20;
    pub const DEMONYM: u32 = 1 << 21;
    pub const FOREIGN_FUNCTION: u32 = 1 << 22;
    pub const ON_HEAD: u32 = 1 << 23;
    pub const EVENT_HEAD: u32 = 1 << 24;
    pub const EVENT_NOUN: u32 = 1 << 25;
    pub const VOTE_QUALIFIER: u32 = 1 << 26;
    pub const ORGANIZATION_NOUN: u32 = 1 << 27;
    pub const EQUIPMENT_NOUN: u32 = 1 << 28;
    pub const EQUIPMENT_MODIFIER: u32 = 1 << 29;
    pub const SHIP_PREFIX: u32 = 1 << 30;
    pub const PLACE_OPENER: u32 = 1 << 31;
}

/// Every list with the flag its words carry.
const LISTS: [(&str, u32); 32] = [
    (
        include_str!("../../data/vocabulary/head_titles.txt"),
        cue::HEAD_TITLE,
    ),
    (
        include_str!("../../data/vocabulary/title_modifiers.txt"),
        cue::TITLE_MODIFIER,
    ),
    (
        include_str!("../../data/vocabulary/organisation_cues.txt"),
        cue::ORGANIZATION,
    ),
    (
        include_str!("../../data/vocabulary/organisation_heads.txt"),
        cue::ORGANIZATION_HEAD,
    ),
    (
        include_str!("../../data/vocabulary/place_cues.txt"),
        cue::PLACE,
    ),
    (
        include_str!("../../data/vocabulary/facility_cues.txt"),
        cue::FACILITY,
    ),
    (
        include_str!("../../data/vocabulary/event_cues.txt"),
        cue::EVENT,
    ),
    (
        include_str!("../../data/vocabulary/calendar_words.txt"),
        cue::CALENDAR,
    ),
    (
        include_str!("../../data/vocabulary/connectors.txt"),
        cue::CONNECTOR,
    ),
    (
        include_str!("../../data/vocabulary/place_prepositions.txt"),
        cue::PLACE_PREPOSITION,
    ),
    (
        include_str!("../../data/vocabulary/place_nouns.txt"),
        cue::PLACE_NOUN,
    ),
    (
        include_str!("../../data/vocabulary/common_acronyms.txt"),
        cue::COMMON_ACRONYM,
    ),
    (
        include_str!("../../data/vocabulary/treaty_words.txt"),
        cue::TREATY,
    ),
    (
        include_str!("../../data/vocabulary/evaluative_suffixes.txt"),
        cue::EVALUATIVE,
    ),
    (
        include_str!("../../data/vocabulary/opening_words.txt"),
        cue::OPENING_WORD,
    ),
    (
        include_str!("../../data/vocabulary/name_particles.txt"),
        cue::NAME_PARTICLE,
    ),
    (
        include_str!("../../data/vocabulary/speech_verbs.txt"),
        cue::SPEECH_VERB,
    ),
    (
        include_str!("../../data/vocabulary/adjective_prefixes.txt"),
        cue::ADJECTIVE_PREFIX,
    ),
    (
        include_str!("../../data/vocabulary/group_adjectives.txt"),
        cue::GROUP_ADJECTIVE,
    ),
    (
        include_str!("../../data/vocabulary/in_heads.txt"),
        cue::IN_HEAD,
    ),
    (
        include_str!("../../data/vocabulary/event_heads.txt"),
        cue::EVENT_HEAD,
    ),
    (
        include_str!("../../data/vocabulary/event_nouns.txt"),
        cue::EVENT_NOUN,
    ),
    (
        include_str!("../../data/vocabulary/organisation_nouns.txt"),
        cue::ORGANIZATION_NOUN,
    ),
    (
        include_str!("../../data/vocabulary/equipment_nouns.txt"),
        cue::EQUIPMENT_NOUN,
    ),
    (
        include_str!("../../data/vocabulary/equipment_modifiers.txt"),
        cue::EQUIPMENT_MODIFIER,
    ),
    (
        include_str!("../../data/vocabulary/ship_prefixes.txt"),
        cue::SHIP_PREFIX,
    ),
    (
        include_str!("../../data/vocabulary/place_openers.txt"),
        cue::PLACE_OPENER,
    ),
    (
        include_str!("../../data/vocabulary/vote_qualifiers.txt"),
        cue::VOTE_QUALIFIER,
    ),
    (
        include_str!("../../data/vocabulary/on_heads.txt"),
        cue::ON_HEAD,
    ),
    (
        include_str!("../../data/vocabulary/scope_words.txt"),
        cue::SCOPE_WORD,
    ),
    (
        include_str!("../../data/vocabulary/demonyms.txt"),
        cue::DEMONYM,
    ),
    (
        include_str!("../../data/vocabulary/foreign_function_words.txt"),
        cue::FOREIGN_FUNCTION,
    ),
];

/// The apposition lists (`the think tank X`, `X, the town …`) with the type
/// each gives.
const APPOSITIONS: [(&str, EntityKind); 5] = [
    (
        include_str!("../../data/vocabulary/organisation_apposition.txt"),
        EntityKind::Organization,
    ),
    (
        include_str!("../../data/vocabulary/person_apposition.txt"),
        EntityKind::Person,
    ),
    (
        include_str!("../../data/vocabulary/place_apposition.txt"),
        EntityKind::Place,
    ),
    (
        include_str!("../../data/vocabulary/thing_apposition.txt"),
        EntityKind::Other,
    ),
    (
        include_str!("../../data/vocabulary/event_apposition.txt"),
        EntityKind::Event,
    ),
];

/// A noun phrase that types the name it stands in apposition to.
#[derive(Debug)]
pub struct Apposition {
    /// The phrase's words after its article (`think tank`, `port of`).
    pub words: Vec<&'static str>,
    pub kind: EntityKind,
}

impl Apposition {
    /// `the port of X`: stands only before the name.
    pub fn before_only(&self) -> bool {
        self.words.last() == Some(&"of")
    }
}

/// Every apposition phrase, keyed by its last word.
pub fn apposition_table() -> FxHashMap<&'static str, Vec<Apposition>> {
    let mut table: FxHashMap<&'static str, Vec<Apposition>> = FxHashMap::default();
    for (list, kind) in APPOSITIONS {
        for line in list.lines() {
            let phrase = line.split('#').next().unwrap_or("");
            let words: Vec<&str> = phrase.split_whitespace().skip(1).collect();
            if let Some(&last) = words.last() {
                table
                    .entry(last)
                    .or_default()
                    .push(Apposition { words, kind });
            }
        }
    }
    table
}

/// The words of one list: lines without comments, trimmed, none empty.
pub fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
}

/// Every cue word with its flags; month names come from the date reader.
pub fn cue_table() -> FxHashMap<&'static str, u32> {
    let mut table: FxHashMap<&'static str, u32> = FxHashMap::default();
    for month in crate::model::date::MONTHS {
        *table.entry(month).or_default() |= cue::CALENDAR;
    }
    for (list, flag) in LISTS {
        for word in words(list) {
            *table.entry(word).or_default() |= flag;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apposition_phrases_lose_their_article_and_keep_their_type() {
        let table = apposition_table();
        let tank = &table["tank"];
        assert!(tank.iter().any(|a| a.words == ["think", "tank"]
            && a.kind == EntityKind::Organization
            && !a.before_only()));
        let of = &table["of"];
        assert!(of
            .iter()
            .any(|a| a.words == ["port", "of"] && a.kind == EntityKind::Place && a.before_only()));
        assert!(table
            .values()
            .flatten()
            .all(|a| !a.words.is_empty() && a.words.iter().all(|w| !w.starts_with('#'))));
    }

    #[test]
    fn comments_and_blank_lines_are_no_words() {
        let list = "# a comment\n\nMinister\n  Prime  # trailing note\n#\n";
        assert_eq!(words(list).collect::<Vec<_>>(), ["Minister", "Prime"]);
    }

    #[test]
    fn every_list_is_read_and_words_carry_their_flags() {
        for (list, flag) in LISTS {
            assert!(words(list).count() > 0, "list with flag {flag:#x} is empty");
        }
        let table = cue_table();
        assert_eq!(table["President"], cue::HEAD_TITLE);
        assert_eq!(table["Deputy"], cue::HEAD_TITLE | cue::TITLE_MODIFIER);
        assert_eq!(table["GDP"], cue::COMMON_ACRONYM);
        assert_eq!(table["Eurasian"], cue::DEMONYM);
        assert_eq!(table["Der"], cue::FOREIGN_FUNCTION);
        assert_eq!(table["January"], cue::CALENDAR);
        assert_eq!(table["Despite"], cue::OPENING_WORD);
        assert_eq!(table["von"], cue::CONNECTOR | cue::NAME_PARTICLE);
        assert_eq!(
            table["Mission"],
            cue::ORGANIZATION | cue::ORGANIZATION_HEAD | cue::IN_HEAD
        );
        assert!(!table.contains_key(""));
        assert!(table
            .keys()
            .all(|w| !w.contains(' ') && !w.starts_with('#')));
    }
}
