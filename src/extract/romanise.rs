//! Reading person names across romanisations: a name's given and family
//! names as skeletons ([`crate::model::names::name_skeleton`] explains
//! them), and French romanisations read the English way.

use crate::model::names::{name_key, push_word_skeleton};

/// A French romanisation written the English way: `ou` is `u`, `tch` is
/// `ch` and `ch` is `sh` (`Loukachenko` → `Lukashenko`).
pub fn french_to_english(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut rest = key;
    while let Some(c) = rest.chars().next() {
        let (english, len) = if rest.starts_with("tch") {
            ("ch", 3)
        } else if rest.starts_with("ch") {
            ("sh", 2)
        } else if rest.starts_with("ou") {
            ("u", 2)
        } else {
            (&rest[..c.len_utf8()], c.len_utf8())
        };
        out.push_str(english);
        rest = &rest[len..];
    }
    out
}

/// Whether a name written in one word is spelt close to a family name
/// (both as keys): a skeleton says two words may be one name, and the
/// letters say whether they are (`Lukashenka` is close to `Lukashenko`,
/// `Baltic` is not to `Bialiatski`). Compared as written and as the French
/// romanisation reads in English, at most a third of the longer word may
/// differ.
pub fn spelt_close(word: &str, family: &str) -> bool {
    let close = |a: &str, b: &str| {
        let longest = a.chars().count().max(b.chars().count());
        edit_distance(a, b) * 3 <= longest.max(3)
    };
    close(word, family) || close(&french_to_english(word), &french_to_english(family))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether a name's key reads as a French romanisation (`ou`, `tch`), so
/// that it is also indexed under its English reading (`Zourabichvili` as
/// `Zurabishvili`).
pub fn looks_french(key: &str) -> bool {
    key.contains("ou") || key.contains("tch")
}

/// A person's name as the corpus compares it: the skeletons of the given
/// name (first word) and of the family name (last word). `None` for a
/// one-word name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonName {
    /// The given name's skeleton; for an initial (`A.`), empty.
    pub given: String,
    /// The given name's first letter, to match an initial.
    pub initial: char,
    pub family: String,
}

impl PersonName {
    /// The person name of a multi-word name, if it has one.
    pub fn of(name: &str) -> Option<PersonName> {
        PersonName::of_key(&name_key(name))
    }

    /// The person name of a name romanised the French way (`Alexandre
    /// Loukachenko`, `Iouri`), read as English would write it; `None` when
    /// that reading changes nothing.
    pub fn of_french(name: &str) -> Option<PersonName> {
        let key = name_key(name);
        let english = french_to_english(&key);
        (english != key)
            .then(|| PersonName::of_key(&english))
            .flatten()
    }

    fn of_key(key: &str) -> Option<PersonName> {
        let (first, rest) = key.split_once(' ')?;
        let last = rest.rsplit(' ').next().unwrap_or(rest);
        let mut given = String::new();
        if first.len() > 1 {
            push_word_skeleton(first, &mut given);
        }
        let mut family = String::new();
        push_word_skeleton(last, &mut family);
        Some(PersonName {
            given,
            initial: first.chars().next().unwrap_or(' '),
            family,
        })
    }

    /// Whether the given names agree: the same skeleton, or an initial
    /// that is the other's first letter.
    pub fn same_given(&self, other: &PersonName) -> bool {
        if self.given.is_empty() || other.given.is_empty() {
            self.initial == other.initial
        } else {
            self.given == other.given
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names_compare_given_and_family_names() {
        let full = PersonName::of("Alyaksandr Lukashenka").unwrap();
        let other = PersonName::of("Alexander Grigoryevich Lukashenko").unwrap();
        let initial = PersonName::of("A. Lukashenka").unwrap();
        assert_eq!(full.family, other.family);
        assert!(full.same_given(&other));
        assert!(full.same_given(&initial));
        let anna = PersonName::of("Anna Kowal").unwrap();
        let piotr = PersonName::of("Piotr Kowal").unwrap();
        assert_eq!(anna.family, piotr.family);
        assert!(!anna.same_given(&piotr));
        assert_eq!(PersonName::of("Lukashenka"), None);
    }

    #[test]
    fn french_romanisations_read_as_english() {
        let french = PersonName::of_french("Alexandre Loukachenko").unwrap();
        let english = PersonName::of("Alexander Lukashenko").unwrap();
        assert_eq!(french, english);
        assert_eq!(french_to_english("tchernov"), "chernov");
        assert_eq!(PersonName::of_french("Alexander Lukashenko"), None);
        let zourabichvili = PersonName::of_french("Salome Zourabichvili").unwrap();
        assert_eq!(
            zourabichvili,
            PersonName::of("Salome Zurabishvili").unwrap()
        );
    }

    #[test]
    fn a_bare_word_must_be_spelt_close_to_the_family_name() {
        for (word, family) in [
            ("lukashenka", "lukashenko"),
            ("tsikhanouskaya", "tikhanovskaya"),
            ("sannikau", "sannikov"),
            ("kalesnikava", "kolesnikova"),
            ("zourabichvili", "zurabishvili"),
            ("latushka", "latushko"),
        ] {
            assert!(spelt_close(word, family), "{word} / {family}");
        }
        assert!(!spelt_close("baltic", "bialiatski"));
        assert!(!spelt_close("kovel", "kowalski"));
    }
}
