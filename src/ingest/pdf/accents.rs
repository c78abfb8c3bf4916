//! Accents set as glyphs of their own: producers without precomposed
//! letters (LaTeX's OT1 fonts, some word processors) print `´` over `E`
//! as two runs. A run that is one spacing accent, over a letter of another
//! run on the same line, becomes that letter's accent: `´` + `Ecole` →
//! `École`, `ˇ` + `Lukasenka` → `Lukašenka`.

use unicode_normalization::UnicodeNormalization;

use super::source::Run;

/// The combining mark of a spacing accent glyph.
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '´' | '\u{2CA}' => '\u{301}',
        '`' | '\u{2CB}' => '\u{300}',
        '^' | 'ˆ' => '\u{302}',
        '~' | '˜' => '\u{303}',
        '¯' | 'ˉ' => '\u{304}',
        '˘' => '\u{306}',
        '˙' => '\u{307}',
        '¨' => '\u{308}',
        '˚' => '\u{30A}',
        '˝' => '\u{30B}',
        'ˇ' => '\u{30C}',
        '¸' => '\u{327}',
        '˛' => '\u{328}',
        _ => return None,
    })
}

/// Folds every lone accent run into the letter it sits over.
pub fn compose_accents(runs: &mut Vec<Run>) {
    let mut index = 0;
    while index < runs.len() {
        let accent = lone_accent(&runs[index]);
        let target = accent.and_then(|_| letter_under(runs, index));
        match (accent, target) {
            (Some(mark), Some((run, at))) => {
                add_mark(&mut runs[run], at, mark);
                runs.remove(index);
            }
            _ => index += 1,
        }
    }
}

/// The combining mark of a run that is nothing but one spacing accent.
fn lone_accent(run: &Run) -> Option<char> {
    let mut chars = run.text.trim().chars();
    let first = chars.next()?;
    chars.next().is_none().then(|| combining(first)).flatten()
}

/// The run and char index of the letter under the accent run at `index`:
/// on the same line (baselines within a type size), its estimated box
/// holding the accent's centre.
fn letter_under(runs: &[Run], index: usize) -> Option<(usize, usize)> {
    let accent = &runs[index];
    let centre = (accent.x0 + accent.x1) / 2.0;
    runs.iter().enumerate().find_map(|(i, run)| {
        let near = i != index
            && (run.baseline - accent.baseline).abs() <= run.size.max(accent.size)
            && run.x0 <= centre
            && centre <= run.x1;
        near.then(|| char_at(run, centre).map(|at| (i, at)))
            .flatten()
    })
}

/// The index of the letter of `run` at `x`, its glyphs taken as equally
/// wide (only the run's box is known), if that char is a letter.
fn char_at(run: &Run, x: f32) -> Option<usize> {
    let count = run.text.chars().count();
    let width = (run.x1 - run.x0) / count.max(1) as f32;
    let at = (((x - run.x0) / width.max(f32::EPSILON)) as usize).min(count.saturating_sub(1));
    run.text
        .chars()
        .nth(at)
        .filter(|c| c.is_alphabetic())
        .map(|_| at)
}

fn add_mark(run: &mut Run, at: usize, mark: char) {
    let mut text = String::with_capacity(run.text.len() + 2);
    for (i, c) in run.text.chars().enumerate() {
        text.push(c);
        if i == at {
            text.push(mark);
        }
    }
    run.text = text.nfc().collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, x1: f32, baseline: f32) -> Run {
        Run::plain(text, x0, x1, baseline)
    }

    #[test]
    fn an_accent_over_a_letter_joins_it() {
        // `Lukasenka`, nine glyphs of 5 pt from x 100; `ˇ` over the `s`.
        let mut runs = vec![
            run("Lukasenka", 100.0, 145.0, 700.0),
            run("ˇ", 120.5, 124.5, 698.0),
            run("´", 300.0, 304.0, 700.0),
            run("Ecole", 299.0, 324.0, 702.0),
        ];
        compose_accents(&mut runs);
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Lukašenka", "École"]);
    }

    #[test]
    fn an_accent_with_no_letter_under_it_stays() {
        let mut runs = vec![run("x", 100.0, 105.0, 700.0), run("^", 200.0, 204.0, 700.0)];
        compose_accents(&mut runs);
        assert_eq!(runs.len(), 2);
        let mut runs = vec![
            run("a b", 100.0, 115.0, 700.0),
            run("^", 106.0, 109.0, 700.0),
        ];
        compose_accents(&mut runs);
        assert_eq!(runs.len(), 2, "a space under the accent is no letter");
    }
}
