//! The typed, borrowed views that templates receive. Each page kind has its
//! own context struct; templates never see the knowledge base itself.

use serde::Serialize;

/// Site-wide values every page needs.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    /// The way back to the site root from this page (`""`, `"../"`).
    pub root: String,
    pub site_url: Option<&'a str>,
    /// How many preview shards there are (`previews/N.js`).
    pub preview_shards: usize,
    /// `kb.json`, `kb.json.gz`, or none (the `kb-json` setting).
    pub data_file: Option<&'static str>,
}

/// Per-page values for the base layout.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub path: String,
    pub description: String,
    pub canonical: Option<String>,
    /// Which top-level section the page belongs to, for the navigation.
    pub section: &'static str,
    /// JSON-LD, already serialised and safe to put in a script element.
    pub json_ld: String,
    pub feed: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub kind: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefingLink<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: Option<String>,
    pub date_long: Option<String>,
    pub summary: Option<&'a str>,
    /// The first authors, then "and N more" ([`super::byline`]).
    pub authors: Vec<std::borrow::Cow<'a, str>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindGroup<'a> {
    pub kind: &'static str,
    pub label: &'static str,
    pub entities: Vec<EntityLink<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TocItem<'a> {
    pub level: u8,
    pub text: &'a str,
    pub anchor: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageNumber>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct BriefingView<'a> {
    pub title: &'a str,
    pub date: Option<String>,
    pub date_long: Option<String>,
    pub authors: Vec<EntityLink<'a>>,
    pub series: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub source: &'a str,
    /// The link to the copy of the original document (PDF, saved web page).
    pub original: Option<String>,
    pub sample: bool,
    pub body: String,
    pub toc: Vec<TocItem<'a>>,
}

/// One sentence around a mention, split so the mention can be highlighted.
#[derive(Debug)]
pub struct Snippet<'a> {
    pub before: &'a str,
    pub mark: &'a str,
    pub after: &'a str,
    pub url: String,
}

#[derive(Debug)]
pub struct MentionEntry<'a> {
    pub briefing: BriefingLink<'a>,
    pub snippets: Vec<Snippet<'a>>,
    pub count: usize,
}

#[derive(Debug)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug)]
pub struct Timeline {
    pub bars: Vec<Bar>,
    pub width: f32,
    pub height: f32,
    pub first: String,
    pub last: String,
    pub unit: &'static str,
}

#[derive(Debug)]
pub struct GraphNode<'a> {
    pub name: &'a str,
    pub url: String,
    pub kind: &'static str,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub count: usize,
    /// Its community in the corpus graph (none in a neighbourhood).
    pub cluster: Option<usize>,
    /// Where its label is drawn; without one, the label shows on hover.
    pub label: Option<crate::render::labels::Placement>,
}

#[derive(Debug)]
pub struct GraphEdge {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub weight: f32,
}

#[derive(Debug)]
pub struct Graph<'a> {
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<GraphNode<'a>>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Serialize)]
pub struct EntityView<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub aliases: Vec<&'a str>,
    pub role: Option<&'a str>,
    pub description: Option<String>,
    pub wikidata: Option<&'a str>,
    pub mention_count: usize,
    pub briefing_count: usize,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub feed: String,
}

#[derive(Debug, Serialize)]
pub struct TopicView<'a> {
    pub name: &'a str,
    pub description: Option<String>,
    pub briefing_count: usize,
    pub feed: String,
}

#[derive(Debug, Serialize)]
pub struct HomeContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub recent: Vec<BriefingLink<'a>>,
    pub groups: Vec<KindGroup<'a>>,
    pub topics: Vec<TopicLink<'a>>,
    pub briefing_count: usize,
    pub entity_count: usize,
}

#[derive(Debug, Serialize)]
pub struct BriefingContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub briefing: BriefingView<'a>,
    /// Entities mentioned, grouped by kind, as HTML (see `render::fragments`).
    pub groups: String,
    /// Topic chips, as HTML.
    pub topics: String,
    /// Related briefings, as HTML.
    pub related: String,
}

#[derive(Debug, Serialize)]
pub struct BriefingListContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    /// The briefings of this page, as HTML.
    pub briefings: String,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct EntityContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub entity: EntityView<'a>,
    /// The "Mentioned in" list, as HTML (see `render::fragments`).
    pub mentions: String,
    pub pagination: Pagination,
    /// The timeline of mentions as SVG, when the briefings have dates.
    pub timeline: Option<String>,
    /// Co-mentioned entities as chips, as HTML.
    pub co_mentions: String,
    /// Topic chips, as HTML.
    pub topics: String,
    /// Briefings the entity wrote, as HTML.
    pub authored: String,
    /// The neighbourhood graph as SVG.
    pub neighbourhood: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EntityIndexContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    /// Every type, linking to where it starts in the paginated index.
    pub kinds: Vec<KindJump>,
    /// The types and entities on this page.
    pub groups: Vec<KindGroup<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindJump {
    pub kind: &'static str,
    pub label: &'static str,
    pub count: usize,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct TopicContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub topic: TopicView<'a>,
    /// The briefings of this page, as HTML.
    pub briefings: String,
    pub pagination: Pagination,
    /// The most associated entities as chips, as HTML.
    pub entities: String,
}

#[derive(Debug, Serialize)]
pub struct TopicIndexContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub topics: Vec<TopicLink<'a>>,
}

#[derive(Debug, Serialize)]
pub struct AuthorIndexContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    pub authors: Vec<EntityLink<'a>>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct GraphContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    /// The corpus graph as SVG.
    pub graph: String,
    pub shown: usize,
    pub total: usize,
    /// The entity types in the graph, for its type filter.
    pub kinds: Vec<KindCount>,
    /// The graph's most mentioned entity's count, the top of its slider.
    pub most: usize,
    /// The graph's communities, largest first: its key and its link list.
    pub clusters: Vec<ClusterView<'a>>,
}

/// An entity type and how many of something's entities have it.
#[derive(Debug, Serialize)]
pub struct KindCount {
    pub kind: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct ClusterView<'a> {
    /// 1, 2, … by size.
    pub number: usize,
    /// Its colour class (`c0`…), for the coloured communities.
    pub colour: Option<String>,
    /// Its entities, the most mentioned first.
    pub members: Vec<EntityLink<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NotFoundContext<'a> {
    pub site: SiteView<'a>,
    pub page: PageView,
    /// The absolute base path the 404 page uses, since it is served at any depth.
    pub base: String,
}

#[derive(Debug, Serialize)]
pub struct FeedEntry<'a> {
    pub title: &'a str,
    pub url: String,
    pub id: String,
    pub updated: String,
    pub summary: Option<&'a str>,
    pub authors: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct FeedContext<'a> {
    pub title: String,
    pub id: String,
    pub self_url: String,
    pub site_url: String,
    pub updated: String,
    pub entries: Vec<FeedEntry<'a>>,
}
