//! Splitting a block of text into word tokens and sentences in one pass.
//!
//! The tokenizer is the extractor's hot loop: it reads each byte once, keeps
//! no allocations per token, and records just enough about each word (case,
//! possessive, what separates it from the previous word) for the name finder.

/// A word in a block, as byte offsets into the block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    /// End of the word itself, without a possessive `’s` or `’`.
    pub end: u32,
    /// End including the possessive suffix, as the word is written.
    pub surface_end: u32,
    pub flags: u16,
}

pub const CAPITALISED: u16 = 1;
pub const ALL_CAPS: u16 = 1 << 1;
pub const HAS_DIGIT: u16 = 1 << 2;
pub const POSSESSIVE: u16 = 1 << 3;
pub const SENTENCE_START: u16 = 1 << 4;
/// Only white space separates this token from the previous one.
pub const SPACE_BEFORE: u16 = 1 << 5;
pub const HYPHENATED: u16 = 1 << 6;
pub const ALL_DIGITS: u16 = 1 << 7;
/// The gap before this token holds an opening parenthesis.
pub const PAREN_BEFORE: u16 = 1 << 8;
/// The gap after this token holds a closing parenthesis.
pub const PAREN_AFTER: u16 = 1 << 9;

impl Token {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub fn word<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.surface_end as usize]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36F}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Tokenizes `text` into `tokens` (cleared first).
pub fn tokenize(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut gap = Gap {
        sentence_end: true,
        ..Gap::default()
    };
    while let Some(&byte) = bytes.get(pos) {
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
            gap.note(char::from(byte), || tokens.last().map(|t| t.word(text)));
            pos += 1;
            continue;
        }
        if !byte.is_ascii() {
            let c = char_at(text, pos);
            if !is_word_char(c) {
                gap.note(c, || tokens.last().map(|t| t.word(text)));
                pos += c.len_utf8();
                continue;
            }
        }
        let word = scan_word(text, pos);
        let mut token = word.token;
        if gap.sentence_end {
            token.flags |= SENTENCE_START;
        }
        if gap.only_space && !tokens.is_empty() {
            token.flags |= SPACE_BEFORE;
        }
        if gap.open_paren {
            token.flags |= PAREN_BEFORE;
        }
        if gap.close_paren {
            if let Some(previous) = tokens.last_mut() {
                previous.flags |= PAREN_AFTER;
            }
        }
        gap = Gap::default();
        let fused_split = if word.has_upper {
            split_fused(text, &mut token)
        } else {
            None
        };
        tokens.push(token);
        if let Some(rest) = fused_split {
            tokens.push(rest);
        }
        pos = word.next;
    }
    if gap.close_paren {
        if let Some(last) = tokens.last_mut() {
            last.flags |= PAREN_AFTER;
        }
    }
}

/// Spaces in a row that part columns rather than words.
const COLUMN_GAP: u8 = 4;

/// What stands between two words, noted character by character.
struct Gap {
    only_space: bool,
    /// Spaces in a row so far: four or more, or a tab, part columns
    /// (`Dynasties and Deadlocks      Research Network`, a running header).
    spaces: u8,
    open_paren: bool,
    close_paren: bool,
    sentence_end: bool,
    /// Whether any character of the gap has been noted yet.
    started: bool,
}

impl Default for Gap {
    fn default() -> Self {
        Gap {
            only_space: true,
            spaces: 0,
            open_paren: false,
            close_paren: false,
            sentence_end: false,
            started: false,
        }
    }
}

impl Gap {
    /// Notes one character; `previous_word` is asked for only when a full
    /// stop opens the gap.
    fn note<'t>(&mut self, c: char, previous_word: impl FnOnce() -> Option<&'t str>) {
        let first = !self.started;
        self.started = true;
        if c == ' ' {
            self.spaces = self.spaces.saturating_add(1);
            if self.spaces < COLUMN_GAP {
                return;
            }
        } else {
            self.spaces = 0;
            if c.is_whitespace() && c != '\t' {
                return;
            }
        }
        if c.is_whitespace() {
            // A column gap ends a name and a sentence alike.
            self.only_space = false;
            self.sentence_end = true;
            return;
        }
        self.only_space = false;
        match c {
            '(' => self.open_paren = true,
            ')' => self.close_paren = true,
            '?' | '!' | '…' => self.sentence_end = true,
            '.' => self.sentence_end |= !(first && previous_word().is_some_and(is_abbreviation)),
            _ => {}
        }
    }
}

/// An initial or an abbreviation whose full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let is_initial = word.len() == 1 && word.chars().all(char::is_uppercase);
    is_initial
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Prof"
                | "Gen"
                | "Col"
                | "Lt"
                | "Sgt"
                | "Jr"
                | "Sr"
                | "Inc"
                | "Ltd"
                | "Co"
                | "vs"
                | "etc"
                | "eg"
                | "ie"
                | "No"
                | "Art"
                | "Fig"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Maj"
                | "Capt"
                | "Adm"
        )
}

fn char_at(text: &str, pos: usize) -> char {
    let b = text.as_bytes()[pos];
    if b < 0x80 {
        b as char
    } else {
        text[pos..].chars().next().unwrap_or(' ')
    }
}

/// A word read by [`scan_word`].
struct Word {
    token: Token,
    /// Where scanning goes on: after the word and its possessive suffix.
    next: usize,
    /// Whether any letter is upper case (else it cannot be a fused pair).
    has_upper: bool,
}

/// What a word's letters tell its flags: how many are upper case, lower
/// case, digits and letters.
#[derive(Default)]
struct Letters {
    upper: u32,
    lower: u32,
    digits: u32,
    letters: u32,
}

impl Letters {
    /// Counts a character that is not ASCII.
    fn add(&mut self, c: char) {
        if c.is_uppercase() {
            self.upper += 1;
        } else if c.is_lowercase() {
            self.lower += 1;
        } else if c.is_numeric() {
            self.digits += 1;
        }
        self.letters += u32::from(c.is_alphabetic());
    }

    /// The flags these letters give a word (`hyphenated` or not).
    fn flags(&self, hyphenated: bool) -> u16 {
        let mut flags = 0;
        if self.upper >= 2 && self.lower == 0 && self.letters >= 2 {
            flags |= ALL_CAPS;
        }
        if self.digits > 0 {
            flags |= HAS_DIGIT;
            if self.letters == 0 && !hyphenated {
                flags |= ALL_DIGITS;
            }
        }
        flags
    }
}

/// Reads one word starting at `start`: letters and digits, joined by inner
/// hyphens and apostrophes, with a possessive suffix split off.
fn scan_word(text: &str, start: usize) -> Word {
    let mut flags = 0;
    let (end, letters, hyphenated) = word_end(text, start);
    let upper = char_at(text, start).is_uppercase();
    if (upper && !is_contraction(&text[start..end]))
        || (!upper && hyphenated && has_article_prefix(&text[start..end]))
        || (!upper && has_elided_article(&text[start..end]))
    {
        flags |= CAPITALISED;
    }
    if hyphenated {
        flags |= HYPHENATED;
    }
    let surface_end = possessive_end(text, start, end);
    if surface_end > end {
        flags |= POSSESSIVE;
    }
    flags |= letters.flags(hyphenated);
    let token = Token {
        start: start as u32,
        end: end as u32,
        surface_end: surface_end as u32,
        flags,
    };
    Word {
        token,
        next: surface_end,
        has_upper: letters.upper > 0,
    }
}

/// `d'Ivoire`, `l’Aquila`: an elided French or Italian article before a
/// capital is a word of the name it stands in (`Côte d'Ivoire`).
fn has_elided_article(word: &str) -> bool {
    let rest = match word.as_bytes() {
        [b'd' | b'l', b'\'', ..] => &word[2..],
        [b'd' | b'l', ..] if word[1..].starts_with('\u{2019}') => {
            &word[1 + '\u{2019}'.len_utf8()..]
        }
        _ => return false,
    };
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// `I’m`, `Don’t`, `You’ll`: a capital that starts a clause, not a name.
fn is_contraction(word: &str) -> bool {
    let Some((stem, ending)) = word.rsplit_once(['\'', '\u{2019}']) else {
        return false;
    };
    match ending {
        "m" | "ve" | "ll" | "re" | "d" => !stem.is_empty(),
        "t" => stem.ends_with('n'),
        _ => false,
    }
}

/// Where the word starting at `start` ends (before any possessive suffix),
/// its letters, and whether an inner hyphen joins it.
fn word_end(text: &str, start: usize) -> (usize, Letters, bool) {
    let mut pos = start;
    let mut letters = Letters::default();
    let mut hyphenated = false;
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(pos) {
        // ASCII fast path: most of the corpus is plain ASCII letters.
        if byte.is_ascii_lowercase() {
            let run = lowercase_run(&bytes[pos..]);
            letters.lower += run;
            letters.letters += run;
            pos += run as usize;
            continue;
        }
        if byte.is_ascii_uppercase() {
            letters.upper += 1;
            letters.letters += 1;
            pos += 1;
            continue;
        }
        if byte.is_ascii_digit() {
            letters.digits += 1;
            pos += 1;
            continue;
        }
        // Any other ASCII byte but a hyphen or an apostrophe ends the word.
        if byte.is_ascii() && byte != b'-' && byte != b'\'' {
            break;
        }
        let c = char_at(text, pos);
        if is_word_char(c) {
            letters.add(c);
            pos += c.len_utf8();
            continue;
        }
        let next = text[pos + c.len_utf8()..].chars().next();
        let joins = next.is_some_and(is_word_char);
        if is_hyphen(c) && joins {
            hyphenated = true;
            pos += c.len_utf8();
            continue;
        }
        if is_apostrophe(c) && joins && !is_possessive_s(text, pos + c.len_utf8()) {
            pos += c.len_utf8();
            continue;
        }
        break;
    }
    (pos, letters, hyphenated)
}

/// True when `’s` at `pos` (just after the apostrophe) is a possessive ending.
fn is_possessive_s(text: &str, pos: usize) -> bool {
    let mut chars = text[pos..].chars();
    matches!(chars.next(), Some('s' | 'S')) && chars.next().is_none_or(|c| !is_word_char(c))
}

/// How many bytes at the start of `bytes`, up to eight, are ASCII
/// lower-case letters, looked at all at once: most words are lower case.
fn lowercase_run(bytes: &[u8]) -> u32 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let Some(chunk) = bytes.first_chunk::<8>() else {
        return bytes.iter().take_while(|b| b.is_ascii_lowercase()).count() as u32;
    };
    let x = u64::from_le_bytes(*chunk);
    // Per byte, bit 7 of each mask: non-ASCII, at least `a`, past `z`. The
    // sums stay within each byte as the high bits are masked off first.
    let low = x & (0x7f * EACH);
    let at_least_a = low + (0x80 - u64::from(b'a')) * EACH;
    let past_z = low + (0x80 - u64::from(b'z' + 1)) * EACH;
    let other = (x | !at_least_a | past_z) & (0x80 * EACH);
    other.trailing_zeros() / 8
}

/// Where the word plus any possessive suffix ends: `’s`, or `’` after an s.
fn possessive_end(text: &str, start: usize, end: usize) -> usize {
    let Some(apostrophe) = apostrophe_len(text, end) else {
        return end;
    };
    let after = end + apostrophe;
    if is_possessive_s(text, after) {
        return after + 1;
    }
    let word = &text[start..end];
    let next_is_word = text[after..].chars().next().is_some_and(is_word_char);
    if word.ends_with(['s', 'S']) && !next_is_word && word.len() > 2 {
        return after;
    }
    end
}

/// An Arabic article before a capitalised name, written in lower case
/// (`al-Burhan`, `el-Sisi`, `ash-Shabaab`): the word is a name's.
fn has_article_prefix(word: &str) -> bool {
    // Most hyphenated words are no article's: test two bytes before nine prefixes.
    if !matches!(
        word.as_bytes(),
        [b'a' | b'e', _, b'-', ..] | [b'a', b's', b'h', b'-', ..]
    ) {
        return false;
    }
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "an-", "az-",
    ]
    .iter()
    .any(|article| {
        word.strip_prefix(article)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// The length in bytes of the apostrophe at `pos`, if there is one.
fn apostrophe_len(text: &str, pos: usize) -> Option<usize> {
    match text.as_bytes().get(pos)? {
        b'\'' => Some(1),
        0xE2 if text[pos..].starts_with('’') => Some('’'.len_utf8()),
        _ => None,
    }
}

/// Splits words fused by PDF extraction (`conflictThe`): a lowercase run of
/// three or more letters directly followed by a capital starts a new sentence.
fn split_fused(text: &str, token: &mut Token) -> Option<Token> {
    if token.has(CAPITALISED) || token.has(HYPHENATED) {
        return None;
    }
    let word = token.word(text);
    let boundary = word
        .char_indices()
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i)?;
    let head = &word[..boundary];
    if head.chars().count() < 3 || !head.chars().all(char::is_lowercase) {
        return None;
    }
    let tail_start = token.start + boundary as u32;
    let tail_chars = &word[boundary..];
    let mut tail = Token {
        start: tail_start,
        end: token.end,
        surface_end: token.surface_end,
        flags: (token.flags & (POSSESSIVE | HAS_DIGIT)) | CAPITALISED | SENTENCE_START,
    };
    if tail_chars.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !tail_chars.chars().any(char::is_lowercase)
    {
        tail.flags |= ALL_CAPS;
    }
    token.end = tail_start;
    token.surface_end = tail_start;
    token.flags &= !POSSESSIVE;
    Some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_are_not_capitalised_names() {
        for word in [
            "I\u{2019}m",
            "Don't",
            "You\u{2019}ll",
            "I've",
            "They're",
            "I\u{2019}d",
        ] {
            assert!(is_contraction(word), "{word}");
        }
        for word in ["O\u{2019}Neill", "D'Alema", "Ma'ale", "N'Djamena"] {
            assert!(!is_contraction(word), "{word}");
        }
        assert_eq!(words("I\u{2019}m told")[0].1 & CAPITALISED, 0);
        for elided in ["d'Ivoire", "l\u{2019}Aquila"] {
            assert_ne!(words(elided)[0].1 & CAPITALISED, 0, "{elided}");
        }
        assert_eq!(words("d'accord")[0].1 & CAPITALISED, 0);
    }

    #[test]
    fn a_column_gap_parts_words_as_a_sentence_end_does() {
        let header = words("Deadlocks      Research  Network\tPage");
        assert_eq!(header[1].1 & SPACE_BEFORE, 0);
        assert_ne!(header[1].1 & SENTENCE_START, 0);
        assert_ne!(header[2].1 & SPACE_BEFORE, 0);
        assert_eq!(header[3].1 & SPACE_BEFORE, 0);
    }

    fn words(text: &str) -> Vec<(String, u16)> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        tokens
            .iter()
            .map(|t| (t.surface(text).to_string(), t.flags))
            .collect()
    }

    #[test]
    fn possessives_are_split_off_but_kept_in_surface() {
        let text = "Belarus’ army and Lukashenka’s plan, Belarus' role, O’Brien";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let w: Vec<(&str, &str, bool)> = tokens
            .iter()
            .map(|t| (t.word(text), t.surface(text), t.has(POSSESSIVE)))
            .collect();
        assert_eq!(w[0], ("Belarus", "Belarus’", true));
        assert_eq!(w[3], ("Lukashenka", "Lukashenka’s", true));
        assert_eq!(w[5], ("Belarus", "Belarus'", true));
        assert_eq!(w[7], ("O’Brien", "O’Brien", false));
    }

    #[test]
    fn sentence_starts_and_spacing() {
        let w = words("Putin met Dr. Smith. Then, Ust-Luga (UL) won");
        let starts: Vec<&str> = w
            .iter()
            .filter(|(_, f)| f & SENTENCE_START != 0)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(starts, ["Putin", "Then"]);
        let ust = w.iter().find(|(s, _)| s == "Ust-Luga").unwrap();
        assert!(ust.1 & HYPHENATED != 0 && ust.1 & SPACE_BEFORE == 0);
        let ul = w.iter().find(|(s, _)| s == "UL").unwrap();
        assert!(ul.1 & ALL_CAPS != 0 && ul.1 & PAREN_BEFORE != 0 && ul.1 & PAREN_AFTER != 0);
    }

    #[test]
    fn lowercase_runs_are_counted_eight_bytes_at_a_time() {
        for text in [
            "",
            "a",
            "abcdefgh",
            "abcdefghijk",
            "abcDefgh",
            "abc defgh",
            "zzzzzzz{",
            "a`bcdefgh",
            "abcdefgé",
            "@abcdefgh",
        ] {
            let expected = text
                .bytes()
                .take(8)
                .take_while(u8::is_ascii_lowercase)
                .count();
            assert_eq!(lowercase_run(text.as_bytes()) as usize, expected, "{text}");
        }
    }

    #[test]
    fn fused_words_are_split() {
        let w = words("the conflictThe talks");
        let surfaces: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["the", "conflict", "The", "talks"]);
        assert!(w[2].1 & SENTENCE_START != 0);
    }
}
