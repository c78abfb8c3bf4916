//! A briefing body parsed once: the Markdown events, and beside them the plain
//! text of every block (paragraph, heading, list item, table cell) that the
//! extractor reads and the renderer links mentions into.
//!
//! Both stages must agree on where each piece of text sits, so this module is
//! the single owner of pulldown-cmark's options and of the mapping between
//! text events and block offsets.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

use crate::paths::slugify;

/// Every Markdown option Dossier uses, in one place.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What kind of container a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    Item,
    Cell,
}

/// A run of text that reads as one unit.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The `id` of the element in the briefing page that holds this block.
    pub anchor: String,
    /// Index into [`Document::headings`] of the section this block is in.
    pub section: Option<usize>,
}

/// A section heading, for the table of contents.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
}

/// Where a text event's text sits: its block and the byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    pub block: u32,
    pub offset: u32,
}

/// A parsed briefing body.
#[derive(Debug, Clone)]
pub struct Document {
    pub events: Vec<Event<'static>>,
    /// One entry per event: where its text sits, for text events in a block.
    pub positions: Vec<Option<TextPosition>>,
    /// Block 0 is always the briefing's title.
    pub blocks: Vec<Block>,
    pub headings: Vec<Heading>,
    /// True when the body holds raw HTML, which rendering must sanitise.
    pub has_raw_html: bool,
}

impl Document {
    /// The texts of placeholder links (`[text](#)` or `[text]()`), in order.
    pub fn placeholder_texts(&self) -> Vec<String> {
        let mut texts = Vec::new();
        let mut current: Option<String> = None;
        for event in &self.events {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) if is_placeholder(dest_url) => {
                    current = Some(String::new())
                }
                Event::Text(text) | Event::Code(text) => {
                    if let Some(current) = current.as_mut() {
                        current.push_str(text);
                    }
                }
                Event::End(TagEnd::Link) => texts.extend(current.take()),
                _ => {}
            }
        }
        texts
    }
}

/// A link target that goes nowhere: `#` or nothing.
pub fn is_placeholder(dest: &str) -> bool {
    let dest = dest.trim();
    dest.is_empty() || dest == "#"
}

/// Parses a body; `title` becomes block 0 so extraction reads it too. Unless
/// `allow_raw_html`, tags that would swallow the rest of the page are read
/// as text ([`crate::raw_html`]).
pub fn parse(title: &str, markdown: &str, allow_raw_html: bool) -> Document {
    let mut builder = Builder::new(title);
    let markdown = if allow_raw_html {
        std::borrow::Cow::Borrowed(markdown)
    } else {
        crate::raw_html::defuse_blocks(markdown)
    };
    let parser = TextMergeStream::new(Parser::new_ext(&markdown, markdown_options()));
    let mut events: Vec<Event<'static>> = parser.map(Event::into_static).collect();
    if !allow_raw_html {
        crate::raw_html::defuse_inline(&mut events);
    }
    for event in events {
        builder.push(event);
    }
    builder.finish()
}

struct Builder {
    doc: Document,
    open: Vec<Option<u32>>,
    paragraph_count: usize,
    /// The `{#id}` of each heading so far, in order; `None` when it has none.
    heading_ids: Vec<Option<String>>,
    in_code: bool,
}

impl Builder {
    fn new(title: &str) -> Builder {
        let title_block = Block {
            kind: BlockKind::Title,
            text: title.to_string(),
            anchor: "top".into(),
            section: None,
        };
        Builder {
            doc: Document {
                events: Vec::new(),
                positions: Vec::new(),
                blocks: vec![title_block],
                headings: Vec::new(),
                has_raw_html: false,
            },
            open: Vec::new(),
            paragraph_count: 0,
            heading_ids: Vec::new(),
            in_code: false,
        }
    }

    fn push(&mut self, event: Event<'static>) {
        let mut position = None;
        let event = match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => {
                position = self.append_text(&text);
                Event::Text(text)
            }
            Event::Code(code) => {
                position = self.append_text(&code);
                Event::Code(code)
            }
            Event::SoftBreak | Event::HardBreak => {
                self.append_text(" ");
                event
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.doc.has_raw_html = true;
                event
            }
            other => other,
        };
        self.doc.events.push(event);
        self.doc.positions.push(position);
    }

    fn start(&mut self, tag: Tag<'static>) -> Event<'static> {
        match tag {
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                // Anchors are settled in `finish`, once every heading's text is known.
                let anchor = format!("\0heading-{}", self.heading_ids.len());
                self.heading_ids.push(id.map(|id| id.to_string()));
                self.open_block(BlockKind::Heading, anchor.clone());
                Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(anchor)),
                    classes,
                    attrs,
                })
            }
            Tag::Paragraph => {
                let anchor = self.next_paragraph_anchor();
                self.open_block(BlockKind::Paragraph, anchor);
                Event::Start(Tag::Paragraph)
            }
            Tag::Item => {
                let anchor = self.next_paragraph_anchor();
                self.open_block(BlockKind::Item, anchor);
                Event::Start(Tag::Item)
            }
            Tag::TableCell => {
                let anchor = self.current_section_anchor();
                self.open_block(BlockKind::Cell, anchor);
                Event::Start(Tag::TableCell)
            }
            Tag::CodeBlock(kind) => {
                self.in_code = true;
                Event::Start(Tag::CodeBlock(kind))
            }
            other => Event::Start(other),
        }
    }

    fn end(&mut self, end: TagEnd) -> Event<'static> {
        match end {
            TagEnd::Heading(level) => {
                if let Some(Some(block)) = self.open.pop() {
                    self.record_heading(level, block as usize);
                }
            }
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell => {
                self.open.pop();
            }
            TagEnd::CodeBlock => self.in_code = false,
            _ => {}
        }
        Event::End(end)
    }

    fn open_block(&mut self, kind: BlockKind, anchor: String) {
        let section = self.doc.headings.len().checked_sub(1);
        self.doc.blocks.push(Block {
            kind,
            text: String::new(),
            anchor,
            section,
        });
        self.open.push(Some((self.doc.blocks.len() - 1) as u32));
    }

    fn record_heading(&mut self, level: HeadingLevel, block: usize) {
        let section = self.doc.headings.len();
        let heading = &mut self.doc.blocks[block];
        heading.section = Some(section);
        self.doc.headings.push(Heading {
            level: level as u8,
            text: heading.text.trim().to_string(),
            anchor: heading.anchor.clone(),
        });
    }

    fn append_text(&mut self, text: &str) -> Option<TextPosition> {
        if self.in_code {
            return None;
        }
        let block = (*self.open.last()?)?;
        let target = &mut self.doc.blocks[block as usize].text;
        let offset = target.len() as u32;
        target.push_str(text);
        Some(TextPosition { block, offset })
    }

    fn next_paragraph_anchor(&mut self) -> String {
        self.paragraph_count += 1;
        format!("p{}", self.paragraph_count)
    }

    fn current_section_anchor(&self) -> String {
        self.doc
            .headings
            .last()
            .map_or_else(|| "top".to_string(), |h| h.anchor.clone())
    }

    fn finish(mut self) -> Document {
        self.name_headings();
        self.doc
    }

    /// Replaces the placeholder anchors of headings by their `{#id}`, or else
    /// a slug of their text, unique within the page. Explicit ids are settled
    /// first, so a heading's text never takes an id written further down.
    fn name_headings(&mut self) {
        let mut names = UniqueNames::default();
        names.used.extend(PAGE_IDS.iter().map(|id| id.to_string()));
        names
            .used
            .extend((1..=self.paragraph_count).map(|n| format!("p{n}")));
        let mut anchors: Vec<Option<String>> = vec![None; self.doc.headings.len()];
        for (anchor, id) in anchors.iter_mut().zip(&self.heading_ids) {
            if let Some(id) = id {
                *anchor = Some(names.claim(slugify(id).to_string()));
            }
        }
        let mut renamed = std::collections::BTreeMap::new();
        for (heading, anchor) in self.doc.headings.iter_mut().zip(anchors) {
            let anchor = anchor.unwrap_or_else(|| names.claim(slugify(&heading.text).to_string()));
            renamed.insert(
                std::mem::replace(&mut heading.anchor, anchor.clone()),
                anchor,
            );
        }
        self.apply_renames(&renamed);
    }

    fn apply_renames(&mut self, renamed: &std::collections::BTreeMap<String, String>) {
        for block in &mut self.doc.blocks {
            if let Some(new) = renamed.get(&block.anchor) {
                block.anchor = new.clone();
            }
        }
        for event in &mut self.doc.events {
            if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
                if let Some(new) = renamed.get(id.as_ref()) {
                    *id = CowStr::from(new.clone());
                }
            }
        }
    }
}

/// Ids the page around a body already uses (the title block, and in the
/// built-in templates `<main id="main">` and the search box), which headings
/// must not take: a second `search-input` would be invalid HTML, and a page
/// whose script looks the id up could find the heading instead.
const PAGE_IDS: &[&str] = &[
    "top",
    "main",
    "search-input",
    "search-kind",
    "search-results",
];

/// Hands out names unique within one page: `a`, `a-2`, `a-3`, …. Remembers
/// where each base name's count stands, so a thousand headings with the same
/// text cost a thousand steps, not half a million.
#[derive(Default)]
struct UniqueNames {
    used: std::collections::BTreeSet<String>,
    next: std::collections::BTreeMap<String, usize>,
}

impl UniqueNames {
    fn claim(&mut self, base: String) -> String {
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        let mut name = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while !self.used.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.next.insert(base, n);
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_hold_plain_text_and_positions_point_into_them() {
        let doc = parse(
            "T",
            "## What now?\n\nIt's *Zapad-2021* in [Minsk](#).\n",
            false,
        );
        assert_eq!(doc.blocks[1].text, "What now?");
        assert_eq!(doc.blocks[1].anchor, "what-now");
        assert_eq!(doc.blocks[2].text, "It’s Zapad-2021 in Minsk.");
        assert_eq!(doc.blocks[2].section, Some(0));
        for (event, position) in doc.events.iter().zip(&doc.positions) {
            if let (Event::Text(text), Some(p)) = (event, position) {
                let block = &doc.blocks[p.block as usize].text;
                assert_eq!(
                    &block[p.offset as usize..p.offset as usize + text.len()],
                    text.as_ref()
                );
            }
        }
    }

    #[test]
    fn heading_anchors_are_unique() {
        let doc = parse("T", "## A\n\n## A\n\n## B {#custom}\n", false);
        let anchors: Vec<&str> = doc.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["a", "a-2", "custom"]);
    }

    #[test]
    fn code_is_not_prose() {
        let doc = parse("T", "```toml\nName = \"Minsk\"\n```\n", false);
        assert!(doc.blocks.iter().all(|b| !b.text.contains("Minsk")));
    }
}
