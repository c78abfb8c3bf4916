//! Who appears with whom and which briefings are related: co-mentions
//! counted per briefing among its most mentioned entities, and related
//! briefings scored by the entities they share, rarer ones weighing more.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{most_first, BriefingEntry, Entity};

/// The most co-mentioned entities an entity lists.
pub(super) const MAX_CO_MENTIONS: usize = 30;
/// Co-mentions are counted among this many entities of each briefing, its
/// most mentioned (ties go to the one named first): a briefing that names
/// 50,000 people (a sanctions list) then adds 4,950 pairs, not 1.25 billion.
pub const CO_MENTIONED_PER_BRIEFING: usize = 100;
/// The most related briefings a briefing lists.
const MAX_RELATED: usize = 8;
/// Entities in more briefings than this are too common to tell briefings
/// apart, and are not used to find related ones. A fixed number (not one that
/// grows with the corpus) keeps the work per briefing bounded.
pub(super) const RELATED_MAX_SHARED: usize = 250;

/// Pairs of entities mentioned in the same briefing ([`co_mention_ids`]),
/// counted per briefing.
pub(super) fn co_mentions(
    entries: &[BriefingEntry],
    entity_count: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for entry in entries {
        let ids = co_mention_ids(&entry.entities);
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut lists: Vec<Vec<(usize, usize)>> = vec![Vec::new(); entity_count];
    for ((a, b), n) in pairs {
        lists[a as usize].push((b as usize, n as usize));
        lists[b as usize].push((a as usize, n as usize));
    }
    lists
        .into_par_iter()
        .map(|list| most_first(list, MAX_CO_MENTIONS))
        .collect()
}

/// The entities of a briefing's (entity, count) list, in order of first
/// mention, that count for co-mentions: at most [`CO_MENTIONED_PER_BRIEFING`],
/// the most mentioned first. Sorted by entity number.
pub fn co_mention_ids(entities: &[(usize, usize)]) -> Vec<u32> {
    let mut chosen: Vec<usize> = (0..entities.len()).collect();
    if chosen.len() > CO_MENTIONED_PER_BRIEFING {
        let order = |&a: &usize, &b: &usize| entities[b].1.cmp(&entities[a].1).then(a.cmp(&b));
        chosen.select_nth_unstable_by(CO_MENTIONED_PER_BRIEFING, order);
        chosen.truncate(CO_MENTIONED_PER_BRIEFING);
    }
    let mut ids: Vec<u32> = chosen.iter().map(|&i| entities[i].0 as u32).collect();
    ids.sort_unstable();
    ids
}

/// Related briefings: shared entities weighted by rarity (inverse document
/// frequency), skipping entities in more than [`RELATED_MAX_SHARED`]
/// briefings, which keeps this linear in the corpus.
pub(super) fn related_briefings(
    entries: &[BriefingEntry],
    entities: &[Entity],
    rank: &[usize],
) -> Vec<Vec<(usize, f32)>> {
    let weight = rarity_weights(entries.len(), entities);
    entries
        .par_iter()
        .enumerate()
        .map_init(
            || Scores::new(entries.len()),
            |scores, (b, _)| scores.related(b, entries, entities, &weight, rank),
        )
        .collect()
}

/// Each entity's weight for relatedness: rarer weighs more.
pub fn rarity_weights(briefings: usize, entities: &[Entity]) -> Vec<f32> {
    let n = briefings.max(1) as f32;
    entities
        .iter()
        .map(|e| (n / e.briefings.len().max(1) as f32).ln() + 0.1)
        .collect()
}

/// Scores of other briefings against one, reused from briefing to briefing.
pub struct Scores {
    scores: Vec<f32>,
    touched: Vec<usize>,
}

impl Scores {
    pub fn new(briefings: usize) -> Scores {
        Scores {
            scores: vec![0.0; briefings],
            touched: Vec::new(),
        }
    }

    /// The briefings most related to `b`, best first.
    pub fn related(
        &mut self,
        b: usize,
        entries: &[BriefingEntry],
        entities: &[Entity],
        weight: &[f32],
        rank: &[usize],
    ) -> Vec<(usize, f32)> {
        let Scores { scores, touched } = self;
        for &(entity, _) in &entries[b].entities {
            let others = &entities[entity].briefings;
            if others.len() > RELATED_MAX_SHARED {
                continue;
            }
            for &other in others.iter().filter(|&&o| o != b) {
                if scores[other] == 0.0 {
                    touched.push(other);
                }
                scores[other] += weight[entity];
            }
        }
        let mut list: Vec<(usize, f32)> = touched.iter().map(|&o| (o, scores[o])).collect();
        for &o in touched.iter() {
            scores[o] = 0.0;
        }
        touched.clear();
        let best_first = |x: &(usize, f32), y: &(usize, f32)| {
            y.1.total_cmp(&x.1).then(rank[x.0].cmp(&rank[y.0]))
        };
        if list.len() > MAX_RELATED {
            list.select_nth_unstable_by(MAX_RELATED, best_first);
            list.truncate(MAX_RELATED);
        }
        list.sort_by(best_first);
        list
    }
}
