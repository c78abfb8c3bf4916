//! A generated corpus of 500 briefings builds, and crawling the whole output
//! finds no broken internal link or `#anchor`.

mod common;

#[test]
fn generated_corpus_of_500_has_no_broken_links() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    common::generated_corpus(500, &corpus);
    let out = common::build(&corpus).expect("the generated corpus builds");
    let pages = common::files(&out)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .count();
    assert!(pages > 1000, "only {pages} pages");
    let broken = common::broken_links(&out);
    assert!(
        broken.is_empty(),
        "{} broken links, first: {:?}",
        broken.len(),
        broken.iter().take(10).collect::<Vec<_>>()
    );
}
