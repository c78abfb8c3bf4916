//! Knowledge bases of tiny fixture sites, for the extraction tests.

use dossier::kb::KnowledgeBase;
use dossier::model::EntityKind;

/// The knowledge base of a site made of `files`; fails on any error.
pub fn kb_of(files: &[(&str, &str)]) -> KnowledgeBase {
    let dir = super::site(files);
    let config = dossier::config::Config::defaults(dir.path());
    let (kb, problems) = dossier::knowledge_base(config, false).unwrap();
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    kb
}

/// A Markdown briefing with a title and a date around `body`.
pub fn md(body: &str) -> String {
    format!("---\ntitle: Case\ndate: 2024-01-02\n---\n\n{body}\n")
}

pub fn kind_of(kb: &KnowledgeBase, name: &str) -> Option<EntityKind> {
    kb.entity_by_name(name).map(|e| e.kind)
}

pub fn names(kb: &KnowledgeBase) -> Vec<&str> {
    kb.entities.iter().map(|e| e.name.as_str()).collect()
}
