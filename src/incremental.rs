//! Rebuilds for `serve`: the first build is full and its knowledge base is
//! kept. When later only the text of some briefings changed, and the
//! edit leaves their metadata, entities and topics as they were, the edit is
//! patched into the kept knowledge base and only the pages that show that
//! text are rendered and written again. Any other change builds in full.
//! Either way the site ends byte-identical to a fresh full build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::{display_path, BuildFailure, Diagnostic};
use crate::document;
use crate::extract::{Mention, Reread};
use crate::ingest;
use crate::kb::{Edited, KnowledgeBase, Patch, Tallies};
use crate::output::{OutputLock, Staging};
use crate::paths;
use crate::render::{self, Page};
use crate::stamps::{Changes, Stamps};
use crate::{BuildOptions, BuildReport, Built, Stopwatch};

/// More changed files than this build in full.
const MAX_PATCHED_FILES: usize = 16;

/// Builds a site again and again, as its sources change.
pub struct Session {
    options: BuildOptions,
    kept: Option<Kept>,
    /// The output folder's lock, held from the first build on, so no other
    /// build writes between this session's builds and patches.
    lock: Option<OutputLock>,
}

/// The last good build, and the sources it was built from.
struct Kept {
    built: Built,
    stamps: Stamps,
    /// Counts a patch of which entities a briefing mentions adjusts.
    tallies: Tallies,
}

/// What a rebuild did.
#[derive(Debug)]
pub enum Rebuild {
    /// A full build, with why an earlier build could not be patched.
    Full(BuildReport, Option<String>),
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

    /// Prints what the rebuild did, as `build` prints its report.
    pub fn print(&self, quiet: bool, verbose: bool) {
        match self {
            Rebuild::Full(report, reason) => {
                if let Some(reason) = reason.as_ref().filter(|_| !quiet) {
                    println!("Built in full: {reason}.");
                }
                report.print(quiet, verbose)
            }
            Rebuild::Patched(p) if !quiet => {
                if verbose {
                    crate::print_timings(&p.timings);
                }
                println!(
                    "Updated {} in {:.0} ms: {} page(s) rendered, {} written{}.",
                    p.briefings.join(", "),
                    p.elapsed.as_secs_f64() * 1000.0,
                    p.rendered,
                    p.written,
                    match p.recounted {
                        0 => String::new(),
                        n => format!(", {n} entit{} recounted", if n == 1 { "y" } else { "ies" }),
                    }
                )
            }
            Rebuild::Patched(_) => {}
        }
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
        let started = Instant::now();
        let mut watch = Stopwatch::new();
        let stamps = self.snapshot();
        watch.lap("snapshot");
        let mut reason = None;
        if let (Some(kept), Some(lock)) = (&mut self.kept, &self.lock) {
            match patch(kept, lock, &stamps, &mut watch) {
                Ok(Ok(mut patched)) => {
                    kept.stamps = stamps;
                    patched.elapsed = started.elapsed();
                    patched.timings = watch.timings;
                    return Ok(Rebuild::Patched(patched));
                }
                Ok(Err(why)) => reason = Some(why),
                Err(problem) => {
                    self.kept = None;
                    return Err(BuildFailure::from(problem));
                }
            }
        }
        self.kept = None;
        let built = crate::build_keeping(&self.options, &mut self.lock)?;
        let report = built.report.clone();
        let tallies = Tallies::new(&built.kb);
        self.kept = Some(Kept {
            built,
            stamps,
            tallies,
        });
        Ok(Rebuild::Full(report, reason))
    }

    /// Every source a build reads, taken before it reads them, so an edit
    /// made during a build is seen by the next.
    fn snapshot(&self) -> Stamps {
        match crate::load_config(&self.options) {
            Ok(config) => {
                let templates = config.root.join("templates");
                let statics = config.root.join("static");
                let book = config.root.join("book.toml");
                Stamps::take(&[&config.seeds_dir, &templates, &statics], &[&book])
            }
            // The build reports the problem; nothing to compare.
            Err(_) => Stamps::default(),
        }
    }
}

/// One edited briefing, read again and checked.
struct Edit {
    index: usize,
    edited: Edited,
    reread: Reread,
}

/// Patches `kept` when every change is an edit of a published briefing that
/// leaves its card and every corpus decision as they were, and says what it
/// did; otherwise gives why the site must build in full (what was patched
/// is then thrown away).
fn patch(
    kept: &mut Kept,
    lock: &OutputLock,
    stamps: &Stamps,
    watch: &mut Stopwatch,
) -> Result<Result<Patched, String>, Diagnostic> {
    let changes = kept.stamps.changes(stamps);
    if let Some(why) = refusal(kept, &changes) {
        return Ok(Err(why));
    }
    let Some(labels) = running_labels(kept, stamps, &changes.modified) else {
        return Ok(Err(
            "the running headers of the .txt briefings changed".into()
        ));
    };
    let mut edited = Vec::new();
    let mut patches = Vec::new();
    for path in &changes.modified {
        let seeds = &kept.built.kb.config.seeds_dir;
        let name = display_path(path.strip_prefix(seeds).unwrap_or(path));
        match patch_in(kept, path, &labels) {
            Ok((index, patched)) => {
                edited.push(index);
                patches.extend(patched);
            }
            Err(why) => return Ok(Err(format!("{name} {why}"))),
        }
    }
    watch.lap("read and patch");
    let Built {
        kb,
        tera,
        derived,
        report,
        ..
    } = &mut kept.built;
    let pages = if patches.is_empty() {
        let mut pages = Vec::new();
        for &index in &edited {
            pages.extend(render::pages_showing_text(kb, tera, derived, index)?);
        }
        pages
    } else {
        render::pages_after_patch(kb, tera, derived, &edited, &patches)?
    };
    watch.lap("render");
    let out_dir = &report.out_dir;
    let written = write_patch(lock, &pages, &pages_gone(kb, &patches))?;
    watch.lap("write");
    Ok(Ok(Patched {
        out_dir: out_dir.clone(),
        briefings: edited
            .iter()
            .map(|&i| kb.briefings[i].briefing.source.clone())
            .collect(),
        rendered: pages.len(),
        written,
        recounted: patches.iter().map(|p| p.recounted.len()).sum(),
        elapsed: Duration::ZERO,
        timings: Vec::new(),
    }))
}

/// Why these changes cannot be patched in, if they cannot whatever the
/// files say.
fn refusal(kept: &Kept, changes: &Changes) -> Option<String> {
    let why = if changes.unknown || !kept.built.report.out_dir.join("index.html").is_file() {
        "the site folder or a source folder changed"
    } else if !changes.added.is_empty() || !changes.removed.is_empty() {
        "files were added or removed"
    } else if changes.modified.is_empty() {
        "no change was found to patch"
    } else if changes.modified.len() > MAX_PATCHED_FILES {
        return Some(format!("more than {MAX_PATCHED_FILES} files changed"));
    } else {
        return None;
    };
    Some(why.to_string())
}

/// Reads the briefing at `path` again and patches it into `kept`: its
/// index, and what the patch changed unless only its text did.
fn patch_in(
    kept: &mut Kept,
    path: &Path,
    labels: &BTreeSet<String>,
) -> Result<(usize, Option<Patch>), String> {
    let Edit {
        index,
        edited,
        reread,
    } = read_edit(&mut kept.built, path, labels)?;
    let Built {
        kb,
        resolver,
        derived,
        ..
    } = &mut kept.built;
    let patched = if reread.same_names && edited.topics == kb.briefings[index].topics {
        kb.replace_text(index, edited.briefing, edited.doc, edited.mentions);
        None
    } else {
        let rank = &derived.rank;
        let patched = kb.patch_mentions(&mut kept.tallies, rank, index, edited)?;
        Some(patched)
    };
    resolver.accept(index, reread);
    Ok((index, patched))
}

/// The list pages of entities and topics that now have fewer.
fn pages_gone(kb: &KnowledgeBase, patches: &[Patch]) -> Vec<String> {
    let pages = |items: usize| render::page_count(items, kb.config.page_size);
    let mut gone = Vec::new();
    for patch in patches {
        let entities = patch.recounted.iter().map(|&(e, before)| {
            let entity = &kb.entities[e];
            (
                paths::entity_page(&entity.slug),
                entity.briefings.len(),
                before,
            )
        });
        let topics = patch.topic_lists.iter().map(|&(t, before)| {
            let topic = &kb.topics[t];
            (
                paths::topic_page(&topic.slug),
                topic.briefings.len(),
                before,
            )
        });
        for (first, now, before) in entities.chain(topics) {
            gone.extend((pages(now) + 1..=pages(before)).map(|n| paths::paginated(&first, n)));
        }
    }
    gone
}

/// Writes a patch as a build writes a site: the live site, linked file by
/// file into a staging folder, with `pages` written and `gone` left out,
/// swapped in whole. Returns how many pages had new bytes.
fn write_patch(lock: &OutputLock, pages: &[Page], gone: &[String]) -> Result<usize, Diagnostic> {
    let replaced: BTreeSet<String> = pages
        .iter()
        .map(|p| p.path.clone())
        .chain(gone.iter().cloned())
        .collect();
    let staging = Staging::begin_patch(lock, &replaced)?;
    for page in pages {
        staging.write(page)?;
    }
    let written = staging.written();
    staging.commit()?;
    Ok(written)
}

/// The running labels to read `.txt` briefings with: the last build's, when
/// the edited `.txt` files leave them as they were (`None` when they do not,
/// as every `.txt` briefing would then read differently).
fn running_labels(kept: &Kept, stamps: &Stamps, modified: &[PathBuf]) -> Option<BTreeSet<String>> {
    let labels = &kept.built.running_labels;
    if !modified.iter().any(|p| is_plain_text(p)) {
        return Some(labels.clone());
    }
    let config = &kept.built.kb.config;
    let seeds = &config.seeds_dir;
    let now = ingest::running_labels_of(config, stamps.paths().filter(|p| p.starts_with(seeds)));
    (now == *labels).then_some(now)
}

fn is_plain_text(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Reads `path` again; an [`Edit`] if it is a published briefing whose title,
/// slug, date, authors, series, topics and summary stayed as they were, and
/// whose names extraction reads under the same corpus decisions and with the
/// same topics.
fn read_edit(built: &mut Built, path: &Path, labels: &BTreeSet<String>) -> Result<Edit, String> {
    let Built { kb, resolver, .. } = built;
    let seeds = &kb.config.seeds_dir;
    if !path.starts_with(seeds) || !ingest::is_briefing(seeds, path) {
        return Err("is not a briefing".into());
    }
    let unread = || "could not be read again".to_string();
    let mut briefing = ingest::reread_briefing(&kb.config, path, labels).map_err(|_| unread())?;
    let index = kb
        .briefings
        .iter()
        .position(|e| e.briefing.source == briefing.source)
        .ok_or("is not a published briefing")?;
    let entry = &kb.briefings[index];
    let old = &entry.briefing;
    // With the same title and asked-for slug, and no file added or removed,
    // the slug settles as before (a `-2` from a clash included).
    let same_card = briefing.slug_asked == old.slug_asked
        && briefing.title == old.title
        && briefing.date == old.date
        && briefing.authors == old.authors
        && briefing.series == old.series
        && briefing.topics == old.topics
        && briefing.summary == old.summary
        && briefing.draft == old.draft
        && briefing.sample == old.sample;
    if !same_card {
        return Err("changed its title, front matter or byline".into());
    }
    briefing.slug = old.slug.clone();
    let doc = document::parse(&briefing.title, &briefing.body, kb.config.allow_raw_html);
    let reread = resolver
        .reread(index, &entry.doc, &doc, &briefing.topics)
        .ok_or("changes what the corpus makes of a name (an entity would appear, go, or change name, type, role or merges)")?;
    // Topics are patched only where they have pages already.
    let mut topics = reread
        .topic_slugs
        .iter()
        .map(|slug| kb.topics.iter().position(|t| t.slug.as_str() == slug))
        .collect::<Option<Vec<usize>>>()
        .ok_or("starts a topic no briefing had")?;
    topics.sort_unstable();
    // Extraction numbers entities its own way.
    let mentions = reread
        .mentions
        .iter()
        .map(|m| Mention {
            entity: kb.extracted_ids[m.entity as usize] as u32,
            ..*m
        })
        .collect();
    Ok(Edit {
        index,
        edited: Edited {
            briefing,
            doc,
            mentions,
            topics,
        },
        reread,
    })
}
