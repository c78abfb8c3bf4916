//! Machine-readable outputs: Atom feeds, the sitemap, robots.txt, `kb.json`
//! (the knowledge base for researchers and other tools) and the generated
//! highlighting stylesheet.

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::views::{FeedContext, FeedEntry};
use super::Renderer;
use crate::config::KbJsonOutput;
use crate::diagnostics::Diagnostic;
use crate::kb::{BriefingEntry, KnowledgeBase};
use crate::model::page::Page;
use crate::paths::{self, Slug};

impl<'a> Renderer<'a> {
    /// An Atom feed of `briefings` (newest first), for the page at `page_path`.
    pub(super) fn feed(
        &self,
        title: &str,
        path: &str,
        page_path: &str,
        briefings: &[usize],
    ) -> Result<Page, Diagnostic> {
        let config = &self.kb.config;
        let url = |p: &str| match &config.site_url {
            Some(site) => paths::absolute_url(site, p),
            None => format!("{}{p}", paths::path_to_root(path)),
        };
        let updated = |b: usize| self.kb.briefings[b].briefing.date;
        let newest = briefings.iter().filter_map(|&b| updated(b)).max();
        let fallback = config
            .build_date
            .clone()
            .unwrap_or_else(|| "1970-01-01".into());
        let entries = briefings
            .iter()
            .take(config.feed_size)
            .map(|&b| {
                let briefing = &self.kb.briefings[b].briefing;
                FeedEntry {
                    title: &briefing.title,
                    url: url(&paths::briefing_page(&briefing.slug)),
                    id: format!("urn:dossier:briefing:{}", briefing.slug),
                    updated: briefing
                        .date
                        .map(|d| d.rfc3339())
                        .unwrap_or_else(|| format!("{fallback}T00:00:00Z")),
                    summary: briefing.summary.as_deref(),
                    authors: briefing
                        .authors
                        .iter()
                        .take(super::BYLINE_AUTHORS)
                        .map(String::as_str)
                        .collect(),
                }
            })
            .collect();
        let context = FeedContext {
            title: title.to_string(),
            id: format!("urn:dossier:feed:{}", path.trim_end_matches(".xml")),
            self_url: url(path),
            site_url: url(page_path),
            updated: newest
                .map(|d| d.rfc3339())
                .unwrap_or_else(|| format!("{fallback}T00:00:00Z")),
            entries,
        };
        self.page("atom.xml", path.to_string(), &context)
    }

    pub(super) fn site_feed(&self) -> Result<Page, Diagnostic> {
        self.feed(
            &self.kb.config.title,
            "feed.xml",
            "index.html",
            &self.kb.by_date,
        )
    }

    /// Files that need no template: data, sitemap, robots, styles.
    pub(super) fn data_files(&self) -> Result<Vec<Page>, Diagnostic> {
        let mut pages = vec![
            Page {
                path: "robots.txt".into(),
                bytes: self.robots().into_bytes(),
            },
            Page {
                path: "static/highlight.css".into(),
                bytes: super::highlight::stylesheet().into_bytes(),
            },
            Page {
                path: ".nojekyll".into(),
                bytes: Vec::new(),
            },
        ];
        if let Some(sitemap) = self.sitemap() {
            pages.push(Page {
                path: "sitemap.xml".into(),
                bytes: sitemap.into_bytes(),
            });
        }
        if let Some(cname) = &self.kb.config.cname {
            pages.push(Page {
                path: "CNAME".into(),
                bytes: format!("{}\n", cname.trim()).into_bytes(),
            });
        }
        Ok(pages)
    }

    fn robots(&self) -> String {
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if let Some(site) = &self.kb.config.site_url {
            robots.push_str(&format!(
                "Sitemap: {}\n",
                paths::absolute_url(site, "sitemap.xml")
            ));
        }
        robots
    }

    /// The sitemap needs absolute URLs, so it exists only with a `site-url`.
    fn sitemap(&self) -> Option<String> {
        let site = self.kb.config.site_url.as_deref()?;
        let mut paths: Vec<String> = vec![
            "index.html".into(),
            "briefings/index.html".into(),
            "entities/index.html".into(),
            "topics/index.html".into(),
            "authors/index.html".into(),
            "graph.html".into(),
        ];
        paths.extend(
            self.kb
                .briefings
                .iter()
                .map(|b| paths::briefing_page(&b.briefing.slug)),
        );
        paths.extend(self.kb.entities.iter().map(|e| paths::entity_page(&e.slug)));
        paths.extend(self.kb.topics.iter().map(|t| paths::topic_page(&t.slug)));
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for path in paths {
            let url = super::body::escape_html(&paths::absolute_url(site, &path));
            xml.push_str(&format!("  <url><loc>{url}</loc></url>\n"));
        }
        xml.push_str("</urlset>\n");
        Some(xml)
    }
}

/// `kb.json`: compact, one record per line, so it stays small on a large
/// site and still diffs and greps line by line. Each record's line is kept,
/// so after a change only the changed records are serialised again.
pub struct KbJson {
    briefings: Vec<Vec<u8>>,
    entities: Vec<Vec<u8>>,
    topics: Vec<Vec<u8>>,
}

impl KbJson {
    pub fn new(kb: &KnowledgeBase) -> Result<KbJson, Diagnostic> {
        Ok(KbJson {
            briefings: lines(kb.briefings.len(), |b| briefing_line(kb, b))?,
            entities: lines(kb.entities.len(), |e| entity_line(kb, e))?,
            topics: lines(kb.topics.len(), |t| topic_line(kb, t))?,
        })
    }

    /// The whole file.
    pub fn page(&self) -> Page {
        let size: usize = [&self.briefings, &self.entities, &self.topics]
            .iter()
            .flat_map(|lines| lines.iter().map(|line| line.len() + 2))
            .sum();
        let bytes = file_of(
            size + 64,
            kept(&self.briefings),
            kept(&self.entities),
            kept(&self.topics),
        )
        .expect("kept lines are already serialised");
        Page {
            path: "kb.json".into(),
            bytes,
        }
    }

    /// The whole file, each record serialised straight into it and no line
    /// kept: for a build that will not be patched, so the file is in memory
    /// once, not twice.
    pub fn page_once(kb: &KnowledgeBase) -> Result<Page, Diagnostic> {
        let bytes = file_of(
            kb.briefings.len() * 2048,
            (0..kb.briefings.len()).map(|b| briefing_line(kb, b)),
            (0..kb.entities.len()).map(|e| entity_line(kb, e)),
            (0..kb.topics.len()).map(|t| topic_line(kb, t)),
        )?;
        Ok(Page {
            path: "kb.json".into(),
            bytes,
        })
    }

    /// Serialises again the records of these entities, briefings and
    /// topics, and gives the whole file. The records keep their places:
    /// no record was added or removed.
    pub fn update(
        &mut self,
        kb: &KnowledgeBase,
        entities: &[usize],
        briefings: &[usize],
        topics: &[usize],
    ) -> Result<Page, Diagnostic> {
        for &e in entities {
            self.entities[e] = entity_line(kb, e)?;
        }
        for &b in briefings {
            self.briefings[b] = briefing_line(kb, b)?;
        }
        for &t in topics {
            self.topics[t] = topic_line(kb, t)?;
        }
        Ok(self.page())
    }
}

/// `kb.json` as the site carries it: as it is, gzipped into `kb.json.gz`
/// (deterministic: no name or time in the gzip header), or not at all.
pub fn published_kb_json(page: Page, how: KbJsonOutput) -> Result<Option<Page>, Diagnostic> {
    match how {
        KbJsonOutput::Plain => Ok(Some(page)),
        KbJsonOutput::None => Ok(None),
        KbJsonOutput::Gzip => {
            let mut gzip = flate2::write::GzEncoder::new(
                Vec::with_capacity(page.bytes.len() / 8),
                flate2::Compression::default(),
            );
            gzip.write_all(&page.bytes)
                .and_then(|()| gzip.finish())
                .map(|bytes| {
                    Some(Page {
                        path: KB_JSON_GZ.into(),
                        bytes,
                    })
                })
                .map_err(|e| {
                    Diagnostic::error(None, format!("internal error compressing kb.json: {e}"))
                })
        }
    }
}

/// The path of the gzipped knowledge base, with `kb-json = "gzip"`.
pub const KB_JSON_GZ: &str = "kb.json.gz";

/// The site's data file, as pages link it, if it has one.
pub fn kb_json_path(how: KbJsonOutput) -> Option<&'static str> {
    match how {
        KbJsonOutput::Plain => Some("kb.json"),
        KbJsonOutput::Gzip => Some(KB_JSON_GZ),
        KbJsonOutput::None => None,
    }
}

/// Records `0..count` serialised by `line`, in parallel.
fn lines(
    count: usize,
    line: impl Fn(usize) -> Result<Vec<u8>, Diagnostic> + Sync + Send,
) -> Result<Vec<Vec<u8>>, Diagnostic> {
    (0..count).into_par_iter().map(line).collect()
}

fn briefing_line(kb: &KnowledgeBase, index: usize) -> Result<Vec<u8>, Diagnostic> {
    let entry = &kb.briefings[index];
    let b = &entry.briefing;
    json_line(&BriefingJson {
        slug: &b.slug,
        title: &b.title,
        date: b.date.map(|d| d.to_string()),
        authors: &b.authors,
        series: b.series.as_deref(),
        source: &b.source,
        topics: entry.topics.iter().map(|&t| &kb.topics[t].slug).collect(),
        mentions: surface_counts(entry, kb),
    })
}

fn entity_line(kb: &KnowledgeBase, index: usize) -> Result<Vec<u8>, Diagnostic> {
    let e = &kb.entities[index];
    json_line(&EntityJson {
        slug: &e.slug,
        name: &e.name,
        kind: e.kind.as_str(),
        aliases: e.aliases.iter().map(String::as_str).collect(),
        mentions: e.mention_count,
        briefings: briefing_slugs(kb, &e.briefings),
    })
}

fn topic_line(kb: &KnowledgeBase, index: usize) -> Result<Vec<u8>, Diagnostic> {
    let t = &kb.topics[index];
    json_line(&TopicJson {
        slug: &t.slug,
        name: &t.name,
        briefings: briefing_slugs(kb, &t.briefings),
    })
}

fn briefing_slugs<'k>(kb: &'k KnowledgeBase, briefings: &[usize]) -> Vec<&'k Slug> {
    briefings
        .iter()
        .map(|&b| &kb.briefings[b].briefing.slug)
        .collect()
}

/// One record as compact JSON.
fn json_line<T: Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    serde_json::to_vec(value)
        .map_err(|e| Diagnostic::error(None, format!("internal error writing kb.json: {e}")))
}

/// Appends `"key":[` and then the records, one per line.
/// Kept lines, as `file_of` takes them.
fn kept(lines: &[Vec<u8>]) -> impl Iterator<Item = Result<&[u8], Diagnostic>> {
    lines.iter().map(|line| Ok(line.as_slice()))
}

/// `kb.json` from its records' lines, in the order given.
fn file_of<B, E, T>(
    capacity: usize,
    briefings: impl Iterator<Item = Result<B, Diagnostic>>,
    entities: impl Iterator<Item = Result<E, Diagnostic>>,
    topics: impl Iterator<Item = Result<T, Diagnostic>>,
) -> Result<Vec<u8>, Diagnostic>
where
    B: AsRef<[u8]>,
    E: AsRef<[u8]>,
    T: AsRef<[u8]>,
{
    let mut out = Vec::with_capacity(capacity);
    out.extend_from_slice(b"{");
    json_lines(&mut out, "briefings", briefings)?;
    out.extend_from_slice(b",");
    json_lines(&mut out, "entities", entities)?;
    out.extend_from_slice(b",");
    json_lines(&mut out, "topics", topics)?;
    out.extend_from_slice(b"}\n");
    Ok(out)
}

/// Appends `"key":[` and then one record's line per line.
fn json_lines<L: AsRef<[u8]>>(
    out: &mut Vec<u8>,
    key: &str,
    lines: impl Iterator<Item = Result<L, Diagnostic>>,
) -> Result<(), Diagnostic> {
    out.extend_from_slice(format!("\n\"{key}\":[").as_bytes());
    for (n, line) in lines.enumerate() {
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(line?.as_ref());
    }
    out.extend_from_slice(b"\n]");
    Ok(())
}

/// (entity, surface) → count for one briefing, in order of first mention.
fn surface_counts<'k>(entry: &'k BriefingEntry, kb: &'k KnowledgeBase) -> Vec<MentionJson<'k>> {
    let mut counts: Vec<MentionJson> = Vec::new();
    // Where each (entity, form) sits in `counts`: first appearance order,
    // without a scan per mention (a list of 50,000 names has 50,000 forms).
    let mut position: rustc_hash::FxHashMap<(u32, &str), usize> = Default::default();
    for m in &entry.mentions {
        let block = &entry.doc.blocks[m.block as usize].text;
        let surface = &block[m.start as usize..m.end as usize];
        match position.entry((m.entity, surface)) {
            std::collections::hash_map::Entry::Occupied(at) => counts[*at.get()].count += 1,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(counts.len());
                counts.push(MentionJson {
                    entity: &kb.entities[m.entity as usize].slug,
                    surface,
                    count: 1,
                });
            }
        }
    }
    counts
}

#[derive(Serialize)]
struct BriefingJson<'a> {
    slug: &'a Slug,
    title: &'a str,
    date: Option<String>,
    authors: &'a [String],
    series: Option<&'a str>,
    source: &'a str,
    topics: Vec<&'a Slug>,
    mentions: Vec<MentionJson<'a>>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    entity: &'a Slug,
    surface: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    slug: &'a Slug,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    aliases: Vec<&'a str>,
    mentions: usize,
    briefings: Vec<&'a Slug>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    slug: &'a Slug,
    name: &'a str,
    briefings: Vec<&'a Slug>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing;

    #[test]
    fn updated_kb_json_is_as_serialised_from_scratch() {
        let mut kb = testing::sample_kb();
        let mut kb_json = KbJson::new(&kb).unwrap();
        let before = [kb_json.page()];
        let touched = testing::edit_mentions(&mut kb);
        let returned = kb_json
            .update(&kb, &touched.entities, &touched.briefings, &touched.topics)
            .unwrap();
        let after = [KbJson::new(&kb).unwrap().page()];
        testing::assert_patched(&before, &[returned], &after);
    }
}
