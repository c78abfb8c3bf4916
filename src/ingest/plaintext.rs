//! Plain-text briefings, as text extracted from a PDF, turned into Markdown.
//!
//! PDF extraction leaves the title and authors as bare lines, section headings
//! as lines of their own, words hyphenated at line ends, and running page
//! labels (`PISM SPOTLIGHT`) dropped into the middle of split paragraphs. This
//! module undoes that, so the rest of the pipeline sees ordinary Markdown.

use std::collections::{BTreeMap, BTreeSet};

/// What a plain-text file yields.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PlainText {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// The running label, title-cased (`PISM Spotlight`), when one was found.
    pub series: Option<String>,
    pub body: String,
}

/// Converts one file's text. `running_labels` holds lines found repeated
/// across files as page labels (see [`running_labels`]).
pub fn convert(text: &str, running_labels: &BTreeSet<String>) -> PlainText {
    let mut paragraphs = paragraphs(text);
    let title = take_title(&mut paragraphs);
    let authors = take_byline(&mut paragraphs);
    let mut series = None;
    paragraphs.retain(|p| {
        if is_page_label(p, running_labels) {
            series.get_or_insert_with(|| series_name(p));
            return false;
        }
        !is_page_number(p)
    });
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
        title,
        authors,
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
    let mut result = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                result.push(std::mem::take(&mut current));
            }
            continue;
        }
        append_line(&mut current, line);
    }
    if !current.is_empty() {
        result.push(current);
    }
    result
}

/// Appends a wrapped line: `inte-` + `gration` joins to `integration`,
/// `Ust-` + `Luga` keeps its hyphen, anything else joins with a space.
fn append_line(paragraph: &mut String, line: &str) {
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

fn take_title(paragraphs: &mut Vec<String>) -> Option<String> {
    let first = paragraphs.first()?;
    if first.split_whitespace().count() > 30 || is_heading_question(first) {
        return None;
    }
    Some(paragraphs.remove(0))
}

fn take_byline(paragraphs: &mut Vec<String>) -> Vec<String> {
    match paragraphs.first() {
        Some(line) if looks_like_byline(line) => split_names(&paragraphs.remove(0)),
        _ => Vec::new(),
    }
}

/// A line of one to a few names: capitalised words, commas and `and`, no
/// sentence punctuation and no digits.
fn looks_like_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || line.len() > 120 || ends_sentence(line) {
        return false;
    }
    if line
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, ':' | ';' | '?' | '!'))
    {
        return false;
    }
    words.iter().all(|word| {
        let word = word.trim_end_matches(',');
        matches!(word, "and" | "&" | "de" | "van" | "von" | "der")
            || word.chars().next().is_some_and(char::is_uppercase)
    }) && words.len() >= 2
}

fn split_names(line: &str) -> Vec<String> {
    line.split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect()
}

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

/// `PISM SPOTLIGHT` → `PISM Spotlight`: short words stay as acronyms.
fn series_name(label: &str) -> String {
    label
        .split_whitespace()
        .map(|word| {
            if word.chars().count() <= 4 {
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
    fn repeated_mid_paragraph_lines_are_labels() {
        let a = "T\n\nA B\n\nSome text that\n\nThink Tank Notes\n\ncontinues here.\n";
        let b = "U\n\nC D\n\nOther text.\n\nThink Tank Notes\n\nNew paragraph.\n";
        let labels = running_labels([a, b].into_iter());
        assert!(labels.contains("Think Tank Notes"));
        let plain = convert(a, &labels);
        assert!(plain.body.contains("Some text that continues here."));
    }
}
