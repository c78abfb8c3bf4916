//! What the extractor knows before reading a word: the built-in gazetteer
//! (countries, places, organisations, events), given names, common English
//! words, titles and the cue words that hint at an entity's type.
//!
//! The tables are compiled into the binary from `data/gazetteer/` (see
//! `data/gazetteer/SOURCES.md` for where each fact comes from) and parsed once
//! per process. A site's curated entity notes are layered on top, per build.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::EntityKind;

/// Where a known name comes from; the stronger source wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Gazetteer,
    Registry,
}

/// A known entity.
#[derive(Debug, Clone)]
pub struct Known {
    pub name: String,
    pub kind: EntityKind,
    pub source: Source,
    /// Index of the curated note, for registry entries.
    pub note: Option<usize>,
}

/// Known entities indexed by every surface form they may take in text.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<Known>,
    /// Exact surface form (apostrophes straightened) → entry.
    surfaces: FxHashMap<String, u32>,
    /// Normalised name key → entry, for merging discovered names.
    keys: FxHashMap<String, u32>,
    /// First words of every surface form, to skip hopeless lookups fast.
    first_words: FxHashSet<String>,
    /// Leading words of longer surface forms (`Russian`, `Russian Armed`
    /// for `Russian Armed Forces`), so a longest match stops early.
    prefixes: FxHashSet<String>,
    /// Most words in any surface form.
    pub max_words: usize,
}

impl Gazetteer {
    /// Adds an entity with its names; a name already taken by an entry from a
    /// weaker source moves to the new entry.
    pub fn add(&mut self, known: Known, names: &[&str]) -> u32 {
        let id = self.entries.len() as u32;
        let source = known.source;
        self.entries.push(known);
        for name in names {
            self.index_name(id, source, name);
        }
        id
    }

    fn index_name(&mut self, id: u32, source: Source, name: &str) {
        let surface = straighten(name.trim()).into_owned();
        if surface.is_empty() {
            return;
        }
        let stronger = |existing: Option<&u32>, entries: &[Known]| {
            existing.is_none_or(|&e| entries[e as usize].source < source)
        };
        if stronger(self.surfaces.get(&surface), &self.entries) {
            let words = surface.split(' ').count();
            self.max_words = self.max_words.max(words);
            if let Some(first) = surface.split(' ').next() {
                self.first_words.insert(first.to_string());
            }
            for (space, _) in surface.match_indices(' ') {
                self.prefixes.insert(surface[..space].to_string());
            }
            self.surfaces.insert(surface, id);
        }
        let key = name_key(name);
        if stronger(self.keys.get(&key), &self.entries) {
            self.keys.insert(key, id);
        }
    }

    pub fn lookup(&self, surface: &str) -> Option<u32> {
        self.surfaces.get(surface).copied()
    }

    pub fn lookup_key(&self, key: &str) -> Option<u32> {
        self.keys.get(key).copied()
    }

    pub fn starts_a_name(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// Whether some surface form goes on after these words.
    pub fn continues_a_name(&self, words: &str) -> bool {
        self.prefixes.contains(words)
    }

    pub fn entry(&self, id: u32) -> &Known {
        &self.entries[id as usize]
    }
}

/// Straight apostrophes, single spaces: the form gazetteer lookups use.
/// Borrows when there is nothing to change, as is nearly always the case.
pub fn straighten(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_straightening(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let replaced = text.replace('’', "'");
    std::borrow::Cow::Owned(replaced.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether `text` holds a curly apostrophe, a tab, a line break or two
/// spaces in a row: one pass over its bytes.
fn needs_straightening(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => true,
        b' ' => bytes.get(i + 1) == Some(&b' '),
        0xE2 => bytes[i..].starts_with("’".as_bytes()),
        _ => false,
    })
}

/// The key under which spellings of one name meet: accents folded, case and
/// punctuation dropped, British and American spellings made one.
pub fn name_key(name: &str) -> String {
    let folded = deunicode::deunicode_with_tofu_cow(name, "[?]");
    let mut key = String::with_capacity(folded.len());
    if folded.is_ascii() {
        push_key_words(&folded, &mut key);
    } else {
        push_key_words(&folded.to_lowercase(), &mut key);
    }
    key
}

/// Appends the words of `folded` to `key`, lower-cased, without quotes or
/// possessive `'s`, in British spelling; only ASCII letters and digits count.
fn push_key_words(folded: &str, key: &mut String) {
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'') {
        let word = word.trim_matches('\'');
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("'S"))
            .unwrap_or(word);
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        let at = key.len();
        key.push_str(word);
        key[at..].make_ascii_lowercase();
        if let Some(british) = british_spelling(&key[at..]) {
            key.truncate(at);
            key.push_str(british);
        }
    }
}

fn british_spelling(word: &str) -> Option<&'static str> {
    Some(match word {
        "center" => "centre",
        "centers" => "centres",
        "organization" => "organisation",
        "organizations" => "organisations",
        "defense" => "defence",
        "program" => "programme",
        "programs" => "programmes",
        "labor" => "labour",
        "theater" => "theatre",
        "cooperation" => "co operation",
        _ => return None,
    })
}

/// A bitmap over word shapes (length, first and last byte) that tells
/// most words from those of a set with three loads: a word whose shape no
/// member has is surely not a member.
#[derive(Debug, Clone)]
pub struct Shapes(Box<[u64; 256]>);

impl Shapes {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Shapes {
        let mut shapes = Shapes(Box::new([0; 256]));
        for word in words {
            let bytes = word.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                let bit = Shapes::bit(bytes.len(), first, last);
                shapes.0[bit / 64] |= 1 << (bit % 64);
            }
        }
        shapes
    }

    fn bit(len: usize, first: u8, last: u8) -> usize {
        ((len & 15) << 10) | ((usize::from(first) & 31) << 5) | (usize::from(last) & 31)
    }

    /// Whether some member is `len` bytes long and starts and ends so.
    #[inline]
    pub fn may_hold(&self, len: usize, first: u8, last: u8) -> bool {
        let bit = Shapes::bit(len, first, last);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `word` may be a member.
    #[inline]
    pub fn may_hold_word(&self, word: &str) -> bool {
        match word.as_bytes() {
            [] => false,
            bytes => self.may_hold(bytes.len(), bytes[0], bytes[bytes.len() - 1]),
        }
    }
}

/// Everything compiled in.
pub struct Builtin {
    pub gazetteer: Gazetteer,
    pub given_names: FxHashSet<String>,
    pub common_words: FxHashSet<String>,
    pub cues: FxHashMap<&'static str, u16>,
    /// The shapes of the cue words, to skip most lookups.
    cue_shapes: Shapes,
}

impl Builtin {
    /// The cue flags of a word (0 for none).
    pub fn cue(&self, word: &str) -> u16 {
        if !self.cue_shapes.may_hold_word(word) {
            return 0;
        }
        self.cues.get(word).copied().unwrap_or(0)
    }
}

static BUILTIN: OnceLock<Builtin> = OnceLock::new();

/// The built-in tables, parsed on first use.
pub fn builtin() -> &'static Builtin {
    BUILTIN.get_or_init(|| {
        let mut gazetteer = Gazetteer::default();
        load_table(
            &mut gazetteer,
            include_str!("../../data/gazetteer/countries.tsv"),
            |_| EntityKind::Country,
        );
        load_table(
            &mut gazetteer,
            include_str!("../../data/gazetteer/places.tsv"),
            |_| EntityKind::Place,
        );
        load_table(
            &mut gazetteer,
            include_str!("../../data/gazetteer/organizations.tsv"),
            |_| EntityKind::Organization,
        );
        load_table(
            &mut gazetteer,
            include_str!("../../data/gazetteer/events.tsv"),
            |kind| match kind {
                Some("other") => EntityKind::Other,
                _ => EntityKind::Event,
            },
        );
        let cues = cue_table();
        let cue_shapes = Shapes::new(cues.keys().copied());
        Builtin {
            gazetteer,
            given_names: lines(include_str!("../../data/gazetteer/given_names.txt")),
            common_words: lines(include_str!("../../data/gazetteer/common_words.txt")),
            cues,
            cue_shapes,
        }
    })
}

/// Loads a `name<TAB>aliases<TAB>extra` table; `kind_of` maps the third column.
fn load_table(
    gazetteer: &mut Gazetteer,
    table: &str,
    kind_of: impl Fn(Option<&str>) -> EntityKind,
) {
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut columns = line.split('\t');
        let name = columns.next().unwrap_or("").trim();
        let aliases = columns.next().unwrap_or("");
        let kind = kind_of(columns.next().map(str::trim));
        if name.is_empty() {
            continue;
        }
        let mut names: Vec<&str> = vec![name];
        names.extend(aliases.split('|').map(str::trim).filter(|a| !a.is_empty()));
        let known = Known {
            name: name.to_string(),
            kind,
            source: Source::Gazetteer,
            note: None,
        };
        gazetteer.add(known, &names);
    }
}

fn lines(text: &str) -> FxHashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Titles that stand before a person's name. A run of these words before a
/// name gives the person's role; at least one must be a head title.
pub const HEAD_TITLES: &[&str] = &[
    "President",
    "Minister",
    "Chancellor",
    "Premier",
    "Secretary",
    "General",
    "Admiral",
    "Colonel",
    "Marshal",
    "Ambassador",
    "Senator",
    "Governor",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Speaker",
    "King",
    "Queen",
    "Pope",
    "Patriarch",
    "Commissioner",
    "Director",
    "Commander",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Lord",
    "Lady",
    "Prince",
    "Princess",
    "Emir",
    "Sheikh",
    "Archbishop",
    "Bishop",
    "Metropolitan",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Leader",
    "Lieutenant",
    "Captain",
    "Major",
    "Sergeant",
    "Judge",
    "Justice",
    "Envoy",
    "Representative",
    "Deputy",
    "Congressman",
    "Congresswoman",
    "MP",
    "MEP",
    "Gen",
    "Col",
    "Lt",
    "Adm",
    "Capt",
    "Maj",
    "Sgt",
    "Chief",
    "Head",
    "CEO",
    "Tsar",
    "Emperor",
    "Dictator",
];

/// Words that qualify a title (`Prime` Minister, `Foreign` Minister).
pub const TITLE_MODIFIERS: &[&str] = &[
    "Prime",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Economy",
    "Energy",
    "Justice",
    "Health",
    "Deputy",
    "Vice",
    "Acting",
    "Former",
    "First",
    "Opposition",
    "State",
    "Attorney",
    "Supreme",
    "High",
    "Grand",
    "Crown",
    "Executive",
    "Permanent",
    "Special",
    "Chief",
    "Lieutenant",
    "Major",
    "Rear",
    "Field",
    "Brigadier",
    "Secretary",
    "General",
    "Culture",
    "Education",
    "Trade",
    "Agriculture",
    "Transport",
    "Labour",
    "Labor",
    "Emergency",
    "Emergencies",
    "Environment",
    "Security",
    "Information",
    "Digital",
    "Development",
    "Industry",
    "Exiled",
    "Self-proclaimed",
    "Presidential",
    "Military",
    "Senior",
    "Armed",
    "Forces",
    "Staff",
    "Affairs",
    "Navy",
    "Army",
];

/// Last words that make a name an organisation.
pub const ORGANIZATION_CUES: &[&str] = &[
    "Ministry",
    "Council",
    "Centre",
    "Center",
    "Assembly",
    "Party",
    "Bank",
    "Committee",
    "Agency",
    "Service",
    "Services",
    "Office",
    "Commission",
    "Parliament",
    "Court",
    "Union",
    "Organisation",
    "Organization",
    "Front",
    "Movement",
    "Forces",
    "Army",
    "Navy",
    "Guard",
    "Group",
    "Company",
    "Corporation",
    "Institute",
    "University",
    "Fund",
    "Association",
    "Alliance",
    "Bureau",
    "Authority",
    "Directorate",
    "Department",
    "Administration",
    "Government",
    "Cabinet",
    "Senate",
    "Duma",
    "Rada",
    "Police",
    "Brigade",
    "Regiment",
    "Division",
    "Corps",
    "Fleet",
    "Coalition",
    "Network",
    "Railways",
    "Airlines",
    "Foundation",
    "Academy",
    "Federation",
    "Board",
    "Tribunal",
    "Secretariat",
    "Consortium",
    "Holding",
    "Holdings",
    "Inc",
    "Ltd",
    "Trust",
    "Society",
    "Club",
    "League",
    "Media",
    "Press",
    "Television",
    "Radio",
    "Channel",
    "News",
    "Times",
    "Post",
    "Ministries",
    "Inspectorate",
    "Command",
    "Headquarters",
    "Staff",
    "Initiative",
    "Platform",
    "Mission",
    "Observatory",
    "Caucus",
    "Bloc",
    "Faction",
    "Cabinet",
];

/// First words that make a name an organisation (`Ministry of …`, `Bank of …`).
pub const ORGANIZATION_HEADS: &[&str] = &[
    "Ministry",
    "Council",
    "Bank",
    "Committee",
    "Office",
    "Commission",
    "Court",
    "Union",
    "Organisation",
    "Organization",
    "Department",
    "Institute",
    "University",
    "Parliament",
    "Federation",
    "Association",
    "Party",
    "Agency",
    "Directorate",
    "Academy",
    "Centre",
    "Center",
];

/// Last words that make a name a place.
pub const PLACE_CUES: &[&str] = &[
    "Oblast",
    "Region",
    "Province",
    "District",
    "County",
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Gap",
    "Bay",
    "Strait",
    "Straits",
    "Corridor",
    "Peninsula",
    "Valley",
    "Street",
    "Square",
    "City",
    "Krai",
    "Raion",
    "Voivodeship",
    "Governorate",
    "Canal",
    "Gulf",
    "Desert",
    "Forest",
    "Plain",
    "Plateau",
    "Coast",
    "Highlands",
    "Territory",
    "Republic",
];

/// Last words that make a name a facility or other thing.
pub const FACILITY_CUES: &[&str] = &[
    "Plant",
    "Station",
    "Pipeline",
    "Bridge",
    "Airport",
    "Base",
    "Terminal",
    "Refinery",
    "Mine",
    "Dam",
    "Reactor",
    "Railway",
    "Highway",
    "Harbour",
    "Harbor",
    "Shipyard",
    "Factory",
    "Works",
    "Complex",
    "Range",
    "Cosmodrome",
    "Stadium",
    "Prison",
    "Colony",
    "Hospital",
    "Vaccine",
    "Treaty",
    "Agreement",
    "Accords",
    "Accord",
    "Protocol",
    "Act",
    "Doctrine",
    "Strategy",
    "Programme",
    "Program",
    "Plan",
    "Declaration",
    "Convention",
    "Charter",
    "Constitution",
    "Law",
    "Code",
    "Directive",
    "Regulation",
    "Package",
];

/// Last words that make a name an event.
pub const EVENT_CUES: &[&str] = &[
    "Exercise",
    "Exercises",
    "Summit",
    "Election",
    "Elections",
    "Conference",
    "Forum",
    "Games",
    "Olympics",
    "Crisis",
    "War",
    "Revolution",
    "Protests",
    "Referendum",
    "Drills",
    "Operation",
    "Offensive",
    "Uprising",
    "Massacre",
    "Congress",
    "Talks",
    "Dialogue",
    "Festival",
    "Cup",
    "Championship",
    "Siege",
    "Battle",
    "Invasion",
    "Coup",
    "Meeting",
    "Session",
    "Pandemic",
];

/// Words before a name that place it (`in X`, `port of X`).
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "around", "from", "via", "across", "towards",
];

/// Nouns that, in `the NOUN of X`, make X a place.
pub const PLACE_NOUNS: &[&str] = &[
    "port",
    "city",
    "town",
    "village",
    "region",
    "district",
    "province",
    "oblast",
    "capital",
    "suburb",
    "outskirts",
    "island",
    "border",
    "municipality",
    "settlement",
    "garrison",
];

/// Weekdays and month abbreviations (month names come from
/// [`crate::ingest::date::MONTHS`]): capitalised, never entities.
pub const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Lower-case words allowed inside a name (`Ministry of Foreign Affairs`).
pub const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "de", "von", "van", "der", "den", "du", "da", "al", "bin",
    "la", "le",
];

/// Acronyms of units, currencies and economic or technical terms: common
/// nouns in capitals, never entities (they may still feed topics).
pub const COMMON_ACRONYMS: &[&str] = &[
    "GDP", "GNP", "GNI", "LNG", "LPG", "CNG", "MW", "GW", "TW", "KW", "MWh", "GWh", "TWh", "kWh",
    "AI", "CO2", "EUR", "USD", "GBP", "RUB", "UAH", "PLN", "CHF", "JPY", "CNY", "BYN", "SME",
    "SMEs", "FDI", "VAT", "ICT", "IT", "GPS", "CEO", "CEOs", "CFO", "NGO", "NGOs", "PhD", "IPO",
    "CPI", "PMI", "PPP", "SOE", "SOEs", "ESG", "GHG", "EV", "EVs", "HQ", "UAV", "UAVs", "DNA",
    "BCM", "R&D", "IoT", "VPN", "DDoS", "GMO", "LGBT", "LGBTQ", "FX", "ATM", "SUV", "TV", "PR",
];

/// Words that make a name a treaty, agreement or programme (type `other`),
/// wherever they stand in it (`Treaty on Open Skies`, `Minsk Agreement`).
pub const TREATY_WORDS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Convention",
    "Protocol",
    "Pact",
    "Charter",
    "Declaration",
    "Memorandum",
    "Programme",
    "Program",
];

/// Second parts of hyphenated adjectives before a name (`Russian-led`,
/// `EU-backed`): the word is no part of the name that follows.
pub const EVALUATIVE_SUFFIXES: &[&str] = &[
    "led",
    "backed",
    "based",
    "owned",
    "made",
    "funded",
    "sponsored",
    "controlled",
    "run",
    "brokered",
    "supported",
    "linked",
    "affiliated",
    "leaning",
    "friendly",
    "dominated",
    "oriented",
    "speaking",
    "style",
    "era",
    "installed",
    "appointed",
    "allied",
    "aligned",
];

/// What a capitalised word says about the name it stands in, as bit flags.
pub mod cue {
    pub const HEAD_TITLE: u16 = 1;
    pub const TITLE_MODIFIER: u16 = 1 << 1;
    pub const ORGANIZATION: u16 = 1 << 2;
    pub const ORGANIZATION_HEAD: u16 = 1 << 3;
    pub const PLACE: u16 = 1 << 4;
    pub const FACILITY: u16 = 1 << 5;
    pub const EVENT: u16 = 1 << 6;
    pub const CALENDAR: u16 = 1 << 7;
    pub const CONNECTOR: u16 = 1 << 8;
    pub const PLACE_PREPOSITION: u16 = 1 << 9;
    pub const PLACE_NOUN: u16 = 1 << 10;
    pub const COMMON_ACRONYM: u16 = 1 << 11;
    pub const TREATY: u16 = 1 << 12;
    pub const EVALUATIVE: u16 = 1 << 13;
}

fn cue_table() -> FxHashMap<&'static str, u16> {
    let lists: [(&[&str], u16); 15] = [
        (&crate::ingest::date::MONTHS, cue::CALENDAR),
        (HEAD_TITLES, cue::HEAD_TITLE),
        (TITLE_MODIFIERS, cue::TITLE_MODIFIER),
        (ORGANIZATION_CUES, cue::ORGANIZATION),
        (ORGANIZATION_HEADS, cue::ORGANIZATION_HEAD),
        (PLACE_CUES, cue::PLACE),
        (FACILITY_CUES, cue::FACILITY),
        (EVENT_CUES, cue::EVENT),
        (CALENDAR_WORDS, cue::CALENDAR),
        (CONNECTORS, cue::CONNECTOR),
        (PLACE_PREPOSITIONS, cue::PLACE_PREPOSITION),
        (PLACE_NOUNS, cue::PLACE_NOUN),
        (COMMON_ACRONYMS, cue::COMMON_ACRONYM),
        (TREATY_WORDS, cue::TREATY),
        (EVALUATIVE_SUFFIXES, cue::EVALUATIVE),
    ];
    let mut table: FxHashMap<&'static str, u16> = FxHashMap::default();
    for (words, flag) in lists {
        for word in words {
            *table.entry(word).or_default() |= flag;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_merge_spellings() {
        assert_eq!(name_key("Klaipėda"), name_key("Klaipeda"));
        assert_eq!(
            name_key("43rd Communications Center"),
            name_key("43rd Communications Centre")
        );
        assert_eq!(name_key("Lukashenka’s"), "lukashenka");
        assert_eq!(name_key("Ust-Luga"), "ust luga");
        assert_eq!(
            name_key("Organization for Security and Cooperation"),
            name_key("Organisation for Security and Co-operation")
        );
    }

    #[test]
    fn builtin_tables_know_the_basics() {
        let b = builtin();
        let g = &b.gazetteer;
        let kind = |s: &str| {
            g.lookup(s)
                .map(|id| (g.entry(id).name.clone(), g.entry(id).kind))
        };
        assert_eq!(
            kind("Belarusian"),
            Some(("Belarus".into(), EntityKind::Country))
        );
        assert_eq!(kind("Russian Federation").unwrap().0, "Russia");
        assert_eq!(kind("EU").unwrap().1, EntityKind::Organization);
        assert_eq!(kind("Minsk").unwrap().1, EntityKind::Place);
        assert!(kind("Vladimir").is_none(), "a given name is not a city");
        assert!(b.given_names.contains("Mikhail"));
        assert!(b.common_words.contains("despite"));
        assert!(!b.common_words.contains("russia"));
    }
}
