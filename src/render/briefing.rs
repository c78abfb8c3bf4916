//! A briefing's page: its body with mentions and placeholders linked, its
//! authors, entities, topics and related briefings, and its JSON-LD.

use std::collections::BTreeMap;

use super::views::*;
use super::{body, fragments, previews, sorted_by_count, Renderer};
use crate::diagnostics::Diagnostic;
use crate::kb::{BriefingEntry, KnowledgeBase};
use crate::model::names::name_key;
use crate::model::page::Page;
use crate::paths::{self, path_to_root};

impl<'a> Renderer<'a> {
    pub(super) fn briefing(&self, index: usize) -> Result<Page, Diagnostic> {
        let entry = &self.kb.briefings[index];
        let b = &entry.briefing;
        let path = paths::briefing_page(&b.slug);
        let root = path_to_root(&path);
        let briefing = self.briefing_view(entry, &root);
        let related: Vec<BriefingLink> = entry
            .related
            .iter()
            .map(|&(r, _)| self.briefing_link(r, &root))
            .collect();
        let groups = self.kind_groups(&sorted_by_count(&entry.entities), &root);
        let topics: Vec<TopicLink> = entry
            .topics
            .iter()
            .map(|&t| self.topic_link(t, 0, &root))
            .collect();
        let mut page = self.page_view(b.title.clone(), &path, "briefings");
        page.description = b
            .summary
            .clone()
            .unwrap_or_else(|| self.derived.previews.briefing_text(b).to_string());
        page.json_ld = previews::script_json(self.article_json_ld(entry));
        let context = BriefingContext {
            site: self.site(&path),
            page,
            briefing,
            groups: fragments::entity_groups(&groups),
            topics: fragments::topic_chips(&topics),
            related: fragments::related_items(&related),
        };
        self.page("briefing.html", path, &context)
    }

    /// The briefing itself: metadata, body as HTML and table of contents.
    fn briefing_view(&self, entry: &'a BriefingEntry, root: &str) -> BriefingView<'a> {
        let b = &entry.briefing;
        let body = body::render(
            &entry.doc,
            &entry.mentions,
            self.kb.config.link_mentions,
            &BodyLinks { renderer: self },
            root,
            self.kb.config.allow_raw_html,
        );
        let toc = entry.doc.headings.iter().map(|h| TocItem {
            level: h.level,
            text: &h.text,
            anchor: &h.anchor,
        });
        BriefingView {
            title: &b.title,
            date: b.date.map(|d| d.to_string()),
            date_long: b.date.map(|d| d.long()),
            authors: entry
                .authors
                .iter()
                .map(|&a| self.entity_link(a, 0, root))
                .collect(),
            series: b.series.as_deref(),
            summary: b.summary.as_deref(),
            source: &b.source,
            original: b
                .original
                .map(|ext| format!("{root}{}", paths::original_file(&b.slug, ext))),
            sample: b.sample,
            body,
            toc: toc.collect(),
        }
    }

    fn article_json_ld(&self, entry: &BriefingEntry) -> serde_json::Value {
        let b = &entry.briefing;
        let person =
            |&a: &usize| serde_json::json!({"@type": "Person", "name": self.kb.entities[a].name});
        let thing = |&(e, _): &(usize, usize)| {
            let entity = &self.kb.entities[e];
            serde_json::json!({"@type": entity.kind.schema_type(), "name": entity.name})
        };
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": b.title,
            "datePublished": b.date.map(|d| d.to_string()),
            "author": entry.authors.iter().map(person).collect::<Vec<_>>(),
            "about": entry.topics.iter().map(|&t| serde_json::json!({"@type": "Thing", "name": self.kb.topics[t].name})).collect::<Vec<_>>(),
            "mentions": entry.entities.iter().map(thing).collect::<Vec<_>>(),
        })
    }
}

/// Resolves mention and placeholder links for briefing bodies.
struct BodyLinks<'r, 'a> {
    renderer: &'r Renderer<'a>,
}

impl body::LinkResolver for BodyLinks<'_, '_> {
    fn entity_path(&self, entity: usize) -> String {
        paths::entity_page(&self.renderer.kb.entities[entity].slug)
    }

    fn placeholder_target(&self, text: &str) -> Option<String> {
        self.renderer
            .derived
            .placeholder_targets
            .get(&name_key(text))
            .cloned()
    }
}

/// Name keys of every entity name and alias and every topic name → page.
pub(super) fn placeholder_targets(kb: &KnowledgeBase) -> BTreeMap<String, String> {
    let mut targets = BTreeMap::new();
    for topic in &kb.topics {
        targets.insert(name_key(&topic.name), paths::topic_page(&topic.slug));
    }
    for entity in &kb.entities {
        for alias in &entity.aliases {
            targets
                .entry(name_key(alias))
                .or_insert_with(|| paths::entity_page(&entity.slug));
        }
    }
    for entity in &kb.entities {
        targets.insert(name_key(&entity.name), paths::entity_page(&entity.slug));
    }
    targets
}
