//! Helpers shared by the integration tests: build fixture sites into temp
//! folders and read the produced HTML.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

/// The repository root (where the sample `seeds/` and `book.toml` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary site folder with the given files (path → contents).
pub fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

/// A site of two short Markdown briefings: Poland, Lithuania and Vilnius in
/// `first.md`; NATO, Brussels and Estonia in `second.md`.
pub fn two_briefings() -> tempfile::TempDir {
    site(&[
        (
            "seeds/first.md",
            "---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius.\n",
        ),
        (
            "seeds/second.md",
            "---\ntitle: Second look\ndate: 2024-02-01\n---\n\nNATO met in Brussels with Estonia.\n",
        ),
    ])
}

pub fn write(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Builds the site at `root` into `root/book` and returns the output folder.
pub fn build(root: &Path) -> Result<PathBuf, dossier::diagnostics::BuildFailure> {
    let options = dossier::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    dossier::build(&options).map(|report| report.out_dir)
}

/// Builds the repository's sample site into a fresh temp folder.
pub fn build_sample() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let options = dossier::BuildOptions {
        root: repo(),
        out: Some(out.path().join("site")),
        ..Default::default()
    };
    let report = dossier::build(&options).expect("the sample site builds");
    (out, report.out_dir)
}

pub fn read_html(path: &Path) -> Html {
    Html::parse_document(
        &fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

pub fn text(element: &scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir` (relative, sorted) with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|f| (f.clone(), fs::read(dir.join(&f)).unwrap()))
        .collect()
}

/// Writes a corpus of `n` briefings from `examples/gen_corpus` into `dir`.
pub fn generated_corpus(n: usize, dir: &Path) {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "gen_corpus", "--", "--n"])
        .arg(n.to_string())
        .arg("--out")
        .arg(dir)
        .current_dir(repo())
        .status()
        .expect("run the corpus generator");
    assert!(status.success(), "gen_corpus failed");
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = walkdir(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    all.sort();
    all
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Fails, listing them, if any internal link or anchor under `site` is broken.
pub fn assert_no_broken_links(site: &Path) {
    let broken = broken_links(site);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Checks every internal link and `#anchor` in every HTML page under `site`;
/// returns the broken ones as `page: href`.
pub fn broken_links(site: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    let pages: Vec<PathBuf> = files(site)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let link = Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    for page in &pages {
        if page.to_string_lossy() == "404.html" {
            continue; // uses <base href>, checked separately
        }
        if page.starts_with("originals") {
            continue; // copies of saved web pages, their links as saved
        }
        let html = read_html(&site.join(page));
        for element in html.select(&link) {
            let value = element.value();
            let href = value.attr("href").or(value.attr("src")).unwrap();
            if href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("mailto:")
            {
                continue;
            }
            if !resolves(site, page, href) {
                broken.push(format!("{}: {href}", page.display()));
            }
        }
    }
    broken
}

fn resolves(site: &Path, page: &Path, href: &str) -> bool {
    if href.is_empty() || href == "#" {
        return false;
    }
    let (path, fragment) = href
        .split_once('#')
        .map_or((href, None), |(p, f)| (p, Some(f)));
    let target = if path.is_empty() {
        site.join(page)
    } else {
        normalise(&site.join(page).parent().unwrap().join(path))
    };
    if !target.starts_with(site) || !target.is_file() {
        return false;
    }
    match fragment {
        None => true,
        Some(id) => {
            let html = read_html(&target);
            !select(&html, &format!("[id=\"{id}\"]")).is_empty()
        }
    }
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
