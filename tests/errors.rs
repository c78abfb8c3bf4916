//! Bad input: every problem is reported with its file (and line), nothing
//! panics, the previous site survives, and input never injects markup.

mod common;

use std::fs;

const GOOD: &str =
    "---\ntitle: Good\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";

fn failure_text(dir: &tempfile::TempDir) -> String {
    common::build(dir.path())
        .expect_err("the build should fail")
        .to_string()
}

#[test]
fn all_bad_files_are_reported_at_once_with_locations() {
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        ("seeds/unclosed.md", "---\ntitle: Never closed\n\nBody.\n"),
        (
            "seeds/bad-date.md",
            "---\ntitle: X\ndate: 2021-02-30\n---\nBody.\n",
        ),
        (
            "seeds/wrong-type.md",
            "---\ntitle: X\ndraft: maybe\n---\nBody.\n",
        ),
        ("seeds/empty.md", "  \n\n"),
    ]);
    common::write(
        dir.path(),
        "seeds/latin1.txt",
        b"Title\n\nCaf\xe9 society.\n",
    );
    let message = failure_text(&dir);
    assert!(
        message.contains("seeds/unclosed.md:1:1") && message.contains("never closed"),
        "{message}"
    );
    assert!(
        message.contains("seeds/bad-date.md:3") && message.contains("2021-02-30"),
        "{message}"
    );
    assert!(message.contains("seeds/wrong-type.md:3"), "{message}");
    assert!(
        message.contains("seeds/empty.md") && message.contains("empty"),
        "{message}"
    );
    assert!(
        message.contains("seeds/latin1.txt:3:4") && message.contains("UTF-8"),
        "{message}"
    );
}

#[test]
fn keep_going_builds_the_rest() {
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        ("seeds/bad.md", "---\ntitle: [unclosed\n---\n"),
    ]);
    let options = dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        keep_going: true,
        ..Default::default()
    };
    let report = dossier::build(&options).unwrap();
    assert_eq!(report.briefings, 1);
    assert!(report
        .problems
        .iter()
        .any(|p| p.is_error() && p.to_string().contains("seeds/bad.md")));
}

#[test]
fn bom_crlf_and_utf16_are_accepted() {
    let dir = common::site(&[(
        "seeds/crlf.md",
        "\u{feff}---\r\ntitle: CRLF Briefing\r\n---\r\n\r\nText about NATO.\r\n",
    )]);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Sixteen Bits\n\nJane Roe\n\nText about Poland.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    common::write(dir.path(), "seeds/wide.txt", &utf16);
    let out = common::build(dir.path()).unwrap();
    let kb: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("kb.json")).unwrap()).unwrap();
    let titles: Vec<&str> = kb["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["CRLF Briefing", "Sixteen Bits"]);
}

#[test]
fn unknown_book_toml_key_names_key_and_line() {
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n\n[dossier]\nlink-mention = \"every\"\n",
        ),
    ]);
    let message = failure_text(&dir);
    assert!(
        message.contains("book.toml:5") && message.contains("link-mention"),
        "{message}"
    );
}

#[test]
fn failed_build_leaves_the_previous_site_byte_identical() {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    let out = common::build(dir.path()).unwrap();
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = common::files(&out)
        .into_iter()
        .map(|f| (f.clone(), fs::read(out.join(&f)).unwrap()))
        .collect();
    common::write(dir.path(), "seeds/broken.md", b"+++\ntitle = \n+++\n");
    failure_text(&dir);
    let after: Vec<(std::path::PathBuf, Vec<u8>)> = common::files(&out)
        .into_iter()
        .map(|f| (f.clone(), fs::read(out.join(&f)).unwrap()))
        .collect();
    assert!(before == after, "the old site changed");
}

#[test]
fn refuses_output_folders_it_did_not_create() {
    let dir = common::site(&[("seeds/good.md", GOOD), ("book/precious.txt", "keep me")]);
    let message = failure_text(&dir);
    assert!(message.contains("did not create"), "{message}");
    assert_eq!(
        fs::read_to_string(dir.path().join("book/precious.txt")).unwrap(),
        "keep me"
    );
    let into_seeds = dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        out: Some(dir.path().join("seeds")),
        ..Default::default()
    };
    assert!(dossier::build(&into_seeds).is_err());
    assert!(dir.path().join("seeds/good.md").is_file());
}

#[test]
fn input_never_injects_script() {
    let evil = "---\ntitle: \"<script>alert('t')</script>\"\nauthors: [\"<img src=x onerror=alert(1)>\"]\nsummary: \"</script><script>alert(2)</script>\"\n---\n\n\
        Hello <script>alert(3)</script> <img src=x onerror=alert(4)> [click](javascript:alert(5)) [data](data:text/html,hi) ![i](vbscript:x)\n\n\
        <div onclick=\"alert(6)\">NATO</div>\n";
    let dir = common::site(&[("seeds/evil.md", evil)]);
    let out = common::build(dir.path()).unwrap();
    for file in common::files(&out)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html" || e == "xml"))
    {
        let text = fs::read_to_string(out.join(file)).unwrap();
        let html = common::read_html(&out.join(file));
        for script in common::select(&html, "script") {
            let body: String = script.text().collect();
            match script.value().attr("type") {
                // Data islands: text from the input may appear, but only as JSON strings.
                Some("application/json" | "application/ld+json") => {
                    serde_json::from_str::<serde_json::Value>(&body)
                        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                }
                _ => assert!(
                    !body.contains("alert("),
                    "{}: script runs input: {body}",
                    file.display()
                ),
            }
        }
        assert!(
            common::select(&html, "[onerror], [onclick]").is_empty(),
            "{}: event handler attribute",
            file.display()
        );
        for a in common::select(&html, "a[href], img[src]") {
            let url = a
                .value()
                .attr("href")
                .or(a.value().attr("src"))
                .unwrap()
                .to_ascii_lowercase();
            assert!(
                !url.starts_with("javascript:")
                    && !url.starts_with("data:")
                    && !url.starts_with("vbscript:"),
                "{}: {url}",
                file.display()
            );
        }
        assert!(!text.contains("<script>alert"), "{}", file.display());
    }
}

#[test]
fn same_titles_get_distinct_stable_slugs() {
    let dir = common::site(&[("seeds/a.md", GOOD), ("seeds/b.md", GOOD)]);
    let out = common::build(dir.path()).unwrap();
    assert!(out.join("briefings/good.html").is_file());
    assert!(out.join("briefings/good-2.html").is_file());
}

#[test]
fn date_comes_from_the_file_name_when_front_matter_has_none() {
    let dir = common::site(&[(
        "seeds/2019-05-06-undated.md",
        "---\ntitle: Undated\n---\nText.\n",
    )]);
    let out = common::build(dir.path()).unwrap();
    let kb: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("kb.json")).unwrap()).unwrap();
    assert_eq!(kb["briefings"][0]["date"], "2019-05-06");
}
