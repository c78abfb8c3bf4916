//! What the extractor knows before reading a word: the built-in gazetteer
//! (countries, places, organisations, events), given names, common English
//! words, and the cue words that hint at an entity's type.
//!
//! The tables are compiled into the binary from `data/gazetteer/` and
//! `data/vocabulary/` (see `data/gazetteer/SOURCES.md` for where each fact
//! comes from) and parsed once per process. A site's curated entity notes are layered on top, per build.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::names::name_key;
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
    pub cues: FxHashMap<&'static str, u32>,
    /// Noun phrases in apposition that type a name, by their last word.
    pub appositions: FxHashMap<&'static str, Vec<super::vocabulary::Apposition>>,
    /// The shapes of the cue words, to skip most lookups.
    cue_shapes: Shapes,
}

impl Builtin {
    /// The cue flags of a word (0 for none).
    pub fn cue(&self, word: &str) -> u32 {
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
        let cues = super::vocabulary::cue_table();
        let cue_shapes = Shapes::new(cues.keys().copied());
        Builtin {
            gazetteer,
            given_names: lines(include_str!("../../data/gazetteer/given_names.txt")),
            common_words: lines(include_str!("../../data/gazetteer/common_words.txt")),
            cues,
            appositions: super::vocabulary::apposition_table(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
