//! Communities of the corpus graph, by Louvain modularity optimisation:
//! nodes move, in a fixed order, to the neighbouring community that gains
//! the most modularity; communities then merge into nodes of a smaller
//! graph, and again, until nothing moves. No randomness: the same graph
//! always gets the same clusters.

/// A weighted, undirected edge between two node positions.
pub type WeightedEdge = (usize, usize, f32);

/// The most passes of moving nodes per level; it settles well before.
const PASSES: usize = 20;

/// Each node's community, numbered by size (0 the largest; ties by the
/// community's first node), for `count` nodes joined by `edges`.
pub fn communities(count: usize, edges: &[WeightedEdge]) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..count).collect();
    let mut level = Level::new(count, edges);
    loop {
        let (moved, groups) = level.local_moves();
        if groups == level.degree.len() || !moved {
            break;
        }
        for m in membership.iter_mut() {
            *m = level.community[*m];
        }
        level = level.aggregate(groups);
    }
    numbered_by_size(&membership)
}

/// One level of Louvain: a weighted graph and each node's community.
struct Level {
    /// Each node's neighbours and edge weights (no self loops).
    neighbours: Vec<Vec<(usize, f32)>>,
    /// Each node's weighted degree, its self loop's weight counted in.
    degree: Vec<f32>,
    community: Vec<usize>,
}

impl Level {
    fn new(count: usize, edges: &[WeightedEdge]) -> Level {
        let mut neighbours = vec![Vec::new(); count];
        let mut degree = vec![0.0f32; count];
        for &(a, b, weight) in edges {
            degree[a] += weight;
            degree[b] += weight;
            if a != b {
                neighbours[a].push((b, weight));
                neighbours[b].push((a, weight));
            }
        }
        Level {
            neighbours,
            degree,
            community: (0..count).collect(),
        }
    }

    /// Moves nodes to the neighbouring community that gains the most
    /// modularity until none does; then numbers the communities 0, 1, … in
    /// order of their first node. Says whether any node moved, and how many
    /// communities there are.
    fn local_moves(&mut self) -> (bool, usize) {
        let twice_total: f32 = self.degree.iter().sum::<f32>().max(1e-9);
        let mut totals = self.degree.clone();
        let mut moved_at_all = false;
        for _ in 0..PASSES {
            let mut moved = false;
            for node in 0..self.degree.len() {
                let own = self.community[node];
                let k = self.degree[node];
                totals[own] -= k;
                let pulls = self.pulls(node);
                let gain = |c: usize, w: f32| w - totals[c] * k / twice_total;
                let own_weight = pulls.iter().find(|p| p.0 == own).map_or(0.0, |p| p.1);
                let mut best = (own, gain(own, own_weight));
                for &(c, w) in &pulls {
                    if gain(c, w) > best.1 + 1e-6 {
                        best = (c, gain(c, w));
                    }
                }
                totals[best.0] += k;
                if best.0 != own {
                    self.community[node] = best.0;
                    moved = true;
                }
            }
            moved_at_all |= moved;
            if !moved {
                break;
            }
        }
        let mut number = vec![usize::MAX; self.degree.len()];
        let mut groups = 0;
        for c in self.community.iter_mut() {
            if number[*c] == usize::MAX {
                number[*c] = groups;
                groups += 1;
            }
            *c = number[*c];
        }
        (moved_at_all, groups)
    }

    /// The weight from `node` to each community among its neighbours, in
    /// order of first appearance.
    fn pulls(&self, node: usize) -> Vec<(usize, f32)> {
        let mut pulls: Vec<(usize, f32)> = Vec::new();
        for &(other, weight) in &self.neighbours[node] {
            let c = self.community[other];
            match pulls.iter_mut().find(|p| p.0 == c) {
                Some(p) => p.1 += weight,
                None => pulls.push((c, weight)),
            }
        }
        pulls
    }

    /// The graph of this level's `groups` communities, one node each.
    fn aggregate(&self, groups: usize) -> Level {
        let mut weights = std::collections::BTreeMap::new();
        for (node, list) in self.neighbours.iter().enumerate() {
            for &(other, weight) in list {
                let (a, b) = (self.community[node], self.community[other]);
                if a < b {
                    *weights.entry((a, b)).or_insert(0.0f32) += weight;
                }
            }
        }
        let edges: Vec<WeightedEdge> = weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        let mut next = Level::new(groups, &edges);
        next.degree = vec![0.0; groups];
        for (node, &c) in self.community.iter().enumerate() {
            next.degree[c] += self.degree[node];
        }
        next
    }
}

/// Labels renumbered 0, 1, … by community size, largest first.
fn numbered_by_size(labels: &[usize]) -> Vec<usize> {
    let mut sizes: Vec<(usize, usize, usize)> = Vec::new(); // (label, size, first node)
    for (node, &label) in labels.iter().enumerate() {
        match sizes.iter_mut().find(|(l, _, _)| *l == label) {
            Some((_, size, _)) => *size += 1,
            None => sizes.push((label, 1, node)),
        }
    }
    sizes.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let mut number = vec![0; labels.len().max(1)];
    for (n, &(label, _, _)) in sizes.iter().enumerate() {
        number[label] = n;
    }
    labels.iter().map(|&l| number[l]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cliques_joined_by_one_weak_edge_are_two_communities() {
        let mut edges = Vec::new();
        for group in [0, 4] {
            for a in group..group + 4 {
                for b in a + 1..group + 4 {
                    edges.push((a, b, 1.0));
                }
            }
        }
        edges.push((3, 4, 0.2));
        let found = communities(9, &edges);
        assert_eq!(&found[..4], &[found[0]; 4]);
        assert_eq!(&found[4..8], &[found[4]; 4]);
        assert_ne!(found[0], found[4]);
        // The lone node is a community of its own, the smallest.
        assert_eq!(found[8], 2);
    }

    #[test]
    fn the_same_graph_gets_the_same_communities() {
        let edges: Vec<WeightedEdge> = (0..40)
            .map(|i| (i % 13, (i * 7 + 3) % 13, 1.0 + (i % 3) as f32))
            .filter(|&(a, b, _)| a != b)
            .collect();
        assert_eq!(communities(13, &edges), communities(13, &edges));
    }
}
