//! `dossier init`: a new site repository: a config, one example briefing,
//! the folders for template and static overrides, a `.gitignore` for the
//! output, and a GitHub Pages workflow that builds with a released Dossier.

use std::fs;
use std::path::Path;

use crate::diagnostics::Diagnostic;

const BOOK_TOML: &str = r#"[book]
title = "My Dossier"
description = "Briefings, and the people, places and organisations they mention."
authors = []
language = "en"

[build]
build-dir = "book"

[output.html]
# site-url = "https://example.github.io/my-dossier/"

[dossier]
link-mentions = "first-per-section"
"#;

const EXAMPLE: &str = r#"---
title: "An Example Briefing"
date: 2024-01-15
authors: ["Your Name"]
topics: ["Energy"]
summary: "Replace this file with your own briefings."
---

## What happened?

Write your briefing here in Markdown. Names such as the European Union,
NATO, Poland or the port of Gdańsk are found and linked on their own.

## Why does it matter?

Every entity gets a page listing the briefings that mention it.
"#;

/// `.gitignore`: the output and the folders a build stages it in.
const GITIGNORE: &str = include_str!("../data/init/gitignore");

/// The Pages workflow, before the release and repository are filled in.
const PAGES_WORKFLOW: &str = include_str!("../data/init/pages.yml");

const TEMPLATES_README: &str = "Put a file here with the name of a built-in template (for example `briefing.html`) and it replaces the built-in one; see the README's \"Templates\" section for the list.\n";
const STATIC_README: &str = "Files here are copied to `static/` in the output; a file with the name of a built-in one (for example `style.css`) replaces it.\n";

/// Creates a new site in `dir`, which must be missing or empty; with
/// `workflow`, also `.github/workflows/pages.yml`.
pub fn init(dir: &Path, workflow: bool) -> Result<(), Diagnostic> {
    check_target(dir)?;
    let pages = pages_workflow();
    let mut files: Vec<(&str, &str)> = vec![
        ("book.toml", BOOK_TOML),
        (".gitignore", GITIGNORE),
        ("seeds/example-briefing.md", EXAMPLE),
        ("templates/README.md", TEMPLATES_README),
        ("static/README.md", STATIC_README),
    ];
    if workflow {
        files.push((".github/workflows/pages.yml", &pages));
    }
    for (relative, text) in files {
        write_new(&dir.join(relative), text)?;
    }
    Ok(())
}

/// The Pages workflow for this release of Dossier: it installs the release
/// binary from the project's repository through its GitHub Action.
pub fn pages_workflow() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/');
    PAGES_WORKFLOW
        .replace("@REPOSITORY@", repository)
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
}

fn check_target(dir: &Path) -> Result<(), Diagnostic> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(
            Diagnostic::error(dir.to_path_buf(), "this is a file, not a folder")
                .help("give `dossier init` the name of a new or empty folder"),
        );
    }
    let empty = fs::read_dir(dir).map_err(|e| {
        Diagnostic::error(dir.to_path_buf(), format!("cannot read the folder: {e}"))
    })?;
    if empty.into_iter().next().is_some() {
        return Err(
            Diagnostic::error(dir.to_path_buf(), "the folder is not empty")
                .help("choose a new or empty folder; `dossier init` never overwrites files"),
        );
    }
    Ok(())
}

fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| {
            Diagnostic::error(
                parent.to_path_buf(),
                format!("failed to create folder: {e}"),
            )
        })?;
    }
    fs::write(path, text)
        .map_err(|e| Diagnostic::error(path.to_path_buf(), format!("failed to write: {e}")))
}
