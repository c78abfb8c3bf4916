//! A bounded fuzz run of the whole pipeline: random and structured-random
//! briefings go through ingest → extract → render → output in a temp site.
//! Nothing may panic, and every page of a successful build must parse
//! cleanly, hold no control character, and run no script but Dossier's own.
//!
//! `DOSSIER_FUZZ_CASES=N` sets the number of inputs (default 64, about 20 s
//! in a debug build); the total tried is printed at the end.

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

/// Inputs fed to the pipeline, shrinking steps included.
static INPUTS: AtomicUsize = AtomicUsize::new(0);
/// Of those, the ones that built a site (the rest were rejected with errors).
static BUILT: AtomicUsize = AtomicUsize::new(0);

/// One fuzz input: a briefing file and maybe an entity note.
#[derive(Debug, Clone)]
struct Input {
    file_name: &'static str,
    text: String,
    note: Option<String>,
}

fn cases() -> u32 {
    std::env::var("DOSSIER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

#[test]
fn the_pipeline_survives_random_briefings() {
    let started = Instant::now();
    let mut runner = TestRunner::new(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&input(), |input| {
        INPUTS.fetch_add(1, Ordering::Relaxed);
        check(&input)
    });
    // Written to the real stderr, so it shows without --nocapture.
    let _ = writeln!(
        std::io::stderr(),
        "fuzz: {} inputs tried ({} built a site) in {:.1?}",
        INPUTS.load(Ordering::Relaxed),
        BUILT.load(Ordering::Relaxed),
        started.elapsed()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

fn check(input: &Input) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    common::write(
        dir.path(),
        &format!("seeds/{}", input.file_name),
        input.text.as_bytes(),
    );
    if let Some(note) = &input.note {
        common::write(dir.path(), "seeds/entities/fuzzed.md", note.as_bytes());
    }
    // A panic anywhere in the build fails the case, and proptest shrinks it.
    let Ok(out) = common::build(dir.path()) else {
        return Ok(()); // input errors are fine; they are tested elsewhere
    };
    BUILT.fetch_add(1, Ordering::Relaxed);
    for file in common::files(&out) {
        let Ok(text) = std::fs::read_to_string(out.join(&file)) else {
            continue; // images
        };
        let bad = text.chars().find(|&c| forbidden(c));
        prop_assert!(bad.is_none(), "{}: {bad:?} in the output", file.display());
        if file.extension().is_some_and(|e| e == "html") {
            check_page(&file, &text)?;
        }
    }
    Ok(())
}

/// Controls other than tab and line feed, and noncharacters: XML 1.0 forbids
/// them (one breaks a whole Atom feed), HTML counts them as parse errors.
fn forbidden(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// One of the theme's own scripts (`static/dossier.js`, `static/search.js`, …):
/// a fuzzed briefing cannot add files to `static/`.
fn is_dossiers_script(src: &str) -> bool {
    let path = src.trim_start_matches("../");
    path.starts_with("static/")
        && path.ends_with(".js")
        && !path.contains("..")
        && common::repo().join(path).is_file()
}

fn check_page(page: &Path, text: &str) -> Result<(), TestCaseError> {
    let html = scraper::Html::parse_document(text);
    let name = page.display();
    prop_assert!(
        html.errors.is_empty(),
        "{name} does not parse cleanly: {:?}",
        html.errors
    );
    // The theme's forms are the search (in the header), an index's tools and
    // the graph's controls; 404.html has one <base>. The input may add neither.
    let forms = common::select(
        &html,
        "form:not(.search):not(.index-tools):not(.graph-controls)",
    )
    .len();
    prop_assert!(forms == 0, "{name}: {forms} forms not the theme's");
    let bases = common::select(&html, "base").len();
    prop_assert!(
        bases == 0 || (bases == 1 && page.to_string_lossy() == "404.html"),
        "{name}: <base> from the input"
    );
    for script in common::select(&html, "script") {
        let element = script.value();
        let body: String = script.text().collect();
        match (element.attr("src"), element.attr("type")) {
            (Some(src), None) => {
                prop_assert!(
                    is_dossiers_script(src) && body.is_empty(),
                    "{name}: foreign script {src:?}"
                );
            }
            (None, Some("application/json" | "application/ld+json")) => {
                prop_assert!(
                    serde_json::from_str::<serde_json::Value>(&body).is_ok(),
                    "{name}: data island is not JSON: {body}"
                );
            }
            _ => prop_assert!(
                false,
                "{name}: script that is not Dossier's: {}",
                script.html()
            ),
        }
    }
    for element in html
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (attribute, value) in element.value().attrs() {
            prop_assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "{name}: event handler {attribute}={value:?}"
            );
            if matches!(attribute, "href" | "src" | "action" | "formaction") {
                let url: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                prop_assert!(
                    !url.starts_with("javascript:")
                        && !url.starts_with("vbscript:")
                        && !url.starts_with("data:"),
                    "{name}: {attribute}={value:?}"
                );
            }
        }
        let tag = element.value().name();
        prop_assert!(
            !matches!(
                tag,
                "iframe" | "object" | "embed" | "frame" | "frameset" | "applet"
            ),
            "{name}: <{tag}> from the input"
        );
    }
    Ok(())
}

// --- inputs -----------------------------------------------------------------

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        3 => structured(),
        1 => (any_text(), any::<bool>()).prop_map(|(text, txt)| Input {
            file_name: if txt { "fuzz.txt" } else { "fuzz.md" },
            text,
            note: None,
        }),
    ]
}

/// Any characters, control characters included (`any::<String>()` has none).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..400).prop_map(|c| c.into_iter().collect()),
    ]
}

const NAMES: &[&str] = &[
    "Poland",
    "NATO",
    "Minsk",
    "Belarus’",
    "Lukashenka’s",
    "Alexander Lukashenka",
    "Vladimir Putin",
    "the European Union (EU)",
    "EU",
    "Zapad-2021",
    "Ust-Luga",
    "43rd Communications Centre",
    "Łukaszenka",
    "Sviatlana Tsikhanouskaya",
    "COVID-19",
];

/// Markup that has broken sanitisers and template escaping before.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<style>body{display:none}</style>",
    "</script><script>alert(1)</script>",
    "<!-- comment -->",
    "<![CDATA[ x ]]>",
    "<details open ontoggle=alert(1)>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<base href=\"https://evil.example/\">",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<object data=\"x.swf\"></object>",
    "{{ site.title }}",
    "{% raw %}",
    "\"}]</script>",
    "&lt;script&gt;",
    "<div",
    "<<>>",
    "\u{feff}",
    "\u{202e}",
    "\u{1}",
    "\u{c}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{fffe}",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z]{1,10}",
        2 => "[A-Z][a-z]{2,9}",
        1 => "[A-Z]{2,5}",
        1 => "[0-9]{1,4}",
        2 => prop::sample::select(NAMES).prop_map(String::from),
    ]
}

fn link_target() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("#".to_string()),
        Just(String::new()),
        Just("javascript:alert(1)".to_string()),
        Just("JaVaScRiPt:alert(1)".to_string()),
        Just("data:text/html,<script>alert(1)</script>".to_string()),
        Just("vbscript:x".to_string()),
        Just("https://example.org/a?b=c&d=<e>".to_string()),
        Just("../../etc/passwd".to_string()),
        Just("#p1".to_string()),
        "[a-z]{1,8}\\.html",
    ]
}

fn inline() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => word(),
        1 => word().prop_map(|w| format!("*{w}*")),
        1 => word().prop_map(|w| format!("**{w}**")),
        1 => word().prop_map(|w| format!("_{w}_")),
        1 => word().prop_map(|w| format!("~~{w}~~")),
        1 => word().prop_map(|w| format!("`{w}`")),
        2 => (word(), link_target()).prop_map(|(w, t)| format!("[{w}]({t})")),
        1 => (word(), link_target()).prop_map(|(w, t)| format!("![{w}]({t})")),
        1 => (word(), link_target()).prop_map(|(w, t)| format!("[{w}]({t} \"t\\\"itle\")")),
        1 => Just("[^1]".to_string()),
        1 => Just("<https://example.org>".to_string()),
        2 => prop::sample::select(HOSTILE).prop_map(String::from),
        1 => "[.,;:!?’'\"()\\[\\]{}<>&*_#|\\\\-]{1,3}",
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(inline(), 1..14).prop_map(|words| words.join(" "))
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => sentence(),
        2 => (1usize..7, sentence()).prop_map(|(level, s)| format!("{} {s}", "#".repeat(level))),
        1 => (sentence(), "[A-Za-z0-9 _-]{0,8}").prop_map(|(s, id)| format!("## {s} {{#{id}}}")),
        1 => prop::collection::vec(sentence(), 1..4)
            .prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        1 => prop::collection::vec(sentence(), 1..4)
            .prop_map(|items| items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")),
        1 => (1usize..6, sentence()).prop_map(|(depth, s)| format!("{} {s}", ">".repeat(depth))),
        1 => ("[a-z]{0,6}", sentence()).prop_map(|(lang, s)| format!("```{lang}\n{s}\n```")),
        1 => (sentence(), sentence()).prop_map(|(a, b)| format!("| {a} | b |\n|---|---|\n| {b} | x |")),
        1 => sentence().prop_map(|s| format!("[^1]: {s}")),
        1 => prop::sample::select(HOSTILE).prop_map(String::from),
        1 => Just("---".to_string()),
        1 => sentence().prop_map(|s| format!("<div class=\"x\" onclick=\"alert(1)\">\n\n{s}\n\n</div>")),
    ]
}

/// A double-quoted string as YAML and TOML both read it: `\uXXXX` escapes
/// for control characters (Rust's `{:?}` writes `\u{..}`, which neither reads).
fn quote(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                quoted.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A YAML scalar: mostly a string, sometimes something of another type.
fn yaml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => sentence().prop_map(|s| quote(&s)),
        4 => "[A-Za-z][A-Za-z ]{0,20}",
        1 => Just("true".to_string()),
        1 => Just("12".to_string()),
        1 => Just("~".to_string()),
        1 => Just("[a, b]".to_string()),
        1 => Just("{a: b}".to_string()),
        1 => Just("'<script>alert(1)</script>'".to_string()),
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    let date = prop_oneof![
        4 => Just("2021-02-22".to_string()),
        2 => Just("2020-02-29".to_string()),
        1 => Just("2021-02-30".to_string()),
        2 => Just("1999-12-31T23:59:59Z".to_string()),
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    ];
    let yaml = (
        yaml_value(),
        prop::option::of(date.clone()),
        prop::collection::vec(yaml_value(), 0..3),
        prop::collection::vec(yaml_value(), 0..3),
        prop::option::of(yaml_value()),
        prop::option::of(yaml_value()),
    )
        .prop_map(|(title, date, authors, topics, summary, slug)| {
            let mut text = format!("---\ntitle: {title}\n");
            if let Some(date) = date {
                text.push_str(&format!("date: {date}\n"));
            }
            text.push_str(&format!("authors: [{}]\n", authors.join(", ")));
            text.push_str(&format!("topics: [{}]\n", topics.join(", ")));
            if let Some(summary) = summary {
                text.push_str(&format!("summary: {summary}\n"));
            }
            if let Some(slug) = slug {
                text.push_str(&format!("slug: {slug}\n"));
            }
            text.push_str("---\n\n");
            text
        });
    let toml = (sentence(), date, sentence()).prop_map(|(title, date, author)| {
        format!(
            "+++\ntitle = {}\ndate = {date}\nauthors = [{}]\n+++\n\n",
            quote(&title),
            quote(&author)
        )
    });
    prop_oneof![3 => yaml, 1 => toml, 1 => Just(String::new())]
}

fn entity_note() -> impl Strategy<Value = Option<String>> {
    let note = (
        prop::sample::select(NAMES),
        prop::sample::select(
            &[
                "person",
                "country",
                "place",
                "organization",
                "event",
                "other",
            ][..],
        ),
        prop::collection::vec(prop::sample::select(NAMES), 0..3),
        prop::collection::vec(block(), 0..3),
    )
        .prop_map(|(name, kind, aliases, body)| {
            format!(
                "---\nname: {name:?}\ntype: {kind}\naliases: {aliases:?}\n---\n\n{}\n",
                body.join("\n\n")
            )
        });
    prop::option::weighted(0.3, note)
}

fn structured() -> impl Strategy<Value = Input> {
    (
        front_matter(),
        prop::collection::vec(block(), 0..16),
        entity_note(),
        prop::sample::select(&["\n\n", "\n", "\r\n\r\n"][..]),
    )
        .prop_map(|(front_matter, blocks, note, separator)| Input {
            file_name: "fuzz.md",
            text: format!("{front_matter}{}\n", blocks.join(separator)),
            note,
        })
}
