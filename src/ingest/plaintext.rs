//! Plain-text briefings, as text extracted from a PDF, turned into Markdown.
//!
//! PDF extraction leaves the title and authors as bare lines, section headings
//! as lines of their own, words hyphenated at line ends, and running page
//! labels (`PISM SPOTLIGHT`) dropped into the middle of split paragraphs. This
//! module undoes that, so the rest of the pipeline sees ordinary Markdown.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::head;
use crate::model::date::Date;

/// What a plain-text file yields.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PlainText {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// The first full date printed in the head (`08.07.2015`, `8 July 2015`).
    pub date: Option<Date>,
    /// The running label, title-cased (`PISM Spotlight`), when one was found.
    pub series: Option<String>,
    pub body: String,
}

/// Converts one file's text. `running_labels` holds lines found repeated
/// across files as page labels (see [`running_labels`]).
pub fn convert(text: &str, running_labels: &BTreeSet<String>) -> PlainText {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let head = head::read_head(&lines);
    let tail = super::web_chrome::tail_chrome(&lines);
    let body_lines: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if head.taken.contains(&i) || tail.contains(&i) {
                ""
            } else {
                line
            }
        })
        .collect();
    let (mut paragraphs, inner_label) = paragraphs_of(&body_lines, running_labels);
    let mut series = inner_label.map(|label| series_name(&label));
    paragraphs.retain(|p| {
        if is_page_label(p, running_labels) {
            series.get_or_insert_with(|| series_name(p));
            return false;
        }
        !is_page_number(p)
    });
    if series.is_none() {
        series = head.label.as_deref().map(series_name);
    }
    let paragraphs = join_split_paragraphs(paragraphs);
    let body = paragraphs
        .iter()
        .map(|p| {
            if is_heading(p) {
                format!("## {p}")
            } else {
                p.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    PlainText {
        title: head.title,
        authors: head.authors,
        date: head.date,
        series,
        body: body + "\n",
    }
}

/// Short lines that recur across several files and split a paragraph in at
/// least one of them: running headers and footers.
pub fn running_labels<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    let mut files_with_line: BTreeMap<String, usize> = BTreeMap::new();
    let mut splits: BTreeSet<String> = BTreeSet::new();
    for text in texts {
        let paragraphs = paragraphs(text);
        let mut seen = BTreeSet::new();
        for (i, paragraph) in paragraphs.iter().enumerate().skip(2) {
            if !is_short_line(paragraph) {
                continue;
            }
            if seen.insert(paragraph.clone()) {
                *files_with_line.entry(paragraph.clone()).or_default() += 1;
            }
            let next = paragraphs.get(i + 1);
            if !ends_sentence(&paragraphs[i - 1]) && next.is_some_and(|n| starts_lowercase(n)) {
                splits.insert(paragraph.clone());
            }
        }
    }
    files_with_line
        .into_iter()
        .filter(|(line, files)| *files >= 2 && splits.contains(line))
        .map(|(line, _)| line)
        .collect()
}

/// Paragraphs separated by blank lines, with wrapped lines joined and
/// end-of-line hyphenation undone.
fn paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    paragraphs_of(&lines, &BTreeSet::new()).0
}

/// Paragraphs of trimmed lines, with running labels that sit inside a
/// paragraph dropped (see [`is_inner_label`]); also gives the first such
/// label in capitals, as the series.
fn paragraphs_of(
    lines: &[&str],
    running_labels: &BTreeSet<String>,
) -> (Vec<String>, Option<String>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        *counts.entry(line).or_default() += 1;
    }
    let repeats =
        |line: &str| counts.get(line).is_some_and(|&n| n >= 2) || running_labels.contains(line);
    let mut result = Vec::new();
    let mut label = None;
    for block in lines.split(|l| l.is_empty()).filter(|b| !b.is_empty()) {
        let mut current = String::new();
        for (i, line) in block.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| block[j]);
            let after = block.get(i + 1).copied();
            if block.len() > 1 && is_inner_label(line, before, after, &repeats) {
                if is_capitals(line) {
                    label.get_or_insert_with(|| line.to_string());
                }
                continue;
            }
            if is_print_footer(line) || super::web_chrome::is_print_stamp(line) {
                continue;
            }
            let line = match list_item(line, before) {
                Some(item) => {
                    result.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
                    Cow::Owned(format!("- {item}"))
                }
                None => Cow::Borrowed(*line),
            };
            append_line(
                &mut current,
                &rejoin_broken_words(&super::letterspace::rejoin_letter_spaced(&line)),
            );
        }
        if !current.is_empty() {
            result.push(current);
        }
    }
    (result, label)
}

/// A line inside a paragraph that is a running label, not text: a short
/// line that recurs in the file (or across files) and does not end a
/// sentence, or a line of two or more words in capitals that splits a
/// sentence (the line before runs on, the line after goes on in lower case).
fn is_inner_label(
    line: &str,
    before: Option<&str>,
    after: Option<&str>,
    repeats: &dyn Fn(&str) -> bool,
) -> bool {
    if !is_short_line(line) || ends_sentence(line) {
        return false;
    }
    let splits = before.is_some_and(|b| !ends_sentence(b)) && after.is_some_and(starts_lowercase);
    let shouting = is_capitals(line) && line.split_whitespace().count() >= 2;
    let opens_upper = line.starts_with(|c: char| c.is_uppercase());
    (repeats(line) && opens_upper && line.split_whitespace().count() >= 2) || (shouting && splits)
}

/// The text of a line that opens a list item: after a bullet (`•`, `▪`),
/// or after a dash or star before a capital when the line before ended a
/// sentence, was a short heading or was an item itself.
fn list_item<'l>(line: &'l str, before: Option<&str>) -> Option<&'l str> {
    let mut chars = line.chars();
    let marker = chars.next()?;
    let rest = chars.as_str();
    let text = rest.trim_start();
    if text.is_empty() || !text.starts_with(|c: char| c.is_alphanumeric() || "“\"‘'(".contains(c))
    {
        return None;
    }
    let after_break =
        before.is_none_or(|b| ends_sentence(b) || is_short_line(b) || list_item(b, None).is_some());
    match marker {
        '•' | '▪' | '◦' | '●' | '■' | '►' | '▶' => Some(text),
        '-' | '–' | '*'
            if rest.starts_with(' ')
                && after_break
                && !text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) =>
        {
            Some(text)
        }
        _ => None,
    }
}

/// A browser's print footer: the page's address and a page counter
/// (`https://example.org/a/b        1/3`).
fn is_print_footer(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let address = words.next().is_some_and(|w| {
        w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
    });
    let counter = words.next().is_some_and(|w| {
        w.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && (a.to_owned() + b).chars().all(|c| c.is_ascii_digit())
        })
    });
    address && counter && words.next().is_none()
}

/// Letters, all in capitals (at least three of them).
fn is_capitals(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !line.chars().any(char::is_lowercase)
}

/// Rejoins words a PDF line break split and a space then followed, as in
/// `Lukashen- ka` or `inte- gration`: a hyphen after a letter, a space, and
/// a lower-case word that is not a conjunction (`pro- and anti-war` keeps
/// its hyphen).
fn rejoin_broken_words(line: &str) -> Cow<'_, str> {
    if !line.contains("- ") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("- ") {
        let (left, right) = (&rest[..at], &rest[at + 2..]);
        let next_word = right
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let broken = left.chars().last().is_some_and(char::is_alphabetic)
            && right.starts_with(|c: char| c.is_lowercase())
            && !CONJUNCTIONS.contains(&next_word);
        out.push_str(left);
        if !broken {
            out.push_str("- ");
        }
        rest = right;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Appends a wrapped line: `inte-` + `gration` joins to `integration`,
/// `Ust-` + `Luga` keeps its hyphen, anything else joins with a space.
pub(super) fn append_line(paragraph: &mut String, line: &str) {
    if paragraph.is_empty() {
        paragraph.push_str(line);
        return;
    }
    let hyphenated = paragraph.ends_with('-')
        && paragraph[..paragraph.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic);
    if hyphenated {
        if starts_lowercase(line) {
            paragraph.pop();
        }
        paragraph.push_str(line);
    } else {
        paragraph.push(' ');
        paragraph.push_str(line);
    }
}

/// Words after which a hanging hyphen is real (`pro- and anti-war`).
const CONJUNCTIONS: &[&str] = &[
    "and", "or", "nor", "to", "und", "oder", "et", "ou", "i", "lub", "albo",
];

fn is_page_label(paragraph: &str, running_labels: &BTreeSet<String>) -> bool {
    if running_labels.contains(paragraph) {
        return true;
    }
    let letters = paragraph.chars().filter(|c| c.is_alphabetic()).count();
    is_short_line(paragraph)
        && letters >= 3
        && !paragraph.chars().any(char::is_lowercase)
        && !ends_sentence(paragraph)
}

fn is_page_number(paragraph: &str) -> bool {
    let trimmed = paragraph
        .trim_start_matches("Page ")
        .trim_start_matches("page ");
    !trimmed.is_empty() && trimmed.len() <= 4 && trimmed.chars().all(|c| c.is_ascii_digit())
}

fn is_short_line(paragraph: &str) -> bool {
    paragraph.len() <= 60 && paragraph.split_whitespace().count() <= 6
}

/// `PISM SPOTLIGHT` → `PISM Spotlight`: short words stay as acronyms,
/// joining words go to lower case.
fn series_name(label: &str) -> String {
    label
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && ["of", "for", "and", "the", "on", "in", "to"].contains(&lower.as_str()) {
                return lower;
            }
            if word.chars().count() <= 4 && !(i == 0 && lower == "the") {
                return word.to_string();
            }
            let mut chars = word.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().to_string())
                .unwrap_or_default();
            first + &chars.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins a paragraph that ends mid-sentence with a following one that starts
/// in lower case: a page break (and its label) had split them.
fn join_split_paragraphs(paragraphs: Vec<String>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        match joined.last_mut() {
            Some(previous)
                if !ends_sentence(previous)
                    && !is_heading_question(previous)
                    && starts_lowercase(&paragraph) =>
            {
                previous.push(' ');
                previous.push_str(&paragraph);
            }
            _ => joined.push(paragraph),
        }
    }
    joined
}

/// A question standing alone, or a short title-like phrase: a section heading.
fn is_heading(paragraph: &str) -> bool {
    is_heading_question(paragraph) || is_title_phrase(paragraph)
}

fn is_heading_question(paragraph: &str) -> bool {
    paragraph.ends_with('?')
        && paragraph.split_whitespace().count() <= 25
        && !paragraph.contains(". ")
        && paragraph.chars().next().is_some_and(char::is_uppercase)
}

fn is_title_phrase(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && paragraph.chars().next().is_some_and(char::is_uppercase)
        && !paragraph.ends_with(|c: char| ".,;:!”\")".contains(c))
        && !paragraph.contains(['*', '['])
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(|c: char| ".?!:”\")…".contains(c))
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\n\nA Title—Of Sorts\n\nJane Roe and John Doe\n\nFirst paragraph \
        that runs on.\n\nWhat happened next?\n\nThe talks were about security\n\nPISM SPOTLIGHT\n\n\
        spheres and trade.\n\nConclusions\n\nIt ended inte-\ngration and Ust-\nLuga.\n";

    #[test]
    fn bullets_and_dashes_open_list_items_and_print_furniture_goes() {
        let text = "A Title\n\nThe opening paragraph is long enough to be read as prose by anyone.\n\nKey points\n- The first point runs\non to a second line.\n- The second point.\n\n\
            • A bullet item\n• Another one\n\nThe rate was 5\n- 3 per cent lower.\n\n\
            The talks went on until\nhttps://example.org/a/b/        2/3\n05/03/2024, 10:14     A Title • Site\nthe spring.\n";
        let body = convert(text, &BTreeSet::new()).body;
        assert!(
            body.contains("- The first point runs on to a second line.\n\n- The second point."),
            "{body}"
        );
        assert!(body.contains("- A bullet item\n\n- Another one"), "{body}");
        assert!(
            body.contains("The rate was 5 - 3 per cent lower."),
            "a dash inside a sentence is no item: {body}"
        );
        assert!(
            body.contains("The talks went on until the spring."),
            "{body}"
        );
    }

    #[test]
    fn series_names_keep_acronyms_and_lower_joining_words() {
        assert_eq!(series_name("PISM SPOTLIGHT"), "PISM Spotlight");
        assert_eq!(
            series_name("THE ROYAL INSTITUTE OF INTERNATIONAL AFFAIRS"),
            "The Royal Institute of International Affairs"
        );
    }

    #[test]
    fn reads_title_authors_and_series() {
        let plain = convert(SAMPLE, &BTreeSet::new());
        assert_eq!(plain.title.as_deref(), Some("A Title—Of Sorts"));
        assert_eq!(plain.authors, vec!["Jane Roe", "John Doe"]);
        assert_eq!(plain.series.as_deref(), Some("PISM Spotlight"));
    }

    #[test]
    fn removes_label_and_joins_split_paragraph() {
        let plain = convert(SAMPLE, &BTreeSet::new());
        assert!(!plain.body.contains("SPOTLIGHT"));
        assert!(plain
            .body
            .contains("The talks were about security spheres and trade."));
    }

    #[test]
    fn finds_headings_and_undoes_hyphenation() {
        let plain = convert(SAMPLE, &BTreeSet::new());
        assert!(plain.body.contains("## What happened next?\n"));
        assert!(plain.body.contains("## Conclusions\n"));
        assert!(plain.body.contains("It ended integration and Ust-Luga."));
    }

    #[test]
    fn labels_inside_a_paragraph_are_dropped() {
        let text = "Grid Notes\n\nA Title Here\n\nThe region depends on\nEASTERN GRID MONITOR\n\
            imports through its neighbour, and the link\nGrid Watch Weekly\nis old. Tests ran\n\
            Grid Watch Weekly\ntwice. The alliance\nNATO\nagreed.\n";
        let plain = convert(text, &BTreeSet::new());
        assert!(
            plain.body.contains(
                "The region depends on imports through its neighbour, and the link is old. \
                 Tests ran twice. The alliance NATO agreed."
            ),
            "{}",
            plain.body
        );
        assert_eq!(plain.series.as_deref(), Some("Eastern GRID Monitor"));
    }

    #[test]
    fn words_split_by_a_line_break_hyphen_and_space_rejoin() {
        assert_eq!(
            rejoin_broken_words("met Alyaksandr Lukashen- ka and the pro- and anti-war camps"),
            "met Alyaksandr Lukashenka and the pro- and anti-war camps"
        );
        assert_eq!(rejoin_broken_words("Russia- Belarus"), "Russia- Belarus");
    }

    #[test]
    fn repeated_mid_paragraph_lines_are_labels() {
        let a = "T\n\nA B\n\nSome text that\n\nThink Tank Notes\n\ncontinues here.\n";
        let b = "U\n\nC D\n\nOther text.\n\nThink Tank Notes\n\nNew paragraph.\n";
        let labels = running_labels([a, b].into_iter());
        assert!(labels.contains("Think Tank Notes"));
        let plain = convert(a, &labels);
        assert!(plain.body.contains("Some text that continues here."));
    }
}
