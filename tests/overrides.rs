//! A site's own templates and static files replace the built-in ones.

mod common;

const BRIEFING: &str =
    "---\ntitle: Override Test\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";

#[test]
fn site_template_and_static_file_win_over_builtin() {
    let dir = common::site(&[
        ("seeds/a.md", BRIEFING),
        ("templates/topics.html", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p id=\"custom\">custom topics {{ topics | length }}</p></body></html>"),
        ("static/style.css", "/* site style */ body { color: red; }"),
    ]);
    let out = common::build(dir.path()).unwrap();
    let topics = common::read_html(&out.join("topics/index.html"));
    assert_eq!(common::select(&topics, "#custom").len(), 1);
    assert_eq!(
        std::fs::read_to_string(out.join("static/style.css")).unwrap(),
        "/* site style */ body { color: red; }"
    );
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("static/dossier.js"),
        "untouched templates stay built-in"
    );
    assert!(
        out.join("static/dossier.js").is_file(),
        "untouched static files stay built-in"
    );
}

#[test]
fn template_syntax_error_names_the_file_and_line() {
    let dir = common::site(&[
        ("seeds/a.md", BRIEFING),
        ("templates/topics.html", "<p>\n{% for x in %}\n</p>"),
    ]);
    let failure = common::build(dir.path()).unwrap_err();
    let message = failure.to_string();
    assert!(message.contains("templates/topics.html"), "{message}");
    assert!(message.contains(":2"), "{message}");
}

#[test]
fn unknown_template_variable_is_an_error_and_keeps_the_old_site() {
    let dir = common::site(&[("seeds/a.md", BRIEFING)]);
    let out = common::build(dir.path()).unwrap();
    let before = std::fs::read(out.join("index.html")).unwrap();
    common::write(
        dir.path(),
        "templates/topics.html",
        b"<p>{{ no_such_variable }}</p>",
    );
    let failure = common::build(dir.path()).unwrap_err();
    assert!(
        failure.to_string().contains("no_such_variable"),
        "{failure}"
    );
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        before,
        "the previous site is untouched"
    );
}
