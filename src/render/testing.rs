//! For the render tests: the repository's sample knowledge base, changed the
//! way a `serve` patch changes it, and the check that a patch of site-wide
//! files gives what a full render of the changed knowledge base gives.

use std::path::Path;

use crate::config::Config;
use crate::kb::KnowledgeBase;
use crate::model::page::Page;

/// The knowledge base of the repository's sample site.
pub fn sample_kb() -> KnowledgeBase {
    let config = Config::defaults(Path::new(env!("CARGO_MANIFEST_DIR")));
    crate::knowledge_base(config, false)
        .expect("the sample site builds")
        .0
}

/// What a change touched.
pub struct Touched {
    pub entities: Vec<usize>,
    pub briefings: Vec<usize>,
    pub topics: Vec<usize>,
}

/// Changes one briefing's entities and topics as an edit would: its first
/// entity's mentions go, an entity it did not mention gets one, and it
/// leaves its first topic. Gives what changed.
pub fn edit_mentions(kb: &mut KnowledgeBase) -> Touched {
    let b = (0..kb.briefings.len())
        .find(|&b| kb.briefings[b].entities.len() >= 2 && !kb.briefings[b].topics.is_empty())
        .expect("a briefing with entities and topics");
    let (dropped, count) = kb.briefings[b].entities.remove(0);
    kb.briefings[b]
        .mentions
        .retain(|m| m.entity as usize != dropped);
    kb.entities[dropped].mention_count -= count;
    kb.entities[dropped].briefings.retain(|&x| x != b);
    let added = (0..kb.entities.len())
        .find(|&e| e != dropped && kb.briefings[b].entities.iter().all(|&(x, _)| x != e))
        .expect("an entity the briefing does not mention");
    kb.briefings[b].entities.push((added, 1));
    kb.entities[added].mention_count += 1;
    kb.entities[added].briefings.push(b);
    let topic = kb.briefings[b].topics.remove(0);
    kb.topics[topic].briefings.retain(|&x| x != b);
    Touched {
        entities: vec![dropped, added],
        briefings: vec![b],
        topics: vec![topic],
    }
}

/// Checks a patch of site-wide files: `returned` are the files the patch
/// wrote, `before` and `after` the full renders before and after the change.
/// Each returned file must be as in `after`, each other file as in `before`,
/// and the change must have changed something.
pub fn assert_patched(before: &[Page], returned: &[Page], after: &[Page]) {
    assert!(returned.iter().any(|page| !before.contains(page)));
    for page in returned {
        let full = after.iter().find(|p| p.path == page.path);
        assert_eq!(full, Some(page), "{} as a full render has it", page.path);
    }
    for page in after {
        if !returned.iter().any(|p| p.path == page.path) {
            let old = before.iter().find(|p| p.path == page.path);
            assert_eq!(old, Some(page), "{} was not written again", page.path);
        }
    }
}
