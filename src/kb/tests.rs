//! The knowledge base patched after an edit, on the sample site: what an
//! edit that keeps every mention changes (nothing), what dropping an
//! entity's mentions recounts, and which edits are refused.

use super::*;
use crate::config::Config;

fn sample_kb() -> KnowledgeBase {
    let config = Config::defaults(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    crate::knowledge_base(config, false)
        .expect("the sample site builds")
        .0
}

/// Briefing `b` of `kb` as an edit that keeps `mentions` of it.
fn edit_of(kb: &KnowledgeBase, b: usize, keep: impl Fn(&Mention) -> bool) -> Edited {
    let entry = &kb.briefings[b];
    Edited {
        briefing: entry.briefing.clone(),
        doc: entry.doc.clone(),
        mentions: entry.mentions.iter().copied().filter(keep).collect(),
        topics: entry.topics.clone(),
    }
}

#[test]
fn an_edit_that_keeps_every_mention_changes_nothing() {
    let mut kb = sample_kb();
    let mut tallies = Tallies::new(&kb);
    let rank = ranks(&kb.by_date);
    let b = (0..kb.briefings.len())
        .max_by_key(|&b| kb.briefings[b].entities.len())
        .unwrap();
    let counts: Vec<usize> = kb.entities.iter().map(|e| e.mention_count).collect();
    let edit = edit_of(&kb, b, |_| true);
    assert_eq!(kb.patch_refusal(&tallies, b, &edit), None);
    let patch = kb.patch_mentions(&mut tallies, &rank, b, edit);
    assert!(
        patch.recounted.is_empty() && patch.overviews.is_empty(),
        "{patch:?}"
    );
    assert!(
        patch.related.is_empty() && patch.topic_lists.is_empty(),
        "{patch:?}"
    );
    let after: Vec<usize> = kb.entities.iter().map(|e| e.mention_count).collect();
    assert_eq!(counts, after);
}

#[test]
fn dropping_an_entitys_mentions_recounts_it_and_its_list() {
    let mut kb = sample_kb();
    let mut tallies = Tallies::new(&kb);
    let rank = ranks(&kb.by_date);
    // A briefing and an entity it names that other briefings name in the
    // same forms, so no alias goes.
    let (b, e, edit) = (0..kb.briefings.len())
        .flat_map(|b| kb.briefings[b].entities.iter().map(move |&(e, _)| (b, e)))
        .filter(|&(_, e)| kb.entities[e].briefings.len() >= 3)
        .map(|(b, e)| (b, e, edit_of(&kb, b, |m| m.entity as usize != e)))
        .find(|(b, _, edit)| kb.patch_refusal(&tallies, *b, edit).is_none())
        .expect("an entity whose mentions can be dropped");
    let before = kb.entities[e].briefings.len();
    let count = kb.briefings[b]
        .entities
        .iter()
        .find(|x| x.0 == e)
        .unwrap()
        .1;
    let mentions = kb.entities[e].mention_count;
    let patch = kb.patch_mentions(&mut tallies, &rank, b, edit);
    assert!(patch.recounted.contains(&(e, before)), "{patch:?}");
    assert_eq!(kb.entities[e].briefings.len(), before - 1);
    assert!(!kb.entities[e].briefings.contains(&b));
    assert_eq!(kb.entities[e].mention_count, mentions - count);
    assert!(kb.briefings[b].entities.iter().all(|x| x.0 != e));
    // The list stays newest first.
    let list = &kb.entities[e].briefings;
    assert!(list.windows(2).all(|w| rank[w[0]] < rank[w[1]]), "{list:?}");
}

#[test]
fn dropping_the_only_use_of_a_written_form_is_refused() {
    let kb = sample_kb();
    let tallies = Tallies::new(&kb);
    // An entity named in one briefing only: its forms go with the mentions.
    let (b, e) = (0..kb.briefings.len())
        .flat_map(|b| kb.briefings[b].entities.iter().map(move |&(e, _)| (b, e)))
        .find(|&(_, e)| kb.entities[e].briefings.len() == 1 && !kb.entities[e].aliases.is_empty())
        .expect("an entity of one briefing, with an alias");
    let edit = edit_of(&kb, b, |m| m.entity as usize != e);
    assert_eq!(
        kb.patch_refusal(&tallies, b, &edit),
        Some(KbChange::WrittenForm)
    );
}
