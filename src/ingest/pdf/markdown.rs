//! Blocks to the Markdown body: `## ` headings, `- ` list items, boxes as
//! block quotes, footnotes as `[^n]: ...` at the end; text escaped so that
//! nothing in a PDF turns into markup or HTML.

use super::blocks::{bullet_len, footnote_number, Block, Document, Kind};

/// The body as Markdown, one blank line between blocks.
pub fn render(doc: &Document) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut quote: Vec<String> = Vec::new();
    for block in &doc.blocks {
        if block.kind == Kind::Footnote {
            footnote(block, &mut notes);
            continue;
        }
        let shown = shown(block);
        if block.aside {
            quote.push(shown);
            continue;
        }
        flush_quote(&mut quote, &mut out);
        out.push(shown);
    }
    flush_quote(&mut quote, &mut out);
    out.extend(notes);
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn shown(block: &Block) -> String {
    match block.kind {
        Kind::Heading if block.aside => format!("**{}**", inline(&block.text)),
        Kind::Heading => format!("## {}", inline(&block.text)),
        Kind::ListItem => {
            let skip = bullet_len(&block.text).unwrap_or(0);
            format!("- {}", inline(&block.text[skip..]))
        }
        _ => block_start(&inline(&block.text)),
    }
}

fn flush_quote(quote: &mut Vec<String>, out: &mut Vec<String>) {
    if quote.is_empty() {
        return;
    }
    let lines: Vec<String> = quote.drain(..).map(|b| format!("> {b}")).collect();
    out.push(lines.join("\n>\n"));
}

/// `3 Text` becomes `[^3]: Text`; text without a number runs on the last note.
fn footnote(block: &Block, notes: &mut Vec<String>) {
    match footnote_number(&block.text) {
        Some(number) => {
            let start = block.text.find(' ').map_or(block.text.len(), |i| i + 1);
            notes.push(format!("[^{number}]: {}", inline(&block.text[start..])));
        }
        None => match notes.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(&inline(&block.text));
            }
            None => notes.push(block_start(&inline(&block.text))),
        },
    }
}

/// Escapes Markdown and HTML syntax inside text, keeping `[^n]` references.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
    restore_references(&out)
}

/// `\[^3\]` (an escaped footnote reference) back to `[^3]`.
fn restore_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\[^") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with("\\]") {
            out.push_str(&format!("[^{}]", &after[..digits]));
            rest = &after[digits + 2..];
        } else {
            out.push_str("\\[^");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Escapes what would start a heading, list or quote at a block's start.
fn block_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if text.starts_with(['#', '+', '-', '=', '>']) {
        format!("\\{text}")
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_keeps_footnote_references() {
        assert_eq!(
            inline("a <script> *b* [^2] [x]"),
            "a &lt;script> \\*b\\* [^2] \\[x\\]"
        );
        assert_eq!(block_start("1. not a list"), "1\\. not a list");
        assert_eq!(block_start("# not a heading"), "\\# not a heading");
    }
}
