//! The head of a plain-text briefing read for its metadata: text pulled
//! from a PDF or a web page opens with cover furniture, navigation and
//! viewer chrome, a masthead, the title, a byline and a date, in any order.
//! Each line of the head is told apart by its shape (length, case,
//! punctuation, position) and by word lists kept as data
//! (`data/ingest/page_chrome.txt`), never by what one publisher prints.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::byline::{author_box, byline_names, is_name_line, name_list, split_names};
use super::letterspace::rejoin_letter_spaced;
use super::masthead::{
    continues_publisher, is_genre_line, is_label, is_masthead, is_masthead_name, is_menu_row,
    is_publisher, is_section_word, is_series_band,
};
use super::written_date::find_date;
use crate::model::date::Date;

/// What the head of a text tells, and which of its lines it used.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<Date>,
    /// A short all-capitals label over the title (`POLICY BRIEF`).
    pub label: Option<String>,
    /// Lines (indexes into the lines given) that are metadata or chrome,
    /// to leave out of the body.
    pub taken: BTreeSet<usize>,
    /// Lines that are no title but stay in the body (a publisher's name).
    pub kept: BTreeSet<usize>,
}

/// The most lines a head runs to.
const MAX_HEAD_LINES: usize = 40;
/// How many lines after the title a bare name line may stand as a byline
/// (one with a date or a post beside it; a line of names alone must follow
/// the title right away).
const BYLINE_REACH: usize = 3;

/// Reads the head of a text given as trimmed lines.
pub fn read_head(lines: &[&str]) -> Head {
    // Letter-spaced cover type (`E UROPEAN P OLICY C ENTRE`) read whole.
    let repaired: Vec<Cow<str>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| match i < MAX_HEAD_LINES {
            true => rejoin_letter_spaced(line),
            false => Cow::Borrowed(*line),
        })
        .collect();
    let lines: Vec<&str> = repaired.iter().map(|line| line.as_ref()).collect();
    read_lines(&lines)
}

fn read_lines(lines: &[&str]) -> Head {
    let end = head_end(lines);
    let mut head = Head::default();
    let mut title_at: Option<usize> = None;
    // The line a name line must follow to be a byline: the title's last,
    // an `Authors` label, or a name line before it.
    let mut names_after: Option<usize> = None;
    for (i, &line) in lines.iter().enumerate().take(end) {
        if line.is_empty() || head.taken.contains(&i) {
            continue;
        }
        let near_title = title_at.is_some_and(|t| i <= t + BYLINE_REACH);
        let named = names_after.is_some_and(|n| n + 1 == i) && is_name_line(line);
        if named || is_authors_label(line) {
            head.authors
                .extend(names_under_title(line).into_iter().filter(|_| named));
            head.taken.insert(i);
            names_after = Some(i);
            continue;
        }
        if i > 0 && head.kept.contains(&(i - 1)) && continues_publisher(lines[i - 1], line) {
            head.mark(i, Line::Kept);
            continue;
        }
        let body_before = i > 0 && !head.taken.contains(&(i - 1)) && !head.kept.contains(&(i - 1));
        if body_before && wrapped_through(lines, i) {
            continue;
        }
        if let Some(kind) = classify(line, next_line(lines, i), &mut head, near_title) {
            head.mark(i, kind);
            continue;
        }
        // A title opens its block (what stands over it in the block being
        // furniture), never the middle of a wrapped paragraph.
        let opens_block = i == 0 || lines[i - 1].is_empty() || !body_before;
        if head.title.is_some() || !opens_block || !looks_like_title(line, next_line(lines, i)) {
            continue;
        }
        // A publisher's or periodical's name over the title.
        if (is_masthead_name(line) || is_cover_caps(lines, i)) && title_follows(lines, i + 1, end) {
            head.mark(i, Line::Kept);
            continue;
        }
        // Some covers put the author over the title.
        let names = name_list(line);
        if !names.is_empty() && !ends_sentence(line) && title_follows(lines, i + 1, end) {
            head.authors.extend(names);
            head.mark(i, Line::Taken);
            continue;
        }
        let (title, last) = title_lines(lines, i, end);
        head.title = Some(title);
        head.taken.extend(i..=last);
        (title_at, names_after) = (Some(last), Some(last));
    }
    if head.authors.is_empty() {
        head.authors = author_box(lines);
    }
    head
}

/// The authors and date of a byline line written into a Markdown body
/// (`*By Jane Roe · 8 July 2015*`): it must open with `By`/`Author:` or
/// hold a date beside the names.
pub fn body_byline(line: &str) -> Option<(Vec<String>, Option<Date>)> {
    let line = line.trim().trim_matches(['*', '_']).trim();
    if word_count(line) > 20 {
        return None;
    }
    let date = find_date(line);
    let names = match date {
        Some(_) => byline_beside_date(line, true),
        None => byline_names(line, false),
    };
    (!names.is_empty()).then_some((names, date))
}

/// A line that only announces the names under it (`Authors`, `By:`).
fn is_authors_label(line: &str) -> bool {
    let label = line.trim_end_matches([':', ' ']).to_lowercase();
    [
        "authors",
        "author",
        "author(s)",
        "by",
        "written by",
        "autoren",
        "auteurs",
    ]
    .contains(&label.as_str())
}

/// The names of a name line right under the title (`By` dropped).
fn names_under_title(line: &str) -> Vec<String> {
    let opened = byline_names(line, true);
    if opened.is_empty() {
        split_names(line)
    } else {
        opened
    }
}

impl Head {
    fn mark(&mut self, i: usize, kind: Line) {
        match kind {
            Line::Kept => self.kept.insert(i),
            Line::Taken => self.taken.insert(i),
        };
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// Metadata or chrome, left out of the body.
    Taken,
    /// Not a title, but part of the body (a publisher, a section word).
    Kept,
}

/// Classifies a line that is not a title: chrome, a date line, a byline,
/// a masthead, a label, a publisher. Records what it tells in `head`.
fn classify(line: &str, next: Option<&str>, head: &mut Head, near_title: bool) -> Option<Line> {
    if let Some(date) = find_date(line).filter(|_| word_count(line) <= 12) {
        head.date.get_or_insert(date);
        // `Author: Jane Roe | 08.07.2015`, `Jane Roe | 8 July 2015`
        head.authors.extend(byline_beside_date(line, near_title));
        return Some(Line::Taken);
    }
    if is_chrome(line) || is_menu_row(line) {
        return Some(Line::Taken);
    }
    let authors = byline_names(line, near_title);
    if !authors.is_empty() {
        head.authors.extend(authors);
        return Some(Line::Taken);
    }
    // A masthead stands on its own line; one that wraps on into the next
    // line in lower case is a sentence that happens to hold 'No. 3'.
    if is_masthead(line) && !runs_into(line, next) {
        return Some(Line::Taken);
    }
    if head.title.is_none() && (is_label(line) || is_genre_line(line) || is_series_band(line)) {
        head.label.get_or_insert_with(|| line.to_string());
        return Some(Line::Taken);
    }
    if is_section_word(line) || is_publisher(line) {
        return Some(Line::Kept);
    }
    None
}

/// Where the head ends: at the first line of prose, and at most
/// [`MAX_HEAD_LINES`] lines in.
fn head_end(lines: &[&str]) -> usize {
    let limit = lines.len().min(MAX_HEAD_LINES);
    (0..limit)
        .find(|&i| is_prose(lines[i], next_line(lines, i)) && !is_chrome(lines[i]))
        .unwrap_or(limit)
}

/// Whether a sentence wraps through line `i` from a body line above into
/// a lower-case line below: the line is body text, whatever it holds
/// ('… said\nBY the river they\nmet …').
fn wrapped_through(lines: &[&str], i: usize) -> bool {
    i > 0
        && !lines[i - 1].is_empty()
        && !ends_sentence(lines[i - 1])
        && runs_into(lines[i], next_line(lines, i))
}

fn next_line<'l>(lines: &[&'l str], i: usize) -> Option<&'l str> {
    lines.get(i + 1).copied().filter(|l| !l.is_empty())
}

/// A line of running text: long and ending a sentence, or wrapped into a
/// next line that goes on in lower case (a byline aside).
fn is_prose(line: &str, next: Option<&str>) -> bool {
    let words = word_count(line);
    (words >= 14 && ends_sentence(line))
        || (words >= 9 && runs_into(line, next) && !is_title_case(line))
        || words > 40
}

/// Whether a line is wrapped into the next, which goes on in lower case
/// (and is no byline).
fn runs_into(line: &str, next: Option<&str>) -> bool {
    next.is_some_and(|n| starts_lowercase(n) && byline_names(n, true).is_empty())
        && !ends_sentence(line)
}

/// Most longer words capitalised, as in a headline.
fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capitalised * 10 >= long.len() * 7
}

/// Whether a line looks like a title: a few words opening in upper case,
/// no sentence or list punctuation at its end, no web address, not a
/// heading word, and not the start of wrapped prose.
fn looks_like_title(line: &str, next: Option<&str>) -> bool {
    let words = word_count(line);
    let opens_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c));
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    (2..=30).contains(&words)
        && opens_well
        && letters * 2 > line.chars().filter(|c| !c.is_whitespace()).count()
        && !line.ends_with([';', '|', '/', '('])
        // A comma ends no title, unless a headline wraps after it.
        && (!line.ends_with(',') || (is_title_case(line) && next.is_some_and(is_title_case)))
        // `Title:` runs on into its second line.
        && !(line.ends_with(':') && next.is_none())
        // A sentence is prose, not a title, unless it is short and in
        // headline case: taking it would also lose it from the body.
        && !(line.ends_with('.') && (words > 12 || !is_title_case(line)))
        && !has_web_address(line)
        && !is_section_word(line)
        && !is_genre_line(line)
        && (is_title_case(line) || !runs_into(line, next))
}

/// The title starting at line `first`, with a continuation line joined when
/// the title visibly runs on (it ends in a joining word or a colon or dash,
/// or the next line opens in lower case). Gives the last line used.
///
/// A next line in headline case under a title line too short to have
/// wrapped (`wrap_width` is the text's longest line) is a subtitle, joined
/// after a colon.
fn title_lines(lines: &[&str], first: usize, end: usize) -> (String, usize) {
    let wrap_width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut title = lines[first].to_string();
    let mut last = first;
    while last + 1 < end && word_count(&title) < 25 {
        let next = lines[last + 1];
        let runs_on = title.ends_with([':', '–', '—', '-', ','])
            || JOINING_WORDS.contains(&last_word(&title).to_lowercase().as_str())
            || starts_lowercase(next);
        if next.is_empty() || !byline_names(next, true).is_empty() || is_chrome(next) {
            break;
        }
        if runs_on {
            super::plaintext::append_line(&mut title, next);
        } else if last == first && is_subtitle(lines[last], next, wrap_width) {
            // A title that already has its break (a colon, a dash, a
            // question: `A Thaw? The Deal`) wrapped onto this line.
            let joiner = if title.contains([':', '–', '—', '?']) {
                " "
            } else {
                ": "
            };
            title = format!("{}{joiner}{next}", title.trim_end());
        } else {
            break;
        }
        last += 1;
    }
    (title, last)
}

/// Whether `next`, right under the title line `line`, is its subtitle (or,
/// when `line` has a colon, the rest of it): in headline case, no
/// sentence, date, label or publisher, and `line` ended short of the wrap
/// width (so `next` did not wrap from it).
fn is_subtitle(line: &str, next: &str, wrap_width: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let room_left = line.chars().count() + 1 + first_word.chars().count() < wrap_width;
    (room_left || line.contains([':', '–', '—']))
        && is_title_case(next)
        && next.chars().any(char::is_lowercase)
        && word_count(next) <= 16
        && !ends_sentence(next)
        && !is_furniture(next)
}

/// A line of the head that is never the title nor part of it: chrome, a
/// name line, a date, a masthead, a label, a publisher, a menu row.
fn is_furniture(line: &str) -> bool {
    is_chrome(line)
        || !name_list(line).is_empty()
        || find_date(line).is_some()
        || is_masthead(line)
        || is_label(line)
        || is_genre_line(line)
        || is_section_word(line)
        || is_publisher(line)
        || is_menu_row(line)
}

/// Words after which a title line cannot end.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "between", "from", "at",
    "by", "as", "its", "their", "und", "der", "die", "das", "et", "de", "la", "le", "i", "w", "z",
];

fn last_word(text: &str) -> &str {
    text.split_whitespace().last().unwrap_or("")
}

/// A cover's first line in capitals (`GREAT LAKES CONFLICT MONITOR`) over
/// a furniture line (a series band, a date, an address): the publisher's or
/// series' name, not the title, when a title follows.
fn is_cover_caps(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    lines[..i].iter().all(|l| l.is_empty())
        && line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase)
        && lines[i + 1..]
            .iter()
            .find(|l| !l.is_empty())
            .is_some_and(|next| is_furniture(next) || has_web_address(next))
}

/// Whether a line from `from` on (before `end`) could be the title.
fn title_follows(lines: &[&str], from: usize, end: usize) -> bool {
    (from..end).any(|i| {
        let line = lines[i];
        !line.is_empty() && !is_furniture(line) && looks_like_title(line, next_line(lines, i))
    })
}

fn chrome_lines() -> &'static BTreeSet<String> {
    static LINES: OnceLock<BTreeSet<String>> = OnceLock::new();
    LINES.get_or_init(|| {
        include_str!("../../data/ingest/page_chrome.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect()
    })
}

/// Navigation, viewer controls and cover furniture: a line from the chrome
/// list (or one opening a breadcrumb with it), a breadcrumb trail, or a
/// line with no letters or digits.
pub(super) fn is_chrome(line: &str) -> bool {
    let lower = line
        .trim_end_matches(['.', ':', '!', '…', ' '])
        .to_lowercase();
    let list = chrome_lines();
    if list.contains(&lower) {
        return true;
    }
    let opens_trail = lower
        .split(['>', '»', '/', '|', ':', '›'])
        .next()
        .is_some_and(|first| first.len() < lower.len() && list.contains(first.trim()));
    let separators = line.matches(['>', '»', '›']).count();
    let bare = !line.chars().any(char::is_alphanumeric);
    opens_trail || separators >= 2 || bare || super::web_chrome::is_web_chrome(line)
}

/// The authors of a line that also holds a date (`Jane Roe | 8 July 2015`,
/// `Author: Jane Roe, 08.07.2015`): its parts without digits read as a
/// byline.
fn byline_beside_date(line: &str, near_title: bool) -> Vec<String> {
    let opened = byline_names(line, false);
    if !opened.is_empty() {
        return opened;
    }
    let undated: Vec<&str> = line
        .split(['|', '·', ','])
        .map(str::trim)
        .filter(|part| !part.is_empty() && !part.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if undated.is_empty() {
        return Vec::new();
    }
    let names = undated.join(", ");
    match byline_names(&names, near_title) {
        found if found.is_empty() && near_title && is_name_line(&names) => split_names(&names),
        found => found,
    }
}

pub(super) fn has_web_address(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.contains("www.") || lower.contains("http://") || lower.contains("https://") || {
        lower.split_whitespace().any(|w| {
            let w = w.trim_end_matches(['.', ',', ')']);
            w.contains('@')
                || [".org", ".com", ".pl", ".de", ".eu", ".fi", ".net", ".int"]
                    .iter()
                    .any(|tld| w.ends_with(tld) && w.len() > tld.len() + 2 && !w.contains(' '))
        })
    }
}

pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(|c: char| ".?!”\")…".contains(c))
}

#[cfg(test)]
#[path = "head_tests.rs"]
mod tests;
