//! Patching the knowledge base after an edit changed which entities a
//! briefing mentions, or how often: counts, "mentioned in" lists,
//! co-mentions, related briefings and topic lists are worked out again only
//! where the edit reaches, to what a full build would make of them.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::related::{co_mention_ids, rarity_weights, Scores, MAX_CO_MENTIONS, RELATED_MAX_SHARED};
use super::{count_in_order, entity_topics, most_first, topic_entities, KnowledgeBase};
use crate::document::Document;
use crate::model::extraction::Mention;
use crate::model::sources::Briefing;

/// Counts a full build sums and then forgets, kept so a patch can adjust
/// them: co-mentions of every pair, and how often each entity is written in
/// each form.
pub struct Tallies {
    /// For each entity: the entities it shares briefings with, and how many.
    pairs: Vec<FxHashMap<u32, u32>>,
    /// (entity, form as written) → mentions.
    surfaces: FxHashMap<(u32, Box<str>), u32>,
}

/// What a patch changed, so the pages showing it can be rendered again.
#[derive(Debug, Default)]
pub struct Patch {
    /// The edited briefing.
    pub briefing: usize,
    /// Entities whose mention count or "mentioned in" list changed, each
    /// with its number of briefings before.
    pub recounted: Vec<(usize, usize)>,
    /// Entities whose co-mentions or topics changed (first page only).
    pub overviews: Vec<usize>,
    /// Briefings whose related briefings changed.
    pub related: Vec<usize>,
    /// Topics whose entity lists changed (first page only).
    pub topics: Vec<usize>,
    /// Topics the briefing joined or left, with their number of briefings
    /// before.
    pub topic_lists: Vec<(usize, usize)>,
}

/// An edited briefing, read again: its text, its mentions (with the
/// knowledge base's entity numbers) and its topics (sorted).
pub struct Edited {
    pub briefing: Briefing,
    pub doc: Document,
    pub mentions: Vec<Mention>,
    pub topics: Vec<usize>,
}

impl Tallies {
    pub fn new(kb: &KnowledgeBase) -> Tallies {
        let mut pairs = vec![FxHashMap::default(); kb.entities.len()];
        let mut surfaces: FxHashMap<(u32, Box<str>), u32> = FxHashMap::default();
        for entry in &kb.briefings {
            let ids = co_mention_ids(&entry.entities);
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    *pairs[a as usize].entry(b).or_default() += 1;
                    *pairs[b as usize].entry(a).or_default() += 1;
                }
            }
            for (key, n) in surface_counts(&entry.doc, &entry.mentions) {
                *surfaces.entry((key.0, key.1.into())).or_default() += n;
            }
        }
        Tallies { pairs, surfaces }
    }
}

/// Why an edit cannot be patched into the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KbChange {
    /// An entity would be written in a form no briefing used, or lose the
    /// last use of one: its aliases would change.
    WrittenForm,
    /// A topic would be left with no briefing, and so lose its page.
    TopicEmptied,
}

impl std::fmt::Display for KbChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KbChange::WrittenForm => {
                "gives a name a written form no briefing used, or drops the last use of one"
            }
            KbChange::TopicEmptied => "leaves a topic with no briefing",
        })
    }
}

impl KnowledgeBase {
    /// What stops an edit of briefing `index` being patched in with
    /// [`KnowledgeBase::patch_mentions`], if anything.
    pub fn patch_refusal(
        &self,
        tallies: &Tallies,
        index: usize,
        edit: &Edited,
    ) -> Option<KbChange> {
        let entry = &self.briefings[index];
        let old_surfaces = surface_counts(&entry.doc, &entry.mentions);
        let new_surfaces = surface_counts(&edit.doc, &edit.mentions);
        if self.changes_aliases(tallies, &old_surfaces, &new_surfaces) {
            Some(KbChange::WrittenForm)
        } else if self.empties_a_topic(index, &edit.topics) {
            Some(KbChange::TopicEmptied)
        } else {
            None
        }
    }

    /// Swaps in an edit of briefing `index` whose title, date and authors
    /// are as before, whose mentions name entities the corpus already has,
    /// whose topics all have pages already, and that
    /// [`KnowledgeBase::patch_refusal`] accepts.
    pub fn patch_mentions(
        &mut self,
        tallies: &mut Tallies,
        rank: &[usize],
        index: usize,
        edit: Edited,
    ) -> Patch {
        let entry = &self.briefings[index];
        let old_surfaces = surface_counts(&entry.doc, &entry.mentions);
        let new_surfaces = surface_counts(&edit.doc, &edit.mentions);
        adjust_surfaces(tallies, &old_surfaces, -1);
        adjust_surfaces(tallies, &new_surfaces, 1);
        let entities = count_in_order(&edit.mentions);
        let entry = &mut self.briefings[index];
        let old_entities = std::mem::replace(&mut entry.entities, entities);
        let old_topics = std::mem::replace(&mut entry.topics, edit.topics);
        entry.briefing = edit.briefing;
        entry.doc = edit.doc;
        entry.mentions = edit.mentions;
        let mut patch = Patch {
            briefing: index,
            ..Patch::default()
        };
        let membership = self.update_counts(index, &old_entities, rank, &mut patch);
        let old_ids = entity_ids(&old_entities);
        let new_ids = entity_ids(&self.briefings[index].entities);
        let old_co = co_mention_ids(&old_entities);
        let new_co = co_mention_ids(&self.briefings[index].entities);
        if old_co != new_co {
            self.update_co_mentions(tallies, &old_co, &new_co, &mut patch);
        }
        if !membership.is_empty() {
            patch.related = self.update_related(index, &old_ids, &new_ids, &patch, rank);
        }
        self.update_topic_lists(index, &old_topics, rank, &mut patch);
        // An entity's topics count the briefings naming it under each topic.
        let retopic: BTreeSet<usize> = if patch.topic_lists.is_empty() {
            membership.into_iter().collect()
        } else {
            old_ids
                .iter()
                .chain(&new_ids)
                .map(|&e| e as usize)
                .collect()
        };
        for e in retopic {
            let topics = entity_topics(&self.entities[e], &self.briefings);
            if self.entities[e].topics != topics {
                self.entities[e].topics = topics;
                patch.overviews.push(e);
            }
        }
        let topics: BTreeSet<usize> = old_topics
            .iter()
            .chain(&self.briefings[index].topics)
            .copied()
            .collect();
        self.update_topic_entities(&topics, &mut patch);
        patch
    }

    /// Whether taking briefing `b` out of its topics not in `topics` leaves
    /// one with no briefing and no description (it would lose its page).
    fn empties_a_topic(&self, b: usize, topics: &[usize]) -> bool {
        self.briefings[b].topics.iter().any(|t| {
            let topic = &self.topics[*t];
            !topics.contains(t) && topic.briefings.len() == 1 && topic.description.is_empty()
        })
    }

    /// Moves briefing `b` into the topics it joined and out of those it
    /// left.
    fn update_topic_lists(&mut self, b: usize, old: &[usize], rank: &[usize], patch: &mut Patch) {
        let new = self.briefings[b].topics.clone();
        for &t in old.iter().filter(|t| !new.contains(t)) {
            let list = &mut self.topics[t].briefings;
            patch.topic_lists.push((t, list.len()));
            list.retain(|&x| x != b);
        }
        for &t in new.iter().filter(|t| !old.contains(t)) {
            let list = &mut self.topics[t].briefings;
            patch.topic_lists.push((t, list.len()));
            let at = list.partition_point(|&x| rank[x] < rank[b]);
            list.insert(at, b);
        }
    }

    /// Whether moving from `old` to `new` forms of briefing's mentions adds a
    /// form to an entity or takes its last use away.
    fn changes_aliases(
        &self,
        tallies: &Tallies,
        old: &BTreeMap<(u32, &str), u32>,
        new: &BTreeMap<(u32, &str), u32>,
    ) -> bool {
        let keys: BTreeSet<&(u32, &str)> = old.keys().chain(new.keys()).collect();
        keys.into_iter().any(|&(entity, surface)| {
            let total = tallies
                .surfaces
                .get(&(entity, surface.into()))
                .copied()
                .unwrap_or(0);
            let before = old.get(&(entity, surface)).copied().unwrap_or(0);
            let after = total - before + new.get(&(entity, surface)).copied().unwrap_or(0);
            (total == 0) != (after == 0) && self.entities[entity as usize].name != surface
        })
    }

    /// Adjusts mention counts and "mentioned in" lists of the entities whose
    /// count in briefing `b` changed; gives those that entered or left it.
    fn update_counts(
        &mut self,
        b: usize,
        old: &[(usize, usize)],
        rank: &[usize],
        patch: &mut Patch,
    ) -> Vec<usize> {
        let before: BTreeMap<usize, usize> = old.iter().copied().collect();
        let after: BTreeMap<usize, usize> = self.briefings[b].entities.iter().copied().collect();
        let mut membership = Vec::new();
        for &e in before.keys().chain(after.keys()).collect::<BTreeSet<_>>() {
            let (was, is) = (before.get(&e).copied(), after.get(&e).copied());
            if was == is {
                continue;
            }
            let entity = &mut self.entities[e];
            patch.recounted.push((e, entity.briefings.len()));
            entity.mention_count = entity.mention_count + is.unwrap_or(0) - was.unwrap_or(0);
            let at = entity.briefings.partition_point(|&x| rank[x] < rank[b]);
            match (was, is) {
                (None, Some(_)) => entity.briefings.insert(at, b),
                (Some(_), None) => {
                    entity.briefings.remove(at);
                }
                _ => continue,
            }
            membership.push(e);
        }
        membership
    }

    /// Adjusts pair counts for the pairs the edit made or broke (among the
    /// entities that count for co-mentions, before and after), and the
    /// co-mention lists of the entities in them.
    fn update_co_mentions(
        &mut self,
        tallies: &mut Tallies,
        old_ids: &[u32],
        new_ids: &[u32],
        patch: &mut Patch,
    ) {
        let (old_pairs, new_pairs) = (pairs_of(old_ids), pairs_of(new_ids));
        let mut ends = BTreeSet::new();
        for &(a, b) in old_pairs.difference(&new_pairs) {
            for (x, y) in [(a, b), (b, a)] {
                let count = tallies.pairs[x as usize].get_mut(&y).expect("counted");
                *count -= 1;
                if *count == 0 {
                    tallies.pairs[x as usize].remove(&y);
                }
            }
            ends.extend([a, b]);
        }
        for &(a, b) in new_pairs.difference(&old_pairs) {
            *tallies.pairs[a as usize].entry(b).or_default() += 1;
            *tallies.pairs[b as usize].entry(a).or_default() += 1;
            ends.extend([a, b]);
        }
        for e in ends {
            let list = tallies.pairs[e as usize]
                .iter()
                .map(|(&o, &n)| (o as usize, n as usize))
                .collect();
            let list = most_first(list, MAX_CO_MENTIONS);
            let entity = &mut self.entities[e as usize];
            if entity.co_mentions != list {
                entity.co_mentions = list;
                patch.overviews.push(e as usize);
            }
        }
    }

    /// Works out again the related briefings of `b` and of every briefing
    /// whose scores the edit can move: those sharing a rare entity with `b`
    /// before or after, and those mentioning an entity whose rarity changed.
    fn update_related(
        &mut self,
        b: usize,
        old_ids: &[u32],
        new_ids: &[u32],
        patch: &Patch,
        rank: &[usize],
    ) -> Vec<usize> {
        let before: BTreeMap<usize, usize> = patch.recounted.iter().copied().collect();
        let mut reach: BTreeSet<usize> = BTreeSet::from([b]);
        for &e in old_ids.iter().chain(new_ids) {
            let list = &self.entities[e as usize].briefings;
            let fewest = before
                .get(&(e as usize))
                .map_or(list.len(), |&n| n.min(list.len()));
            if fewest <= RELATED_MAX_SHARED {
                reach.extend(list.iter().copied());
            }
        }
        let weight = rarity_weights(self.briefings.len(), &self.entities);
        let mut scores = Scores::new(self.briefings.len());
        let mut changed = Vec::new();
        for x in reach {
            let list = scores.related(x, &self.briefings, &self.entities, &weight, rank);
            let ids = |l: &[(usize, f32)]| l.iter().map(|&(r, _)| r).collect::<Vec<_>>();
            if ids(&list) != ids(&self.briefings[x].related) && x != b {
                changed.push(x);
            }
            self.briefings[x].related = list;
        }
        changed
    }

    /// Works out again the entity lists of `topics`.
    fn update_topic_entities(&mut self, topics: &BTreeSet<usize>, patch: &mut Patch) {
        for &t in topics {
            let list = topic_entities(&self.topics[t], &self.briefings);
            if self.topics[t].entities != list {
                self.topics[t].entities = list;
                patch.topics.push(t);
            }
        }
    }
}

/// The entity numbers of a briefing's (entity, count) list, sorted.
fn entity_ids(entities: &[(usize, usize)]) -> Vec<u32> {
    let mut ids: Vec<u32> = entities.iter().map(|&(e, _)| e as u32).collect();
    ids.sort_unstable();
    ids
}

/// Every pair of distinct entities, smaller first.
fn pairs_of(ids: &[u32]) -> BTreeSet<(u32, u32)> {
    let mut pairs = BTreeSet::new();
    for (i, &a) in ids.iter().enumerate() {
        for &b in &ids[i + 1..] {
            pairs.insert((a, b));
        }
    }
    pairs
}

/// (entity, form as written) → mentions, in one briefing.
fn surface_counts<'d>(doc: &'d Document, mentions: &[Mention]) -> BTreeMap<(u32, &'d str), u32> {
    let mut counts = BTreeMap::new();
    for m in mentions {
        let text = &doc.blocks[m.block as usize].text;
        let surface = &text[m.start as usize..m.end as usize];
        *counts.entry((m.entity, surface)).or_default() += 1;
    }
    counts
}

fn adjust_surfaces(tallies: &mut Tallies, counts: &BTreeMap<(u32, &str), u32>, sign: i64) {
    for (&(entity, surface), &n) in counts {
        let key = (entity, Box::<str>::from(surface));
        let count = tallies.surfaces.entry(key.clone()).or_default();
        *count = (i64::from(*count) + sign * i64::from(n)) as u32;
        if *count == 0 {
            tallies.surfaces.remove(&key);
        }
    }
}
