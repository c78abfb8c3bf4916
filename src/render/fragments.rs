//! HTML fragments that pages repeat hundreds of times (the "Mentioned in"
//! list, graphs, timelines), written directly in Rust. They are the hot
//! spots of a large build; templates place them with `| safe`. Every piece
//! of input text goes through [`escape_html`].

use std::fmt::Write;

use super::body::escape_html;
use super::labels::Anchor;
use super::views::{
    BriefingLink, EntityLink, Graph, GraphNode, KindGroup, MentionEntry, Timeline, TopicLink,
};

/// The "Mentioned in" list: each briefing with the sentences around the
/// mentions, the mention highlighted. The title links to the first
/// sentence's paragraph, so that sentence needs no link of its own; any
/// further sentence links to its paragraph. Entries repeat a million times
/// on a large site: the markup is kept to what carries information.
pub fn mention_list(entries: &[MentionEntry]) -> String {
    let mut html = String::with_capacity(entries.len() * 400);
    html.push_str("<ol class=\"mention-list\">");
    for entry in entries {
        let b = &entry.briefing;
        let url = entry.snippets.first().map_or(&b.url, |s| &s.url);
        let _ = write!(
            html,
            "<li><a href=\"{}\">{}</a> <small>",
            escape_html(url),
            escape_html(b.title)
        );
        if let Some(date) = &b.date {
            let _ = write!(html, "<time>{date}</time> · ");
        }
        let noun = if entry.count == 1 {
            "mention"
        } else {
            "mentions"
        };
        let _ = write!(html, "{} {noun}</small>", entry.count);
        for (i, s) in entry.snippets.iter().enumerate() {
            let sentence = format!(
                "{}<mark>{}</mark>{}",
                escape_html(s.before),
                escape_html(s.mark),
                escape_html(s.after)
            );
            if i == 0 {
                let _ = write!(html, "<q>{sentence}</q>");
            } else {
                let _ = write!(
                    html,
                    "<q><a href=\"{}\">{sentence}</a></q>",
                    escape_html(&s.url)
                );
            }
        }
        html.push_str("</li>");
    }
    html.push_str("</ol>");
    html
}

/// A graph as SVG: edges, then nodes as links with a label. A corpus graph
/// (nodes with a community) also carries each node's count (`data-c`) and
/// community colour (`c0`…), and hides the labels it found no room for
/// until their node is hovered or focused.
pub fn graph_svg(graph: &Graph, label: &str) -> String {
    let corpus = graph.nodes.iter().any(|n| n.cluster.is_some());
    let mut svg = String::with_capacity(200 + graph.nodes.len() * 260 + graph.edges.len() * 80);
    let _ = write!(
        svg,
        "<svg class=\"graph{}\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">",
        if corpus { " corpus" } else { "" },
        graph.width,
        graph.height,
        escape_html(label)
    );
    for e in &graph.edges {
        let _ = write!(
            svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"/>",
            e.x1, e.y1, e.x2, e.y2, e.weight
        );
    }
    for n in &graph.nodes {
        push_graph_node(&mut svg, n);
    }
    svg.push_str("</svg>");
    svg
}

/// The communities that get a colour of their own; the rest are grey.
pub const COLOURED_COMMUNITIES: usize = 8;

fn push_graph_node(svg: &mut String, n: &GraphNode) {
    let name = escape_html(n.name);
    let _ = write!(
        svg,
        "<a href=\"{}\" aria-label=\"{name}\"",
        escape_html(&n.url)
    );
    if n.cluster.is_some() {
        let _ = write!(svg, " data-c=\"{}\"", n.count);
    }
    let _ = write!(svg, "><circle class=\"kind-{}", n.kind);
    if let Some(c) = n.cluster.filter(|&c| c < COLOURED_COMMUNITIES) {
        let _ = write!(svg, " c{c}");
    }
    let _ = write!(
        svg,
        "\" cx=\"{}\" cy=\"{}\" r=\"{}\"><title>{name} ({})</title></circle>",
        n.x, n.y, n.r, n.count
    );
    match (n.cluster, n.label) {
        (None, _) => {
            let _ = write!(svg, "<text x=\"{}\" y=\"{}\">", n.x, n.y - n.r - 3.0);
        }
        (Some(_), Some(p)) => {
            let anchor = match p.anchor {
                Anchor::Middle => "",
                Anchor::Start => " text-anchor=\"start\"",
                Anchor::End => " text-anchor=\"end\"",
            };
            let _ = write!(svg, "<text x=\"{}\" y=\"{}\"{anchor}>", p.x, p.y);
        }
        (Some(_), None) => {
            let y = ((n.y - n.r - 3.0) * 10.0).round() / 10.0;
            let _ = write!(svg, "<text class=\"h\" x=\"{}\" y=\"{y}\">", n.x);
        }
    }
    let _ = write!(svg, "{name}</text></a>");
}

/// Mentions over time as bars, with the first and last period below.
pub fn timeline_svg(timeline: &Timeline, name: &str) -> String {
    let mut svg = String::with_capacity(300 + timeline.bars.len() * 120);
    let _ = write!(
        svg,
        "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Briefings mentioning {} per {}, from {} to {}\">",
        timeline.width,
        timeline.height,
        escape_html(name),
        timeline.unit,
        timeline.first,
        timeline.last
    );
    for b in &timeline.bars {
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>",
            b.x, b.y, b.width, b.height, b.label, b.count
        );
    }
    svg.push_str("</svg>");
    if let (Some(first), Some(last)) = (timeline.bars.first(), timeline.bars.last()) {
        let _ = write!(
            svg,
            "<p class=\"meta axis\"><span>{}</span><span>{}</span></p>",
            first.label, last.label
        );
    }
    svg
}

/// Entity links as chips, optionally with their counts. Each chip names
/// its kind, for its colour, unless `kind` names it once for the group.
pub fn entity_chips(links: &[EntityLink], kind: Option<&str>) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut html = String::with_capacity(links.len() * 120);
    match kind {
        Some(kind) => {
            let _ = write!(html, "<p class=\"chips kind-{kind}\">");
        }
        None => html.push_str("<p class=\"chips\">"),
    }
    for e in links {
        if kind.is_some() {
            let _ = write!(html, "<a href=\"{}\">", escape_html(&e.url));
        } else {
            let _ = write!(
                html,
                "<a class=\"kind-{}\" href=\"{}\">",
                e.kind,
                escape_html(&e.url)
            );
        }
        html.push_str(&escape_html(e.name));
        push_count(&mut html, e.count);
        html.push_str("</a> ");
    }
    html.push_str("</p>");
    html
}

/// A chip's count, muted by the stylesheet.
fn push_count(html: &mut String, count: usize) {
    if count > 0 {
        let _ = write!(html, " <small>{count}</small>");
    }
}

/// Entities grouped by kind: a heading and chips per kind.
pub fn entity_groups(groups: &[KindGroup]) -> String {
    let mut html = String::new();
    for group in groups {
        let _ = write!(html, "<h3>{}</h3>", group.label);
        html.push_str(&entity_chips(&group.entities, Some(group.kind)));
    }
    html
}

/// Topic links as chips, with counts when they have any.
pub fn topic_chips(links: &[TopicLink]) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut html = String::from("<p class=\"chips\">");
    for t in links {
        let _ = write!(
            html,
            "<a href=\"{}\">{}",
            escape_html(&t.url),
            escape_html(t.name)
        );
        push_count(&mut html, t.count);
        html.push_str("</a> ");
    }
    html.push_str("</p>");
    html
}

/// A list of briefings with date, authors and summary.
pub fn briefing_items(links: &[BriefingLink]) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut html = String::with_capacity(links.len() * 400);
    html.push_str("<ul class=\"briefing-list\">");
    for b in links {
        let _ = write!(
            html,
            "<li><a href=\"{}\">{}</a> <small>",
            escape_html(&b.url),
            escape_html(b.title)
        );
        if let Some(date) = &b.date {
            let _ = write!(html, "<time>{date}</time>");
        }
        if !b.authors.is_empty() {
            let authors: Vec<String> = b.authors.iter().map(|a| escape_html(a)).collect();
            let _ = write!(html, " · {}", authors.join(", "));
        }
        html.push_str("</small>");
        if let Some(summary) = b.summary {
            let _ = write!(html, "<p>{}</p>", escape_html(summary));
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

/// A compact list of briefings: title and date.
pub fn related_items(links: &[BriefingLink]) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut html = String::from("<ul class=\"related\">");
    for b in links {
        let _ = write!(
            html,
            "<li><a href=\"{}\">{}</a>",
            escape_html(&b.url),
            escape_html(b.title)
        );
        if let Some(date) = &b.date {
            let _ = write!(html, " <small>{date}</small>");
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::views::Snippet;

    fn entry<'a>(snippets: Vec<Snippet<'a>>, count: usize) -> MentionEntry<'a> {
        MentionEntry {
            briefing: BriefingLink {
                title: "A & B",
                url: "../briefings/a.html".into(),
                date: Some("2024-10-14".into()),
                date_long: Some("14 October 2024".into()),
                summary: None,
                authors: Vec::new(),
            },
            snippets,
            count,
        }
    }

    fn snippet(mark: &'static str, anchor: &str) -> Snippet<'static> {
        Snippet {
            before: "Said ",
            mark,
            after: " <today>.",
            url: format!("../briefings/a.html#{anchor}"),
        }
    }

    #[test]
    fn the_title_links_to_the_first_sentence_and_later_sentences_link_to_theirs() {
        let html = mention_list(&[entry(vec![snippet("X", "p2"), snippet("Y", "p5")], 3)]);
        assert_eq!(
            html,
            "<ol class=\"mention-list\"><li><a href=\"../briefings/a.html#p2\">A &amp; B</a> \
             <small><time>2024-10-14</time> · 3 mentions</small>\
             <q>Said <mark>X</mark> &lt;today&gt;.</q>\
             <q><a href=\"../briefings/a.html#p5\">Said <mark>Y</mark> &lt;today&gt;.</a></q></li></ol>"
        );
    }

    #[test]
    fn without_sentences_the_title_links_to_the_briefing() {
        let html = mention_list(&[entry(Vec::new(), 1)]);
        assert_eq!(
            html,
            "<ol class=\"mention-list\"><li><a href=\"../briefings/a.html\">A &amp; B</a> \
             <small><time>2024-10-14</time> · 1 mention</small></li></ol>"
        );
    }

    #[test]
    fn a_group_of_one_kind_names_it_once() {
        let link = |name| EntityLink {
            name,
            url: format!("../entities/{name}.html"),
            kind: "person",
            count: 2,
        };
        let grouped = entity_chips(&[link("a"), link("b")], Some("person"));
        assert_eq!(
            grouped,
            "<p class=\"chips kind-person\"><a href=\"../entities/a.html\">a <small>2</small></a> \
             <a href=\"../entities/b.html\">b <small>2</small></a> </p>"
        );
        let mixed = entity_chips(&[link("a")], None);
        assert_eq!(
            mixed,
            "<p class=\"chips\"><a class=\"kind-person\" href=\"../entities/a.html\">a <small>2</small></a> </p>"
        );
    }
}
