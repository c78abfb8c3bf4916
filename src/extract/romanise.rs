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
/// differ, and only as romanisations differ ([`romanised_alike`]).
pub fn spelt_close(word: &str, family: &str) -> bool {
    let close = |a: &str, b: &str| {
        let longest = a.chars().count().max(b.chars().count());
        edit_distance(a, b) * 3 <= longest.max(3) && romanised_alike(a, b)
    };
    word == family
        || close(word, family)
        || close(&french_to_english(word), &french_to_english(family))
}

/// Whether two different spellings of a family name differ only as
/// romanisations of one Cyrillic name do: both at least four letters long
/// (`Li` is not `Le`), the same vowels once `o` reads as `a` (akanye:
/// `Kalesnikava`, `Kolesnikova`), `y` as `i` and glides and `u` after a
/// vowel are set aside (`-skaya`, `-skaia`; `Sannikau`), and the same
/// doubled consonants. English names that differ by a vowel (`Warner`,
/// `Werner`) or a doubled letter (`Denis`, `Dennis`) are two names.
pub fn romanised_alike(a: &str, b: &str) -> bool {
    a.chars().count() >= 4
        && b.chars().count() >= 4
        && vowel_classes(a) == vowel_classes(b)
        && doubled_consonants(a) == doubled_consonants(b)
}

/// A word's vowels as romanisation-blind classes, repeats collapsed.
fn vowel_classes(word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = String::new();
    for (i, &c) in letters.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| letters[p]);
        let next = letters.get(i + 1).copied();
        let class = match c {
            'a' | 'o' => 'A',
            'e' => 'E',
            // A glide before a vowel (`ya`, `ia`, `ye`) is no vowel of its own.
            'i' | 'y' if next.is_some_and(|n| matches!(n, 'a' | 'e' | 'o' | 'u')) => continue,
            'i' | 'y' => 'I',
            // `u` after a vowel is the consonant ў (`Sannikau`, `-ouskaya`).
            'u' if prev.is_some_and(is_vowel) => continue,
            'u' => 'U',
            _ => continue,
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// How many doubled consonants a word has (`Dennis` one, `Denis` none).
fn doubled_consonants(word: &str) -> usize {
    let letters: Vec<char> = word.chars().collect();
    letters
        .windows(2)
        .filter(|w| w[0] == w[1] && w[0].is_alphabetic() && !"aeiouy".contains(w[0]))
        .count()
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
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
        assert!(spelt_close("kowal", "kowal"));
    }

    #[test]
    fn english_names_a_vowel_or_a_letter_apart_are_two_names() {
        for (word, family) in [
            ("wexler", "waxler"),
            ("dorrin", "dorin"),
            ("le", "li"),
            ("tam", "tim"),
            ("bru", "brout"),
            ("pellam", "pallam"),
            ("rossy", "russ"),
            ("marlo", "marlowe"),
        ] {
            assert!(!spelt_close(word, family), "{word} / {family}");
        }
        assert!(!spelt_close("kovel", "kowalski"));
    }
}
