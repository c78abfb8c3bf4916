//! Front matter: YAML between `---` lines or TOML between `+++` lines, parsed
//! strictly into one typed struct, with errors pointing at the line in the file.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{line_column, Diagnostic};
use crate::model::date::{parse_date, Date};

/// The front matter formats Dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// A file split into its front matter and its body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: Option<(Format, &'a str)>,
    /// 1-based line of the first front matter line (after the fence).
    pub front_matter_line: usize,
    pub body: &'a str,
}

/// Splits off front matter; a fence that is never closed is an error.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    // The opening fence may carry trailing blanks, as editors leave them.
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let (format, fence) = match text[..first_end].trim_end() {
        "---" => (Format::Yaml, "---"),
        "+++" => (Format::Toml, "+++"),
        _ => {
            return Ok(Split {
                front_matter: None,
                front_matter_line: 0,
                body: text,
            })
        }
    };
    let after_open = &text[first_end..];
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (format == Format::Yaml && bare == "...") {
            let body = &after_open[offset + line.len()..];
            return Ok(Split {
                front_matter: Some((format, &after_open[..offset])),
                front_matter_line: 2,
                body,
            });
        }
        offset += line.len();
    }
    Err(format!(
        "the front matter opened with `{fence}` on line 1 is never closed; add a line with `{fence}` after the last key"
    ))
}

/// Keys a briefing's front matter may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct BriefingMeta {
    pub title: Option<String>,
    pub date: Option<DateValue>,
    #[serde(alias = "author")]
    pub authors: Option<OneOrMany>,
    pub series: Option<String>,
    #[serde(alias = "tags")]
    pub topics: Option<OneOrMany>,
    pub summary: Option<String>,
    pub draft: bool,
    pub sample: bool,
    #[serde(deserialize_with = "slug_with_text")]
    pub slug: Option<String>,
    /// Free-form data for custom templates; Dossier itself ignores it.
    pub extra: Option<serde::de::IgnoredAny>,
}

/// A `slug` with letters or digits to make a page name from.
fn slug_with_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let slug = String::deserialize(deserializer)?;
    if crate::paths::has_slug_text(&slug) {
        return Ok(Some(slug));
    }
    Err(serde::de::Error::custom(format!(
        "the slug {slug:?} has no letters or digits to make a page name from; write one such \
         as `zapad-2021`, or remove the key to use the title"
    )))
}

/// Keys of an entity note (`seeds/entities/*.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EntityMeta {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: crate::model::EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub wikidata: Option<String>,
}

/// Keys of a topic note (`seeds/topics/*.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TopicMeta {
    pub name: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Entity names whose mention puts a briefing under this topic.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Pairs of words that count when they stand within ten words of each other.
    #[serde(default)]
    pub near: Vec<[String; 2]>,
}

/// A date as YAML (a string) or TOML (a native date) writes it.
#[derive(Debug)]
pub enum DateValue {
    Text(String),
    Toml(toml::value::Datetime),
}

// Written out rather than `#[serde(untagged)]`: an untagged enum buffers the
// value, so errors lose their line ("data did not match any variant of
// untagged enum DateValue" at the front matter's first line).
impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DateValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written as YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateValue, E> {
                checked(DateValue::Text(text.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DateValue, A::Error> {
                let map = serde::de::value::MapAccessDeserializer::new(map);
                checked(toml::value::Datetime::deserialize(map).map(DateValue::Toml)?)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A date that is one, or an error at its line and column.
fn checked<E: serde::de::Error>(value: DateValue) -> Result<DateValue, E> {
    match value.parse() {
        Ok(_) => Ok(value),
        Err(message) => Err(E::custom(format!("bad date: {message}"))),
    }
}

impl DateValue {
    pub fn parse(&self) -> Result<Date, String> {
        match self {
            DateValue::Text(text) => parse_date(text).or_else(|error| {
                // `December 9, 2025` or `09.12.2025`, as other tools let
                // people write it: a date alone, in any form a page prints.
                let alone = text.split_whitespace().count() <= 4;
                alone
                    .then(|| super::written_date::find_date(text))
                    .flatten()
                    .ok_or(error)
            }),
            DateValue::Toml(datetime) => parse_date(&datetime.to_string()),
        }
    }
}

/// A value written either as one string or as a list of strings.
#[derive(Debug)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

// Written out for the same reason as `DateValue`: errors keep their line.
impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(text.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

/// Parses front matter text of the given format into `T`, pointing errors at
/// the line in the whole file (front matter starts on `first_line`).
pub fn parse<T: for<'de> Deserialize<'de>>(
    path: &Path,
    format: Format,
    text: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let located = Locator { path, first_line };
    match format {
        Format::Yaml => {
            if let Some(line) = yaml_too_deep(text) {
                return Err(located
                    .error(
                        format!(
                            "the YAML front matter is nested more than {MAX_DEPTH} levels deep"
                        ),
                        Some((line, 1)),
                    )
                    .help(
                        "flatten the value on this line; front matter holds a few levels at most",
                    ));
            }
            let source = if text.trim().is_empty() { "{}" } else { text };
            serde_yaml_ng::from_str(source).map_err(|e| located.yaml(&e, 0))
        }
        Format::Toml => toml::from_str(text).map_err(|e| {
            let place = e.span().map(|span| line_column(text, span.start));
            located.error(
                format!("invalid TOML front matter: {}", e.message().trim()),
                place,
            )
        }),
    }
}

/// The keys [`BriefingMeta`] reads, as written in front matter.
pub const BRIEFING_KEYS: [&str; 12] = [
    "title", "date", "author", "authors", "series", "tags", "topics", "summary", "draft", "sample",
    "slug", "extra",
];

/// The top-level keys of YAML front matter that no briefing reads and that
/// are no misspelling of one: what other tools write (`layout`,
/// `categories`, `description`), skipped with a warning. A misspelt key
/// (`titel`) stays an error. Each with its 0-based line in `text`.
pub fn foreign_keys(text: &str) -> Vec<(usize, &str)> {
    top_level_keys(text)
        .into_iter()
        .filter_map(|(line, entry)| {
            let (key, _) = entry.split_once(':')?;
            let key = key.trim().trim_matches(['"', '\'']);
            let foreign = !key.is_empty()
                && !BRIEFING_KEYS
                    .iter()
                    .any(|known| *known == key || misspells(key, known));
            foreign.then_some((line, key))
        })
        .collect()
}

/// Whether `key` reads as a slip of the pen for `known`: one letter added,
/// dropped or changed, two letters swapped, or two edits in a long key.
fn misspells(key: &str, known: &str) -> bool {
    let distance = crate::extract::romanise::edit_distance(key, known);
    let mut sorted_key: Vec<char> = key.chars().collect();
    let mut sorted_known: Vec<char> = known.chars().collect();
    sorted_key.sort_unstable();
    sorted_known.sort_unstable();
    distance <= 1 || (distance == 2 && (sorted_key == sorted_known || known.len() >= 7))
}

/// YAML front matter without the entries of its foreign keys, each line of
/// them left blank so that errors keep their lines.
pub fn without_foreign_keys(text: &str) -> std::borrow::Cow<'_, str> {
    let foreign: Vec<usize> = foreign_keys(text)
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    if foreign.is_empty() {
        return text.into();
    }
    let mut kept = String::with_capacity(text.len());
    let mut skipping = false;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if starts_key(line) {
            skipping = foreign.contains(&number);
        }
        if skipping {
            kept.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            kept.push_str(line);
        }
    }
    kept.into()
}

/// Like [`parse`], for a `T` whose every key may be left out, but reports
/// every key of YAML front matter that is wrong, not only the first: each
/// top-level key is read on its own once the whole fails.
pub fn parse_every_error<T: for<'de> Deserialize<'de>>(
    path: &Path,
    format: Format,
    text: &str,
    first_line: usize,
) -> Result<T, Vec<Diagnostic>> {
    let whole = parse(path, format, text, first_line).map_err(|e| vec![e]);
    let syntax_ok = || serde_yaml_ng::from_str::<serde_yaml_ng::Value>(text).is_ok();
    if whole.is_ok() || format != Format::Yaml || yaml_too_deep(text).is_some() || !syntax_ok() {
        return whole;
    }
    let located = Locator { path, first_line };
    let problems: Vec<Diagnostic> = top_level_keys(text)
        .into_iter()
        .filter_map(|(start, entry)| {
            let error = serde_yaml_ng::from_str::<T>(entry).err()?;
            Some(located.yaml(&error, start))
        })
        .collect();
    // A problem only the whole shows (a key given twice) is reported as it is.
    if problems.is_empty() {
        whole
    } else {
        Err(problems)
    }
}

/// Turns parser errors into diagnostics at the line in the whole file.
struct Locator<'a> {
    path: &'a Path,
    first_line: usize,
}

impl Locator<'_> {
    fn error(&self, message: String, place: Option<(usize, usize)>) -> Diagnostic {
        let diagnostic = Diagnostic::error(self.path.to_path_buf(), message)
            .help("fix the front matter; docs/briefings.md in the Dossier repository lists every key and its type");
        match place {
            Some((line, column)) => diagnostic.at(line + self.first_line - 1, Some(column)),
            None => diagnostic,
        }
    }

    /// A YAML error in text that starts `skipped` lines into the front matter.
    /// A string or bracket left open is reported where it opens, not where
    /// the parser gave up (the next key's line, or past the closing fence).
    fn yaml(&self, error: &serde_yaml_ng::Error, skipped: usize) -> Diagnostic {
        let full = error.to_string();
        let problem = strip_location(&full);
        let (message, place) = match opened_at(&full) {
            Some((what, place)) => (
                format!("{problem}: the {what} opened here is not closed"),
                Some(place),
            ),
            None => (problem, error.location().map(|l| (l.line(), l.column()))),
        };
        let place = place.map(|(line, column)| (line + skipped, column));
        self.error(format!("invalid YAML front matter: {message}"), place)
    }
}

/// For a YAML error about a string or bracket left open, what it is and the
/// line and column where it opens (from libyaml's ", while scanning a quoted
/// scalar at line A column B").
fn opened_at(message: &str) -> Option<(&'static str, (usize, usize))> {
    let (_, context) = message.split_once(", while ")?;
    let what = if context.contains("quoted scalar") {
        "quoted string"
    } else if context.contains("flow sequence") {
        "list in `[`"
    } else if context.contains("flow mapping") {
        "map in `{`"
    } else {
        return None;
    };
    let (_, at) = context.rsplit_once(" at line ")?;
    let (line, column) = at.split_once(" column ")?;
    Some((
        what,
        (line.trim().parse().ok()?, column.trim().parse().ok()?),
    ))
}

/// The top-level keys of block-style YAML, each with the lines under it and
/// the number of lines before it.
fn top_level_keys(text: &str) -> Vec<(usize, &str)> {
    let mut keys: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if starts_key(line) {
            keys.push((number, offset));
        }
        offset += line.len();
    }
    let ends = keys.iter().skip(1).map(|&(_, at)| at).chain([text.len()]);
    keys.iter()
        .zip(ends)
        .map(|(&(number, start), end)| (number, &text[start..end]))
        .collect()
}

/// Whether a line of block-style YAML opens a top-level key.
fn starts_key(line: &str) -> bool {
    !line.starts_with([' ', '\t', '#', '-', '\n', '\r'])
}

/// The deepest nesting YAML front matter may have. The YAML parser takes
/// time that grows with the square of the depth (100,000 levels in 200 KB
/// took minutes), so deeper text is refused before it is parsed.
pub const MAX_DEPTH: usize = 64;

/// The 1-based line (within `text`) where YAML nesting first goes deeper
/// than [`MAX_DEPTH`], if it does. Counts block levels by indentation and by
/// the `- `, `? ` and `: ` that open a level on one line, and flow levels by
/// `[` and `{` outside quotes and comments; an upper bound, which is enough.
fn yaml_too_deep(text: &str) -> Option<usize> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<char> = None;
    for (number, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if quote.is_none() && flow == 0 && !content.is_empty() && !content.starts_with('#') {
            while indents.last().is_some_and(|&open| open >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut compact = 0;
        let mut previous = ' ';
        for c in content.chars() {
            match (quote, c) {
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') if " \t[{,:".contains(previous) => quote = Some(c),
                (None, '#') if previous == ' ' || previous == '\t' => break,
                (None, '[' | '{') => flow += 1,
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, ' ') if matches!(previous, '-' | '?' | ':') => compact += 1,
                _ => {}
            }
            if indents.len() + compact + flow > MAX_DEPTH {
                return Some(number + 1);
            }
            previous = c;
        }
    }
    None
}

/// serde_yaml appends "at line X column Y"; we report the file line ourselves.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The 1-based line of the first line in `front_matter` that sets `key`.
pub fn key_line(front_matter: &str, key: &str, first_line: usize) -> Option<usize> {
    front_matter
        .lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map(|i| i + first_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_toml() {
        let yaml = split("---\ntitle: A\n---\nbody\n").unwrap();
        assert_eq!(yaml.front_matter, Some((Format::Yaml, "title: A\n")));
        assert_eq!(yaml.body, "body\n");
        let toml = split("+++\ntitle = \"A\"\n+++\n").unwrap();
        assert_eq!(toml.front_matter, Some((Format::Toml, "title = \"A\"\n")));
        let none = split("# Title\n").unwrap();
        assert_eq!(none.front_matter, None);
    }

    #[test]
    fn fences_may_carry_trailing_blanks() {
        let yaml = split("--- \ntitle: A\n---\t\nbody\n").unwrap();
        assert_eq!(yaml.front_matter, Some((Format::Yaml, "title: A\n")));
        assert_eq!(yaml.body, "body\n");
        let rule = split("----\ntext\n").unwrap();
        assert_eq!(rule.front_matter, None, "a longer rule is not a fence");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split("---\ntitle: A\nbody\n")
            .unwrap_err()
            .contains("never closed"));
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let error =
            parse::<BriefingMeta>(Path::new("a.md"), Format::Yaml, "title: A\ntitel: B\n", 2)
                .unwrap_err();
        assert!(error.message.contains("titel"), "{error}");
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn deep_yaml_is_refused_at_its_line() {
        let flow = format!("title: A\nextra: {}{}\n", "[".repeat(100), "]".repeat(100));
        let compact = format!("title: A\nextra:\n  {}x\n", "- ".repeat(100));
        for (text, line) in [(flow, 3), (compact, 4)] {
            let error =
                parse::<BriefingMeta>(Path::new("a.md"), Format::Yaml, &text, 2).unwrap_err();
            assert!(error.message.contains("nested"), "{error}");
            assert_eq!(error.line, Some(line));
        }
        let fine = "title: \"it's [not] {deep}\"\nextra: {a: [1, [2, {b: c}]]}\n";
        assert!(yaml_too_deep(fine).is_none());
        assert!(yaml_too_deep(&"a:\n b:\n  c:\n".repeat(10)).is_none());
    }

    #[test]
    fn toml_native_dates_are_read() {
        let meta: BriefingMeta = parse(
            Path::new("a.md"),
            Format::Toml,
            "date = 2021-02-22\nauthors = \"X\"\n",
            2,
        )
        .unwrap();
        assert_eq!(
            meta.date.unwrap().parse().unwrap().to_string(),
            "2021-02-22"
        );
        assert_eq!(meta.authors.unwrap().into_vec(), vec!["X"]);
    }

    #[test]
    fn wrong_type_is_an_error_with_line() {
        let error = parse::<BriefingMeta>(
            Path::new("a.md"),
            Format::Yaml,
            "title: A\ndraft: maybe\n",
            2,
        )
        .unwrap_err();
        assert_eq!(error.line, Some(3), "{error}");
    }
}
