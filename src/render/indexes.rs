//! The site's list pages: the home page, the briefing, entity, topic and
//! author indexes (with the scripts the entity and author indexes search),
//! and the 404 page.

use super::pagination::{page_title, paginate, paginated, pagination};
use super::views::*;
use super::{fragments, IndexPage, Renderer, AUTHOR_INDEX_DATA, ENTITY_INDEX_DATA};
use crate::diagnostics::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::model::page::Page;
use crate::model::EntityKind;
use crate::paths::{self, path_to_root};

impl<'a> Renderer<'a> {
    pub(super) fn home(&self) -> Result<Page, Diagnostic> {
        let path = "index.html".to_string();
        let recent = self
            .kb
            .by_date
            .iter()
            .take(10)
            .map(|&b| self.briefing_link(b, ""))
            .collect();
        let top: Vec<(usize, usize)> = top_entities_per_kind(self.kb, 8);
        let groups = self.kind_groups(&top, "");
        let topics = self.topics_by_count("");
        let context = HomeContext {
            site: self.site(&path),
            page: self.page_view(self.kb.config.title.clone(), &path, "home"),
            recent,
            groups,
            topics,
            briefing_count: self.kb.briefings.len(),
            entity_count: self.kb.entities.len(),
        };
        self.page("index.html", path, &context)
    }

    fn topics_by_count(&self, root: &str) -> Vec<TopicLink<'a>> {
        let mut topics: Vec<(usize, usize)> = self
            .kb
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t.briefings.len()))
            .collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        topics
            .into_iter()
            .map(|(t, n)| self.topic_link(t, n, root))
            .collect()
    }

    pub(super) fn briefing_index(&self) -> Result<Vec<Page>, Diagnostic> {
        let first = "briefings/index.html";
        let chunks = paginate(&self.kb.by_date, self.kb.config.page_size);
        chunks
            .iter()
            .enumerate()
            .map(|(n, chunk)| {
                let path = paginated(first, n + 1);
                let root = path_to_root(&path);
                let briefings: Vec<BriefingLink> = chunk
                    .iter()
                    .map(|&b| self.briefing_link(b, &root))
                    .collect();
                let context = BriefingListContext {
                    site: self.site(&path),
                    page: self.page_view(page_title("Briefings", n + 1), &path, "briefings"),
                    briefings: fragments::briefing_items(&briefings),
                    pagination: pagination(first, n + 1, chunks.len(), &root),
                };
                self.page("briefings.html", path, &context)
            })
            .collect()
    }

    /// Entities per page of the entity and author indexes: ten list pages'
    /// worth.
    fn entity_index_page_size(&self) -> usize {
        self.kb.config.page_size * 10
    }

    /// The entity index, by type, in pages so it stays small however many
    /// entities a corpus has.
    pub(super) fn entity_index(&self) -> Result<Vec<Page>, Diagnostic> {
        let first = "entities/index.html";
        let ordered: Vec<(usize, usize)> = EntityKind::ALL
            .iter()
            .flat_map(|&kind| {
                self.kb
                    .entities
                    .iter()
                    .enumerate()
                    .filter(move |(_, e)| e.kind == kind)
                    .map(|(i, e)| (i, e.mention_count))
            })
            .collect();
        let mut pages = self.index_pages(first, &ordered, |chunk, at| {
            let context = EntityIndexContext {
                site: self.site(&at.path),
                page: self.page_view(page_title("Entities", at.number), &at.path, "entities"),
                kinds: self.kind_jumps(&ordered, first, &at.root),
                groups: self.kind_groups(chunk, &at.root),
                pagination: pagination(first, at.number, at.total, &at.root),
            };
            self.page("entities.html", at.path, &context)
        })?;
        pages.push(self.index_data(ENTITY_INDEX_DATA, &ordered));
        Ok(pages)
    }

    /// Every entry of an index, as a script (`entities/all.js`: name, page,
    /// type, count) that the index's find, sort, type filter and letter bar
    /// load on first use; a script, so it loads from file:// too.
    fn index_data(&self, path: &str, ordered: &[(usize, usize)]) -> Page {
        let rows: Vec<(&str, String, &str, usize)> = ordered
            .iter()
            .map(|&(e, count)| {
                let entity = &self.kb.entities[e];
                (
                    entity.name.as_str(),
                    paths::entity_page(&entity.slug),
                    entity.kind.as_str(),
                    count,
                )
            })
            .collect();
        let json = serde_json::to_string(&rows).expect("strings and numbers serialise");
        Page {
            path: path.into(),
            bytes: format!("window.dossierIndex && window.dossierIndex.load({json});\n")
                .into_bytes(),
        }
    }

    /// Pages of an index (entities, authors), [`Self::entity_index_page_size`]
    /// items each, made by `page` from its items and where it is.
    fn index_pages<T>(
        &self,
        first: &str,
        items: &[T],
        page: impl Fn(&[T], IndexPage) -> Result<Page, Diagnostic>,
    ) -> Result<Vec<Page>, Diagnostic> {
        let chunks = paginate(items, self.entity_index_page_size());
        chunks
            .iter()
            .enumerate()
            .map(|(n, chunk)| {
                let path = paginated(first, n + 1);
                let at = IndexPage {
                    root: path_to_root(&path),
                    path,
                    number: n + 1,
                    total: chunks.len(),
                };
                page(chunk, at)
            })
            .collect()
    }

    /// Each entity type with its count and the index page where it starts.
    fn kind_jumps(&self, ordered: &[(usize, usize)], first: &str, root: &str) -> Vec<KindJump> {
        EntityKind::ALL
            .iter()
            .filter_map(|&kind| {
                let start = ordered
                    .iter()
                    .position(|&(e, _)| self.kb.entities[e].kind == kind)?;
                let count = ordered[start..]
                    .iter()
                    .take_while(|&&(e, _)| self.kb.entities[e].kind == kind)
                    .count();
                let page = paginated(first, start / self.entity_index_page_size() + 1);
                Some(KindJump {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    count,
                    url: format!("{root}{page}#{kind}"),
                })
            })
            .collect()
    }

    pub(super) fn topic_index(&self) -> Result<Page, Diagnostic> {
        let path = "topics/index.html".to_string();
        let root = path_to_root(&path);
        let topics = (0..self.kb.topics.len())
            .map(|t| self.topic_link(t, self.kb.topics[t].briefings.len(), &root))
            .collect();
        let context = TopicIndexContext {
            site: self.site(&path),
            page: self.page_view("Topics".into(), &path, "topics"),
            topics,
        };
        self.page("topics.html", path, &context)
    }

    /// The authors, in pages of the entity index's size; in more than one,
    /// with `authors/all.js` so that finding covers every page.
    pub(super) fn author_index(&self) -> Result<Vec<Page>, Diagnostic> {
        let first = "authors/index.html";
        let authors: Vec<(usize, usize)> = (0..self.kb.entities.len())
            .map(|e| (e, self.kb.entities[e].authored.len()))
            .filter(|&(_, count)| count > 0)
            .collect();
        let paged = authors.len() > self.entity_index_page_size();
        let mut pages = self.index_pages(first, &authors, |chunk, at| {
            let context = AuthorIndexContext {
                site: self.site(&at.path),
                page: self.page_view(page_title("Authors", at.number), &at.path, "authors"),
                authors: chunk
                    .iter()
                    .map(|&(e, count)| self.entity_link(e, count, &at.root))
                    .collect(),
                pagination: pagination(first, at.number, at.total, &at.root),
                index_data: if paged {
                    format!("{}{AUTHOR_INDEX_DATA}", at.root)
                } else {
                    String::new()
                },
            };
            self.page("authors.html", at.path, &context)
        })?;
        if paged {
            pages.push(self.index_data(AUTHOR_INDEX_DATA, &authors));
        }
        Ok(pages)
    }

    pub(super) fn not_found(&self) -> Result<Page, Diagnostic> {
        let path = "404.html".to_string();
        // GitHub Pages serves 404.html at any depth, so its links need an
        // absolute base; it is known only when the site URL is.
        let base = self
            .kb
            .config
            .site_url
            .as_deref()
            .map(|url| {
                let path = url.splitn(4, '/').nth(3).unwrap_or("").trim_matches('/');
                if path.is_empty() {
                    "/".to_string()
                } else {
                    format!("/{path}/")
                }
            })
            .unwrap_or_default();
        let context = NotFoundContext {
            site: self.site(&path),
            page: self.page_view("Page not found".into(), &path, ""),
            base,
        };
        self.page("404.html", path, &context)
    }
}

/// The most-mentioned entities of each kind, `per_kind` of each.
fn top_entities_per_kind(kb: &KnowledgeBase, per_kind: usize) -> Vec<(usize, usize)> {
    let mut top = Vec::new();
    for kind in EntityKind::ALL {
        let mut of_kind: Vec<(usize, usize)> = kb
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind && e.mention_count > 0)
            .map(|(i, e)| (i, e.mention_count))
            .collect();
        of_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.extend(of_kind.into_iter().take(per_kind));
    }
    top
}
