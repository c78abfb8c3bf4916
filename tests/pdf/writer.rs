//! A minimal, deterministic PDF writer for tests and benchmarks: pages of
//! text placed at positions in the standard Helvetica faces (WinAnsi, with
//! explicit widths), rectangles, and an Info dictionary. Not a product
//! feature: it makes fixture PDFs whose layout the tests know exactly.

use std::fmt::Write as _;

/// The faces a fixture can set text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn resource(self) -> &'static str {
        match self {
            Face::Regular => "F1",
            Face::Bold => "F2",
            Face::Italic => "F3",
        }
    }

    fn base_font(self) -> &'static str {
        match self {
            Face::Regular => "Helvetica",
            Face::Bold => "Helvetica-Bold",
            Face::Italic => "Helvetica-Oblique",
        }
    }
}

/// Helvetica advance widths (1/1000 em) for WinAnsi codes 32..=126.
const ASCII_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The WinAnsi code and width of a character, `?` for what WinAnsi lacks.
fn win_ansi(c: char) -> (u8, u16) {
    match c {
        ' '..='~' => (c as u8, ASCII_WIDTHS[c as usize - 32]),
        '\u{2018}' => (0x91, 222),
        '\u{2019}' => (0x92, 222),
        '\u{201C}' => (0x93, 333),
        '\u{201D}' => (0x94, 333),
        '\u{2022}' => (0x95, 350),
        '\u{2013}' => (0x96, 556),
        '\u{2014}' => (0x97, 1000),
        _ => (b'?', 556),
    }
}

/// The width of `text` set in `size` points.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(|c| f32::from(win_ansi(c).1)).sum::<f32>() * size / 1000.0
}

/// One page's content stream.
#[derive(Default)]
pub struct Page {
    ops: String,
}

impl Page {
    /// Sets `text` with its baseline starting at (`x`, `y`), y up from the bottom.
    pub fn text(&mut self, x: f32, y: f32, face: Face, size: f32, text: &str) {
        let mut literal = String::new();
        for c in text.chars() {
            match win_ansi(c).0 {
                b'(' => literal.push_str("\\("),
                b')' => literal.push_str("\\)"),
                b'\\' => literal.push_str("\\\\"),
                code @ 0x20..=0x7e => literal.push(code as char),
                code => write!(literal, "\\{code:03o}").unwrap(),
            }
        }
        writeln!(
            self.ops,
            "BT /{} {size:.2} Tf {x:.2} {y:.2} Td ({literal}) Tj ET",
            face.resource()
        )
        .unwrap();
    }

    /// Strokes a rectangle (a box's frame).
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32) {
        writeln!(self.ops, "{x:.2} {y:.2} {width:.2} {height:.2} re S").unwrap();
    }
}

/// A document under construction.
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Info dictionary entries (`Title`, `Author`, `CreationDate`, ...).
    pub info: Vec<(String, String)>,
}

impl Document {
    /// An A4 document with no pages.
    pub fn a4() -> Self {
        Document {
            width: 595.0,
            height: 842.0,
            pages: Vec::new(),
            info: Vec::new(),
        }
    }

    /// The PDF file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut objects: Vec<String> = Vec::new();
        // Object numbers: 1 catalog, 2 pages, 3..=5 fonts, 6 info, then page/content pairs.
        objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
        let kids: Vec<String> = (0..self.pages.len())
            .map(|i| format!("{} 0 R", 7 + 2 * i))
            .collect();
        objects.push(format!(
            "<< /Type /Pages /Count {} /Kids [{}] >>",
            self.pages.len(),
            kids.join(" ")
        ));
        let widths: Vec<String> = (32u32..=151)
            .map(|code| {
                let c = char::from_u32(code).unwrap();
                let width = match code {
                    32..=126 => win_ansi(c).1,
                    0x91 | 0x92 => 222,
                    0x93 | 0x94 => 333,
                    0x95 => 350,
                    0x96 => 556,
                    0x97 => 1000,
                    _ => 556,
                };
                width.to_string()
            })
            .collect();
        for face in Face::ALL {
            objects.push(format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding \
                 /FirstChar 32 /LastChar 151 /Widths [{}] >>",
                face.base_font(),
                widths.join(" ")
            ));
        }
        let info: Vec<String> = self
            .info
            .iter()
            .map(|(key, value)| format!("/{key} ({})", pdf_string(value)))
            .collect();
        objects.push(format!("<< {} >>", info.join(" ")));
        for (i, page) in self.pages.iter().enumerate() {
            objects.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>",
                self.width,
                self.height,
                8 + 2 * i
            ));
            objects.push(format!(
                "<< /Length {} >>\nstream\n{}endstream",
                page.ops.len(),
                page.ops
            ));
        }
        assemble(&objects)
    }
}

/// Escapes a literal string (ASCII only: Info values in fixtures are ASCII).
fn pdf_string(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// Numbers the objects from 1 and writes the body, cross-reference table and trailer.
fn assemble(objects: &[String]) -> Vec<u8> {
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj\n{object}\nendobj", i + 1).unwrap();
    }
    let xref = out.len();
    writeln!(out, "xref\n0 {}\n0000000000 65535 f ", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out.into_bytes()
}
