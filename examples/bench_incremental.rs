//! Times what `dossier serve` does when one briefing is saved: a full build,
//! then rebuilds after edits of the first Markdown briefing (in file-name
//! order), each restored afterwards. The source file is left as it was.
//!
//!   cargo run --release --example bench_incremental -- ROOT OUT [IDLE_MS]
//!
//! `IDLE_MS` (default 0) is how long `serve` sits idle before each edit, as
//! between a writer's saves: it prepares the next patch's staging folder
//! then. With 0 the edits come back to back and a patch may wait for it.
//!
//! Edits, each patched in when the corpus decides every name as before:
//! a sentence without names appended (only the pages showing the text are
//! rendered); a sentence naming the briefing's first-mentioned entity again
//! (its counts change); sentences naming an entity the briefing did not
//! name, once the most-mentioned such entity and once a rare one (counts,
//! lists, co-mentions and related briefings change); and a paragraph without
//! names added to the first `.txt` briefing. Each edit is undone after.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::incremental::{Rebuild, Session};
use dossier::BuildOptions;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (root, out, idle) = match args.as_slice() {
        [root, out] => (root, out, 0),
        [root, out, idle] => (root, out, idle.parse().expect("IDLE_MS, a number")),
        _ => {
            eprintln!("usage: bench_incremental ROOT OUT [IDLE_MS]");
            std::process::exit(2);
        }
    };
    let idle = std::time::Duration::from_millis(idle);
    let root = PathBuf::from(root);
    let mut session = Session::new(BuildOptions {
        root: root.clone(),
        out: Some(PathBuf::from(out)),
        ..BuildOptions::default()
    });
    let full = timed(&mut session, "full build");
    let file = first_with_extension(&root.join("seeds"), "md").expect("a Markdown briefing");
    let original = std::fs::read_to_string(&file).expect("read the briefing");
    let kb = Kb::read(&root, out, &file);
    let entity = kb.first_entity_name();
    let (common, rare) = kb.entities_not_named();
    let edits = [
        (
            "edit: sentence without names",
            format!("{original}\nThe ministry confirmed the plan on Tuesday.\n"),
        ),
        ("edit undone", original.clone()),
        (
            "edit: sentence naming an entity",
            format!("{original}\nOfficials met {entity} again on Tuesday.\n"),
        ),
        ("edit undone", original.clone()),
        (
            "edit: naming a common entity anew",
            format!("{original}\nOfficials met {common} again on Tuesday.\n"),
        ),
        ("edit undone", original.clone()),
        (
            "edit: naming a rare entity anew",
            format!("{original}\nOfficials met {rare} again on Tuesday.\n"),
        ),
        ("edit undone", original.clone()),
    ];
    edit_and_time(&mut session, &file, &edits, full, idle);
    std::fs::write(&file, original).expect("restore the briefing");
    // A plain-text briefing: its running headers are checked against every
    // other `.txt` file's.
    if let Some(plain) = first_with_extension(&root.join("seeds"), "txt") {
        let original = std::fs::read_to_string(&plain).expect("read the .txt briefing");
        let edits = [
            (
                "edit of a .txt: paragraph without names",
                format!("{original}\nThe committee met again later that week.\n"),
            ),
            ("edit undone", original.clone()),
        ];
        edit_and_time(&mut session, &plain, &edits, full, idle);
        std::fs::write(&plain, original).expect("restore the .txt briefing");
    }
}

/// Writes each text into `file`, after `idle`, and times the rebuild after
/// it, as a share of the `full` build's seconds.
fn edit_and_time(
    session: &mut Session,
    file: &Path,
    edits: &[(&str, String)],
    full: f64,
    idle: std::time::Duration,
) {
    for (name, text) in edits {
        std::thread::sleep(idle);
        std::fs::write(file, text).expect("write the briefing");
        let seconds = timed(session, name);
        println!("    {:.1} % of the full build", seconds / full * 100.0);
    }
}

/// Runs one build, prints what it did and how long it took, in seconds.
fn timed(session: &mut Session, name: &str) -> f64 {
    let start = Instant::now();
    let rebuild = session.build().unwrap_or_else(|failure| {
        eprintln!("{failure}");
        std::process::exit(1);
    });
    let seconds = start.elapsed().as_secs_f64();
    let how = match &rebuild {
        Rebuild::Full(report, reason) => format!(
            "full, {} pages{}",
            report.pages,
            reason
                .as_ref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ),
        Rebuild::Patched(p) => format!("patched, {} rendered, {} written", p.rendered, p.written),
    };
    println!("{name:<34} {:>9.3} s  ({how})", seconds);
    if let Rebuild::Patched(p) = &rebuild {
        let stages: Vec<String> = p
            .timings
            .iter()
            .map(|(stage, time)| format!("{stage} {:.0} ms", time.as_secs_f64() * 1000.0))
            .collect();
        println!("    {}", stages.join(", "));
    }
    seconds
}

fn first_with_extension(seeds: &Path, extension: &str) -> Option<PathBuf> {
    walkdir::WalkDir::new(seeds)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| p.extension().is_some_and(|e| e == extension))
}

/// The built `kb.json`, and the edited briefing's record in it.
struct Kb {
    entities: Vec<serde_json::Value>,
    briefing: serde_json::Value,
}

impl Kb {
    fn read(root: &Path, out: &str, file: &Path) -> Kb {
        let kb: serde_json::Value = serde_json::from_slice(
            &std::fs::read(Path::new(out).join("kb.json")).expect("read kb.json"),
        )
        .expect("parse kb.json");
        let source = file
            .strip_prefix(root.join("seeds"))
            .expect("under seeds")
            .to_string_lossy()
            .replace('\\', "/");
        let briefing = kb["briefings"]
            .as_array()
            .and_then(|list| list.iter().find(|b| b["source"] == source.as_str()))
            .expect("the briefing in kb.json")
            .clone();
        let entities = kb["entities"].as_array().expect("entities").clone();
        Kb { entities, briefing }
    }

    /// The name of the entity the briefing mentions first.
    fn first_entity_name(&self) -> String {
        let slug = &self.briefing["mentions"][0]["entity"];
        self.entities
            .iter()
            .find(|e| &e["slug"] == slug)
            .and_then(|e| e["name"].as_str())
            .expect("its first entity")
            .to_string()
    }

    /// Two entities the briefing does not name: the most-mentioned, and a
    /// rare person (in three briefings).
    fn entities_not_named(&self) -> (String, String) {
        let named: Vec<&serde_json::Value> = self.briefing["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| &m["entity"])
            .collect();
        let others: Vec<&serde_json::Value> = self
            .entities
            .iter()
            .filter(|e| !named.contains(&&e["slug"]))
            .collect();
        let name = |e: &serde_json::Value| e["name"].as_str().expect("a name").to_string();
        let common = others
            .iter()
            .max_by_key(|e| e["mentions"].as_u64())
            .expect("an entity");
        let rare = others
            .iter()
            .find(|e| e["type"] == "person" && e["briefings"].as_array().map(Vec::len) == Some(3))
            .expect("a person in three briefings");
        (name(common), name(rare))
    }
}
