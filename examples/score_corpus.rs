//! Scores entity discovery against a generated corpus's own truth.
//!
//! Builds the knowledge base of a corpus written by `gen_corpus` (as
//! `dossier build` would) and compares, briefing by briefing, the entities
//! it says each briefing mentions with `DIR/truth.jsonl`. Prints precision,
//! recall, F1, type accuracy, the false names by class and the top false
//! and missed names.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --n 10000 --out /tmp/h10k --hard
//! cargo run --release --example score_corpus -- /tmp/h10k [TOP]
//! ```
//!
//! When a truth line also has `title`, `authors` or `date` (the held-out
//! messy sets do), the briefing's metadata is scored too: the title matches
//! when equal up to case, spacing and quote style; an author is found when
//! a listed author has the same name key; the date as `YYYY-MM-DD`.
//!
//! Where the truth gives authors, a briefing's authors count among the
//! entities it yields (as the sample's gold counts its author). A published entity matches a true one in the same briefing when its name
//! is the true name or a full form of it as written, or when the true name
//! is among its aliases (`Czechia` for `Czech Republic`): a bare surname, an
//! acronym or an adjective as the page's name does not count (that page is
//! a split of the entity).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use dossier::kb::KnowledgeBase;
use dossier::model::names::name_key;
use serde_json::Value;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What one briefing's truth line says.
struct BriefingTruth {
    entities: Vec<Truth>,
    title: Option<String>,
    authors: Option<Vec<String>>,
    date: Option<String>,
}

/// One true entity of one briefing.
struct Truth {
    name: String,
    kind: String,
    /// Keys a page for this entity may be named by.
    keys: Vec<String>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(PathBuf::from) else {
        eprintln!("usage: score_corpus DIR [TOP]");
        std::process::exit(2);
    };
    let top: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(25);
    let truth = read_truth(&root.join("truth.jsonl"));
    let options = dossier::BuildOptions {
        root,
        ..Default::default()
    };
    let config = dossier::load_config(&options).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let (kb, _) = dossier::knowledge_base(config, false).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let score = score(&kb, &truth);
    score.print(top);
}

/// The truth per briefing file (relative to `seeds/`).
fn read_truth(path: &std::path::Path) -> HashMap<String, BriefingTruth> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!(
            "cannot read {}: {e}; generate the corpus with gen_corpus first",
            path.display()
        );
        std::process::exit(1);
    });
    text.lines()
        .map(|line| {
            let json: Value = serde_json::from_str(line).expect("truth.jsonl line is JSON");
            let file = json["file"].as_str().expect("file").to_string();
            let entities = json["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(truth_entity)
                .collect();
            let text = |key: &str| json[key].as_str().map(str::to_string);
            let authors = json["authors"].as_array().map(|list| {
                list.iter()
                    .filter_map(|a| a.as_str().map(str::to_string))
                    .collect()
            });
            let truth = BriefingTruth {
                entities,
                title: text("title"),
                authors,
                date: text("date"),
            };
            (file, truth)
        })
        .collect()
}

fn truth_entity(e: &Value) -> Truth {
    let name = e["name"].as_str().expect("name").to_string();
    let kind = e["type"].as_str().expect("type").to_string();
    let mut keys = vec![name_key(&name)];
    for form in e["forms"].as_array().expect("forms") {
        let form = form.as_str().expect("form");
        if is_full_form(form, &name, &kind) {
            keys.push(name_key(form));
        }
    }
    Truth { name, kind, keys }
}

/// A form that may name the entity's page: not a bare surname, an acronym
/// or a country's adjective.
fn is_full_form(form: &str, name: &str, kind: &str) -> bool {
    let acronym = form.chars().filter(char::is_ascii_alphabetic).count() > 1
        && !form.chars().any(char::is_lowercase);
    match kind {
        "person" | "country" => form == name,
        _ => !acronym || form == name,
    }
}

#[derive(Default)]
struct Score {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
    typed_right: usize,
    briefings: usize,
    unscored: usize,
    false_names: BTreeMap<String, usize>,
    false_classes: BTreeMap<&'static str, usize>,
    missed: BTreeMap<String, usize>,
    missed_by_kind: BTreeMap<String, usize>,
    wrong_types: BTreeMap<String, usize>,
    meta: MetaScore,
}

/// Metadata found right, over the briefings whose truth gives it.
#[derive(Default)]
struct MetaScore {
    titles_right: usize,
    titles: usize,
    authors_found: usize,
    authors: usize,
    dates_right: usize,
    dates: usize,
    wrong: Vec<String>,
}

fn score(kb: &KnowledgeBase, truth: &HashMap<String, BriefingTruth>) -> Score {
    let mut s = Score::default();
    for entry in &kb.briefings {
        let source = entry.briefing.source.replace('\\', "/");
        // Truth names files by `<year>/<file>`: the last two components.
        let file = source.rsplitn(3, '/').take(2).collect::<Vec<_>>();
        let file = file.iter().rev().copied().collect::<Vec<_>>().join("/");
        let Some(truth) = truth.get(&file) else {
            s.unscored += 1;
            continue;
        };
        s.briefings += 1;
        let with_authors = truth.authors.is_some();
        score_briefing(kb, entry, (&truth.entities, with_authors), &mut s);
        score_meta(&entry.briefing, &file, truth, &mut s.meta);
    }
    s
}

fn score_briefing(
    kb: &KnowledgeBase,
    entry: &dossier::kb::BriefingEntry,
    (truth, with_authors): (&[Truth], bool),
    s: &mut Score,
) {
    let mut matched: HashSet<usize> = HashSet::new();
    // With truth that gives authors, the briefing's authors are people it
    // yields too (their pages link it), as the sample's gold counts its
    // author; `gen_corpus` truth lists only the names in the text.
    let mut yielded: Vec<usize> = entry.entities.iter().map(|&(id, _)| id).collect();
    for &id in entry.authors.iter().filter(|_| with_authors) {
        if !yielded.contains(&id) {
            yielded.push(id);
        }
    }
    for id in yielded {
        let entity = &kb.entities[id];
        let key = name_key(&entity.name);
        let hit = truth.iter().enumerate().find(|(t, tr)| {
            !matched.contains(t)
                && (tr.keys.contains(&key)
                    || entity.aliases.iter().any(|a| name_key(a) == tr.keys[0]))
        });
        match hit {
            Some((t, tr)) => {
                matched.insert(t);
                s.true_positive += 1;
                if entity.kind.as_str() == tr.kind {
                    s.typed_right += 1;
                } else {
                    *s.wrong_types
                        .entry(format!("{} as {} (is {})", tr.name, entity.kind, tr.kind))
                        .or_default() += 1;
                }
            }
            None => {
                s.false_positive += 1;
                *s.false_names.entry(entity.name.clone()).or_default() += 1;
                *s.false_classes
                    .entry(false_class(&entity.name, truth))
                    .or_default() += 1;
            }
        }
    }
    for (t, tr) in truth.iter().enumerate() {
        if !matched.contains(&t) {
            s.false_negative += 1;
            *s.missed.entry(tr.name.clone()).or_default() += 1;
            *s.missed_by_kind.entry(tr.kind.clone()).or_default() += 1;
        }
    }
}

fn score_meta(
    briefing: &dossier::model::sources::Briefing,
    file: &str,
    truth: &BriefingTruth,
    m: &mut MetaScore,
) {
    if let Some(title) = &truth.title {
        m.titles += 1;
        if loose(title) == loose(&briefing.title) {
            m.titles_right += 1;
        } else {
            m.wrong
                .push(format!("{file}: title {:?} (is {title:?})", briefing.title));
        }
    }
    if let Some(authors) = truth.authors.as_ref().filter(|a| !a.is_empty()) {
        m.authors += authors.len();
        let found: HashSet<String> = briefing.authors.iter().map(|a| name_key(a)).collect();
        let right = authors
            .iter()
            .filter(|a| found.contains(&name_key(a)))
            .count();
        m.authors_found += right;
        if right < authors.len() {
            m.wrong.push(format!(
                "{file}: authors {:?} (are {authors:?})",
                briefing.authors
            ));
        }
    }
    if let Some(date) = &truth.date {
        m.dates += 1;
        let got = briefing.date.map(|d| d.to_string()).unwrap_or_default();
        if &got == date {
            m.dates_right += 1;
        } else {
            m.wrong.push(format!("{file}: date {got:?} (is {date:?})"));
        }
    }
}

/// A title compared up to case, spacing and quote style.
fn loose(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A rough class for a false name, to see which mechanism made it.
fn false_class(name: &str, truth: &[Truth]) -> &'static str {
    let key = name_key(name);
    let words = name.split_whitespace().count();
    if name.chars().next().is_some_and(char::is_lowercase) {
        "starts lower-case"
    } else if truth
        .iter()
        .any(|t| t.keys.iter().any(|k| k != &key && key.contains(k.as_str())))
    {
        "a true name with more glued on"
    } else if truth.iter().any(|t| t.keys[0].contains(key.as_str())) {
        "part of a true name (short form or cut)"
    } else if words == 1 && !name.chars().any(char::is_lowercase) {
        "all-caps word (acronym, unit)"
    } else if words == 1 {
        "single word"
    } else {
        "other phrase"
    }
}

impl Score {
    fn print(&self, top: usize) {
        let p = ratio(self.true_positive, self.true_positive + self.false_positive);
        let r = ratio(self.true_positive, self.true_positive + self.false_negative);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{} briefings scored ({} without truth): precision {p:.4}, recall {r:.4}, F1 {f1:.4}, types {:.4}",
            self.briefings,
            self.unscored,
            ratio(self.typed_right, self.true_positive)
        );
        println!(
            "true {} / false {} / missed {} / typed wrong {}",
            self.true_positive,
            self.false_positive,
            self.false_negative,
            self.true_positive - self.typed_right
        );
        print_counts("false mentions by class", &self.false_classes, usize::MAX);
        print_counts("missed by true type", &self.missed_by_kind, usize::MAX);
        print_counts("top false names", &self.false_names, top);
        print_counts("top missed names", &self.missed, top);
        print_counts("top wrong types", &self.wrong_types, top);
        self.meta.print();
    }
}

impl MetaScore {
    fn print(&self) {
        if self.titles + self.authors + self.dates == 0 {
            return;
        }
        println!(
            "metadata: titles {}/{}, authors {}/{}, dates {}/{}",
            self.titles_right,
            self.titles,
            self.authors_found,
            self.authors,
            self.dates_right,
            self.dates
        );
        for line in &self.wrong {
            println!("  {line}");
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn print_counts<K: std::fmt::Display + Ord>(title: &str, counts: &BTreeMap<K, usize>, top: usize) {
    let mut sorted: Vec<(&K, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{title}:");
    for (name, count) in sorted.into_iter().take(top) {
        println!("  {count:>6}  {name}");
    }
}
