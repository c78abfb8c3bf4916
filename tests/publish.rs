//! What publishing needs: valid Atom feeds, a sitemap of absolute URLs, and
//! an output GitHub Pages accepts as an artifact (no symlinks, every file
//! readable).

mod common;

use std::fs;

fn build_with_url() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let options = dossier::BuildOptions {
        root: common::repo(),
        out: Some(out.path().join("site")),
        base_url: Some("https://example.github.io/repo/".into()),
        ..Default::default()
    };
    let report = dossier::build(&options).expect("builds");
    (out, report.out_dir)
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.len() == 20
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[10] == b'T'
        && text.ends_with('Z')
        && dossier::model::date::parse_date(&text[..10]).is_ok()
}

/// The rules of RFC 4287 that a reader relies on: feed and entries have id,
/// title and updated; entries have an alternate link and an author (or the
/// feed has one); dates are RFC 3339.
fn check_atom(path: &std::path::Path) -> Result<usize, String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let doc = roxmltree::Document::parse(&text).map_err(|e| format!("not XML: {e}"))?;
    let feed = doc.root_element();
    if feed.tag_name().namespace() != Some(ATOM) || feed.tag_name().name() != "feed" {
        return Err("root is not an Atom feed".into());
    }
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM))
            .and_then(|c| c.text().map(str::to_string))
    };
    for required in ["id", "title", "updated"] {
        child(feed, required)
            .filter(|t| !t.trim().is_empty())
            .ok_or(format!("feed without {required}"))?;
    }
    if !is_rfc3339(&child(feed, "updated").unwrap()) {
        return Err("feed updated is not RFC 3339".into());
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    for entry in &entries {
        for required in ["id", "title", "updated"] {
            child(*entry, required)
                .filter(|t| !t.trim().is_empty())
                .ok_or(format!("entry without {required}"))?;
        }
        if !is_rfc3339(&child(*entry, "updated").unwrap()) {
            return Err("entry updated is not RFC 3339".into());
        }
        let alternate = entry.children().any(|c| {
            c.tag_name().name() == "link"
                && c.attribute("rel") == Some("alternate")
                && c.attribute("href")
                    .is_some_and(|h| h.starts_with("https://example.github.io/repo/"))
        });
        if !alternate {
            return Err("entry without an absolute alternate link".into());
        }
        if !entry.children().any(|c| c.tag_name().name() == "author") {
            return Err("entry without author".into());
        }
    }
    Ok(entries.len())
}

#[test]
fn every_feed_is_valid_atom() {
    let (_tmp, site) = build_with_url();
    let feeds: Vec<_> = common::files(&site)
        .into_iter()
        .filter(|f| {
            f.extension().is_some_and(|e| e == "xml") && f.to_string_lossy() != "sitemap.xml"
        })
        .collect();
    assert!(feeds.len() > 50, "{} feeds", feeds.len());
    let entries = check_atom(&site.join("feed.xml")).unwrap();
    assert_eq!(entries, 12, "the site feed lists every published briefing");
    for feed in &feeds {
        check_atom(&site.join(feed)).unwrap_or_else(|e| panic!("{}: {e}", feed.display()));
    }
}

#[test]
fn sitemap_robots_and_canonical_links_use_the_site_url() {
    let (_tmp, site) = build_with_url();
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() > 100);
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://example.github.io/repo/")),
        "{locs:?}"
    );
    assert!(fs::read_to_string(site.join("robots.txt"))
        .unwrap()
        .contains("Sitemap: https://example.github.io/repo/sitemap.xml"));
    let home = common::read_html(
        &site.join("briefings/towards-deeper-integration-lukashenka-s-visit-to-sochi.html"),
    );
    let canonical = common::select(&home, "link[rel=canonical]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(canonical, "https://example.github.io/repo/briefings/towards-deeper-integration-lukashenka-s-visit-to-sochi.html");
    assert_eq!(
        common::select(&home, "meta[property=\"og:title\"]").len(),
        1
    );
    let not_found = common::read_html(&site.join("404.html"));
    assert_eq!(
        common::select(&not_found, "base")[0].value().attr("href"),
        Some("/repo/")
    );
}

#[test]
fn cname_file_when_configured() {
    let dir = common::site(&[
        ("seeds/a.md", "---\ntitle: A\n---\nText.\n"),
        ("book.toml", "[output.html]\ncname = \"kb.example.org\"\n"),
    ]);
    let out = common::build(dir.path()).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "kb.example.org\n"
    );
}

#[test]
fn output_follows_the_pages_artifact_rules() {
    let (_tmp, site) = build_with_url();
    for entry in walk(&site) {
        let meta = fs::symlink_metadata(&entry).unwrap();
        assert!(
            !meta.file_type().is_symlink(),
            "{} is a symlink",
            entry.display()
        );
        if meta.is_file() {
            use std::os::unix::fs::PermissionsExt;
            assert!(
                meta.permissions().mode() & 0o004 != 0,
                "{} is not world-readable",
                entry.display()
            );
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            all.extend(walk(&path));
        }
        all.push(path);
    }
    all
}

fn build_with_kb_json(setting: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = common::two_briefings();
    common::write(
        dir.path(),
        "book.toml",
        format!("[dossier]\nkb-json = \"{setting}\"\n").as_bytes(),
    );
    let out = common::build(dir.path()).unwrap();
    (dir, out)
}

fn footer_data_links(site: &std::path::Path) -> Vec<String> {
    let page = common::read_html(&site.join("index.html"));
    common::select(&page, "footer a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.contains("kb.json"))
        .map(str::to_string)
        .collect()
}

#[test]
fn kb_json_can_be_gzipped_or_left_out() {
    use std::io::Read;
    let (_plain_dir, plain) = build_with_kb_json("plain");
    let data = fs::read(plain.join("kb.json")).unwrap();
    assert_eq!(footer_data_links(&plain), ["kb.json"]);

    let (_gzip_dir, gzipped) = build_with_kb_json("gzip");
    assert!(!gzipped.join("kb.json").exists());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(gzipped.join("kb.json.gz")).unwrap())
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, data, "kb.json.gz holds kb.json");
    assert_eq!(footer_data_links(&gzipped), ["kb.json.gz"]);
    common::assert_no_broken_links(&gzipped);

    let (_none_dir, without) = build_with_kb_json("none");
    assert!(!without.join("kb.json").exists() && !without.join("kb.json.gz").exists());
    assert!(footer_data_links(&without).is_empty());
    common::assert_no_broken_links(&without);
}

#[test]
fn a_gzipped_kb_json_is_the_same_bytes_on_every_build() {
    let (_a, first) = build_with_kb_json("gzip");
    let (_b, second) = build_with_kb_json("gzip");
    assert_eq!(
        fs::read(first.join("kb.json.gz")).unwrap(),
        fs::read(second.join("kb.json.gz")).unwrap()
    );
}
