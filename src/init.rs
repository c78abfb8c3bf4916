//! `dossier init`: a new site with a config, one example briefing and the
//! folders for template and static overrides.

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

const TEMPLATES_README: &str = "Put a file here with the name of a built-in template (for example `briefing.html`) and it replaces the built-in one; see the README's \"Templates\" section for the list.\n";
const STATIC_README: &str = "Files here are copied to `static/` in the output; a file with the name of a built-in one (for example `style.css`) replaces it.\n";

/// Creates a new site in `dir`, which must be missing or empty.
pub fn init(dir: &Path) -> Result<(), Diagnostic> {
    let help = "choose a new or empty folder; `dossier init` never overwrites files";
    if dir.exists() && !dir.is_dir() {
        return Err(
            Diagnostic::error(dir.to_path_buf(), "this is a file, not a folder").help(help),
        );
    }
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::error(dir.to_path_buf(), "the folder is not empty").help(help));
    }
    let files: [(&str, &str); 4] = [
        ("book.toml", BOOK_TOML),
        ("seeds/example-briefing.md", EXAMPLE),
        ("templates/README.md", TEMPLATES_README),
        ("static/README.md", STATIC_README),
    ];
    for (relative, text) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(
                    parent.to_path_buf(),
                    format!("failed to create folder: {e}"),
                )
            })?;
        }
        fs::write(&path, text)
            .map_err(|e| Diagnostic::error(path.clone(), format!("failed to write: {e}")))?;
    }
    Ok(())
}
