//! Reading the site's sources: briefings (`.md`, `.txt`, saved web pages
//! `.html`/`.htm`, see [`formats`]) and curated notes
//! (`entities/*.md`, `topics/*.md`) under the seeds folder, walked in sorted
//! order so every later stage sees them in the same order on every machine.
//!
//! This is one of the two stages that touch the file system; it returns owned
//! values and a list of problems, and never stops at the first bad file.

mod byline;
pub mod decode;
pub mod extracted;
pub mod formats;
pub mod frontmatter;
pub mod head;
pub mod html;
mod letterspace;
mod masthead;
pub mod pdf;
pub mod plaintext;
pub mod walk;
mod web_chrome;
pub mod written_date;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{slash_path, Diagnostic};
use crate::model::date::{self, Date};
use crate::model::settings::IngestSettings;
use crate::model::sources::{Briefing, EntityNote, TopicNote};
use crate::paths::{slugify, SlugAllocator};
use decode::{decode_owned, is_forbidden, read_bytes};
use extracted::{Extracted, SourceInfo};
use formats::Format;
use frontmatter::{BriefingMeta, EntityMeta, TopicMeta};

/// Everything read from the seeds folder.
#[derive(Debug, Default)]
pub struct Sources {
    pub briefings: Vec<Briefing>,
    pub entity_notes: Vec<EntityNote>,
    pub topic_notes: Vec<TopicNote>,
    /// Running headers and footers found across the `.txt` briefings.
    pub running_labels: BTreeSet<String>,
    pub problems: Vec<Diagnostic>,
}

/// A file found under seeds/, read and decoded (Markdown, text), or read
/// by its format's reader (documents).
struct SourceFile {
    path: PathBuf,
    relative: String,
    text: String,
    document: Option<(Format, Extracted)>,
}

enum Kind {
    Briefing,
    EntityNote,
    TopicNote,
}

/// Walks the seeds folder and reads every source in it.
pub fn ingest(settings: IngestSettings) -> Sources {
    let (seeds_dir, include_drafts) = (settings.seeds_dir, settings.include_drafts);
    let mut problems = Vec::new();
    let paths = walk::walk(settings, &mut problems);
    let files: Vec<Result<(Kind, SourceFile), Diagnostic>> = paths
        .into_par_iter()
        .map(|(kind, path)| read(settings, path).map(|f| (kind, f)))
        .collect();
    let mut briefing_files = Vec::new();
    let (mut entity_notes, mut topic_notes) = (Vec::new(), Vec::new());
    for file in files {
        match file {
            Ok((Kind::Briefing, file)) => briefing_files.push(file),
            Ok((Kind::EntityNote, file)) => {
                push_or_report(entity_note(&file), &mut entity_notes, &mut problems)
            }
            Ok((Kind::TopicNote, file)) => {
                push_or_report(topic_note(&file), &mut topic_notes, &mut problems)
            }
            Err(problem) => problems.push(problem),
        }
    }
    report_shared_names(seeds_dir, &entity_notes, &mut problems);
    let running_labels = plain_labels(&briefing_files);
    let briefings = parse_briefings(
        briefing_files,
        &running_labels,
        include_drafts,
        &mut problems,
    );
    Sources {
        briefings,
        entity_notes,
        topic_notes,
        running_labels,
        problems,
    }
}

/// The running labels of the `.txt` files among `files`.
fn plain_labels(files: &[SourceFile]) -> BTreeSet<String> {
    plaintext::running_labels(
        files
            .iter()
            .filter(|f| f.relative.ends_with(".txt"))
            .map(|f| f.text.as_str()),
    )
}

/// The running labels of the `.txt` briefings at `paths` as they are now, as
/// [`ingest`] would find them (files that cannot be read are left out, as
/// ingest leaves them out).
pub fn running_labels_of<'p>(
    settings: IngestSettings,
    paths: impl Iterator<Item = &'p Path>,
) -> BTreeSet<String> {
    let files: Vec<SourceFile> = paths
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
        .filter_map(|p| read(settings, p.to_path_buf()).ok())
        .collect();
    plain_labels(&files)
}

/// Warns when two entity notes claim one written form, as name or alias:
/// extraction gives its mentions to the first note in file order, while a
/// placeholder link with that text may go to the note that bears the name.
fn report_shared_names(seeds_dir: &Path, notes: &[EntityNote], problems: &mut Vec<Diagnostic>) {
    let mut claims: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for (index, note) in notes.iter().enumerate() {
        let forms = std::iter::once((&note.name, "the name"))
            .chain(note.aliases.iter().map(|alias| (alias, "an alias")));
        for (form, role) in forms {
            let key = form
                .replace('’', "'")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            match claims.get(&key) {
                Some(&(first, _)) if first == index => {}
                Some(&(first, first_role)) => problems.push(
                    Diagnostic::warning(
                        seeds_dir.join(&note.source),
                        format!(
                            "`{form}` is {role} here and {first_role} in `{}`",
                            notes[first].source
                        ),
                    )
                    .help("give each name to one entity note only, so every mention of it goes to one page"),
                ),
                None => {
                    claims.insert(key, (index, role));
                }
            }
        }
    }
}

fn push_or_report<T>(
    result: Result<T, Diagnostic>,
    items: &mut Vec<T>,
    problems: &mut Vec<Diagnostic>,
) {
    match result {
        Ok(item) => items.push(item),
        Err(problem) => problems.push(problem),
    }
}

/// Reads a file: a document through its format's reader, any other file
/// decoded as text: UTF-8 (with or without a byte-order mark) or UTF-16 with
/// a byte-order mark; CRLF becomes LF. A file larger than `max_file_size` is
/// refused before it is read, and so is a text file whose first bytes show
/// it is binary.
fn read(settings: IngestSettings, path: PathBuf) -> Result<SourceFile, Diagnostic> {
    let format = Format::of(&path).filter(|f| f.is_document());
    let bytes = read_bytes(&path, settings.max_file_size, format.is_none())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::error(path, "the file is empty")
            .help("write a briefing in it, or delete it"));
    }
    let (text, document) = match format {
        Some(format) => {
            let extracted = formats::read_document(&path, format, &bytes)?;
            (String::new(), Some((format, extracted)))
        }
        None => {
            let text = decode_owned(bytes).map_err(|problem| problem.into_diagnostic(&path))?;
            if text.trim().is_empty() {
                return Err(Diagnostic::error(path, "the file is empty")
                    .help("write a briefing in it, or delete it"));
            }
            (text, None)
        }
    };
    // Shown on the briefing's page: a control character in a file name must
    // not reach the output either.
    let relative = slash_path(path.strip_prefix(settings.seeds_dir).unwrap_or(&path))
        .replace(is_forbidden, "\u{fffd}");
    Ok(SourceFile {
        path,
        relative,
        text,
        document,
    })
}

/// Reads one briefing again after an edit, as [`ingest`] would with these
/// running labels: its metadata and body, and the slug its front matter asks
/// for. The slug is left unsettled: settling needs every other briefing.
pub fn reread_briefing(
    settings: IngestSettings,
    path: &Path,
    running_labels: &BTreeSet<String>,
) -> Result<Briefing, Vec<Diagnostic>> {
    let file = read(settings, path.to_path_buf()).map_err(|e| vec![e])?;
    parse_briefing(&file, running_labels)
}

/// Parses every briefing, then settles slugs in source order.
fn parse_briefings(
    files: Vec<SourceFile>,
    labels: &BTreeSet<String>,
    include_drafts: bool,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Briefing> {
    let parsed: Vec<Result<Briefing, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|file| parse_briefing(file, labels))
        .collect();
    problems.extend(files.iter().flat_map(document_warnings));
    problems.extend(files.iter().flat_map(foreign_key_warnings));
    let mut slugs = SlugAllocator::default();
    let mut briefings = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(mut briefing) => {
                let wanted = slugify(briefing.slug_asked.as_deref().unwrap_or(&briefing.title));
                briefing.slug = slugs.claim(wanted);
                if include_drafts || !briefing.draft {
                    briefings.push(briefing);
                }
            }
            Err(found) => problems.extend(found),
        }
    }
    briefings
}

/// What a format reader noticed in a document, as warnings naming the file.
fn document_warnings(file: &SourceFile) -> impl Iterator<Item = Diagnostic> + '_ {
    let warnings = file.document.iter().flat_map(|(_, d)| &d.warnings);
    warnings.map(|warning| Diagnostic::warning(file.path.clone(), warning.clone()))
}

/// A warning for each front matter key of another tool's that was skipped.
fn foreign_key_warnings(file: &SourceFile) -> Vec<Diagnostic> {
    if file.document.is_some() || file.relative.ends_with(".txt") {
        return Vec::new();
    }
    let Ok(split) = frontmatter::split(&file.text) else {
        return Vec::new();
    };
    let Some((frontmatter::Format::Yaml, text)) = split.front_matter else {
        return Vec::new();
    };
    let known = frontmatter::BRIEFING_KEYS
        .map(|k| format!("`{k}`"))
        .join(", ");
    frontmatter::foreign_keys(text)
        .into_iter()
        .map(|(line, key)| {
            Diagnostic::warning(
                file.path.clone(),
                format!("the front matter key `{key}` is not one Dossier reads; it was skipped"),
            )
            .at(split.front_matter_line + line, Some(1))
            .help(format!(
                "briefings read {known}; move data of your own under `extra` to silence this"
            ))
        })
        .collect()
}

fn parse_briefing(
    file: &SourceFile,
    labels: &BTreeSet<String>,
) -> Result<Briefing, Vec<Diagnostic>> {
    if let Some((format, extracted)) = &file.document {
        return document_briefing(file, *format, extracted).map_err(|e| vec![e]);
    }
    if file.relative.ends_with(".txt") {
        return Ok(plain_briefing(file, labels));
    }
    let split = frontmatter::split(&file.text)
        .map_err(|message| vec![Diagnostic::error(file.path.clone(), message).at(1, Some(1))])?;
    let meta: BriefingMeta = match split.front_matter {
        Some((format, text)) => {
            let text = match format {
                frontmatter::Format::Yaml => frontmatter::without_foreign_keys(text),
                frontmatter::Format::Toml => text.into(),
            };
            frontmatter::parse_every_error(&file.path, format, &text, split.front_matter_line)?
        }
        None => BriefingMeta::default(),
    };
    // Without authors in the front matter, a byline under the first heading.
    let byline = meta
        .authors
        .is_none()
        .then(|| opening_byline(split.body))
        .flatten();
    // The front matter's parser has checked the date.
    let date = match meta.date.as_ref().map(frontmatter::DateValue::parse) {
        Some(date) => date.ok(),
        None => date_from_file_name(&file.relative)
            .or_else(|| byline.as_ref().and_then(|(_, date)| *date)),
    };
    let title = clean_line(meta.title.as_deref().unwrap_or(""))
        .or_else(|| first_heading(split.body))
        .unwrap_or_else(|| file_stem_title(&file.relative));
    Ok(Briefing {
        source: file.relative.clone(),
        slug: slugify(""),
        slug_asked: meta.slug,
        title,
        date,
        authors: match meta.authors {
            Some(authors) => clean_list(authors.into_vec()),
            None => byline.map(|(names, _)| names).unwrap_or_default(),
        },
        series: meta.series.as_deref().and_then(clean_line),
        topics: meta
            .topics
            .map(|t| clean_list(t.into_vec()))
            .unwrap_or_default(),
        summary: meta.summary.as_deref().and_then(clean_line),
        draft: meta.draft,
        sample: meta.sample,
        body: split.body.to_string(),
        original: None,
    })
}

/// A briefing from what a format reader found in a document: the file name
/// stands in for a missing title, as for plain text, and the original is
/// copied into the site.
fn document_briefing(
    file: &SourceFile,
    format: Format,
    extracted: &Extracted,
) -> Result<Briefing, Diagnostic> {
    let date = match extracted.date.as_deref() {
        Some(text) => Some(date::parse_date(text).map_err(|message| {
            Diagnostic::error(
                file.path.clone(),
                format!("internal error: bad date: {message}"),
            )
        })?),
        None => date_from_file_name(&file.relative),
    };
    Ok(Briefing {
        source: file.relative.clone(),
        slug: slugify(""),
        slug_asked: None,
        title: extracted
            .title
            .as_deref()
            .and_then(clean_line)
            .unwrap_or_else(|| file_stem_title(&file.relative)),
        date,
        authors: clean_list(extracted.authors.clone()),
        series: extracted.series.as_deref().and_then(clean_line),
        topics: Vec::new(),
        summary: extracted.summary.as_deref().and_then(clean_line),
        draft: false,
        sample: false,
        body: extracted.text.replace(is_forbidden, ""),
        original: Some(format.name()),
    })
}

fn plain_briefing(file: &SourceFile, labels: &BTreeSet<String>) -> Briefing {
    let plain = plaintext::convert(&file.text, labels);
    Briefing {
        source: file.relative.clone(),
        slug: slugify(""),
        slug_asked: None,
        title: plain
            .title
            .unwrap_or_else(|| file_stem_title(&file.relative)),
        date: date_from_file_name(&file.relative).or(plain.date),
        authors: plain.authors,
        series: plain.series,
        topics: Vec::new(),
        summary: None,
        draft: false,
        sample: false,
        body: plain.body,
        original: None,
    }
}

/// Reads one briefing file as a build would (a `.txt` file with the running
/// labels of the `.txt` files beside it), for `dossier read`.
pub fn read_briefing_file(path: &Path) -> Result<Extracted, Diagnostic> {
    let Some(format) = Format::of(path) else {
        return Err(Diagnostic::error(path.to_path_buf(), "not a briefing")
            .help("dossier reads .md, .txt, .html, .htm and .pdf files"));
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    // The default limits, with the file's own folder as the seeds folder.
    let defaults = Config::defaults(folder);
    let settings = IngestSettings {
        seeds_dir: folder,
        ..defaults.ingest_settings()
    };
    let file = read(settings, path.to_path_buf())?;
    if let Some((_, extracted)) = file.document {
        return Ok(extracted);
    }
    let labels = match format {
        Format::Text => {
            running_labels_of(settings, sibling_files(folder).iter().map(PathBuf::as_path))
        }
        _ => BTreeSet::new(),
    };
    // `dossier read` shows the first problem; a build lists them all.
    let briefing = parse_briefing(&file, &labels).map_err(|mut found| found.remove(0))?;
    Ok(Extracted {
        title: Some(briefing.title),
        authors: briefing.authors,
        date: briefing.date.map(|d| d.to_string()),
        series: briefing.series,
        summary: briefing.summary,
        text: briefing.body.trim_start().to_string(),
        source: SourceInfo {
            format: format.name().into(),
            ..SourceInfo::default()
        },
        warnings: Vec::new(),
    })
}

/// The files in `folder`, in name order (none if it cannot be read).
fn sibling_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// `2021-02-22-sochi.md` → 2021-02-22, as Zola and Jekyll date posts.
fn date_from_file_name(relative: &str) -> Option<Date> {
    let name = relative.rsplit('/').next()?;
    date::parse_date(name.get(..10)?).ok()
}

/// One line of text from front matter: whitespace collapsed, and forbidden
/// characters (which YAML and TOML escapes can still produce) dropped.
fn clean_line(text: &str) -> Option<String> {
    let cleaned = text
        .split_whitespace()
        .map(|word| word.replace(is_forbidden, ""))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

fn clean_list(items: Vec<String>) -> Vec<String> {
    items.iter().filter_map(|item| clean_line(item)).collect()
}

/// A byline among the first lines of a Markdown body, after its opening
/// heading (`*By Jane Roe · 8 July 2015*`).
fn opening_byline(body: &str) -> Option<(Vec<String>, Option<Date>)> {
    let opening: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .take(3)
        .collect();
    let (names, date) = opening
        .iter()
        .take(2)
        .find_map(|line| head::body_byline(line))?;
    // `*Published 9 July 2024*` on a line of its own under the byline.
    let date = date.or_else(|| {
        opening
            .iter()
            .map(|line| line.trim_matches(['*', '_']))
            .filter(|line| line.split_whitespace().count() <= 6)
            .find_map(written_date::find_date)
    });
    Some((names, date))
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .find_map(|line| {
            line.strip_prefix('#')
                .map(|rest| rest.trim_start_matches('#'))
        })
        .and_then(clean_line)
}

fn file_stem_title(relative: &str) -> String {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    // A leading date is the briefing's date, not part of its title.
    let stem = match date_from_file_name(relative) {
        Some(_) => stem.get(10..).unwrap_or(stem),
        None => stem,
    };
    clean_line(&stem.replace(['-', '_'], " ")).unwrap_or_else(|| "Untitled".into())
}

fn note_parts<T: for<'de> serde::Deserialize<'de>>(
    file: &SourceFile,
) -> Result<(T, String), Diagnostic> {
    let split = frontmatter::split(&file.text)
        .map_err(|message| Diagnostic::error(file.path.clone(), message).at(1, Some(1)))?;
    let Some((format, text)) = split.front_matter else {
        return Err(Diagnostic::error(
            file.path.clone(),
            "a note needs front matter with at least a `name`",
        )
        .at(1, Some(1))
        .help("start the file with a `---` line, `name: …`, and another `---` line"));
    };
    let meta = frontmatter::parse(&file.path, format, text, split.front_matter_line)?;
    Ok((meta, split.body.trim().to_string()))
}

fn entity_note(file: &SourceFile) -> Result<EntityNote, Diagnostic> {
    let (meta, description): (EntityMeta, String) = note_parts(file)?;
    Ok(EntityNote {
        source: file.relative.clone(),
        name: clean_line(&meta.name).unwrap_or_default(),
        kind: meta.kind,
        aliases: clean_list(meta.aliases),
        role: meta.role.as_deref().and_then(clean_line),
        wikidata: meta.wikidata.as_deref().and_then(clean_line),
        description,
    })
}

fn topic_note(file: &SourceFile) -> Result<TopicNote, Diagnostic> {
    let (meta, description): (TopicMeta, String) = note_parts(file)?;
    Ok(TopicNote {
        source: file.relative.clone(),
        name: clean_line(&meta.name).unwrap_or_default(),
        keywords: clean_list(meta.keywords),
        entities: clean_list(meta.entities),
        near: meta.near,
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_under_the_heading_gives_authors_and_date() {
        let body = "# Title\n\n*By Ana Ruiz and Tomás de la Peña · 22 Oct 2024*\n\nText.\n";
        let (names, date) = opening_byline(body).unwrap();
        assert_eq!(names, ["Ana Ruiz", "Tomás de la Peña"]);
        assert_eq!(date.unwrap().to_string(), "2024-10-22");
        let prose = "# Title\n\nThe minister met Ana Ruiz on 22 Oct 2024 in the capital.\n";
        assert_eq!(opening_byline(prose), None, "a sentence is no byline");
        let dated_below = "# Title\n\nBy Ana Ruiz\n\n*Published 3 May 2023*\n\nText.\n";
        let (names, date) = opening_byline(dated_below).unwrap();
        assert_eq!(names, ["Ana Ruiz"]);
        assert_eq!(date.unwrap().to_string(), "2023-05-03");
    }

    #[test]
    fn titles_fall_back_to_heading_then_file_name() {
        assert_eq!(
            first_heading("text\n## Real Title\n"),
            Some("Real Title".into())
        );
        assert_eq!(file_stem_title("2021/zapad-notes_v2.md"), "zapad notes v2");
        assert_eq!(file_stem_title("2021/2021-09-10-zapad.txt"), "zapad");
    }
}
