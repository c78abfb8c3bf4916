//! Rendering: the knowledge base becomes a list of pages (path and bytes),
//! each from its own template and typed context. Nothing here touches the
//! file system; pages are rendered in parallel.

pub mod body;
mod briefing;
pub mod communities;
pub mod feeds;
pub mod fragments;
pub mod graph;
pub mod highlight;
mod indexes;
pub mod knowledge;
pub mod labels;
mod originals;
pub mod pagination;
pub mod previews;
pub mod projected;
pub mod search;
pub mod templates;
/// Authors named where a briefing is listed (lists, feeds). A briefing's own
/// page names them all; a list names the first ones, so a briefing with
/// 20,000 authors does not repeat 20,000 names on each of their pages.
pub const BYLINE_AUTHORS: usize = 10;

/// The authors a list shows for a briefing: all of them, or the first
/// [`BYLINE_AUTHORS`] and "and N more".
pub fn byline(authors: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    let mut shown: Vec<std::borrow::Cow<str>> = authors
        .iter()
        .take(BYLINE_AUTHORS)
        .map(|a| std::borrow::Cow::Borrowed(a.as_str()))
        .collect();
    if authors.len() > BYLINE_AUTHORS {
        shown.push(format!("and {} more", authors.len() - BYLINE_AUTHORS).into());
    }
    shown
}

#[cfg(test)]
mod testing;
pub mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::model::page::Page;
use crate::model::EntityKind;
use crate::paths::{self, path_to_root};
use pagination::job_groups;
use views::*;

/// The entity index's data for its find, sort and filters (see
/// `static/index.js`).
pub const ENTITY_INDEX_DATA: &str = "entities/all.js";
/// Every author of an author index in pages, for its find and sort.
pub const AUTHOR_INDEX_DATA: &str = "authors/all.js";

/// What rendering did, with the time spent per part summed over threads
/// (pages render and are written in parallel, so parts overlap in wall time).
#[derive(Debug, Default)]
pub struct RenderStats {
    pub pages: usize,
    pub render: Duration,
    pub write: Duration,
    pub search_index: Duration,
}

/// Renders every page of the site, handing each to `sink` as soon as it is
/// ready (pages are written while others render, and never all held in
/// memory).
pub fn render(
    kb: &KnowledgeBase,
    tera: &tera::Tera,
    derived: &Derived,
    sink: &(dyn Fn(Page) -> Result<(), Diagnostic> + Sync),
) -> Result<RenderStats, Diagnostic> {
    let renderer = Renderer::new(kb, tera, derived);
    let (render_time, write_time) = (ThreadTime::default(), ThreadTime::default());
    let timed_sink = |page: Page| write_time.time(|| sink(page));
    // The search index, kb.json and the preview shards are built on the
    // side while the pages render, and kept for `refresh_site_data`.
    let (counts, (side_pages, search_index)) = rayon::join(
        || {
            renderer
                .jobs()
                .into_par_iter()
                .map(|job| {
                    let pages = render_time.time(|| renderer.run(job))?;
                    let count = pages.len();
                    pages.into_iter().try_for_each(timed_sink)?;
                    Ok(count)
                })
                .collect::<Result<Vec<usize>, Diagnostic>>()
        },
        || {
            let start = Instant::now();
            let search = search::SearchIndex::new(kb);
            let search_pages = search.pages();
            let search_time = start.elapsed();
            if derived.keep {
                *lock(&derived.search) = Some(search);
            }
            let side = render_time.time(|| side_files(kb, &renderer, derived));
            let side = side.map(|mut pages| {
                pages.extend(search_pages);
                pages
            });
            (side, search_time)
        },
    );
    let extra = side_pages?;
    let pages = counts?.iter().sum::<usize>() + extra.len();
    extra.into_par_iter().try_for_each(timed_sink)?;
    Ok(RenderStats {
        pages,
        render: render_time.total(),
        write: write_time.total(),
        search_index,
    })
}

/// The files made beside the pages: kb.json (kept in `derived`), the
/// preview shards and the files that need no template.
fn side_files(
    kb: &KnowledgeBase,
    renderer: &Renderer,
    derived: &Derived,
) -> Result<Vec<Page>, Diagnostic> {
    let mut pages = Vec::new();
    let kb_json = if derived.keep {
        let kb_json = feeds::KbJson::new(kb)?;
        let page = kb_json.page();
        *lock(&derived.kb_json) = Some(kb_json);
        page
    } else {
        feeds::KbJson::page_once(kb)?
    };
    pages.extend(feeds::published_kb_json(kb_json, kb.config.kb_json)?);
    pages.extend(renderer.data_files()?);
    pages.extend(derived.previews.shard_pages());
    Ok(pages)
}

/// Site-wide files to write again after the kb changed for these entities,
/// briefings and topics: search shards, kb.json, preview shards.
///
/// The change may alter counts, which briefings mention which entities and
/// how often, and which topics briefings have; it keeps every name, alias,
/// slug, title, date and the set of briefings, entities and topics (a change
/// of those builds in full). Pass every entity, briefing and topic whose
/// record changed. Give `derived` as the last full render left it.
pub fn refresh_site_data(
    kb: &KnowledgeBase,
    derived: &mut Derived,
    entities: &[usize],
    briefings: &[usize],
    topics: &[usize],
) -> Result<Vec<Page>, Diagnostic> {
    let not_rendered = || Diagnostic::error(None, "internal error: the site was not rendered");
    let search = derived
        .search
        .get_mut()
        .unwrap_or_else(PoisonError::into_inner);
    let mut pages = search
        .as_mut()
        .ok_or_else(not_rendered)?
        .update(kb, entities, briefings, topics);
    let kb_json = derived
        .kb_json
        .get_mut()
        .unwrap_or_else(PoisonError::into_inner);
    let kb_json = kb_json.as_mut().ok_or_else(not_rendered)?;
    let kb_json = kb_json.update(kb, entities, briefings, topics)?;
    pages.extend(feeds::published_kb_json(kb_json, kb.config.kb_json)?);
    pages.extend(refresh_cards(
        kb,
        &mut derived.previews,
        entities,
        briefings,
    ));
    Ok(pages)
}

/// The preview shards holding changed cards of these entities and briefings,
/// each once.
fn refresh_cards(
    kb: &KnowledgeBase,
    previews: &mut previews::Previews,
    entities: &[usize],
    briefings: &[usize],
) -> Vec<Page> {
    let mut cards: Vec<Page> = briefings
        .iter()
        .filter_map(|&b| previews.update_briefing(b, &kb.briefings[b]))
        .collect();
    let entity_cards = previews.update_entities(kb, entities);
    // A shard written for both is in its final state in the later list.
    cards.retain(|page| entity_cards.iter().all(|p| p.path != page.path));
    cards.extend(entity_cards);
    cards
}

/// The value behind `mutex`, even if a thread panicked holding it (what is
/// kept there is only ever replaced whole).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Renders the pages of `jobs`, in job order: what a `serve` patch must
/// render again (`incremental::invalidate` says which).
pub(crate) fn render_jobs(
    kb: &KnowledgeBase,
    tera: &tera::Tera,
    derived: &Derived,
    jobs: BTreeSet<Job>,
) -> Result<Vec<Page>, Diagnostic> {
    Renderer::new(kb, tera, derived).run_all(jobs)
}

/// Time spent in one kind of work, summed over the threads doing it.
#[derive(Default)]
struct ThreadTime(AtomicU64);

impl ThreadTime {
    fn time<T>(&self, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = work();
        let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        result
    }

    fn total(&self) -> Duration {
        Duration::from_nanos(self.0.load(Ordering::Relaxed))
    }
}

/// Where a page of an index is: its path, the way back to the root, and its
/// number of how many.
struct IndexPage {
    path: String,
    root: String,
    number: usize,
    total: usize,
}

/// A unit of rendering work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Job {
    Home,
    BriefingIndex,
    Briefing(usize),
    /// The copy of a briefing's original document.
    Original(usize),
    EntityIndex,
    /// An entity's pages from `PAGES_PER_JOB × n` on (its feed with n = 0).
    Entity(usize, usize),
    /// An entity's pages from the first given (counting from 0), as many
    /// as the second says.
    EntityPages(usize, usize, usize),
    /// An entity's Atom feed.
    EntityFeed(usize),
    TopicIndex,
    /// A topic's pages from `PAGES_PER_JOB × n` on (its feed with n = 0).
    Topic(usize, usize),
    /// A topic's first page alone.
    TopicFirst(usize),
    AuthorIndex,
    Graph,
    NotFound,
    Feed,
}

/// What pages need from the whole knowledge base, worked out once before
/// any page renders (and kept by `serve` between rebuilds).
pub struct Derived {
    /// Name keys of entities, aliases and topics → page path, for placeholders.
    placeholder_targets: BTreeMap<String, String>,
    pub previews: previews::Previews,
    /// Each briefing's position in newest-first order.
    pub rank: Vec<usize>,
    /// The last corpus graph layout.
    layout: graph::LayoutCache,
    /// The search index and kb.json of the last render, kept to be patched.
    search: Mutex<Option<search::SearchIndex>>,
    kb_json: Mutex<Option<feeds::KbJson>>,
    /// Whether rendering keeps the search index and kb.json (for `serve`).
    keep: bool,
}

impl Derived {
    /// What pages need from `kb`; with `keep`, rendering also keeps what
    /// [`refresh_site_data`] patches.
    pub fn new(kb: &KnowledgeBase, keep: bool) -> Derived {
        Derived {
            keep,
            placeholder_targets: briefing::placeholder_targets(kb),
            previews: previews::Previews::new(kb),
            rank: crate::kb::ranks(&kb.by_date),
            layout: graph::LayoutCache::default(),
            search: Mutex::new(None),
            kb_json: Mutex::new(None),
        }
    }
}

pub(crate) struct Renderer<'a> {
    pub kb: &'a KnowledgeBase,
    tera: &'a tera::Tera,
    derived: &'a Derived,
    /// Each briefing's mentions grouped by entity, made when first needed.
    mentions_by_entity: knowledge::MentionsByEntity,
}

impl<'a> Renderer<'a> {
    fn new(kb: &'a KnowledgeBase, tera: &'a tera::Tera, derived: &'a Derived) -> Self {
        Renderer {
            kb,
            tera,
            derived,
            mentions_by_entity: knowledge::MentionsByEntity::new(kb),
        }
    }

    fn jobs(&self) -> Vec<Job> {
        let mut jobs = vec![
            Job::Home,
            Job::BriefingIndex,
            Job::EntityIndex,
            Job::TopicIndex,
            Job::AuthorIndex,
            Job::Graph,
            Job::NotFound,
            Job::Feed,
        ];
        jobs.extend((0..self.kb.briefings.len()).map(Job::Briefing));
        jobs.extend(
            (0..self.kb.briefings.len())
                .filter(|&b| self.kb.briefings[b].briefing.original.is_some())
                .map(Job::Original),
        );
        // A long list is split over several jobs, so one entity mentioned
        // everywhere does not leave a single thread rendering at the end.
        let groups = |briefings: usize| job_groups(briefings, self.kb.config.page_size);
        for (e, entity) in self.kb.entities.iter().enumerate() {
            jobs.extend(groups(entity.briefings.len()).map(|n| Job::Entity(e, n)));
        }
        for (t, topic) in self.kb.topics.iter().enumerate() {
            jobs.extend(groups(topic.briefings.len()).map(|n| Job::Topic(t, n)));
        }
        jobs
    }

    /// Runs `jobs` in parallel; their pages, in job order.
    fn run_all(&self, jobs: BTreeSet<Job>) -> Result<Vec<Page>, Diagnostic> {
        let pages = jobs
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|job| self.run(job))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(pages.into_iter().flatten().collect())
    }

    fn run(&self, job: Job) -> Result<Vec<Page>, Diagnostic> {
        match job {
            Job::Home => self.home().map(|p| vec![p]),
            Job::BriefingIndex => self.briefing_index(),
            Job::Briefing(b) => self.briefing(b).map(|p| vec![p]),
            Job::Original(b) => originals::copy(self.kb, b).map(|p| p.into_iter().collect()),
            Job::EntityIndex => self.entity_index(),
            Job::Entity(e, n) => self.entity(e, n),
            Job::TopicIndex => self.topic_index().map(|p| vec![p]),
            Job::Topic(t, n) => self.topic(t, n),
            Job::EntityPages(e, from, count) => self.entity_pages(e, from, count),
            Job::EntityFeed(e) => self.entity_feed(e).map(|p| vec![p]),
            Job::TopicFirst(t) => self.topic_pages(t, 0, 1),
            Job::AuthorIndex => self.author_index(),
            Job::Graph => self.graph().map(|p| vec![p]),
            Job::NotFound => self.not_found().map(|p| vec![p]),
            Job::Feed => self.site_feed().map(|p| vec![p]),
        }
    }

    /// Renders `template` with `context` into a page at `path`.
    pub fn page<C: Serialize>(
        &self,
        template: &str,
        path: String,
        context: &C,
    ) -> Result<Page, Diagnostic> {
        let context = tera::Context::from_serialize(context).map_err(|e| {
            Diagnostic::error(
                None,
                format!("internal error building the context of `{path}`: {e}"),
            )
        })?;
        let html = self.tera.render(template, &context).map_err(|e| {
            templates::template_error(
                &self.kb.config.templates_dir(),
                &self.site_template_names(),
                &e,
            )
        })?;
        Ok(Page {
            path,
            bytes: html.into_bytes(),
        })
    }

    fn site_template_names(&self) -> Vec<(String, String)> {
        let dir = self.kb.config.templates_dir();
        self.tera
            .get_template_names()
            .filter(|name| dir.join(name).is_file())
            .map(|name| (name.to_string(), String::new()))
            .collect()
    }

    pub fn site(&self, path: &str) -> SiteView<'a> {
        let config = &self.kb.config;
        SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            root: path_to_root(path),
            site_url: config.site_url.as_deref(),
            preview_shards: self.derived.previews.shards,
            data_file: feeds::kb_json_path(config.kb_json),
        }
    }

    pub fn page_view(&self, title: String, path: &str, section: &'static str) -> PageView {
        PageView {
            canonical: self
                .kb
                .config
                .site_url
                .as_deref()
                .map(|url| paths::absolute_url(url, path)),
            title,
            path: path.to_string(),
            description: self.kb.config.description.clone(),
            section,
            json_ld: String::new(),
            feed: None,
        }
    }

    pub fn entity_link(&self, entity: usize, count: usize, root: &str) -> EntityLink<'a> {
        let e = &self.kb.entities[entity];
        EntityLink {
            name: &e.name,
            url: format!("{root}{}", paths::entity_page(&e.slug)),
            kind: e.kind.as_str(),
            count,
        }
    }

    pub fn topic_link(&self, topic: usize, count: usize, root: &str) -> TopicLink<'a> {
        let t = &self.kb.topics[topic];
        TopicLink {
            name: &t.name,
            url: format!("{root}{}", paths::topic_page(&t.slug)),
            count,
        }
    }

    pub fn briefing_link(&self, briefing: usize, root: &str) -> BriefingLink<'a> {
        let b = &self.kb.briefings[briefing].briefing;
        BriefingLink {
            title: &b.title,
            url: format!("{root}{}", paths::briefing_page(&b.slug)),
            date: b.date.map(|d| d.to_string()),
            date_long: b.date.map(|d| d.long()),
            summary: b.summary.as_deref(),
            authors: byline(&b.authors),
        }
    }

    /// Entities grouped by kind, in kind order, each group in the given order.
    pub fn kind_groups(&self, entities: &[(usize, usize)], root: &str) -> Vec<KindGroup<'a>> {
        EntityKind::ALL
            .iter()
            .filter_map(|&kind| {
                let members: Vec<EntityLink> = entities
                    .iter()
                    .filter(|&&(e, _)| self.kb.entities[e].kind == kind)
                    .map(|&(e, n)| self.entity_link(e, n, root))
                    .collect();
                (!members.is_empty()).then_some(KindGroup {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    entities: members,
                })
            })
            .collect()
    }
}

/// Entities (or topics) with counts, most first, ties in index order.
pub fn sorted_by_count(list: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = list.to_vec();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}

#[cfg(test)]
mod tests;
