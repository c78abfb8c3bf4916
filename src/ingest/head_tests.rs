//! Tests of the head reader: titles, bylines and dates of messy text.

use super::*;

#[test]
fn a_sentence_is_never_the_title() {
    let lines = [
        "Menu",
        "",
        "Paragraph one names the talks and goes on.",
        "",
        "More.",
    ];
    let head = read_head(&lines);
    assert_eq!(head.title, None, "a sentence would be lost from the body");
    let lines = ["Grain Exports Resume.", "", "The ships left on Monday."];
    assert_eq!(
        read_head(&lines).title.as_deref(),
        Some("Grain Exports Resume.")
    );
}

#[test]
fn a_masthead_stands_alone_and_a_sentence_with_a_number_does_not() {
    let head = read_head(&["BULLETIN No. 85", "", "Grain Exports Resume", ""]);
    assert!(head.taken.contains(&0), "{head:?}");
    let lines = ["Rounds were held in Minsk", "No. 5 was the", "last.", ""];
    assert!(!read_head(&lines).taken.contains(&1));
    let lines = ["Rounds were held in Minsk", "Nr 0 aa’s", "Other words.", ""];
    assert!(!read_head(&lines).taken.contains(&1));
}

#[test]
fn a_headline_wrapped_after_a_comma_is_one_title() {
    let lines = [
        "NORTHERN GRID WATCH",
        "",
        "Frozen Grids, Shifting Alliances: Tallinn,",
        "Riga and the EU's Conditionality Test",
        "",
        "Authors: Mari Tamm, Janis Ozols",
        "",
        "For more than three years the Commission has withheld the bulk of",
        "the money, and the stand-off has become a central issue.",
    ];
    assert_eq!(
        read_head(&lines).title.as_deref(),
        Some("Frozen Grids, Shifting Alliances: Tallinn, Riga and the EU's Conditionality Test")
    );
}

#[test]
fn a_series_of_several_words_numbered_last_is_no_title() {
    let lines = [
        "NORTHERN GRID WATCH",
        "Power Markets Brief 07",
        "June 30, 2025",
        "",
        "Wind, Coal and Cables: Estonia and Latvia",
        "Rethink Their Power Futures",
        "",
    ];
    assert_eq!(
        read_head(&lines).title.as_deref(),
        Some("Wind, Coal and Cables: Estonia and Latvia Rethink Their Power Futures")
    );
    assert!(!super::super::masthead::is_series_band(
        "The Defence Paper 2030 and Its Critics"
    ));
}

#[test]
fn a_capitals_cover_line_over_a_series_band_is_no_title() {
    let lines = [
        "DELTA BASIN CONFLICT MONITOR",
        "No. 12 | 09.07.2025          www.example.org",
        "",
        "A Truce Without Terms? The Harbour Accord",
        "and the Fighting in the North",
        "",
    ];
    let head = read_head(&lines);
    assert_eq!(
        head.title.as_deref(),
        Some("A Truce Without Terms? The Harbour Accord and the Fighting in the North")
    );
    let wrapped = [
        "A Year of Near Misses: What the Votes",
        "Tell Us About Europe's Political Centre",
        "",
    ];
    assert_eq!(
        read_head(&wrapped).title.as_deref(),
        Some("A Year of Near Misses: What the Votes Tell Us About Europe's Political Centre")
    );
    // A capitals title over its subtitle is no cover line.
    assert!(!is_cover_caps(
        &["THE LONG WINTER", "", "Why the Grid Fails"],
        0
    ));
}

#[test]
fn a_hash_numbered_band_is_no_title_and_a_wrapped_question_title_gets_no_colon() {
    let lines = [
        "HARBOUR INSTITUTE FOR TRADE",
        "TRADE POLICY NOTE #14 | May 2025",
        "",
        "Ports and Quotas:",
        "Shipping Rules in the Baltic",
        "",
        "The rules changed in May, and the ports followed them.",
    ];
    let head = read_head(&lines);
    assert_eq!(
        head.title.as_deref(),
        Some("Ports and Quotas: Shipping Rules in the Baltic")
    );
    let lines = [
        "A Quiet Border? The Grain",
        "Corridor and the Price of Bread",
        "",
        "Prices rose in May, and the corridor stayed open.",
    ];
    assert_eq!(
        read_head(&lines).title.as_deref(),
        Some("A Quiet Border? The Grain Corridor and the Price of Bread")
    );
}

#[test]
fn a_co_author_line_adds_its_author() {
    let lines = [
        "Ports and Quotas",
        "",
        "Author: Jana Novak",
        "Co-author: Piotr Wisniewski",
        "",
        "The rules changed in May, and the ports followed them.",
    ];
    assert_eq!(
        read_head(&lines).authors,
        ["Jana Novak", "Piotr Wisniewski"]
    );
}
