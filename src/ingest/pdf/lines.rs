//! Text runs to lines: runs on one baseline are joined into a line, split
//! where a gap is wider than a word space (a column gutter or a tab stop);
//! small raised digits after a word become footnote references (`[^3]`).

use super::gutters::{
    between_columns, confirmed, edge_for_edge, support, Cover, Span, GUTTER, SUPPORT, WIDE,
};
use super::source::{PageText, Run};

/// One line of text in one column, with its position and dominant font.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Points from the page top.
    pub baseline: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub page: usize,
}

impl Line {
    pub fn top(&self) -> f32 {
        self.baseline - self.size * 0.8
    }

    pub fn bottom(&self) -> f32 {
        self.baseline + self.size * 0.25
    }
}

/// A run marked as a footnote reference takes its host line's baseline.
struct Piece {
    run: Run,
    reference: bool,
}

/// The lines of every page, each page's top to bottom, left to right.
/// Gutters found on one page help to cut the rows of another: on a page
/// where the columns are only a line or two deep (the end of the text),
/// too few rows confirm the gutter on their own.
pub fn document_lines(pages: &[PageText]) -> Vec<Vec<Line>> {
    let rowed: Vec<PageRows> = pages.iter().map(page_rows).collect();
    let known = confirmed(rowed.iter().flat_map(PageRows::gutters));
    rowed
        .into_iter()
        .enumerate()
        .map(|(index, page)| page.lines(&known, index))
        .collect()
}

/// A page's pieces in rows, each sorted left to right, with their spans.
struct PageRows {
    rows: Vec<Vec<Piece>>,
    spans: Vec<Vec<Cover>>,
}

fn page_rows(page: &PageText) -> PageRows {
    let pieces = mark_references(&page.runs);
    let mut rows = rows(pieces);
    for row in &mut rows {
        row.sort_by(|a, b| a.run.x0.total_cmp(&b.run.x0));
        row.dedup_by(|b, a| a.run.text == b.run.text && (a.run.x0 - b.run.x0).abs() < 1.0);
    }
    let spans = rows.iter().map(|row| row_spans(row)).collect();
    PageRows { rows, spans }
}

impl PageRows {
    /// The white strips that enough rows confirm as gutters.
    fn gutters(&self) -> Vec<Span> {
        let mut found = Vec::new();
        for (at, row) in self.rows.iter().enumerate() {
            for pair in row.windows(2) {
                if gutter_wide(&pair[0], &pair[1]) {
                    let size = body_type(&pair[0], &pair[1]);
                    let gap = (pair[0].run.x1, pair[1].run.x0);
                    let found_here = support(at, gap, size, &self.spans);
                    let strip = found_here.strip;
                    let wide = strip.1 - strip.0 >= size * GUTTER;
                    if found_here.rows >= SUPPORT && found_here.aligned && wide {
                        found.push(strip);
                    }
                }
            }
        }
        found
    }

    /// The rows split at gutters: gaps enough rows confirm, or gaps that
    /// one more row confirms over a gutter `known` from elsewhere.
    fn lines(self, known: &[Span], index: usize) -> Vec<Line> {
        let spans = self.spans;
        let left = spans.iter().flatten().map(|c| c.0).fold(f32::MAX, f32::min);
        let is_gutter = |at: usize, start: f32, gap: Span, size: f32| {
            let found = support(at, gap, size, &spans);
            let over_known = known.iter().any(|k| {
                let overlap = gap.1.min(k.1) - gap.0.max(k.0);
                overlap >= (k.1 - k.0) * 0.8
            });
            found.rows >= SUPPORT && found.aligned
                || found.rows >= 1 && over_known
                || edge_for_edge(gap, known)
                || between_columns(start, gap, size, known, left)
        };
        self.rows
            .into_iter()
            .enumerate()
            .flat_map(|(at, row)| {
                split_row(
                    row,
                    |start, gap, size| is_gutter(at, start, gap, size),
                    index,
                )
            })
            .collect()
    }
}

fn row_spans(row: &[Piece]) -> Vec<Cover> {
    row.iter()
        .map(|p| (p.run.x0, p.run.x1, p.run.size))
        .collect()
}

/// The type a gutter is measured in: the smaller of the two sides, so a
/// heading in larger type beside a column of body text does not widen
/// the white it takes to part them.
fn body_type(last: &Piece, piece: &Piece) -> f32 {
    last.run.size.min(piece.run.size)
}

/// Whether a gap is as wide as a gutter in the body's type (see
/// [`body_type`]).
fn gutter_wide(last: &Piece, piece: &Piece) -> bool {
    !piece.reference && piece.run.x0 - last.run.x1 > body_type(last, piece) * GUTTER
}

/// Whether a gap is wider than `ems` of the type on either side.
fn wide_gap(last: &Piece, piece: &Piece, ems: f32) -> bool {
    let size = last.run.size.max(piece.run.size);
    !piece.reference && piece.run.x0 - last.run.x1 > size * ems
}

/// Whether two pieces are set in different type (a series band and a
/// date, a label and a page number): different elements, whatever the gap.
fn other_type(a: &Piece, b: &Piece) -> bool {
    (a.run.size - b.run.size).abs() > 0.5 || a.run.bold != b.run.bold
}

/// Small digits right after larger text are footnote references: raised,
/// or on the host's baseline (the parser may report a superscript there).
fn mark_references(runs: &[Run]) -> Vec<Piece> {
    runs.iter()
        .map(|run| match reference_host(run, runs) {
            None if note_number_host(run, runs).is_some() => {
                let host = note_number_host(run, runs).unwrap_or(run);
                Piece {
                    run: Run {
                        text: format!("{} ", run.text.trim()),
                        baseline: host.baseline,
                        size: host.size,
                        ..run.clone()
                    },
                    reference: false,
                }
            }
            Some(host) => Piece {
                run: Run {
                    text: format!("[^{}]", run.text.trim()),
                    baseline: host.baseline,
                    size: host.size,
                    bold: host.bold,
                    italic: host.italic,
                    ..run.clone()
                },
                reference: true,
            },
            None => Piece {
                run: run.clone(),
                reference: false,
            },
        })
        .collect()
}

fn reference_host<'r>(run: &Run, runs: &'r [Run]) -> Option<&'r Run> {
    let digits = run.text.trim();
    if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    runs.iter().find(|host| {
        let raised = host.baseline - run.baseline;
        host.size >= run.size * 1.25
            && raised > -host.size * 0.05
            && raised < host.size * 0.8
            && (run.x0 - host.x1).abs() < host.size * 0.6
    })
}

/// The note a small raised number starts (`¹Statement by…`, LaTeX's
/// footnote mark set close against its text): the number joins the note's
/// line as its first word, so the note reads as a footnote.
fn note_number_host<'r>(run: &Run, runs: &'r [Run]) -> Option<&'r Run> {
    let digits = run.text.trim();
    if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    runs.iter().find(|host| {
        let raised = host.baseline - run.baseline;
        host.size >= run.size * 1.2
            && raised > host.size * 0.1
            && raised < host.size * 0.8
            && (host.x0 - run.x1).abs() < host.size * 0.15
    })
}

/// Groups pieces whose baselines agree into rows, top to bottom.
fn rows(mut pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
    pieces.sort_by(|a, b| a.run.baseline.total_cmp(&b.run.baseline));
    let mut rows: Vec<(f32, f32, Vec<Piece>)> = Vec::new();
    for piece in pieces {
        let (baseline, size) = (piece.run.baseline, piece.run.size);
        match rows
            .iter_mut()
            .rev()
            .take(4)
            .find(|(b, s, _)| (baseline - *b).abs() <= 0.3 * s.min(size))
        {
            Some((_, _, row)) => row.push(piece),
            None => rows.push((baseline, size, vec![piece])),
        }
    }
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// Splits a sorted row at wide gaps that are column gutters (`gutter`,
/// given the gap and the type size) or part type, and joins each part's
/// runs.
fn split_row(row: Vec<Piece>, gutter: impl Fn(f32, Span, f32) -> bool, page: usize) -> Vec<Line> {
    let mut parts: Vec<Vec<Piece>> = Vec::new();
    for piece in row {
        let (start, last) = match parts.last() {
            Some(part) => (&part[0], &part[part.len() - 1]),
            None => {
                parts.push(vec![piece]);
                continue;
            }
        };
        let size = last.run.size.max(piece.run.size);
        // White narrower than a wide gap parts only a column's worth of
        // text from the next column (not a number from its heading).
        let column = wide_gap(last, &piece, WIDE) || last.run.x1 - start.run.x0 > size * 5.0;
        let gap = (last.run.x1, piece.run.x0);
        let other = other_type(last, &piece) && wide_gap(last, &piece, WIDE);
        let body = body_type(last, &piece);
        if other || column && gutter_wide(last, &piece) && gutter(start.run.x0, gap, body) {
            parts.push(vec![piece]);
        } else if let Some(part) = parts.last_mut() {
            part.push(piece);
        }
    }
    parts.into_iter().filter_map(|p| join(&p, page)).collect()
}

fn join(part: &[Piece], page: usize) -> Option<Line> {
    let mut text = String::new();
    let mut previous: Option<&Run> = None;
    for piece in part {
        let run = &piece.run;
        if let Some(prev) = previous {
            let spaced = prev.text.ends_with(char::is_whitespace)
                || run.text.starts_with(char::is_whitespace);
            if !piece.reference && !spaced && run.x0 - prev.x1 > run.size.min(prev.size) * 0.12 {
                text.push(' ');
            }
        }
        text.push_str(&run.text);
        previous = Some(run);
    }
    let text = normalise(&text);
    if text.is_empty() {
        return None;
    }
    let body: Vec<&Run> = part
        .iter()
        .filter(|p| !p.reference)
        .map(|p| &p.run)
        .collect();
    let weight = |r: &&Run| r.text.chars().filter(|c| !c.is_whitespace()).count();
    let main = body
        .iter()
        .copied()
        .max_by_key(weight)
        .unwrap_or(&part[0].run);
    let total: usize = body.iter().map(weight).sum();
    let bold: usize = body.iter().filter(|r| r.bold).map(weight).sum();
    let italic: usize = body.iter().filter(|r| r.italic).map(weight).sum();
    Some(Line {
        text,
        x0: part.iter().map(|p| p.run.x0).fold(f32::MAX, f32::min),
        x1: part.iter().map(|p| p.run.x1).fold(f32::MIN, f32::max),
        baseline: main.baseline,
        size: main.size,
        bold: bold * 2 > total,
        italic: italic * 2 > total,
        page,
    })
}

/// Collapses white space, undoes typographic ligatures and drops soft
/// hyphens inside the line (one at the line end marks a broken word).
fn normalise(text: &str) -> String {
    let text = text
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB00}', "ff")
        .replace('\u{FB03}', "ffi")
        .replace('\u{FB04}', "ffl")
        .replace('\u{A0}', " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Chromium prints a soft hyphen a line breaks at as U+00AD and a hyphen.
    // The hyphen may come before the soft hyphen, too.
    let broken = [
        "\u{AD}\u{2010}",
        "\u{AD}-",
        "\u{2010}\u{AD}",
        "-\u{AD}",
        "\u{AD}",
    ]
    .into_iter()
    .find_map(|mark| text.strip_suffix(mark));
    match broken {
        Some(rest) => format!("{}\u{AD}", rest.replace('\u{AD}', "")),
        None => text.replace('\u{AD}', ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_go_inside_a_line_and_mark_a_break_at_its_end() {
        assert_eq!(normalise("infr\u{AD}astr\u{AD}ucture"), "infrastructure");
        assert_eq!(normalise("the coun\u{AD}\u{2010}"), "the coun\u{AD}");
        assert_eq!(normalise("the coun\u{AD}"), "the coun\u{AD}");
        assert_eq!(normalise("the infr\u{2010}\u{AD}"), "the infr\u{AD}");
        assert_eq!(normalise("\u{FB01}nal  \u{FB02}ow"), "final flow");
    }

    fn run(text: &str, x0: f32, x1: f32, baseline: f32) -> Run {
        Run::plain(text, x0, x1, baseline)
    }

    fn texts(runs: Vec<Run>) -> Vec<String> {
        let page = PageText {
            height: 800.0,
            runs,
        };
        document_lines(&[page])
            .into_iter()
            .flatten()
            .map(|l| l.text)
            .collect()
    }

    /// `rows` rows of two justified columns (50–200, 220–370).
    fn columns(rows: usize) -> Vec<Run> {
        (0..rows)
            .flat_map(|row| {
                let y = 100.0 + 13.0 * row as f32;
                [
                    run(&format!("left {row}"), 50.0, 200.0, y),
                    run(&format!("right {row}"), 220.0, 370.0, y),
                ]
            })
            .collect()
    }

    #[test]
    fn a_column_line_starting_off_the_column_edge_is_still_cut_at_the_gutter() {
        let mut runs = columns(6);
        runs.retain(|r| r.text != "right 0");
        runs.push(run("rability review", 240.0, 330.0, 100.0));
        let lines = texts(runs);
        assert!(lines.contains(&"left 0".to_string()), "{lines:?}");
        assert!(lines.contains(&"rability review".to_string()), "{lines:?}");
    }

    #[test]
    fn a_stretched_space_before_a_right_justified_word_splits_no_line() {
        let mut runs = columns(10);
        for row in [2, 5, 8] {
            let y = 100.0 + 13.0 * row as f32;
            runs.retain(|r| !(r.text.starts_with("right") && r.baseline == y));
            runs.push(run("reviewed the", 220.0, 300.0, y));
            runs.push(run("fisheries", 330.0, 370.0, y));
        }
        let lines = texts(runs);
        assert_eq!(
            lines
                .iter()
                .filter(|l| *l == "reviewed the fisheries")
                .count(),
            3,
            "{lines:?}"
        );
    }

    #[test]
    fn columns_two_lines_deep_are_cut_at_the_gutter_other_pages_show() {
        let mut end = vec![
            run("left 0", 50.0, 200.0, 100.0),
            run("right 0", 220.0, 370.0, 100.0),
            run("left 1", 50.0, 200.0, 113.0),
            run("right 1", 220.0, 300.0, 113.0),
        ];
        end.push(run("1 A note.", 50.0, 120.0, 140.0));
        end.push(run("2 A note.", 50.0, 120.0, 150.0));
        let pages = [
            PageText {
                height: 800.0,
                runs: columns(12),
            },
            PageText {
                height: 800.0,
                runs: end,
            },
        ];
        let lines: Vec<String> = document_lines(&pages)[1]
            .iter()
            .map(|l| l.text.clone())
            .collect();
        assert_eq!(
            lines,
            [
                "left 0",
                "right 0",
                "left 1",
                "right 1",
                "1 A note.",
                "2 A note."
            ]
        );
    }

    #[test]
    fn a_heading_beside_a_column_is_parted_by_a_gutter_in_the_body_type() {
        let mut runs: Vec<Run> = (0..6)
            .flat_map(|row| {
                let y = 100.0 + 12.0 * row as f32;
                [
                    run(&format!("left {row}"), 50.0, 200.0, y),
                    run(&format!("right {row}"), 209.0, 359.0, y),
                ]
            })
            .collect();
        runs.retain(|r| r.text != "right 3");
        runs.push(Run {
            size: 14.0,
            ..run("Why the port", 209.0, 330.0, 136.0)
        });
        let lines = texts(runs);
        assert!(lines.contains(&"left 3".to_string()), "{lines:?}");
        assert!(lines.contains(&"Why the port".to_string()), "{lines:?}");
    }

    #[test]
    fn a_raised_note_number_starts_its_footnote() {
        let runs = vec![
            run(
                "Body text of the page, set in ten point type.",
                50.0,
                300.0,
                100.0,
            ),
            Run {
                size: 6.0,
                ..run("1", 50.0, 53.0, 697.0)
            },
            Run {
                size: 8.0,
                ..run("Statement by the assembly, 2022.", 53.4, 200.0, 700.0)
            },
        ];
        let lines = texts(runs);
        assert_eq!(lines[1], "1 Statement by the assembly, 2022.", "{lines:?}");
    }

    #[test]
    fn form_labels_side_by_side_under_a_title_stay_one_line() {
        let sized = |text: &str, x0: f32, x1: f32, baseline: f32, size: f32| Run {
            size,
            ..run(text, x0, x1, baseline)
        };
        let runs = vec![
            sized("Example for a Form", 167.0, 428.0, 95.0, 28.0),
            sized("First Name", 56.7, 110.9, 131.7, 11.0),
            sized("Last Name", 215.7, 268.4, 131.7, 11.0),
            sized("Birthday", 56.7, 99.2, 147.4, 11.0),
            sized("Gender:", 56.8, 95.4, 177.0, 12.0),
            sized("Female", 73.3, 109.5, 191.0, 11.0),
            sized("Male", 130.0, 154.4, 191.0, 11.0),
            sized("Nationality:", 56.8, 114.0, 219.3, 12.0),
            sized("Agree to privacy policy", 73.3, 186.3, 284.9, 11.0),
            sized("Other", 73.3, 102.9, 300.6, 11.0),
        ];
        let lines = texts(runs);
        assert!(
            lines.contains(&"First Name Last Name".to_string()),
            "{lines:?}"
        );
    }

    #[test]
    fn columns_one_em_apart_are_cut_but_numbers_before_headings_are_not() {
        let mut runs: Vec<Run> = (0..6)
            .flat_map(|row| {
                let y = 100.0 + 12.0 * row as f32;
                [
                    run(&format!("left {row}"), 50.0, 200.0, y),
                    run(&format!("right {row}"), 210.0, 360.0, y),
                ]
            })
            .collect();
        for (n, y) in [(1, 300.0), (2, 312.0), (3, 324.0), (4, 336.0)] {
            runs.push(run(&n.to_string(), 50.0, 55.0, y));
            runs.push(run("Heading", 65.0, 120.0, y));
        }
        let lines = texts(runs);
        assert!(lines.contains(&"left 0".to_string()), "{lines:?}");
        assert!(lines.contains(&"right 5".to_string()), "{lines:?}");
        assert!(lines.contains(&"3 Heading".to_string()), "{lines:?}");
    }

    #[test]
    fn stretched_spaces_after_long_words_on_consecutive_lines_make_no_gutter() {
        let rows: [&[(&str, f32, f32)]; 6] = [
            &[("office asked for the internat", 221.8, 374.5)],
            &[("ionalisation", 221.8, 286.8), ("of port", 312.7, 374.5)],
            &[("concession.", 221.8, 286.7), ("Kelvor", 340.1, 374.5)],
            &[
                ("questioned", 221.8, 283.8),
                ("the", 307.7, 328.3),
                ("port", 352.2, 374.5),
            ],
            &[("concession", 221.8, 283.4), ("after the", 305.9, 374.5)],
            &[("northern assembly asked for", 221.8, 374.5)],
        ];
        let runs = rows
            .iter()
            .enumerate()
            .flat_map(|(at, row)| {
                let y = 100.0 + 14.0 * at as f32;
                row.iter().map(move |&(text, x0, x1)| run(text, x0, x1, y))
            })
            .collect();
        let lines = texts(runs);
        assert!(
            lines.contains(&"questioned the port".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"concession after the".to_string()),
            "{lines:?}"
        );
    }
}
