//! The sample site as a reader meets it: built into a temp folder, its HTML
//! parsed, its links followed.

mod common;

use common::{build_sample, read_html, select, text};

fn sample_briefing_page(site: &std::path::Path) -> scraper::Html {
    read_html(&site.join("briefings/towards-deeper-integration-lukashenka-s-visit-to-sochi.html"))
}

#[test]
fn sample_briefing_page_has_title_author_and_question_headings() {
    let (_tmp, site) = build_sample();
    let html = sample_briefing_page(&site);
    let h1 = select(&html, "article.briefing h1");
    assert_eq!(
        text(&h1[0]),
        "Towards Deeper Integration—Lukashenka’s Visit to Sochi"
    );
    let authors: Vec<String> = select(&html, "a.author").iter().map(text).collect();
    assert_eq!(authors, ["Anna Maria Dyrner"]);
    let headings: Vec<String> = select(&html, ".body h2").iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "What was the context of the visit?",
            "What was discussed?",
            "What did the course and results of the meeting show?",
            "What will be the consequences of the Sochi arrangements?"
        ]
    );
    assert!(select(&html, ".body h2")
        .iter()
        .all(|h| h.value().attr("id").is_some()));
}

#[test]
fn page_label_is_removed_and_split_paragraph_joined() {
    let (_tmp, site) = build_sample();
    let html = sample_briefing_page(&site);
    let body = text(&select(&html, ".body")[0]);
    assert!(!body.contains("PISM SPOTLIGHT"));
    let joined = select(&html, ".body p")
        .iter()
        .map(text)
        .filter(|p| p.contains("both in the political and security spheres"))
        .count();
    assert_eq!(joined, 1, "the split sentence should sit in one paragraph");
}

#[test]
fn no_placeholder_hrefs_and_no_broken_links_anywhere() {
    let (_tmp, site) = build_sample();
    for page in common::files(&site)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read_html(&site.join(page));
        for a in select(&html, "a[href]") {
            let href = a.value().attr("href").unwrap();
            assert!(
                href != "#" && !href.is_empty(),
                "{}: empty or # link around {:?}",
                page.display(),
                text(&a)
            );
        }
    }
    common::assert_no_broken_links(&site);
}

#[test]
fn placeholder_link_points_at_the_entity_page() {
    let (_tmp, site) = build_sample();
    let html = sample_briefing_page(&site);
    let links: Vec<String> = select(&html, ".body a")
        .iter()
        .filter(|a| text(a) == "Belarusian Nuclear Power Plant")
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["../entities/belarusian-nuclear-power-plant.html"]);
    let plain = text(&select(&html, ".body")[0]);
    assert!(plain.contains("adopt a common customs and tax code"));
}

#[test]
fn first_mention_of_sochi_links_to_its_page() {
    let (_tmp, site) = build_sample();
    let html = sample_briefing_page(&site);
    let first_paragraph_with_sochi = select(&html, ".body p")
        .into_iter()
        .find(|p| text(p).contains("Sochi"))
        .unwrap();
    let paragraph = scraper::Html::parse_fragment(&first_paragraph_with_sochi.html());
    let link = select(&paragraph, "a[href*=\"entities/\"]")
        .into_iter()
        .find(|a| text(a) == "Sochi")
        .map(|a| a.value().attr("href").unwrap().to_string());
    assert_eq!(link.as_deref(), Some("../entities/sochi.html"));
}

#[test]
fn lukashenka_page_lists_the_sample_with_highlighted_sentence_and_putin() {
    let (_tmp, site) = build_sample();
    let html = read_html(&site.join("entities/alexander-lukashenka.html"));
    let entries = select(&html, ".mention-list > li");
    let sample = entries
        .iter()
        .find(|li| text(li).contains("Towards Deeper Integration"))
        .expect("the sample briefing is listed");
    let sample_html = scraper::Html::parse_fragment(&sample.html());
    let sentences = select(&sample_html, "li > q");
    let sentence = sentences
        .first()
        .expect("the sentence is shown under the title");
    assert!(
        text(sentence).starts_with("Russian President Vladimir Putin and Belarus’ Alexander Lukashenka met for the first time"),
        "{}",
        text(sentence)
    );
    let fragment = scraper::Html::parse_fragment(&sentence.html());
    assert_eq!(text(&select(&fragment, "mark")[0]), "Alexander Lukashenka");
    // The title links to the first sentence's paragraph, so the sentence
    // itself needs no link.
    assert!(select(&fragment, "a").is_empty());
    let href = select(&sample_html, "li > a")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert!(href.contains("#p"), "links to the paragraph: {href}");
    let co: Vec<String> = select(&html, ".side-panel .chips a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        co.iter().any(|h| h.ends_with("vladimir-putin.html")),
        "{co:?}"
    );
}

#[test]
fn json_ld_parses_on_every_page() {
    let (_tmp, site) = build_sample();
    let mut checked = 0;
    for page in common::files(&site)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read_html(&site.join(page));
        for script in select(
            &html,
            "script[type=\"application/ld+json\"], script[type=\"application/json\"]",
        ) {
            let json: String = script.text().collect();
            serde_json::from_str::<serde_json::Value>(&json)
                .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
            checked += 1;
        }
    }
    assert!(checked > 20);
}

#[test]
fn site_has_home_index_404_nojekyll_and_no_external_requests() {
    let (_tmp, site) = build_sample();
    for file in [
        "index.html",
        "briefings/index.html",
        "entities/index.html",
        "topics/index.html",
        "404.html",
        ".nojekyll",
        "feed.xml",
        "kb.json",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let home = read_html(&site.join("index.html"));
    let dates: Vec<String> = select(&home, ".briefing-list time")
        .iter()
        .map(text)
        .collect();
    assert!(!dates.is_empty());
    assert!(
        dates
            .iter()
            .all(|d| d.len() == 10 && d.as_bytes()[4] == b'-'),
        "ISO dates: {dates:?}"
    );
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "home lists briefings newest first");
    for page in common::files(&site)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read_html(&site.join(page));
        for element in select(&html, "script[src], link[rel=stylesheet], img[src]") {
            let url = element
                .value()
                .attr("src")
                .or(element.value().attr("href"))
                .unwrap();
            assert!(
                !url.contains("//"),
                "{}: external resource {url}",
                page.display()
            );
        }
    }
}

#[test]
fn drafts_are_skipped_unless_asked() {
    let (_tmp, site) = build_sample();
    let kb: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("kb.json")).unwrap()).unwrap();
    let sources: Vec<&str> = kb["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["source"].as_str().unwrap())
        .collect();
    assert!(
        !sources.iter().any(|s| s.contains("ust-luga-rerouting")),
        "the draft is not published"
    );
    assert!(sources.contains(&"000_3d1f1b5c911402f3.txt"));
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = build_sample();
    let (_b, second) = build_sample();
    let files = common::files(&first);
    assert_eq!(files, common::files(&second));
    for file in files {
        assert!(
            std::fs::read(first.join(&file)).unwrap() == std::fs::read(second.join(&file)).unwrap(),
            "{} differs",
            file.display()
        );
    }
}

#[test]
fn entity_index_is_paginated_and_reaches_every_entity() {
    let seeds = common::repo().join("seeds");
    let dir = site_with_page_size(
        2,
        walkdir::WalkDir::new(&seeds)
            .into_iter()
            .map(Result::unwrap)
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let relative = entry.path().strip_prefix(&seeds).unwrap();
                let text = std::fs::read_to_string(entry.path()).unwrap();
                (relative.to_str().unwrap().to_string(), text)
            }),
    );
    let site = common::build(dir.path()).unwrap();

    // Index pages: entities/index.html, then entities/index/page-N.html.
    let pages = follow_index(&site.join("entities/index.html"), 20);
    let listed: std::collections::BTreeSet<String> = pages
        .iter()
        .flatten()
        .map(|(href, _)| href.rsplit('/').next().unwrap().to_string())
        .collect();
    for page in ["entities/index.html", "entities/index/page-2.html"] {
        let html = read_html(&site.join(page));
        assert!(
            !select(&html, "nav.jump a").is_empty(),
            "{page} has no links to the entity types"
        );
    }
    let entity_pages: std::collections::BTreeSet<String> = std::fs::read_dir(site.join("entities"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html") && name != "index.html")
        .collect();
    assert!(
        pages.len() > 1,
        "the sample with page-size 2 should need several index pages"
    );
    assert_eq!(
        listed, entity_pages,
        "the index pages do not reach every entity page exactly"
    );
    common::assert_no_broken_links(&site);
}

#[test]
fn long_entity_lists_render_every_page_once() {
    let dir = site_with_page_size(
        1,
        (0..40).map(|i| {
            (
                format!("b{i:02}.md"),
                format!("---\ntitle: Briefing number {i}\ndate: 2024-01-{:02}\n---\n\nPoland signed a deal with Lithuania, round {i}.\n", i % 28 + 1),
            )
        }),
    );
    let site = common::build(dir.path()).unwrap();
    // 40 pages of one briefing each: more than one rendering job's worth.
    let mut seen = std::collections::BTreeSet::new();
    for n in 1..=40 {
        let page = if n == 1 {
            site.join("entities/poland.html")
        } else {
            site.join(format!("entities/poland/page-{n}.html"))
        };
        let html = read_html(&page);
        let titles = select(&html, ".mention-list > li > a");
        assert_eq!(
            titles.len(),
            1,
            "{} should list one briefing",
            page.display()
        );
        seen.insert(text(&titles[0]));
    }
    assert!(!site.join("entities/poland/page-41.html").exists());
    assert_eq!(seen.len(), 40, "some briefing is listed twice or missing");
    assert!(site.join("entities/poland.xml").exists());
    common::assert_no_broken_links(&site);
}

#[test]
fn author_index_is_paginated_and_reaches_every_author() {
    let names = [
        "Anna", "Boris", "Clara", "Dmitri", "Elena", "Fyodor", "Galina", "Hanna", "Igor", "Jana",
        "Kirill", "Larisa", "Maxim", "Nina", "Oleg", "Polina", "Roman", "Sofia", "Taras", "Ulyana",
        "Viktor", "Yana", "Zoya", "Artem", "Vera",
    ];
    let dir = site_with_page_size(
        1,
        names.iter().enumerate().map(|(i, name)| {
            (
                format!("n{i:02}.md"),
                format!(
                    "---\ntitle: Note {i}\ndate: 2024-02-{:02}\nauthors: [\"{name} Kowalczyk\"]\n---\n\nPoland and Lithuania met.\n",
                    i + 1
                ),
            )
        }),
    );
    let site = common::build(dir.path()).unwrap();
    let pages = follow_index(&site.join("authors/index.html"), 10);
    let listed: std::collections::BTreeSet<String> = pages
        .iter()
        .flatten()
        .map(|(_, name)| name.clone())
        .collect();
    assert_eq!(pages.len(), 3, "25 authors at 10 per page");
    let expected: std::collections::BTreeSet<String> =
        names.iter().map(|n| format!("{n} Kowalczyk")).collect();
    assert_eq!(listed, expected);
    common::assert_no_broken_links(&site);
}

/// Follows an index's "next" links from its first page; returns each page's
/// `.entity-index` links as (href, text), checking none has more than `most`.
fn follow_index(first: &std::path::Path, most: usize) -> Vec<Vec<(String, String)>> {
    let mut pages = Vec::new();
    let mut page = first.to_path_buf();
    loop {
        let html = read_html(&page);
        let links: Vec<(String, String)> = select(&html, ".entity-index a")
            .iter()
            .map(|a| (a.value().attr("href").unwrap().to_string(), text(a)))
            .collect();
        assert!(
            links.len() <= most,
            "{} lists {} items, more than {most}",
            page.display(),
            links.len()
        );
        pages.push(links);
        match select(&html, "a[rel=next]").first() {
            Some(next) => {
                page = page
                    .parent()
                    .unwrap()
                    .join(next.value().attr("href").unwrap())
            }
            None => return pages,
        }
    }
}

/// A temporary site with `page-size` set and the given seed files
/// (path under `seeds/` → contents).
fn site_with_page_size(
    page_size: usize,
    seeds: impl IntoIterator<Item = (String, String)>,
) -> tempfile::TempDir {
    let book = format!("[book]\ntitle = \"Paged\"\n\n[dossier]\npage-size = {page_size}\n");
    let dir = common::site(&[("book.toml", &book)]);
    for (path, text) in seeds {
        common::write(dir.path(), &format!("seeds/{path}"), text.as_bytes());
    }
    dir
}

/// The corpus graph fills its canvas within the margin, labels at most 150
/// entities (the rest hidden until hovered), colours and lists its clusters,
/// and every node appears once in the link list.
#[test]
fn corpus_graph_fills_its_canvas_and_lists_every_node_by_cluster() {
    let (_tmp, site) = build_sample();
    let html = read_html(&site.join("graph.html"));
    let svg = &select(&html, "svg.corpus")[0];
    let view: Vec<f32> = svg
        .value()
        .attr("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let circles = select(&html, "svg.corpus circle");
    let at = |c: &scraper::ElementRef, a: &str| c.value().attr(a).unwrap().parse::<f32>().unwrap();
    let (xs, ys): (Vec<f32>, Vec<f32>) = circles.iter().map(|c| (at(c, "cx"), at(c, "cy"))).unzip();
    let span = |v: &[f32]| {
        v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min)
    };
    for (&x, &y) in xs.iter().zip(&ys) {
        assert!(
            x >= 30.0 && x <= view[2] - 30.0 && y >= 30.0 && y <= view[3] - 30.0,
            "node at ({x}, {y}) is outside the margin"
        );
    }
    assert!(
        span(&xs) >= 0.8 * view[2] && span(&ys) >= 0.8 * view[3],
        "the nodes span {} × {}",
        span(&xs),
        span(&ys)
    );
    let labelled = select(&html, "svg.corpus text:not(.h)").len();
    assert!(labelled > 0 && labelled <= 150, "{labelled} labels");
    assert!(
        !select(&html, "svg.corpus circle.c1").is_empty(),
        "no second cluster coloured"
    );
    let listed: Vec<String> = select(&html, ".graph-key a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let mut nodes: Vec<String> = select(&html, "svg.corpus a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    nodes.sort();
    assert_eq!(sorted, nodes, "the link list is not the graph's nodes");
}

/// `entities/all.js` lists every entity of the index, each with its page.
#[test]
fn entity_index_data_lists_every_entity_with_its_page() {
    let (_tmp, site) = build_sample();
    let script = std::fs::read_to_string(site.join("entities/all.js")).unwrap();
    let json = script
        .strip_prefix("window.dossierIndex && window.dossierIndex.load(")
        .and_then(|s| s.strip_suffix(");\n"))
        .expect("the data script calls dossierIndex.load");
    let rows: Vec<(String, String, String, usize)> = serde_json::from_str(json).unwrap();
    let pages = std::fs::read_dir(site.join("entities"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    assert_eq!(
        rows.len(),
        pages - 1,
        "one row per entity page (index.html aside)"
    );
    for (name, page, _, _) in &rows {
        assert!(site.join(page).is_file(), "{name}: {page} is missing");
    }
}
