//! Raw HTML in a briefing that must stay text when raw HTML is not allowed:
//! tags that would make a browser read the rest of the page differently.
//!
//! A `<script>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`,
//! `<noembed>`, `<noscript>` or `<plaintext>` start tag makes an HTML parser
//! read everything after it as raw text, up to a matching end tag that prose
//! never holds, so the sanitiser dropped (or showed as markup) every later
//! paragraph. In prose (inline HTML) only phrasing elements that open and
//! close within their paragraph stay markup; any other tag, such as a `<p>`
//! or `<h2>` that would split the paragraph, is written as the text it is.
//! In HTML blocks the tags of [`SWALLOWING`] elements are written as text;
//! other block HTML is left to the sanitiser.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Parser, Tag};

/// Elements whose start tag changes how the HTML parser reads what follows
/// (raw-text, RCDATA and plaintext elements, and those that take the parser
/// into another insertion mode or out of the page's body).
const SWALLOWING: &[&str] = &[
    "body",
    "frame",
    "frameset",
    "head",
    "html",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Phrasing elements that may stay markup inside a paragraph.
const PHRASING: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "i", "img", "ins", "kbd", "mark", "q", "rp", "rt", "rtc", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Phrasing elements that have no end tag.
const VOID: &[&str] = &["br", "img", "wbr"];

/// A start or end tag: its lower-case element name, and whether it ends.
#[derive(Debug, PartialEq, Eq)]
struct TagName {
    name: String,
    closing: bool,
}

/// The element a tag at the start of `html` opens or closes, if it is one.
fn tag_name(html: &str) -> Option<TagName> {
    let rest = html.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let after = &rest[end..];
    if !(after.is_empty() || after.starts_with(['>', '/', ' ', '\t', '\n', '\r', '\x0c'])) {
        return None;
    }
    Some(TagName {
        name: rest[..end].to_ascii_lowercase(),
        closing,
    })
}

fn is_swallowing(html: &str) -> bool {
    tag_name(html).is_some_and(|tag| SWALLOWING.contains(&tag.name.as_str()))
}

/// The byte offsets of the `<` of every [`SWALLOWING`] tag in `text`.
fn swallowing_tags(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('<')
        .map(|(i, _)| i)
        .filter(|&i| is_swallowing(&text[i..]))
}

/// `markdown` with the `<` of every [`SWALLOWING`] tag inside an HTML block
/// written as `&lt;`, so the tag reads as text and an HTML block it opened
/// (a `<script>` line opens one that runs to the end of the file) ends.
/// Borrowed, and parsed no further, when no such tag appears at all.
pub fn defuse_blocks(markdown: &str) -> Cow<'_, str> {
    if swallowing_tags(markdown).next().is_none() {
        return Cow::Borrowed(markdown);
    }
    let mut cuts = Vec::new();
    let parser = Parser::new_ext(markdown, crate::document::markdown_options());
    for (event, range) in parser.into_offset_iter() {
        if let Event::Html(_) = event {
            let start = range.start;
            cuts.extend(swallowing_tags(&markdown[range]).map(|i| start + i));
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + cuts.len() * 3);
    let mut from = 0;
    for cut in cuts {
        out.push_str(&markdown[from..cut]);
        out.push_str("&lt;");
        from = cut + 1;
    }
    out.push_str(&markdown[from..]);
    Cow::Owned(out)
}

/// Turns into text every inline HTML tag that is not a phrasing element
/// opened and closed within its block (void elements need no end tag).
pub fn defuse_inline(events: &mut [Event<'static>]) {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut keep = vec![false; events.len()];
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::InlineHtml(html) => match tag_name(html) {
                Some(tag) if PHRASING.contains(&tag.name.as_str()) => {
                    match_tag(tag, index, &mut open, &mut keep)
                }
                Some(_) => {}
                // Comments and the like: the sanitiser drops them.
                None => keep[index] = true,
            },
            Event::Start(tag) if !is_inline(tag) => open.clear(),
            Event::End(_) if ends_block(event) => open.clear(),
            _ => {}
        }
    }
    for (event, keep) in events.iter_mut().zip(keep) {
        if let (Event::InlineHtml(html), false) = (&*event, keep) {
            *event = Event::Text(CowStr::from(html.to_string()));
        }
    }
}

/// Records a phrasing tag: a void element is kept; an end tag keeps itself
/// and the nearest open start tag of its element; tags opened after that
/// one are never closed, and stay text.
fn match_tag(tag: TagName, index: usize, open: &mut Vec<(String, usize)>, keep: &mut [bool]) {
    if VOID.contains(&tag.name.as_str()) {
        keep[index] = true;
    } else if !tag.closing {
        open.push((tag.name, index));
    } else if let Some(at) = open.iter().rposition(|(name, _)| *name == tag.name) {
        keep[open[at].1] = true;
        keep[index] = true;
        open.truncate(at);
    }
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn ends_block(event: &Event) -> bool {
    use pulldown_cmark::TagEnd;
    !matches!(
        event,
        Event::End(
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tag_names() {
        assert_eq!(
            tag_name("<Script type=x>"),
            Some(TagName {
                name: "script".into(),
                closing: false
            })
        );
        assert_eq!(tag_name("</b>").map(|t| t.closing), Some(true));
        assert_eq!(
            tag_name("<scripts>").map(|t| t.name),
            Some("scripts".into())
        );
        assert_eq!(tag_name("< b>"), None);
        assert_eq!(tag_name("<!-- x -->"), None);
    }

    #[test]
    fn block_tags_that_swallow_become_text() {
        let out = defuse_blocks("<script>\nalert(1)\n\nNext paragraph.\n");
        assert_eq!(out, "&lt;script>\nalert(1)\n\nNext paragraph.\n");
        assert!(matches!(
            defuse_blocks("A <b>bold</b> word.\n"),
            Cow::Borrowed(_)
        ));
        assert!(
            matches!(defuse_blocks("`<script>` in code\n"), Cow::Borrowed(_)),
            "code spans are not HTML"
        );
    }

    #[test]
    fn unbalanced_and_block_tags_in_prose_become_text() {
        let mut events: Vec<Event<'static>> = Parser::new("A <b>bold</b> <i>open <p> and <br> x\n")
            .map(Event::into_static)
            .collect();
        defuse_inline(&mut events);
        let kept: Vec<&str> = events
            .iter()
            .filter_map(|e| match e {
                Event::InlineHtml(html) => Some(html.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(kept, ["<b>", "</b>", "<br>"]);
    }
}
