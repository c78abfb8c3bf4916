//! Running headers and footers, page numbers and web addresses in the
//! margins: found by where they sit (the top and bottom tenth of the page)
//! and by repeating across pages, and taken out of the text.

use std::collections::{BTreeMap, BTreeSet};

use super::lines::Line;
use super::source::PageText;

/// What was taken out, for the metadata.
#[derive(Debug, Default)]
pub struct Found {
    /// Running labels (not page numbers or addresses), first seen first,
    /// with page numbers stripped: series candidates.
    pub labels: Vec<String>,
    /// Page 1's removed lines, where a printed date may sit.
    pub first_page: Vec<String>,
}

/// Removes the furniture from `pages` (lines per page).
pub fn remove(pages: &mut [Vec<Line>], texts: &[PageText]) -> Found {
    let heights: Vec<f32> = texts.iter().map(|t| t.height.max(1.0)).collect();
    let in_band = |line: &Line| {
        let height = heights[line.page];
        line.baseline < height * 0.1 || line.baseline > height * 0.9
    };
    let band_pages = pages_per_key(pages, |l| in_band(l));
    let body_size = body_size(pages);
    let placed_pages = pages_per_key(pages, |_| true);
    let page_count = pages.len();
    let mut found = Found::default();
    for page in pages.iter_mut() {
        page.retain(|line| {
            let key = key(line);
            let banded = in_band(line);
            let placed_key = placed(line, &key);
            // Notes differing in their digits only (`1 Ibid.`, `4 Ibid.`)
            // sit wherever the text above them ends; a running footer that
            // starts with the page number sits in one place on every page.
            let band_key = if note_like(&line.text) {
                &placed_key
            } else {
                &key
            };
            let repeats_in_band = banded && band_pages.get(band_key).is_some_and(|p| p.len() >= 2);
            let repeats_in_place = line.text.chars().count() <= 80
                && placed_pages
                    .get(&placed_key)
                    .is_some_and(|p| p.len() >= 3 && p.len() * 2 >= page_count);
            let pattern = banded && (is_page_number(&line.text) || is_web_address(&line.text));
            let furniture = repeats_in_band
                || repeats_in_place
                || pattern
                || (banded && lone_label(line, &heights, body_size));
            if furniture {
                if !pattern {
                    let label = strip_page_number(&line.text);
                    if !label.is_empty() && !found.labels.contains(&label) {
                        found.labels.push(label);
                    }
                }
                if line.page == 0 {
                    found.first_page.push(line.text.clone());
                }
            }
            !furniture
        });
    }
    found
}

/// The size most characters are set in.
fn body_size(pages: &[Vec<Line>]) -> f32 {
    let mut chars: BTreeMap<i32, usize> = BTreeMap::new();
    for line in pages.iter().flatten() {
        *chars.entry((line.size * 2.0).round() as i32).or_default() += line.text.len();
    }
    chars
        .into_iter()
        .max_by_key(|&(size, count)| (count, -size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

/// A running label that shows once (a header on page 2 of a two-page
/// file): a short line in smaller type than the body, in the top band of
/// a page after the first, or in the bottom band beside a page number.
fn lone_label(line: &Line, heights: &[f32], body_size: f32) -> bool {
    let top = line.baseline < heights[line.page] * 0.1;
    // A footnote (`1 Ibid.`) has a number too, but before its words.
    let numbered = strip_page_number(&line.text) != line.text && !note_like(&line.text);
    line.size < body_size - 0.4
        && line.text.chars().count() <= 80
        && ((top && line.page > 0) || (!top && numbered))
}

/// Pages on which each line key occurs (among lines `counted` accepts).
/// Keys cover both the bare text and text at a position (see [`placed`]).
fn pages_per_key(
    pages: &[Vec<Line>],
    counted: impl Fn(&Line) -> bool,
) -> BTreeMap<String, BTreeSet<usize>> {
    let mut map: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for line in pages.iter().flatten().filter(|l| counted(l)) {
        let key = key(line);
        map.entry(placed(line, &key)).or_default().insert(line.page);
        map.entry(key).or_default().insert(line.page);
    }
    map
}

/// The text with digits as `#` (page numbers vary), lower-cased.
fn key(line: &Line) -> String {
    line.text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The key at a position rounded to 6 points.
fn placed(line: &Line, key: &str) -> String {
    format!("{key}@{}", (line.baseline / 6.0).round())
}

/// `4 Ibid.`, `12 Statement by…`: a number, then words (a footnote).
fn note_like(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let number = words.next().unwrap_or("");
    let next = words.next().unwrap_or("");
    (1..=3).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && next.starts_with(char::is_alphabetic)
}

/// `12`, `Page 3`, `Page 3 of 9`, `3 / 9`, `- 3 -`, `iv`.
pub fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("page").unwrap_or(&lower).trim();
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '-' | '\u{2013}'))
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    let roman = |w: &str| w.len() <= 5 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    !words.is_empty()
        && words.len() <= 2
        && words
            .iter()
            .all(|w| (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit())) || roman(w))
}

/// `www.example.org`, `https://...`, `example.org/briefings`.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim().to_ascii_lowercase();
    if text.contains("://") || text.starts_with("www.") {
        return true;
    }
    !text.contains(' ')
        && [
            ".org", ".com", ".eu", ".net", ".int", ".gov", ".edu", ".pl", ".uk", ".de",
        ]
        .iter()
        .any(|tld| text.ends_with(tld) || text.contains(&format!("{tld}/")))
}

/// A label without the page number printed next to it.
fn strip_page_number(text: &str) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !is_page_number(w) && !matches!(*w, "|" | "-" | "\u{2013}"))
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_addresses() {
        for yes in ["3", "Page 3", "page 3 of 12", "3 / 12", "- 3 -", "iv"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2021 elections", "Zapad-2021", "PISM", "Key points"] {
            assert!(!is_page_number(no), "{no}");
        }
        assert!(is_web_address("www.example-institute.org"));
        assert!(is_web_address("https://example.org/briefs/12"));
        assert!(!is_web_address("The institute, 2021."));
        assert_eq!(strip_page_number("PISM SPOTLIGHT | 3"), "PISM SPOTLIGHT");
    }

    fn line(text: &str, baseline: f32, size: f32, page: usize) -> Line {
        Line {
            text: text.into(),
            x0: 50.0,
            x1: 300.0,
            baseline,
            size,
            bold: false,
            italic: false,
            page,
        }
    }

    /// Three pages of body text with `foot` lines at the page foot.
    fn remaining(foot: &[(&str, f32, usize)]) -> Vec<String> {
        let mut pages: Vec<Vec<Line>> = (0..3)
            .map(|page| vec![line(["One.", "Two.", "Three."][page], 400.0, 10.0, page)])
            .collect();
        for &(text, baseline, page) in foot {
            pages[page].push(line(text, baseline, 8.0, page));
        }
        let texts = vec![
            PageText {
                height: 842.0,
                runs: Vec::new(),
            };
            3
        ];
        remove(&mut pages, &texts);
        pages.into_iter().flatten().map(|l| l.text).collect()
    }

    #[test]
    fn footnotes_differing_in_digits_are_not_running_footers() {
        let kept = remaining(&[
            ("1 Ibid.", 770.0, 0),
            ("4 Ibid.", 790.0, 1),
            ("2 Statement by the board, 2022.", 780.0, 2),
        ]);
        assert!(kept.contains(&"1 Ibid.".to_string()), "{kept:?}");
        assert!(kept.contains(&"4 Ibid.".to_string()), "{kept:?}");
        assert!(
            kept.iter().any(|t| t.starts_with("2 Statement")),
            "{kept:?}"
        );
        let gone = remaining(&[
            ("1 Policy Brief", 815.0, 0),
            ("2 Policy Brief", 815.0, 1),
            ("3 Policy Brief", 815.0, 2),
        ]);
        assert_eq!(gone.len(), 3, "{gone:?}");
    }
}
