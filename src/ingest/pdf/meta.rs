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
        take_byline(doc, after_title, &mut meta, &mut front, info);
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

/// The block on page 1 set in the largest type above body size. A series
/// band set in the title's type (`POLICY BRIEF` over the title, as large)
/// is passed over for the first block in that type that is not one.
fn title_block(doc: &Document) -> Option<usize> {
    let candidates: Vec<(usize, &Block)> = doc
        .blocks
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.page() == 0)
        .filter(|(_, b)| b.size() >= doc.body_size * 1.15 && b.text.chars().count() <= 250)
        .collect();
    let largest = candidates.iter().map(|(_, b)| b.size()).fold(0.0, f32::max);
    let mut in_title_type = candidates
        .into_iter()
        .filter(|(_, b)| b.size() >= largest - 0.25);
    let first = in_title_type.next()?;
    let title = std::iter::once(first)
        .chain(in_title_type)
        .find(|(_, b)| !is_series_band(&b.text))
        .unwrap_or(first);
    Some(title.0)
}

/// Short blocks right after the title: the byline and a printed date.
fn take_byline(
    doc: &mut Document,
    from: usize,
    meta: &mut Meta,
    front: &mut Vec<String>,
    info: &DocInfo,
) {
    while let Some(block) = doc.blocks.get(from) {
        if block.page() != 0 || block.text.chars().count() > 160 || block.kind == Kind::ListItem {
            return;
        }
        if let Some(date) = printed_date(&block.text).filter(|_| block.text.len() <= 60) {
            meta.date.get_or_insert(date);
        } else if let Some(names) =
            byline_as(&block.text, info.author.as_deref()).filter(|_| meta.authors.is_empty())
        {
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

/// The byline's names split as the document's Author field lists them,
/// when the byline prints just those names (`\maketitle` sets them side by
/// side with nothing between them but white); else [`byline`].
fn byline_as(text: &str, author: Option<&str>) -> Option<Vec<String>> {
    let listed = author.and_then(byline).filter(|names| {
        let printed = words_of(strip_byline_prefix(text));
        let joined = names.join(" ");
        let listed = words_of(&joined);
        !listed.is_empty() && printed == listed
    });
    listed.or_else(|| byline(text))
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&'))
        .filter(|w| !w.is_empty() && *w != "and")
        .collect()
}

fn strip_byline_prefix(text: &str) -> &str {
    let text = text.trim();
    ["By ", "by ", "Authors: ", "Author: ", "Authors ", "Author "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text)
}

/// `By Anna Kowalska and Jan Nowak` → the names; `None` when it is not a
/// byline. Names printed side by side with nothing between them
/// (`Anna Kowalska Jan Nowak Ewa Lis`, `\maketitle`'s authors) are read
/// as first and last names in pairs.
pub fn byline(text: &str) -> Option<Vec<String>> {
    let text = strip_byline_prefix(text);
    let mut names: Vec<String> = text
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    let name_word = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    let is_name = |name: &String| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=4).contains(&words.len()) && words.iter().all(|w| name_word(w))
    };
    if let [one] = names.as_slice() {
        let words: Vec<&str> = one.split_whitespace().collect();
        let side_by_side = words.len() >= 4 && words.len().is_multiple_of(2) && words.len() <= 16;
        if side_by_side && words.iter().all(|w| name_word(w) && !w.ends_with('.')) {
            names = words.chunks(2).map(|pair| pair.join(" ")).collect();
        }
    }
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

    fn block(text: &str, size: f32, baseline: f32) -> Block {
        let line = super::super::lines::Line {
            text: text.into(),
            x0: 50.0,
            x1: 400.0,
            baseline,
            size,
            bold: false,
            italic: false,
            page: 0,
        };
        Block {
            kind: Kind::Paragraph,
            aside: false,
            text: text.into(),
            lines: vec![line],
            region: 0,
        }
    }

    #[test]
    fn a_series_band_in_the_titles_type_is_not_the_title() {
        let mut doc = Document {
            blocks: vec![
                block("POLICY BRIEF", 17.0, 60.0),
                block("Kelvor and the Grid: A Quiet Shift", 17.0, 90.0),
                block("Ewa Lis Jan Nowak", 12.0, 115.0),
                block(
                    "Body text of the briefing, long enough to be the body.",
                    10.0,
                    150.0,
                ),
            ],
            body_size: 10.0,
        };
        let info = DocInfo::default();
        let meta = take(&mut doc, &info, &Found::default(), &mut Vec::new());
        assert_eq!(
            meta.title.as_deref(),
            Some("Kelvor and the Grid: A Quiet Shift")
        );
        assert_eq!(meta.series.as_deref(), Some("POLICY BRIEF"));
        assert_eq!(meta.authors, ["Ewa Lis", "Jan Nowak"]);
        assert_eq!(doc.blocks.len(), 1, "{doc:?}");
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
        assert_eq!(
            byline("Ewa Lis Jan Nowak Anna Kowalska").unwrap(),
            ["Ewa Lis", "Jan Nowak", "Anna Kowalska"]
        );
        assert_eq!(
            byline_as(
                "Anna Maria Dyrner Jan Nowak",
                Some("Anna Maria Dyrner, Jan Nowak")
            )
            .unwrap(),
            ["Anna Maria Dyrner", "Jan Nowak"]
        );
        assert_eq!(
            byline_as("By Ewa Lis and Jan Nowak", Some("Ewa Lis; Jan Nowak")).unwrap(),
            ["Ewa Lis", "Jan Nowak"]
        );
        assert!(!is_real_title("Microsoft Word - brief_final.docx"));
        assert!(!is_real_title(" "));
        assert!(is_real_title("Towards Deeper Integration"));
    }
}
