//! Reading order on one page: lines are cut into columns wherever a vertical
//! strip of white space (a gutter) runs through a stretch of the page, so
//! two- and three-column text reads column by column, and text that spans
//! the page (title, a full-width box) reads where it sits.

use super::lines::Line;

/// Stretches of the page in reading order, each a column's lines top down.
pub fn reading_order(lines: Vec<Line>) -> Vec<Vec<Line>> {
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let mut regions = Vec::new();
    split(lines, (median * 0.5).max(3.0), &mut regions, 0);
    regions.retain(|r: &Vec<Line>| !r.is_empty());
    regions
}

/// An x interval free of text.
type Gap = (f32, f32);

fn split(lines: Vec<Line>, min_gutter: f32, regions: &mut Vec<Vec<Line>>, depth: usize) {
    if lines.len() < 2 || depth > 24 {
        push_leaf(lines, regions);
        return;
    }
    let (left, right) = extent(&lines);
    let mut open_leaf: Vec<Line> = Vec::new();
    for group in groups(bands(lines), left, right, min_gutter) {
        match gutter(&group, min_gutter) {
            Some(cut) => {
                let (head, group) = detach_head(group, cut);
                open_leaf.extend(head);
                push_leaf(std::mem::take(&mut open_leaf), regions);
                let (columns, tail) = detach_tail(group, cut);
                let (before, after): (Vec<Line>, Vec<Line>) =
                    columns.into_iter().partition(|l| side(l, cut));
                split(before, min_gutter, regions, depth + 1);
                split(after, min_gutter, regions, depth + 1);
                split(tail, min_gutter, regions, depth + 1);
            }
            None => open_leaf.extend(group),
        }
    }
    push_leaf(open_leaf, regions);
}

/// Whether a line lies left of the cut at `cut`.
fn side(line: &Line, cut: f32) -> bool {
    (line.x0 + line.x1) / 2.0 < cut
}

/// Splits off the few lines above the columns on the left of the gutter
/// only, before a gap (the end of a title, a byline, a date whose short
/// lines leave the gutter free): they stay with what is above them.
fn detach_head(group: Vec<Line>, cut: f32) -> (Vec<Line>, Vec<Line>) {
    let bands = bands(group.clone());
    let left_only = |band: &[Line]| band.iter().all(|l| side(l, cut));
    let Some(start) = bands.iter().position(|band| !left_only(band)) else {
        return (Vec::new(), group);
    };
    if start > OVERHANG {
        return (Vec::new(), group);
    }
    let (Some(last), Some(first)) = (
        bands[..start].last().and_then(|b| b.last()),
        bands[start]
            .iter()
            .min_by(|a, b| a.top().total_cmp(&b.top())),
    ) else {
        return (Vec::new(), group);
    };
    if first.top() - last.bottom() < last.size * 0.8 {
        return (Vec::new(), group);
    }
    let head: Vec<Line> = bands.into_iter().take(start).flatten().collect();
    let rest = group.into_iter().filter(|l| !head.contains(l)).collect();
    (head, rest)
}

/// Splits off the lines below the columns that sit on one side of the
/// gutter only, after a gap and in other type than the line above them
/// (a notes section under balanced columns, whose short lines leave the
/// gutter free): they follow the columns instead of running on in the
/// first. Balanced columns end within a few lines of each other; a column
/// that runs on further, or in its own type, keeps its lines.
fn detach_tail(group: Vec<Line>, cut: f32) -> (Vec<Line>, Vec<Line>) {
    let bands = bands(group.clone());
    let one_sided_from = bands
        .iter()
        .rposition(|band| {
            let left = band.iter().filter(|l| side(l, cut)).count();
            left > 0 && left < band.len()
        })
        .map_or(0, |last| last + 1);
    let Some(start) = (one_sided_from.max(1)..bands.len())
        .take(OVERHANG + 1)
        .find(|&at| starts_tail(&bands, at, cut))
    else {
        return (group, Vec::new());
    };
    let tail: Vec<Line> = bands.into_iter().skip(start).flatten().collect();
    let columns = group.into_iter().filter(|l| !tail.contains(l)).collect();
    (columns, tail)
}

/// How many lines one balanced column may run on past the others.
const OVERHANG: usize = 3;

/// Whether band `at` (on one side of the cut only) starts a tail: set in
/// other type than the line above it, after a gap, with the other side's
/// text ending no more than a few lines above it.
fn starts_tail(bands: &[Vec<Line>], at: usize, cut: f32) -> bool {
    let first = &bands[at][0];
    let above = bands[..at].iter().flatten();
    let overlaps = |l: &&Line| l.x0 < first.x1 && first.x0 < l.x1;
    let Some(previous) = above
        .clone()
        .filter(overlaps)
        .max_by(|a, b| a.baseline.total_cmp(&b.baseline))
    else {
        return false;
    };
    let other_end = above
        .filter(|l| side(l, cut) != side(first, cut))
        .map(|l| l.bottom())
        .fold(f32::MIN, f32::max);
    let restyled = (previous.size - first.size).abs() > 0.6 || previous.bold != first.bold;
    let reach = (OVERHANG + 1) as f32 * previous.size * 1.5;
    restyled
        && first.top() - previous.bottom() >= previous.size * 0.8
        && first.top() - other_end <= reach
}

fn push_leaf(mut lines: Vec<Line>, regions: &mut Vec<Vec<Line>>) {
    lines.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    regions.push(lines);
}

fn extent(lines: &[Line]) -> (f32, f32) {
    let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    (left, right)
}

/// Lines grouped into horizontal bands that overlap vertically, top down.
fn bands(mut lines: Vec<Line>) -> Vec<Vec<Line>> {
    lines.sort_by(|a, b| a.top().total_cmp(&b.top()));
    let mut bands: Vec<(f32, Vec<Line>)> = Vec::new();
    for line in lines {
        match bands.last_mut() {
            Some((bottom, band)) if line.top() < *bottom - 0.5 => {
                *bottom = bottom.max(line.bottom());
                band.push(line);
            }
            _ => bands.push((line.bottom(), vec![line])),
        }
    }
    bands.into_iter().map(|(_, band)| band).collect()
}

/// The gaps between `left` and `right` that no line of `band` covers.
fn free(band: &[Line], left: f32, right: f32) -> Vec<Gap> {
    let mut spans: Vec<Gap> = band.iter().map(|l| (l.x0, l.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut gaps, mut cursor) = (Vec::new(), left);
    for (x0, x1) in spans {
        if x0 > cursor {
            gaps.push((cursor, x0));
        }
        cursor = cursor.max(x1);
    }
    if right > cursor {
        gaps.push((cursor, right));
    }
    gaps
}

fn intersect(a: &[Gap], b: &[Gap], min: f32) -> Vec<Gap> {
    let mut out = Vec::new();
    for &(a0, a1) in a {
        for &(b0, b1) in b {
            let (x0, x1) = (a0.max(b0), a1.min(b1));
            if x1 - x0 >= min {
                out.push((x0, x1));
            }
        }
    }
    out
}

/// Consecutive bands that share a free strip, with the strips they share.
/// When a gutter opens under bands that shared another strip (a masthead
/// with the date far right over the columns' first lines), the bands the
/// gutter already runs through go with the columns below.
fn groups(bands: Vec<Vec<Line>>, left: f32, right: f32, min: f32) -> Vec<Vec<Line>> {
    let mut groups: Vec<Vec<(Vec<Line>, Vec<Gap>)>> = Vec::new();
    let mut shared: Vec<Gap> = Vec::new();
    // A strip at the ragged right edge alone does not tie columns to
    // the full-width lines above them (title, byline).
    let interior = |gaps: &[Gap]| gaps.iter().any(|g| g.0 > left && g.1 < right);
    for band in bands {
        let own: Vec<Gap> = free(&band, left, right)
            .into_iter()
            .filter(|g| g.1 - g.0 >= min)
            .collect();
        let common = intersect(&shared, &own, min);
        let joins = interior(&common) || (!interior(&shared) && !interior(&own));
        match groups.last_mut() {
            Some(group) if !common.is_empty() && joins => {
                group.push((band, own));
                shared = common;
            }
            Some(group) if interior(&own) => {
                let (from, strip) = gutter_start(group, &own, min, &interior);
                let mut next = group.split_off(from);
                next.push((band, own));
                groups.push(next);
                shared = strip;
            }
            _ => {
                groups.push(vec![(band, own.clone())]);
                shared = own;
            }
        }
    }
    groups
        .into_iter()
        .map(|group| group.into_iter().flat_map(|(band, _)| band).collect())
        .collect()
}

/// How far up `group` (never its first band) the interior strips of `own`
/// run on free, and the strip they share down to there.
fn gutter_start(
    group: &[(Vec<Line>, Vec<Gap>)],
    own: &[Gap],
    min: f32,
    interior: &impl Fn(&[Gap]) -> bool,
) -> (usize, Vec<Gap>) {
    let mut strip = own.to_vec();
    let mut from = group.len();
    for (at, (_, gaps)) in group.iter().enumerate().skip(1).rev() {
        let common = intersect(&strip, gaps, min);
        if !interior(&common) {
            break;
        }
        strip = common;
        from = at;
    }
    // The columns start with a band that has text on both sides of the
    // gutter; a byline above them, on one side only, stays where it is.
    let two_sided = |band: &[Line]| {
        strip.iter().any(|g| {
            band.iter().any(|l| l.x1 <= g.0 + 0.5) && band.iter().any(|l| l.x0 >= g.1 - 0.5)
        })
    };
    while from < group.len() && !two_sided(&group[from].0) {
        from += 1;
    }
    (from, strip)
}

/// Where to cut `group`: the middle of the widest strip free of text all
/// the way down with text on both sides.
fn gutter(group: &[Line], min: f32) -> Option<f32> {
    let (left, right) = extent(group);
    let mut strips: Vec<Gap> = vec![(left, right)];
    for band in bands(group.to_vec()) {
        strips = intersect(&strips, &free(&band, left, right), min);
        if strips.is_empty() {
            return None;
        }
    }
    strips
        .into_iter()
        .filter(|&(x0, x1)| {
            group.iter().any(|l| l.x1 <= x0 + 0.5) && group.iter().any(|l| l.x0 >= x1 - 0.5)
        })
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
        .map(|(x0, x1)| (x0 + x1) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, x1: f32, baseline: f32) -> Line {
        Line {
            text: text.into(),
            x0,
            x1,
            baseline,
            size: 10.0,
            bold: false,
            italic: false,
            page: 0,
        }
    }

    fn order(lines: Vec<Line>) -> Vec<String> {
        reading_order(lines)
            .into_iter()
            .flatten()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn two_columns_under_a_full_width_title_read_column_by_column() {
        let mut lines = vec![line("title", 50.0, 500.0, 40.0)];
        for row in 0..3 {
            let y = 80.0 + 13.0 * row as f32;
            lines.push(line(&format!("L{row}"), 50.0, 270.0, y));
            lines.push(line(&format!("R{row}"), 290.0, 500.0, y));
        }
        lines.push(line("foot", 50.0, 500.0, 200.0));
        assert_eq!(
            order(lines),
            ["title", "L0", "L1", "L2", "R0", "R1", "R2", "foot"]
        );
    }

    #[test]
    fn three_columns_read_left_to_right() {
        let mut lines = Vec::new();
        for row in 0..2 {
            let y = 80.0 + 13.0 * row as f32;
            for (name, x0) in [("A", 50.0), ("B", 220.0), ("C", 390.0)] {
                lines.push(line(&format!("{name}{row}"), x0, x0 + 150.0, y));
            }
        }
        assert_eq!(order(lines), ["A0", "A1", "B0", "B1", "C0", "C1"]);
    }

    #[test]
    fn one_column_with_ragged_lines_stays_in_order() {
        let lines = vec![
            line("one", 50.0, 500.0, 80.0),
            line("two", 50.0, 200.0, 93.0),
            line("three", 50.0, 480.0, 106.0),
        ];
        assert_eq!(order(lines), ["one", "two", "three"]);
    }

    fn notes_under(columns_rows: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for row in 0..columns_rows {
            let y = 80.0 + 13.0 * row as f32;
            lines.push(line(&format!("L{row}"), 50.0, 270.0, y));
            lines.push(line(&format!("R{row}"), 290.0, 500.0, y));
        }
        let below = 80.0 + 13.0 * columns_rows as f32;
        lines.push(line("last", 50.0, 270.0, below));
        let mut heading = line("Notes", 50.0, 90.0, below + 30.0);
        heading.size = 11.0;
        heading.bold = true;
        lines.push(heading);
        for (n, y) in [(1, 45.0), (2, 56.0)] {
            let mut note = line(&format!("{n} note"), 50.0, 200.0, below + y);
            note.size = 7.5;
            lines.push(note);
        }
        order(lines)
    }

    #[test]
    fn a_notes_section_under_balanced_columns_follows_both_columns() {
        assert_eq!(
            notes_under(2),
            ["L0", "L1", "last", "R0", "R1", "Notes", "1 note", "2 note"]
        );
    }

    #[test]
    fn a_column_running_on_far_below_the_other_keeps_its_heading() {
        let mut lines = Vec::new();
        for row in 0..3 {
            let y = 80.0 + 13.0 * row as f32;
            lines.push(line(&format!("L{row}"), 50.0, 270.0, y));
            lines.push(line(&format!("R{row}"), 290.0, 500.0, y));
        }
        for row in 3..10 {
            lines.push(line(
                &format!("L{row}"),
                50.0,
                270.0,
                80.0 + 13.0 * row as f32,
            ));
        }
        let mut heading = line("Head", 50.0, 120.0, 240.0);
        heading.size = 12.0;
        lines.push(heading);
        lines.push(line("L10", 50.0, 270.0, 255.0));
        let read = order(lines);
        assert_eq!(read[..12].last().map(String::as_str), Some("L10"));
        assert_eq!(read[12..], ["R0", "R1", "R2"]);
    }

    #[test]
    fn columns_under_a_masthead_with_the_date_far_right_read_whole() {
        let sized = |text: &str, x0: f32, x1: f32, baseline: f32, size: f32| Line {
            size,
            ..line(text, x0, x1, baseline)
        };
        let mut lines = vec![
            sized("SERIES", 56.0, 170.0, 56.0, 11.0),
            sized("6 November 2020", 467.0, 539.0, 56.0, 9.0),
            sized("Title", 56.0, 411.0, 92.0, 20.0),
            sized("Authors", 56.0, 254.0, 121.0, 11.0),
            line("R short", 306.0, 367.0, 156.0),
            sized("Heading", 306.0, 370.0, 183.6, 12.0),
        ];
        for row in 0..6 {
            let y = 156.0 + 13.0 * row as f32;
            lines.push(line(&format!("L{row}"), 56.0, 273.0, y));
        }
        for row in 0..3 {
            let y = 196.6 + 13.0 * row as f32;
            lines.push(line(&format!("R{row}"), 306.0, 529.0, y));
        }
        let read = order(lines);
        let at = |name: &str| read.iter().position(|l| l == name).unwrap();
        assert!(at("L5") < at("R short"), "{read:?}");
        assert!(at("Heading") < at("R0"), "{read:?}");
    }

    #[test]
    fn a_title_byline_and_date_over_the_columns_stay_in_one_region() {
        let sized = |text: &str, x0: f32, x1: f32, baseline: f32, size: f32| Line {
            size,
            ..line(text, x0, x1, baseline)
        };
        let mut lines = vec![
            sized("Title, first line", 50.0, 540.0, 100.0, 22.0),
            sized("Shift", 50.0, 100.0, 126.0, 22.0),
            sized("Byline", 50.0, 230.0, 147.0, 11.0),
            line("12 April 2024", 50.0, 160.0, 161.0),
        ];
        for row in 0..4 {
            let y = 190.0 + 13.0 * row as f32;
            lines.push(line(&format!("L{row}"), 50.0, 270.0, y));
            lines.push(line(&format!("R{row}"), 290.0, 540.0, y));
        }
        let regions = reading_order(lines);
        let title = regions
            .iter()
            .find(|r| r.iter().any(|l| l.text == "Title, first line"))
            .unwrap();
        let texts: Vec<&str> = title.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Title, first line", "Shift", "Byline", "12 April 2024"]
        );
    }
}
