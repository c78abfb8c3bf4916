//! Hostile input, round two (issue 15): markup that would swallow the rest of
//! a page, symbolic links out of the site folder and special files, files too
//! large to read, front matter nested too deep, briefings with tens of
//! thousands of names or authors, and front matter values that are almost
//! right.

mod common;

use std::fs;
use std::path::Path;

use dossier::diagnostics::{BuildFailure, Diagnostic, Severity};

/// Every element name in the WHATWG HTML standard's index, with the obsolete
/// ones that parsers still treat specially.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr", // obsolete, still special to parsers:
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "frameset",
    "frame",
    "listing",
    "image",
    "marquee",
    "isindex",
    "applet",
    "basefont",
    "bgsound",
    "keygen",
    "menuitem",
    "nobr",
    "rb",
    "rtc",
];

/// The body paragraphs of a briefing page (`<p id="pN">`), as text.
fn paragraphs(page: &Path) -> Vec<String> {
    let html = common::read_html(page);
    common::select(&html, "p[id]")
        .iter()
        .filter(|p| {
            let id = p.value().attr("id").unwrap_or("");
            id.len() > 1 && id.starts_with('p') && id[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .map(common::text)
        .collect()
}

/// Checks that paragraph `i` of `found` reads "Paragraph i names … and goes on i."
fn assert_paragraphs_survive(found: &[String], names: &[String]) {
    assert_eq!(
        found.len(),
        names.len() + 1,
        "every paragraph and the closing one survive: {found:#?}"
    );
    for (i, (text, name)) in found.iter().zip(names).enumerate() {
        assert!(
            text.starts_with(&format!("Paragraph {i} names"))
                && text.ends_with(&format!("and goes on {i}.")),
            "paragraph {i} (with {name}) reads `{text}`"
        );
    }
    assert_eq!(found.last().unwrap(), "The closing paragraph is here.");
}

fn element_prose(tag: impl Fn(&str) -> String) -> (String, Vec<String>) {
    let names: Vec<String> = ELEMENTS.iter().map(|name| tag(name)).collect();
    let mut body = String::new();
    for (i, name) in names.iter().enumerate() {
        body.push_str(&format!("Paragraph {i} names {name} and goes on {i}.\n\n"));
    }
    body.push_str("The closing paragraph is here.\n");
    (body, names)
}

#[test]
fn every_html_element_name_in_prose_leaves_every_paragraph_standing() {
    for tag in [
        |name: &str| format!("<{name}>"),
        |name: &str| format!("</{name}>"),
        |name: &str| format!("<{name} class=\"x\">"),
    ] {
        let (body, names) = element_prose(tag);
        let dir = common::site(&[(
            "seeds/tags.md",
            &format!("---\ntitle: Tags\ndate: 2024-01-02\n---\n\n{body}"),
        )]);
        let out = common::build(dir.path()).expect("the briefing builds");
        assert_paragraphs_survive(&paragraphs(&out.join("briefings/tags.html")), &names);
        let page = fs::read_to_string(out.join("briefings/tags.html")).unwrap();
        assert!(!page.contains("<script>"), "no script element is written");
    }
}

#[test]
fn a_script_line_does_not_swallow_the_briefing_and_shows_as_text() {
    let body = "Paragraph 0 names the tag and goes on 0.\n\n<script>\nalert(1)\n\n\
        Paragraph 1 names <style> and goes on 1.\n\n<textarea>\n\n\
        Paragraph 2 names <title> and goes on 2.\n\nThe closing paragraph is here.\n";
    let dir = common::site(&[(
        "seeds/s.md",
        &format!("---\ntitle: S\ndate: 2024-01-02\n---\n\n{body}"),
    )]);
    let out = common::build(dir.path()).expect("the briefing builds");
    let found = paragraphs(&out.join("briefings/s.html"));
    let page = common::read_html(&out.join("briefings/s.html"));
    assert!(
        common::select(&page, "main script, article script").is_empty(),
        "no script in the body"
    );
    for words in ["<script> alert(1)", "<textarea>"] {
        assert!(
            found.iter().any(|p| p == words),
            "`{words}` is shown as text: {found:#?}"
        );
    }
    for i in 0..3 {
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("Paragraph {i} names"))),
            "paragraph {i} survives: {found:#?}"
        );
    }
    assert_eq!(found.last().unwrap(), "The closing paragraph is here.");
}

#[test]
fn tags_in_a_txt_briefing_stay_text() {
    let (body, names) = element_prose(|name| format!("<{name}>"));
    let dir = common::site(&[("seeds/2024-01-02-tags.txt", &format!("Tags\n\n{body}"))]);
    let out = common::build(dir.path()).expect("the briefing builds");
    let found = paragraphs(&out.join("briefings/tags.html"));
    assert_paragraphs_survive(&found, &names);
}

// --- files outside the site, special files, sizes ---------------------------

fn build_report(root: &Path) -> Result<dossier::BuildReport, BuildFailure> {
    dossier::build(&dossier::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
}

/// The diagnostics whose path ends with `suffix`.
fn about<'a>(diagnostics: &'a [Diagnostic], suffix: &str) -> Vec<&'a Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| {
            d.path
                .as_deref()
                .is_some_and(|p| p.to_string_lossy().ends_with(suffix))
        })
        .collect()
}

const GOOD: &str =
    "---\ntitle: Good\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_folder_are_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;
    let outside = common::site(&[
        (
            "secret.txt",
            "Secret\n\nThe runner's secret token is hunter2.\n",
        ),
        (
            "folder/also.md",
            "# Also secret\n\nThe folder's secret is swordfish.\n",
        ),
    ]);
    let dir = common::site(&[
        ("seeds/good.md", GOOD),
        (
            "notes/inside.md",
            "# Inside\n\nA briefing kept beside seeds, linked in.\n",
        ),
    ]);
    symlink(
        outside.path().join("secret.txt"),
        dir.path().join("seeds/leak.txt"),
    )
    .unwrap();
    symlink(
        outside.path().join("folder"),
        dir.path().join("seeds/folder"),
    )
    .unwrap();
    symlink("/proc/self/status", dir.path().join("seeds/status.txt")).unwrap();
    symlink("../notes/inside.md", dir.path().join("seeds/inside.md")).unwrap();
    let report = build_report(dir.path()).expect("the build succeeds");
    for link in ["seeds/leak.txt", "seeds/folder", "seeds/status.txt"] {
        let found = about(&report.problems, link);
        assert!(
            found.len() == 1
                && found[0].severity == Severity::Warning
                && found[0].message.contains("out of the site folder"),
            "{link}: {:#?}",
            report.problems
        );
    }
    assert_eq!(report.briefings, 2, "good.md and the link inside the site");
    let kb = fs::read_to_string(report.out_dir.join("kb.json")).unwrap();
    for secret in ["hunter2", "swordfish", "VmRSS", "Inside"] {
        assert_eq!(
            kb.contains(secret),
            secret == "Inside",
            "{secret} in kb.json"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_seeds_is_skipped_with_a_warning() {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    let fifo = dir.path().join("seeds/pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let report = build_report(dir.path()).expect("the build succeeds");
    let found = about(&report.problems, "seeds/pipe.md");
    assert!(
        found.len() == 1 && found[0].message.contains("not a regular file"),
        "{:#?}",
        report.problems
    );
    assert_eq!(report.briefings, 1);
}

#[test]
fn a_file_over_the_size_limit_is_refused_naming_it() {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    // Sparse: 100 MB on paper, nothing on disk; refused before it is read.
    let big = fs::File::create(dir.path().join("seeds/huge.txt")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    let failure = build_report(dir.path()).expect_err("the default limit is 64 MB");
    let found = about(&failure.diagnostics, "seeds/huge.txt");
    assert!(
        found.len() == 1 && found[0].message.contains("more than the limit of 64 MB"),
        "{failure}"
    );
    assert!(
        failure.to_string().contains("max-file-size-mb"),
        "{failure}"
    );

    let dir = common::site(&[
        ("book.toml", "[dossier]\nmax-file-size-mb = 1\n"),
        ("seeds/good.md", GOOD),
    ]);
    let text = format!(
        "# Long\n\n{}\n",
        "Poland and Lithuania met. ".repeat(60_000)
    );
    common::write(dir.path(), "seeds/long.md", text.as_bytes());
    let failure = build_report(dir.path()).expect_err("1 MB is the limit here");
    let found = about(&failure.diagnostics, "seeds/long.md");
    assert!(
        found.len() == 1 && found[0].message.contains("the file is 2 MB"),
        "{failure}"
    );
}

#[test]
fn yaml_nested_a_hundred_thousand_deep_is_an_error_at_its_line() {
    let depth = 100_000;
    let text = format!(
        "---\ntitle: Deep\nextra: {}{}\n---\n\nBody.\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let dir = common::site(&[("seeds/good.md", GOOD), ("seeds/deep.md", &text)]);
    let failure = build_report(dir.path()).expect_err("too deep");
    let found = about(&failure.diagnostics, "seeds/deep.md");
    assert!(
        found.len() == 1 && found[0].message.contains("nested more than"),
        "{failure}"
    );
    assert_eq!(found[0].line, Some(3), "{failure}");
}

// --- many names, many authors -------------------------------------------------

/// The `i`th of many distinct person names (a given name the extractor
/// knows and an invented surname).
fn person(i: usize) -> String {
    const GIVEN: [&str; 10] = [
        "Anna", "Boris", "David", "Elena", "Ivan", "Maria", "Oleg", "Peter", "Sergei", "Yuri",
    ];
    const SYLLABLES: [&str; 10] = [
        "ba", "dro", "ka", "lev", "mi", "nor", "pa", "ras", "so", "tin",
    ];
    let surname = format!(
        "{}{}{}ov",
        SYLLABLES[(i / 10) % 10].to_uppercase(),
        SYLLABLES[(i / 100) % 10],
        SYLLABLES[(i / 1000) % 10]
    );
    let mut chars = surname.chars();
    let first = chars.next().unwrap();
    let surname: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    format!("{} {surname}", GIVEN[i % 10])
}

#[test]
fn co_mentions_are_counted_among_a_briefings_hundred_most_named() {
    let mut body = String::from("The list names these people.\n\n");
    for i in 0..300 {
        // The first ten are named twice, so they lead by count.
        let times = if i < 10 { 2 } else { 1 };
        for _ in 0..times {
            body.push_str(&format!("- {}\n", person(i)));
        }
    }
    let dir = common::site(&[(
        "seeds/list.md",
        &format!("---\ntitle: List\ndate: 2024-01-02\n---\n\n{body}"),
    )]);
    let out = common::build(dir.path()).expect("the list builds");
    let kb: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("kb.json")).unwrap()).unwrap();
    let slug_of = |name: &str| -> String {
        kb["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} is an entity"))["slug"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mentioned_with = |name: &str| {
        let page = common::read_html(&out.join(format!("entities/{}.html", slug_of(name))));
        common::select(&page, "h2")
            .iter()
            .any(|h| common::text(h) == "Mentioned with")
    };
    assert!(mentioned_with(&person(0)), "a leading name has co-mentions");
    assert!(
        !mentioned_with(&person(250)),
        "a name outside the hundred most mentioned has none"
    );
}

#[test]
fn lists_and_feeds_name_ten_authors_of_a_briefing_with_many() {
    let authors: Vec<String> = (0..200).map(person).collect();
    let list: String = authors.iter().map(|a| format!("  - {a}\n")).collect();
    let dir = common::site(&[(
        "seeds/report.md",
        &format!("---\ntitle: Report\ndate: 2024-01-02\nauthors:\n{list}---\n\nShort.\n"),
    )]);
    let out = common::build(dir.path()).expect("the report builds");
    let briefing = common::read_html(&out.join("briefings/report.html"));
    assert_eq!(
        common::select(&briefing, "a.author").len(),
        200,
        "the briefing's own page names every author"
    );
    let kb: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("kb.json")).unwrap()).unwrap();
    let slug = kb["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == authors[150].as_str())
        .expect("an author is an entity")["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let page = common::read_html(&out.join(format!("entities/{slug}.html")));
    let byline = common::text(&common::select(&page, ".briefing-list small")[0]);
    assert!(
        byline.ends_with(&format!("{}, and 190 more", authors[9])),
        "{byline}"
    );
    let feed = fs::read_to_string(out.join(format!("entities/{slug}.xml"))).unwrap();
    assert_eq!(feed.matches("<author>").count(), 10, "{feed}");
}

/// A briefing with `count` distinct authors.
fn authored_by(count: usize) -> String {
    let list: String = (0..count).map(|i| format!("  - {}\n", person(i))).collect();
    format!("---\ntitle: Report\ndate: 2024-01-02\nauthors:\n{list}---\n\nShort.\n")
}

fn site_bytes(out: &Path) -> u64 {
    common::files(out)
        .iter()
        .map(|file| fs::metadata(out.join(file)).unwrap().len())
        .sum()
}

#[test]
fn output_grows_linearly_with_the_number_of_authors() {
    let size_with = |count: usize| {
        let dir = common::site(&[("seeds/report.md", &authored_by(count))]);
        let out = common::build(dir.path()).expect("the report builds");
        site_bytes(&out)
    };
    let (small, large) = (size_with(500), size_with(2_000));
    // Four times the authors: about four times the site. A list repeated
    // on every author's page and feed would make it sixteen times.
    assert!(
        large < small * 5,
        "500 authors: {small} bytes, 2,000 authors: {large} bytes"
    );
}

/// Builds a small site, then adds `files` and a `max-output-size-mb` of
/// `limit`: the build must fail and leave the small site as it was.
fn refused_over_output_limit(limit: u64, files: &[(&str, &[u8])]) -> BuildFailure {
    let dir = common::site(&[("seeds/good.md", GOOD)]);
    let out = common::build(dir.path()).expect("the small site builds");
    let before = common::snapshot(&out);
    let toml = format!("[dossier]\nmax-output-size-mb = {limit}\n");
    common::write(dir.path(), "book.toml", toml.as_bytes());
    for (path, bytes) in files {
        common::write(dir.path(), path, bytes);
    }
    let failure = build_report(dir.path()).expect_err("a site over the limit is refused");
    let after = common::snapshot(&out);
    assert!(after == before, "the previous site is left as it was");
    failure
}

#[test]
fn a_site_projected_past_the_output_limit_is_refused_naming_the_briefing() {
    let report = authored_by(400);
    let failure = refused_over_output_limit(1, &[("seeds/report.md", report.as_bytes())]);
    let found = about(&failure.diagnostics, "seeds/report.md");
    assert_eq!(found.len(), 1, "{failure}");
    let message = &found[0].message;
    assert!(
        message.contains("max-output-size-mb") && message.contains("names 400 entities"),
        "{message}"
    );
}

#[test]
fn a_site_that_grows_past_the_output_limit_while_written_is_refused() {
    // Static files are not projected: the limit stops them as they are written.
    let video = vec![7u8; 4_000_000];
    let failure = refused_over_output_limit(3, &[("static/video.bin", &video)]);
    let over = "passed the limit of 3.0 MB (`max-output-size-mb`) while being written";
    assert!(
        failure.diagnostics.iter().any(|d| d.message.contains(over)),
        "{failure}"
    );
}

// --- front matter values that are almost right --------------------------------

fn front_matter_error(front_matter: &str) -> Diagnostic {
    let dir = common::site(&[(
        "seeds/odd.md",
        &format!("---\ntitle: Odd\n{front_matter}---\n\nText.\n"),
    )]);
    let failure = build_report(dir.path()).expect_err("the front matter is refused");
    let found = about(&failure.diagnostics, "seeds/odd.md");
    assert_eq!(found.len(), 1, "{failure}");
    found[0].clone()
}

#[test]
fn almost_right_front_matter_is_refused_at_its_line() {
    let garbage = front_matter_error("date: \"2021-02-22 not a time at all\"\n");
    assert_eq!(garbage.line, Some(3), "{garbage}");
    let february = front_matter_error("date: 2025-02-30\n");
    assert!(
        february.message.contains("February 2025 has 28 days")
            && !february.message.contains("write it as"),
        "{february}"
    );
    let slug = front_matter_error("slug: \"\"\n");
    assert!(slug.message.contains("slug"), "{slug}");
    assert_eq!(slug.line, Some(3), "{slug}");
}

#[test]
fn every_front_matter_error_of_a_file_is_reported_at_its_line_and_column() {
    let dir = common::site(&[(
        "seeds/odd.md",
        "---\ntitle: Odd\ndate: 2024-13-01\nauthors: 3\ntitel: x\n\
         extra:\n  kept: [1, 2]\ndraft: maybe\nslug: \"\"\n---\n\nText.\n",
    )]);
    let failure = build_report(dir.path()).expect_err("the front matter is refused");
    let found: Vec<(Option<usize>, Option<usize>, &str)> =
        about(&failure.diagnostics, "seeds/odd.md")
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
    let places: Vec<(Option<usize>, Option<usize>)> = found
        .iter()
        .map(|&(line, column, _)| (line, column))
        .collect();
    assert_eq!(
        places,
        [
            (Some(3), Some(7)),
            (Some(4), Some(10)),
            (Some(5), Some(1)),
            (Some(8), Some(8)),
            (Some(9), Some(1)),
        ],
        "{failure}"
    );
    for (found, word) in found
        .iter()
        .zip(["month 13", "authors", "titel", "maybe", "slug"])
    {
        assert!(found.2.contains(word), "{word}: {}", found.2);
    }
}

#[test]
fn keys_of_other_tools_are_skipped_with_a_warning_and_dates_may_be_written_out() {
    let dir = common::site(&[(
        "seeds/debt.md",
        "---\ntitle: Debt Talks\ndate: December 9, 2025\ncategories:\n  - economy\n  - debt\n\
         layout: post\ntags: [debt]\n---\n\nColombo and Male met the IMF.\n",
    )]);
    let report = build_report(dir.path()).expect("keys of other tools do not fail the build");
    let warned: Vec<(Option<usize>, &str)> = about(&report.problems, "seeds/debt.md")
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert_eq!(warned[0].0, Some(4));
    assert!(warned[0].1.contains("`categories`"), "{warned:?}");
    assert_eq!(warned[1].0, Some(7));
    assert!(warned[1].1.contains("`layout`"), "{warned:?}");
    let page = std::fs::read_to_string(report.out_dir.join("briefings/debt-talks.html"))
        .expect("the briefing page");
    assert!(
        page.contains(r#"datetime="2025-12-09""#),
        "the written date is read"
    );
    assert!(
        page.contains("debt"),
        "the topics after a skipped key are kept"
    );
}

#[test]
fn a_quoted_string_left_open_is_reported_on_its_own_line() {
    let open = front_matter_error("summary: \"never closed\ndraft: true\n");
    assert_eq!((open.line, open.column), (Some(3), Some(10)), "{open}");
    assert!(open.message.contains("quoted string opened here"), "{open}");
}

#[test]
fn odd_numbers_and_domain_names_in_book_toml_are_refused() {
    for (toml, key) in [
        (
            "[dossier]\nconfidence-threshold = nan\n",
            "confidence-threshold",
        ),
        (
            "[dossier]\nconfidence-threshold = -inf\n",
            "confidence-threshold",
        ),
        (
            "[output.html]\ncname = \"kb.example.org\\nevil.example\"\n",
            "cname",
        ),
    ] {
        let dir = common::site(&[("book.toml", toml), ("seeds/good.md", GOOD)]);
        let failure = build_report(dir.path()).expect_err(toml);
        assert!(failure.to_string().contains(key), "{toml}: {failure}");
    }
}
