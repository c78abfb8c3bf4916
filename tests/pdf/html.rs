//! The same briefings as HTML for a real producer: Chromium prints them to
//! PDF (`score_pdfs --chromium`), with CSS page-margin boxes for the
//! running header, web address and page number, CSS columns, soft hyphens
//! in long words, and endnotes in small type.

use super::typeset::{Block, Briefing, Layout};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Long words get soft hyphens every few letters, so Chromium can break them.
fn soft_hyphens(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < 12 || !chars.iter().all(|c| c.is_alphabetic()) {
                return escape(word);
            }
            let mut out = String::new();
            for (i, c) in chars.iter().enumerate() {
                if i >= 3 && i + 3 <= chars.len() && i % 4 == 0 {
                    out.push_str("&shy;");
                }
                out.push(*c);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn css(layout: &Layout) -> String {
    let header = layout
        .running_header
        .as_deref()
        .map(escape)
        .unwrap_or_default();
    let url = layout.footer_url.as_deref().map(escape).unwrap_or_default();
    format!(
        "@page {{ size: A4; margin: 22mm 18mm 24mm;
  @top-left {{ content: \"{header}\"; font: 8pt sans-serif; }}
  @bottom-left {{ content: \"{url}\"; font: 8pt sans-serif; }}
  @bottom-right {{ content: counter(page); font: 8pt sans-serif; }} }}
@page :first {{ @top-left {{ content: none; }} }}
body {{ font: {size}pt/1.35 'DejaVu Sans', sans-serif; margin: 0; }}
.band {{ font-weight: bold; font-size: 11pt; }}
.band span {{ float: right; font-weight: normal; font-size: 9pt; }}
h1 {{ font-size: 20pt; margin: 18pt 0 6pt; }}
.byline {{ font-style: italic; font-size: 11pt; margin-bottom: 14pt; }}
.cols {{ column-count: {columns}; column-gap: 18pt; }}
h2 {{ font-size: {h2}pt; margin: 8pt 0 4pt; break-after: avoid; }}
p {{ margin: 0 0 6pt; }}
.box {{ border: 1px solid #333; padding: 4pt 6pt; font-size: 0.9em; break-inside: avoid; margin-bottom: 8pt; }}
.box b {{ font-size: 1.1em; }}
.notes p {{ font-size: 0.75em; }}
sup {{ font-size: 0.6em; }}",
        size = layout.body_size,
        columns = layout.columns,
        h2 = layout.body_size + 2.0,
    )
}

/// The briefing as one HTML page.
pub fn html(briefing: &Briefing, layout: &Layout) -> String {
    let mut body = String::new();
    let mut notes = Vec::new();
    for block in &briefing.blocks {
        match block {
            Block::Heading(text) => body.push_str(&format!("<h2>{}</h2>\n", escape(text))),
            Block::Para(text, note) => {
                let reference = note.as_ref().map_or(String::new(), |n| {
                    notes.push(n.clone());
                    format!("<sup>{}</sup>", notes.len())
                });
                body.push_str(&format!("<p>{}{reference}</p>\n", soft_hyphens(text)));
            }
            Block::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", soft_hyphens(i)))
                    .collect();
                body.push_str(&format!("<ul>{}</ul>\n", items.join("")));
            }
            Block::KeyPoints(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", escape(i)))
                    .collect();
                body.push_str(&format!(
                    "<div class=\"box\"><b>Key points</b><ul>{}</ul></div>\n",
                    items.join("")
                ));
            }
        }
    }
    let notes: Vec<String> = notes
        .iter()
        .enumerate()
        .map(|(i, n)| format!("<p>{} {}</p>", i + 1, escape(n)))
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>{css}</style></head><body>\n<div class=\"band\">{series}<span>{date}</span></div>\n\
         <h1>{h1}</h1>\n<p class=\"byline\">{authors}</p>\n<div class=\"cols\">\n{body}</div>\n\
         <div class=\"notes\">{notes}</div></body></html>\n",
        title = escape(layout.info_title.as_deref().unwrap_or("")),
        css = css(layout),
        series = escape(&briefing.series),
        date = escape(&briefing.printed_date),
        h1 = escape(&briefing.title),
        authors = escape(&briefing.authors.join(", ")),
        notes = notes.join(""),
    )
}
