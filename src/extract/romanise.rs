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
    }
}
