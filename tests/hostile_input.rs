//! Hostile input, round two (issue 15): markup that would swallow the rest of
//! a page, symbolic links out of the site folder and special files, files too
//! large to read, front matter nested too deep, briefings with tens of
//! thousands of names or authors, and front matter values that are almost
//! right.

mod common;

use std::fs;
use std::path::Path;

/// Every element name in the WHATWG HTML standard's index, with the obsolete
/// ones that parsers still treat specially.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr", // obsolete, still special to parsers:
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "frameset",
    "frame",
    "listing",
    "image",
    "marquee",
    "isindex",
    "applet",
    "basefont",
    "bgsound",
    "keygen",
    "menuitem",
    "nobr",
    "rb",
    "rtc",
];

/// The body paragraphs of a briefing page (`<p id="pN">`), as text.
fn paragraphs(page: &Path) -> Vec<String> {
    let html = common::read_html(page);
    common::select(&html, "p[id]")
        .iter()
        .filter(|p| {
            let id = p.value().attr("id").unwrap_or("");
            id.len() > 1 && id.starts_with('p') && id[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .map(common::text)
        .collect()
}

/// Checks that paragraph `i` of `found` reads "Paragraph i names … and goes on i."
fn assert_paragraphs_survive(found: &[String], names: &[String]) {
    assert_eq!(
        found.len(),
        names.len() + 1,
        "every paragraph and the closing one survive: {found:#?}"
    );
    for (i, (text, name)) in found.iter().zip(names).enumerate() {
        assert!(
            text.starts_with(&format!("Paragraph {i} names"))
                && text.ends_with(&format!("and goes on {i}.")),
            "paragraph {i} (with {name}) reads `{text}`"
        );
    }
    assert_eq!(found.last().unwrap(), "The closing paragraph is here.");
}

fn element_prose(tag: impl Fn(&str) -> String) -> (String, Vec<String>) {
    let names: Vec<String> = ELEMENTS.iter().map(|name| tag(name)).collect();
    let mut body = String::new();
    for (i, name) in names.iter().enumerate() {
        body.push_str(&format!("Paragraph {i} names {name} and goes on {i}.\n\n"));
    }
    body.push_str("The closing paragraph is here.\n");
    (body, names)
}

#[test]
fn every_html_element_name_in_prose_leaves_every_paragraph_standing() {
    for tag in [
        |name: &str| format!("<{name}>"),
        |name: &str| format!("</{name}>"),
        |name: &str| format!("<{name} class=\"x\">"),
    ] {
        let (body, names) = element_prose(tag);
        let dir = common::site(&[(
            "seeds/tags.md",
            &format!("---\ntitle: Tags\ndate: 2024-01-02\n---\n\n{body}"),
        )]);
        let out = common::build(dir.path()).expect("the briefing builds");
        assert_paragraphs_survive(&paragraphs(&out.join("briefings/tags.html")), &names);
        let page = fs::read_to_string(out.join("briefings/tags.html")).unwrap();
        assert!(!page.contains("<script>"), "no script element is written");
    }
}

#[test]
fn a_script_line_does_not_swallow_the_briefing_and_shows_as_text() {
    let body = "Paragraph 0 names the tag and goes on 0.\n\n<script>\nalert(1)\n\n\
        Paragraph 1 names <style> and goes on 1.\n\n<textarea>\n\n\
        Paragraph 2 names <title> and goes on 2.\n\nThe closing paragraph is here.\n";
    let dir = common::site(&[(
        "seeds/s.md",
        &format!("---\ntitle: S\ndate: 2024-01-02\n---\n\n{body}"),
    )]);
    let out = common::build(dir.path()).expect("the briefing builds");
    let found = paragraphs(&out.join("briefings/s.html"));
    let page = common::read_html(&out.join("briefings/s.html"));
    assert!(
        common::select(&page, "main script, article script").is_empty(),
        "no script in the body"
    );
    for words in ["<script> alert(1)", "<textarea>"] {
        assert!(
            found.iter().any(|p| p == words),
            "`{words}` is shown as text: {found:#?}"
        );
    }
    for i in 0..3 {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("Paragraph {i} names"))),
            "paragraph {i} survives: {found:#?}"
        );
    }
    assert_eq!(found.last().unwrap(), "The closing paragraph is here.");
}

#[test]
fn tags_in_a_txt_briefing_stay_text() {
    let (body, names) = element_prose(|name| format!("<{name}>"));
    let dir = common::site(&[("seeds/2024-01-02-tags.txt", &format!("Tags\n\n{body}"))]);
    let out = common::build(dir.path()).expect("the briefing builds");
    let found = paragraphs(&out.join("briefings/tags.html"));
    assert_paragraphs_survive(&found, &names);
}
