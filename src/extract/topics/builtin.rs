//! The built-in policy topics: each a name, keywords with weights, and
//! entities whose mention counts as evidence.

use std::collections::BTreeMap;

use super::normalise_term;
use crate::model::extraction::TopicDef;
use crate::paths::slugify;

/// A built-in topic: name, keywords with weights, and entities.
type BuiltinTopic = (
    &'static str,
    &'static [(&'static str, f32)],
    &'static [&'static str],
);

/// The built-in policy topics.
const BUILTIN: &[BuiltinTopic] = &[
    (
        "Defence and security",
        &[
            ("military", 1.0),
            ("army", 1.0),
            ("troops", 1.5),
            ("drill", 1.5),
            ("exercise", 1.0),
            ("defence", 1.0),
            ("defense", 1.0),
            ("security", 0.5),
            ("missile", 1.5),
            ("weapon", 1.0),
            ("soldier", 1.0),
            ("armed", 1.0),
            ("submarine", 1.5),
            ("deterrence", 1.5),
            ("nuclear weapon", 2.0),
            ("air defence", 1.5),
            ("battalion", 1.5),
            ("brigade", 1.5),
            ("warfare", 1.5),
            ("military cooperation", 2.0),
        ],
        &["NATO", "Collective Security Treaty Organization"],
    ),
    (
        "Energy",
        &[
            ("energy", 1.5),
            ("gas", 1.5),
            ("oil", 1.5),
            ("petroleum", 1.5),
            ("power plant", 2.0),
            ("nuclear power", 2.0),
            ("electricity", 1.5),
            ("pipeline", 1.5),
            ("refinery", 1.5),
            ("fuel", 1.0),
            ("coal", 1.0),
            ("lng", 1.5),
            ("reactor", 1.5),
            ("raw material", 1.0),
            ("fertiliser", 0.5),
        ],
        &["Gazprom", "Rosatom", "Rosneft", "Naftogaz", "Transneft"],
    ),
    (
        "Trade and economy",
        &[
            ("trade", 1.5),
            ("economic", 0.7),
            ("economy", 1.0),
            ("export", 1.5),
            ("import", 1.5),
            ("tariff", 1.5),
            ("customs", 1.5),
            ("tax", 1.0),
            ("market", 0.7),
            ("port", 1.0),
            ("transit", 1.5),
            ("investment", 1.0),
            ("gdp", 1.5),
            ("inflation", 1.5),
            ("budget", 1.0),
            ("potash", 1.5),
            ("logistics", 1.0),
            ("cargo", 1.5),
            ("railway", 1.0),
            ("loan", 1.0),
            ("credit", 1.0),
        ],
        &[
            "World Trade Organization",
            "International Monetary Fund",
            "World Bank",
        ],
    ),
    (
        "Sanctions",
        &[
            ("sanction", 2.0),
            ("embargo", 2.0),
            ("asset freeze", 2.0),
            ("blacklist", 1.5),
            ("restrictive measure", 2.0),
            ("sanctioned", 2.0),
        ],
        &[],
    ),
    (
        "Elections and governance",
        &[
            ("election", 2.0),
            ("electoral", 1.5),
            ("vote", 1.0),
            ("ballot", 1.5),
            ("referendum", 1.5),
            ("constitution", 1.5),
            ("constitutional", 1.5),
            ("opposition", 1.0),
            ("candidate", 1.0),
            ("governance", 1.5),
            ("protest", 1.5),
            ("campaign", 0.7),
            ("polling", 1.5),
        ],
        &[],
    ),
    (
        "Human rights",
        &[
            ("human rights", 2.0),
            ("repression", 2.0),
            ("political prisoner", 2.0),
            ("detention", 1.5),
            ("detained", 1.5),
            ("torture", 2.0),
            ("arrest", 1.5),
            ("persecution", 2.0),
            ("freedom", 1.0),
            ("crackdown", 1.5),
            ("arbitrary", 1.0),
        ],
        &["Viasna", "Amnesty International", "Human Rights Watch"],
    ),
    (
        "Migration",
        &[
            ("migrant", 2.0),
            ("migration", 2.0),
            ("refugee", 2.0),
            ("asylum", 2.0),
            ("pushback", 2.0),
            ("border crossing", 1.5),
            ("smuggling", 1.0),
            ("displaced", 1.5),
        ],
        &["Frontex", "UNHCR"],
    ),
    (
        "Health",
        &[
            ("health", 1.5),
            ("vaccine", 2.0),
            ("vaccination", 2.0),
            ("pandemic", 2.0),
            ("covid", 2.0),
            ("covid-19", 2.0),
            ("virus", 1.5),
            ("hospital", 1.0),
            ("medical", 1.0),
            ("disease", 1.5),
        ],
        &["World Health Organization", "COVID-19"],
    ),
    (
        "Climate and environment",
        &[
            ("climate", 2.0),
            ("emission", 2.0),
            ("environment", 1.5),
            ("environmental", 1.5),
            ("pollution", 2.0),
            ("carbon", 1.5),
            ("renewable", 1.5),
            ("biodiversity", 2.0),
        ],
        &[],
    ),
    (
        "Technology and cyber",
        &[
            ("cyber", 2.0),
            ("cyberattack", 2.0),
            ("hacker", 2.0),
            ("technology", 1.0),
            ("digital", 1.0),
            ("internet", 1.0),
            ("semiconductor", 2.0),
            ("software", 1.5),
            ("artificial intelligence", 2.0),
        ],
        &[],
    ),
    (
        "Diplomacy and international organisations",
        &[
            ("diplomatic", 1.5),
            ("diplomacy", 1.5),
            ("embassy", 1.5),
            ("ambassador", 1.5),
            ("foreign policy", 1.5),
            ("negotiation", 1.0),
            ("treaty", 1.0),
            ("multilateral", 1.5),
        ],
        &[
            "European Union",
            "NATO",
            "OSCE",
            "United Nations",
            "Council of Europe",
            "UN Security Council",
            "European Commission",
            "European Parliament",
            "G7",
            "G20",
        ],
    ),
    (
        "Regional integration",
        &[
            ("integration", 2.0),
            ("union state", 2.0),
            ("roadmap", 1.5),
            ("harmonisation", 1.5),
            ("harmonization", 1.5),
            ("unification", 1.5),
            ("common market", 1.5),
            ("single currency", 1.5),
        ],
        &[
            "Union State",
            "Eurasian Economic Union",
            "Commonwealth of Independent States",
        ],
    ),
    (
        "Sovereignty and independence",
        &[
            ("sovereignty", 2.0),
            ("sovereign", 1.5),
            ("neutrality", 2.0),
            ("independence", 1.5),
            ("multi-vector", 2.0),
            ("annexation", 1.5),
            ("territorial integrity", 2.0),
            ("non-aligned", 2.0),
        ],
        &[],
    ),
    (
        "Information and media",
        &[
            ("propaganda", 2.0),
            ("disinformation", 2.0),
            ("journalist", 1.0),
            ("media", 1.0),
            ("censorship", 2.0),
            ("broadcast", 1.0),
            ("television", 1.0),
            ("information war", 2.0),
        ],
        &[],
    ),
    (
        "Civil society",
        &[
            ("civil society", 2.0),
            ("activist", 1.5),
            ("volunteer", 1.0),
            ("diaspora", 1.5),
            ("grassroots", 1.5),
            ("solidarity", 1.0),
            ("non-governmental", 1.5),
        ],
        &[],
    ),
];

/// The built-in topics, renamed as the site asks.
pub fn topics(renames: &BTreeMap<String, String>) -> Vec<TopicDef> {
    BUILTIN
        .iter()
        .map(|(name, keywords, entities)| {
            let name = renames
                .get(*name)
                .cloned()
                .unwrap_or_else(|| name.to_string());
            TopicDef {
                slug: slugify(&name),
                name,
                keywords: keywords
                    .iter()
                    .map(|(k, w)| (normalise_term(k), *w))
                    .collect(),
                entities: entities.iter().map(|e| (e.to_string(), 1.5)).collect(),
                near: Vec::new(),
                description: String::new(),
                threshold: 3.0,
                min_distinct: 2,
            }
        })
        .collect()
}
