//! Saved web pages (`.html`, `.htm`): the article found in the page, as
//! Markdown, with its metadata. `dom_smoothie` (a port of Readability.js)
//! finds the article and reads `<meta>`, OpenGraph and JSON-LD; this module
//! gives it the page's address so relative links resolve, keeps links into
//! the page's local `X_files/` folder out, and turns its byline and date into
//! authors and a calendar day.

mod metadata;

use std::path::Path;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::extracted::{Extracted, SourceInfo};
use crate::diagnostics::Diagnostic;

/// Reads a saved web page from its bytes.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Extracted, Diagnostic> {
    let mut warnings = Vec::new();
    let html = decode(bytes, &mut warnings);
    let document = Document::from(html.as_str());
    // A name only readers' comments hold is a commenter's, not the writer's.
    let commenters = metadata::Commenters::of(&document);
    let address = metadata::page_address(&document, &html);
    let stamped = metadata::time_element_day(&document);
    let byline_block = metadata::byline_block(&document);
    let article = find_article(path, document, address.as_deref())?;
    let content = Document::fragment(article.content);
    let saved_files = saved_files_folder(path);
    let left_out = keep_local_files_out(&content, &saved_files, address.is_some());
    if left_out > 0 {
        warnings.push(format!(
            "{left_out} image(s) or link(s) lead to files saved beside the page, to no known address or to inlined data; left out"
        ));
    }
    let text = tidy_markdown(&content.md(None));
    if text.is_empty() {
        return Err(Diagnostic::error(
            path.to_path_buf(),
            "the article in this web page has no text",
        )
        .help("check that the page was saved after it finished loading"));
    }
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    let (authors, date) = authors_and_date(
        article
            .byline
            .filter(|byline| !commenters.only_commenter(byline, &html))
            .or(byline_block),
        article
            .published_time
            .as_deref()
            .and_then(metadata::day)
            .or(stamped),
        &text,
    );
    Ok(Extracted {
        title,
        authors,
        date,
        series: None,
        summary: article.excerpt.filter(|e| !e.trim().is_empty()),
        text: format!("{text}\n"),
        source: SourceInfo {
            format: "html".into(),
            ..SourceInfo::default()
        },
        warnings,
    })
}

/// The article Readability finds in the page.
fn find_article(
    path: &Path,
    document: Document,
    address: Option<&str>,
) -> Result<dom_smoothie::Article, Diagnostic> {
    let config = Config {
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, address, Some(config))
        .map_err(|e| Diagnostic::error(path.to_path_buf(), format!("cannot read the page: {e}")))?;
    readability.parse().map_err(|_| {
        Diagnostic::error(path.to_path_buf(), "no article found in this web page")
            .help("check that the file is the saved article page, not an index or a login page")
    })
}

/// The page's authors and day: from its byline, else from a `By …` line
/// opening the article; the day from its metadata, else beside the byline.
fn authors_and_date(
    byline: Option<String>,
    marked_day: Option<String>,
    text: &str,
) -> (Vec<String>, Option<String>) {
    let marked_authors = byline.as_deref().map(metadata::authors).unwrap_or_default();
    let (authors, text_date) = if marked_authors.is_empty() {
        byline_in_text(text)
    } else {
        (marked_authors, None)
    };
    let byline_day = byline
        .as_deref()
        .and_then(super::written_date::find_date)
        .map(|d| d.to_string());
    (authors, marked_day.or(byline_day).or(text_date))
}

/// The authors, and the date beside them, of a byline among the first
/// lines of an article's text (`By Ana Roe and Tom Poe | Nov 28, 2025`).
fn byline_in_text(text: &str) -> (Vec<String>, Option<String>) {
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4);
    for line in lines {
        let line = line.trim_matches(['*', '_']);
        let authors = super::byline::byline_names(line, false);
        if !authors.is_empty() {
            let date = super::written_date::find_date(line).map(|d| d.to_string());
            return (authors, date);
        }
    }
    (Vec::new(), None)
}

/// The page's text: UTF-8 (or UTF-16 with a byte-order mark); other bytes
/// are replaced, with a warning.
fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match super::decode::decode(bytes) {
        Ok(text) => text,
        Err(_) => {
            warnings.push(
                "the page is not UTF-8: characters that are not were replaced with �; save it again as UTF-8".into(),
            );
            String::from_utf8_lossy(bytes).replace('\0', "")
        }
    }
}

/// Drops the article's images and unlinks its links that point at files
/// saved beside the page (`X_files/…`), and, when the page's address is
/// unknown, every other relative one: on the site they would lead nowhere.
/// Images inlined as `data:` URLs (single-file saves) go too: they would
/// fill the briefing's text, search index and `kb.json`. Returns how many.
fn keep_local_files_out(document: &Document, saved_files: &str, address_known: bool) -> usize {
    let local = |target: &str| {
        let target = target.trim().replace("%20", " ");
        let relative = !has_scheme(&target) && !target.starts_with('#');
        target.starts_with(saved_files)
            || target.contains(&format!("/{saved_files}"))
            || (relative && !address_known)
            || target
                .get(..5)
                .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    };
    let mut count = 0;
    for image in document.select("img[src]").nodes() {
        if image.attr("src").is_some_and(|src| local(&src)) {
            image.remove_from_parent();
            count += 1;
        }
    }
    for link in document.select("a[href]").nodes() {
        if link.attr("href").is_some_and(|href| local(&href)) {
            link.remove_attr("href");
            count += 1;
        }
    }
    count
}

/// Markdown with one blank line between blocks (outside fenced code) and
/// no trailing spaces.
fn tidy_markdown(markdown: &str) -> String {
    let mut tidy = String::with_capacity(markdown.len());
    let (mut in_fence, mut blank_before) = (false, true);
    for line in markdown.lines() {
        let line = if in_fence { line } else { line.trim_end() };
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        let blank = line.trim().is_empty() && !in_fence;
        if !(blank && blank_before) {
            tidy.push_str(line);
            tidy.push('\n');
        }
        blank_before = blank;
    }
    tidy.trim_end().to_string()
}

/// `X_files/` for a page saved as `X.html`: where browsers put its images.
fn saved_files_folder(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    format!("{stem}_files/")
}

/// Whether `text` starts with a URL scheme (`https:`, `mailto:`, `data:`).
fn has_scheme(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}
