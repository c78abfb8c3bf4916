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
//!
//! The values handed from stage to stage (briefings, what extraction found,
//! pages), dates, name keys and the settings each stage reads live in
//! [`model`], which every stage may import and which imports no stage.

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
use diagnostics::{BuildFailure, Diagnostic, Ending};
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

/// A line for the user, on standard output or standard error. The library
/// never prints: it says what to show, and `main.rs` and `serve` print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Out(String),
    Err(String),
}

impl BuildReport {
    /// What to show: problems (errors only when `quiet`), stage times when
    /// `verbose`, and a summary unless `quiet`.
    pub fn lines(&self, quiet: bool, verbose: bool) -> Vec<Line> {
        let mut lines: Vec<Line> = self
            .problems
            .iter()
            .filter(|problem| problem.is_error() || !quiet)
            .map(|problem| Line::Err(problem.to_string()))
            .collect();
        if verbose {
            lines.extend(timing_lines(&self.timings));
        }
        if !quiet {
            lines.extend(self.summary().into_iter().map(Line::Out));
        }
        lines
    }

    fn summary(&self) -> [String; 2] {
        let skipped = match self.problems.iter().filter(|p| p.is_error()).count() {
            0 => String::new(),
            n => format!("; skipped {n} file(s) with errors"),
        };
        [
            format!(
                "Built {} briefings, {} entities, {} topics into {} ({} files){skipped}",
                self.briefings,
                self.entities,
                self.topics,
                diagnostics::display_path(&self.out_dir),
                self.pages,
            ),
            format!(
                "Site size: {} ({} per briefing)",
                output::human_bytes(self.size.total),
                output::human_bytes(self.size.total / self.briefings.max(1) as u64)
            ),
        ]
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
    pub(crate) fn record(&mut self, part: &'static str, time: Duration) {
        self.timings.push((part, time));
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.timings.push((stage, now - self.last));
        self.last = now;
    }
}

/// Stage times, one a line, as `-v` shows them.
pub(crate) fn timing_lines(timings: &[(&'static str, Duration)]) -> Vec<Line> {
    let line = |(stage, time): &(&str, Duration)| {
        Line::Err(format!(
            "  {stage:<16} {:>8.1} ms",
            time.as_secs_f64() * 1000.0
        ))
    };
    timings.iter().map(line).collect()
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
    let sources = ingest::ingest(config.ingest_settings());
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
        settings: config.extract_settings(),
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
    let config = load_config(options).map_err(|failure| failure.ending(Ending::NoSite))?;
    build_and_keep(config, options.keep_going, false, &mut None).map(|built| built.report)
}

/// Builds the site from settings already read (`serve` reads them once per
/// rebuild) and keeps the knowledge base, what rendering derived and what a
/// later patch of it needs (the corpus's findings, the search index, the
/// lines of `kb.json`). The output lock is taken into `lock` (or kept, when
/// it holds the lock of the same folder) and stays held after.
pub fn build_keeping(
    config: Config,
    keep_going: bool,
    lock: &mut Option<output::OutputLock>,
) -> Result<Built, BuildFailure> {
    build_and_keep(config, keep_going, true, lock)
}

/// Builds the site; with `keep`, keeps what patching it later needs (a
/// one-off build frees that before rendering, for a lower peak memory). A
/// failure says whether a previous site is left in the output folder.
fn build_and_keep(
    config: Config,
    keep_going: bool,
    keep: bool,
    lock: &mut Option<output::OutputLock>,
) -> Result<Built, BuildFailure> {
    let mut out = None;
    build_into(config, keep_going, keep, lock, &mut out).map_err(|failure| {
        let site_kept = out.is_some_and(|out: PathBuf| out.join(output::MARKER).is_file());
        failure.ending(if site_kept {
            Ending::SiteKept
        } else {
            Ending::NoSite
        })
    })
}

/// The build itself; sets `real_out` to the folder written, once known.
fn build_into(
    config: Config,
    keep_going: bool,
    keep: bool,
    lock: &mut Option<output::OutputLock>,
    real_out: &mut Option<PathBuf>,
) -> Result<Built, BuildFailure> {
    let mut watch = Stopwatch::new();
    let out_dir = config.build_dir.clone();
    let real = output::check_output_folder(&config.root, &out_dir, &config.source_folders())?;
    *real_out = Some(real.clone());
    let holder = if keep {
        output::Holder::Serve
    } else {
        output::Holder::Build
    };
    let lock = output::OutputLock::hold(lock, &real, holder)?;
    let tera = render::templates::load(&config.templates_dir())?;
    let site_static = config.static_dir();
    let Known {
        kb,
        mut resolver,
        running_labels,
        mut problems,
    } = knowledge_base_timed(config, keep_going, &mut watch)?;
    if !keep {
        resolver.forget_corpus();
    }
    let (derived, written) = write_site(&kb, &tera, keep, lock, &site_static, &mut watch)?;
    problems.extend(written.problems);
    let report = BuildReport {
        out_dir,
        pages: written.pages,
        briefings: kb.briefings.len(),
        entities: kb.entities.len(),
        topics: kb.topics.len(),
        problems,
        size: written.size,
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

/// What writing a site did: the files written, their size, and what to
/// tell the user about it.
struct Written {
    pages: usize,
    size: output::SiteSize,
    problems: Vec<Diagnostic>,
}

/// Renders the site and writes it, with the static files, through a
/// staging folder swapped in whole; returns what rendering derived (kept
/// with `keep`).
fn write_site(
    kb: &KnowledgeBase,
    tera: &tera::Tera,
    keep: bool,
    lock: &output::OutputLock,
    site_static: &std::path::Path,
    watch: &mut Stopwatch,
) -> Result<(render::Derived, Written), BuildFailure> {
    render::projected::check(kb)?;
    let mut staging = output::Staging::begin(lock)?;
    staging.limit_size(kb.config.max_output_size);
    let derived = render::Derived::new(kb, keep);
    let stats = render::render(kb, tera, &derived, &|page| staging.write(&page))?;
    watch.lap("render and write");
    watch.record("· render", stats.render);
    watch.record("· write", stats.write);
    watch.record("· search index", stats.search_index);
    let mut pages = stats.pages;
    for file in output::static_files(site_static)? {
        staging.write(&file)?;
        pages += 1;
    }
    let size = staging.size();
    let mut problems = staging.commit()?;
    watch.lap("static and swap");
    problems.extend(size.warning(&kb.config.build_dir, &kb.config));
    let written = Written {
        pages,
        size,
        problems,
    };
    Ok((derived, written))
}
