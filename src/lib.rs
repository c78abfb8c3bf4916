//! Dossier turns a folder of policy briefings into a static knowledge-base
//! website: a page per briefing, per entity and per topic, all cross-linked.
//!
//! The build is a flat list of stages, each taking the previous stage's
//! output and returning a new value:
//!
//! ```text
//! config::load   book.toml                 -> Config
//! ingest         seeds/                    -> briefings, notes, problems
//! document       Markdown bodies           -> parsed documents (events + text blocks)
//! extract        documents + gazetteer     -> entities, mentions, topics
//! kb             everything above          -> KnowledgeBase (read-only while rendering)
//! render         KnowledgeBase + templates -> pages (path, bytes)
//! output         pages + static files      -> the site on disk, swapped in atomically
//! ```

pub mod config;
pub mod diagnostics;
pub mod document;
pub mod extract;
pub mod incremental;
pub mod ingest;
pub mod init;
pub mod kb;
pub mod model;
pub mod output;
pub mod paths;
pub mod raw_html;
pub mod render;
pub mod serve;
pub mod stamps;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use config::Config;
use diagnostics::{BuildFailure, Diagnostic};
use kb::KnowledgeBase;

/// What the user asked the build to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub keep_going: bool,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub pages: usize,
    pub briefings: usize,
    pub entities: usize,
    pub topics: usize,
    /// Warnings, and with `--keep-going` the errors of skipped files.
    pub problems: Vec<Diagnostic>,
    /// The bytes written, in all and per top-level folder.
    pub size: output::SiteSize,
    pub timings: Vec<(&'static str, Duration)>,
}

impl BuildReport {
    /// Prints problems (errors only when `quiet`), stage times when
    /// `verbose`, and a one-line summary unless `quiet`.
    pub fn print(&self, quiet: bool, verbose: bool) {
        for problem in &self.problems {
            if problem.is_error() || !quiet {
                eprintln!("{problem}");
            }
        }
        if verbose {
            print_timings(&self.timings);
        }
        if !quiet {
            let skipped = self.problems.iter().filter(|p| p.is_error()).count();
            let skipped = match skipped {
                0 => String::new(),
                n => format!("; skipped {n} file(s) with errors"),
            };
            println!(
                "Built {} briefings, {} entities, {} topics into {} ({} files){skipped}",
                self.briefings,
                self.entities,
                self.topics,
                diagnostics::display_path(&self.out_dir),
                self.pages,
            );
            println!(
                "Site size: {} ({} per briefing)",
                output::human_bytes(self.size.total),
                output::human_bytes(self.size.total / self.briefings.max(1) as u64)
            );
        }
    }
}

/// Times each stage for `-v`.
pub(crate) struct Stopwatch {
    last: Instant,
    pub(crate) timings: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    pub(crate) fn new() -> Self {
        Stopwatch {
            last: Instant::now(),
            timings: Vec::new(),
        }
    }

    /// Adds a part of the last stage (not counted in the laps).
    fn record(&mut self, part: &'static str, time: Duration) {
        self.timings.push((part, time));
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.timings.push((stage, now - self.last));
        self.last = now;
    }
}

/// Prints stage times, one per line, as `-v` shows them.
pub(crate) fn print_timings(timings: &[(&'static str, Duration)]) {
    for (stage, time) in timings {
        eprintln!("  {stage:<16} {:>8.1} ms", time.as_secs_f64() * 1000.0);
    }
}

/// Reads the configuration with the command line's overrides applied.
pub fn load_config(options: &BuildOptions) -> Result<Config, BuildFailure> {
    let mut config = config::load(&options.root)?;
    if let Some(out) = &options.out {
        config.build_dir = output::normalise(&if out.is_absolute() {
            out.clone()
        } else {
            std::env::current_dir().unwrap_or_default().join(out)
        });
    }
    if let Some(url) = &options.base_url {
        config.site_url = Some(url.trim_end_matches('/').to_string());
    }
    config.include_drafts = options.drafts;
    Ok(config)
}

/// Everything up to the knowledge base, shared by `build` and `entities`.
pub fn knowledge_base(
    config: Config,
    keep_going: bool,
) -> Result<(KnowledgeBase, Vec<Diagnostic>), BuildFailure> {
    let mut watch = Stopwatch::new();
    let known = knowledge_base_timed(config, keep_going, &mut watch)?;
    Ok((known.kb, known.problems))
}

/// The knowledge base, with what `serve` keeps to read an edited briefing
/// again as the build read it.
struct Known {
    kb: KnowledgeBase,
    resolver: extract::Resolver,
    running_labels: std::collections::BTreeSet<String>,
    problems: Vec<Diagnostic>,
}

fn knowledge_base_timed(
    config: Config,
    keep_going: bool,
    watch: &mut Stopwatch,
) -> Result<Known, BuildFailure> {
    let sources = ingest::ingest(&config);
    let problems = sources.problems;
    if !keep_going && problems.iter().any(Diagnostic::is_error) {
        return Err(BuildFailure::new(problems));
    }
    watch.lap("ingest");
    let documents: Vec<document::Document> = sources
        .briefings
        .par_iter()
        .map(|b| document::parse(&b.title, &b.body, config.allow_raw_html))
        .collect();
    watch.lap("parse");
    let front_matter_topics: Vec<Vec<String>> =
        sources.briefings.iter().map(|b| b.topics.clone()).collect();
    let (extraction, resolver) = extract::extract_keeping_resolver(&extract::Inputs {
        documents: &documents,
        front_matter_topics: &front_matter_topics,
        entity_notes: &sources.entity_notes,
        topic_notes: &sources.topic_notes,
        config: &config,
    });
    watch.lap("extract");
    let kb = kb::build(
        config,
        sources.briefings,
        documents,
        extraction,
        &sources.entity_notes,
    );
    watch.lap("knowledge base");
    Ok(Known {
        kb,
        resolver,
        running_labels: sources.running_labels,
        problems,
    })
}

/// A finished build, with what `serve` keeps of it to patch the next one.
pub struct Built {
    pub report: BuildReport,
    pub kb: KnowledgeBase,
    pub resolver: extract::Resolver,
    pub derived: render::Derived,
    pub tera: tera::Tera,
    /// The running labels the `.txt` briefings were read with.
    pub running_labels: std::collections::BTreeSet<String>,
}

/// Builds the site.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    build_and_keep(options, false, &mut None).map(|built| built.report)
}

/// Builds the site and keeps the knowledge base, what rendering derived and
/// what a later patch of it needs (the corpus's findings, the search index,
/// the lines of `kb.json`). The output lock is taken into `lock` (or kept,
/// when it holds the lock of the same folder) and stays held after.
pub fn build_keeping(
    options: &BuildOptions,
    lock: &mut Option<output::OutputLock>,
) -> Result<Built, BuildFailure> {
    build_and_keep(options, true, lock)
}

/// Builds the site; with `keep`, keeps what patching it later needs (a
/// one-off build frees that before rendering, for a lower peak memory). A
/// failure says whether a previous site is left in the output folder.
fn build_and_keep(
    options: &BuildOptions,
    keep: bool,
    lock: &mut Option<output::OutputLock>,
) -> Result<Built, BuildFailure> {
    let mut out = None;
    build_into(options, keep, lock, &mut out).map_err(|failure| {
        let site_kept = out.is_some_and(|out: PathBuf| out.join(output::MARKER).is_file());
        failure.ending(if site_kept {
            diagnostics::Ending::SiteKept
        } else {
            diagnostics::Ending::NoSite
        })
    })
}

/// The build itself; sets `real_out` to the folder written, once known.
fn build_into(
    options: &BuildOptions,
    keep: bool,
    lock: &mut Option<output::OutputLock>,
    real_out: &mut Option<PathBuf>,
) -> Result<Built, BuildFailure> {
    let mut watch = Stopwatch::new();
    let config = load_config(options)?;
    let out_dir = config.build_dir.clone();
    let sources = [
        config.seeds_dir.as_path(),
        &config.root.join("templates"),
        &config.root.join("static"),
    ];
    let real = output::check_output_folder(&config.root, &out_dir, &sources)?;
    *real_out = Some(real.clone());
    let holder = if keep {
        output::Holder::Serve
    } else {
        output::Holder::Build
    };
    let lock = output::OutputLock::hold(lock, &real, holder)?;
    let tera = render::templates::load(&config.root.join("templates"))?;
    let site_static = config.root.join("static");
    let Known {
        kb,
        mut resolver,
        running_labels,
        problems,
    } = knowledge_base_timed(config, options.keep_going, &mut watch)?;
    if !keep {
        resolver.forget_corpus();
    }
    let staging = output::Staging::begin(lock)?;
    let derived = render::Derived::new(&kb, keep);
    let stats = render::render(&kb, &tera, &derived, &|page| staging.write(&page))?;
    watch.lap("render and write");
    watch.record("· render", stats.render);
    watch.record("· write", stats.write);
    watch.record("· search index", stats.search_index);
    let mut pages = stats.pages;
    for file in output::static_files(&site_static)? {
        staging.write(&file)?;
        pages += 1;
    }
    let size = staging.size();
    let kept = staging.commit()?;
    watch.lap("static and swap");
    let mut problems = problems;
    problems.extend(kept);
    problems.extend(size.warning(&out_dir, &kb.config));
    let report = BuildReport {
        out_dir,
        pages,
        briefings: kb.briefings.len(),
        entities: kb.entities.len(),
        topics: kb.topics.len(),
        problems,
        size,
        timings: watch.timings,
    };
    Ok(Built {
        report,
        kb,
        resolver,
        derived,
        tera,
        running_labels,
    })
}
