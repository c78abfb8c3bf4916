//! Unit tests of the name finder on single blocks, with the built-in tables.

use super::*;
use crate::extract::lexicon::builtin;
use crate::extract::tokens::tokenize;

/// The spans the finder gives for `text`, read as running prose.
fn spans(text: &str) -> Vec<Span> {
    spans_in(text, false)
}

fn spans_in(text: &str, title_case: bool) -> Vec<Span> {
    let builtin = builtin();
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    let mut out = Vec::new();
    Finder::new(&builtin.gazetteer, builtin).find(text, &tokens, title_case, &mut out);
    out
}

fn names(text: &str) -> Vec<&str> {
    spans(text).iter().map(|s| s.name(text)).collect()
}

fn known_kind(span: &Span) -> Option<EntityKind> {
    span.known.map(|id| builtin().gazetteer.entry(id).kind)
}

#[test]
fn gazetteer_names_take_the_longest_match() {
    let text = "They met in Poland and the Russian Federation.";
    let found = spans(text);
    let names: Vec<&str> = found.iter().map(|s| s.name(text)).collect();
    assert_eq!(names, ["Poland", "Russian Federation"]);
    assert!(found
        .iter()
        .all(|s| known_kind(s) == Some(EntityKind::Country)));
}

#[test]
fn a_title_before_a_name_becomes_its_role() {
    let text = "Yesterday Foreign Minister Sergei Lavrov arrived.";
    let found = spans(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].name(text), "Sergei Lavrov");
    assert_eq!(found[0].role.as_deref(), Some("Foreign Minister"));
    assert_eq!(found[0].votes, vote(EntityKind::Person, 2.0));
}

#[test]
fn opening_words_never_start_a_name() {
    assert_eq!(names("Despite Poland, nothing changed."), ["Poland"]);
    assert_eq!(names("The Varnek Grain Board met."), ["Varnek Grain Board"]);
}

#[test]
fn connectors_join_a_name_only_after_of_or_for() {
    assert_eq!(
        names("They met the Ministry of Coastal Affairs."),
        ["Ministry of Coastal Affairs"]
    );
    assert_eq!(
        names("Later Tarvel and Dravonsk agreed."),
        ["Tarvel", "Dravonsk"]
    );
}

#[test]
fn a_possessive_is_in_the_surface_not_the_name() {
    let text = "Later Holvenko’s plan failed.";
    let found = spans(text);
    assert_eq!(found[0].name(text), "Holvenko");
    assert_eq!(found[0].surface(text), "Holvenko’s");
}

#[test]
fn hyphenated_adjectives_and_units_are_no_names() {
    // `Russian-led`: the country is named, but is no part of the union's name.
    assert_eq!(
        names("A Russian-led Customs Union would add 1,200 MW and lift GDP."),
        ["Russian", "Customs Union"]
    );
    let text = "They spoke of Belarusian-Russian ties.";
    let found = spans(text);
    let parts: Vec<&str> = found.iter().map(|s| s.name(text)).collect();
    assert_eq!(parts, ["Belarusian", "Russian"]);
}

#[test]
fn a_year_after_an_unknown_name_is_part_of_it() {
    let text = "Troops joined Steel Lance 2024 in May.";
    let found = spans(text);
    assert_eq!(found[0].name(text), "Steel Lance 2024");
    assert_eq!(found[0].votes, vote(EntityKind::Event, 1.5));
}

#[test]
fn an_acronym_in_parentheses_defines_the_name_before_it() {
    let text = "The Northern Grain Council (NGC) met.";
    let found = spans(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].name(text), "NGC");
    assert_eq!(found[1].defines, Some(0));
}

#[test]
fn capitals_of_cover_text_are_skipped_and_headlines_are_initial() {
    assert!(names("THINK TANK QUARTERLY REVIEW").is_empty());
    let text = "Unrest Grows in Mirets";
    let found = spans_in(text, true);
    assert_eq!(found.last().map(|s| s.name(text)), Some("Mirets"));
    assert!(found.iter().all(|s| s.initial || s.known.is_some()));
}

#[test]
fn cue_words_type_discovered_names() {
    let kind = |text: &str| {
        let found = spans(text);
        resolve_kind(&found[0])
    };
    assert_eq!(kind("Then Varnek Summit began."), Some(EntityKind::Event));
    assert_eq!(
        kind("Then Kolstad Bank paid."),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind("Observers in Dravonsk waited."),
        Some(EntityKind::Place)
    );
    assert_eq!(kind("Then Zelnia Agreement held."), Some(EntityKind::Other));
}

fn resolve_kind(span: &Span) -> Option<EntityKind> {
    crate::extract::resolve::top_kind(&span.votes)
}

#[test]
fn a_name_written_twice_in_a_row_is_found_once() {
    assert_eq!(
        names("The note is by Tomas Varek\nTomas Varek argues for calm."),
        ["Tomas Varek"]
    );
}

#[test]
fn prefixed_adjectives_name_nothing() {
    assert!(names("The post-Soviet and pro-Russian camps, anti-EU and non-NATO.").is_empty());
    assert!(names("Post-Soviet states waited.").is_empty());
}

#[test]
fn an_unknown_acronym_may_lead_a_title() {
    let text = "Belarusian MFA Head Pavel Drozdik spoke.";
    let found = spans(text);
    let names: Vec<&str> = found.iter().map(|s| s.name(text)).collect();
    assert_eq!(names, ["Belarusian", "Pavel Drozdik"]);
    assert_eq!(found[1].role.as_deref(), Some("MFA Head"));
}

#[test]
fn for_and_and_stop_before_a_place_name() {
    assert_eq!(
        names("Then the Kolstad Grid Office for Romania and Moldova met."),
        ["Kolstad Grid Office", "Romania", "Moldova"]
    );
    assert_eq!(
        names("Then the Ukrainian Centre for European Policy met."),
        ["Ukrainian Centre for European Policy"]
    );
}

#[test]
fn an_apposition_before_or_after_a_name_types_it() {
    let kind = |text: &str, name: &str| {
        let found = spans(text);
        let span = found.iter().find(|s| s.name(text) == name);
        span.and_then(|s| resolve_kind(s).filter(|_| s.confidence >= 1.0))
    };
    let org = Some(EntityKind::Organization);
    let place = Some(EntityKind::Place);
    assert_eq!(
        kind("Yesterday the think tank Varnel Lab warned.", "Varnel Lab"),
        org
    );
    assert_eq!(
        kind("Yesterday the ruling party Kastra won.", "Kastra"),
        org
    );
    assert_eq!(kind("Yesterday the NGO Selvo Dar spoke.", "Selvo Dar"), org);
    assert_eq!(
        kind(
            "Later Orvessa, the state shipping company, cut jobs.",
            "Orvessa"
        ),
        org
    );
    assert_eq!(
        kind("Later Dravlin, the town where it began, waited.", "Dravlin"),
        place
    );
    assert_eq!(
        kind(
            "Farmers from the village of Dolny Varek came.",
            "Dolny Varek"
        ),
        place
    );
    // A person, a common word or punctuation between: no apposition.
    assert_ne!(kind("Yesterday the bank, Varnel, closed.", "Varnel"), org);
    assert_ne!(
        kind(
            "Later Ivan Korvel, the company founder, left.",
            "Ivan Korvel"
        ),
        org
    );
    assert_eq!(kind("Earlier, the ministry said so.", "Earlier"), None);
}

#[test]
fn in_joins_a_mission_to_its_place_but_not_in_headlines() {
    assert_eq!(
        names("Then the Varnek Mission in Moldova reported."),
        ["Varnek Mission in Moldova"]
    );
    assert_eq!(
        names("Then the Varnek Council in Moldova met."),
        ["Varnek Council", "Moldova"]
    );
    let text = "Varnek Mission in Moldova Falters";
    let found: Vec<&str> = spans_in(text, true).iter().map(|s| s.name(text)).collect();
    assert!(!found.contains(&"Varnek Mission in Moldova"), "{found:?}");
}

#[test]
fn a_and_b_council_is_one_name() {
    assert_eq!(
        names("Then the Tarvel and Dravonsk Council met."),
        ["Tarvel and Dravonsk Council"]
    );
    assert_eq!(
        names("Later Tarvel and Dravonsk agreed."),
        ["Tarvel", "Dravonsk"]
    );
    assert_eq!(
        names("The Tarvel and Dravonsk Council met."),
        ["Tarvel and Dravonsk Council"]
    );
    // Either side a name of its own: two names.
    assert_eq!(
        names("Later TVC and Dravonsk Steel Company agreed."),
        ["TVC", "Dravonsk Steel Company"]
    );
}

#[test]
fn a_type_word_before_of_for_or_in_or_international_types_the_name() {
    let kind = |text: &str| resolve_kind(&spans(text)[0]);
    let org = Some(EntityKind::Organization);
    assert_eq!(kind("Then Varnian Ministry of Coastal Defence paid."), org);
    assert_eq!(kind("Then Selvan Commissariat for Refugees paid."), org);
    assert_eq!(kind("Then Varda Foundation International paid."), org);
    assert_eq!(kind("Then the Varnek Mission in Moldova paid."), org);
    assert_eq!(
        kind("Then the Tamesna Prize for Journalism went."),
        Some(EntityKind::Other)
    );
    assert_eq!(kind("Then the Selvo Endowment paid."), org);
    assert_eq!(kind("Then the Varnek Gendarmerie paid."), org);
    assert_eq!(kind("Then Golvar Fortress fell."), Some(EntityKind::Place));
    assert_eq!(
        kind("Then Dolnesk Institute of Coastal Affairs and Norarberg met."),
        None
    );
    assert_eq!(
        kind("Then the Coastal Needs Assessment came."),
        Some(EntityKind::Other)
    );
}

#[test]
fn a_bracketed_acronym_of_several_words_defines_the_name_before_it() {
    let text = "The Danube Partnership Civic Forum (DaP CF) met.";
    let found = spans(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].name(text), "DaP CF");
    assert_eq!(found[1].defines, Some(0));
    // Letters out of order, or a person before: no definition.
    let text = "The Northern Grain Council (NCG) met.";
    assert_eq!(spans(text)[1].defines, None);
    let text = "Later Minister Ivan Korvel (IK) spoke.";
    assert!(spans(text).iter().all(|s| s.defines.is_none()));
}

#[test]
fn a_name_before_an_inner_title_never_ends_on_a_connector() {
    let text = "She painted it from notes by Varlow for the Major Arcana, in six months.";
    assert!(
        names(text).iter().all(|n| !n.ends_with(" the")),
        "{:?}",
        names(text)
    );
    let text = "On Monday, US House Speaker Dalia Vornhelm landed.";
    assert!(names(text).contains(&"Dalia Vornhelm"), "{:?}", names(text));
}
