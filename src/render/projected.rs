//! The size a site will take, projected from the knowledge base before any
//! page is written, and the refusal (naming the briefing that makes it large)
//! when that passes `max-output-size-mb`.
//!
//! The projection counts what multiplies: every entity gets a page, a feed, a
//! preview, a search record and a `kb.json` record; every briefing that names
//! it adds a card to its page; every mention adds a link to the briefing page.
//! The figures per item are measured on the 50,000-name site of
//! `examples/gen_hostile.rs` and rounded up, so the projection errs high.

use crate::diagnostics::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::output::human_bytes;

/// Bytes per entity or topic: its page, feed, preview, search and kb.json records.
const PER_ENTITY: u64 = 5_000;
/// Bytes per briefing listed on an entity, topic or author page and feed.
const PER_CARD: u64 = 600;
/// Bytes per mention: its link in the briefing page and its kb.json record.
const PER_MENTION: u64 = 250;
/// Bytes per briefing besides its text: its page, preview and records.
const PER_BRIEFING: u64 = 8_000;
/// How many times a briefing's text is carried (page, search, kb.json, original).
const TEXT_COPIES: u64 = 4;
/// The indexes, graph, 404 and static files of any site.
const SITE_BASE: u64 = 2_000_000;

/// What one briefing adds to the site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Share {
    bytes: u64,
    /// Entities (names and authors) first seen in it: each gets a page.
    new_entities: usize,
    cards: usize,
}

/// The projected size of the whole site, with each briefing's share.
pub struct Projection {
    pub total: u64,
    shares: Vec<Share>,
}

impl Projection {
    /// Projects the size of the site `kb` renders to.
    pub fn of(kb: &KnowledgeBase) -> Projection {
        let mut first_seen = vec![false; kb.entities.len()];
        let shares: Vec<Share> = kb
            .briefings
            .iter()
            .map(|entry| share(entry, &mut first_seen))
            .collect();
        let topics = kb.topics.len() as u64 * PER_ENTITY;
        let total = SITE_BASE + topics + shares.iter().map(|s| s.bytes).sum::<u64>();
        Projection { total, shares }
    }

    /// Refuses a projection over `limit` bytes, naming the briefing with the
    /// largest share and what in it multiplies.
    pub fn check(&self, kb: &KnowledgeBase, limit: u64) -> Result<(), Diagnostic> {
        if self.total <= limit {
            return Ok(());
        }
        let (index, largest) = self
            .shares
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.bytes.cmp(&b.1.bytes).then(b.0.cmp(&a.0)))
            .map(|(i, s)| (Some(i), *s))
            .unwrap_or((None, Share::default()));
        let over = format!(
            "the site would take about {}, over the limit of {} (`max-output-size-mb`)",
            human_bytes(self.total),
            human_bytes(limit)
        );
        let help = "split the briefing, or raise `max-output-size-mb` under [dossier] in \
                    book.toml if a site this large is meant";
        match index.filter(|_| largest.bytes * 10 >= self.total) {
            Some(i) => {
                let source = &kb.briefings[i].briefing.source;
                let path = kb.config.seeds_dir.join(source);
                Err(Diagnostic::error(path, format!("{over}: {}", cause(largest))).help(help))
            }
            None => Err(Diagnostic::error(
                Some(kb.config.seeds_dir.clone()),
                format!("{over}: {} briefings", kb.briefings.len()),
            )
            .help(
                "build part of the corpus into each site, or raise `max-output-size-mb` \
                 under [dossier] in book.toml",
            )),
        }
    }
}

/// One briefing's share; marks the entities it is the first to name.
fn share(entry: &crate::kb::BriefingEntry, first_seen: &mut [bool]) -> Share {
    let named = entry.entities.iter().map(|&(entity, _)| entity);
    let mut new_entities = 0;
    let mut cards = 0;
    for entity in named.chain(entry.authors.iter().copied()) {
        cards += 1;
        if let Some(seen) = first_seen.get_mut(entity) {
            new_entities += usize::from(!*seen);
            *seen = true;
        }
    }
    cards += entry.topics.len();
    let text = entry.briefing.body.len() as u64;
    let bytes = PER_BRIEFING
        + TEXT_COPIES * text
        + PER_MENTION * entry.mentions.len() as u64
        + PER_CARD * cards as u64
        + PER_ENTITY * new_entities as u64;
    Share {
        bytes,
        new_entities,
        cards,
    }
}

/// What in a briefing makes it large, in words.
fn cause(share: Share) -> String {
    if share.new_entities as u64 * PER_ENTITY * 2 >= share.bytes {
        return format!(
            "it names {} entities (its authors among them) that no other briefing names, and \
             each gets a page, a feed and search records (about {} each)",
            share.new_entities,
            human_bytes(PER_ENTITY)
        );
    }
    if share.cards as u64 * PER_CARD * 2 >= share.bytes {
        return format!(
            "it is listed on {} entity, author and topic pages and feeds",
            share.cards
        );
    }
    format!(
        "its text alone adds about {} to the site",
        human_bytes(share.bytes)
    )
}

/// Refuses, before writing, a site projected past the configured limit.
pub fn check(kb: &KnowledgeBase) -> Result<(), Diagnostic> {
    Projection::of(kb).check(kb, kb.config.max_output_size)
}
