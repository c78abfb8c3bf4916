//! How well a reader found a saved web page's article: F1 on 4-gram word
//! shingles against `expected.html`, and title, byline and date against
//! `expected-metadata.json` of `../shared/corpora/readability-pages/`.
//! Shared by `examples/score_webpages.rs` and `tests/webpages.rs`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Node};

/// The readability-pages corpus, or a message saying where it is expected.
pub fn corpus_dir() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/readability-pages");
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "the web-page corpus is missing: expected {} (the test pages of mozilla/readability, \
             one folder per page with source.html, expected.html and expected-metadata.json)",
            dir.display()
        ))
    }
}

/// One page of the corpus.
pub struct Case {
    pub name: String,
    pub source: Vec<u8>,
    pub expected_text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// Every page of the corpus, in name order.
pub fn cases(dir: &Path) -> Vec<Case> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    names.sort();
    names.iter().map(|p| case(p)).collect()
}

fn case(dir: &Path) -> Case {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
    let meta: serde_json::Value =
        serde_json::from_slice(&read("expected-metadata.json")).unwrap_or_default();
    let field = |key: &str| {
        meta.get(key)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    Case {
        name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        source: read("source.html"),
        expected_text: html_text(&String::from_utf8_lossy(&read("expected.html"))),
        title: field("title"),
        byline: field("byline"),
        date: field("publishedTime").and_then(|d| d.get(..10).map(String::from)),
    }
}

/// The text of an HTML document or fragment, block elements apart.
pub fn html_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut text = String::new();
    for node in document.tree.root().descendants() {
        match node.value() {
            Node::Text(t) => {
                let inside_script = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript"))
                });
                if !inside_script {
                    text.push_str(t);
                }
            }
            Node::Element(element) if !INLINE.contains(&element.name()) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Elements that run inside a line of text: no word break around them.
const INLINE: [&str; 20] = [
    "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u",
];

/// The text of Markdown: what a reader sees, without link targets or syntax.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut in_image = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            // An image's alt text is an attribute in HTML, not text.
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) if in_image == 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Lower-cased words; each Chinese, Japanese or Korean character counts as
/// a word, as those scripts put no spaces between words.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) || !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word).to_lowercase());
            }
            if is_cjk(c) {
                words.push(c.to_string());
            }
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        words.push(word.to_lowercase());
    }
    words
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words = words(text);
    let mut counts = HashMap::new();
    if words.len() < 4 {
        if !words.is_empty() {
            *counts.entry(words).or_default() += 1;
        }
        return counts;
    }
    for window in words.windows(4) {
        *counts.entry(window.to_vec()).or_default() += 1;
    }
    counts
}

/// F1 of the 4-gram word shingles (a multiset) of `found` against `expected`.
pub fn shingle_f1(found: &str, expected: &str) -> f64 {
    let (found, expected) = (shingles(found), shingles(expected));
    let total = |s: &HashMap<Vec<String>, usize>| s.values().sum::<usize>();
    let (found_total, expected_total) = (total(&found), total(&expected));
    if found_total == 0 || expected_total == 0 {
        return if found_total == expected_total {
            1.0
        } else {
            0.0
        };
    }
    let common: usize = found
        .iter()
        .map(|(s, &n)| n.min(expected.get(s).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / found_total as f64;
    let recall = common as f64 / expected_total as f64;
    if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

fn normalised(text: &str) -> String {
    words(text).join(" ")
}

/// Titles match when their words match (case and punctuation aside).
pub fn same_title(found: Option<&str>, expected: &str) -> bool {
    found.is_some_and(|f| normalised(f) == normalised(expected))
}

/// A byline matches when, "By" and punctuation aside, the authors found are
/// the expected byline or are all named in it.
pub fn same_byline(found: &[String], expected: &str) -> bool {
    let strip = |s: &str| {
        let n = normalised(s);
        n.strip_prefix("by ").map(String::from).unwrap_or(n)
    };
    let expected = strip(expected);
    let joined = strip(&found.join(" "));
    !found.is_empty()
        && (joined == expected
            || found
                .iter()
                .all(|a| !strip(a).is_empty() && expected.contains(&strip(a))))
}

/// Scores per page and in all.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    pub pages: usize,
    pub f1_sum: f64,
    pub titles: (usize, usize),
    pub bylines: (usize, usize),
    pub dates: (usize, usize),
}

impl Totals {
    /// Adds one page's result.
    pub fn add(
        &mut self,
        case: &Case,
        text: &str,
        title: Option<&str>,
        authors: &[String],
        date: Option<&str>,
    ) -> f64 {
        let f1 = shingle_f1(text, &case.expected_text);
        self.pages += 1;
        self.f1_sum += f1;
        if let Some(expected) = &case.title {
            self.titles.1 += 1;
            self.titles.0 += usize::from(same_title(title, expected));
        }
        if let Some(expected) = &case.byline {
            self.bylines.1 += 1;
            self.bylines.0 += usize::from(same_byline(authors, expected));
        }
        if let Some(expected) = &case.date {
            self.dates.1 += 1;
            self.dates.0 += usize::from(date == Some(expected.as_str()));
        }
        f1
    }

    pub fn f1(&self) -> f64 {
        self.f1_sum / self.pages.max(1) as f64
    }

    pub fn share((right, of): (usize, usize)) -> f64 {
        right as f64 / of.max(1) as f64
    }
}
