//! Source files as text: read with size limits and a check for binary
//! content before the rest is read, then decoded from UTF-8 or UTF-16 with
//! LF line ends, refusing characters no output may hold.

use std::path::Path;

use crate::diagnostics::{line_column, Diagnostic};

/// How many bytes [`decode`] looks at for a NUL that marks a binary file.
const SNIFF_BYTES: usize = 8192;

/// The bytes of the file at `path`, if it is no larger than `limit` and its
/// first [`SNIFF_BYTES`] hold no NUL (UTF-16 aside; only for `text`): both are checked before
/// the rest is read, so a huge or sparse file costs no memory.
pub(super) fn read_bytes(path: &Path, limit: u64, text: bool) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let failed =
        |e: std::io::Error| Diagnostic::error(path.to_path_buf(), format!("failed to read: {e}"));
    let file = std::fs::File::open(path).map_err(failed)?;
    let size = file.metadata().map_err(failed)?.len();
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte more than the limit: a file that grew since is caught too.
    let mut reader = file.take(limit + 1);
    let mut head = [0u8; SNIFF_BYTES];
    let mut filled = 0;
    while filled < SNIFF_BYTES {
        match reader.read(&mut head[filled..]).map_err(failed)? {
            0 => break,
            n => filled += n,
        }
    }
    bytes.extend_from_slice(&head[..filled]);
    if text && decode_head(&bytes) == Err(DecodeProblem::Binary) {
        return Err(DecodeProblem::Binary.into_diagnostic(path));
    }
    reader.read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, limit: u64) -> Diagnostic {
    const MB: u64 = 1024 * 1024;
    Diagnostic::error(
        path.to_path_buf(),
        format!(
            "the file is {} MB, more than the limit of {} MB for one source file",
            size.div_ceil(MB),
            limit / MB
        ),
    )
    .help(
        "split it into smaller briefings, or raise `max-file-size-mb` under [dossier] in book.toml",
    )
}

/// Why a file's bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    Binary,
    InvalidUtf8 { line: usize, column: usize },
    InvalidUtf16,
}

impl DecodeProblem {
    pub(super) fn into_diagnostic(self, path: &Path) -> Diagnostic {
        let at = Diagnostic::error(path.to_path_buf(), "");
        match self {
            DecodeProblem::Binary => Diagnostic {
                message: "this is a binary file, not a text briefing".into(),
                ..at
            }
            .help("move it out of the seeds folder"),
            DecodeProblem::InvalidUtf8 { line, column } => Diagnostic {
                message: "the file is not valid UTF-8".into(),
                ..at
            }
            .at(line, Some(column))
            .help("re-save the file as UTF-8 (for example with `iconv -f latin1 -t utf-8`)"),
            DecodeProblem::InvalidUtf16 => Diagnostic {
                message: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16"
                    .into(),
                ..at
            }
            .help("re-save the file as UTF-8"),
        }
    }
}

/// Decodes a source file's bytes into text with LF line ends.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeProblem> {
    decode_owned(bytes.to_vec())
}

/// Whether the first bytes of a file already show it is binary: no UTF-16
/// byte-order mark, and a NUL among the first [`SNIFF_BYTES`].
fn decode_head(bytes: &[u8]) -> Result<(), DecodeProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(());
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return Err(DecodeProblem::Binary);
    }
    Ok(())
}

/// [`decode`], taking the bytes: UTF-8 becomes the text without a copy.
pub(super) fn decode_owned(mut bytes: Vec<u8>) -> Result<String, DecodeProblem> {
    decode_head(&bytes)?;
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)?
    } else {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let bytes = e.as_bytes();
                let valid_up_to = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&bytes[..valid_up_to]);
                let (line, column) = line_column(&valid, valid.len());
                return Err(DecodeProblem::InvalidUtf8 { line, column });
            }
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(
        if may_hold_forbidden(text.as_bytes()) && text.contains(is_forbidden) {
            text.chars()
                .filter_map(|c| match c {
                    // Vertical tab, form feed (PDF page breaks), next line.
                    '\u{b}' | '\u{c}' | '\u{85}' => Some('\n'),
                    c if is_forbidden(c) => None,
                    c => Some(c),
                })
                .collect()
        } else {
            text
        },
    )
}

/// A quick byte scan that rules out [`is_forbidden`] characters for most
/// text: ASCII controls are seen directly, and only the lead bytes that can
/// start a C1 control (`C2`) or a noncharacter (`EF`, `F0`–`F4`) send the
/// text to the exact check.
fn may_hold_forbidden(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| {
        (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7F || b == 0xC2 || b == 0xEF || b >= 0xF0
    })
}

/// Characters no output may hold: control characters other than tab and
/// line feed, and Unicode noncharacters. XML 1.0 forbids most of them, so one
/// stray byte would make every Atom feed that carries the briefing unreadable;
/// HTML parsers count them as errors.
pub fn is_forbidden(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

fn decode_utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, DecodeProblem> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeProblem::InvalidUtf16);
    }
    let units = bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeProblem::InvalidUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_crlf_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "hé");
    }

    #[test]
    fn reports_invalid_utf8_position_and_binary() {
        assert_eq!(
            decode(b"ok\nab\xFFc"),
            Err(DecodeProblem::InvalidUtf8 { line: 2, column: 3 })
        );
        assert_eq!(decode(b"\x89PNG\0\0"), Err(DecodeProblem::Binary));
    }
}
