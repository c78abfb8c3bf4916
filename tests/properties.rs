//! Properties of the functions that see raw input first: slugs, front matter
//! splitting, plain-text conversion and byte decoding. Each holds for any
//! input, not just the examples in the unit tests.

use std::collections::BTreeSet;

use proptest::prelude::*;

use dossier::ingest::decode::decode;
use dossier::ingest::frontmatter::{self, Format};
use dossier::ingest::plaintext;
use dossier::paths::slugify;

/// Every name Windows refuses as a file name, whatever the extension
/// (learn.microsoft.com: "Naming Files, Paths, and Namespaces").
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// What no decoded text may hold: controls other than tab and line feed, and
/// noncharacters (XML 1.0 forbids them; HTML counts them as parse errors).
fn forbidden(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// The characters a reader sees, in order.
fn visible(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !forbidden(c))
        .collect()
}

/// Line breaks of every kind: CRLF, CR, LF, vertical tab, form feed, NEL.
fn line_breaks(text: &str) -> usize {
    let text = text.replace("\r\n", "\n");
    text.matches(['\r', '\n', '\u{b}', '\u{c}', '\u{85}'])
        .count()
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`, without a regex crate.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Any text at all. (`any::<String>()` alone never yields control characters.)
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect()),
    ]
}

/// Text that looks like what people name things: words from several scripts,
/// punctuation, path pieces and reserved names.
fn name_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z0-9]{1,12}",
        "[ĄąĆćĘęŁłŃńÓóŚśŹźŻżÄäÖöÜüßЀ-ӿ]{1,8}",
        "[一-龥]{1,4}",
        Just("../".to_string()),
        Just("/".to_string()),
        Just("..".to_string()),
        Just(".md".to_string()),
        Just("-".to_string()),
        Just("’s".to_string()),
        "(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9]|index|page)",
        "[ \t\n.,;:!?()\\[\\]{}<>\"'`~@#$%^&*_+=|\\\\-]{1,3}",
        "[\u{1F300}-\u{1F5FF}\u{0300}-\u{036F}\u{200B}-\u{200F}]{1,2}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

proptest! {
    // No regression files: a failure prints its minimal input; add it below
    // as an example test.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn slugs_are_safe_short_and_stable(text in prop_oneof![any_text(), name_like()]) {
        let slug = slugify(&text);
        let s = slug.as_str();
        prop_assert!(is_slug(s), "{text:?} → {s:?}");
        prop_assert!(s.len() <= 80, "{text:?} → {s:?} ({} bytes)", s.len());
        prop_assert!(!WINDOWS_RESERVED.contains(&s), "{text:?} → reserved {s:?}");
        let again = slugify(s);
        prop_assert_eq!(again.as_str(), s, "not idempotent for {:?}", text);
    }

    #[test]
    fn reserved_names_never_come_out(
        text in "[ ./_-]{0,2}(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9]|index|page)(\\.[a-z]{1,4})?[ ./_-]{0,2}"
    ) {
        let slug = slugify(&text);
        let stem = slug.as_str().split('.').next().unwrap();
        prop_assert!(!WINDOWS_RESERVED.contains(&stem), "{:?} → {}", text, slug);
        prop_assert!(is_slug(slug.as_str()));
    }

    #[test]
    fn splitting_front_matter_never_panics_and_loses_nothing(text in front_matter_like()) {
        let Ok(split) = frontmatter::split(&text) else {
            // Only an opening fence (trailing blanks allowed) that is never
            // closed is an error.
            let first = text.lines().next().unwrap_or("").trim_end();
            prop_assert!(first == "---" || first == "+++", "{:?}", text);
            return Ok(());
        };
        let Some((format, front_matter)) = split.front_matter else {
            prop_assert_eq!(split.body, text.as_str());
            return Ok(());
        };
        let fence = match format {
            Format::Yaml => "---",
            Format::Toml => "+++",
        };
        prop_assert_eq!(split.front_matter_line, 2);
        prop_assert!(text.ends_with(split.body));
        let head = &text[..text.len() - split.body.len()];
        // The opening line: the fence, maybe with trailing blanks.
        let opening = &head[..head.find('\n').map_or(head.len(), |i| i + 1)];
        prop_assert_eq!(opening.trim_end(), fence, "{:?}", head);
        let after_open = &head[opening.len()..];
        prop_assert!(after_open.starts_with(front_matter));
        let closing = &after_open[front_matter.len()..];
        // Reassembled: fence line, front matter, closing line, body.
        prop_assert_eq!(format!("{opening}{front_matter}{closing}{}", split.body), text.clone());
        let bare = closing.trim_end();
        prop_assert!(bare == fence || (format == Format::Yaml && bare == "..."), "closing line {:?}", closing);
        prop_assert!(!closing.trim_end_matches('\n').contains('\n'), "closing spans lines: {:?}", closing);
        prop_assert!(front_matter.is_empty() || front_matter.ends_with('\n'));
        // The closing fence is the first line that could close.
        prop_assert!(front_matter.lines().all(|l| l.trim_end() != fence && !(format == Format::Yaml && l.trim_end() == "...")));
    }

    #[test]
    fn plain_text_conversion_never_panics(text in any_text(), more in any_text()) {
        let labels = plaintext::running_labels([text.as_str(), more.as_str(), text.as_str()].into_iter());
        let plain = plaintext::convert(&text, &labels);
        prop_assert!(plain.body.ends_with('\n'));
    }

    #[test]
    fn plain_text_conversion_keeps_every_word(doc in plain_document()) {
        let plain = plaintext::convert(&doc.text, &BTreeSet::new());
        let kept = format!(
            "{} {} {} {}",
            plain.title.as_deref().unwrap_or(""),
            plain.authors.join(" "),
            plain.series.as_deref().unwrap_or(""),
            plain.body
        );
        let mut words: BTreeSet<&str> = kept
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // A wrapped line in capitals that splits a sentence is a running
        // label (issue 13, item 5): its words may go.
        for line in doc.text.lines().filter(|l| !l.chars().any(char::is_lowercase)) {
            words.extend(line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()));
        }
        for paragraph in &doc.paragraphs {
            if !paragraph.chars().any(char::is_lowercase) {
                continue; // an all-caps short line may be a page label
            }
            for word in paragraph.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                prop_assert!(words.contains(word), "`{}` lost from {:?}\n→ {:?}", word, doc.text, plain);
            }
            if let Some(last) = paragraph.strip_suffix('.') {
                let last_word = last.rsplit(' ').next().unwrap();
                prop_assert!(
                    plain.body.contains(&format!("{last_word}."))
                        || plain.title.as_deref().is_some_and(|t| t.ends_with(&format!("{last_word}."))),
                    "sentence end `{}.` lost from {:?}\n→ {:?}", last_word, doc.text, plain
                );
            }
        }
    }

    #[test]
    fn decoding_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), prefix in prop_oneof![
        Just(Vec::new()),
        Just(vec![0xEF, 0xBB, 0xBF]),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0xFE, 0xFF]),
    ]) {
        let input = [prefix.clone(), bytes].concat();
        if let Ok(text) = decode(&input) {
            prop_assert!(!text.contains(|c| c == '\r' || forbidden(c)), "{:?}", text);
            if prefix.is_empty() {
                if let Ok(original) = std::str::from_utf8(&input) {
                    let original = original.strip_prefix('\u{feff}').unwrap_or(original);
                    prop_assert_eq!(visible(&text), visible(original));
                    prop_assert_eq!(line_breaks(&text), line_breaks(original));
                }
            }
        }
    }

    #[test]
    fn decoding_keeps_text_and_lines_and_drops_only_controls(
        chars in prop::collection::vec(prop_oneof![
            4 => any::<char>(),
            1 => prop::sample::select(&['\r', '\n', '\u{b}', '\u{c}', '\u{85}', '\u{0}', '\u{1b}', '\u{7f}', '\u{fffe}', '\u{fdd0}', '\t'][..]),
        ], 0..200)
    ) {
        let text: String = chars.into_iter().collect();
        let has_nul = text.bytes().take(8192).any(|b| b == 0);
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let wide = decode(&utf16).expect("valid UTF-16 decodes");
        // A UTF-8 byte-order mark is dropped; after a UTF-16 one, U+FEFF is text.
        let after_bom = text.strip_prefix('\u{feff}').unwrap_or(&text);
        for (decoded, source) in [(decode(text.as_bytes()), after_bom), (Ok(wide), text.as_str())] {
            let decoded = match decoded {
                Ok(decoded) => decoded,
                Err(problem) => {
                    prop_assert!(has_nul, "{:?}", problem);
                    continue;
                }
            };
            prop_assert!(!decoded.contains(|c| c == '\r' || forbidden(c)), "{:?}", decoded);
            prop_assert_eq!(visible(&decoded), visible(source));
            prop_assert_eq!(line_breaks(&decoded), line_breaks(source));
        }
    }
}

/// Files that start, or almost start, with a fence.
fn front_matter_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("---".to_string()),
        Just("+++".to_string()),
        Just("...".to_string()),
        Just("--- ".to_string()),
        Just("---\t".to_string()),
        Just("+++  ".to_string()),
        Just(" ---".to_string()),
        Just("----".to_string()),
        Just("".to_string()),
        Just("\r".to_string()),
        "[a-z]{1,8}: [A-Za-z ]{0,10}",
        "[a-z]{1,8} = \"[a-z]{0,5}\"",
        any_text(),
    ];
    let start = prop_oneof![
        Just("---"),
        Just("+++"),
        Just(""),
        Just("--"),
        Just("---\r")
    ];
    (start, prop::collection::vec(line, 0..12), any::<bool>()).prop_map(
        |(start, lines, newline)| {
            let mut text = String::from(start);
            for line in lines {
                text.push('\n');
                text.push_str(&line);
            }
            if newline {
                text.push('\n');
            }
            text
        },
    )
}

/// A plain-text document and the paragraphs it was made of.
#[derive(Debug, Clone)]
struct PlainDocument {
    text: String,
    paragraphs: Vec<String>,
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,10}",
        2 => "[A-Z][a-z]{1,9}",
        1 => "[a-ząęłóśżź]{2,8}",
        1 => "[A-Z]{2,5}",
        1 => "[a-z]{2,6}’s",
        1 => "[0-9]{1,4}",
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    let ending =
        prop_oneof![4 => Just("."), 1 => Just("?"), 1 => Just(""), 1 => Just(":"), 1 => Just("!")];
    (prop::collection::vec(word(), 1..40), ending)
        .prop_map(|(words, ending)| format!("{}{ending}", words.join(" ")))
}

/// Paragraphs separated by blank lines, each wrapped at a random width, with
/// stray spaces at line ends as PDF extraction leaves them.
fn plain_document() -> impl Strategy<Value = PlainDocument> {
    (
        prop::collection::vec(paragraph(), 1..12),
        10usize..90,
        any::<bool>(),
    )
        .prop_map(|(paragraphs, width, trailing_spaces)| {
            let mut text = String::new();
            for paragraph in &paragraphs {
                let mut line = String::new();
                for word in paragraph.split(' ') {
                    if !line.is_empty() && line.len() + word.len() > width {
                        text.push_str(&line);
                        text.push_str(if trailing_spaces { " \n" } else { "\n" });
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                }
                text.push_str(&line);
                text.push_str("\n\n");
            }
            PlainDocument { text, paragraphs }
        })
}

#[test]
fn every_reserved_name_is_suffixed() {
    for name in WINDOWS_RESERVED {
        for text in [
            name.to_string(),
            name.to_uppercase(),
            format!("{name}.md"),
            format!(" {name} "),
        ] {
            let slug = slugify(&text);
            assert!(
                !WINDOWS_RESERVED.contains(&slug.as_str()),
                "{text:?} → {slug}"
            );
        }
    }
    assert_eq!(slugify("COM0").as_str(), "com0-1"); // found by slugs_are_safe_short_and_stable
}

/// Found by `plain_text_conversion_keeps_every_word`: a wrapped line that
/// opens with 'Nr 0' was taken for a masthead and lost from the body.
#[test]
fn a_wrapped_line_opening_with_an_issue_number_stays_in_the_body() {
    let text = "źłóżaa a\nAaaaaaa aaaaa aaa\nNr 0 aa’s\naaaaaaa.\n\n";
    let plain = plaintext::convert(text, &BTreeSet::new());
    assert!(plain.body.contains("Nr 0 aa’s"), "{plain:?}");
}

/// Found by `plain_text_conversion_keeps_every_word`: a sentence that names
/// `x` twice was taken for a share bar (X, formerly Twitter) and dropped.
#[test]
fn a_sentence_repeating_a_network_name_is_not_a_share_bar() {
    let text = "A a aa aaaa\nAaaaaaaaa aa\naaaaaa’s aaaaaaaa.\n\na a a a a a x x.\n\n";
    let plain = plaintext::convert(text, &BTreeSet::new());
    assert!(plain.body.contains("a a x x."), "{plain:?}");
}

/// Found by `plain_text_conversion_keeps_every_word`: a line opening with
/// 'BY' in the middle of a wrapped sentence was read as a byline.
#[test]
fn a_line_with_a_sentence_wrapped_through_it_is_no_byline() {
    let text = "aaaa Aaaaaaaaaa\naaaaaaaa aaa’s\naaaaaaa Aaaaa źęaś\nBY Aea Aaaaaaaaa\naaaaaa.\n\n";
    let plain = plaintext::convert(text, &BTreeSet::new());
    assert!(plain.body.contains("BY Aea Aaaaaaaaa"), "{plain:?}");
    assert!(plain.authors.is_empty(), "{plain:?}");
}
