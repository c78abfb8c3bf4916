//! Writes the pathological sites of the input-hardening benchmark (issue 15):
//! one site per case, each a `book.toml` and a `seeds/` folder, so that
//! `bench/hostile.sh` can time `dossier build` on each.
//!
//! Standard library only and deterministic: the same arguments give the same
//! bytes.
//!
//! ```text
//! cargo run --release --example gen_hostile -- DIR
//! ```
//!
//! | site | what its one briefing holds |
//! | --- | --- |
//! | `names` | 50,000 distinct person names, one per list item (a sanctions list) |
//! | `authors` | 20,000 authors in its front matter |
//! | `yaml-deep` | `extra:` nested 100,000 deep in YAML flow sequences |
//! | `markdown-deep` | 100,000 nested block quotes, then 100,000 nested list items |
//! | `long-line` | one line of 200 MB (rejected by the per-file size limit) |
//! | `sparse` | a 3 GB sparse file (rejected by the size limit before it is read) |

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use std::process::ExitCode;

const NAMES: usize = 50_000;
const AUTHORS: usize = 20_000;
const DEPTH: usize = 100_000;
const LONG_LINE: usize = 200 * 1024 * 1024;
const SPARSE: u64 = 3 * 1024 * 1024 * 1024;

/// Given names the extractor knows (from `data/gazetteer/given_names.txt`).
const GIVEN: [&str; 50] = [
    "Aaron",
    "Abel",
    "Adam",
    "Adrian",
    "Albert",
    "Alexander",
    "Alfred",
    "Andrew",
    "Anna",
    "Anton",
    "Arthur",
    "Boris",
    "Carl",
    "Daniel",
    "David",
    "Dmitri",
    "Edward",
    "Elena",
    "Emil",
    "Eric",
    "Felix",
    "Frank",
    "George",
    "Hans",
    "Helen",
    "Igor",
    "Irina",
    "Ivan",
    "Jacob",
    "John",
    "Karl",
    "Kevin",
    "Laura",
    "Leon",
    "Maria",
    "Mark",
    "Martin",
    "Michael",
    "Nina",
    "Oleg",
    "Oscar",
    "Paul",
    "Peter",
    "Robert",
    "Sergei",
    "Simon",
    "Thomas",
    "Victor",
    "Walter",
    "Yuri",
];

/// Syllables of invented surnames: three of them make 8,000 surnames.
const SYLLABLES: [&str; 20] = [
    "ba", "dro", "ka", "lev", "mi", "nor", "pa", "ras", "so", "tin", "vel", "zar", "gor", "hel",
    "jun", "kor", "lis", "mon", "ost", "vik",
];

fn surname(i: usize) -> String {
    let n = SYLLABLES.len();
    let word = format!(
        "{}{}{}ov",
        SYLLABLES[i % n],
        SYLLABLES[(i / n) % n],
        SYLLABLES[(i / n / n) % n]
    );
    let mut chars = word.chars();
    let first = chars.next().expect("syllables are not empty");
    first.to_uppercase().chain(chars).collect()
}

/// The `i`th distinct person name.
fn person(i: usize) -> String {
    format!("{} {}", GIVEN[i % GIVEN.len()], surname(i / GIVEN.len()))
}

fn site(root: &Path, name: &str) -> io::Result<std::path::PathBuf> {
    let dir = root.join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(dir.join("seeds"))?;
    fs::write(
        dir.join("book.toml"),
        format!("[book]\ntitle = \"Hostile input: {name}\"\n"),
    )?;
    Ok(dir.join("seeds"))
}

fn names(root: &Path) -> io::Result<()> {
    let mut text = String::from("---\ntitle: Consolidated sanctions list\ndate: 2024-01-02\n---\n\nThe list names these people.\n\n");
    for i in 0..NAMES {
        writeln!(text, "- {}", person(i)).expect("writing to a string");
    }
    fs::write(site(root, "names")?.join("sanctions.md"), text)
}

fn authors(root: &Path) -> io::Result<()> {
    let mut text = String::from("---\ntitle: A report with many authors\nauthors:\n");
    for i in 0..AUTHORS {
        writeln!(text, "  - {}", person(i)).expect("writing to a string");
    }
    text.push_str("---\n\nThe report is short.\n");
    fs::write(site(root, "authors")?.join("report.md"), text)
}

fn yaml_deep(root: &Path) -> io::Result<()> {
    let text = format!(
        "---\ntitle: Deep front matter\nextra: {}{}\n---\n\nBody.\n",
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    fs::write(site(root, "yaml-deep")?.join("deep.md"), text)
}

fn markdown_deep(root: &Path) -> io::Result<()> {
    let text = format!(
        "# Deep nesting\n\nBefore.\n\n{}quoted\n\n{}listed\n\nAfter.\n",
        "> ".repeat(DEPTH),
        "- ".repeat(DEPTH)
    );
    fs::write(site(root, "markdown-deep")?.join("deep.md"), text)
}

fn long_line(root: &Path) -> io::Result<()> {
    let line = "word ".repeat(LONG_LINE / 5);
    fs::write(site(root, "long-line")?.join("long.txt"), line)
}

fn sparse(root: &Path) -> io::Result<()> {
    let seeds = site(root, "sparse")?;
    fs::write(seeds.join("ok.md"), "# A briefing\n\nText.\n")?;
    fs::File::create(seeds.join("sparse.txt"))?.set_len(SPARSE)
}

/// Writes one site under the given folder.
type Writer = fn(&Path) -> io::Result<()>;

fn main() -> ExitCode {
    let Some(root) = std::env::args_os().nth(1) else {
        eprintln!("usage: gen_hostile DIR");
        return ExitCode::from(2);
    };
    let root = Path::new(&root);
    let cases: [(&str, Writer); 6] = [
        ("names", names),
        ("authors", authors),
        ("yaml-deep", yaml_deep),
        ("markdown-deep", markdown_deep),
        ("long-line", long_line),
        ("sparse", sparse),
    ];
    for (name, write) in cases {
        if let Err(e) = write(root) {
            eprintln!("gen_hostile: {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
