//! Lines to blocks: paragraphs (split on spacing, indent, style and early
//! line ends), headings (larger or bold type), list items, asides (boxes in
//! smaller type) and footnotes; words hyphenated at line ends rejoined, and
//! paragraphs split across columns and pages joined again.

use std::collections::{BTreeMap, BTreeSet};

use super::lines::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Paragraph,
    ListItem,
    Footnote,
}

/// A block of text in reading order.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    /// Set in other type than the body flow: a box or sidebar.
    pub aside: bool,
    pub text: String,
    pub lines: Vec<Line>,
    /// Index of the page region (column stretch) it was read from.
    pub region: usize,
}

impl Block {
    pub fn page(&self) -> usize {
        self.lines[0].page
    }

    pub fn size(&self) -> f32 {
        self.lines.iter().map(|l| l.size).fold(0.0, f32::max)
    }

    fn in_flow(&self) -> bool {
        !self.aside && self.kind != Kind::Footnote
    }
}

/// The document as blocks, with the body type it was measured against.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub body_size: f32,
}

/// The type most characters are set in: its size, and whether it is bold.
struct Body {
    size: f32,
    bold: bool,
    leading: f32,
}

/// Builds the blocks of a document from its pages' regions.
pub fn build(pages: Vec<Vec<Vec<Line>>>) -> Document {
    let regions: Vec<Vec<Line>> = pages.into_iter().flatten().collect();
    let body = body_type(&regions);
    let words = vocabulary(&regions);
    let mut blocks = Vec::new();
    for (index, region) in regions.iter().enumerate() {
        for lines in split_region(region, &body) {
            blocks.push(classify(lines, index, &body, &words));
        }
    }
    mark_asides(&mut blocks);
    let blocks = join_across_breaks(blocks, &words);
    Document {
        blocks,
        body_size: body.size,
    }
}

fn rounded(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

fn weight(line: &Line) -> usize {
    line.text.chars().count()
}

fn body_type(regions: &[Vec<Line>]) -> Body {
    let mut sizes: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    for line in regions.iter().flatten() {
        let entry = sizes.entry(rounded(line.size)).or_default();
        entry.0 += weight(line);
        entry.1 += if line.bold { weight(line) } else { 0 };
    }
    let (size, (chars, bold)) = sizes
        .into_iter()
        .max_by_key(|(size, (chars, _))| (*chars, -size))
        .unwrap_or((20, (0, 0)));
    let size = size as f32 / 2.0;
    let mut leadings: BTreeMap<i32, usize> = BTreeMap::new();
    for region in regions {
        for pair in region.windows(2) {
            let delta = pair[1].baseline - pair[0].baseline;
            let body_lines = rounded(pair[0].size) == rounded(size);
            if body_lines && delta > size * 0.9 && delta < size * 2.5 {
                *leadings.entry((delta * 4.0).round() as i32).or_default() += 1;
            }
        }
    }
    let leading = leadings
        .into_iter()
        .max_by_key(|(delta, count)| (*count, -delta))
        .map_or(size * 1.2, |(delta, _)| delta as f32 / 4.0);
    Body {
        size,
        bold: bold * 2 > chars,
        leading,
    }
}

/// How the document spells: its lower-cased words as they stand inside
/// lines, hyphens kept, decide whether a line-end hyphen is real; and a
/// producer that marks the breaks it hyphenates (a soft hyphen at most
/// line ends that break a word) prints only real hyphens as hyphens.
pub struct Spelling {
    words: BTreeSet<String>,
    marks_breaks: bool,
}

fn vocabulary(regions: &[Vec<Line>]) -> Spelling {
    let words = regions
        .iter()
        .flatten()
        .flat_map(|line| {
            let words: Vec<&str> = line.text.split_whitespace().collect();
            let inner = words.len().saturating_sub(1);
            words
                .into_iter()
                .take(inner)
                .map(bare_word)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let ends = |marks: &[char]| {
        regions
            .iter()
            .flatten()
            .filter(|l| l.text.ends_with(marks))
            .count()
    };
    Spelling {
        words,
        marks_breaks: ends(&['\u{AD}']) > ends(&['-', '\u{2010}']),
    }
}

fn bare_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

const BULLETS: [char; 10] = [
    '\u{2022}', '\u{25AA}', '\u{25E6}', '\u{25CF}', '\u{2013}', '-', '*', '\u{B7}', '\u{2023}',
    '\u{25A0}',
];

/// `• item`, `- item`, `1. item`, `2) item`.
pub fn bullet_len(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) && chars.next() == Some(' ') {
        return Some(first.len_utf8() + 1);
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    (digits > 0 && digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

fn split_region(region: &[Line], body: &Body) -> Vec<Vec<Line>> {
    let left = region.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    // The right edge of the text set in each size: a title wider than the
    // column must not make every body line look short.
    let mut rights: BTreeMap<i32, f32> = BTreeMap::new();
    for line in region {
        let right = rights.entry(rounded(line.size)).or_insert(line.x1);
        *right = right.max(line.x1);
    }
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for line in region {
        let starts_block = match blocks.last().and_then(|b| b.last().map(|l| (b, l))) {
            None => true,
            Some((block, previous)) => {
                let in_list = bullet_len(&block[0].text).is_some();
                let right = rights[&rounded(previous.size)];
                breaks(previous, line, in_list, (left, right), body)
            }
        };
        if starts_block {
            blocks.push(vec![line.clone()]);
        } else if let Some(block) = blocks.last_mut() {
            block.push(line.clone());
        }
    }
    blocks
}

/// Whether `line` starts a new block after `previous` in the same column.
fn breaks(
    previous: &Line,
    line: &Line,
    in_list: bool,
    (left, right): (f32, f32),
    body: &Body,
) -> bool {
    let size = previous.size.max(line.size);
    let restyled = (previous.size - line.size).abs() > 0.6 || previous.bold != line.bold;
    let leading = if rounded(previous.size) == rounded(body.size) {
        body.leading
    } else {
        previous.size * 1.25
    };
    let spaced = line.baseline - previous.baseline > leading * 1.3 + 0.5;
    let indented = !in_list && line.x0 > left + size * 0.8 && previous.x0 <= left + size * 0.3;
    let first_word = line.text.split_whitespace().next().unwrap_or("");
    let room = right - previous.x1;
    let fits_word = (first_word.chars().count() as f32 + 1.5) * size * 0.55;
    let ended_early = room > fits_word
        && previous
            .text
            .ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
        && line
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let note_starts = line.size <= body.size * 0.92 && footnote_number(&line.text).is_some();
    restyled || spaced || indented || ended_early || note_starts || bullet_len(&line.text).is_some()
}

fn classify(lines: Vec<Line>, region: usize, body: &Body, words: &Spelling) -> Block {
    let text = join_lines(&lines, words);
    let size = lines.iter().map(|l| l.size).fold(0.0, f32::max);
    let bold = lines.iter().all(|l| l.bold);
    let small = size <= body.size * 0.92 || size <= body.size - 0.45;
    let chars = text.chars().count();
    let kind = if small && footnote_number(&text).is_some() {
        Kind::Footnote
    } else if bullet_len(&text).is_some() {
        Kind::ListItem
    } else if size >= body.size * 1.12 && chars <= 200 && !text.ends_with('.')
        || (bold && !body.bold && chars <= 150 && lines.len() <= 3 && !text.ends_with('.'))
    {
        Kind::Heading
    } else {
        Kind::Paragraph
    };
    Block {
        kind,
        aside: small && kind != Kind::Footnote,
        text,
        lines,
        region,
    }
}

/// `3 Text` or `[^3] Text` at a footnote's start: the number.
pub fn footnote_number(text: &str) -> Option<&str> {
    let digits = if let Some(rest) = text.strip_prefix("[^") {
        let end = rest.find(']')?;
        (&rest[..end], &rest[end + 1..])
    } else {
        let end = text.find(|c: char| !c.is_ascii_digit())?;
        (&text[..end], &text[end..])
    };
    let (number, rest) = digits;
    let plausible =
        !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
    (plausible
        && rest.starts_with(' ')
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit()))
    .then_some(number)
}

/// A heading right before an aside in the same region titles the aside
/// ("Key points"); footnote text running on to a second block stays a footnote.
fn mark_asides(blocks: &mut [Block]) {
    for i in 0..blocks.len().saturating_sub(1) {
        let (head, next) = (&blocks[i], &blocks[i + 1]);
        if head.kind == Kind::Heading && next.aside && head.region == next.region {
            blocks[i].aside = true;
        }
    }
    for i in 1..blocks.len() {
        let (before, block) = (&blocks[i - 1], &blocks[i]);
        let runs_on = before.kind == Kind::Footnote
            && block.page() == before.page()
            && block.size() <= before.size() + 0.3
            && block.kind == Kind::Paragraph;
        if runs_on {
            blocks[i].kind = Kind::Footnote;
            blocks[i].aside = false;
        }
    }
}

/// Joins a line to the next, rejoining a word hyphenated at the line end
/// unless the document spells it with the hyphen elsewhere, and keeping
/// the hyphen before a capital or digit ('Russian-Belarusian', 'Zapad-2021')
/// or where the producer marks its own breaks.
pub fn join_pair(text: &mut String, next: &str, spelling: &Spelling) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if text.ends_with('\u{AD}') {
        text.pop();
        text.push_str(next);
        return;
    }
    let ends_hyphen = text.ends_with('-') || text.ends_with('\u{2010}');
    let before_hyphen = text.chars().rev().nth(1);
    if ends_hyphen && before_hyphen.is_some_and(char::is_alphabetic) {
        let head = bare_word(text.rsplit(' ').next().unwrap_or(""));
        let tail = bare_word(next.split(' ').next().unwrap_or(""));
        let lower = next.starts_with(char::is_lowercase);
        let compound = format!("{head}{tail}");
        let joined = format!("{}{tail}", head.trim_end_matches('-'));
        let words = &spelling.words;
        let keep = !lower
            || spelling.marks_breaks
            || (words.contains(&compound) && !words.contains(&joined));
        if !keep {
            text.pop();
        }
        text.push_str(next);
    } else if text.ends_with('\u{2014}') || next.starts_with('\u{2014}') {
        text.push_str(next);
    } else {
        text.push(' ');
        text.push_str(next);
    }
}

fn join_lines(lines: &[Line], words: &Spelling) -> String {
    let mut text = String::new();
    for line in lines {
        join_pair(&mut text, &line.text, words);
    }
    text
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| c == ']' || c == '^' || c.is_ascii_digit() || c == '[')
        .ends_with(['.', '!', '?', '"', '\u{201D}', ')', ':', ';'])
}

/// Whether `next` is set in the type `block` ends in (a byline or a date
/// in other type is never the rest of a paragraph).
fn same_type(block: &Block, next: &Block) -> bool {
    match (block.lines.last(), next.lines.first()) {
        (Some(last), Some(first)) => {
            rounded(last.size) == rounded(first.size) && last.italic == first.italic
        }
        _ => false,
    }
}

/// Whether `block` ends in a line about as wide as `next`'s lines: a short
/// line on its own (a date, a byline) is no paragraph's start.
fn line_wide_enough(block: &Block, next: &Block) -> bool {
    let width = |l: &Line| l.x1 - l.x0;
    let widest = next.lines.iter().map(width).fold(0.0, f32::max);
    block.lines.len() >= 2 || block.lines.last().is_some_and(|l| width(l) >= widest * 0.8)
}

/// Whether `next` starts right below `block` on the same page, under it,
/// after more white than a line's leading: a date over the columns, not
/// the first line of a paragraph that goes on.
fn set_apart_below(block: &Block, next: &Block) -> bool {
    let (Some(last), Some(first)) = (block.lines.last(), next.lines.first()) else {
        return false;
    };
    let under = first.x0 < last.x1 && last.x0 < first.x1;
    let drop = first.baseline - last.baseline;
    last.page == first.page && under && drop > 0.0 && drop > last.size.max(first.size) * 1.6
}

/// Whether a block's last line runs to its column's right edge, as a line
/// does when the paragraph goes on past it.
fn ends_full(block: &Block) -> bool {
    let Some(last) = block.lines.last() else {
        return false;
    };
    let right = block
        .lines
        .iter()
        .filter(|l| l.page == last.page)
        .filter(|l| (l.x0 - last.x0).abs() < last.size || block.kind == Kind::ListItem)
        .map(|l| l.x1)
        .fold(f32::MIN, f32::max);
    block.lines.len() >= 2 && last.x1 >= right - last.size * 1.5
}

/// A paragraph or list item that ends a region without ending its
/// sentence (see [`goes_on`]) goes on in the next region's first paragraph (next column, next page), past any
/// box or footnote in between, which then follow the whole paragraph.
fn join_across_breaks(blocks: Vec<Block>, words: &Spelling) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open: Option<usize> = None;
    for block in blocks {
        if !block.in_flow() {
            out.push(block);
            continue;
        }
        if let Some(index) = open.take() {
            let target = &out[index];
            let first_in_region = !out[index + 1..]
                .iter()
                .any(|b| b.in_flow() && b.region == block.region);
            let continues = block.kind == Kind::Paragraph
                && block.region != target.region
                && same_type(target, &block)
                && line_wide_enough(target, &block)
                && first_in_region
                && (index + 1 < out.len() || !set_apart_below(target, &block))
                && goes_on(target, &block);
            if continues {
                let target = &mut out[index];
                join_pair(&mut target.text, &block.text, words);
                target.lines.extend(block.lines);
                target.region = block.region;
                open = Some(index);
                continue;
            }
        }
        if matches!(block.kind, Kind::Paragraph | Kind::ListItem) {
            open = Some(out.len());
        }
        out.push(block);
    }
    out
}

/// Whether `next` reads on from `block`: a paragraph that stops mid-sentence
/// or on a full line, or a list item (which often ends without a stop) that
/// stops mid-sentence on a full line; either when `next` starts in lower case.
fn goes_on(block: &Block, next: &Block) -> bool {
    let lower = next.text.starts_with(char::is_lowercase);
    let open_sentence = !ends_sentence(&block.text);
    match block.kind {
        Kind::ListItem => lower || (open_sentence && ends_full(block)),
        _ => lower || open_sentence || ends_full(block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(row, text)| Line {
                text: (*text).into(),
                x0: 50.0,
                x1: 300.0,
                baseline: 100.0 + 13.0 * row as f32,
                size: 10.0,
                bold: false,
                italic: false,
                page: 0,
            })
            .collect()
    }

    #[test]
    fn a_line_end_hyphen_is_real_where_the_producer_marks_its_breaks() {
        let marked = lines(&[
            "the long infr\u{AD}",
            "astructure of the state-",
            "owned port and its deci\u{AD}",
            "sions",
        ]);
        let text = &build(vec![vec![marked]]).blocks[0].text;
        assert!(
            text.contains("infrastructure of the state-owned port and its decisions"),
            "{text}"
        );
        let unmarked = lines(&["the long infra-", "structure of the state-", "owned port"]);
        let text = &build(vec![vec![unmarked]]).blocks[0].text;
        assert!(
            text.contains("infrastructure of the stateowned port"),
            "{text}"
        );
    }

    #[test]
    fn a_date_over_the_columns_is_not_the_start_of_their_first_paragraph() {
        let mut head = lines(&["Title of the brief", "No. 8/2019, 18 November 2019"]);
        head[0].size = 22.0;
        head[1].x1 = 270.0;
        let mut column = lines(&[
            "Marrow Coast questioned the energy",
            "interconnector after the assembly",
            "asked for the telecommunications of",
        ]);
        for line in &mut column {
            line.baseline += 38.0;
        }
        let document = build(vec![vec![head, column]]);
        let texts: Vec<&str> = document.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"No. 8/2019, 18 November 2019"), "{texts:?}");
    }

    #[test]
    fn a_list_item_goes_on_in_the_next_column_only_mid_sentence() {
        let mut item = lines(&[
            "\u{2022} Grain exports through the",
            "northern ports rose while the",
        ]);
        item[1].x0 = 60.0;
        let mut next = lines(&["southern routes stayed shut.", "Prices followed in spring."]);
        for line in &mut next {
            line.x0 += 300.0;
            line.x1 += 300.0;
        }
        let document = build(vec![vec![item.clone(), next.clone()]]);
        let texts: Vec<&str> = document.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts[0].contains("rose while the southern routes"),
            "{texts:?}"
        );

        item[1].text = "northern ports rose".into();
        item[1].x1 = 160.0;
        next[0].text = "Southern routes stayed shut.".into();
        let document = build(vec![vec![item, next]]);
        let texts: Vec<&str> = document.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts[0].ends_with("northern ports rose"), "{texts:?}");
    }
}
