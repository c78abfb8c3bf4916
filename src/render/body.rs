//! A briefing's body as HTML: Markdown rendered with paragraph anchors,
//! entity mentions linked to their pages, placeholder links (`[text](#)`)
//! pointed at the matching knowledge-base page or turned into plain text,
//! unsafe link schemes dropped, code highlighted and raw HTML sanitised.

use std::collections::BTreeMap;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::highlight;
use crate::config::LinkMentions;
use crate::document::{is_placeholder, Document};
use crate::model::extraction::Mention;

/// Where placeholder link texts and entity mentions lead.
pub trait LinkResolver {
    /// The page path (from the site root) of an entity.
    fn entity_path(&self, entity: usize) -> String;
    /// The page a placeholder link's text names, if any.
    fn placeholder_target(&self, text: &str) -> Option<String>;
}

/// Renders a body. `root` leads from the page back to the site root.
pub fn render(
    doc: &Document,
    mentions: &[Mention],
    mode: LinkMentions,
    links: &dyn LinkResolver,
    root: &str,
    allow_raw_html: bool,
) -> String {
    let linked = linked_mentions(doc, mentions, mode);
    let mut writer = Writer {
        doc,
        links,
        root,
        linked,
        out: Vec::with_capacity(doc.events.len() * 2),
        index: 0,
        link_depth: 0,
        block: 0,
        code: None,
        skip_link_end: Vec::new(),
        dropped_images: Vec::new(),
        open_until: None,
    };
    for (index, event) in doc.events.iter().enumerate() {
        writer.push(index, event);
    }
    let mut html = String::with_capacity(doc.events.len() * 40);
    pulldown_cmark::html::push_html(&mut html, writer.out.into_iter());
    if doc.has_raw_html && !allow_raw_html {
        html = sanitize(&html);
    }
    html
}

/// The mentions that become links, grouped by block, sorted by start.
fn linked_mentions(
    doc: &Document,
    mentions: &[Mention],
    mode: LinkMentions,
) -> BTreeMap<u32, Vec<Mention>> {
    let mut seen = std::collections::BTreeSet::new();
    let mut linked: BTreeMap<u32, Vec<Mention>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.block > 0) {
        let first = match mode {
            LinkMentions::Every => true,
            LinkMentions::FirstPerBriefing => seen.insert((m.entity, None)),
            LinkMentions::FirstPerSection => {
                seen.insert((m.entity, doc.blocks[m.block as usize].section))
            }
        };
        if first {
            linked.entry(m.block).or_default().push(*m);
        }
    }
    for list in linked.values_mut() {
        list.sort_by_key(|m| m.start);
    }
    linked
}

struct Writer<'a> {
    doc: &'a Document,
    links: &'a dyn LinkResolver,
    root: &'a str,
    linked: BTreeMap<u32, Vec<Mention>>,
    out: Vec<Event<'a>>,
    /// Index of the event being written.
    index: usize,
    link_depth: usize,
    block: usize,
    /// The language and text of the code block being read.
    code: Option<(String, String)>,
    /// For each open link: true when its start tag was dropped.
    skip_link_end: Vec<bool>,
    /// For each open image: true when its unsafe source was dropped.
    dropped_images: Vec<bool>,
    /// Where a mention link opened in an earlier text ends (block offset).
    open_until: Option<u32>,
}

impl<'a> Writer<'a> {
    fn push(&mut self, index: usize, event: &'a Event<'static>) {
        self.index = index;
        if let Some((_, code)) = self.code.as_mut() {
            match event {
                Event::Text(text) => code.push_str(text),
                Event::End(TagEnd::CodeBlock) => self.finish_code(),
                _ => {}
            }
            return;
        }
        self.close_open_mention(event);
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                if !self.skip_link_end.pop().unwrap_or(false) {
                    self.out.push(Event::End(TagEnd::Link));
                }
            }
            Event::End(TagEnd::Image) => {
                let dropped = self.dropped_images.pop().unwrap_or(false);
                self.out.push(Event::End(if dropped {
                    TagEnd::Emphasis
                } else {
                    TagEnd::Image
                }));
            }
            Event::End(TagEnd::Paragraph) => self.out.push(Event::Html(CowStr::Borrowed("</p>\n"))),
            Event::End(TagEnd::Item) => self.out.push(Event::Html(CowStr::Borrowed("</li>\n"))),
            Event::Text(text) => self.text(index, text),
            other => self.out.push(other.clone()),
        }
    }

    fn start(&mut self, tag: &'a Tag<'static>) {
        match tag {
            Tag::Paragraph | Tag::Item => {
                self.block += 1;
                let anchor = &self.doc.blocks[self.block].anchor;
                let element = if matches!(tag, Tag::Paragraph) {
                    "p"
                } else {
                    "li"
                };
                self.out.push(Event::Html(CowStr::from(format!(
                    "<{element} id=\"{anchor}\">"
                ))));
            }
            Tag::Heading { .. } | Tag::TableCell => {
                self.block += 1;
                self.out.push(Event::Start(tag.clone()));
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new()));
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => self.start_link(*link_type, dest_url, title, id),
            Tag::Image { dest_url, .. } => {
                let unsafe_source = is_unsafe_url(dest_url);
                self.dropped_images.push(unsafe_source);
                self.out.push(Event::Start(if unsafe_source {
                    Tag::Emphasis
                } else {
                    tag.clone()
                }));
            }
            other => self.out.push(Event::Start(other.clone())),
        }
    }

    fn start_link(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest: &CowStr<'static>,
        title: &CowStr<'static>,
        id: &CowStr<'static>,
    ) {
        self.link_depth += 1;
        let target = if is_placeholder(dest) {
            self.links
                .placeholder_target(&self.link_text_from_here())
                .map(|path| format!("{}{path}", self.root))
        } else if is_unsafe_url(dest) {
            None
        } else {
            Some(dest.to_string())
        };
        match target {
            Some(url) => {
                self.skip_link_end.push(false);
                self.out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            None => self.skip_link_end.push(true),
        }
    }

    /// The text of the link that starts at the current event.
    fn link_text_from_here(&self) -> String {
        let mut text = String::new();
        for event in &self.doc.events[self.index + 1..] {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::End(TagEnd::Link) => break,
                _ => {}
            }
        }
        text
    }

    fn text(&mut self, index: usize, text: &'a CowStr<'static>) {
        let Some(position) = self.doc.positions[index] else {
            self.out.push(Event::Text(text.clone()));
            return;
        };
        let from = position.offset;
        let mut cursor = 0usize;
        if let Some(open_end) = self.open_until.take() {
            // A mention broken over a line (`… and⏎Development`) ends here or later.
            let end = open_end.saturating_sub(from) as usize;
            if end > text.len() {
                self.out.push(Event::Text(text.clone()));
                self.open_until = Some(open_end);
                return;
            }
            self.push_text(&text[..end]);
            self.out.push(Event::Html(CowStr::Borrowed("</a>")));
            cursor = end;
        }
        let mentions = self
            .linked
            .get(&position.block)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let to = from + text.len() as u32;
        let starting: Vec<Mention> = mentions
            .iter()
            .filter(|m| m.start >= from && m.start < to)
            .copied()
            .collect();
        if self.link_depth > 0 {
            self.push_text(&text[cursor..]);
            return;
        }
        for m in starting {
            let start = (m.start - from) as usize;
            if start < cursor {
                continue;
            }
            self.push_text(&text[cursor..start]);
            let path = self.links.entity_path(m.entity as usize);
            self.out.push(Event::Html(CowStr::from(format!(
                "<a href=\"{}{path}\">",
                self.root
            ))));
            if m.end > to {
                cursor = text.len();
                self.push_text(&text[start..]);
                self.open_until = Some(m.end);
                break;
            }
            let end = (m.end - from) as usize;
            self.push_text(&text[start..end]);
            self.out.push(Event::Html(CowStr::Borrowed("</a>")));
            cursor = end;
        }
        self.push_text(&text[cursor..]);
    }

    /// Writes a piece of text, unless it is empty.
    fn push_text(&mut self, text: &str) {
        if !text.is_empty() {
            self.out.push(Event::Text(CowStr::from(text.to_string())));
        }
    }

    /// Closes a mention link left open at a line break, before anything but
    /// text or the break itself.
    fn close_open_mention(&mut self, event: &Event) {
        if self.open_until.is_some() && !matches!(event, Event::Text(_) | Event::SoftBreak) {
            self.open_until = None;
            self.out.push(Event::Html(CowStr::Borrowed("</a>")));
        }
    }

    fn finish_code(&mut self) {
        let (language, code) = self.code.take().unwrap_or_default();
        let html = match highlight::highlight(&code, &language) {
            Some(highlighted) => format!("<pre class=\"code\"><code>{highlighted}</code></pre>\n"),
            None => format!(
                "<pre class=\"code\"><code>{}</code></pre>\n",
                escape_html(&code)
            ),
        };
        self.out.push(Event::Html(CowStr::from(html)));
    }
}

/// Link schemes that run code or smuggle content: never written out.
pub fn is_unsafe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| cleaned.starts_with(scheme))
}

/// Escapes text for HTML element content and attribute values. Runs of
/// plain text are copied whole; this is on the hot path of every page.
pub fn escape_html(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut plain_from = 0;
    // Runs of plain bytes are skipped with one table lookup per byte.
    while let Some(offset) = bytes[plain_from..]
        .iter()
        .position(|&b| ESCAPED[usize::from(b)])
    {
        let i = plain_from + offset;
        out.push_str(&text[plain_from..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        plain_from = i + 1;
    }
    out.push_str(&text[plain_from..]);
    out
}

/// The bytes [`escape_html`] replaces: `&`, `<`, `>`, `"` and `'`.
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// Cleans a body that holds raw HTML: scripts, event handlers and unsafe
/// URLs go; the markup Dossier itself writes stays.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .add_tags(["sup", "section", "figure", "figcaption"])
        .link_rel(None)
        .clean(html)
        .to_string()
}
