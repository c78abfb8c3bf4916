//! Words a text extraction cut after their first letter (`C entre
//! O strogorski` for `Centre Ostrogorski`), as letter-spaced type in a PDF
//! comes out: put back together where the pieces read as no word and the
//! whole does, or where a line holds two such cuts.

use std::borrow::Cow;

use crate::extract::lexicon::builtin;

/// A capital standing alone, then a space at byte `space` and a
/// lower-case piece.
struct Cut {
    space: usize,
    /// The whole word is a common word.
    known: bool,
}

/// `line` with its first-letter cuts closed.
pub fn rejoin_letter_spaced(line: &str) -> Cow<'_, str> {
    let cuts = cuts(line);
    let two_or_more = cuts.len() >= 2;
    let closing: Vec<&Cut> = cuts.iter().filter(|c| c.known || two_or_more).collect();
    if closing.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for cut in closing {
        out.push_str(&line[from..cut.space]);
        from = cut.space + 1;
    }
    out.push_str(&line[from..]);
    Cow::Owned(out)
}

/// Every capital alone before a space and a lower-case piece that is not a
/// word of its own.
fn cuts(line: &str) -> Vec<Cut> {
    let common = &builtin().common_words;
    // On a line in capitals the piece is in capitals too (`E UROPEAN`).
    let capitals = !line.chars().any(char::is_lowercase);
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        let alone_before = previous.is_none_or(|p| !p.is_alphanumeric() && p != '\'');
        previous = Some(c);
        if !(c.is_uppercase() && alone_before) {
            continue;
        }
        let space = at + c.len_utf8();
        if !line[space..].starts_with(' ') {
            continue;
        }
        let piece_start = space + 1;
        let piece_len = line[piece_start..]
            .find(|ch: char| !ch.is_alphabetic())
            .unwrap_or(line.len() - piece_start);
        let piece = &line[piece_start..piece_start + piece_len];
        if piece.len() < 2 || !(capitals || piece.starts_with(char::is_lowercase)) {
            continue;
        }
        let piece_lower = piece.to_lowercase();
        if common.contains(&piece_lower) {
            continue;
        }
        let whole = format!("{}{piece_lower}", c.to_lowercase());
        found.push(Cut {
            space,
            known: common.contains(&whole),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::rejoin_letter_spaced;

    #[test]
    fn cut_names_and_words_close() {
        assert_eq!(
            rejoin_letter_spaced("the C entre O strogorski in Minsk"),
            "the Centre Ostrogorski in Minsk"
        );
        assert_eq!(
            rejoin_letter_spaced("a report by the I nstitute on trade"),
            "a report by the Institute on trade"
        );
        assert_eq!(
            rejoin_letter_spaced("E UROPEAN P OLICY C ENTRE"),
            "EUROPEAN POLICY CENTRE"
        );
    }

    #[test]
    fn real_single_letters_stay() {
        for line in [
            "A bit of Plan B and vitamin D deficiency",
            "I think the U turn was Article X of the treaty",
            "Tomas J smithers",
            "Grade A eggs",
            "A NEW ERA FOR PLAN B",
        ] {
            assert_eq!(rejoin_letter_spaced(line), line);
        }
    }
}
