//! Romanisation-insensitive keys for names: one skeleton for the spellings
//! that Belarusian, Russian, Ukrainian (and Polish-style) romanisations give
//! the same name (`Lukashenka`/`Lukashenko`, `Aliaksandr`/`Alexander`,
//! `Tsikhanouskaya`/`Tikhanovskaya`).
//!
//! A word is folded to ASCII, its letter groups are mapped onto one class
//! per sound where romanisations disagree (`kh`/`h`/`g`, `ts`/`c`/`t`,
//! `ou`/`ov`/`ow`, `dz`/`d`, `x`/`ks`, `w`/`v`…), and its vowels (with `y`
//! and `j`, which stand for the same glides) are dropped, as that is where
//! romanisations differ most (`-enka`/`-enko`, `ia`/`ya`, `i`/`y`). A final
//! `-a` that marks a woman's name (`Aleksandra`, `-skaya`, `-ava`) is kept
//! as a mark, so that a husband and wife, or `Aleksandr` and `Aleksandra`,
//! never share a key; the Belarusian `-enka` (masculine) is not such a mark.

use super::lexicon::name_key;

/// Letter groups and the class each stands for, longest first at each
/// position. Consonant classes only: vowels are dropped afterwards.
const CORRESPONDENCES: &[(&str, &str)] = &[
    ("shch", "s"),
    ("tsch", "C"),
    ("sch", "s"),
    ("dzh", "z"),
    ("ou", "v"), // Belarusian ў: Tsikhanouskaya / Tikhanovskaya
    ("au", "v"), // Sannikau / Sannikov
    ("kh", "h"),
    ("zh", "z"),
    ("sh", "s"),
    ("sz", "s"),
    ("ch", "C"),
    ("cz", "C"),
    ("ts", "t"), // Belarusian ць for Russian ть; ц in every romanisation
    ("tz", "t"),
    ("dz", "d"), // Belarusian дз for Russian д: Dzmitry / Dmitry
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("ks", "x"),
    ("ce", "t"), // Polish and Czech c is ц before front vowels...
    ("ci", "t"),
    ("cy", "t"),
    ("c", "k"), // ...and English c is k elsewhere
    ("q", "k"),
    ("w", "v"),
    ("g", "h"), // Ukrainian and Belarusian г: Hanna / Ganna, Siarhei / Sergei
];

/// Letters dropped from the skeleton.
const VOWELS: &[u8] = b"aeiouyj";

/// The skeleton of one name, word by word (`aliaksandr lukashenka` →
/// `lxndr lxnk`); empty for a name with no letters.
pub fn name_skeleton(name: &str) -> String {
    let key = name_key(name);
    let mut out = String::with_capacity(key.len());
    for word in key.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        push_word_skeleton(word, &mut out);
    }
    out
}

/// The skeleton of one lower-case ASCII word, appended to `out`.
pub fn push_word_skeleton(word: &str, out: &mut String) {
    let start = out.len();
    let bytes = word.as_bytes();
    let mut at = initial_sound(word, out);
    while at < bytes.len() {
        let rest = &word[at..];
        // `ou` and `au` before a vowel are vowel pairs (`Louis`), not ў.
        let pair = CORRESPONDENCES.iter().find(|(from, _)| {
            rest.starts_with(from)
                && !(from.ends_with('u')
                    && rest[2..].starts_with(|c: char| VOWELS.contains(&(c as u8))))
        });
        let (class, len) = match pair {
            Some((from, to)) => (*to, from.len()),
            None if VOWELS.contains(&bytes[at]) => ("", 1),
            None => (&rest[..1], 1),
        };
        if !class.is_empty() && !out[start..].ends_with(class) {
            out.push_str(class);
        }
        at += len;
    }
    if is_feminine(word) {
        out.push('~');
    }
}

/// Marks how a word begins when it begins with a vowel sound, which the
/// dropped vowels would otherwise lose (`Anna` is not `Yana`): a vowel
/// (`Aleksandr`, `Oleksandr`, `Ivan`), `e` or `ye` (`Evgeny`, `Yevgeny`), or
/// a glide and vowel (`Yana`, `Jana`, `Iana`, `Yulia`, `Iuliia`). Returns how
/// many letters the mark stands for.
fn initial_sound(word: &str, out: &mut String) -> usize {
    let glide = |c: u8| matches!(c, b'y' | b'j' | b'i');
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    match word.as_bytes() {
        [b'e', ..] => {
            out.push('E');
            1
        }
        [g, b'e', ..] if glide(*g) => {
            out.push('E');
            2
        }
        [g, v, ..] if glide(*g) && vowel(*v) => {
            out.push('Y');
            2
        }
        [v, ..] if vowel(*v) => {
            out.push('V');
            1
        }
        _ => 0,
    }
}

/// A final `-a` that marks a woman's name (`Aleksandra`, `Tikhanovskaya`,
/// `Kalesnikava`), not the Belarusian `-enka` that Russian writes `-enko`.
fn is_feminine(word: &str) -> bool {
    word.len() > 2 && word.ends_with('a') && !word.ends_with("nka")
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
        let key = name_key(name);
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

    fn same(a: &str, b: &str) -> bool {
        name_skeleton(a) == name_skeleton(b)
    }

    #[test]
    fn romanisations_of_one_name_share_a_skeleton() {
        for (a, b) in [
            ("Lukashenka", "Lukashenko"),
            ("Aliaksandr", "Alyaksandr"),
            ("Aliaksandr", "Alexander"),
            ("Alexander", "Aleksandr"),
            ("Oleksandr", "Aleksandr"),
            ("Tsikhanouskaya", "Tikhanovskaya"),
            ("Sviatlana", "Svetlana"),
            ("Kyiv", "Kiev"),
            ("Kharkiv", "Kharkov"),
            ("Dzmitry", "Dmitry"),
            ("Siarhei", "Sergei"),
            ("Zelenskyy", "Zelensky"),
            ("Volodymyr", "Vladimir"),
            ("Kalesnikava", "Kolesnikova"),
            ("Bălți", "Bălţi"),
            ("Yevgeny", "Evgeniy"),
            ("Yana", "Jana"),
            ("Sannikau", "Sannikov"),
            ("Ihar", "Igor"),
            ("Karpenka", "Karpenko"),
            ("Aliaksei", "Oleksiy"),
            ("Yulia", "Iuliia"),
        ] {
            assert!(
                same(a, b),
                "{a} / {b}: {} / {}",
                name_skeleton(a),
                name_skeleton(b)
            );
        }
    }

    #[test]
    fn different_names_keep_different_skeletons() {
        for (a, b) in [
            ("Aleksandr", "Aleksandra"),
            ("Tikhanovsky", "Tikhanovskaya"),
            ("Kowalski", "Kowalska"),
            ("Anna", "Piotr"),
            ("Lukashenka", "Lukashuk"),
            ("Ivan", "Ivana"),
            ("Makei", "Mikhail"),
            ("Anna", "Yana"),
            ("Elena", "Ulyana"),
        ] {
            assert!(!same(a, b), "{a} / {b}: {}", name_skeleton(a));
        }
    }

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
}
