//! Slugs and site paths: the one place that does URL arithmetic.
//!
//! Every page lives at a path relative to the output root (`entities/putin.html`),
//! and every link is written relative to the page that holds it, so a site works
//! from `file://`, at a domain root and under a GitHub Pages project path alike.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// A URL-safe identifier: `[a-z0-9-]`, never empty, never a reserved name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const MAX_SLUG_LEN: usize = 80;

/// Whether [`slugify`] finds any letter or digit in `text` (otherwise it
/// gives `untitled`).
pub fn has_slug_text(text: &str) -> bool {
    deunicode::deunicode(text)
        .chars()
        .any(|c| c.is_ascii_alphanumeric())
}

/// Names Windows refuses as file names, whatever the extension (`COM0` and
/// `LPT0` included, as Microsoft's naming rules list them), then our own.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    "index", "page",
];

/// Turns any text into a slug, transliterating letters (`Łukaszenka` → `lukaszenka`).
pub fn slugify(text: &str) -> Slug {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    truncate_at_dash(&mut slug, MAX_SLUG_LEN);
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        return Slug("untitled".into());
    }
    if RESERVED.contains(&slug.as_str()) {
        return Slug(format!("{slug}-1"));
    }
    Slug(slug)
}

fn truncate_at_dash(slug: &mut String, max: usize) {
    if slug.len() <= max {
        return;
    }
    let cut = slug[..max]
        .rfind('-')
        .filter(|&i| i > max / 2)
        .unwrap_or(max);
    slug.truncate(cut);
}

/// Hands out unique slugs: the first claimant of a slug keeps it, later ones get
/// `-2`, `-3`, …. Callers claim in a stable order, so slugs are stable too.
#[derive(Debug, Default)]
pub struct SlugAllocator {
    taken: BTreeMap<String, usize>,
}

impl SlugAllocator {
    pub fn claim(&mut self, wanted: Slug) -> Slug {
        let mut count = self.taken.get(&wanted.0).copied().unwrap_or(0) + 1;
        self.taken.insert(wanted.0.clone(), count);
        if count == 1 {
            return wanted;
        }
        loop {
            let candidate = format!("{}-{}", wanted.0, count);
            if !self.taken.contains_key(&candidate) {
                self.taken.insert(wanted.0.clone(), count);
                self.taken.insert(candidate.clone(), 1);
                return Slug(candidate);
            }
            count += 1;
        }
    }
}

/// The output path of each kind of page, relative to the site root.
pub fn briefing_page(slug: &Slug) -> String {
    format!("briefings/{slug}.html")
}

/// Where the site carries the original a briefing was read from.
pub fn original_file(slug: &Slug, extension: &str) -> String {
    format!("originals/{slug}.{extension}")
}

pub fn entity_page(slug: &Slug) -> String {
    format!("entities/{slug}.html")
}

pub fn topic_page(slug: &Slug) -> String {
    format!("topics/{slug}.html")
}

/// Page `n` (1-based) of a paginated listing whose first page is `first`.
pub fn paginated(first: &str, n: usize) -> String {
    if n <= 1 {
        return first.to_string();
    }
    let stem = first.strip_suffix(".html").unwrap_or(first);
    format!("{stem}/page-{n}.html")
}

/// The prefix that leads from a page back to the site root: `""`, `"../"`, ….
pub fn path_to_root(page_path: &str) -> String {
    "../".repeat(page_path.matches('/').count())
}

/// An absolute URL for a page, for feeds, sitemaps and canonical links.
pub fn absolute_url(site_url: &str, page_path: &str) -> String {
    let base = site_url.trim_end_matches('/');
    let page = page_path.strip_suffix("index.html").unwrap_or(page_path);
    format!("{base}/{page}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_lowercase_and_dashed() {
        assert_eq!(slugify("Łukaszenka").as_str(), "lukaszenka");
        assert_eq!(slugify("Belarus’ Alexander").as_str(), "belarus-alexander");
        assert_eq!(slugify("  ../../etc/passwd ").as_str(), "etc-passwd");
        assert_eq!(slugify("!!!").as_str(), "untitled");
        assert_eq!(slugify("CON").as_str(), "con-1");
        assert_eq!(slugify("COM0.md").as_str(), "com0-md");
        assert_eq!(slugify("lpt0").as_str(), "lpt0-1");
        assert_eq!(slugify("Zapad-2021").as_str(), "zapad-2021");
    }

    #[test]
    fn long_slugs_are_cut_at_a_dash() {
        let slug = slugify(&"word ".repeat(40));
        assert!(slug.as_str().len() <= MAX_SLUG_LEN);
        assert!(!slug.as_str().ends_with('-'));
    }

    #[test]
    fn allocator_suffixes_repeats_in_claim_order() {
        let mut slugs = SlugAllocator::default();
        assert_eq!(slugs.claim(slugify("a")).as_str(), "a");
        assert_eq!(slugs.claim(slugify("a")).as_str(), "a-2");
        assert_eq!(slugs.claim(slugify("a-2")).as_str(), "a-2-2");
        assert_eq!(slugs.claim(slugify("a")).as_str(), "a-3");
    }

    #[test]
    fn relative_paths() {
        assert_eq!(path_to_root("index.html"), "");
        assert_eq!(path_to_root("entities/x.html"), "../");
        assert_eq!(paginated("entities/x.html", 2), "entities/x/page-2.html");
        assert_eq!(path_to_root(&paginated("entities/x.html", 2)), "../../");
        assert_eq!(
            absolute_url("https://a.github.io/repo/", "index.html"),
            "https://a.github.io/repo/"
        );
    }
}
