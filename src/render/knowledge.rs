//! The knowledge pages: one per entity (mentions in context, timeline,
//! co-mentions, neighbourhood), one per topic, and the corpus graph.

use super::fragments;
use super::pagination::{page_title, paginate, paginated, pagination, PAGES_PER_JOB};
use super::previews;
use super::views::*;
use super::Renderer;
use crate::diagnostics::Diagnostic;
use crate::kb::{Entity, KnowledgeBase};
use crate::model::extraction::Mention;
use crate::model::page::Page;
use crate::paths::{self, path_to_root};

/// Entries in an entity's or a topic's feed: the newest briefings only, as
/// there is one such feed per entity and they add up on a large site.
const KNOWLEDGE_FEED_SIZE: usize = 20;

impl<'a> Renderer<'a> {
    /// Job `group` of an entity: its list pages from `PAGES_PER_JOB × group`
    /// on, and with group 0 its feed.
    pub(super) fn entity(&self, index: usize, group: usize) -> Result<Vec<Page>, Diagnostic> {
        let mut pages = self.entity_pages(index, group * PAGES_PER_JOB, PAGES_PER_JOB)?;
        if group == 0 {
            pages.push(self.entity_feed(index)?);
        }
        Ok(pages)
    }

    /// Pages `from`, `from + 1`, … (`count` at most) of an entity's list,
    /// counting from 0.
    pub(super) fn entity_pages(
        &self,
        index: usize,
        from: usize,
        count: usize,
    ) -> Result<Vec<Page>, Diagnostic> {
        let entity = &self.kb.entities[index];
        let first = paths::entity_page(&entity.slug);
        let chunks = paginate(&entity.briefings, self.kb.config.page_size);
        let mut pages = Vec::with_capacity(count);
        for (n, chunk) in chunks.iter().enumerate().skip(from).take(count) {
            let path = paginated(&first, n + 1);
            let root = path_to_root(&path);
            let entries: Vec<MentionEntry> = chunk
                .iter()
                .map(|&b| self.mention_entry(index, b, &root))
                .collect();
            let mut page = self.page_view(page_title(&entity.name, n + 1), &path, "entities");
            page.json_ld = previews::script_json(entity_json_ld(entity));
            page.feed = Some(format!("{root}{}", feed_path(&first)));
            page.description = entity_description(entity, n);
            let mut context = EntityContext {
                site: self.site(&path),
                page,
                entity: self.entity_view(entity, &root, &first, n == 0),
                mentions: if entries.is_empty() {
                    String::new()
                } else {
                    fragments::mention_list(&entries)
                },
                pagination: pagination(&first, n + 1, chunks.len(), &root),
                timeline: None,
                co_mentions: String::new(),
                topics: String::new(),
                authored: String::new(),
                neighbourhood: None,
            };
            // Later pages carry only their slice of the list, so an entity's
            // pages add up to its mentions, not to pages × side panel.
            if n == 0 {
                self.entity_overview(index, &root, &mut context);
            }
            pages.push(self.page("entity.html", path, &context)?);
        }
        Ok(pages)
    }

    /// An entity's Atom feed: the newest briefings mentioning it or by it.
    pub(super) fn entity_feed(&self, index: usize) -> Result<Page, Diagnostic> {
        let entity = &self.kb.entities[index];
        let first = paths::entity_page(&entity.slug);
        let feed_briefings: Vec<usize> =
            merge_newest(&entity.briefings, &entity.authored, &self.derived.rank);
        self.feed(
            &format!("{} — {}", entity.name, self.kb.config.title),
            &feed_path(&first),
            &first,
            &feed_briefings[..feed_briefings.len().min(KNOWLEDGE_FEED_SIZE)],
        )
    }

    /// What only an entity's first page shows: timeline, authored briefings,
    /// neighbourhood graph, co-mentions and topics.
    fn entity_overview(&self, index: usize, root: &str, context: &mut EntityContext<'a>) {
        let entity = &self.kb.entities[index];
        context.timeline = self
            .timeline(&entity.briefings)
            .map(|t| fragments::timeline_svg(&t, &entity.name));
        let authored: Vec<BriefingLink> = entity
            .authored
            .iter()
            .map(|&b| self.briefing_link(b, root))
            .collect();
        context.authored = fragments::briefing_items(&authored);
        context.neighbourhood = self.neighbourhood(index, root).map(|g| {
            fragments::graph_svg(
                &g,
                &format!("Entities most often mentioned with {}", entity.name),
            )
        });
        let co_mentions: Vec<EntityLink> = entity
            .co_mentions
            .iter()
            .take(20)
            .map(|&(e, c)| self.entity_link(e, c, root))
            .collect();
        context.co_mentions = fragments::entity_chips(&co_mentions, None);
        let topics: Vec<TopicLink> = entity
            .topics
            .iter()
            .map(|&(t, c)| self.topic_link(t, c, root))
            .collect();
        context.topics = fragments::topic_chips(&topics);
    }

    fn entity_view(
        &self,
        entity: &'a Entity,
        root: &str,
        first: &str,
        with_description: bool,
    ) -> EntityView<'a> {
        let dates: Vec<_> = entity
            .briefings
            .iter()
            .filter_map(|&b| self.kb.briefings[b].briefing.date)
            .collect();
        EntityView {
            name: &entity.name,
            kind: entity.kind.as_str(),
            kind_label: entity.kind.plural_label(),
            aliases: entity.aliases.iter().map(String::as_str).collect(),
            role: entity.role.as_deref(),
            description: entity
                .description
                .as_deref()
                .filter(|_| with_description)
                .map(|d| self.markdown(d, root)),
            wikidata: entity.wikidata.as_deref(),
            mention_count: entity.mention_count,
            briefing_count: entity.briefings.len(),
            first_seen: dates.iter().min().map(|d| d.long()),
            last_seen: dates.iter().max().map(|d| d.long()),
            feed: format!("{root}{}", feed_path(first)),
        }
    }

    /// Markdown from a curated note, rendered without mention links.
    fn markdown(&self, text: &str, root: &str) -> String {
        let doc = crate::document::parse("", text, self.kb.config.allow_raw_html);
        let resolver = NoLinks;
        super::body::render(
            &doc,
            &[],
            self.kb.config.link_mentions,
            &resolver,
            root,
            self.kb.config.allow_raw_html,
        )
    }

    /// A briefing under "Mentioned in", with the sentences of the mentions.
    fn mention_entry(&self, entity: usize, briefing: usize, root: &str) -> MentionEntry<'a> {
        let entry = &self.kb.briefings[briefing];
        let url = format!("{root}{}", paths::briefing_page(&entry.briefing.slug));
        let mut mine = self
            .mentions_by_entity
            .of(&entry.mentions, briefing, entity);
        // The title is shown anyway: sentences from the text come first.
        mine.sort_by_key(|m| m.block == 0);
        let mut snippets: Vec<Snippet> = Vec::new();
        let mut seen = Vec::new();
        for m in &mine {
            if snippets.len() == self.kb.config.sentences_per_briefing {
                break;
            }
            if seen.contains(&(m.block, m.sentence)) {
                continue;
            }
            seen.push((m.block, m.sentence));
            let block = &entry.doc.blocks[m.block as usize];
            let text = block.text.as_str();
            let (s, e) = (m.sentence.0 as usize, m.sentence.1 as usize);
            let (ms, me) = (
                m.start as usize,
                (m.end as usize).min(e.max(m.start as usize)),
            );
            snippets.push(Snippet {
                before: &text[s..ms],
                mark: &text[ms..me],
                after: &text[me..e],
                url: if m.block == 0 {
                    url.clone()
                } else {
                    format!("{url}#{}", block.anchor)
                },
            });
        }
        MentionEntry {
            briefing: self.briefing_link(briefing, root),
            snippets,
            count: mine.len(),
        }
    }

    /// Mentions per year (or per month over short spans) as SVG bars.
    fn timeline(&self, briefings: &[usize]) -> Option<Timeline> {
        let dates: Vec<_> = briefings
            .iter()
            .filter_map(|&b| self.kb.briefings[b].briefing.date)
            .collect();
        let (first, last) = (*dates.iter().min()?, *dates.iter().max()?);
        let monthly = last.year - first.year <= 2;
        let bucket = |d: &crate::model::date::Date| {
            if monthly {
                u32::from(d.year) * 12 + u32::from(d.month) - 1
            } else {
                u32::from(d.year)
            }
        };
        let (lo, hi) = (bucket(&first), bucket(&last));
        let mut counts = vec![0usize; (hi - lo + 1) as usize];
        for d in &dates {
            counts[(bucket(d) - lo) as usize] += 1;
        }
        let label = |b: u32| {
            if monthly {
                format!("{:04}-{:02}", b / 12, b % 12 + 1)
            } else {
                b.to_string()
            }
        };
        let (width, height) = (600.0f32, 80.0f32);
        let most = *counts.iter().max().unwrap_or(&1) as f32;
        let slot = width / counts.len() as f32;
        let bars = counts
            .iter()
            .enumerate()
            .map(|(i, &count)| {
                let h = if count == 0 {
                    0.0
                } else {
                    (height - 4.0) * count as f32 / most + 2.0
                };
                Bar {
                    label: label(lo + i as u32),
                    count,
                    x: i as f32 * slot,
                    y: height - h,
                    width: (slot - 1.0).max(1.0),
                    height: h,
                }
            })
            .collect();
        Some(Timeline {
            bars,
            width,
            height,
            first: first.long(),
            last: last.long(),
            unit: if monthly { "month" } else { "year" },
        })
    }

    /// Job `group` of a topic, as for [`Renderer::entity`].
    pub(super) fn topic(&self, index: usize, group: usize) -> Result<Vec<Page>, Diagnostic> {
        let mut pages = self.topic_pages(index, group * PAGES_PER_JOB, PAGES_PER_JOB)?;
        if group == 0 {
            pages.push(self.topic_feed(index)?);
        }
        Ok(pages)
    }

    /// Pages `from`, `from + 1`, … (`count` at most) of a topic's list.
    pub(super) fn topic_pages(
        &self,
        index: usize,
        from: usize,
        count: usize,
    ) -> Result<Vec<Page>, Diagnostic> {
        let topic = &self.kb.topics[index];
        let first = paths::topic_page(&topic.slug);
        let chunks = paginate(&topic.briefings, self.kb.config.page_size);
        let mut pages = Vec::with_capacity(count);
        for (n, chunk) in chunks.iter().enumerate().skip(from).take(count) {
            let path = paginated(&first, n + 1);
            let root = path_to_root(&path);
            let briefings: Vec<BriefingLink> = chunk
                .iter()
                .map(|&b| self.briefing_link(b, &root))
                .collect();
            // Only the first page shows the topic's entities.
            let entities: Vec<EntityLink> = if n == 0 {
                topic
                    .entities
                    .iter()
                    .take(24)
                    .map(|&(e, c)| self.entity_link(e, c, &root))
                    .collect()
            } else {
                Vec::new()
            };
            let mut page = self.page_view(page_title(&topic.name, n + 1), &path, "topics");
            page.feed = Some(format!("{root}{}", feed_path(&first)));
            let context = TopicContext {
                site: self.site(&path),
                page,
                topic: TopicView {
                    name: &topic.name,
                    description: (n == 0 && !topic.description.is_empty())
                        .then(|| self.markdown(&topic.description, &root)),
                    briefing_count: topic.briefings.len(),
                    feed: format!("{root}{}", feed_path(&first)),
                },
                briefings: fragments::briefing_items(&briefings),
                pagination: pagination(&first, n + 1, chunks.len(), &root),
                entities: fragments::entity_chips(&entities, None),
            };
            pages.push(self.page("topic.html", path, &context)?);
        }
        Ok(pages)
    }

    /// A topic's Atom feed: its newest briefings.
    fn topic_feed(&self, index: usize) -> Result<Page, Diagnostic> {
        let topic = &self.kb.topics[index];
        let first = paths::topic_page(&topic.slug);
        self.feed(
            &format!("{} — {}", topic.name, self.kb.config.title),
            &feed_path(&first),
            &first,
            &topic.briefings[..topic.briefings.len().min(KNOWLEDGE_FEED_SIZE)],
        )
    }

    pub(super) fn graph(&self) -> Result<Page, Diagnostic> {
        let path = "graph.html".to_string();
        let root = path_to_root(&path);
        let (graph, total) = self.corpus_graph(&root);
        let clusters = graph_clusters(&graph.nodes);
        let kinds = crate::model::EntityKind::ALL
            .iter()
            .filter_map(|&kind| {
                let count = graph
                    .nodes
                    .iter()
                    .filter(|n| n.kind == kind.as_str())
                    .count();
                (count > 0).then(|| KindCount {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    count,
                })
            })
            .collect();
        let most = graph.nodes.iter().map(|n| n.count).max().unwrap_or(1);
        let svg = fragments::graph_svg(&graph, "Graph of entities and their co-mentions");
        let context = GraphContext {
            site: self.site(&path),
            page: self.page_view("Graph".into(), &path, "graph"),
            graph: svg,
            shown: graph.nodes.len(),
            total,
            kinds,
            most,
            clusters,
        };
        self.page("graph.html", path, &context)
    }
}

/// The corpus graph's communities, largest first, each listing its
/// entities, the most mentioned first (then by name).
fn graph_clusters<'a>(nodes: &[GraphNode<'a>]) -> Vec<ClusterView<'a>> {
    let count = nodes
        .iter()
        .filter_map(|n| n.cluster)
        .max()
        .map_or(0, |c| c + 1);
    (0..count)
        .map(|c| {
            let mut members: Vec<EntityLink> = nodes
                .iter()
                .filter(|n| n.cluster == Some(c))
                .map(|n| EntityLink {
                    name: n.name,
                    url: n.url.clone(),
                    kind: n.kind,
                    count: n.count,
                })
                .collect();
            members.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(b.name)));
            ClusterView {
                number: c + 1,
                colour: (c < fragments::COLOURED_COMMUNITIES).then(|| format!("c{c}")),
                members,
            }
        })
        .collect()
}

/// The Atom feed beside a page: `entities/x.html` → `entities/x.xml`.
pub fn feed_path(page: &str) -> String {
    format!("{}.xml", page.strip_suffix(".html").unwrap_or(page))
}

/// Two newest-first lists merged, without repeats.
fn merge_newest(a: &[usize], b: &[usize], rank: &[usize]) -> Vec<usize> {
    let mut all: Vec<usize> = a.iter().chain(b).copied().collect();
    all.sort_by_key(|&x| rank[x]);
    all.dedup();
    all
}

/// The description of page `n` (from 0) of an entity's list. Counts are on
/// the first page only: a later page changes only when its part of the list
/// does.
fn entity_description(entity: &Entity, n: usize) -> String {
    if n == 0 {
        format!(
            "{} ({}), mentioned in {} briefing(s).",
            entity.name,
            entity.kind,
            entity.briefings.len()
        )
    } else {
        format!(
            "{} ({}): briefings that mention it, page {}.",
            entity.name,
            entity.kind,
            n + 1
        )
    }
}

fn entity_json_ld(entity: &Entity) -> serde_json::Value {
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": entity.kind.schema_type(),
        "name": entity.name,
        "alternateName": entity.aliases.iter().collect::<Vec<_>>(),
        "jobTitle": if entity.kind == crate::model::EntityKind::Person { entity.role.clone() } else { None },
        "description": entity.description,
        "sameAs": entity.wikidata.as_ref().map(|q| format!("https://www.wikidata.org/wiki/{q}")),
    })
}

struct NoLinks;

impl super::body::LinkResolver for NoLinks {
    fn entity_path(&self, _: usize) -> String {
        String::new()
    }

    fn placeholder_target(&self, _: &str) -> Option<String> {
        None
    }
}

/// Briefings with more mentions than this have them grouped by entity, so
/// that listing where each of 50,000 names appears is not 50,000 scans.
const SCAN_MENTIONS_UP_TO: usize = 256;

/// Each long briefing's mentions as (entity, position) pairs, sorted, made
/// the first time a page needs them and kept for the rest of the render.
pub(super) struct MentionsByEntity {
    sorted: Vec<std::sync::OnceLock<Vec<(u32, u32)>>>,
}

impl MentionsByEntity {
    pub(super) fn new(kb: &KnowledgeBase) -> MentionsByEntity {
        MentionsByEntity {
            sorted: (0..kb.briefings.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    /// The mentions of `entity` among `mentions` (those of `briefing`), in
    /// text order.
    fn of<'m>(&self, mentions: &'m [Mention], briefing: usize, entity: usize) -> Vec<&'m Mention> {
        if mentions.len() <= SCAN_MENTIONS_UP_TO {
            return mentions
                .iter()
                .filter(|m| m.entity as usize == entity)
                .collect();
        }
        let sorted = self.sorted[briefing].get_or_init(|| {
            let mut pairs: Vec<(u32, u32)> = mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (m.entity, i as u32))
                .collect();
            pairs.sort_unstable();
            pairs
        });
        let entity = entity as u32;
        let from = sorted.partition_point(|&(e, _)| e < entity);
        let to = sorted.partition_point(|&(e, _)| e <= entity);
        sorted[from..to]
            .iter()
            .map(|&(_, i)| &mentions[i as usize])
            .collect()
    }
}
