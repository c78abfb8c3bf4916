//! Where the corpus graph's labels go: the busiest nodes first, each label
//! above, below, right or left of its node, wherever it overlaps no label
//! already placed and stays inside the canvas; the rest get none.

/// The font size of graph labels, in canvas units.
pub const LABEL_FONT: f32 = 11.0;
/// The room kept between a label and its node, and around each label.
const GAP: f32 = 3.0;

/// Where a label's text is anchored: its middle, its start or its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    Middle,
    Start,
    End,
}

/// A placed label: its text's anchor point (on the baseline) and anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x: f32,
    pub y: f32,
    pub anchor: Anchor,
}

/// A node as label placement sees it: centre, radius and name.
pub struct Spot<'n> {
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub name: &'n str,
}

/// A rectangle: left, top, right, bottom.
type Rect = (f32, f32, f32, f32);

/// How wide `name` is at [`LABEL_FONT`], erring wide (as wide as DejaVu
/// Sans, the widest common sans-serif, or wider): narrow letters 0.4 em,
/// capitals and m, w 0.85 em, wide (CJK and similar) characters a full em,
/// the rest 0.65 em.
pub fn label_width(name: &str) -> f32 {
    let ems: f32 =
        name.chars()
            .map(|c| match c {
                'i' | 'j' | 'l' | 't' | 'f' | 'r' | 'I' | '.' | ',' | '\'' | ' ' | '-' | '('
                | ')' => 0.4,
                'm' | 'w' | 'M' | 'W' => 1.0,
                c if c.is_uppercase() => 0.85,
                c if c as u32 >= 0x1100 => 1.0,
                _ => 0.65,
            })
            .sum();
    ems * LABEL_FONT
}

/// Labels for at most `limit` of `spots`, taken in order (the busiest
/// first), on a canvas of `width` × `height`; `None` for the unlabelled.
pub fn place_labels(
    spots: &[Spot],
    limit: usize,
    width: f32,
    height: f32,
) -> Vec<Option<Placement>> {
    let mut taken: Vec<Rect> = Vec::new();
    spots
        .iter()
        .map(|spot| {
            if taken.len() >= limit {
                return None;
            }
            let (placement, rect) = candidates(spot).into_iter().find(|&(_, r)| {
                inside(r, width, height) && !taken.iter().any(|&t| overlap(r, t))
            })?;
            taken.push(rect);
            Some(placement)
        })
        .collect()
}

/// The four places a spot's label may go, best first, each with its box.
fn candidates(spot: &Spot) -> [(Placement, Rect); 4] {
    let (w, font) = (label_width(spot.name), LABEL_FONT);
    let (ascent, descent) = (font * 0.95, font * 0.3);
    let above = spot.y - spot.r - GAP;
    let below = spot.y + spot.r + GAP + ascent;
    let middle = spot.y + font * 0.3;
    let (right, left) = (spot.x + spot.r + GAP, spot.x - spot.r - GAP);
    let at = |x, y, anchor| Placement { x, y, anchor };
    [
        (
            at(spot.x, above, Anchor::Middle),
            (
                spot.x - w / 2.0,
                above - ascent,
                spot.x + w / 2.0,
                above + descent,
            ),
        ),
        (
            at(spot.x, below, Anchor::Middle),
            (
                spot.x - w / 2.0,
                below - ascent,
                spot.x + w / 2.0,
                below + descent,
            ),
        ),
        (
            at(right, middle, Anchor::Start),
            (right, middle - ascent, right + w, middle + descent),
        ),
        (
            at(left, middle, Anchor::End),
            (left - w, middle - ascent, left, middle + descent),
        ),
    ]
}

fn inside(r: Rect, width: f32, height: f32) -> bool {
    r.0 >= 0.0 && r.1 >= 0.0 && r.2 <= width && r.3 <= height
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.2 + GAP && b.0 < a.2 + GAP && a.1 < b.3 + GAP && b.1 < a.3 + GAP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(x: f32, y: f32, name: &str) -> Spot<'_> {
        Spot { x, y, r: 5.0, name }
    }

    /// The box of the candidate `placement` is, for `spot`.
    fn box_of(spot: &Spot, placement: Placement) -> Rect {
        candidates(spot)
            .into_iter()
            .find(|&(p, _)| p == placement)
            .map(|(_, r)| r)
            .expect("a placement is one of the candidates")
    }

    #[test]
    fn a_label_that_would_overlap_goes_below_its_node() {
        let spots = [
            spot(100.0, 100.0, "Alexander Lukashenka"),
            spot(100.0, 112.0, "Minsk"),
        ];
        let placed = place_labels(&spots, 10, 400.0, 400.0);
        assert_eq!(placed[0].unwrap().anchor, Anchor::Middle);
        assert!(placed[0].unwrap().y < 100.0, "the first label goes above");
        assert!(placed[1].unwrap().y > 112.0, "the second label goes below");
    }

    #[test]
    fn a_crowd_gets_labels_inside_the_canvas_none_overlapping_under_the_limit() {
        let names = [
            "Belarus",
            "Alexander Lukashenka",
            "Organization for Security and Co-operation in Europe",
            "Minsk",
            "北京",
        ];
        let spots: Vec<Spot> = (0..300)
            .map(|i| {
                spot(
                    (100 + (i * 7919) % 400) as f32,
                    (20 + (i * 104_729) % 260) as f32,
                    names[i % names.len()],
                )
            })
            .collect();
        let placed = place_labels(&spots, 60, 600.0, 300.0);
        assert!(placed[0].is_some(), "the busiest node is labelled");
        let boxes: Vec<Rect> = spots
            .iter()
            .zip(&placed)
            .filter_map(|(s, p)| p.map(|p| box_of(s, p)))
            .collect();
        assert!(
            boxes.len() > 20 && boxes.len() <= 60,
            "{} labels",
            boxes.len()
        );
        for (i, &a) in boxes.iter().enumerate() {
            assert!(inside(a, 600.0, 300.0), "{a:?} leaves the canvas");
            for &b in &boxes[i + 1..] {
                assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
