//! Which pages depend on an edited briefing and on what a knowledge-base
//! patch changed, so that a `serve` patch renders those again and nothing
//! else: every page not named here shows only what the edit kept, so it
//! would render to the same bytes. Also the list pages a shorter list no
//! longer has.

use std::collections::BTreeSet;

use crate::kb::{KnowledgeBase, Patch};
use crate::paths;
use crate::render::pagination::{job_groups, page_count, pages_beyond, PAGES_PER_JOB};
use crate::render::Job;

/// The pages that show briefing `b`'s text, after an edit that kept its
/// title, date, authors, summary, entities and topics: its own page, the
/// copy of its original, and the "Mentioned in" page of each entity it
/// names that quotes it. (Its preview card is refreshed on the side.)
pub(crate) fn text_jobs(kb: &KnowledgeBase, b: usize) -> BTreeSet<Job> {
    let page_size = kb.config.page_size;
    let mut jobs = BTreeSet::from([Job::Briefing(b), Job::Original(b)]);
    for &(e, _) in &kb.briefings[b].entities {
        if let Some(position) = kb.entities[e].briefings.iter().position(|&x| x == b) {
            jobs.insert(Job::EntityPages(e, position / page_size, 1));
        }
    }
    jobs
}

/// What an edit changing which entities `briefings` mention (patched into
/// `kb` as `patches` say) reaches.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Reached {
    /// The pages to render again.
    pub jobs: BTreeSet<Job>,
    /// Entities and topics whose records changed (search, `kb.json` and
    /// preview cards hold them).
    pub entities: Vec<usize>,
    pub topics: Vec<usize>,
}

/// The edited briefings' pages and what shows their text, every page of an
/// entity whose count or list changed, the first page of an entity whose
/// co-mentions or topics changed and of a topic whose entities changed,
/// briefings whose related list changed, every page of a topic the
/// briefings joined or left, the home page, the entity and topic indexes
/// and the corpus graph. `rank` is each briefing's newest-first position.
pub(crate) fn after_patch(
    kb: &KnowledgeBase,
    rank: &[usize],
    briefings: &[usize],
    patches: &[Patch],
) -> Reached {
    let mut jobs = BTreeSet::from([Job::Home, Job::EntityIndex, Job::Graph]);
    for &b in briefings {
        jobs.extend(text_jobs(kb, b));
    }
    let groups = |briefings: usize| job_groups(briefings, kb.config.page_size);
    let mut entities = BTreeSet::new();
    let mut topics = BTreeSet::new();
    for patch in patches {
        for &(e, before) in &patch.recounted {
            entities.insert(e);
            jobs.extend(recounted_entity_jobs(kb, rank, e, before, patch.briefing));
        }
        jobs.extend(patch.overviews.iter().map(|&e| Job::EntityPages(e, 0, 1)));
        jobs.extend(patch.related.iter().map(|&b| Job::Briefing(b)));
        jobs.extend(patch.topics.iter().map(|&t| Job::TopicFirst(t)));
        for &(t, _) in &patch.topic_lists {
            topics.insert(t);
            jobs.insert(Job::TopicIndex);
            jobs.extend(groups(kb.topics[t].briefings.len()).map(|n| Job::Topic(t, n)));
        }
    }
    Reached {
        jobs,
        entities: entities.into_iter().collect(),
        topics: topics.into_iter().collect(),
    }
}

/// The pages of entity `e` to render after briefing `b`'s mentions of it
/// changed, when it was in `before` briefings: the first page (its counts),
/// the feed, and the page holding `b`; when `b` joined or left the list,
/// every later page too (their entries shift), and when the number of pages
/// changed, every page (each shows the page count).
fn recounted_entity_jobs(
    kb: &KnowledgeBase,
    rank: &[usize],
    e: usize,
    before: usize,
    b: usize,
) -> Vec<Job> {
    let list = &kb.entities[e].briefings;
    let size = kb.config.page_size;
    let pages = |n: usize| page_count(n, size);
    let (now, last) = (list.len(), pages(list.len()));
    let from = if pages(before) != last {
        0
    } else {
        list.partition_point(|&x| rank[x] < rank[b]) / size
    };
    let to = if before == now { from + 1 } else { last };
    let mut jobs = vec![Job::EntityFeed(e), Job::EntityPages(e, 0, 1)];
    let mut start = from;
    while start < to {
        let count = PAGES_PER_JOB.min(to - start);
        jobs.push(Job::EntityPages(e, start, count));
        start += count;
    }
    jobs
}

/// The list pages of entities and topics that now have fewer, which the
/// patch removes.
pub(crate) fn pages_gone(kb: &KnowledgeBase, patches: &[Patch]) -> Vec<String> {
    let size = kb.config.page_size;
    let mut gone = Vec::new();
    for patch in patches {
        for &(e, before) in &patch.recounted {
            let entity = &kb.entities[e];
            let first = paths::entity_page(&entity.slug);
            gone.extend(pages_beyond(&first, entity.briefings.len(), before, size));
        }
        for &(t, before) in &patch.topic_lists {
            let topic = &kb.topics[t];
            let first = paths::topic_page(&topic.slug);
            gone.extend(pages_beyond(&first, topic.briefings.len(), before, size));
        }
    }
    gone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn sample_kb(page_size: usize) -> KnowledgeBase {
        let mut config = Config::defaults(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
        config.page_size = page_size;
        crate::knowledge_base(config, false)
            .expect("the sample builds")
            .0
    }

    /// The briefing naming the most entities.
    fn busiest(kb: &KnowledgeBase) -> usize {
        (0..kb.briefings.len())
            .max_by_key(|&b| kb.briefings[b].entities.len())
            .unwrap()
    }

    #[test]
    fn a_briefings_text_shows_on_its_page_and_the_list_pages_quoting_it() {
        let kb = sample_kb(1);
        let b = busiest(&kb);
        let jobs = text_jobs(&kb, b);
        assert!(jobs.contains(&Job::Briefing(b)) && jobs.contains(&Job::Original(b)));
        // One entity per list page: the page of each entity holding `b`.
        for &(e, _) in &kb.briefings[b].entities {
            let at = kb.entities[e]
                .briefings
                .iter()
                .position(|&x| x == b)
                .unwrap();
            assert!(jobs.contains(&Job::EntityPages(e, at, 1)), "entity {e}");
        }
        assert_eq!(jobs.len(), 2 + kb.briefings[b].entities.len());
        assert!(!jobs.contains(&Job::Home), "the home page shows no text");
    }

    #[test]
    fn a_recount_renders_the_entitys_pages_from_the_briefing_on() {
        let kb = sample_kb(1);
        let rank = crate::kb::ranks(&kb.by_date);
        let b = busiest(&kb);
        let &(e, _) = kb.briefings[b]
            .entities
            .iter()
            .max_by_key(|&&(e, _)| kb.entities[e].briefings.len())
            .unwrap();
        let now = kb.entities[e].briefings.len();
        assert!(now >= 3, "a list of several pages");
        let patch = Patch {
            briefing: b,
            recounted: vec![(e, now)],
            ..Patch::default()
        };
        let reached = after_patch(&kb, &rank, &[b], std::slice::from_ref(&patch));
        assert_eq!(reached.entities, [e]);
        assert!(reached.topics.is_empty());
        for job in [Job::Home, Job::EntityIndex, Job::Graph, Job::EntityFeed(e)] {
            assert!(reached.jobs.contains(&job), "{job:?}");
        }
        // The same number of briefings: only the page holding `b` and the
        // first (its counts).
        let at = kb.entities[e]
            .briefings
            .iter()
            .position(|&x| x == b)
            .unwrap();
        assert!(reached.jobs.contains(&Job::EntityPages(e, at, 1)));
        assert!(!reached.jobs.contains(&Job::TopicIndex));
        // One briefing more than before: every page from `b`'s on shifts.
        let joined = Patch {
            recounted: vec![(e, now - 1)],
            ..patch
        };
        let reached = after_patch(&kb, &rank, &[b], &[joined]);
        assert!(reached
            .jobs
            .contains(&Job::EntityPages(e, 0, now.min(PAGES_PER_JOB))));
    }

    #[test]
    fn a_topic_list_that_changed_renders_the_topic_and_the_index() {
        let kb = sample_kb(10);
        let rank = crate::kb::ranks(&kb.by_date);
        let b = busiest(&kb);
        let t = kb.briefings[b].topics[0];
        let patch = Patch {
            briefing: b,
            topic_lists: vec![(t, kb.topics[t].briefings.len() - 1)],
            ..Patch::default()
        };
        let reached = after_patch(&kb, &rank, &[b], &[patch]);
        assert_eq!(reached.topics, [t]);
        assert!(reached.jobs.contains(&Job::TopicIndex));
        assert!(reached.jobs.contains(&Job::Topic(t, 0)));
    }

    #[test]
    fn lists_that_shrank_lose_their_last_pages() {
        let kb = sample_kb(1);
        let e = (0..kb.entities.len())
            .max_by_key(|&e| kb.entities[e].briefings.len())
            .unwrap();
        let now = kb.entities[e].briefings.len();
        let patch = Patch {
            recounted: vec![(e, now + 2)],
            ..Patch::default()
        };
        let first = paths::entity_page(&kb.entities[e].slug);
        let stem = first.strip_suffix(".html").unwrap();
        assert_eq!(
            pages_gone(&kb, &[patch]),
            [
                format!("{stem}/page-{}.html", now + 1),
                format!("{stem}/page-{}.html", now + 2)
            ]
        );
        let grew = Patch {
            recounted: vec![(e, now - 1)],
            ..Patch::default()
        };
        assert!(pages_gone(&kb, &[grew]).is_empty());
    }
}
