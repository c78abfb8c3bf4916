//! Saved web pages as briefings: the reader's scores over the
//! readability-pages corpus stay at or above the recorded minimums, and a
//! saved page in seeds/ builds into a briefing page with the article, not
//! the page's chrome, linked to its copied original and to entity pages.

mod common;
#[path = "support/webpage_score.rs"]
mod webpage_score;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{assert_no_broken_links, read_html, select, text};
use webpage_score::{cases, corpus_dir, markdown_text, Totals};

/// The scores of the reader on the corpus when this test was written
/// (`cargo run --release --example score_webpages`), rounded down.
/// (F1 0.9989, titles 127/127, bylines 72/76, dates 33/33 on 2026-12-04.)
const MIN_F1: f64 = 0.998;
const MIN_TITLES: f64 = 1.0;
const MIN_BYLINES: f64 = 0.947;
const MIN_DATES: f64 = 1.0;

#[test]
fn scores_on_the_readability_pages_do_not_drop() {
    let dir = corpus_dir().unwrap_or_else(|message| panic!("{message}"));
    let cases = cases(&dir);
    assert_eq!(
        cases.len(),
        130,
        "the corpus at {} has 130 pages",
        dir.display()
    );
    let mut totals = Totals::default();
    for case in &cases {
        let path = Path::new(&case.name).join("source.html");
        let read = dossier::ingest::html::read(&path, &case.source)
            .unwrap_or_else(|problem| panic!("{problem}"));
        let text = markdown_text(&read.text);
        totals.add(
            case,
            &text,
            read.title.as_deref(),
            &read.authors,
            read.date.as_deref(),
        );
    }
    let scores = [
        ("article F1", totals.f1(), MIN_F1),
        ("title", Totals::share(totals.titles), MIN_TITLES),
        ("byline", Totals::share(totals.bylines), MIN_BYLINES),
        ("date", Totals::share(totals.dates), MIN_DATES),
    ];
    for (what, score, minimum) in scores {
        assert!(score >= minimum, "{what}: {score:.4} < {minimum}");
    }
}

/// A site whose seeds/ holds the hand-written saved page of the fixture,
/// its `_files/` folder included, and one Markdown briefing.
fn fixture_site() -> tempfile::TempDir {
    let site = common::site(&[(
        "seeds/2022-01-kuznica.md",
        "---\ntitle: Kuźnica crossing\ndate: 2022-01-10\n---\n\nLithuania and Poland discussed Grodno freight at the Kuźnica crossing.\n",
    )]);
    let fixture = common::repo().join("tests/fixtures/webpage/seeds");
    for file in common::files(&fixture) {
        let bytes = fs::read(fixture.join(&file)).unwrap();
        common::write(site.path(), &format!("seeds/{}", file.display()), &bytes);
    }
    site
}

#[test]
fn a_saved_page_builds_into_a_briefing_with_the_article_only() {
    let site = fixture_site();
    let report = dossier::build(&dossier::BuildOptions {
        root: site.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap_or_else(|failure| panic!("{failure}"));
    let out = report.out_dir;
    assert_eq!(report.briefings, 2, "the _files/ folder holds no briefing");
    let warnings: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        !warnings.iter().any(|w| w.contains("_files")),
        "no warning per file of the saved page's folder: {warnings:?}"
    );
    let page = read_html(&out.join("briefings/grodno-rail-freight-shifts-south.html"));
    let body = text(&select(&page, "article.briefing")[0]);
    for kept in [
        "Freight trains leaving Grodno",
        "Why the corridor moved",
        "customs checks at the border grew longer",
        "The timetable simply stopped working",
        "Southern corridor",
        "Marta Kowalczyk",
    ] {
        assert!(body.contains(kept), "the article keeps `{kept}`");
    }
    for chrome in [
        "We use cookies",
        "Energy and pipelines",
        "Share on the social network",
        "Baltic ports compete",
        "RailWatcher",
        "All rights reserved",
    ] {
        assert!(
            !body.contains(chrome),
            "the page's chrome `{chrome}` is left out"
        );
    }
    assert_eq!(select(&page, ".body h2").len(), 2);
    assert_eq!(select(&page, ".body li").len(), 3);
    assert_eq!(select(&page, ".body blockquote").len(), 1);
    assert_eq!(select(&page, ".body table td").len(), 6);
    let appendix = select(
        &page,
        ".body a[href=\"https://briefs.example.org/analysis/data/timetables.html\"]",
    );
    assert_eq!(
        appendix.len(),
        1,
        "a relative link resolves against the canonical URL"
    );
    assert!(select(&page, "img[src*=\"_files\"]").is_empty());
    let time = select(&page, "time");
    assert_eq!(time[0].value().attr("datetime"), Some("2022-03-14"));

    let original = select(&page, "a.original");
    let href = original[0].value().attr("href").unwrap();
    assert_eq!(href, "../originals/grodno-rail-freight-shifts-south.html");
    let copy =
        fs::read_to_string(out.join("originals/grodno-rail-freight-shifts-south.html")).unwrap();
    assert!(copy
        .starts_with("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'"));
    assert!(copy.contains("Grodno Rail Freight Shifts South | Eastern Corridor Review"));
    assert_no_broken_links(&out);
}

#[test]
fn entity_pages_of_a_saved_page_link_back_to_it() {
    let site = fixture_site();
    let out = common::build(site.path()).unwrap_or_else(|failure| panic!("{failure}"));
    let page = read_html(&out.join("briefings/grodno-rail-freight-shifts-south.html"));
    let entity_links: Vec<String> = select(&page, "a[href^=\"../entities/\"]")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .filter(|href| !href.ends_with("/index.html"))
        .collect();
    assert!(
        entity_links.iter().any(|h| h.contains("marta-kowalczyk")),
        "the author has an entity page: {entity_links:?}"
    );
    for href in &entity_links {
        let entity = read_html(&out.join("briefings").join(href));
        let back = select(
            &entity,
            "a[href*=\"briefings/grodno-rail-freight-shifts-south.html\"]",
        );
        assert!(!back.is_empty(), "{href} links back to the briefing");
    }
    assert!(
        entity_links.iter().any(|h| h.contains("hrodna")),
        "Grodno is found, as Hrodna: {entity_links:?}"
    );
}

#[test]
fn dossier_read_prints_a_saved_page_as_markdown_and_json() {
    let page = common::repo().join("tests/fixtures/webpage/seeds/web/grodno-rail-freight.html");
    let run = |json: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
        command.arg("read").arg(&page);
        if json {
            command.arg("--json");
        }
        command.output().unwrap()
    };
    let markdown = run(false);
    assert!(markdown.status.success());
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.starts_with("---\ntitle: Grodno Rail Freight Shifts South\n"));
    assert!(markdown.contains("\n## Why the corridor moved\n\n"));
    assert!(markdown.contains("\n- transit fees on the northern route"));
    assert!(
        !markdown.contains("\n\n\n"),
        "one blank line between blocks"
    );
    let json = run(true);
    let record: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        record["authors"],
        serde_json::json!(["Marta Kowalczyk", "Jonas Petraitis"])
    );
    assert_eq!(record["date"], "2022-03-14");
    assert_eq!(record["source"]["format"], "html");
    assert_eq!(record["series"], serde_json::Value::Null);
    assert!(record["text"]
        .as_str()
        .unwrap()
        .contains("| Northern corridor | 61% | 44% |"));
    assert!(!record["text"].as_str().unwrap().contains("RailWatcher"));
}

#[test]
fn dossier_read_names_the_file_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("blank.html");
    fs::write(
        &empty,
        "<html><head><title>Log in</title></head><body><form><input name=u></form></body></html>",
    )
    .unwrap();
    for (file, expected) in [
        (empty, "blank.html: no article found"),
        (dir.path().join("missing.htm"), "missing.htm"),
        (dir.path().join("notes.docx"), "not a briefing"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("read")
            .arg(&file)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!stderr.contains("previous site"), "{stderr}");
    }
}
