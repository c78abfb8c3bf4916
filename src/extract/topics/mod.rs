//! Topics per briefing, from four sources: front matter, curated topic notes
//! (keywords, entities, word pairs), placeholder links whose text names a
//! topic, and a built-in set of policy topics scored by weighted keywords.

pub mod builtin;

use rustc_hash::FxHashMap;

use super::lexicon::Shapes;
use crate::model::extraction::TopicDef;
use crate::model::sources::TopicNote;
use crate::paths::slugify;

/// A curated topic: one strong keyword or entity is enough.
pub fn from_note(note: &TopicNote) -> TopicDef {
    TopicDef {
        name: note.name.clone(),
        slug: slugify(&note.name),
        keywords: note
            .keywords
            .iter()
            .map(|k| (normalise_term(k), 1.5))
            .collect(),
        entities: note.entities.iter().map(|e| (e.clone(), 3.0)).collect(),
        near: note.near.clone(),
        description: note.description.clone(),
        threshold: 3.0,
        min_distinct: 1,
    }
}

/// Lower case, a trailing plural `s` dropped from longer words.
pub fn normalise_term(term: &str) -> String {
    term.split_whitespace()
        .map(normalise_word)
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalise_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalise_into(word, &mut out);
    out
}

/// Keyword index over all topics: a term of one or two words → (topic, weight).
pub struct TopicIndex {
    pub topics: Vec<TopicDef>,
    /// Term → (term id, hits). First words of two-word terms are entries
    /// too (maybe with no hits), so one lookup per word tells both whether
    /// it scores and whether a pair may start with it.
    terms: FxHashMap<String, Term>,
    /// The shapes of all terms, to pass over most words without a lookup.
    shapes: Shapes,
    keep_words: bool,
}

/// Whether `word` may normalise to one of the terms `shapes` was made of.
/// Exact for ASCII words, whose normalised shape it works out without
/// normalising them (see [`normalise_into`]); true for all others.
#[inline]
fn may_match(shapes: &Shapes, word: &str) -> bool {
    let bytes = word.as_bytes();
    let len = bytes.len();
    if len == 0 || !word.is_ascii() {
        return true;
    }
    let lower = |i: usize| bytes[i].to_ascii_lowercase();
    let drops_s = len >= 5 && lower(len - 1) == b's' && lower(len - 2) != b's';
    let len = if drops_s { len - 1 } else { len };
    shapes.may_hold(len, lower(0), lower(len - 1))
}

/// What the index knows about one word or pair of words.
#[derive(Debug, Default)]
struct Term {
    id: u32,
    hits: Vec<(usize, f32)>,
    starts_pair: bool,
}

/// The word buffers of [`TopicIndex::add_words`], kept from one call to
/// the next.
#[derive(Debug, Default)]
pub struct WordBuffers {
    previous: String,
    current: String,
    pair: String,
}

/// Topic evidence gathered from the words of one briefing.
#[derive(Debug, Clone, Default)]
pub struct TopicEvidence {
    score: Vec<f32>,
    /// Per topic, the ids of the distinct terms (or entity indices) seen.
    distinct: Vec<Vec<u32>>,
    words: usize,
    /// The normalised words, kept only when some topic has `near` pairs.
    kept: Vec<String>,
}

impl TopicIndex {
    pub fn new(topics: Vec<TopicDef>) -> TopicIndex {
        let mut terms: FxHashMap<String, Term> = FxHashMap::default();
        for (i, topic) in topics.iter().enumerate() {
            for (term, weight) in &topic.keywords {
                let next_id = terms.len() as u32;
                terms
                    .entry(term.clone())
                    .or_insert_with(|| Term {
                        id: next_id,
                        ..Term::default()
                    })
                    .hits
                    .push((i, *weight));
                if let Some((head, _)) = term.split_once(' ') {
                    let next_id = terms.len() as u32;
                    terms
                        .entry(head.to_string())
                        .or_insert_with(|| Term {
                            id: next_id,
                            ..Term::default()
                        })
                        .starts_pair = true;
                }
            }
        }
        let keep_words = topics.iter().any(|t| !t.near.is_empty());
        TopicIndex {
            topics,
            shapes: Shapes::new(terms.keys().map(String::as_str)),
            terms,
            keep_words,
        }
    }

    /// An empty tally for one briefing.
    pub fn evidence(&self) -> TopicEvidence {
        TopicEvidence {
            score: vec![0.0; self.topics.len()],
            distinct: vec![Vec::new(); self.topics.len()],
            words: 0,
            kept: Vec::new(),
        }
    }

    /// Counts the words of one block. This runs over every word of the
    /// corpus, so it allocates nothing per word; `buffers` are reused.
    pub fn add_words<'w>(
        &self,
        evidence: &mut TopicEvidence,
        buffers: &mut WordBuffers,
        words: impl IntoIterator<Item = &'w str>,
    ) {
        let WordBuffers {
            previous,
            current,
            pair,
        } = buffers;
        let mut previous_starts_pair = false;
        for word in words {
            evidence.words += 1;
            if !(previous_starts_pair || self.keep_words || may_match(&self.shapes, word)) {
                continue;
            }
            normalise_into(word, current);
            let starts_pair = self.count(current, evidence);
            if previous_starts_pair {
                pair.clear();
                pair.push_str(previous);
                pair.push(' ');
                pair.push_str(current);
                self.count(pair, evidence);
            }
            if self.keep_words {
                evidence.kept.push(current.clone());
            }
            std::mem::swap(previous, current);
            previous_starts_pair = starts_pair;
        }
    }

    /// The topics a briefing gets, from its word evidence and the names of
    /// the entities it mentions.
    pub fn finish(&self, mut evidence: TopicEvidence, entities: &[&str]) -> Vec<usize> {
        self.count_entities(entities, &mut evidence);
        if self.keep_words {
            self.count_near(&mut evidence);
        }
        let length_factor = (evidence.words as f32 / 800.0).max(1.0);
        (0..self.topics.len())
            .filter(|&t| {
                let topic = &self.topics[t];
                evidence.score[t] >= topic.threshold * length_factor
                    && evidence.distinct[t].len() >= topic.min_distinct
            })
            .collect()
    }

    /// Counts a term's hits; returns whether a two-word term starts with it.
    fn count(&self, term: &str, evidence: &mut TopicEvidence) -> bool {
        let Some(found) = self.terms.get(term) else {
            return false;
        };
        for &(topic, weight) in &found.hits {
            evidence.score[topic] += weight;
            note(&mut evidence.distinct[topic], found.id);
        }
        found.starts_pair
    }

    fn count_entities(&self, entities: &[&str], evidence: &mut TopicEvidence) {
        let first_entity_id = self.terms.len() as u32;
        for (t, topic) in self.topics.iter().enumerate() {
            for (n, (name, weight)) in topic.entities.iter().enumerate() {
                if entities.iter().any(|e| e.eq_ignore_ascii_case(name)) {
                    evidence.score[t] += weight;
                    note(&mut evidence.distinct[t], first_entity_id + n as u32);
                }
            }
        }
    }

    /// `near` pairs: both words within ten words of each other.
    fn count_near(&self, evidence: &mut TopicEvidence) {
        let first_pair_id = u32::MAX / 2;
        for (t, topic) in self.topics.iter().enumerate() {
            for (n, pair) in topic.near.iter().enumerate() {
                let (a, b) = (normalise_word(&pair[0]), normalise_word(&pair[1]));
                let words = &evidence.kept;
                let positions_a: Vec<usize> = words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w == a)
                    .map(|(i, _)| i)
                    .collect();
                let close = words
                    .iter()
                    .enumerate()
                    .any(|(i, w)| *w == b && positions_a.iter().any(|&p| p.abs_diff(i) <= 10));
                if close {
                    evidence.score[t] += 2.0;
                    note(&mut evidence.distinct[t], first_pair_id + n as u32);
                }
            }
        }
    }

    /// The topic whose name or keyword is exactly `text` (a placeholder link).
    pub fn named(&self, text: &str) -> Option<usize> {
        let slug = slugify(text);
        let term = normalise_term(text);
        self.topics.iter().position(|t| t.slug == slug).or_else(|| {
            self.terms.get(&term).and_then(|term| {
                term.hits
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|h| h.0)
            })
        })
    }
}

/// Records a distinct piece of evidence once.
fn note(seen: &mut Vec<u32>, id: u32) {
    if !seen.contains(&id) {
        seen.push(id);
    }
}

/// The words of a text, as written.
#[cfg(test)]
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
}

/// Writes the normalised form of `word` into `out` (see [`normalise_word`]).
fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.len() >= 5 && out.ends_with('s') && !out.ends_with("ss") {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics_of(text: &str, entities: &[&str]) -> Vec<String> {
        let index = TopicIndex::new(builtin::topics(&Default::default()));
        let mut evidence = index.evidence();
        index.add_words(&mut evidence, &mut WordBuffers::default(), raw_words(text));
        index
            .finish(evidence, entities)
            .into_iter()
            .map(|t| index.topics[t].name.clone())
            .collect()
    }

    #[test]
    fn keywords_with_enough_evidence_assign_a_topic() {
        let topics = topics_of(
            "The vaccine against COVID-19 and the pandemic response.",
            &[],
        );
        assert_eq!(topics, ["Health"]);
    }

    #[test]
    fn a_single_passing_word_is_not_enough() {
        assert!(topics_of("They discussed technology briefly.", &[]).is_empty());
    }

    #[test]
    fn placeholder_text_names_a_topic() {
        let index = TopicIndex::new(builtin::topics(&Default::default()));
        assert_eq!(index.topics[index.named("vaccine").unwrap()].name, "Health");
        assert_eq!(index.topics[index.named("Energy").unwrap()].name, "Energy");
        assert!(index.named("adopt a common customs and tax code").is_none());
    }
}
