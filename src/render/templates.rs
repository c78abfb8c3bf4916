//! The tera templates: the built-in theme compiled into the binary, with a
//! site's own `templates/` files taking precedence file by file.

use std::path::Path;

use include_dir::{include_dir, Dir};

use crate::diagnostics::Diagnostic;

pub static BUILTIN_TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// Loads the site's templates (if any), then the built-in ones it does not
/// replace. A syntax error names the template and its line.
pub fn load(site_templates: &Path) -> Result<tera::Tera, Diagnostic> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".htm"]);
    // Escapes & < > " and ', and leaves / alone: `../` stays `../`.
    tera.set_escape_fn(super::body::escape_html);
    let mut site = Vec::new();
    if site_templates.is_dir() {
        for entry in walkdir::WalkDir::new(site_templates).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::error(
                    site_templates.to_path_buf(),
                    format!("cannot read templates: {e}"),
                )
            })?;
            let path = entry.path();
            let is_template = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("html" | "xml" | "txt" | "json")
            );
            if entry.file_type().is_file() && is_template {
                let name = crate::diagnostics::slash_path(
                    path.strip_prefix(site_templates).unwrap_or(path),
                );
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Diagnostic::error(path.to_path_buf(), format!("failed to read template: {e}"))
                })?;
                site.push((name, text));
            }
        }
    }
    let builtin = builtin_sources();
    let site_names: Vec<&str> = site.iter().map(|(n, _)| n.as_str()).collect();
    let mut all: Vec<(String, String)> = builtin
        .into_iter()
        .filter(|(name, _)| !site_names.contains(&name.as_str()))
        .collect();
    all.extend(site.iter().cloned());
    tera.add_raw_templates(all)
        .map_err(|e| template_error(site_templates, &site, &e))?;
    Ok(tera)
}

fn builtin_sources() -> Vec<(String, String)> {
    let mut sources = Vec::new();
    collect(&BUILTIN_TEMPLATES, &mut sources);
    sources.sort();
    sources
}

fn collect(dir: &Dir<'_>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            let name = crate::diagnostics::slash_path(file.path());
            if !name.ends_with(".md") {
                out.push((name, text.to_string()));
            }
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

/// Turns a tera error into a diagnostic naming the template file and line.
pub fn template_error(
    site_templates: &Path,
    site: &[(String, String)],
    error: &tera::Error,
) -> Diagnostic {
    let chain = error_chain(error);
    let name = template_name_in(&chain);
    let path = match &name {
        Some(name) if site.iter().any(|(n, _)| n == name) => site_templates.join(name),
        Some(name) => Path::new("(built-in templates)").join(name),
        None => site_templates.to_path_buf(),
    };
    let line = chain.split("-->").nth(1).and_then(|rest| {
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits.parse().ok()
    });
    let diagnostic = Diagnostic::error(path, chain.clone());
    let diagnostic = match line {
        Some(line) => diagnostic.at(line, None),
        None => diagnostic,
    };
    diagnostic.help("fix the template, or delete it to fall back to the built-in one")
}

/// Every message in a tera error's chain, joined.
pub fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

fn template_name_in(message: &str) -> Option<String> {
    let start = message.find('\'')? + 1;
    let end = start + message[start..].find('\'')?;
    Some(message[start..end].to_string())
}
