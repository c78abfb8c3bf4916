//! `book.toml`: the site's settings, read strictly.
//!
//! Keys that mean what they mean in mdBook use mdBook's names (`[book] title`,
//! `[build] build-dir`, `[output.html] site-url`); Dossier's own settings live
//! under `[dossier]`. Unknown keys and wrong types are errors naming the key and
//! its line, so a typo never silently does nothing.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{line_column, Diagnostic};
use crate::model::settings::{ExtractSettings, IngestSettings};

/// The file as written. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct BookToml {
    book: BookSection,
    build: BuildSection,
    output: OutputSection,
    dossier: DossierSection,
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct BookSection {
    title: String,
    authors: Vec<String>,
    description: String,
    language: String,
    src: PathBuf,
}

impl Default for BookSection {
    fn default() -> Self {
        BookSection {
            title: "Dossier".into(),
            authors: Vec::new(),
            description: String::new(),
            language: "en".into(),
            src: PathBuf::from("seeds"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct BuildSection {
    build_dir: PathBuf,
}

impl Default for BuildSection {
    fn default() -> Self {
        BuildSection {
            build_dir: PathBuf::from("book"),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct OutputSection {
    html: HtmlSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct HtmlSection {
    site_url: Option<String>,
    cname: Option<String>,
}

/// Which mentions of an entity in a briefing's body become links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkMentions {
    #[default]
    FirstPerSection,
    FirstPerBriefing,
    Every,
}

/// How the site carries `kb.json`, the whole knowledge base as data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KbJsonOutput {
    /// `kb.json`, as it is.
    #[default]
    Plain,
    /// `kb.json.gz` instead: about a tenth of the size.
    Gzip,
    /// Left out of the site.
    None,
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct DossierSection {
    link_mentions: LinkMentions,
    confidence_threshold: f64,
    builtin_topics: bool,
    rename_topics: std::collections::BTreeMap<String, String>,
    page_size: usize,
    feed_size: usize,
    sentences_per_briefing: usize,
    allow_raw_html: bool,
    kb_json: KbJsonOutput,
    date: Option<String>,
    max_file_size_mb: u64,
    max_output_size_mb: u64,
}

/// The largest source file read, in megabytes, unless `book.toml` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE_MB: u64 = 64;

/// The largest site written, in megabytes, unless `book.toml` says otherwise:
/// well over the 2.4 GB of a 100,000-briefing corpus, well under the tens of
/// gigabytes a briefing that multiplies its pages could ask for.
pub const DEFAULT_MAX_OUTPUT_SIZE_MB: u64 = 8192;

impl Default for DossierSection {
    fn default() -> Self {
        DossierSection {
            link_mentions: LinkMentions::default(),
            confidence_threshold: 1.0,
            builtin_topics: true,
            rename_topics: Default::default(),
            page_size: 50,
            feed_size: 50,
            sentences_per_briefing: 1,
            allow_raw_html: false,
            kb_json: KbJsonOutput::Plain,
            date: None,
            max_file_size_mb: DEFAULT_MAX_FILE_SIZE_MB,
            max_output_size_mb: DEFAULT_MAX_OUTPUT_SIZE_MB,
        }
    }
}

/// The validated settings every later stage reads.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder that holds `book.toml`; other paths are relative to it.
    pub root: PathBuf,
    pub title: String,
    pub authors: Vec<String>,
    pub description: String,
    pub language: String,
    pub seeds_dir: PathBuf,
    pub build_dir: PathBuf,
    /// Absolute base URL without a trailing slash, when configured.
    pub site_url: Option<String>,
    pub cname: Option<String>,
    pub link_mentions: LinkMentions,
    pub confidence_threshold: f64,
    pub builtin_topics: bool,
    pub rename_topics: std::collections::BTreeMap<String, String>,
    pub page_size: usize,
    pub feed_size: usize,
    /// Sentences shown per briefing under an entity's "Mentioned in"; none
    /// with 0, which makes a large site's entity pages much smaller.
    pub sentences_per_briefing: usize,
    pub allow_raw_html: bool,
    pub kb_json: KbJsonOutput,
    /// The `updated` date for site-wide feeds; by default the newest briefing's.
    pub build_date: Option<String>,
    pub include_drafts: bool,
    /// The largest source file read, in bytes; a larger one is an error.
    pub max_file_size: u64,
    /// The largest site written, in bytes; a build projected or grown past
    /// it is refused.
    pub max_output_size: u64,
}

/// The settings file, in the site folder.
pub const FILE_NAME: &str = "book.toml";

impl Config {
    /// The settings of a site with no `book.toml` at all.
    pub fn defaults(root: &Path) -> Config {
        resolve(root, BookToml::default())
    }

    /// The site's `book.toml` (which need not exist).
    pub fn file(&self) -> PathBuf {
        self.root.join(FILE_NAME)
    }

    /// The site's templates, each overriding the built-in one of its name.
    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// The site's static files, copied into the output as they are.
    pub fn static_dir(&self) -> PathBuf {
        self.root.join("static")
    }

    /// What ingest reads of the settings.
    pub fn ingest_settings(&self) -> IngestSettings<'_> {
        IngestSettings {
            root: &self.root,
            seeds_dir: &self.seeds_dir,
            include_drafts: self.include_drafts,
            max_file_size: self.max_file_size,
        }
    }

    /// What extraction reads of the settings.
    pub fn extract_settings(&self) -> ExtractSettings<'_> {
        ExtractSettings {
            confidence_threshold: self.confidence_threshold as f32,
            builtin_topics: self.builtin_topics,
            rename_topics: &self.rename_topics,
        }
    }

    /// Every folder a build reads: the seeds, the templates and the static
    /// files (with [`Config::file`], all of a site's sources).
    pub fn source_folders(&self) -> [PathBuf; 3] {
        [
            self.seeds_dir.clone(),
            self.templates_dir(),
            self.static_dir(),
        ]
    }
}

/// Fails, with what to do, when `root` is not a folder.
pub fn check_root(root: &Path) -> Result<(), Diagnostic> {
    if root.is_dir() {
        return Ok(());
    }
    Err(Diagnostic::error(
        root.to_path_buf(),
        "the site folder does not exist or is not a folder",
    )
    .help("pass an existing folder with --root, or run `dossier init DIR` to create one"))
}

/// Reads `root/book.toml`, or returns the defaults when there is none.
pub fn load(root: &Path) -> Result<Config, Diagnostic> {
    let path = root.join(FILE_NAME);
    check_root(root)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(root, &path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::defaults(root)),
        Err(e) => Err(Diagnostic::error(
            path,
            format!("failed to read book.toml: {e}"),
        )),
    }
}

/// Parses the text of a `book.toml` found at `path`.
pub fn parse(root: &Path, path: &Path, text: &str) -> Result<Config, Diagnostic> {
    let raw: BookToml = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
    let config = resolve(root, raw);
    validate(&config).map_err(|message| Diagnostic::error(path.to_path_buf(), message))?;
    Ok(config)
}

/// Turns a toml error into a diagnostic with the line and column of the key.
pub fn toml_error(path: &Path, text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim().to_string();
    let diagnostic = Diagnostic::error(path.to_path_buf(), message);
    let diagnostic = match error.span() {
        Some(span) => {
            let (line, column) = line_column(text, span.start);
            diagnostic.at(line, Some(column))
        }
        None => diagnostic,
    };
    diagnostic
        .help("see docs/configuration.md in the Dossier repository for every key and its type")
}

fn resolve(root: &Path, raw: BookToml) -> Config {
    Config {
        root: root.to_path_buf(),
        title: raw.book.title,
        authors: raw.book.authors,
        description: raw.book.description,
        language: raw.book.language,
        seeds_dir: root.join(raw.book.src),
        build_dir: root.join(raw.build.build_dir),
        site_url: raw
            .output
            .html
            .site_url
            .map(|url| url.trim_end_matches('/').to_string()),
        cname: raw.output.html.cname,
        link_mentions: raw.dossier.link_mentions,
        confidence_threshold: raw.dossier.confidence_threshold,
        builtin_topics: raw.dossier.builtin_topics,
        rename_topics: raw.dossier.rename_topics,
        page_size: raw.dossier.page_size,
        feed_size: raw.dossier.feed_size,
        sentences_per_briefing: raw.dossier.sentences_per_briefing,
        allow_raw_html: raw.dossier.allow_raw_html,
        kb_json: raw.dossier.kb_json,
        build_date: raw.dossier.date,
        include_drafts: false,
        max_file_size: raw.dossier.max_file_size_mb.saturating_mul(1024 * 1024),
        max_output_size: raw.dossier.max_output_size_mb.saturating_mul(1_000_000),
    }
}

fn validate(config: &Config) -> Result<(), String> {
    if config.page_size == 0 {
        return Err("`dossier.page-size` must be at least 1".into());
    }
    if config.feed_size == 0 {
        return Err("`dossier.feed-size` must be at least 1".into());
    }
    if let Some(url) = &config.site_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!(
                "`output.html.site-url` must start with http:// or https://, not `{url}`"
            ));
        }
    }
    if !config.confidence_threshold.is_finite() || config.confidence_threshold < 0.0 {
        return Err(format!(
            "`dossier.confidence-threshold` must be a number of 0 or more, not {}",
            config.confidence_threshold
        ));
    }
    if config.max_file_size == 0 {
        return Err("`dossier.max-file-size-mb` must be at least 1".into());
    }
    if config.max_output_size == 0 {
        return Err("`dossier.max-output-size-mb` must be at least 1".into());
    }
    if let Some(cname) = &config.cname {
        if cname.trim().is_empty()
            || cname.contains(|c: char| c.is_whitespace() || c.is_control() || c == '/')
        {
            return Err(format!(
                "`output.html.cname` must be one domain name, such as kb.example.org, not {cname:?}"
            ));
        }
    }
    if let Some(date) = &config.build_date {
        crate::model::date::parse_date(date).map_err(|e| format!("`dossier.date`: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, Diagnostic> {
        parse(Path::new("site"), Path::new("site/book.toml"), text)
    }

    #[test]
    fn empty_file_gives_defaults() {
        let config = parse_str("").unwrap();
        assert_eq!(config.title, "Dossier");
        assert_eq!(config.build_dir, Path::new("site/book"));
        assert_eq!(config.seeds_dir, Path::new("site/seeds"));
    }

    #[test]
    fn mdbook_keys_are_read() {
        let config = parse_str(
            "[book]\ntitle = \"T\"\n[build]\nbuild-dir = \"out\"\n[output.html]\nsite-url = \"https://x.io/r/\"\ncname = \"kb.example.org\"\n",
        )
        .unwrap();
        assert_eq!(config.title, "T");
        assert_eq!(config.build_dir, Path::new("site/out"));
        assert_eq!(config.site_url.as_deref(), Some("https://x.io/r"));
        assert_eq!(config.cname.as_deref(), Some("kb.example.org"));
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let error = parse_str("[book]\ntitle = \"T\"\ntitel = \"x\"\n").unwrap_err();
        assert!(error.message.contains("titel"), "{error}");
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn wrong_type_names_line() {
        let error = parse_str("[dossier]\npage-size = \"ten\"\n").unwrap_err();
        assert_eq!(error.line, Some(2), "{error}");
    }

    #[test]
    fn odd_numbers_and_names_are_refused() {
        for text in [
            "[dossier]\nconfidence-threshold = nan\n",
            "[dossier]\nconfidence-threshold = -inf\n",
            "[dossier]\nconfidence-threshold = inf\n",
            "[dossier]\nmax-file-size-mb = 0\n",
            "[output.html]\ncname = \"kb.example.org\\nevil.example\"\n",
            "[output.html]\ncname = \"\"\n",
        ] {
            assert!(parse_str(text).is_err(), "{text} is refused");
        }
        let config = parse_str("[dossier]\nmax-file-size-mb = 2\n").unwrap();
        assert_eq!(config.max_file_size, 2 * 1024 * 1024);
    }

    #[test]
    fn sentences_per_briefing_may_be_zero_but_page_size_may_not() {
        let config = parse_str("[dossier]\nsentences-per-briefing = 0\n").unwrap();
        assert_eq!(config.sentences_per_briefing, 0);
        let error = parse_str("[dossier]\npage-size = 0\n").unwrap_err();
        assert!(error.message.contains("page-size"), "{error}");
    }
}
