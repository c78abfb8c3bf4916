//! Hostile input: binary files, huge and deeply nested briefings, broken front
//! matter, unreadable folders and symlink loops, clashing titles and names,
//! path-like titles. Nothing may panic or hang, every error names its file
//! (and line), and the same input gives the same bytes on any thread count.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dossier::diagnostics::{BuildFailure, Diagnostic, Severity};

const GOOD: &str =
    "---\ntitle: Good\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";

/// The first bytes of a real PNG file (signature, IHDR chunk, a little IDAT).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\0\x05\0\x01\xff\x89\x99=\x1d\0\0\0\0IEND\xaeB`\x82";

/// Runs `work` on its own thread and fails the test if it has not finished
/// within `limit`: a hang must fail, not stall the suite. This is a guard
/// against hangs and blow-ups, not a benchmark (speed is measured elsewhere).
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, wait) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match wait.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what} did not finish within {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

fn build_in_thread(root: &Path, what: &str) -> Result<PathBuf, BuildFailure> {
    let root = root.to_path_buf();
    within(Duration::from_secs(60), what, move || common::build(&root))
}

fn failure(root: &Path) -> BuildFailure {
    common::build(root).expect_err("the build should fail")
}

/// The one diagnostic about the file whose path ends with `suffix`.
fn about<'a>(diagnostics: &'a [Diagnostic], suffix: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| {
            d.path
                .as_deref()
                .is_some_and(|p| p.to_string_lossy().replace('\\', "/").ends_with(suffix))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one diagnostic about {suffix}: {diagnostics:#?}"
    );
    found[0]
}

fn kb_json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(out.join("kb.json")).unwrap()).unwrap()
}

/// `source file → slug` of every briefing in kb.json.
fn briefing_slugs(out: &Path) -> BTreeMap<String, String> {
    kb_json(out)["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["source"].as_str().unwrap().to_string(),
                b["slug"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

// --- binary files -----------------------------------------------------------

#[test]
fn binary_bytes_in_a_md_file_are_an_error_naming_the_file() {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    common::write(dir.path(), "seeds/x.md", PNG);
    let failure = failure(dir.path());
    let x = about(&failure.diagnostics, "seeds/x.md");
    assert_eq!(x.severity, Severity::Error);
    assert!(x.message.contains("binary"), "{x}");
    let shown = failure.to_string();
    assert!(
        shown.contains("seeds/x.md: this is a binary file, not a text briefing"),
        "{shown}"
    );
    assert!(
        !dir.path().join("book").exists(),
        "a failed build wrote a site"
    );
}

#[test]
fn a_png_in_seeds_is_only_a_warning() {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    common::write(dir.path(), "seeds/images/map.png", PNG);
    let report = dossier::build(&dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    })
    .expect("a stray image must not fail the build");
    let png = about(&report.problems, "seeds/images/map.png");
    assert_eq!(png.severity, Severity::Warning);
    assert!(png.to_string().starts_with("warning: "), "{png}");
    assert!(png.message.contains("not a briefing"), "{png}");
    assert_eq!(report.briefings, 1);
    assert!(report.out_dir.join("briefings/good.html").is_file());
}

// --- size and depth -----------------------------------------------------------

/// Repetitive but valid Markdown with names the gazetteer knows, `bytes` long.
fn big_briefing(bytes: usize) -> String {
    const NAMES: [&str; 8] = [
        "Poland",
        "NATO",
        "Minsk",
        "Lithuania",
        "Vilnius",
        "Warsaw",
        "Alexander Lukashenka",
        "Russia",
    ];
    let mut text = String::with_capacity(bytes + 200);
    text.push_str("---\ntitle: A Very Long Briefing\ndate: 2024-03-01\n---\n\n");
    let mut i = 0;
    while text.len() < bytes {
        if i % 50 == 0 {
            text.push_str(&format!("## Part {}\n\n", i / 50));
        } else {
            let (a, b) = (NAMES[i % 8], NAMES[(i * 3 + 1) % 8]);
            text.push_str(&format!(
                "In round {i}, officials from {a} met their counterparts in {b} to discuss \
                 *security* and [trade](#). {a} said the talks with {b} were useful.\n\n"
            ));
        }
        i += 1;
    }
    text.push_str("The closing paragraph names Minsk once more.\n");
    text
}

#[test]
fn a_fifty_megabyte_briefing_builds() {
    // About 35 s and 1 GB in a debug build on the 2-core CI machine (most of
    // it in extraction). The guard below only catches hangs and quadratic
    // blow-ups; speed itself is the benchmark's job.
    let dir = common::site(&[]);
    let text = big_briefing(50 * 1024 * 1024);
    common::write(dir.path(), "seeds/long.md", text.as_bytes());
    drop(text);
    let started = Instant::now();
    let root = dir.path().to_path_buf();
    let report = within(Duration::from_secs(240), "a 50 MB build", move || {
        dossier::build(&dossier::BuildOptions {
            root,
            ..Default::default()
        })
    })
    .expect("the big briefing builds");
    eprintln!("50 MB briefing built in {:?}", started.elapsed());
    assert_eq!(report.briefings, 1);
    let page = fs::read_to_string(report.out_dir.join("briefings/a-very-long-briefing.html"))
        .expect("the big briefing has a page");
    assert!(
        page.len() > 10 * 1024 * 1024,
        "page is {} bytes",
        page.len()
    );
    assert!(
        page.contains("The closing paragraph names"),
        "the page was cut short"
    );
    for entity in ["poland", "nato", "minsk", "alexander-lukashenka"] {
        assert!(
            report
                .out_dir
                .join(format!("entities/{entity}.html"))
                .is_file(),
            "no page for {entity}"
        );
    }
}

#[test]
fn five_thousand_levels_of_nesting_do_not_overflow_the_stack() {
    let quotes = format!("{} Poland in a quote.\n", ">".repeat(5000));
    let list = format!("{}Minsk in a list.\n", "- ".repeat(5000));
    let mixed = format!("{}NATO in both.\n", "> - ".repeat(2500));
    let divs = format!(
        "{}Lithuania in divs.{}\n",
        "<div>".repeat(5000),
        "</div>".repeat(5000)
    );
    let emphasis = format!("{}Vilnius{}\n", "*".repeat(5000), "*".repeat(5000));
    let brackets = format!("{}Warsaw{}\n", "[".repeat(5000), "](#)".repeat(5000));
    let body = [quotes, list, mixed, divs, emphasis, brackets].join("\n\n");
    let dir = common::site(&[("seeds/deep.md", &format!("---\ntitle: Deep\n---\n\n{body}"))]);
    // Test threads have 2 MiB stacks, a quarter of the binary's main thread,
    // so recursion that survives here survives in `dossier build`.
    let out = build_in_thread(dir.path(), "the deep build").expect("the deep briefing builds");
    let page = fs::read_to_string(out.join("briefings/deep.html")).unwrap();
    assert!(page.matches("<blockquote").count() >= 5000, "quotes lost");
    assert!(page.matches("<ul").count() >= 5000, "lists lost");
    // Names become links, so look for the words around them.
    for words in ["in a quote.", "in a list.", "in both.", "in divs."] {
        assert!(page.contains(words), "`{words}` lost");
    }
}

// --- front matter -------------------------------------------------------------

#[test]
fn broken_front_matter_names_file_and_line() {
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        (
            "seeds/yaml.md",
            "---\ntitle: A\nauthors: [\"Jan\", \"Anna\"\nsummary: x\n---\nBody.\n",
        ),
        (
            "seeds/yaml-tab.md",
            "---\ntitle: A\nsummary: b\n\tdraft: true\n---\nBody.\n",
        ),
        (
            "seeds/toml.md",
            "+++\ntitle = \"A\"\n\nsummary = \n+++\nBody.\n",
        ),
        (
            "seeds/unclosed.md",
            "---\ntitle: A\nsummary: never closed\n\nBody.\n",
        ),
        ("seeds/unclosed-toml.md", "+++\ntitle = \"A\"\n"),
        (
            "seeds/wrong-type.md",
            "---\ntitle: A\ndate: 2021-01-01\ndraft: maybe\n---\nBody.\n",
        ),
        (
            "seeds/wrong-type-toml.md",
            "+++\ntitle = \"A\"\nauthors = 3\n+++\nBody.\n",
        ),
        (
            "seeds/bad-date.md",
            "---\ntitle: A\n\nsummary: s\ndate: 2021-02-30\n---\nBody.\n",
        ),
        (
            "seeds/bad-date-toml.md",
            "+++\ntitle = \"A\"\ndate = \"2021-13-01\"\n+++\nBody.\n",
        ),
        (
            "seeds/authors-map.md",
            "---\ntitle: A\nauthors: {name: Jan}\n---\nBody.\n",
        ),
        (
            "seeds/date-list.md",
            "---\ntitle: A\nsummary: s\ndate: [2021, 2, 3]\n---\nBody.\n",
        ),
        (
            "seeds/entities/planet.md",
            "---\nname: Mars\naliases: [\"Red Planet\"]\ntype: planet\n---\nA planet.\n",
        ),
        (
            "seeds/topics/typo.md",
            "---\nname: Energy\nkeywrds: [\"gas\"]\n---\n",
        ),
    ]);
    let failure = failure(dir.path());
    let expect = |file: &str, line: usize, words: &[&str]| {
        let d = about(&failure.diagnostics, file);
        assert_eq!(d.severity, Severity::Error, "{d}");
        assert_eq!(d.line, Some(line), "wrong line for {file}: {d}");
        let shown = d.to_string();
        assert!(shown.contains(&format!("{file}:{line}")), "{shown}");
        for word in words {
            assert!(
                shown.contains(word),
                "{file}: `{word}` missing from: {shown}"
            );
        }
    };
    expect("seeds/yaml.md", 4, &["invalid YAML front matter"]);
    expect("seeds/yaml-tab.md", 4, &["invalid YAML front matter"]);
    expect("seeds/toml.md", 4, &["invalid TOML front matter"]);
    expect("seeds/unclosed.md", 1, &["never closed", "`---`"]);
    expect("seeds/unclosed-toml.md", 1, &["never closed", "`+++`"]);
    expect(
        "seeds/wrong-type.md",
        4,
        &["invalid YAML front matter", "maybe"],
    );
    expect(
        "seeds/wrong-type-toml.md",
        3,
        &["invalid TOML front matter"],
    );
    expect(
        "seeds/bad-date.md",
        5,
        &["bad date", "2021-02-30", "February 2021 has 28 days"],
    );
    expect("seeds/bad-date-toml.md", 3, &["bad date", "2021-13-01"]);
    // These two used to say "data did not match any variant of untagged enum
    // OneOrMany" (or DateValue) and point at line 2, the front matter's start.
    expect(
        "seeds/authors-map.md",
        3,
        &["authors: invalid type: map, expected a string or a list of strings"],
    );
    expect(
        "seeds/date-list.md",
        4,
        &["date: invalid type: sequence, expected a date written as YYYY-MM-DD"],
    );
    expect("seeds/entities/planet.md", 4, &["planet"]);
    expect("seeds/topics/typo.md", 3, &["keywrds"]);
    assert_eq!(
        failure.diagnostics.iter().filter(|d| d.is_error()).count(),
        13,
        "{failure}"
    );
}

// --- folders, permissions, links ----------------------------------------------

#[test]
fn a_missing_seeds_folder_is_named() {
    let dir = common::site(&[("book.toml", "[book]\ntitle = \"Empty\"\n")]);
    let failure = failure(dir.path());
    let shown = failure.to_string();
    assert!(
        shown.contains("seeds: the seeds folder does not exist"),
        "{shown}"
    );
    assert!(shown.contains("help: create it"), "{shown}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_seeds_subfolder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::site(&[("seeds/good.md", GOOD), ("seeds/locked/secret.md", GOOD)]);
    let locked = dir.path().join("seeds/locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read_dir(&locked).is_ok(); // root ignores modes
    let result = build_in_thread(dir.path(), "the locked build");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if readable_anyway {
        eprintln!("skipped: running as root, chmod 000 does not stop reads");
        result.expect("a readable folder builds");
        return;
    }
    let failure = result.expect_err("an unreadable folder fails the build");
    let d = about(&failure.diagnostics, "seeds/locked");
    assert!(d.message.contains("cannot read"), "{d}");
    assert!(
        d.message.to_lowercase().contains("permission denied"),
        "{d}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        ("seeds/nested/deeper/note.md", GOOD),
    ]);
    symlink("..", dir.path().join("seeds/nested/deeper/up")).unwrap(); // → seeds/nested
    symlink("../..", dir.path().join("seeds/nested/deeper/top")).unwrap(); // → seeds
    symlink("loop-b", dir.path().join("seeds/loop-a")).unwrap(); // a ↔ b: dangling cycle
    symlink("loop-a", dir.path().join("seeds/loop-b")).unwrap();
    let failure = build_in_thread(dir.path(), "the symlink-loop build")
        .expect_err("a symlink loop fails the build");
    let shown = failure.to_string();
    for link in ["seeds/nested/deeper/up", "seeds/nested/deeper/top"] {
        let d = about(&failure.diagnostics, link);
        assert!(d.message.contains("loop"), "{d}");
        assert!(
            shown.contains(&format!("{link}: symbolic link loop")),
            "{shown}"
        );
    }
    // Links that point at each other never reach a folder: the OS says ELOOP.
    for link in ["seeds/loop-a", "seeds/loop-b"] {
        let d = about(&failure.diagnostics, link);
        assert!(d.is_error(), "{d}");
        assert!(
            shown.contains(&format!("{link}: symbolic link loop")),
            "{shown}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_the_site_root_is_a_loop_and_does_not_read_the_output() {
    use std::os::unix::fs::symlink;
    let dir = common::site(&[("seeds/good.md", GOOD), ("NOTES.md", "# Not a briefing\n")]);
    symlink("..", dir.path().join("seeds/site")).unwrap();
    let root = dir.path().to_path_buf();
    let report = within(
        Duration::from_secs(60),
        "the site-root link build",
        move || {
            dossier::build(&dossier::BuildOptions {
                root,
                keep_going: true,
                ..Default::default()
            })
        },
    )
    .expect("with --keep-going the loop is skipped");
    // walkdir knows the folders above the seeds folder too, so the link itself
    // is the loop, and nothing beside seeds/ (NOTES.md, the output) is read.
    let d = about(&report.problems, "seeds/site");
    assert!(d.is_error() && d.message.contains("loop"), "{d}");
    assert_eq!(report.briefings, 1, "{:?}", report.problems);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
}

// --- names and slugs ------------------------------------------------------------

#[test]
fn same_titles_keep_distinct_slugs_when_a_later_file_arrives() {
    let same = "---\ntitle: Same Title\n---\n\nPoland and NATO.\n";
    let dir = common::site(&[("seeds/a.md", same), ("seeds/b.md", same)]);
    let out = common::build(dir.path()).unwrap();
    let before = briefing_slugs(&out);
    assert_eq!(before["a.md"], "same-title");
    assert_eq!(before["b.md"], "same-title-2");
    common::write(dir.path(), "seeds/c.md", same.as_bytes());
    let out = common::build(dir.path()).unwrap();
    let after = briefing_slugs(&out);
    assert_eq!(after["a.md"], before["a.md"]);
    assert_eq!(after["b.md"], before["b.md"]);
    assert_eq!(after["c.md"], "same-title-3");
    for (source, slug) in &after {
        let html = common::read_html(&out.join(format!("briefings/{slug}.html")));
        let h1 = common::select(&html, "h1");
        assert_eq!(common::text(&h1[0]), "Same Title", "{source}");
    }
}

#[test]
fn an_entity_name_that_is_another_notes_alias() {
    // Both notes claim the written form "BelNPP": one as an alias, one as its
    // name. Both keep their pages; the text's mentions go to the first note in
    // file order (the plant), and a warning names both files. A placeholder
    // link `[BelNPP](#)` goes to the note *named* BelNPP: rendering resolves
    // placeholders by name first, extraction by the first claim.
    let dir = common::site(&[
        (
            "seeds/entities/a-plant.md",
            "---\nname: Belarusian Nuclear Power Plant\ntype: place\naliases: [\"BelNPP\", \"Astravets plant\"]\n---\nThe plant at Astravets.\n",
        ),
        (
            "seeds/entities/b-company.md",
            "---\nname: BelNPP\ntype: organization\n---\nThe operating company.\n",
        ),
        (
            "seeds/plant.md",
            "---\ntitle: The Plant\n---\n\nThe BelNPP started work. Officials said [BelNPP](#) was safe.\n",
        ),
    ]);
    let report = dossier::build(&dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    })
    .expect("clashing names must not fail or panic");
    let out = report.out_dir;
    let plant = out.join("entities/belarusian-nuclear-power-plant.html");
    let company = out.join("entities/belnpp.html");
    assert!(
        plant.is_file() && company.is_file(),
        "{:?}",
        common::files(&out)
    );
    let kb = kb_json(&out);
    let entity = |slug: &str| {
        kb["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["slug"] == slug)
            .unwrap_or_else(|| panic!("no entity {slug}"))
            .clone()
    };
    assert_eq!(entity("belarusian-nuclear-power-plant")["mentions"], 2);
    assert_eq!(entity("belnpp")["mentions"], 0);
    assert_eq!(entity("belnpp")["type"], "organization");
    let page = common::read_html(&out.join("briefings/the-plant.html"));
    let targets: Vec<&str> = common::select(&page, "article a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.contains("entities/"))
        .collect();
    assert_eq!(
        targets,
        [
            "../entities/belarusian-nuclear-power-plant.html",
            "../entities/belnpp.html"
        ]
    );
    let warning = about(&report.problems, "seeds/entities/b-company.md");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning
            .to_string()
            .contains("`BelNPP` is the name here and an alias in `entities/a-plant.md`"),
        "{warning}"
    );
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
}

#[test]
fn path_like_and_reserved_titles_stay_inside_the_output_folder() {
    let titles = [
        "Łukaszenka",
        "../../etc/passwd",
        "CON",
        "NUL.md",
        "/abs/olute",
        "..",
        "aux.txt",
    ];
    let mut files: Vec<(String, String)> = titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            (
                format!("seeds/b{i}.md"),
                format!(
                    "---\ntitle: {title:?}\nauthors: [{title:?}]\ntopics: [{title:?}]\n---\n\nText about Poland.\n"
                ),
            )
        })
        .collect();
    for (i, title) in titles.iter().enumerate() {
        files.push((
            format!("seeds/entities/e{i}.md"),
            format!("---\nname: {title:?}\ntype: other\n---\nA note.\n"),
        ));
    }
    files.push((
        "seeds/slug.md".into(),
        "---\ntitle: Escape\nslug: \"../../../escaped\"\n---\nText.\n".into(),
    ));
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = common::site(&borrowed);
    let outside = tempfile::tempdir().unwrap();
    let out = outside.path().join("deep/site");
    dossier::build(&dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        out: Some(out.clone()),
        ..Default::default()
    })
    .expect("odd titles build");
    let around: Vec<PathBuf> = common::files(outside.path())
        .into_iter()
        .filter(|p| !p.starts_with("deep/site"))
        // The output lock lives beside the folder it locks.
        .filter(|p| p.as_path() != std::path::Path::new("deep/.site.lock"))
        .collect();
    assert!(
        around.is_empty(),
        "written outside the output folder: {around:?}"
    );
    let root_files = common::files(dir.path());
    assert!(
        root_files.iter().all(|p| p.starts_with("seeds")),
        "written into the site folder: {root_files:?}"
    );
    let slug_name = |name: &str| {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        !stem.is_empty()
            && stem
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let reserved = ["con", "prn", "aux", "nul", "com1", "lpt1"];
    for file in common::files(&out) {
        let parts: Vec<String> = file
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if !["briefings", "entities", "topics", "authors"].contains(&parts[0].as_str()) {
            continue;
        }
        for part in &parts {
            assert!(
                slug_name(part),
                "{}: `{part}` is not [a-z0-9-]",
                file.display()
            );
            let stem = part.split('.').next().unwrap();
            assert!(
                !reserved.contains(&stem),
                "{}: reserved name",
                file.display()
            );
        }
    }
    for page in [
        "briefings/lukaszenka.html",
        "briefings/etc-passwd.html",
        "briefings/con-1.html",
        "briefings/nul-md.html",
        "briefings/aux-txt.html",
        "briefings/escaped.html",
        "entities/lukaszenka.html",
        "entities/con-1.html",
        "topics/etc-passwd.html",
    ] {
        assert!(
            out.join(page).is_file(),
            "{page} missing: {:?}",
            common::files(&out)
        );
    }
}

// --- the command line ---------------------------------------------------------

fn dossier_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

#[test]
fn keep_going_lists_skipped_files_and_writes_the_rest() {
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        (
            "seeds/also-good.md",
            "---\ntitle: Also Good\n---\n\nNATO in Minsk.\n",
        ),
        ("seeds/broken.md", "---\ntitle: [unclosed\n---\n"),
        ("seeds/entities/bad.md", "---\nname: X\n---\n"),
    ]);
    common::write(dir.path(), "seeds/binary.md", PNG);
    let run = |keep_going: bool| {
        let mut command = dossier_command();
        command.arg("build").arg("--root").arg(dir.path());
        if keep_going {
            command.arg("--keep-going");
        }
        command.output().unwrap()
    };
    let strict = run(false);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        !dir.path().join("book").exists(),
        "a failed build wrote a site"
    );

    let output = run(true);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    for skipped in [
        "seeds/broken.md:2",
        "seeds/binary.md",
        "seeds/entities/bad.md",
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error: ") && l.contains(skipped)),
            "{skipped} not listed: {stderr}"
        );
    }
    assert!(stdout.contains("Built 2 briefings"), "{stdout}");
    assert!(stdout.contains("skipped 3 file(s) with errors"), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("Site size: ") && l.ends_with(" per briefing)")),
        "{stdout}"
    );
    let book = dir.path().join("book");
    assert!(book.join("briefings/good.html").is_file());
    assert!(book.join("briefings/also-good.html").is_file());
    assert!(book.join("entities/minsk.html").is_file());
}

#[test]
fn builds_are_byte_identical_on_one_and_two_threads() {
    let out = tempfile::tempdir().unwrap();
    let mut first: Option<BTreeMap<PathBuf, Vec<u8>>> = None;
    for n in 0..10 {
        let threads = if n % 2 == 0 { "1" } else { "2" };
        let target = out.path().join(n.to_string());
        let output = dossier_command()
            .env("RAYON_NUM_THREADS", threads)
            .args(["-q", "build", "--root"])
            .arg(common::repo())
            .arg("--out")
            .arg(&target)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let files: BTreeMap<PathBuf, Vec<u8>> = common::files(&target)
            .into_iter()
            .map(|f| {
                let bytes = fs::read(target.join(&f)).unwrap();
                (f, bytes)
            })
            .collect();
        assert!(files.len() > 100, "only {} files", files.len());
        match &first {
            None => first = Some(files),
            Some(first) => {
                let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
                assert_eq!(names(first), names(&files), "build {n}: different files");
                for (file, bytes) in first {
                    assert!(
                        files[file] == *bytes,
                        "build {n} (RAYON_NUM_THREADS={threads}): {} differs",
                        file.display()
                    );
                }
            }
        }
    }
}

#[test]
fn many_identical_headings_do_not_take_quadratic_time() {
    // Each heading's anchor used to be found by counting up from `notes` past
    // every taken `notes-N`: 5,000 headings took 28 s in a debug build and
    // 20,000 took minutes. Now each base name remembers where its count stands.
    let body = "## Notes\n\nPoland.\n\n".repeat(20_000);
    let dir = common::site(&[("seeds/h.md", &format!("---\ntitle: H\n---\n\n{body}"))]);
    let out = build_in_thread(dir.path(), "20,000 headings").expect("builds");
    let page = fs::read_to_string(out.join("briefings/h.html")).unwrap();
    assert!(page.contains(r#"id="notes""#));
    assert!(page.contains(r#"id="notes-20000""#));
    assert!(!page.contains(r#"id="notes-20001""#));
}

#[test]
fn heading_ids_never_repeat_or_take_the_pages_own_ids() {
    // Before: `## A` then `## B {#a}` gave two `id="a"`; an explicit id that
    // began with `section` was taken for a placeholder and replaced by the
    // heading's text; `## Main` repeated `<main id="main">`, the skip link's
    // target, and `## Search input` the search box's id.
    let body = "## Main\n\nText.\n\n## Search input\n\n## A\n\n## B {#a}\n\n## Top\n\n## P1\n\n## Intro {#section-1}\n\n## Section\n";
    let dir = common::site(&[("seeds/ids.md", &format!("---\ntitle: Ids\n---\n\n{body}"))]);
    let out = common::build(dir.path()).unwrap();
    let html = common::read_html(&out.join("briefings/ids.html"));
    let mut ids: Vec<&str> = common::select(&html, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let heading_ids: Vec<(&str, String)> = common::select(&html, "article h2[id]")
        .iter()
        .map(|h| (h.value().attr("id").unwrap(), common::text(h)))
        .collect();
    let expected = [
        ("main-2", "Main"),
        ("search-input-2", "Search input"),
        ("a-2", "A"),
        ("a", "B"),
        ("top-2", "Top"),
        ("p1-2", "P1"),
        ("section-1", "Intro"),
        ("section", "Section"),
    ];
    let got: Vec<(&str, &str)> = heading_ids
        .iter()
        .map(|(id, t)| (*id, t.as_str()))
        .collect();
    assert_eq!(got, expected);
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "repeated ids: {ids:?}");
}

/// Control characters and noncharacters: what XML 1.0 forbids, and HTML
/// counts as parse errors.
fn forbidden(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

#[test]
fn control_characters_never_reach_pages_or_feeds() {
    // pdftotext separates pages with form feeds; old tools leave ESC and DEL
    // behind; YAML and TOML escapes can write any of them into a title.
    let markdown = "---\ntitle: \"Ctl \\u0001 Title \\x1b[31m\"\nsummary: \"Sum\\u000Bmary \\uFFFE\"\nauthors: [\"Jan\\u0007 Nowak\"]\ntopics: [\"Energy\\u0000\"]\n---\n\n\
        Poland\u{c}and NATO met\u{1}in Minsk\u{7f}.\u{b}Lithuania\u{85}was \u{fdd0}there\u{ffff}.\n";
    let mut big = "Filler about Warsaw. ".repeat(500); // past the 8 KiB binary check
    big.push_str("A late NUL\u{0} in Vilnius.\n");
    let dir = common::site(&[
        ("seeds/ctl.md", markdown),
        ("seeds/late-nul.md", &format!("# Late Nul\n\n{big}")),
        (
            "seeds/pages.txt",
            "Paged Report\n\nJan Nowak\n\nThe first page ends in the middle of\n\u{c}\nthe sentence about Belarus.\n",
        ),
        (
            "seeds/entities/e.md",
            "---\nname: \"Vil\\u0002nius Office\"\ntype: organization\n---\nAn \u{1b}office.\n",
        ),
    ]);
    let out = common::build(dir.path()).expect("control characters are dropped, not fatal");
    let mut checked = 0;
    for file in common::files(&out) {
        let Ok(text) = fs::read_to_string(out.join(&file)) else {
            continue; // images
        };
        if let Some(c) = text.chars().find(|&c| forbidden(c)) {
            panic!("{}: U+{:04X} in the output", file.display(), c as u32);
        }
        checked += 1;
    }
    assert!(checked > 20, "only {checked} files checked");
    let html = common::read_html(&out.join("briefings/ctl-title-31m.html"));
    assert_eq!(
        common::text(&common::select(&html, "h1")[0]),
        "Ctl Title [31m"
    );
    let body = common::text(&common::select(&html, "article .body")[0]);
    assert!(
        body.contains("Poland and NATO metin Minsk. Lithuania was there."),
        "{body}"
    );
    let paged = fs::read_to_string(out.join("briefings/paged-report.html")).unwrap();
    assert!(
        paged.contains("The first page ends in the middle of the sentence about"),
        "the page break split the paragraph"
    );
    assert!(out.join("entities/vilnius-office.html").is_file());
    let late = fs::read_to_string(out.join("briefings/late-nul.html")).unwrap();
    assert!(late.contains("A late NUL in"), "text around the NUL lost");
}
