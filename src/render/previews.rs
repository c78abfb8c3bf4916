//! Link previews: a short card for every entity and briefing, embedded in
//! each page for just the links that page holds, so hovering works from
//! `file://` too (no fetching) and no page carries the whole site.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::ingest::Briefing;
use crate::kb::{Entity, KnowledgeBase};

/// The preview keys a page refers to (`e:slug`, `b:slug`).
pub type Keys = BTreeSet<String>;

pub fn entity_key(entity: &Entity) -> String {
    format!("e:{}", entity.slug)
}

pub fn briefing_key(briefing: &Briefing) -> String {
    format!("b:{}", briefing.slug)
}

#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    kind: &'a str,
    text: String,
}

/// Every preview card, serialised once.
pub struct Previews {
    cards: FxHashMap<String, String>,
    briefing_texts: FxHashMap<String, String>,
}

const PREVIEW_CHARS: usize = 240;

impl Previews {
    pub fn new(kb: &KnowledgeBase) -> Previews {
        let mut cards = FxHashMap::default();
        let mut briefing_texts = FxHashMap::default();
        for entry in &kb.briefings {
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
            cards.insert(briefing_key(b), card(&b.title, &kind, text.clone()));
            briefing_texts.insert(b.slug.to_string(), text);
        }
        for e in &kb.entities {
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
            cards.insert(entity_key(e), card(&e.name, e.kind.as_str(), text));
        }
        Previews {
            cards,
            briefing_texts,
        }
    }

    /// The cards for `keys`, as a JSON object safe inside a script element.
    pub fn json_for(&self, keys: &Keys) -> String {
        let mut json = String::from("{");
        for (i, key) in keys
            .iter()
            .filter(|k| self.cards.contains_key(*k))
            .enumerate()
        {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(key).unwrap_or_default());
            json.push(':');
            json.push_str(&self.cards[key]);
        }
        json.push('}');
        escape_for_script(&json)
    }

    /// A briefing's short text: its summary, or the start of its first paragraph.
    pub fn briefing_text(&self, briefing: &Briefing) -> &str {
        self.briefing_texts
            .get(briefing.slug.as_str())
            .map_or("", String::as_str)
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

/// Serialises a JSON-LD value for a script element.
pub fn script_json(value: &serde_json::Value) -> String {
    escape_for_script(&serde_json::to_string(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let value = serde_json::json!({"name": "</script><script>alert(1)</script>"});
        let json = script_json(&value);
        assert!(!json.contains("</script") && !json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three", 8), "one two…");
        assert_eq!(shorten("short", 8), "short");
    }
}
