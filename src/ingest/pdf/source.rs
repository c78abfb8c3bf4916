//! The one place that talks to the PDF parser (`pdf_oxide`): opens the file,
//! and hands back each page's text runs with position and font, and the
//! document's Info and XMP metadata, in this module's own plain types.

use pdf_oxide::extractors::SpanMergingConfig;
use pdf_oxide::layout::FontWeight;
use pdf_oxide::layout::TextSpan;
use pdf_oxide::PdfDocument;

use super::PdfError;

/// Pages past this many are not read (a warning says so): bounded work.
pub const MAX_PAGES: usize = 2000;
/// Text runs past this many on one page are dropped: bounded work.
const MAX_RUNS_PER_PAGE: usize = 20_000;

/// A run of text in one font on one baseline. Coordinates are points from
/// the page's top-left corner, y downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub baseline: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

#[cfg(test)]
impl Run {
    /// A run of 10 pt upright regular text, for tests.
    pub fn plain(text: &str, x0: f32, x1: f32, baseline: f32) -> Self {
        Run {
            text: text.to_string(),
            x0,
            x1,
            baseline,
            size: 10.0,
            bold: false,
            italic: false,
        }
    }
}

/// One page's text.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    pub height: f32,
    pub runs: Vec<Run>,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    pub title: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD` from CreationDate (Info) or CreateDate (XMP).
    pub created: Option<String>,
    pub producer: Option<String>,
    pub page_count: usize,
}

/// Opens `bytes`: an encrypted file that an empty password does not open is refused.
pub fn open(bytes: &[u8]) -> Result<PdfDocument, PdfError> {
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| broken(&e))?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

fn broken(error: &pdf_oxide::error::Error) -> PdfError {
    match error {
        pdf_oxide::error::Error::EncryptedPdf => PdfError::Encrypted,
        other => PdfError::Broken(first_line(&other.to_string())),
    }
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    line.chars().take(160).collect()
}

/// The text runs of page `index`.
pub fn page_text(doc: &PdfDocument, index: usize) -> Result<PageText, PdfError> {
    let (x0, y0, x1, y1) = doc.get_page_media_box(index).map_err(|e| broken(&e))?;
    let height = (y1 - y0).abs();
    // The runs as the content stream draws them, without the parser's own
    // reading order and glyph-position pass (which parses each page twice):
    // the layout analysis here only needs each run's box and type.
    let spans = doc
        .extract_spans_with_config(index, SpanMergingConfig::default())
        .map_err(|e| broken(&e))?;
    let mut runs: Vec<Run> = spans
        .into_iter()
        .take(MAX_RUNS_PER_PAGE)
        .filter(|s| s.font_size > 0.5 && on_page(s, (x0, y0, x1, y1)))
        .map(|s| {
            let font = s.font_name.to_ascii_lowercase();
            Run {
                text: plain_spaces(&s.text),
                x0: s.bbox.x - x0,
                x1: s.bbox.x + s.bbox.width - x0,
                baseline: y1 - s.bbox.y,
                size: s.font_size,
                bold: s.font_weight as u16 >= FontWeight::SemiBold as u16
                    || ["bold", "black", "heavy", "semibold"]
                        .iter()
                        .any(|w| font.contains(w)),
                italic: s.is_italic || font.contains("italic") || font.contains("oblique"),
            }
        })
        .filter(|run: &Run| !run.text.trim().is_empty())
        .collect();
    if doc.get_page_rotation(index).unwrap_or(0).rem_euclid(360) == 180 {
        turn_upside_down(&mut runs, x1 - x0, height);
    }
    super::accents::compose_accents(&mut runs);
    Ok(PageText { height, runs })
}

/// A run's text as a reader sees it: typographic spaces (thin, hair,
/// zero-width and the like, which some fonts map word gaps to) and tabs as
/// plain spaces, other control codes dropped, and the bullets that symbol
/// fonts draw from the private-use area (Word's Symbol and Wingdings) as
/// bullets. A run that is one control code alone is a glyph with no
/// character behind it, which in a list is its bullet (pdfTeX's Type 3
/// itemize dot).
fn plain_spaces(text: &str) -> String {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() && !c.is_whitespace() && c != '\u{0}' {
            return "\u{2022}".to_owned();
        }
    }
    text.chars()
        .filter_map(|c| match c {
            '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\t' => Some(' '),
            '\u{F0B7}' | '\u{F06C}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}' => Some('\u{2022}'),
            '\u{F0A7}' | '\u{F06E}' => Some('\u{25AA}'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Runs of a page shown upside down (`/Rotate 180`) in the frame a reader
/// sees: the page turned about its centre. (Pages turned a quarter keep
/// their drawn frame, where their lines run across.)
fn turn_upside_down(runs: &mut [Run], width: f32, height: f32) {
    for run in runs {
        let (x0, x1) = (width - run.x1, width - run.x0);
        run.x0 = x0;
        run.x1 = x1;
        // The run's box bottom was `height - baseline` above the page foot;
        // turned, its top edge becomes its foot.
        run.baseline = height - run.baseline + run.size;
    }
}

/// Whether a run's box meets the page's media box `(x0, y0, x1, y1)`:
/// text set outside it is never seen.
fn on_page(span: &TextSpan, (x0, y0, x1, y1): (f32, f32, f32, f32)) -> bool {
    let b = &span.bbox;
    b.x + b.width > x0 && b.x < x1 && b.y < y1 && b.y + b.height > y0
}

/// Info dictionary and XMP metadata.
pub fn doc_info(doc: &PdfDocument) -> DocInfo {
    let info = doc
        .trailer()
        .as_dict()
        .and_then(|t| t.get("Info"))
        .and_then(|i| doc.resolve_object(i).ok());
    let field = |key: &str| {
        let dict = info.as_ref()?.as_dict()?;
        let value = doc.resolve_object(dict.get(key)?).ok()?;
        value.as_string().map(text_string)
    };
    let xmp = pdf_oxide::extractors::xmp::XmpExtractor::extract(doc)
        .ok()
        .flatten();
    let xmp_title = xmp.as_ref().and_then(|x| x.dc_title.clone());
    let xmp_author = xmp.as_ref().map(|x| x.dc_creator.join(", "));
    let xmp_date = xmp.as_ref().and_then(|x| x.xmp_create_date.clone());
    DocInfo {
        title: field("Title").or(xmp_title),
        author: field("Author")
            .or(xmp_author)
            .filter(|a| !a.trim().is_empty()),
        created: field("CreationDate").or(xmp_date).and_then(|d| iso_day(&d)),
        producer: field("Producer"),
        page_count: doc.page_count().unwrap_or(0),
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which it matches for letters).
fn text_string(bytes: &[u8]) -> String {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Ok(utf8) =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
    {
        utf8.to_string()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// `D:20210224093000+01'00'` or `2021-02-24T09:30:00` → `2021-02-24`.
fn iso_day(value: &str) -> Option<String> {
    let digits: String = value
        .trim_start_matches("D:")
        .chars()
        .filter(|c| *c != '-')
        .take(8)
        .collect();
    if digits.len() < 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let day = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
    crate::model::date::parse_date(&day)
        .ok()
        .map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_without_characters_are_bullets_or_dropped() {
        assert_eq!(plain_spaces("\u{88}"), "\u{2022}");
        assert_eq!(plain_spaces("\u{F0B7}"), "\u{2022}");
        assert_eq!(plain_spaces("\u{F0A7}\tExports"), "\u{25AA} Exports");
        assert_eq!(plain_spaces("a\u{7}b\u{0}c\u{2009}d"), "abc d");
        assert_eq!(plain_spaces("\u{0}"), "");
    }

    #[test]
    fn a_page_turned_upside_down_reads_top_to_bottom_and_left_to_right() {
        let run = Run::plain;
        // Drawn upside down on a 600 × 800 page: the first line sits at the
        // foot, on the right.
        let mut runs = vec![
            run("first", 500.0, 550.0, 710.0),
            run("second", 400.0, 460.0, 690.0),
        ];
        turn_upside_down(&mut runs, 600.0, 800.0);
        assert_eq!(
            (runs[0].x0, runs[0].x1, runs[0].baseline),
            (50.0, 100.0, 100.0)
        );
        assert!(runs[0].baseline < runs[1].baseline, "{runs:?}");
        assert!(runs[0].x0 < runs[1].x0);
    }
}
