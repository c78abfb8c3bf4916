//! Rebuilds for `serve`: the first build is full and what it worked out is
//! kept. After a save, [`plan`] decides whether the edits can be patched
//! into the kept build (and says why not); a patch renders only the pages
//! that depend on what changed ([`invalidate`]) and writes them through
//! `output` like a build: staged, then swapped in whole. Either way the
//! site ends byte-identical to a fresh full build. Nothing here prints:
//! [`Rebuild::lines`] says what to show.

mod invalidate;
mod plan;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diagnostics::{BuildFailure, Diagnostic, Ending};
use crate::kb::Tallies;
use crate::model::page::Page;
use crate::output::{OutputLock, Staging};
use crate::render;
use crate::stamps::Stamps;
use crate::{BuildOptions, BuildReport, Built, Line, Stopwatch};
pub use plan::{Applied, Plan, Reason, MAX_PATCHED_FILES};

/// Builds a site again and again, as its sources change.
pub struct Session {
    options: BuildOptions,
    kept: Option<Kept>,
    /// The output folder's lock, held from the first build on, so no other
    /// build writes between this session's builds and patches.
    lock: Option<OutputLock>,
}

/// The last good build, and the sources it was built from.
pub(crate) struct Kept {
    built: Built,
    stamps: Stamps,
    /// Counts a patch of which entities a briefing mentions adjusts.
    tallies: Tallies,
}

/// What a rebuild did.
#[derive(Debug)]
pub enum Rebuild {
    /// A full build, with why an earlier build could not be patched.
    Full(BuildReport, Option<Reason>),
    Patched(Patched),
}

/// A rebuild that patched edited briefings in.
#[derive(Debug)]
pub struct Patched {
    pub out_dir: PathBuf,
    /// The edited briefings' paths under the seeds folder.
    pub briefings: Vec<String>,
    pub rendered: usize,
    pub written: usize,
    /// Entities whose mention count or list the edits changed.
    pub recounted: usize,
    pub elapsed: Duration,
    /// Time per stage of the patch, as `-v` prints them.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Rebuild {
    pub fn out_dir(&self) -> &Path {
        match self {
            Rebuild::Full(report, _) => &report.out_dir,
            Rebuild::Patched(patched) => &patched.out_dir,
        }
    }

    /// What to show of the rebuild, as `build` shows its report: with
    /// `verbose`, stage times and the name of the reason for a full build.
    pub fn lines(&self, quiet: bool, verbose: bool) -> Vec<Line> {
        match self {
            Rebuild::Full(report, reason) => {
                let mut lines = Vec::new();
                if let Some(reason) = reason.as_ref().filter(|_| !quiet) {
                    lines.push(Line::Out(match verbose {
                        true => format!("Built in full: {reason} [{}].", reason.name()),
                        false => format!("Built in full: {reason}."),
                    }));
                }
                lines.extend(report.lines(quiet, verbose));
                lines
            }
            Rebuild::Patched(p) if !quiet => {
                let mut lines = Vec::new();
                if verbose {
                    lines.extend(crate::timing_lines(&p.timings));
                }
                lines.push(Line::Out(p.summary()));
                lines
            }
            Rebuild::Patched(_) => Vec::new(),
        }
    }
}

impl Patched {
    fn summary(&self) -> String {
        format!(
            "Updated {} in {:.0} ms: {} page(s) rendered, {} written{}.",
            self.briefings.join(", "),
            self.elapsed.as_secs_f64() * 1000.0,
            self.rendered,
            self.written,
            match self.recounted {
                0 => String::new(),
                n => format!(", {n} entit{} recounted", if n == 1 { "y" } else { "ies" }),
            }
        )
    }
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            kept: None,
            lock: None,
        }
    }

    /// Builds the site: patches the last build when only briefing texts
    /// changed, builds in full otherwise. After a failure the next build is
    /// full.
    pub fn build(&mut self) -> Result<Rebuild, BuildFailure> {
        self.build_with(crate::load_config(&self.options))
    }

    /// [`Session::build`] with the settings already read, or why they could
    /// not be: `serve` reads them once per rebuild, for its watcher too.
    pub fn build_with(
        &mut self,
        config: Result<Config, BuildFailure>,
    ) -> Result<Rebuild, BuildFailure> {
        let started = Instant::now();
        let mut watch = Stopwatch::new();
        let stamps = snapshot(config.as_ref().ok());
        watch.lap("snapshot");
        let mut reason = None;
        if let (Some(kept), Some(lock)) = (&mut self.kept, &self.lock) {
            let changes = kept.stamps.changes(&stamps);
            match plan::plan(&changes, &stamps, kept) {
                Plan::Patch(applied) => {
                    watch.lap("read and patch");
                    let mut patched = match write_patch(kept, lock, &applied, &mut watch) {
                        Ok(patched) => patched,
                        Err(problem) => {
                            self.kept = None;
                            return Err(BuildFailure::from(problem));
                        }
                    };
                    kept.stamps = stamps;
                    patched.elapsed = started.elapsed();
                    patched.timings = watch.timings;
                    return Ok(Rebuild::Patched(patched));
                }
                Plan::Full(why) => reason = Some(why),
            }
        }
        self.kept = None;
        let config = config.map_err(|failure| failure.ending(Ending::NoSite))?;
        let built = crate::build_keeping(config, self.options.keep_going, &mut self.lock)?;
        let report = built.report.clone();
        let tallies = Tallies::new(&built.kb);
        self.kept = Some(Kept {
            built,
            stamps,
            tallies,
        });
        Ok(Rebuild::Full(report, reason))
    }
}

/// Every source a build with `config` reads, taken before it reads them,
/// so an edit made during a build is seen by the next. Without settings
/// (the build reports why), nothing to compare.
fn snapshot(config: Option<&Config>) -> Stamps {
    let Some(config) = config else {
        return Stamps::default();
    };
    let folders = config.source_folders();
    let folders = folders.each_ref().map(PathBuf::as_path);
    Stamps::take(&folders, &[&config.file()])
}

/// Renders what the applied edits reach and writes it as a build writes a
/// site: staged, then swapped in whole. Says what it did.
fn write_patch(
    kept: &mut Kept,
    lock: &OutputLock,
    applied: &Applied,
    watch: &mut Stopwatch,
) -> Result<Patched, Diagnostic> {
    let (pages, gone) = render_patch(&mut kept.built, applied)?;
    watch.lap("render");
    let (written, waited) = write_pages(lock, &pages, &gone)?;
    watch.lap("write");
    watch.record("· waited for spare", waited);
    let kb = &kept.built.kb;
    Ok(Patched {
        out_dir: kept.built.report.out_dir.clone(),
        briefings: applied
            .briefings
            .iter()
            .map(|&i| kb.briefings[i].briefing.source.clone())
            .collect(),
        rendered: pages.len(),
        written,
        recounted: applied.patches.iter().map(|p| p.recounted.len()).sum(),
        elapsed: Duration::ZERO,
        timings: Vec::new(),
    })
}

/// The pages the applied edits reach, rendered (each path once), and the
/// list pages they leave out.
fn render_patch(
    built: &mut Built,
    applied: &Applied,
) -> Result<(Vec<Page>, Vec<String>), Diagnostic> {
    let Built {
        kb, tera, derived, ..
    } = built;
    let edited = &applied.briefings;
    let mut pages = if applied.patches.is_empty() {
        let mut jobs = BTreeSet::new();
        let mut cards = Vec::new();
        for &b in edited {
            jobs.extend(invalidate::text_jobs(kb, b));
            cards.extend(derived.previews.update_briefing(b, &kb.briefings[b]));
        }
        let mut pages = render::render_jobs(kb, tera, derived, jobs)?;
        pages.extend(cards);
        pages
    } else {
        let reached = invalidate::after_patch(kb, &derived.rank, edited, &applied.patches);
        // Search shards, kb.json and preview cards (the briefings' own too).
        let site_data =
            render::refresh_site_data(kb, derived, &reached.entities, edited, &reached.topics)?;
        let mut pages = render::render_jobs(kb, tera, derived, reached.jobs)?;
        pages.extend(site_data);
        pages
    };
    // A file rendered twice (a preview shard two edits share) is written
    // once, in its final state.
    let mut seen = BTreeSet::new();
    pages.reverse();
    pages.retain(|page| seen.insert(page.path.clone()));
    pages.reverse();
    Ok((pages, invalidate::pages_gone(kb, &applied.patches)))
}

/// Writes a patch as a build writes a site: a staging folder holding the
/// live site's files, with `pages` written and `gone` left out, swapped in
/// whole. Returns how many pages had new bytes, and how long it waited for
/// the staging folder linked in the background.
fn write_pages(
    lock: &OutputLock,
    pages: &[Page],
    gone: &[String],
) -> Result<(usize, Duration), Diagnostic> {
    let replaced: BTreeSet<String> = pages
        .iter()
        .map(|p| p.path.clone())
        .chain(gone.iter().cloned())
        .collect();
    let staging = Staging::begin_patch(lock, &replaced)?;
    for page in pages {
        staging.write(page)?;
    }
    let written = (staging.written(), staging.waited());
    staging.commit()?;
    Ok(written)
}
