//! The PDF reader on fixture PDFs whose layout is known: one test per
//! layout feature (furniture, columns, hyphens, footnotes, boxes, metadata),
//! the sample briefing set as a PDF, broken input, and minimum scores on
//! generated briefings.

mod pdf;

use dossier::ingest::extracted::Extracted;
use dossier::ingest::pdf::{read_pdf, PdfError};
use pdf::score::{paragraphs, score, words};
use pdf::typeset::{typeset, Block, Briefing, Layout, Truth};
use pdf::writer::{Document, Face, Page};

fn para(text: &str) -> Block {
    Block::Para(text.to_string(), None)
}

/// A briefing whose paragraphs are long enough to fill `pages` pages.
fn briefing(blocks: Vec<Block>) -> Briefing {
    Briefing {
        title: "Varnholm Rethinks the Transit Bargain".into(),
        authors: vec!["Mira Lindqvist".into(), "Tomas Haber".into()],
        printed_date: "24 February 2021".into(),
        date: "2021-02-24".into(),
        series: "SPOTLIGHT".into(),
        blocks,
    }
}

fn filler(seed: u64, paragraphs: usize) -> Vec<Block> {
    (0..paragraphs)
        .map(|i| {
            let (b, _) = pdf::corpus::briefing(seed * 100 + i as u64);
            b.blocks
                .into_iter()
                .find_map(|b| match b {
                    Block::Para(text, _) => Some(para(&text)),
                    _ => None,
                })
                .unwrap()
        })
        .collect()
}

fn read(briefing: &Briefing, layout: &Layout) -> (Extracted, Truth) {
    let (bytes, truth) = typeset(briefing, layout);
    let reading = read_pdf(&bytes).unwrap_or_else(|e| panic!("fixture unreadable: {e}"));
    (reading, truth)
}

fn assert_whole(reading: &Extracted, truth: &Truth) {
    let got = paragraphs(&reading.text);
    for paragraph in &truth.paragraphs {
        let want = words(paragraph);
        assert!(
            got.iter()
                .any(|g| g.windows(want.len()).any(|w| w == want.as_slice())),
            "paragraph not whole: {paragraph}\n--- reading:\n{}",
            reading.text
        );
    }
}

#[test]
fn running_headers_footers_page_numbers_and_addresses_are_removed() {
    let layout = Layout {
        running_header: Some("NORTHERN POLICY INSTITUTE SPOTLIGHT".into()),
        footer_url: Some("www.northern-policy.example.org".into()),
        ..Layout::default()
    };
    let (reading, truth) = read(&briefing(filler(1, 24)), &layout);
    assert!(
        truth.pages >= 3,
        "fixture must span pages, has {}",
        truth.pages
    );
    assert!(
        !reading.text.contains("NORTHERN POLICY"),
        "{}",
        reading.text
    );
    assert!(
        !reading.text.contains("northern-policy"),
        "{}",
        reading.text
    );
    let s = score(&reading, &briefing(filler(1, 24)), &truth);
    assert_eq!(s.leaks, 0, "{}", reading.text);
    assert_whole(&reading, &truth);
    assert_eq!(reading.source.pages, Some(truth.pages));
}

#[test]
fn two_and_three_columns_read_in_column_order_and_rejoin_across_breaks() {
    for columns in [2, 3] {
        let layout = Layout {
            columns,
            ..Layout::default()
        };
        let b = briefing(filler(2, 10));
        let (reading, truth) = read(&b, &layout);
        assert!(truth.pages >= 2);
        assert_whole(&reading, &truth);
        let order: Vec<usize> = truth
            .paragraphs
            .iter()
            .map(|p| reading.text.find(&p[..40]).expect("paragraph start"))
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{columns} columns out of order"
        );
    }
}

#[test]
fn line_end_hyphens_are_rejoined_but_real_hyphens_stay() {
    let text = "Delegations discussed the internationalisation of telecommunications \
        infrastructure and the Kelvor-Estrian arrangement before the Northwind-2024 exercise. "
        .repeat(6);
    let layout = Layout {
        columns: 3,
        ..Layout::default()
    };
    let (reading, truth) = read(&briefing(vec![para(&text)]), &layout);
    assert_whole(&reading, &truth);
    assert_eq!(
        reading.text.matches("internationalisation").count(),
        6,
        "{}",
        reading.text
    );
    assert_eq!(reading.text.matches("telecommunications").count(), 6);
    assert_eq!(reading.text.matches("Kelvor-Estrian").count(), 6);
    assert_eq!(reading.text.matches("Northwind-2024").count(), 6);
}

#[test]
fn footnotes_become_markdown_footnotes_outside_the_body() {
    let mut blocks = filler(3, 4);
    blocks.insert(
        1,
        Block::Para(
            "The regulator published its figures late.".into(),
            Some("Annual report of the regulator, page twelve.".into()),
        ),
    );
    let (reading, truth) = read(&briefing(blocks), &Layout::default());
    assert!(
        reading.text.contains("published its figures late.[^1]"),
        "{}",
        reading.text
    );
    assert!(
        reading
            .text
            .contains("\n\n[^1]: Annual report of the regulator, page twelve.\n"),
        "{}",
        reading.text
    );
    assert_eq!(reading.text.matches("Annual report").count(), 1);
    assert_whole(&reading, &truth);
}

#[test]
fn key_points_boxes_stay_whole_and_never_split_a_paragraph() {
    let mut blocks = filler(4, 9);
    blocks.insert(
        2,
        Block::KeyPoints(vec![
            "Transit fees rise for the third year.".into(),
            "Neighbours seek other routes.".into(),
        ]),
    );
    for columns in [1, 2] {
        let layout = Layout {
            columns,
            ..Layout::default()
        };
        let (reading, truth) = read(&briefing(blocks.clone()), &layout);
        assert_whole(&reading, &truth);
        assert!(
            reading.text.contains("> **Key points**"),
            "{}",
            reading.text
        );
        assert!(
            reading
                .text
                .contains("> - Transit fees rise for the third year."),
            "{}",
            reading.text
        );
    }
}

#[test]
fn headings_and_lists_come_from_type_and_bullets() {
    let mut blocks = filler(5, 2);
    blocks.insert(1, Block::Heading("What comes next?".into()));
    blocks.push(Block::List(vec![
        "First item of the list.".into(),
        "Second item of the list.".into(),
    ]));
    let (reading, _) = read(&briefing(blocks), &Layout::default());
    assert!(
        reading.text.contains("\n\n## What comes next?\n\n"),
        "{}",
        reading.text
    );
    assert!(
        reading
            .text
            .contains("- First item of the list.\n\n- Second item"),
        "{}",
        reading.text
    );
}

#[test]
fn metadata_from_page_one_and_from_real_info_fields() {
    let b = briefing(filler(6, 3));
    let junk = Layout {
        info_title: Some("Microsoft Word - brief_7.docx".into()),
        ..Layout::default()
    };
    let (reading, _) = read(&b, &junk);
    assert_eq!(
        reading.title.as_deref(),
        Some("Varnholm Rethinks the Transit Bargain")
    );
    assert_eq!(reading.authors, ["Mira Lindqvist", "Tomas Haber"]);
    assert_eq!(reading.date.as_deref(), Some("2021-02-24"));
    assert_eq!(reading.series.as_deref(), Some("SPOTLIGHT"));
    assert!(
        !reading.text.contains("Varnholm Rethinks"),
        "title left in body: {}",
        reading.text
    );
    assert!(!reading.text.contains("24 February"), "{}", reading.text);
    let real = Layout {
        info_title: Some("Transit Bargain, Revisited".into()),
        ..Layout::default()
    };
    let (reading, _) = read(&b, &real);
    assert_eq!(reading.title.as_deref(), Some("Transit Bargain, Revisited"));
    assert_eq!(reading.source.format, "pdf");
    assert_eq!(
        reading.source.producer.as_deref(),
        Some("dossier test writer")
    );
}

#[test]
fn image_only_broken_and_non_pdf_files_get_clear_errors() {
    let mut blank = Document::a4();
    blank.pages.push(Page::default());
    assert_eq!(read_pdf(&blank.to_bytes()), Err(PdfError::NoTextLayer));
    assert!(PdfError::NoTextLayer
        .to_string()
        .contains("no text layer: scanned PDF?"));
    assert!(matches!(
        read_pdf(b"hello, not a pdf"),
        Err(PdfError::Broken(_))
    ));
    let mut page = Page::default();
    page.text(50.0, 700.0, Face::Regular, 10.0, "Some text on the page.");
    let mut doc = Document::a4();
    doc.pages.push(page);
    let bytes = doc.to_bytes();
    for cut in [10, 40, bytes.len() / 2, bytes.len() - 30] {
        let result = read_pdf(&bytes[..cut]);
        assert!(
            result.is_ok()
                || matches!(
                    result,
                    Err(PdfError::Broken(_)) | Err(PdfError::NoTextLayer)
                )
        );
    }
}

#[test]
fn generated_briefings_keep_their_recorded_minimum_scores() {
    let (mut leaks, mut whole, mut paragraphs, mut f1) = (0, 0, 0, 0.0);
    let (mut titles, mut authors, mut dates) = (0, 0, 0);
    let n = 24;
    for seed in 0..n {
        let (b, layout) = pdf::corpus::briefing(seed);
        let (reading, truth) = read(&b, &layout);
        let s = score(&reading, &b, &truth);
        leaks += s.leaks;
        whole += s.whole;
        paragraphs += s.paragraphs;
        f1 += s.f1 / n as f64;
        titles += usize::from(s.title);
        authors += usize::from(s.authors);
        dates += usize::from(s.date);
    }
    let whole_share = whole as f64 / paragraphs as f64;
    eprintln!("leaks {leaks} whole {whole_share:.3} f1 {f1:.4} title {titles} authors {authors} date {dates} of {n}");
    assert_eq!(leaks, 0);
    assert!(whole_share >= 0.98, "paragraphs whole {whole_share}");
    assert!(f1 >= 0.98, "body F1 {f1}");
    assert!(
        titles * 100 >= n as usize * 95
            && authors * 100 >= n as usize * 90
            && dates * 100 >= n as usize * 90
    );
}

/// Markdown inline marks out: `*x*` → x, `[x](#)` → x.
fn plain(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace('*', "")
}

#[test]
fn the_sample_briefing_as_a_pdf_reads_back_like_its_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_3d1f1b5c911402f3.txt"
    );
    let text = std::fs::read_to_string(path).expect("the sample seed");
    let labels = dossier::ingest::plaintext::running_labels(std::iter::once(text.as_str()));
    let txt = dossier::ingest::plaintext::convert(&text, &labels);
    let chunks: Vec<&str> = txt
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let blocks: Vec<Block> = chunks
        .iter()
        .map(|c| match c.strip_prefix("## ") {
            Some(h) => Block::Heading(plain(h)),
            None => para(&plain(c)),
        })
        .collect();
    let b = Briefing {
        title: txt.title.clone().unwrap(),
        authors: txt.authors.clone(),
        printed_date: "24 February 2021".into(),
        date: "2021-02-24".into(),
        series: "PISM SPOTLIGHT".into(),
        blocks,
    };
    for columns in [1, 2] {
        let layout = Layout {
            columns,
            running_header: Some("PISM SPOTLIGHT".into()),
            ..Layout::default()
        };
        let (reading, _) = read(&b, &layout);
        assert_eq!(reading.title, txt.title);
        assert_eq!(reading.authors, txt.authors);
        let got: Vec<Vec<String>> = paragraphs(&reading.text);
        let want: Vec<Vec<String>> = chunks.iter().map(|c| words(&plain(c))).collect();
        assert_eq!(got, want, "{columns} columns:\n{}", reading.text);
        let headings = |t: &str| {
            t.lines()
                .filter(|l| l.starts_with("## "))
                .map(plain)
                .collect::<Vec<_>>()
        };
        assert_eq!(headings(&reading.text), headings(&txt.body));
    }
}
