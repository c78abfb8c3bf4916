//! Graph layouts computed at build time, drawn as plain SVG: an entity's
//! neighbourhood (a star of its top co-mentioned entities) and the whole
//! corpus (a force-directed layout of the most-mentioned entities, stretched
//! to fill its canvas, coloured by community, the busiest labelled).
//!
//! The corpus layout is the costly part (quadratic in the nodes shown), so
//! the last one is kept ([`LayoutCache`]): `serve` renders the graph page
//! again after a count changed, and mostly the layout's inputs have not.

use std::sync::{Mutex, PoisonError};

use super::communities::{communities, WeightedEdge};
use super::labels::{place_labels, Placement, Spot};
use super::views::{Graph, GraphEdge, GraphNode};
use super::Renderer;
use crate::paths;

const NEIGHBOURS: usize = 8;
/// The most entities the corpus graph shows; the rest are listed elsewhere.
pub const MAX_GRAPH_NODES: usize = 1000;
/// The corpus graph's canvas, in SVG units.
pub const CANVAS: (f32, f32) = (1200.0, 800.0);
/// The room between the canvas edge and the nearest node's centre.
const MARGIN: f32 = 30.0;
/// The most labels the corpus graph shows before any zoom.
pub const MAX_LABELS: usize = 150;
/// How many of its most similar co-mentioned entities tie a node to its community.
const COMMUNITY_TIES: usize = 10;

impl<'a> Renderer<'a> {
    /// A node for `entity` at (x, y), of radius `r`, its tooltip showing `count`.
    fn node(
        &self,
        entity: usize,
        (x, y): (f32, f32),
        r: f32,
        count: usize,
        root: &str,
    ) -> GraphNode<'a> {
        let e = &self.kb.entities[entity];
        GraphNode {
            name: &e.name,
            url: format!("{root}{}", paths::entity_page(&e.slug)),
            kind: e.kind.as_str(),
            x,
            y,
            r,
            count,
            cluster: None,
            label: None,
        }
    }

    /// The entity in the middle, its top co-mentioned entities around it.
    /// The centre's tooltip counts its mentions, a neighbour's the briefings
    /// it shares with the centre: so the graph depends on the centre's
    /// co-mentions alone, and a change in a neighbour's own mentions leaves
    /// this page as it was.
    pub fn neighbourhood(&self, entity: usize, root: &str) -> Option<Graph<'a>> {
        let neighbours: Vec<(usize, usize)> = self.kb.entities[entity]
            .co_mentions
            .iter()
            .take(NEIGHBOURS)
            .copied()
            .collect();
        if neighbours.is_empty() {
            return None;
        }
        let (width, height, radius) = (360.0f32, 300.0f32, 110.0f32);
        let (cx, cy) = (width / 2.0, height / 2.0);
        let strongest = neighbours[0].1.max(1) as f32;
        let centre = &self.kb.entities[entity];
        let mut nodes = vec![self.node(entity, (cx, cy), 12.0, centre.mention_count, root)];
        let mut edges = Vec::new();
        for (i, &(other, count)) in neighbours.iter().enumerate() {
            let angle = std::f32::consts::TAU * i as f32 / neighbours.len() as f32
                - std::f32::consts::FRAC_PI_2;
            let (x, y) = (
                round(cx + radius * angle.cos()),
                round(cy + radius * angle.sin()),
            );
            edges.push(GraphEdge {
                x1: cx,
                y1: cy,
                x2: x,
                y2: y,
                weight: round(1.0 + 3.0 * count as f32 / strongest),
            });
            nodes.push(self.node(other, (x, y), 7.0, count, root));
        }
        Some(Graph {
            width,
            height,
            nodes,
            edges,
        })
    }

    /// The most-mentioned entities, laid out by a deterministic force
    /// simulation (co-mentions pull together, everything pushes apart),
    /// stretched to fill the canvas, coloured by community, and the busiest
    /// labelled where their labels fit.
    pub fn corpus_graph(&self, root: &str) -> (Graph<'a>, usize) {
        let (chosen, total) = self.graph_entities();
        let mut position_of = vec![usize::MAX; self.kb.entities.len()];
        for (i, &e) in chosen.iter().enumerate() {
            position_of[e] = i;
        }
        let links = self.graph_links(&chosen, &position_of);
        let size = (chosen.len() as f32).sqrt() * 70.0 + 200.0;
        let points = fill_canvas(&self.derived.layout.points(chosen.len(), &links, size));
        let clusters = communities(chosen.len(), &self.community_edges(&chosen, &position_of));
        let most = chosen
            .iter()
            .map(|&e| self.kb.entities[e].mention_count)
            .max()
            .unwrap_or(1)
            .max(1) as f32;
        let mut nodes: Vec<GraphNode> = chosen
            .iter()
            .zip(&points)
            .zip(&clusters)
            .map(|((&e, &(x, y)), &cluster)| {
                let count = self.kb.entities[e].mention_count;
                let r = round(3.0 + 9.0 * (count as f32 / most).sqrt());
                GraphNode {
                    cluster: Some(cluster),
                    ..self.node(e, (x, y), r, count, root)
                }
            })
            .collect();
        label_busiest(&mut nodes);
        let edges = links
            .iter()
            .map(|&(a, b, w)| GraphEdge {
                x1: points[a].0,
                y1: points[a].1,
                x2: points[b].0,
                y2: points[b].1,
                weight: round(w),
            })
            .collect();
        let (width, height) = CANVAS;
        let graph = Graph {
            width,
            height,
            nodes,
            edges,
        };
        (graph, total)
    }

    /// The entities the corpus graph shows, in layout order, and how many
    /// have mentions at all. The layout starts the busiest near the middle,
    /// by the power of two of their counts (then by name), so a count that
    /// moves by one seldom reorders the nodes, and the last layout can be
    /// reused.
    fn graph_entities(&self) -> (Vec<usize>, usize) {
        let mut chosen: Vec<usize> = (0..self.kb.entities.len())
            .filter(|&e| self.kb.entities[e].mention_count > 0)
            .collect();
        let total = chosen.len();
        chosen.sort_by(|&a, &b| {
            self.kb.entities[b]
                .mention_count
                .cmp(&self.kb.entities[a].mention_count)
                .then(a.cmp(&b))
        });
        chosen.truncate(MAX_GRAPH_NODES);
        let magnitude = |e: usize| self.kb.entities[e].mention_count.ilog2();
        chosen.sort_by(|&a, &b| magnitude(b).cmp(&magnitude(a)).then(a.cmp(&b)));
        (chosen, total)
    }

    /// The ties communities are found along: each shown entity to the
    /// [`COMMUNITY_TIES`] shown entities it is most often mentioned with
    /// relative to how often both are mentioned at all (cosine), so that
    /// the busiest entities do not pull everything into one community.
    fn community_edges(&self, chosen: &[usize], position_of: &[usize]) -> Vec<WeightedEdge> {
        let mut edges = std::collections::BTreeMap::new();
        for (i, &e) in chosen.iter().enumerate() {
            let mentions = |x: usize| self.kb.entities[x].mention_count.max(1) as f32;
            let mut similar: Vec<(usize, f32)> = self.kb.entities[e]
                .co_mentions
                .iter()
                .filter(|&&(o, _)| position_of[o] != usize::MAX && o != e)
                .map(|&(o, c)| {
                    (
                        position_of[o],
                        c as f32 / (mentions(e) * mentions(o)).sqrt(),
                    )
                })
                .collect();
            similar.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(j, weight) in similar.iter().take(COMMUNITY_TIES) {
                edges.insert((i.min(j), i.max(j)), weight);
            }
        }
        edges.into_iter().map(|((a, b), w)| (a, b, w)).collect()
    }

    /// Each shown entity's three strongest co-mentions among the shown.
    fn graph_links(&self, chosen: &[usize], position_of: &[usize]) -> Vec<Link> {
        let mut links = Vec::new();
        for (i, &e) in chosen.iter().enumerate() {
            let strongest = self.kb.entities[e]
                .co_mentions
                .iter()
                .filter(|&&(o, _)| position_of[o] != usize::MAX)
                .take(3);
            for &(other, count) in strongest {
                let j = position_of[other];
                let pair = (i.min(j), i.max(j), 0.5 + (count as f32).ln_1p());
                if !links.iter().any(|&(a, b, _)| (a, b) == (pair.0, pair.1)) {
                    links.push(pair);
                }
            }
        }
        links
    }
}

/// A link of the corpus graph: two node positions and the pull between them.
type Link = (usize, usize, f32);

/// The last corpus layout, with everything [`layout`] computed it from.
#[derive(Default)]
pub struct LayoutCache(Mutex<Option<KeptLayout>>);

struct KeptLayout {
    count: usize,
    links: Vec<Link>,
    size: f32,
    points: Vec<(f32, f32)>,
}

impl LayoutCache {
    /// The points of [`layout`]`(count, links, size)`, reused when the last
    /// layout had exactly these inputs.
    fn points(&self, count: usize, links: &[Link], size: f32) -> Vec<(f32, f32)> {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(last) = kept.as_ref() {
            if last.count == count && last.size == size && last.links == links {
                return last.points.clone();
            }
        }
        let points = layout(count, links, size);
        *kept = Some(KeptLayout {
            count,
            links: links.to_vec(),
            size,
            points: points.clone(),
        });
        points
    }
}

/// Labels for the busiest nodes, up to [`MAX_LABELS`], where they overlap
/// no other label.
fn label_busiest(nodes: &mut [GraphNode]) {
    let mut busiest: Vec<usize> = (0..nodes.len()).collect();
    busiest.sort_by(|&a, &b| nodes[b].count.cmp(&nodes[a].count).then(a.cmp(&b)));
    let spots: Vec<Spot> = busiest
        .iter()
        .map(|&n| Spot {
            x: nodes[n].x,
            y: nodes[n].y,
            r: nodes[n].r,
            name: nodes[n].name,
        })
        .collect();
    let (width, height) = CANVAS;
    let placed = place_labels(&spots, MAX_LABELS, width, height);
    for (&n, placement) in busiest.iter().zip(placed) {
        nodes[n].label = placement.map(|p| Placement {
            x: round(p.x),
            y: round(p.y),
            ..p
        });
    }
}

/// Layout points stretched (each axis on its own) so that they span the
/// canvas, [`MARGIN`] from its edges.
fn fill_canvas(points: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let span = |pick: fn(&(f32, f32)) -> f32| {
        let low = points.iter().map(pick).fold(f32::INFINITY, f32::min);
        let high = points.iter().map(pick).fold(f32::NEG_INFINITY, f32::max);
        (low, (high - low).max(1e-3))
    };
    let ((x0, xs), (y0, ys)) = (span(|p| p.0), span(|p| p.1));
    let (width, height) = CANVAS;
    let stretch = |v: f32, low: f32, spread: f32, room: f32| {
        let inner = room - 2.0 * MARGIN;
        if spread <= 1e-3 {
            room / 2.0
        } else {
            round(MARGIN + (v - low) / spread * inner)
        }
    };
    points
        .iter()
        .map(|&(x, y)| (stretch(x, x0, xs, width), stretch(y, y0, ys, height)))
        .collect()
}

fn round(value: f32) -> f32 {
    (value * 10.0).round() / 10.0
}

/// Lanes of the repulsion loop: sums kept per lane (and added up in a fixed
/// order) let the compiler run the lanes side by side, with the same result
/// on every machine.
const LANES: usize = 8;

/// How far every point is pushed by all the others: `k² / d` along the line
/// between each pair, `d` their distance (at least 0.01).
fn repulsion(points: &[(f32, f32)], k2: f32) -> Vec<(f32, f32)> {
    let (xs, ys): (Vec<f32>, Vec<f32>) = points.iter().copied().unzip();
    let count = points.len();
    let (mut sx, mut sy) = (vec![0.0f32; count], vec![0.0f32; count]);
    for i in 0..count {
        let (xi, yi) = (xs[i], ys[i]);
        let (own_x, later_x) = sx.split_at_mut(i + 1);
        let (own_y, later_y) = sy.split_at_mut(i + 1);
        let (mut ax, mut ay) = ([0.0f32; LANES], [0.0f32; LANES]);
        let mut push = |lane: usize, x: f32, y: f32, sxj: &mut f32, syj: &mut f32| {
            let (dx, dy) = (xi - x, yi - y);
            let force = k2 / (dx * dx + dy * dy).max(1e-4);
            ax[lane] += dx * force;
            ay[lane] += dy * force;
            *sxj -= dx * force;
            *syj -= dy * force;
        };
        let (others_x, others_y) = (&xs[i + 1..], &ys[i + 1..]);
        let whole = others_x.len() / LANES * LANES;
        let chunks = others_x[..whole]
            .chunks_exact(LANES)
            .zip(others_y[..whole].chunks_exact(LANES))
            .zip(later_x[..whole].chunks_exact_mut(LANES))
            .zip(later_y[..whole].chunks_exact_mut(LANES));
        for (((x, y), sxj), syj) in chunks {
            for lane in 0..LANES {
                push(lane, x[lane], y[lane], &mut sxj[lane], &mut syj[lane]);
            }
        }
        for j in whole..others_x.len() {
            push(
                0,
                others_x[j],
                others_y[j],
                &mut later_x[j],
                &mut later_y[j],
            );
        }
        own_x[i] += ax.iter().sum::<f32>();
        own_y[i] += ay.iter().sum::<f32>();
    }
    sx.into_iter().zip(sy).collect()
}

/// Fruchterman–Reingold on a square of side `size`, from a spiral start, so
/// the same graph always gets the same picture.
fn layout(count: usize, links: &[Link], size: f32) -> Vec<(f32, f32)> {
    let centre = size / 2.0;
    let mut points: Vec<(f32, f32)> = (0..count)
        .map(|i| {
            let angle = i as f32 * 2.399_963; // the golden angle
            let radius = size * 0.45 * ((i as f32 + 0.5) / count.max(1) as f32).sqrt();
            (centre + radius * angle.cos(), centre + radius * angle.sin())
        })
        .collect();
    let k = (size * size / count.max(1) as f32).sqrt() * 0.6;
    let iterations = if count > 400 { 40 } else { 80 };
    let mut temperature = size / 10.0;
    for _ in 0..iterations {
        let mut shift = repulsion(&points, k * k);
        for &(a, b, weight) in links {
            let (dx, dy) = (points[a].0 - points[b].0, points[a].1 - points[b].1);
            let distance = (dx * dx + dy * dy).sqrt().max(0.01);
            let force = distance / k * weight.min(3.0);
            shift[a].0 -= dx * force;
            shift[a].1 -= dy * force;
            shift[b].0 += dx * force;
            shift[b].1 += dy * force;
        }
        for (point, (sx, sy)) in points.iter_mut().zip(shift) {
            let length = (sx * sx + sy * sy).sqrt().max(0.01);
            let step = length.min(temperature);
            point.0 = (point.0 + sx / length * step).clamp(20.0, size - 20.0);
            point.1 = (point.1 + sy / length * step).clamp(20.0, size - 20.0);
        }
        temperature *= 0.93;
    }
    points
        .into_iter()
        .map(|(x, y)| (round(x), round(y)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_layout_is_reused_only_for_the_same_inputs() {
        let links = vec![(0, 1, 1.5), (1, 2, 0.5)];
        let marked = vec![(1.0, 1.0); 3];
        let cache = LayoutCache(Mutex::new(Some(KeptLayout {
            count: 3,
            links: links.clone(),
            size: 300.0,
            points: marked.clone(),
        })));
        assert_eq!(cache.points(3, &links, 300.0), marked);
        let other = vec![(0, 1, 1.5), (1, 2, 0.6)];
        assert_eq!(cache.points(3, &other, 300.0), layout(3, &other, 300.0));
        assert_eq!(cache.points(3, &other, 310.0), layout(3, &other, 310.0));
        assert_eq!(cache.points(4, &other, 310.0), layout(4, &other, 310.0));
    }
}
