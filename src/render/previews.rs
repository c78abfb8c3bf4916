//! Link previews: a short card for every entity and briefing, written into
//! a few hundred small script shards (`previews/N.js`). The page script loads
//! the one shard a hovered link needs by adding a `<script>` element, which
//! works from `file://` too, and no page carries preview data of its own.

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::kb::{BriefingEntry, Entity, KnowledgeBase};
use crate::model::page::Page;
use crate::model::sources::Briefing;

pub fn entity_key(entity: &Entity) -> String {
    format!("e:{}", entity.slug)
}

pub fn briefing_key(briefing: &Briefing) -> String {
    format!("b:{}", briefing.slug)
}

/// Cards per shard, roughly: small enough to load on hover.
const CARDS_PER_SHARD: usize = 128;

/// The shard holding `key`: FNV-1a of its bytes, as `dossier.js` computes it.
pub fn shard_of(key: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % shards.max(1)
}

#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    kind: &'a str,
    text: String,
}

/// Every preview card, serialised once.
pub struct Previews {
    cards: Vec<(String, String)>,
    briefing_texts: FxHashMap<String, String>,
    pub shards: usize,
}

const PREVIEW_CHARS: usize = 240;

impl Previews {
    pub fn new(kb: &KnowledgeBase) -> Previews {
        // Briefing cards are made in parallel: on a large site they are many.
        let briefing_cards: Vec<(String, String, String)> =
            kb.briefings.par_iter().map(briefing_card).collect();
        let mut cards = Vec::with_capacity(kb.briefings.len() + kb.entities.len());
        let mut briefing_texts = FxHashMap::default();
        for (entry, (key, card, text)) in kb.briefings.iter().zip(briefing_cards) {
            cards.push((key, card));
            briefing_texts.insert(entry.briefing.slug.to_string(), text);
        }
        cards.extend(kb.entities.iter().map(entity_card));
        let shards = cards.len().div_ceil(CARDS_PER_SHARD).clamp(1, 1024);
        Previews {
            cards,
            briefing_texts,
            shards,
        }
    }

    /// The shard files: `previews/N.js`, each adding its cards to the page.
    pub fn shard_pages(&self) -> Vec<Page> {
        let mut bodies: Vec<String> = vec![String::from("dossierPreviews.add({"); self.shards];
        for (key, card) in &self.cards {
            add_card(&mut bodies[shard_of(key, self.shards)], key, card);
        }
        bodies
            .into_iter()
            .enumerate()
            .map(|(n, body)| shard_file(n, body))
            .collect()
    }

    /// Replaces briefing `index`'s card after an edit of its text; gives the
    /// shard file that holds it if the card changed.
    pub fn update_briefing(&mut self, index: usize, entry: &BriefingEntry) -> Option<Page> {
        let (key, card, text) = briefing_card(entry);
        if self.cards[index].0 == key && self.cards[index].1 == card {
            return None;
        }
        self.briefing_texts
            .insert(entry.briefing.slug.to_string(), text);
        self.cards[index] = (key, card);
        let shard = shard_of(&self.cards[index].0, self.shards);
        Some(self.shard_page(shard))
    }

    /// Replaces the cards of `entities` after their counts changed; gives
    /// the shard files holding the cards that changed, in shard order.
    pub fn update_entities(&mut self, kb: &KnowledgeBase, entities: &[usize]) -> Vec<Page> {
        let mut changed = BTreeSet::new();
        for &e in entities {
            let index = kb.briefings.len() + e;
            let card = entity_card(&kb.entities[e]);
            if self.cards[index] != card {
                changed.insert(shard_of(&card.0, self.shards));
                self.cards[index] = card;
            }
        }
        changed.into_iter().map(|n| self.shard_page(n)).collect()
    }

    /// Shard file `shard`, from the cards as they are now.
    fn shard_page(&self, shard: usize) -> Page {
        let mut body = String::from("dossierPreviews.add({");
        for (key, card) in self
            .cards
            .iter()
            .filter(|(k, _)| shard_of(k, self.shards) == shard)
        {
            add_card(&mut body, key, card);
        }
        shard_file(shard, body)
    }

    /// A briefing's short text: its summary, or the start of its first paragraph.
    pub fn briefing_text(&self, briefing: &Briefing) -> &str {
        self.briefing_texts
            .get(briefing.slug.as_str())
            .map_or("", String::as_str)
    }
}

/// An entity's key and card: its role, the start of its description and
/// its counts.
fn entity_card(e: &Entity) -> (String, String) {
    let mut text = e.role.clone().map(|r| format!("{r}. ")).unwrap_or_default();
    if let Some(description) = &e.description {
        text.push_str(&shorten(description, PREVIEW_CHARS));
        text.push(' ');
    }
    text.push_str(&format!(
        "Mentioned {} time(s) in {} briefing(s).",
        e.mention_count,
        e.briefings.len()
    ));
    (entity_key(e), card(&e.name, e.kind.as_str(), text))
}

/// A briefing's key, card and short text: its summary, or the start of its
/// first paragraph.
fn briefing_card(entry: &BriefingEntry) -> (String, String, String) {
    let b = &entry.briefing;
    let opening = entry
        .doc
        .blocks
        .iter()
        .skip(1)
        .find(|block| block.text.len() > 40)
        .map_or("", |block| block.text.as_str());
    let text = shorten(b.summary.as_deref().unwrap_or(opening), PREVIEW_CHARS);
    let kind = b
        .date
        .map(|d| d.long())
        .unwrap_or_else(|| "Briefing".into());
    (briefing_key(b), card(&b.title, &kind, text.clone()), text)
}

fn add_card(body: &mut String, key: &str, card: &str) {
    if !body.ends_with('{') {
        body.push(',');
    }
    body.push_str(&serde_json::to_string(key).unwrap_or_default());
    body.push(':');
    body.push_str(card);
}

/// Shard file `n` from its body of cards, closed here.
fn shard_file(n: usize, body: String) -> Page {
    Page {
        path: format!("previews/{n}.js"),
        bytes: escape_for_script(&(body + "});\n")).into_bytes(),
    }
}

fn card(title: &str, kind: &str, text: String) -> String {
    serde_json::to_string(&Card { title, kind, text }).unwrap_or_default()
}

/// Cuts text at a word boundary, adding an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// JSON placed inside `<script>`: no `<`, `>` or `&` survives literally, so
/// nothing in it can end or confuse the element.
pub fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Serialises a JSON-LD value for a script element. Top-level fields that
/// are null or empty lists are left out: they say nothing, on every page.
pub fn script_json(mut value: serde_json::Value) -> String {
    if let serde_json::Value::Object(fields) = &mut value {
        fields.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
    }
    escape_for_script(&serde_json::to_string(&value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing;

    #[test]
    fn script_json_cannot_close_the_element() {
        let value = serde_json::json!({"name": "</script><script>alert(1)</script>"});
        let json = script_json(value.clone());
        assert!(!json.contains("</script") && !json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn script_json_leaves_out_empty_fields() {
        let value = serde_json::json!({"name": "A", "author": [], "sameAs": null, "about": ["x"]});
        assert_eq!(script_json(value), r#"{"about":["x"],"name":"A"}"#);
    }

    #[test]
    fn shards_spread_keys_and_stay_in_range() {
        let shards = 7;
        let used: std::collections::BTreeSet<usize> = (0..200)
            .map(|i| shard_of(&format!("e:name-{i}"), shards))
            .collect();
        assert_eq!(used.len(), shards);
        assert_eq!(shard_of("e:x", 1), 0);
        // Pinned so the page script's copy of the hash stays in step.
        assert_eq!(shard_of("e:alexander-lukashenka", 1000), 0x4fd1_8c5c % 1000);
    }

    #[test]
    fn updated_entity_cards_are_as_built_from_scratch() {
        let mut kb = testing::sample_kb();
        let mut previews = Previews::new(&kb);
        let before = previews.shard_pages();
        let touched = testing::edit_mentions(&mut kb);
        let returned = previews.update_entities(&kb, &touched.entities);
        testing::assert_patched(&before, &returned, &Previews::new(&kb).shard_pages());
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three", 8), "one two…");
        assert_eq!(shorten("short", 8), "short");
    }
}
