//! The extraction quality bar: the sample briefing, with no curated notes,
//! scored against the hand annotation in `tests/fixtures/gold_*.json`.
//! Prints precision, recall, alias and type figures.

mod common;

use std::collections::BTreeSet;

use dossier::model::names::name_key;
use serde_json::Value;

struct Gold {
    name: String,
    kind: String,
    accepted: BTreeSet<String>,
    surfaces: Vec<String>,
}

fn gold() -> (Value, Vec<Gold>) {
    let text = std::fs::read_to_string(
        common::repo().join("tests/fixtures/gold_000_3d1f1b5c911402f3.json"),
    )
    .unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let entities = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let kind = e["type"].as_str().unwrap().to_string();
            let note = e["note"].as_str().unwrap_or("");
            let mut accepted: BTreeSet<String> = [
                "person",
                "country",
                "place",
                "organization",
                "event",
                "other",
            ]
            .iter()
            .filter(|k| note.contains(&format!("'{k}'")))
            .map(|k| k.to_string())
            .collect();
            accepted.insert(kind.clone());
            Gold {
                name: e["name"].as_str().unwrap().to_string(),
                kind,
                accepted,
                surfaces: e["surface"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
            }
        })
        .collect();
    (json, entities)
}

fn without_possessive(written: &str) -> String {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|ending| written.strip_suffix(ending))
        .unwrap_or(written)
        .to_string()
}

/// The knowledge base of a site holding only the sample briefing.
fn sample_kb() -> (dossier::kb::KnowledgeBase, String) {
    let text =
        std::fs::read_to_string(common::repo().join("seeds/000_3d1f1b5c911402f3.txt")).unwrap();
    let dir = common::site(&[("seeds/000_3d1f1b5c911402f3.txt", &text)]);
    let config = dossier::config::Config::defaults(dir.path());
    let (kb, problems) = dossier::knowledge_base(config, false).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    (kb, text)
}

#[test]
fn sample_briefing_meets_the_gold_annotation() {
    let (json, gold) = gold();
    let (kb, text) = sample_kb();
    let mut found = 0;
    let mut surfaces_expected = 0;
    let mut surfaces_found = 0;
    let mut types_right = 0;
    let mut failures = Vec::new();
    for g in &gold {
        let Some(entity) = kb
            .entities
            .iter()
            .find(|e| name_key(&e.name) == name_key(&g.name))
        else {
            failures.push(format!("missing entity {}", g.name));
            continue;
        };
        found += 1;
        if g.accepted.contains(entity.kind.as_str()) {
            types_right += 1;
        } else {
            failures.push(format!(
                "{} typed {} (expected {})",
                g.name, entity.kind, g.kind
            ));
        }
        for written in g.surfaces.iter().filter(|s| text.contains(s.as_str())) {
            surfaces_expected += 1;
            // Aliases never list possessives (issue 14): `Lukashenka’s` is
            // found as `Lukashenka`.
            let surface = &without_possessive(written);
            if entity.name == *surface
                || entity.aliases.contains(surface)
                || name_key(&entity.name) == name_key(surface)
                    && entity.name.replace('\'', "’") == *surface
            {
                surfaces_found += 1;
            } else {
                failures.push(format!(
                    "{}: surface {surface:?} not listed (aliases {:?})",
                    g.name, entity.aliases
                ));
            }
        }
    }
    let gold_keys: BTreeSet<String> = gold.iter().map(|g| name_key(&g.name)).collect();
    let junk: Vec<&str> = kb
        .entities
        .iter()
        .filter(|e| !gold_keys.contains(&name_key(&e.name)))
        .map(|e| e.name.as_str())
        .collect();
    let not_entities: Vec<&str> = json["not_entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for bad in &not_entities {
        let bare = bad.split(" (").next().unwrap();
        if kb
            .entities
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case(bare))
        {
            failures.push(format!("non-entity {bare:?} was extracted"));
        }
    }
    let precision = found as f64 / (found + junk.len()) as f64;
    let recall = found as f64 / gold.len() as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "gold: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}, types {types_right}/{found}, surfaces {surfaces_found}/{surfaces_expected}, junk {junk:?}"
    );
    assert_eq!(
        (precision, recall, f1),
        (1.0, 1.0, 1.0),
        "precision, recall and F1 on the gold"
    );
    assert_eq!(types_right, found, "every entity typed as the gold says");
    assert!(junk.is_empty(), "junk entities: {junk:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sample_briefing_gets_the_expected_topics_and_no_others() {
    let (kb, _) = sample_kb();
    let topics: BTreeSet<&str> = kb.briefings[0]
        .topics
        .iter()
        .map(|&t| kb.topics[t].name.as_str())
        .collect();
    // The gold's topics_a_reader_expects, mapped onto the built-in set.
    let expected: BTreeSet<&str> = [
        "Regional integration",                      // Belarus–Russia integration
        "Defence and security",                      // military cooperation
        "Energy",                                    // NPP, gas, petroleum
        "Trade and economy",                         // trade, transit, customs
        "Sovereignty and independence",              // sovereignty and neutrality
        "Health",                                    // COVID-19 vaccine
        "Diplomacy and international organisations", // EU, NATO, OSCE
    ]
    .into();
    println!("topics: {topics:?}");
    assert_eq!(topics, expected);
}

#[test]
fn sample_metadata_is_read_from_plain_text() {
    let (kb, _) = sample_kb();
    let b = &kb.briefings[0].briefing;
    assert_eq!(
        b.title,
        "Towards Deeper Integration—Lukashenka’s Visit to Sochi"
    );
    assert_eq!(b.authors, ["Anna Maria Dyrner"]);
    assert_eq!(b.series.as_deref(), Some("PISM Spotlight"));
    let headings: Vec<&str> = kb.briefings[0]
        .doc
        .headings
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "What was the context of the visit?",
            "What was discussed?",
            "What did the course and results of the meeting show?",
            "What will be the consequences of the Sochi arrangements?"
        ]
    );
}
