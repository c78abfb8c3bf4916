//! Dates as briefings print them in running text: `8 July 2015`, `July 8,
//! 2015`, `08.07.2015`, `8/7/2015` (day first), `2015-07-08`, `8. Juli
//! 2015`, `8 lipca 2015`, with month names in several languages. Only full
//! dates count; `July 2015` or `No. 12/2021` name no day.

use crate::model::date::Date;

/// Month names and their usual abbreviations, by language, each list
/// January first. Matching is case-insensitive, on a word's start (`Sept.`,
/// `Jul`), so genitive forms (`lipca`, `marca`) need their own entry only
/// when their start differs.
const MONTH_NAMES: &[[&str; 12]] = &[
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    [
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
    ],
];

/// The first full date written in `text`, in any of the forms above.
pub fn find_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '–' | '—'))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|i| date_at(&words[i..]))
}

/// A date starting at the first of `words`.
fn date_at(words: &[&str]) -> Option<Date> {
    let first = words[0];
    if let Some(date) = numeric_date(first) {
        return Some(date);
    }
    let number = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(['.', ',']);
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| digits.strip_suffix(s))
            .unwrap_or(digits);
        (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    // `8 July 2015`, `8. Juli 2015`, `8th of July 2015`
    if let (Some(day), Some(rest)) = (number(first), words.get(1..)) {
        let rest = if rest.first() == Some(&"of") {
            &rest[1..]
        } else {
            rest
        };
        if let (Some(month), Some(year)) = (rest.first().and_then(|w| month_of(w)), rest.get(1)) {
            return checked(number(year)?, month, day);
        }
    }
    // `July 8, 2015`, `July 8th 2015`
    let month = month_of(first)?;
    checked(number(words.get(2)?)?, month, number(words.get(1)?)?)
}

/// `2015-07-08`, `2015/07/08`, `08.07.2015`, `8/7/2015`, `08-07-2015`
/// (day before month unless the year leads).
fn numeric_date(word: &str) -> Option<Date> {
    let word = word.trim_end_matches(['.', ',', ';', ':']);
    let separator = word.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = word.split(separator).collect();
    let [a, b, c] = parts[..] else { return None };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    match (a.len(), c.len()) {
        (4, 1..=2) => checked(n(a)?, n(b)?, n(c)?),
        (1..=2, 4) => checked(n(c)?, n(b)?, n(a)?),
        _ => None,
    }
}

/// The month (1–12) a word names, by its start: `Jul`, `Sept.`, `lipca`.
pub(super) fn month_of(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    if word.chars().count() < 3 || word.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    MONTH_NAMES.iter().find_map(|names| {
        names
            .iter()
            .position(|name| name.starts_with(&word))
            .map(|i| i as u32 + 1)
    })
}

/// A real calendar day in a plausible year.
fn checked(year: u32, month: u32, day: u32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let text = format!("{year:04}-{month:02}-{day:02}");
    crate::model::date::parse_date(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        find_date(text).map(|d| d.to_string())
    }

    #[test]
    fn reads_dates_in_common_forms() {
        for (text, expected) in [
            ("NUMBER 176 | 08.07.2015 www.example.org", "2015-07-08"),
            ("No. 176 | 08.07.2015", "2015-07-08"),
            ("Published 8 July 2015", "2015-07-08"),
            ("8th of July 2015", "2015-07-08"),
            ("July 8, 2015", "2015-07-08"),
            ("Jul. 8th 2015", "2015-07-08"),
            ("Sept. 30, 2021", "2021-09-30"),
            ("2015-07-08", "2015-07-08"),
            ("2015/7/8", "2015-07-08"),
            ("8/7/2015", "2015-07-08"),
            ("Warschau, 8. Juli 2015", "2015-07-08"),
            ("Warszawa, 8 lipca 2015 r.", "2015-07-08"),
            ("le 8 juillet 2015", "2015-07-08"),
            ("(24 February 2022)", "2022-02-24"),
        ] {
            assert_eq!(found(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn partial_or_impossible_dates_are_not_dates() {
        for text in [
            "July 2015",
            "No. 12/2021",
            "31.02.2015",
            "page 8 of 12",
            "May we go",
            "1,000 MW in 2015",
            "Marcher 12 2015",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
