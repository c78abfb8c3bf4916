//! Scores a reading against the truth the typesetter recorded: furniture
//! leaked, paragraphs whole, body F1 on words, title, authors and date.

use std::collections::BTreeMap;

use dossier::ingest::extracted::Extracted;

use super::typeset::{Briefing, Truth};

/// One document's scores.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub leaks: usize,
    pub paragraphs: usize,
    pub whole: usize,
    pub f1: f64,
    pub title: bool,
    pub authors: bool,
    pub date: bool,
}

/// Lower-cased words, footnote references and Markdown marks dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[^") {
        clean.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let skip = after.find(']').map_or(0, |i| i + 1);
        clean.push(' ');
        rest = &after[skip..];
    }
    clean.push_str(rest);
    clean
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace(['\\', '*'], "")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The reading's paragraphs: blank-line separated, quote marks dropped.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    text.split("\n\n")
        .flat_map(|chunk| chunk.split("\n>\n"))
        .map(words)
        .filter(|p| !p.is_empty())
        .collect()
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn bag(words: &[String]) -> BTreeMap<&str, usize> {
    let mut bag = BTreeMap::new();
    for word in words {
        *bag.entry(word.as_str()).or_insert(0) += 1;
    }
    bag
}

/// F1 of two bags of words.
pub fn f1(expected: &[String], got: &[String]) -> f64 {
    let (want, have) = (bag(expected), bag(got));
    let common: usize = want
        .iter()
        .map(|(w, n)| (*n).min(*have.get(w).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / got.len() as f64;
    let recall = common as f64 / expected.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// Furniture strings found in the text: each running header or address
/// occurrence, and each page number beyond the body's own numbers.
pub fn leaks(text: &str, truth: &Truth, expected: &[String]) -> usize {
    let got = words(text);
    let (want, have) = (bag(expected), bag(&got));
    truth
        .furniture
        .iter()
        .map(|item| {
            let needle = words(item);
            if needle.len() == 1 && needle[0].chars().all(|c| c.is_ascii_digit()) {
                let extra = have.get(needle[0].as_str()).unwrap_or(&0);
                extra.saturating_sub(*want.get(needle[0].as_str()).unwrap_or(&0))
            } else {
                got.windows(needle.len().max(1))
                    .filter(|w| *w == needle.as_slice())
                    .count()
            }
        })
        .sum()
}

/// Scores `reading` of `briefing` against `truth`.
pub fn score(reading: &Extracted, briefing: &Briefing, truth: &Truth) -> Score {
    let expected: Vec<String> = truth
        .headings
        .iter()
        .chain(&truth.paragraphs)
        .chain(&truth.footnotes)
        .flat_map(|t| words(t))
        .collect();
    let got_paragraphs = paragraphs(&reading.text);
    let whole = truth
        .paragraphs
        .iter()
        .filter(|p| got_paragraphs.iter().any(|g| contains(g, &words(p))))
        .count();
    Score {
        leaks: leaks(&reading.text, truth, &expected),
        paragraphs: truth.paragraphs.len(),
        whole,
        f1: f1(&expected, &words(&reading.text)),
        title: reading.title.as_deref().map(words) == Some(words(&briefing.title)),
        authors: reading.authors == briefing.authors,
        date: reading.date.as_deref() == Some(briefing.date.as_str()),
    }
}
