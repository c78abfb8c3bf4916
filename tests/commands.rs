//! `dossier entities` and `dossier build --drafts` run as a user runs them:
//! the binary on a fixture site, its output read back and checked.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("dossier runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Two briefings naming Poland twice, Vladimir Putin twice (once as
/// "Putin"), and Lithuania, Vilnius, NATO and Brussels once; Zarechnoye is
/// named once with no cue to what it is.
fn two_briefings() -> tempfile::TempDir {
    common::site(&[
        (
            "seeds/first.md",
            "---\ntitle: First\ndate: 2024-01-01\n---\n\n\
             Poland met Lithuania in Vilnius. Vladimir Putin spoke.\n",
        ),
        (
            "seeds/second.md",
            "---\ntitle: Second\ndate: 2024-02-01\n---\n\n\
             Poland and NATO met in Brussels. Putin was absent. Zarechnoye stayed quiet.\n",
        ),
    ])
}

#[test]
fn entities_lists_each_entity_with_type_counts_and_aliases() {
    let site = two_briefings();
    let table = stdout(&dossier(&["entities"], site.path()));
    let rows: Vec<Vec<&str>> = table
        .lines()
        .skip(1)
        .map(|line| {
            line.split("  ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|row| row[0] == name)
            .unwrap_or_else(|| panic!("{name} missing from:\n{table}"))
            .clone()
    };
    assert_eq!(row("Poland"), ["Poland", "country", "2", "2"]);
    assert_eq!(row("Vilnius"), ["Vilnius", "place", "1", "1"]);
    assert_eq!(
        row("Vladimir Putin"),
        ["Vladimir Putin", "person", "2", "2", "Putin"]
    );
    let names: Vec<&str> = rows.iter().map(|row| row[0]).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "rows in name order");
    assert!(
        !site.path().join("book").exists(),
        "entities writes no site"
    );
}

#[test]
fn entities_json_names_the_briefings_by_slug() {
    let site = two_briefings();
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&dossier(&["entities", "--json"], site.path()))).unwrap();
    let poland = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Poland")
        .expect("Poland is listed");
    assert_eq!(poland["type"], "country");
    assert_eq!(poland["mentions"], 2);
    assert_eq!(poland["briefings"], serde_json::json!(["second", "first"]));
}

#[test]
fn entities_candidates_give_the_reason_a_name_was_left_out() {
    let site = two_briefings();
    let listed = stdout(&dossier(&["entities", "--candidates"], site.path()));
    let line = listed
        .lines()
        .find(|line| line.starts_with("Zarechnoye\t"))
        .unwrap_or_else(|| panic!("Zarechnoye is not a candidate:\n{listed}"));
    assert!(line.contains("below the threshold"), "{line}");
    let table = stdout(&dossier(&["entities"], site.path()));
    assert!(!table.contains("Zarechnoye"), "{table}");
}

#[test]
fn drafts_are_published_only_with_the_drafts_flag() {
    let site = common::site(&[
        (
            "seeds/public.md",
            "---\ntitle: Public\ndate: 2024-01-01\n---\n\nPoland met Lithuania.\n",
        ),
        (
            "seeds/draft.md",
            "---\ntitle: Unfinished\ndate: 2024-02-01\ndraft: true\n---\n\nEstonia met Latvia.\n",
        ),
    ]);
    let built = |args: &[&str]| {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        stdout(&dossier(&all, site.path()));
        let out = site.path().join("book");
        let index = common::read_html(&out.join("briefings/index.html"));
        let titles: Vec<String> = common::select(&index, "main a")
            .iter()
            .map(common::text)
            .filter(|t| t == "Public" || t == "Unfinished")
            .collect();
        (titles, out.join("briefings/unfinished.html").is_file())
    };
    assert_eq!(built(&[]), (vec!["Public".to_string()], false));
    let (titles, page) = built(&["--drafts"]);
    assert!(page, "--drafts publishes the draft's page");
    assert!(titles.contains(&"Unfinished".to_string()), "{titles:?}");
    assert_eq!(
        built(&[]),
        (vec!["Public".to_string()], false),
        "and only then"
    );
}
