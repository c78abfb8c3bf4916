//! Authors as a text's head names them: a byline (`by …`, `Author(s): …`,
//! `Name, Analyst`, or a bare line of names near the title) or an
//! `X is an analyst at Y` box, told from roles and honorifics by word lists.

use super::head::{ends_sentence, has_web_address, is_chrome, word_count};
use super::masthead::{is_genre_line, is_publisher};

/// The authors a byline names: `by …`, `Author(s): …`, `Name, Analyst`, or
/// (near the title) a bare line of names. Empty if the line is no byline.
pub(super) fn byline_names(line: &str, near_title: bool) -> Vec<String> {
    let lower = line.to_lowercase();
    if let Some(rest) = BYLINE_OPENERS
        .iter()
        .find_map(|opener| lower.strip_prefix(opener).map(|_| &line[opener.len()..]))
    {
        return names_in(rest.trim_start_matches([':', ' ']));
    }
    let parts = parts_of(line);
    let has_role = parts.iter().any(|p| is_role(p));
    let names = name_list(line);
    if has_role && !names.is_empty() && word_count(line) <= 16 {
        return names;
    }
    if near_title && !has_role && names.len() == parts.len() && !ends_sentence(line) {
        return names;
    }
    Vec::new()
}

/// A line of one to a few names right under the title: capitalised words,
/// commas and `and`, no sentence punctuation, no digits, no post. Names
/// made of common words (`Rata Savberg`) count here, where a byline stands.
pub(super) fn is_name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=12).contains(&words.len()) || line.len() > 120 || ends_sentence(line) {
        return false;
    }
    if line
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, ':' | ';' | '?' | '!'))
        || is_role(line)
        || is_chrome(line)
        || is_publisher(line)
        || is_genre_line(line)
        || words.iter().all(|w| !w.chars().any(char::is_lowercase))
    {
        return false;
    }
    words.iter().all(|word| {
        let word = word.trim_end_matches(',');
        word == "and"
            || word == "&"
            || PARTICLES.contains(&word)
            || word.starts_with(char::is_uppercase)
    }) && split_names(line)
        .iter()
        .all(|n| (2..=4).contains(&word_count(n)))
}

/// `Jane Roe, John Doe and Ann Poe` → the three names.
pub(super) fn split_names(line: &str) -> Vec<String> {
    line.split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

/// What opens a byline, lower-case, longest first where one starts another.
const BYLINE_OPENERS: &[&str] = &[
    "written by ",
    "co-author(s):",
    "co-authors:",
    "co-author:",
    "author(s):",
    "authors:",
    "author:",
    "autorzy:",
    "autor:",
    "autoren:",
    "auteurs :",
    "auteurs:",
    "auteur :",
    "auteur:",
    "by ",
];

/// The names in a list after a byline opener; role parts are skipped.
/// The opener vouches for names made of common words (`Aminata Sow`).
fn names_in(list: &str) -> Vec<String> {
    parts_of(list)
        .into_iter()
        .filter(|p| !is_role(p))
        .filter_map(|p| vouched_name(&p))
        .collect()
}

/// A person's name after a byline opener: two to four capitalised words.
fn vouched_name(part: &str) -> Option<String> {
    person_name(part).or_else(|| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let cased = |w: &&str| is_capitalised(w) && w.chars().any(char::is_lowercase);
        ((2..=4).contains(&words.len()) && words.iter().all(cased)).then(|| words.join(" "))
    })
}

/// The names of a line made only of names and roles (at least one name).
pub(super) fn name_list(line: &str) -> Vec<String> {
    if line.len() > 160 || line.contains(['?', '!', '“', '"']) || has_web_address(line) {
        return Vec::new();
    }
    let parts = parts_of(line);
    let names: Vec<String> = parts.iter().filter_map(|p| person_name(p)).collect();
    let all_accounted = parts.iter().all(|p| is_role(p) || person_name(p).is_some());
    if all_accounted {
        names
    } else {
        Vec::new()
    }
}

/// A line cut at commas, `and`, `&`, `;`, `|` and dashes between words.
fn parts_of(line: &str) -> Vec<String> {
    line.split([',', ';', '|', '&', '·', '/'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" – "))
        .flat_map(|part| part.split(" — "))
        .flat_map(|part| part.split(" - "))
        .map(|part| part.trim().trim_end_matches('.').trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

/// Words that describe a person's post, in several languages.
const ROLE_WORDS: &[&str] = &[
    "analyst",
    "analysts",
    "fellow",
    "researcher",
    "research",
    "director",
    "professor",
    "expert",
    "head",
    "associate",
    "editor",
    "senior",
    "lecturer",
    "journalist",
    "correspondent",
    "consultant",
    "chair",
    "adviser",
    "advisor",
    "coordinator",
    "specialist",
    "manager",
    "scholar",
    "economist",
    "historian",
    "deputy",
    "programme",
    "program",
    "member",
    "founder",
    "visiting",
    "officer",
    "student",
    "candidate",
    "analystin",
    "wissenschaftler",
    "wissenschaftlerin",
    "referent",
    "referentin",
    "leiter",
    "leiterin",
    "analityk",
    "analityczka",
    "ekspert",
    "ekspertka",
    "chercheur",
    "chercheuse",
];

/// A part of a byline that names a post (`Senior Analyst`, `Head of the
/// Eastern Programme`), not a person.
fn is_role(part: &str) -> bool {
    part.split(|c: char| !c.is_alphabetic())
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Honorifics that may stand before a name in a byline.
const HONORIFICS: &[&str] = &["Dr", "Dr.", "Prof", "Prof.", "Mr", "Ms", "Mrs", "Amb."];

/// A person's name: two to four capitalised words (particles allowed),
/// whose first word is a known given name or none of whose words is a
/// common word; an honorific before it is dropped.
fn person_name(part: &str) -> Option<String> {
    let mut words: Vec<&str> = part.split_whitespace().collect();
    while words.first().is_some_and(|w| HONORIFICS.contains(w)) {
        words.remove(0);
    }
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let particle = |w: &str| PARTICLES.contains(&w);
    if !words.iter().all(|w| is_capitalised(w) || particle(w)) || particle(words[0]) {
        return None;
    }
    let lexicon = crate::extract::lexicon::builtin();
    let given = lexicon.given_names.contains(words[0].trim_end_matches('.'))
        || crate::model::names::is_hyphenated_given_name(words[0]);
    let initial = words[0].len() == 2 && words[0].ends_with('.');
    let common = words
        .iter()
        .filter(|w| !particle(w))
        .any(|w| lexicon.common_words.contains(&w.to_lowercase()));
    let shouting = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    (!shouting && (given || initial || !common)).then(|| words.join(" "))
}

/// A word of a name: a capital, then letters, hyphens, apostrophes or a
/// full stop (`O’Neill`, `Min-seo`, `J.`).
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || "-'’.".contains(c))
}

/// Lower-case words inside names (`Ursula von der Leyen`).
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "la", "al", "bin", "dos", "das", "do",
    "del", "della", "ter", "ten", "ibn", "bint", "el",
];

/// An `X is an analyst at Y` box anywhere in the text: a short paragraph
/// opening with a person's name, then `is` or `was` and a post.
pub(super) fn author_box(lines: &[&str]) -> Vec<String> {
    let mut authors = Vec::new();
    for line in lines {
        for sentence in line.split(". ") {
            if let Some(name) = box_sentence(sentence) {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }
    authors
}

fn box_sentence(sentence: &str) -> Option<String> {
    let at = [" is ", " was ", " works as "]
        .iter()
        .filter_map(|verb| sentence.find(verb))
        .min()?;
    let (name, rest) = sentence.split_at(at);
    let post: String = rest
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    (is_role(&post) && word_count(name) <= 4)
        .then(|| person_name(name))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opener_vouches_for_names_of_common_words_and_hyphenated_given_names() {
        assert_eq!(
            byline_names("By Chinedu Okafor and Aminata Sow — 18 July 2025", false),
            ["Chinedu Okafor", "Aminata Sow"]
        );
        assert_eq!(
            byline_names("Author: Min-seo Park", false),
            ["Min-seo Park"]
        );
        assert_eq!(byline_names("Mark Sow Grain", false), Vec::<String>::new());
    }
}
