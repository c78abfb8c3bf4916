//! The copies of the documents briefings were read from (saved web pages,
//! PDF files), written beside the site's pages as `originals/<slug>.<ext>`.

use crate::diagnostics::Diagnostic;
use crate::kb::KnowledgeBase;
use crate::model::page::Page;
use crate::paths;

/// Put in front of a copied web page, so that the page's own scripts,
/// plugins, frames and forms do not run on the site's origin (a browser
/// applies a policy in a `<meta>` element to everything parsed after it).
const PAGE_POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'\">\n";

/// The copy of briefing `b`'s original, if it was read from a document.
pub fn copy(kb: &KnowledgeBase, b: usize) -> Result<Option<Page>, Diagnostic> {
    let briefing = &kb.briefings[b].briefing;
    let Some(extension) = briefing.original else {
        return Ok(None);
    };
    let source = kb.config.seeds_dir.join(&briefing.source);
    let original = std::fs::read(&source).map_err(|e| {
        Diagnostic::error(source.clone(), format!("cannot copy the original: {e}"))
            .help("the file changed or vanished during the build; build again")
    })?;
    let bytes = match extension {
        "html" => with_policy(&original),
        _ => original,
    };
    Ok(Some(Page {
        path: paths::original_file(&briefing.slug, extension),
        bytes,
    }))
}

/// A web page's bytes with [`PAGE_POLICY`] in front, after the byte-order
/// mark if there is one and in the page's encoding.
fn with_policy(page: &[u8]) -> Vec<u8> {
    let utf16 = |word: fn(u16) -> [u8; 2]| -> Vec<u8> {
        PAGE_POLICY.encode_utf16().flat_map(word).collect()
    };
    let (mark, policy) = match page {
        [0xFF, 0xFE, ..] => (2, utf16(u16::to_le_bytes)),
        [0xFE, 0xFF, ..] => (2, utf16(u16::to_be_bytes)),
        [0xEF, 0xBB, 0xBF, ..] => (3, PAGE_POLICY.as_bytes().to_vec()),
        _ => (0, PAGE_POLICY.as_bytes().to_vec()),
    };
    [&page[..mark], &policy, &page[mark..]].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_goes_after_the_byte_order_mark() {
        assert!(with_policy(b"<p>x").starts_with(b"<meta http-equiv"));
        assert!(with_policy(b"\xEF\xBB\xBF<p>x").starts_with(b"\xEF\xBB\xBF<meta"));
        let utf16 = with_policy(&[0xFF, 0xFE, b'<', 0]);
        assert_eq!(&utf16[..4], &[0xFF, 0xFE, b'<', 0]);
        assert!(utf16.ends_with(&[b'>', 0, b'\n', 0, b'<', 0]));
    }
}
