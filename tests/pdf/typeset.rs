//! Lays a briefing out as a fixture PDF the way think-tank briefings look:
//! a series band, title, byline and date on page 1; one to three columns;
//! running header and footer with page numbers and a web address; words
//! hyphenated at line ends; footnotes at the page foot; "Key points" boxes
//! that float to the next column. Returns the PDF and the truth to score it.

use super::writer::{text_width, Document, Face, Page};

/// A briefing's content.
#[derive(Debug, Clone, Default)]
pub struct Briefing {
    pub title: String,
    pub authors: Vec<String>,
    /// As printed on page 1, e.g. `24 February 2021`.
    pub printed_date: String,
    /// `YYYY-MM-DD` of `printed_date`.
    pub date: String,
    pub series: String,
    pub blocks: Vec<Block>,
}

/// A block of the body.
#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    /// A paragraph and, optionally, a footnote hung on its last word.
    Para(String, Option<String>),
    List(Vec<String>),
    /// A framed "Key points" box that floats to the top of the next column.
    KeyPoints(Vec<String>),
}

/// How the briefing is set.
#[derive(Debug, Clone)]
pub struct Layout {
    pub columns: usize,
    pub running_header: Option<String>,
    pub footer_url: Option<String>,
    pub page_numbers: bool,
    pub hyphenate: bool,
    /// The Info dictionary's Title (`None`: no title entry).
    pub info_title: Option<String>,
    pub info_author: Option<String>,
    pub body_size: f32,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            columns: 1,
            running_header: None,
            footer_url: None,
            page_numbers: true,
            hyphenate: true,
            info_title: None,
            info_author: None,
            body_size: 10.0,
        }
    }
}

/// What a perfect reading returns, and what must never show.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    pub paragraphs: Vec<String>,
    pub headings: Vec<String>,
    /// Running header, footer, web address and page-number strings.
    pub furniture: Vec<String>,
    pub footnotes: Vec<String>,
    pub pages: usize,
}

const MARGIN: f32 = 56.0;
const GUTTER: f32 = 18.0;
const FOOTNOTE_BAND: f32 = 70.0;

struct Cursor {
    doc: Document,
    columns: usize,
    column: usize,
    y: f32,
    top: f32,
    floats: Vec<Vec<String>>,
    footnotes: Vec<(usize, String)>,
    body_size: f32,
}

impl Cursor {
    fn column_width(&self) -> f32 {
        let n = self.columns as f32;
        (self.doc.width - 2.0 * MARGIN - (n - 1.0) * GUTTER) / n
    }

    fn column_x(&self) -> f32 {
        MARGIN + self.column as f32 * (self.column_width() + GUTTER)
    }

    fn bottom(&self) -> f32 {
        MARGIN + FOOTNOTE_BAND
    }

    fn page(&mut self) -> &mut Page {
        self.doc.pages.last_mut().unwrap()
    }

    /// Room for `height` more points in this column, or the next column.
    fn need(&mut self, height: f32) {
        if self.y - height >= self.bottom() {
            return;
        }
        if self.column + 1 < self.columns {
            self.column += 1;
        } else {
            self.doc.pages.push(Page::default());
            self.column = 0;
            self.top = self.doc.height - MARGIN;
        }
        self.y = self.top;
        for float in std::mem::take(&mut self.floats) {
            self.key_points(&float);
        }
    }

    fn line(&mut self, x_offset: f32, face: Face, size: f32, text: &str) {
        let leading = size * 1.3;
        self.need(leading);
        self.y -= leading;
        let (x, y) = (self.column_x() + x_offset, self.y);
        self.page().text(x, y, face, size, text);
    }

    fn key_points(&mut self, items: &[String]) {
        let width = self.column_width() - 12.0;
        let lines: Vec<Vec<String>> = items
            .iter()
            .map(|item| break_lines(item, width - 10.0, 9.0, false))
            .collect();
        let count: usize = lines.iter().map(Vec::len).sum();
        let height = 9.0 * 1.3 * count as f32 + 30.0;
        self.need(height);
        let (x, top) = (self.column_x(), self.y);
        let width = self.column_width();
        self.page().rect(x, top - height, width, height);
        self.y -= 4.0;
        self.line(6.0, Face::Bold, 10.0, "Key points");
        for item in lines {
            for (i, text) in item.iter().enumerate() {
                let shown = if i == 0 {
                    format!("\u{2022} {text}")
                } else {
                    text.clone()
                };
                self.line(if i == 0 { 6.0 } else { 13.0 }, Face::Regular, 9.0, &shown);
            }
        }
        self.y = top - height - 10.0;
    }
}

/// Greedy line breaking; a word that does not fit is hyphenated when
/// `hyphenate` (at a hyphen it has, or between letters).
pub fn break_lines(text: &str, width: f32, size: f32, hyphenate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut words: std::collections::VecDeque<String> =
        text.split_whitespace().map(str::to_string).collect();
    while let Some(word) = words.pop_front() {
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= width || line.is_empty() {
            line = candidate;
            continue;
        }
        if hyphenate {
            if let Some((head, tail)) = split_word(&word, &line, width, size) {
                lines.push(format!("{line} {head}"));
                line = String::new();
                words.push_front(tail);
                continue;
            }
        }
        lines.push(std::mem::take(&mut line));
        words.push_front(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest head of `word` (ending in a hyphen) that still fits after `line`.
fn split_word(word: &str, line: &str, width: f32, size: f32) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    for cut in (3..chars.len().saturating_sub(2)).rev() {
        let (head, tail): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        let real_hyphen = head.ends_with('-');
        let letters = chars[cut - 1].is_alphabetic() && chars[cut].is_alphabetic();
        if !real_hyphen && !letters {
            continue;
        }
        let shown = if real_hyphen {
            head.clone()
        } else {
            format!("{head}-")
        };
        if text_width(&format!("{line} {shown}"), size) <= width {
            return Some((shown, tail));
        }
    }
    None
}

/// Sets `briefing` in `layout`: the PDF and what reading it should give.
pub fn typeset(briefing: &Briefing, layout: &Layout) -> (Vec<u8>, Truth) {
    let mut doc = Document::a4();
    doc.pages.push(Page::default());
    let mut cursor = Cursor {
        top: doc.height - MARGIN,
        y: doc.height - MARGIN,
        doc,
        columns: layout.columns,
        column: 0,
        floats: Vec::new(),
        footnotes: Vec::new(),
        body_size: layout.body_size,
    };
    front_matter(&mut cursor, briefing);
    let mut truth = Truth::default();
    for block in &briefing.blocks {
        body_block(&mut cursor, block, layout, &mut truth);
    }
    let floats = std::mem::take(&mut cursor.floats);
    for float in floats {
        cursor.key_points(&float);
    }
    furniture(&mut cursor, layout, &mut truth);
    let mut doc = cursor.doc;
    if let Some(title) = &layout.info_title {
        doc.info.push(("Title".into(), title.clone()));
    }
    if let Some(author) = &layout.info_author {
        doc.info.push(("Author".into(), author.clone()));
    }
    doc.info
        .push(("Producer".into(), "dossier test writer".into()));
    truth.pages = doc.pages.len();
    (doc.to_bytes(), truth)
}

/// Series band, title, byline and date across the top of page 1.
fn front_matter(cursor: &mut Cursor, briefing: &Briefing) {
    let full = cursor.doc.width - 2.0 * MARGIN;
    let mut y = cursor.doc.height - MARGIN;
    let page = cursor.doc.pages.last_mut().unwrap();
    page.text(MARGIN, y, Face::Bold, 11.0, &briefing.series);
    page.text(
        cursor.doc.width - MARGIN - text_width(&briefing.printed_date, 9.0),
        y,
        Face::Regular,
        9.0,
        &briefing.printed_date,
    );
    y -= 36.0;
    for line in break_lines(&briefing.title, full, 20.0, false) {
        page.text(MARGIN, y, Face::Bold, 20.0, &line);
        y -= 25.0;
    }
    y -= 4.0;
    page.text(MARGIN, y, Face::Italic, 11.0, &briefing.authors.join(", "));
    y -= 22.0;
    cursor.top = y;
    cursor.y = y;
}

fn body_block(cursor: &mut Cursor, block: &Block, layout: &Layout, truth: &mut Truth) {
    let width = cursor.column_width();
    let size = cursor.body_size;
    match block {
        Block::Heading(text) => {
            cursor.need(size * 5.0);
            cursor.y -= size * 0.6;
            for line in break_lines(text, width, size + 2.0, false) {
                cursor.line(0.0, Face::Bold, size + 2.0, &line);
            }
            truth.headings.push(text.clone());
        }
        Block::Para(text, footnote) => {
            let lines = break_lines(text, width - 8.0, size, layout.hyphenate);
            for line in &lines {
                cursor.line(0.0, Face::Regular, size, line);
            }
            if let Some(note) = footnote {
                let number = cursor.footnotes.len() + 1;
                let x = cursor.column_x() + text_width(lines.last().unwrap(), size) + 0.5;
                let y = cursor.y + size * 0.35;
                cursor
                    .page()
                    .text(x, y, Face::Regular, size * 0.6, &number.to_string());
                let page = cursor.doc.pages.len() - 1;
                cursor.footnotes.push((page, note.clone()));
                truth.footnotes.push(note.clone());
            }
            cursor.y -= size * 0.6;
            truth.paragraphs.push(text.clone());
        }
        Block::List(items) => {
            for item in items {
                let lines = break_lines(item, width - 12.0, size, layout.hyphenate);
                for (i, line) in lines.iter().enumerate() {
                    let shown = if i == 0 {
                        format!("\u{2022} {line}")
                    } else {
                        line.clone()
                    };
                    cursor.line(if i == 0 { 0.0 } else { 8.0 }, Face::Regular, size, &shown);
                }
                truth.paragraphs.push(item.clone());
            }
            cursor.y -= size * 0.6;
        }
        Block::KeyPoints(items) => {
            cursor.floats.push(items.clone());
            truth.paragraphs.extend(items.iter().cloned());
        }
    }
}

/// Running header, footer (web address, page number) and footnotes.
fn furniture(cursor: &mut Cursor, layout: &Layout, truth: &mut Truth) {
    let (width, height) = (cursor.doc.width, cursor.doc.height);
    let pages = cursor.doc.pages.len();
    let footnotes = std::mem::take(&mut cursor.footnotes);
    for (index, page) in cursor.doc.pages.iter_mut().enumerate() {
        if let (Some(header), true) = (&layout.running_header, index > 0) {
            page.text(MARGIN, height - 30.0, Face::Regular, 8.0, header);
        }
        if let Some(url) = &layout.footer_url {
            page.text(MARGIN, 28.0, Face::Regular, 8.0, url);
        }
        if layout.page_numbers {
            let number = format!("{}", index + 1);
            page.text(
                width - MARGIN - text_width(&number, 8.0),
                28.0,
                Face::Regular,
                8.0,
                &number,
            );
        }
        let mut y = MARGIN + FOOTNOTE_BAND - 14.0;
        for (number, (_, note)) in footnotes.iter().enumerate().filter(|(_, n)| n.0 == index) {
            let text = format!("{} {note}", number + 1);
            for line in break_lines(&text, width - 2.0 * MARGIN, 7.5, false) {
                page.text(MARGIN, y, Face::Regular, 7.5, &line);
                y -= 9.5;
            }
        }
    }
    truth
        .furniture
        .extend(layout.running_header.iter().cloned());
    truth.furniture.extend(layout.footer_url.iter().cloned());
    if layout.page_numbers && pages > 1 {
        truth.furniture.extend((1..=pages).map(|n| n.to_string()));
    }
}
