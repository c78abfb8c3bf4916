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
