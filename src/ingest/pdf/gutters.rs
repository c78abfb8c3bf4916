//! Column gutters: white strips that run down through the rows of a page
//! with text on both sides, told apart from the stretched spaces of
//! justified lines, form labels and table cells. Rows are given as the x
//! extents (and type sizes) of their runs.

use std::collections::BTreeMap;

/// An x interval: a run's extent, or white space between runs.
pub type Span = (f32, f32);

/// The x interval a run covers, and its type size.
pub type Cover = (f32, f32, f32);

/// A gap wider than a word space: other type after it starts a part.
pub const WIDE: f32 = 1.1;
/// The narrowest gutter, in ems (LaTeX sets 10 pt between columns of
/// 10 pt type): only white that runs on through the rows counts as one.
pub const GUTTER: f32 = 0.8;

/// The strips that many rows confirm as gutters (to the point, once
/// each): one strip a short line happens to leave beside a word is not.
pub fn confirmed(found: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut counts: BTreeMap<(i32, i32), usize> = BTreeMap::new();
    for (x0, x1) in found {
        *counts
            .entry((x0.round() as i32, x1.round() as i32))
            .or_default() += 1;
    }
    let near = |&(x0, x1): &(i32, i32)| -> usize {
        let around = (-1..=1).flat_map(|a| (-1..=1).map(move |b| (x0 + a, x1 + b)));
        around.filter_map(|key| counts.get(&key)).sum()
    };
    counts
        .keys()
        .filter(|key| near(key) >= CONFIRMED)
        .map(|&(x0, x1)| (x0 as f32, x1 as f32))
        .collect()
}

/// How many rows above or below row `at` leave the white strip `gap`
/// white and have text near it, and the part of the strip they all leave
/// white. A column gutter runs on through the rows, with text on both
/// sides of it; the stretched spaces of justified text in a narrow column
/// are wide too, but the lines above and below run across them (a
/// right-justified word that starts at the same x on several lines does
/// not make a column either), and form labels side by side have nothing
/// but white beside them below. Text in much larger or smaller type (a
/// title over the columns) is passed over.
pub fn support(at: usize, gap: Span, size: f32, spans: &[Vec<Cover>]) -> Support {
    let (near, min, wide) = (size * 2.0, size * GUTTER, size * WIDE);
    let (mut left, mut starts) = (false, vec![gap.1]);
    let mut free_run = |rows: &mut dyn Iterator<Item = &Vec<Cover>>| {
        let mut strip = gap;
        let mut count = 0;
        for row in rows {
            let row: Vec<Span> = row
                .iter()
                .filter(|c| c.2 > size * 0.7 && c.2 < size * 1.4)
                .map(|c| (c.0, c.1))
                .collect();
            if !row
                .iter()
                .any(|s| s.1 > strip.0 - near && s.0 < strip.1 + near)
            {
                continue;
            }
            match widest_free(&row, strip) {
                Some(free) if free.1 - free.0 >= wide || narrow_gutter(&row, free, strip, min) => {
                    strip = free;
                }
                _ => break,
            }
            left |= row.iter().any(|s| s.1 <= strip.0 + 0.5);
            let start = row.iter().map(|s| s.0).filter(|&x| x >= strip.1 - 0.5);
            starts.extend(start.reduce(f32::min));
            count += 1;
            if count >= SUPPORT {
                break;
            }
        }
        (count, strip)
    };
    let (above, up) = free_run(&mut spans[..at].iter().rev());
    let (below, down) = free_run(&mut spans[at + 1..].iter());
    let both_sides = left && starts.len() > 1;
    starts.sort_by(f32::total_cmp);
    Support {
        rows: if both_sides { above + below } else { 0 },
        strip: (up.0.max(down.0), up.1.min(down.1)),
        aligned: starts.windows(2).any(|pair| pair[1] - pair[0] < 1.0),
    }
}

/// What the rows next to a gap say of it: how many leave it white, the
/// part of it they all leave white, and whether text starts at the same x
/// right of it in two of them (a column's left edge).
pub struct Support {
    pub rows: usize,
    pub strip: Span,
    pub aligned: bool,
}

/// Whether `free`, white narrower than a wide gap, is a gutter in `row`:
/// at least `min` wide, with the row's text ending right at its left edge
/// and starting right at its right edge (two column edges). The stretched
/// spaces of justified lines are as wide, but fall anywhere. A row that
/// leaves the whole `strip` the rows before it narrowed white, with one
/// column edge at it, goes on with the gutter: one side's line is short
/// (a paragraph's last) or indented (its first).
fn narrow_gutter(row: &[Span], free: Span, strip: Span, min: f32) -> bool {
    let ends = row.iter().any(|s| (s.1 - free.0).abs() < 1.0);
    let starts = row.iter().any(|s| (s.0 - free.1).abs() < 1.0);
    let whole = free.0 <= strip.0 + 0.5 && free.1 >= strip.1 - 0.5;
    free.1 - free.0 >= min && (ends && starts || whole && (ends || starts))
}

/// How many rows next to a gap must leave it white for it to be a gutter.
pub const SUPPORT: usize = 3;
/// How many rows must confirm a gutter for it to count on other pages.
const CONFIRMED: usize = 10;

/// Whether a gap covers a gutter known from elsewhere and meets it edge
/// for edge on at least one side: a column only a line deep beside its
/// neighbour, a row where the middle column has no line (its baselines
/// fall between the others'), or one where the line beyond the gutter is
/// indented (a paragraph's first) or the one before it short (its last).
/// The stretched space of a justified line is seldom that wide, and then
/// falls anywhere.
pub fn edge_for_edge(gap: Span, known: &[Span]) -> bool {
    let at = |a: f32, b: f32| (a - b).abs() < 0.75;
    known.iter().any(|k| {
        let covers = gap.0 <= k.0 + 0.75 && gap.1 >= k.1 - 0.75;
        covers && (at(gap.0, k.0) || at(gap.1, k.1))
    })
}

/// Whether a gap covers a gutter known from elsewhere, with a line that
/// starts at a column's left edge (the page's text edge or a gutter's
/// right; indented at most a few ems) ending short before it, and the
/// next line starting a few ems past it (indented): a paragraph's last
/// line beside the next one's first. Names side by side under a title
/// start nowhere near a column edge.
pub fn between_columns(start: f32, gap: Span, size: f32, known: &[Span], left: f32) -> bool {
    let indent = size * 3.0;
    let edges = std::iter::once(left).chain(known.iter().map(|k| k.1));
    let at_column = edges
        .into_iter()
        .any(|edge| start >= edge - 0.75 && start - edge <= indent);
    at_column
        && known.iter().any(|k| {
            start < k.0 && gap.0 <= k.0 + 0.75 && gap.1 >= k.1 - 0.75 && gap.1 - k.1 <= indent
        })
}

/// The widest part of `strip` that no span of `row` covers and that
/// reaches one of its ends: text may cut into a gutter from one side (a
/// short line, a column edge), but words across its middle (a table's
/// cells) end it.
fn widest_free(row: &[Span], strip: Span) -> Option<Span> {
    let mut covered: Vec<Span> = row.to_vec();
    covered.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut best, mut cursor): (Option<Span>, f32) = (None, strip.0);
    let ends = covered.into_iter().chain([(strip.1, f32::MAX)]);
    for (x0, x1) in ends {
        let free = (cursor, x0.min(strip.1));
        let at_end = free.0 <= strip.0 + 0.5 || free.1 >= strip.1 - 0.5;
        if at_end && free.1 > free.0 && best.is_none_or(|b| free.1 - free.0 > b.1 - b.0) {
            best = Some(free);
        }
        cursor = cursor.max(x1);
        if cursor >= strip.1 {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rows` rows of two columns 9 points apart (under a wide gap in
    /// 10-point type), left column 50–200, right 209–359.
    fn narrow(rows: usize) -> Vec<Vec<Cover>> {
        (0..rows)
            .map(|_| vec![(50.0, 200.0, 10.0), (209.0, 359.0, 10.0)])
            .collect()
    }

    #[test]
    fn a_short_or_indented_line_does_not_stop_a_narrow_gutter() {
        let mut rows = narrow(7);
        rows[2] = vec![(50.0, 120.0, 10.0), (209.0, 359.0, 10.0)];
        rows[4] = vec![(50.0, 200.0, 10.0), (224.0, 359.0, 10.0)];
        let found = support(3, (200.0, 209.0), 10.0, &rows);
        assert!(found.rows >= 5, "{}", found.rows);
        assert!(found.aligned);
    }

    #[test]
    fn a_gap_over_a_known_gutter_meeting_one_edge_is_a_gutter() {
        let known = [(200.0, 209.0), (359.0, 368.0)];
        assert!(edge_for_edge((200.2, 209.1), &known));
        assert!(edge_for_edge((200.2, 224.0), &known), "indented right");
        assert!(edge_for_edge((150.0, 209.0), &known), "short left");
        assert!(edge_for_edge((200.0, 368.0), &known), "a column skipped");
        assert!(!edge_for_edge((203.0, 212.0), &known), "a stretched space");
        assert!(!edge_for_edge((200.0, 206.0), &known), "too narrow");
    }

    #[test]
    fn a_short_last_line_beside_an_indented_first_is_parted_at_the_gutter() {
        let known = [(200.0, 209.0)];
        assert!(between_columns(50.0, (150.0, 219.0), 10.0, &known, 50.0));
        assert!(between_columns(60.0, (150.0, 219.0), 10.0, &known, 50.0));
        assert!(
            !between_columns(120.0, (150.0, 219.0), 10.0, &known, 50.0),
            "names side by side"
        );
        assert!(
            !between_columns(50.0, (150.0, 260.0), 10.0, &known, 50.0),
            "far past the gutter"
        );
    }
}
