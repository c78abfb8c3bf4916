//! Scores four maintained article-extraction crates on the readability-pages
//! corpus with Dossier's metric (tests/support/webpage_score.rs): article F1
//! on 4-gram word shingles, title, byline and date, and pages per CPU-second
//! of one thread ("parse-only" is html5ever parsing the page, a floor).

#[path = "../../../tests/support/webpage_score.rs"]
mod score;
use score::*;

/// What a reader made of a page; empty when it failed.
#[derive(Default)]
struct Out {
    text: String,
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
}

fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e9
}

fn date10(d: Option<String>) -> Option<String> {
    d.and_then(|d| d.get(..10).map(String::from))
}

fn run(name: &str, html: &str) -> Out {
    match name {
        "dom_smoothie" => {
            match dom_smoothie::Readability::new(html, None, None).and_then(|mut r| r.parse()) {
                Ok(a) => Out {
                    text: a.content.to_string(),
                    title: Some(a.title),
                    byline: a.byline,
                    date: date10(a.published_time),
                },
                Err(_) => Out::default(),
            }
        }
        "readabilityrs" => match readabilityrs::Readability::new(html, None, None)
            .ok()
            .and_then(|r| r.parse())
        {
            Some(a) => Out {
                text: a.content.unwrap_or_default(),
                title: a.title,
                byline: a.byline,
                date: date10(a.published_time),
            },
            None => Out::default(),
        },
        "legible" => match legible::parse(html, None, None) {
            Ok(a) => Out {
                text: html_text(&a.content),
                title: Some(a.title),
                byline: a.byline,
                date: date10(a.published_time),
            },
            Err(_) => Out::default(),
        },
        "parse-only" => {
            let d = scraper::Html::parse_document(html);
            Out {
                text: String::new(),
                title: Some(d.root_element().value().name().to_string()),
                byline: None,
                date: None,
            }
        }
        "rs-trafilatura" => match rs_trafilatura::extract(html) {
            Ok(r) => Out {
                text: r
                    .content_html
                    .unwrap_or(format!("<p>{}</p>", r.content_text)),
                title: r.metadata.title,
                byline: r.metadata.author,
                date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
            },
            Err(_) => Out::default(),
        },
        _ => unreachable!(),
    }
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/readability-pages");
    assert!(dir.is_dir(), "the corpus is expected at {}", dir.display());
    let cases = cases(&dir);
    let verbose = std::env::args().any(|a| a == "-v");
    for name in [
        "parse-only",
        "dom_smoothie",
        "readabilityrs",
        "legible",
        "rs-trafilatura",
    ] {
        let mut totals = Totals::default();
        let mut time = 0.0;
        for case in &cases {
            let html = String::from_utf8_lossy(&case.source);
            let start = cpu();
            let out = std::panic::catch_unwind(|| run(name, &html)).unwrap_or(Out::default());
            time += cpu() - start;
            let out = Out {
                text: html_text(&out.text),
                ..out
            };
            let authors: Vec<String> = out.byline.into_iter().collect();
            let f1 = totals.add(
                case,
                &out.text,
                out.title.as_deref(),
                &authors,
                out.date.as_deref(),
            );
            if verbose {
                println!("  {name} {} f1={f1:.3}", case.name);
            }
        }
        println!(
            "{name:<15} F1 {:.4}  title {}/{} byline {}/{} date {}/{}  {:.0} pages/s",
            totals.f1(),
            totals.titles.0,
            totals.titles.1,
            totals.bylines.0,
            totals.bylines.1,
            totals.dates.0,
            totals.dates.1,
            cases.len() as f64 / time
        );
    }
}
