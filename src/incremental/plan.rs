//! The one answer to "why did this save build in full?". [`plan`] looks at
//! what changed since the kept build, cheapest checks first, and gives
//! either [`Plan::Patch`] or [`Plan::Full`] with a [`Reason`] a user can
//! read (`serve` prints it, and with `-v` the variant's name).
//!
//! Whether an edit can be patched in is only known once it is read again
//! and checked against the corpus as the edits before it in the same save
//! left it. So `plan` patches each edit into the kept build as it accepts
//! it; when it answers `Full`, the kept build is half patched and the
//! caller must throw it away (a full build replaces it).

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::Kept;
use crate::diagnostics::display_path;
use crate::document;
use crate::extract::corpus::NameChange;
use crate::extract::Reread;
use crate::ingest;
use crate::kb::{Edited, KbChange, Patch};
use crate::model::extraction::Mention;
use crate::model::sources::Briefing;
use crate::stamps::{Changes, Stamps};

/// More changed files than this build in full.
pub const MAX_PATCHED_FILES: usize = 16;

/// What a rebuild does.
#[derive(Debug)]
pub enum Plan {
    /// The edits were patched into the kept build; render and write them.
    Patch(Applied),
    Full(Reason),
}

/// Edits patched into the kept build.
#[derive(Debug, Default)]
pub struct Applied {
    /// The edited briefings, in the order they were patched in.
    pub briefings: Vec<usize>,
    /// What each edit that changed names or topics changed in the knowledge
    /// base (edits of the text alone have none).
    pub patches: Vec<Patch>,
}

/// Why a save builds in full. Variants that name a file give its path under
/// the seeds folder (or the site folder, for files outside it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A source folder could not be read in full, or was replaced.
    SourcesUnreadable,
    /// The site is not in the output folder any more.
    SiteMissing,
    FilesAddedOrRemoved,
    /// Files were saved with the bytes they had.
    NothingChanged,
    TooManyFiles,
    /// An edited `.txt` briefing changes the running headers every `.txt`
    /// briefing is read with.
    RunningLabels,
    /// `book.toml`, a template or a static file.
    Settings(String),
    /// A curated note, or a file that is not a briefing.
    NotABriefing(String),
    Unreadable(String),
    /// A draft, or a briefing held back.
    NotPublished(String),
    /// The title, front matter or byline changed.
    Card(String),
    Names(String, NameChange),
    NewTopic(String),
    KnowledgeBase(String, KbChange),
}

impl Reason {
    /// The variant's name, as `serve -v` prints it.
    pub fn name(&self) -> &'static str {
        match self {
            Reason::SourcesUnreadable => "SourcesUnreadable",
            Reason::SiteMissing => "SiteMissing",
            Reason::FilesAddedOrRemoved => "FilesAddedOrRemoved",
            Reason::NothingChanged => "NothingChanged",
            Reason::TooManyFiles => "TooManyFiles",
            Reason::RunningLabels => "RunningLabels",
            Reason::Settings(_) => "Settings",
            Reason::NotABriefing(_) => "NotABriefing",
            Reason::Unreadable(_) => "Unreadable",
            Reason::NotPublished(_) => "NotPublished",
            Reason::Card(_) => "Card",
            Reason::Names(..) => "Names",
            Reason::NewTopic(_) => "NewTopic",
            Reason::KnowledgeBase(..) => "KnowledgeBase",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::SourcesUnreadable => {
                f.write_str("a source folder changed or could not be read")
            }
            Reason::SiteMissing => f.write_str("the site folder changed"),
            Reason::FilesAddedOrRemoved => f.write_str("files were added or removed"),
            Reason::NothingChanged => f.write_str("no change was found to patch"),
            Reason::TooManyFiles => write!(f, "more than {MAX_PATCHED_FILES} files changed"),
            Reason::RunningLabels => {
                f.write_str("the running headers of the .txt briefings changed")
            }
            Reason::Settings(file) => write!(f, "{file} is a setting, template or static file"),
            Reason::NotABriefing(file) => write!(f, "{file} is not a briefing"),
            Reason::Unreadable(file) => write!(f, "{file} could not be read again"),
            Reason::NotPublished(file) => write!(f, "{file} is not a published briefing"),
            Reason::Card(file) => write!(f, "{file} changed its title, front matter or byline"),
            Reason::Names(file, change) => write!(f, "{file} {change}"),
            Reason::NewTopic(file) => write!(f, "{file} starts a topic no briefing had"),
            Reason::KnowledgeBase(file, change) => write!(f, "{file} {change}"),
        }
    }
}

/// Decides how to rebuild after `changes` (between the kept build's
/// sources and `snapshot`, the sources now), patching `kept` as it goes.
pub(crate) fn plan(changes: &Changes, snapshot: &Stamps, kept: &mut Kept) -> Plan {
    let site = kept.built.report.out_dir.join("index.html");
    if let Some(reason) = refusal(changes, site.is_file()) {
        return Plan::Full(reason);
    }
    let Some(labels) = running_labels(kept, snapshot, &changes.modified) else {
        return Plan::Full(Reason::RunningLabels);
    };
    let mut applied = Applied::default();
    for path in &changes.modified {
        match patch_in(kept, path, &labels) {
            Ok((index, patch)) => {
                applied.briefings.push(index);
                applied.patches.extend(patch);
            }
            Err(reason) => return Plan::Full(reason),
        }
    }
    Plan::Patch(applied)
}

/// Why these changes cannot be patched in whatever the files say, if so.
fn refusal(changes: &Changes, site_exists: bool) -> Option<Reason> {
    if changes.unknown {
        Some(Reason::SourcesUnreadable)
    } else if !site_exists {
        Some(Reason::SiteMissing)
    } else if !changes.added.is_empty() || !changes.removed.is_empty() {
        Some(Reason::FilesAddedOrRemoved)
    } else if changes.modified.is_empty() {
        Some(Reason::NothingChanged)
    } else if changes.modified.len() > MAX_PATCHED_FILES {
        Some(Reason::TooManyFiles)
    } else {
        None
    }
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
    let now = ingest::running_labels_of(
        config.ingest_settings(),
        stamps.paths().filter(|p| p.starts_with(seeds)),
    );
    (now == *labels).then_some(now)
}

fn is_plain_text(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Reads the briefing at `path` again, checks it and patches it into
/// `kept`: its index, and what the patch changed unless only its text did.
fn patch_in(
    kept: &mut Kept,
    path: &Path,
    labels: &BTreeSet<String>,
) -> Result<(usize, Option<Patch>), Reason> {
    let (index, edited, reread) = read_edit(kept, path, labels)?;
    let name = shown(kept, path);
    let Kept { built, tallies, .. } = kept;
    let kb = &mut built.kb;
    let patch = if reread.same_names && edited.topics == kb.briefings[index].topics {
        kb.replace_text(index, edited.briefing, edited.doc, edited.mentions);
        None
    } else {
        if let Some(change) = kb.patch_refusal(tallies, index, &edited) {
            return Err(Reason::KnowledgeBase(name, change));
        }
        let rank = &built.derived.rank;
        Some(kb.patch_mentions(tallies, rank, index, edited))
    };
    kept.built.resolver.accept(index, reread);
    Ok((index, patch))
}

/// `path` as reasons name it: under the seeds folder, or the site's root.
fn shown(kept: &Kept, path: &Path) -> String {
    let config = &kept.built.kb.config;
    let base = [&config.seeds_dir, &config.root]
        .into_iter()
        .find(|base| path.starts_with(base));
    display_path(base.map_or(path, |base| path.strip_prefix(base).unwrap_or(path)))
}

/// Reads `path` again: its index, the edit, and how extraction read it, if
/// it is a published briefing whose card stayed as it was, whose names the
/// corpus decides as before and whose topics all have pages.
fn read_edit(
    kept: &mut Kept,
    path: &Path,
    labels: &BTreeSet<String>,
) -> Result<(usize, Edited, Reread), Reason> {
    let name = shown(kept, path);
    let kb = &kept.built.kb;
    let seeds = &kb.config.seeds_dir;
    if !path.starts_with(seeds) {
        return Err(Reason::Settings(name));
    }
    if !ingest::walk::is_briefing(seeds, path) {
        return Err(Reason::NotABriefing(name));
    }
    let mut briefing = ingest::reread_briefing(kb.config.ingest_settings(), path, labels)
        .map_err(|_| Reason::Unreadable(name.clone()))?;
    let index = kb
        .briefings
        .iter()
        .position(|e| e.briefing.source == briefing.source)
        .ok_or_else(|| Reason::NotPublished(name.clone()))?;
    let entry = &kb.briefings[index];
    if !same_card(&briefing, &entry.briefing) {
        return Err(Reason::Card(name));
    }
    // With the same title and asked-for slug, and no file added or removed,
    // the slug settles as before (a `-2` from a clash included).
    briefing.slug = entry.briefing.slug.clone();
    let doc = document::parse(&briefing.title, &briefing.body, kb.config.allow_raw_html);
    let reread = kept
        .built
        .resolver
        .reread(index, &entry.doc, &doc, &briefing.topics)
        .map_err(|change| Reason::Names(name.clone(), change))?;
    let topics = topic_numbers(kept, &reread).ok_or(Reason::NewTopic(name))?;
    let mentions = knowledge_base_mentions(kept, &reread);
    let edited = Edited {
        briefing,
        doc,
        mentions,
        topics,
    };
    Ok((index, edited, reread))
}

/// Whether an edit left what lists and cards show of a briefing as it was.
fn same_card(new: &Briefing, old: &Briefing) -> bool {
    new.slug_asked == old.slug_asked
        && new.title == old.title
        && new.date == old.date
        && new.authors == old.authors
        && new.series == old.series
        && new.topics == old.topics
        && new.summary == old.summary
        && new.draft == old.draft
        && new.sample == old.sample
}

/// The knowledge base's numbers of the topics of an edit (sorted); `None`
/// when one has no page yet (topics are patched only where they have one).
fn topic_numbers(kept: &Kept, reread: &Reread) -> Option<Vec<usize>> {
    let topics = &kept.built.kb.topics;
    let mut numbers = reread
        .topic_slugs
        .iter()
        .map(|slug| topics.iter().position(|t| t.slug.as_str() == slug))
        .collect::<Option<Vec<usize>>>()?;
    numbers.sort_unstable();
    Some(numbers)
}

/// The edit's mentions with the knowledge base's entity numbers (extraction
/// numbers entities its own way).
fn knowledge_base_mentions(kept: &Kept, reread: &Reread) -> Vec<Mention> {
    let ids = &kept.built.kb.extracted_ids;
    reread
        .mentions
        .iter()
        .map(|m| Mention {
            entity: ids[m.entity as usize] as u32,
            ..*m
        })
        .collect()
}

#[cfg(test)]
mod tests;
