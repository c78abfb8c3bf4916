//! A PDF in seeds/ becomes a briefing like any other: its page carries the
//! body read from the PDF and links to the copied original, entities found
//! in it link back; `dossier read x.pdf --json` prints the record; an
//! unreadable PDF stops the build naming the file, unless --keep-going.

mod common;
mod pdf;

use std::fs;
use std::process::Command;

use common::{assert_no_broken_links, read_html, select, text};
use pdf::typeset::{typeset, Block, Briefing, Layout};

fn briefing() -> Briefing {
    let para = |t: &str| Block::Para(t.to_string(), None);
    Briefing {
        title: "Vilnius Weighs the Rail Link".into(),
        authors: vec!["Mira Lindqvist".into()],
        printed_date: "3 March 2022".into(),
        date: "2022-03-03".into(),
        series: "SPOTLIGHT".into(),
        blocks: vec![
            para("Poland and Lithuania agreed in Vilnius to extend the rail link towards the port of Klaipeda before the end of the decade."),
            Block::Heading("What was agreed?".into()),
            para("The ministers of Poland and Lithuania signed a memorandum on freight capacity, and the European Commission promised to co-finance the works."),
        ],
    }
}

fn pdf_bytes() -> Vec<u8> {
    let layout = Layout {
        columns: 2,
        running_header: Some("NORTHERN POLICY INSTITUTE SPOTLIGHT".into()),
        ..Layout::default()
    };
    typeset(&briefing(), &layout).0
}

#[test]
fn a_pdf_in_seeds_becomes_a_briefing_page_linking_to_its_original() {
    let dir = common::site(&[]);
    let bytes = pdf_bytes();
    common::write(dir.path(), "seeds/2022/rail-link.pdf", &bytes);
    let out = common::build(dir.path()).unwrap_or_else(|failure| panic!("{failure}"));
    let slug = "vilnius-weighs-the-rail-link";
    let page = read_html(&out.join(format!("briefings/{slug}.html")));
    let body = text(&select(&page, "article.briefing")[0]);
    assert!(
        body.contains("agreed in Vilnius to extend the rail link"),
        "{body}"
    );
    assert!(!body.contains("NORTHERN POLICY INSTITUTE"), "{body}");
    assert_eq!(select(&page, ".body h2").len(), 1);
    assert_eq!(
        select(&page, "time")[0].value().attr("datetime"),
        Some("2022-03-03")
    );
    let original = select(&page, "a.original");
    assert_eq!(
        original[0].value().attr("href"),
        Some(format!("../originals/{slug}.pdf").as_str())
    );
    assert_eq!(
        fs::read(out.join(format!("originals/{slug}.pdf"))).unwrap(),
        bytes
    );
    let entities: Vec<String> = select(&page, "a[href^=\"../entities/\"]")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .filter(|h| !h.ends_with("/index.html"))
        .collect();
    assert!(
        entities.iter().any(|h| h.contains("lithuania")),
        "{entities:?}"
    );
    for href in &entities {
        let entity = read_html(&out.join("briefings").join(href));
        let back = select(&entity, &format!("a[href*=\"briefings/{slug}.html\"]"));
        assert!(!back.is_empty(), "{href} links back to the briefing");
    }
    assert_no_broken_links(&out);
}

#[test]
fn dossier_read_prints_a_pdf_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rail-link.pdf");
    fs::write(&path, pdf_bytes()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["read", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["title"], "Vilnius Weighs the Rail Link");
    assert_eq!(record["authors"], serde_json::json!(["Mira Lindqvist"]));
    assert_eq!(record["date"], "2022-03-03");
    assert_eq!(record["series"], "SPOTLIGHT");
    assert_eq!(record["source"]["format"], "pdf");
    assert_eq!(record["source"]["pages"], 1);
    assert!(record["text"]
        .as_str()
        .unwrap()
        .contains("\n\n## What was agreed?\n\n"));
}

#[test]
fn an_unreadable_pdf_is_named_and_keep_going_builds_the_rest() {
    let dir = common::two_briefings();
    common::write(
        dir.path(),
        "seeds/scan.pdf",
        b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n",
    );
    let failure = common::build(dir.path()).expect_err("a broken PDF stops the build");
    let message = failure.to_string();
    assert!(
        message.contains("scan.pdf") && message.contains("PDF"),
        "{message}"
    );
    let options = dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        keep_going: true,
        ..Default::default()
    };
    let report = dossier::build(&options).unwrap_or_else(|f| panic!("{f}"));
    assert_eq!(report.briefings, 2);
}
