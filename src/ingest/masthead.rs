//! Cover and masthead lines of a plain-text head told by shape and word
//! lists: issue lines, series bands, publication-kind words, section
//! headings, publishers' and periodicals' names, menu rows.

use super::head::{ends_sentence, has_web_address, word_count};
use super::written_date::month_of;

/// An issue line or masthead: a web address, or a capitalised issue word
/// and a number (`No. 176`, `Issue 12`, `NUMBER 176`, `ISSN 1234`) on a
/// short line.
pub(super) fn is_masthead(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let issue = words.windows(2).any(|pair| {
        let numbered = pair[1]
            .trim_start_matches('#')
            .starts_with(|c: char| c.is_ascii_digit());
        let capitalised = pair[0].starts_with(char::is_uppercase);
        numbered && capitalised && ISSUE_WORDS.contains(&pair[0].to_lowercase().as_str())
    });
    // The issue number stands alone (with at most a capitalised word:
    // `BULLETIN No. 85`), in a band (`|`), or after words that name the kind
    // of publication (`Policy Paper No. 3/2021`).
    let alone = words.len() <= 3
        && words.iter().all(|w| {
            !w.starts_with(char::is_lowercase) || ISSUE_WORDS.contains(&w.to_lowercase().as_str())
        });
    // `Riga Papers No. 12`: capitalised words before the issue word.
    let before_issue: Vec<&&str> = words
        .iter()
        .take_while(|w| !ISSUE_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let named = words.len() <= 6
        && before_issue.len() + 2 == words.len()
        && before_issue
            .iter()
            .all(|w| w.starts_with(char::is_uppercase));
    let banded = alone
        || named
        || line.contains('|')
        || words.iter().all(|w| {
            is_genre_line(w)
                || ISSUE_WORDS.contains(&w.to_lowercase().as_str())
                || w.starts_with(|c: char| c.is_ascii_digit())
        });
    words.len() <= 12 && !ends_sentence(line) && (issue && banded || has_web_address(line))
}

/// Words that number an issue or a publication.
const ISSUE_WORDS: &[&str] = &[
    "no.", "no", "nr", "nr.", "number", "issue", "vol.", "volume", "issn", "isbn", "heft", "numéro",
];

/// A short all-capitals line over the title: a series band.
pub(super) fn is_label(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && word_count(line) <= 3
        && !line.chars().any(char::is_lowercase)
        && !ends_sentence(line)
}

/// A series band: publication-kind words with at most one acronym and
/// issue numbers (`FIIA BRIEFING PAPER 319`, `EPC | POLICY BRIEF`).
pub(super) fn is_series_band(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    // `319`, `#27`
    let is_number = |w: &str| {
        w.trim_start_matches('#')
            .starts_with(|c: char| c.is_ascii_digit())
    };
    let numbered = words.iter().any(|w| is_number(w));
    let ends_numbered = words.last().is_some_and(|w| is_number(w));
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| !is_number(w))
        .filter(|w| month_of(w).is_none())
        .collect();
    let genre = words.iter().filter(|w| is_genre_line(w)).count();
    let names: Vec<&&str> = words.iter().filter(|w| !is_genre_line(w)).collect();
    let acronym = |w: &str| (2..=6).contains(&w.len()) && !w.chars().any(char::is_lowercase);
    // One publisher's word: an acronym, or with an issue number any
    // capitalised word (`Egmont Policy Brief 331 – February 2024`).
    // With the number last, a series of up to three capitalised words
    // (`Energy Security Brief 07`).
    let capitalised = |w: &&&str| w.starts_with(char::is_uppercase);
    let name_fits = match names.as_slice() {
        [] => true,
        [name] => acronym(name) || (numbered && name.starts_with(char::is_uppercase)),
        more => ends_numbered && more.len() <= 3 && more.iter().all(capitalised),
    };
    genre >= 1 && name_fits && words.len() <= 5
}

/// A row of menu items or buttons set apart by wide gaps (`About   Research
/// Events`, `Accept all    Manage preferences`): three or more short items.
pub(super) fn is_menu_row(line: &str) -> bool {
    let items: Vec<&str> = line
        .split("  ")
        .flat_map(|part| part.split('\t'))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    items.len() >= 3
        && items
            .iter()
            .all(|item| word_count(item) <= 3 && !ends_sentence(item))
}

/// The second line of a publisher's name set in capitals over two lines
/// (`ROYAL UNITED SERVICES INSTITUTE` / `FOR DEFENCE AND SECURITY STUDIES`).
pub(super) fn continues_publisher(previous: &str, line: &str) -> bool {
    let capitals = |l: &str| !l.chars().any(char::is_lowercase);
    let joins =
        |w: &str| ["of", "for", "and", "on", "in", "&"].contains(&w.to_lowercase().as_str());
    let first = line.split_whitespace().next().unwrap_or("");
    let last = previous.split_whitespace().last().unwrap_or("");
    is_publisher(previous)
        && capitals(previous)
        && capitals(line)
        && word_count(line) <= 8
        && (joins(first) || joins(last))
}

/// Words that name a kind of publication, in several languages.
const GENRE_WORDS: &[&str] = &[
    "policy",
    "paper",
    "papers",
    "brief",
    "briefing",
    "commentary",
    "comment",
    "analysis",
    "analyses",
    "report",
    "spotlight",
    "bulletin",
    "note",
    "notes",
    "working",
    "occasional",
    "insight",
    "memo",
    "focus",
    "flash",
    "update",
    "weekly",
    "monthly",
    "review",
    "studies",
    "study",
    "kommentar",
    "analyse",
    "analysen",
    "studie",
    "komentarz",
    "analiza",
    "biuletyn",
    "raport",
    "note",
    "étude",
    "notes",
    "briefs",
    "briefings",
    "reports",
    "comments",
    "commentaries",
    "bulletins",
    "opinion",
    "research",
    "expert",
];

/// A line made only of publication-kind words (`Policy Paper`, `OSW
/// Commentary` aside): a series band, never a title.
pub(super) fn is_genre_line(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    !words.is_empty() && words.len() <= 4 && words.iter().all(|w| GENRE_WORDS.contains(&w.as_str()))
}

/// Words that head a section of the body, never a title.
const SECTION_WORDS: &[&str] = &[
    "summary",
    "executive summary",
    "abstract",
    "key points",
    "key findings",
    "main points",
    "in brief",
    "introduction",
    "conclusions",
    "conclusion",
    "recommendations",
    "zusammenfassung",
    "einleitung",
    "résumé",
    "streszczenie",
    "wnioski",
];

pub(super) fn is_section_word(line: &str) -> bool {
    SECTION_WORDS.contains(&line.trim_end_matches([':', '.']).to_lowercase().as_str())
}

/// Words that make a short line the name of a publishing body.
const BODY_WORDS: &[&str] = &[
    "institute",
    "institut",
    "instytut",
    "centre",
    "center",
    "council",
    "foundation",
    "stiftung",
    "fondation",
    "university",
    "agency",
    "ośrodek",
    "association",
    "forum",
    "academy",
    "society",
];

/// A short line naming a publisher (`Finnish Institute of International
/// Affairs`): kept in the body, never the title.
///
/// A line of such names and acronyms set apart by bars or dashes (`ORF |
/// Observer Research Foundation`, `MERICS – Mercator Institute for China
/// Studies`) names a publisher too.
pub(super) fn is_publisher(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['|', '–', '—'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let acronym = |part: &str| {
        word_count(part) == 1
            && (2..=8).contains(&part.len())
            && !part.chars().any(char::is_lowercase)
    };
    let named = parts.iter().filter(|part| names_a_body(part)).count();
    match parts.as_slice() {
        [one] => names_a_body(one) && !line.contains([':', '?']),
        _ => named >= 1 && parts.iter().all(|part| acronym(part) || names_a_body(part)),
    }
}

/// A short name of a publishing body: a body word first or second (or
/// anywhere, in capitals), or capitalised words with a body word last or
/// before `of`/`for` (`The German Marshall Fund of the United States`).
fn names_a_body(part: &str) -> bool {
    let words: Vec<String> = part.split_whitespace().map(str::to_lowercase).collect();
    let body_at = words.iter().position(|w| BODY_WORDS.contains(&w.as_str()));
    let capitals = !part.chars().any(char::is_lowercase);
    if part.contains([':', '?']) || words.len() > 10 {
        return false;
    }
    if words.len() <= 8 && body_at.is_some_and(|at| at <= 1 || capitals) {
        return true;
    }
    let is_body = |w: &str| BODY_WORDS.contains(&w) || BODY_END_WORDS.contains(&w);
    let connectors = [
        "of", "for", "the", "and", "on", "de", "des", "du", "für", "&",
    ];
    let shaped = part
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || connectors.contains(&w));
    let body_placed = words.iter().enumerate().any(|(i, w)| {
        is_body(w) && (i + 1 == words.len() || ["of", "for"].contains(&words[i + 1].as_str()))
    });
    // `… Tell Us About Europe's Political Centre` wraps a title: a body's
    // name has no possessive past its second word.
    let possessive_late = words
        .iter()
        .skip(2)
        .any(|w| w.ends_with("'s") || w.ends_with("’s"));
    let opens_as_name = !possessive_late
        && ![
            "a", "an", "why", "how", "what", "when", "can", "is", "will", "does",
        ]
        .contains(&words[0].as_str());
    shaped && body_placed && opens_as_name && words.len() >= 2
}

/// Words that end the name of a periodical (`Caucasus Monitor`).
const PERIODICAL_WORDS: &[&str] = &[
    "monitor",
    "review",
    "digest",
    "watch",
    "observer",
    "dialogue",
    "journal",
    "herald",
    "gazette",
    "tribune",
    "chronicle",
    "magazine",
    "quarterly",
    "times",
    "post",
    "outlook",
];

/// Words that end the name of a publishing body (`Vistula Policy Centre`).
const BODY_END_WORDS: &[&str] = &[
    "network",
    "observatory",
    "initiative",
    "endowment",
    "fund",
    "group",
    "programme",
    "program",
    "school",
    "college",
    "office",
    "bureau",
    "council",
    "commission",
];

/// A short line of capitalised words naming a publisher or a periodical
/// (`Black Sea Policy Forum`, `Caucasus Monitor`): over a title,
/// a masthead; it could be a title itself, so
/// it is passed over only when a title follows.
pub(super) fn is_masthead_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || ["of", "for", "on", "and", "the", "&", "de", "für", "i"].contains(w)
    });
    let last = words
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .unwrap_or_default();
    let is_body = |w: &str| {
        let w = w.to_lowercase();
        BODY_WORDS.contains(&w.as_str()) || BODY_END_WORDS.contains(&w.as_str())
    };
    // `Carnegie Endowment for International Peace`
    let body_of = words
        .windows(2)
        .any(|pair| is_body(pair[0]) && ["of", "for"].contains(&pair[1]));
    let ends_well = is_body(&last)
        || body_of
        || (words.len() <= 3 && PERIODICAL_WORDS.contains(&last.as_str()));
    (2..=7).contains(&words.len())
        && capitalised
        && ends_well
        && !line.contains([':', '?', '—', '–', ','])
        // `The Long Watch` may be a title; `The Lindqvist Foundation` is none.
        && (!words[0].eq_ignore_ascii_case("the") || BODY_WORDS.contains(&last.as_str()))
}
