//! The briefing's metadata from page 1 and the document's own fields: title
//! (Info/XMP when it is a real title, else the largest type on page 1),
//! authors (the byline), date (printed on page 1, else the creation date)
//! and series (the band above the title, else a running label). The lines
//! they came from leave the body.

use super::blocks::{Block, Document, Kind};
use super::furniture::{is_page_number, is_web_address, Found};
use super::source::DocInfo;
use crate::model::date::{parse_date, MONTHS};

#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub series: Option<String>,
}

/// Takes the metadata out of `doc`'s first blocks.
pub fn take(doc: &mut Document, info: &DocInfo, found: &Found, warnings: &mut Vec<String>) -> Meta {
    let mut meta = Meta::default();
    let title_at = title_block(doc);
    let mut front: Vec<String> = Vec::new();
    if let Some(at) = title_at {
        let title_top = doc.blocks[at].lines[0].baseline;
        meta.title = Some(doc.blocks[at].text.clone());
        let mut keep = Vec::with_capacity(doc.blocks.len());
        let mut after_title = 0;
        for (index, block) in std::mem::take(&mut doc.blocks).into_iter().enumerate() {
            if index == at {
                after_title = keep.len();
            }
            let above =
                block.page() == 0 && block.lines[0].baseline < title_top && block.text.len() < 120;
            if index == at || above {
                if above {
                    front.push(block.text);
                }
            } else {
                keep.push(block);
            }
        }
        doc.blocks = keep;
        take_byline(doc, after_title, &mut meta, &mut front);
    }
    take_lone_date(doc, &mut meta);
    if let Some(title) = info.title.as_deref().filter(|t| is_real_title(t)) {
        meta.title = Some(title.to_string());
    } else if let Some(title) = info.title.as_deref().filter(|t| !t.trim().is_empty()) {
        warnings.push(format!("the document's title field ({title:?}) is not a real title: the largest type on page 1 was used"));
    }
    if meta.authors.is_empty() {
        meta.authors = info.author.as_deref().and_then(byline).unwrap_or_default();
    }
    let printed = front
        .iter()
        .chain(&found.first_page)
        .find_map(|t| printed_date(t));
    meta.date = meta.date.take().or(printed).or(info.created.clone());
    meta.series = series(&front, found, meta.title.as_deref());
    meta
}

/// The block on page 1 set in the largest type above body size.
fn title_block(doc: &Document) -> Option<usize> {
    doc.blocks
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.page() == 0)
        .filter(|(_, b)| b.size() >= doc.body_size * 1.15 && b.text.chars().count() <= 250)
        .max_by(|a, b| a.1.size().total_cmp(&b.1.size()).then(b.0.cmp(&a.0)))
        .map(|(index, _)| index)
}

/// Short blocks right after the title: the byline and a printed date.
fn take_byline(doc: &mut Document, from: usize, meta: &mut Meta, front: &mut Vec<String>) {
    while let Some(block) = doc.blocks.get(from) {
        if block.page() != 0 || block.text.chars().count() > 160 || block.kind == Kind::ListItem {
            return;
        }
        if let Some(date) = printed_date(&block.text).filter(|_| block.text.len() <= 60) {
            meta.date.get_or_insert(date);
        } else if let Some(names) = byline(&block.text).filter(|_| meta.authors.is_empty()) {
            meta.authors = names;
        } else if is_series_band(&block.text) {
            front.push(block.text.clone());
        } else {
            return;
        }
        doc.blocks.remove(from);
    }
}

/// A page-1 block that is nothing but a date (printed in a corner).
fn take_lone_date(doc: &mut Document, meta: &mut Meta) {
    let lone = doc.blocks.iter().position(|b: &Block| {
        b.page() == 0
            && b.text.chars().count() <= 40
            && printed_date(&b.text).is_some()
            && b.text.split_whitespace().count() <= 5
    });
    if let Some(index) = lone {
        let date = printed_date(&doc.blocks[index].text);
        meta.date = meta.date.take().or(date);
        doc.blocks.remove(index);
    }
}

/// `SPOTLIGHT`, `BULLETIN No. 85`: a short line in capitals.
fn is_series_band(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    text.chars().count() <= 50
        && letters.len() >= 3
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 7
}

fn series(front: &[String], found: &Found, title: Option<&str>) -> Option<String> {
    let usable = |t: &&String| {
        !is_web_address(t)
            && !is_page_number(t)
            && printed_date(t).is_none()
            && Some(t.as_str()) != title
    };
    let band = front.iter().filter(usable).find(|t| is_series_band(t));
    band.or_else(|| found.labels.iter().find(usable)).cloned()
}

/// A title field that is a title, not a file name or a placeholder.
pub fn is_real_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    let file_like = [
        ".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".tex", ".dvi", ".qxd", ".txt", ".ps",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    let placeholder = [
        "microsoft word",
        "untitled",
        "document",
        "slide 1",
        "title",
        "presentation",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    lower.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !file_like && !placeholder
}

/// `By Anna Kowalska and Jan Nowak` → the names; `None` when it is not a byline.
pub fn byline(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    let text = ["By ", "by ", "Authors: ", "Author: ", "Authors ", "Author "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    let names: Vec<String> = text
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    let is_name = |name: &String| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
            })
    };
    (!names.is_empty() && names.len() <= 8 && names.iter().all(is_name)).then_some(names)
}

/// The first full date printed in `text`: `24 February 2021`,
/// `February 24, 2021`, `24 Feb. 2021`, `2021-02-24`; as `YYYY-MM-DD`.
pub fn printed_date(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_string())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Ok(date) = parse_date(word.trim_matches(|c: char| !c.is_ascii_digit())) {
            if word.len() == 10 {
                return Some(date.to_string());
            }
        }
        let Some(month) = month_number(word) else {
            continue;
        };
        let day_before = i.checked_sub(1).and_then(|j| day_number(&words[j]));
        let day_after = words.get(i + 1).and_then(|w| day_number(w));
        let year_at = if day_before.is_some() { i + 1 } else { i + 2 };
        let year = words
            .get(year_at)
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<u16>().ok());
        if let (Some(day), Some(year)) = (day_before.or(day_after), year) {
            if let Ok(date) = parse_date(&format!("{year:04}-{month:02}-{day:02}")) {
                return Some(date.to_string());
            }
        }
    }
    None
}

fn month_number(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == lower || (lower.len() >= 3 && lower.len() <= 4 && m.starts_with(&lower))
        })
        .map(|index| index + 1)
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let day: u8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_dates_in_the_forms_briefings_use() {
        assert_eq!(
            printed_date("24 February 2021").as_deref(),
            Some("2021-02-24")
        );
        assert_eq!(
            printed_date("Warsaw, 3rd March 2020").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(
            printed_date("February 24, 2021").as_deref(),
            Some("2021-02-24")
        );
        assert_eq!(
            printed_date("No. 12/2021, 5 Jan. 2021").as_deref(),
            Some("2021-01-05")
        );
        assert_eq!(printed_date("2021-02-24").as_deref(), Some("2021-02-24"));
        assert_eq!(printed_date("No. 12/2021"), None);
        assert_eq!(printed_date("May we say 30 things in 2021"), None);
    }

    #[test]
    fn bylines_and_titles() {
        assert_eq!(
            byline("By Anna Maria Dyrner").unwrap(),
            ["Anna Maria Dyrner"]
        );
        assert_eq!(
            byline("Jan Nowak and Ewa Lis").unwrap(),
            ["Jan Nowak", "Ewa Lis"]
        );
        assert_eq!(
            byline("Authors: Ewa Lis, Jan Nowak").unwrap(),
            ["Ewa Lis", "Jan Nowak"]
        );
        assert_eq!(byline("The meeting was held in Sochi"), None);
        assert!(!is_real_title("Microsoft Word - brief_final.docx"));
        assert!(!is_real_title(" "));
        assert!(is_real_title("Towards Deeper Integration"));
    }
}
