//! `serve`'s rebuilds: an edit of a briefing's text (Markdown or plain
//! text) is patched in (only the
//! pages showing that text are rendered), anything else builds in full, and
//! after every kind of edit the site is byte-identical to a fresh full build.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use dossier::incremental::{Rebuild, Session};
use dossier::BuildOptions;

/// The kinds of edit a writer makes while `serve` runs.
#[derive(Debug, Clone, Copy)]
enum Edit {
    /// A sentence without names added at the end.
    AppendPlain,
    /// Words added inside the first sentence that has " that ".
    Reword,
    /// The last paragraph removed.
    DropLastParagraph,
    /// The first two paragraphs swapped.
    SwapParagraphs,
    /// A new title.
    Retitle,
    /// The same text as before (a save without changes).
    Touch,
    /// A new briefing that copies another's body.
    AddFile,
    /// A briefing deleted.
    RemoveFile,
    /// The first paragraph repeated at the end: its names counted again.
    RepeatParagraph,
    /// A sentence of another briefing appended: names this one lacked.
    BorrowSentence,
}

const EDITS: [Edit; 10] = [
    Edit::AppendPlain,
    Edit::Reword,
    Edit::DropLastParagraph,
    Edit::SwapParagraphs,
    Edit::Retitle,
    Edit::Touch,
    Edit::AddFile,
    Edit::RemoveFile,
    Edit::RepeatParagraph,
    Edit::BorrowSentence,
];

/// Front matter and body of a generated briefing.
fn split(text: &str) -> (&str, &str) {
    let end = text[3..].find("\n---\n").expect("front matter") + 3 + 5;
    text.split_at(end)
}

fn apply(edit: Edit, file: &Path, n: usize) {
    let text = fs::read_to_string(file).unwrap();
    let (front, body) = split(&text);
    let mut paragraphs: Vec<&str> = body.split("\n\n").collect();
    let new = match edit {
        Edit::AppendPlain => format!("{text}\nThe ministry confirmed the plan again.\n"),
        Edit::Reword => text.replacen(" that ", " that, as noted earlier, ", 1),
        Edit::DropLastParagraph => {
            paragraphs.retain(|p| !p.trim().is_empty());
            paragraphs.pop();
            format!("{front}{}\n", paragraphs.join("\n\n"))
        }
        Edit::SwapParagraphs => {
            let at: Vec<usize> = (0..paragraphs.len())
                .filter(|&i| !paragraphs[i].starts_with('#') && !paragraphs[i].trim().is_empty())
                .take(2)
                .collect();
            paragraphs.swap(at[0], at[1]);
            format!("{front}{}", paragraphs.join("\n\n"))
        }
        Edit::Retitle => text.replacen("title: \"", &format!("title: \"Revised {n}: "), 1),
        Edit::Touch => text,
        Edit::AddFile => {
            let copy = file.with_file_name(format!("added-{n}.md"));
            let retitled = text.replacen("title: \"", &format!("title: \"Added {n}: "), 1);
            fs::write(copy, retitled).unwrap();
            return;
        }
        Edit::RemoveFile => {
            fs::remove_file(file).unwrap();
            return;
        }
        Edit::RepeatParagraph => {
            let first = body_paragraphs(&paragraphs)[0];
            format!("{}\n\n{first}\n", text.trim_end())
        }
        Edit::BorrowSentence => {
            let other = fs::read_to_string(neighbour(file)).unwrap();
            let (_, other_body) = split(&other);
            let other_paragraphs: Vec<&str> = other_body.split("\n\n").collect();
            let first = body_paragraphs(&other_paragraphs)[0];
            let sentence = first.split_inclusive(". ").next().unwrap().trim();
            format!("{}\n\n{sentence}\n", text.trim_end())
        }
    };
    fs::write(file, new).unwrap();
}

/// The paragraphs of a body that are neither headings nor blank.
fn body_paragraphs<'t>(paragraphs: &[&'t str]) -> Vec<&'t str> {
    paragraphs
        .iter()
        .copied()
        .filter(|p| !p.trim_start().starts_with('#') && !p.trim().is_empty())
        .collect()
}

/// Another briefing of the same folder: the next by name, or the first.
fn neighbour(file: &Path) -> PathBuf {
    let files = files_with_extension(file.parent().unwrap(), "md");
    let at = files.iter().position(|f| f == file).unwrap();
    files[(at + 1) % files.len()].clone()
}

fn files_with_extension(seeds: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = common::files(seeds)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| seeds.join(p))
        .collect();
    files.sort();
    files
}

/// A session building the site at `root` into `root/book`.
fn session_at(root: &Path) -> Session {
    Session::new(BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
}

/// A generated corpus of 40 briefings under `dir`, built in full by a new
/// session: its root, its output folder and the session.
fn served_corpus(dir: &Path) -> (PathBuf, PathBuf, Session) {
    served_corpus_paged(dir, None)
}

/// As [`served_corpus`], with `page-size` set when given.
fn served_corpus_paged(dir: &Path, page_size: Option<usize>) -> (PathBuf, PathBuf, Session) {
    let root = dir.join("corpus");
    common::generated_corpus(40, &root);
    if let Some(size) = page_size {
        let book = root.join("book.toml");
        let config = fs::read_to_string(&book).unwrap();
        fs::write(&book, format!("{config}\n[dossier]\npage-size = {size}\n")).unwrap();
    }
    let out = dir.join("served");
    let mut session = Session::new(BuildOptions {
        root: root.clone(),
        out: Some(out.clone()),
        ..Default::default()
    });
    assert!(matches!(session.build().unwrap(), Rebuild::Full(..)));
    (root, out, session)
}

/// Asserts two sites have the same files with the same bytes, naming the
/// first file that differs.
fn assert_same_site(served: &Path, fresh: &Path, context: &str) {
    let (served, expected) = (common::snapshot(served), common::snapshot(fresh));
    let paths = |s: &[(PathBuf, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(
        paths(&served),
        paths(&expected),
        "{context}: file lists differ"
    );
    for ((path, a), (_, b)) in served.iter().zip(&expected) {
        assert!(a == b, "{context}: {} differs", path.display());
    }
}

fn fresh_build(root: &Path, out: &Path) -> PathBuf {
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        ..Default::default()
    };
    dossier::build(&options).expect("fresh build").out_dir
}

#[test]
fn every_kind_of_edit_ends_byte_identical_to_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out, mut session) = served_corpus(dir.path());
    let mut patched_with_entity_pages = 0;
    let mut patched_with_recounts = 0;
    // Each kind of edit twice, on briefings picked by a fixed stride.
    for (n, &edit) in EDITS.iter().chain(EDITS.iter()).enumerate() {
        let files = files_with_extension(&root.join("seeds"), "md");
        let file = &files[(n * 7 + 3) % files.len()];
        apply(edit, file, n);
        let rebuild = session.build().expect("rebuild");
        match (&rebuild, edit) {
            (Rebuild::Patched(p), _) => {
                assert_eq!(p.briefings.len(), 1, "{edit:?}");
                if p.written > 1 {
                    patched_with_entity_pages += 1;
                }
                if p.recounted > 0 {
                    patched_with_recounts += 1;
                }
                eprintln!("{edit:?}: patched, {} recounted", p.recounted);
            }
            (Rebuild::Full(..), Edit::AppendPlain | Edit::Touch) => {
                panic!("{edit:?} of {} was not patched in", file.display())
            }
            (Rebuild::Full(..), _) => eprintln!("{edit:?}: full build"),
        }
        if matches!(edit, Edit::Touch) {
            // Nothing changed: no page may be written.
            if let Rebuild::Patched(p) = &rebuild {
                assert_eq!(p.written, 0);
            }
        }
        let fresh = fresh_build(&root, &dir.path().join(format!("fresh-{n}")));
        assert_same_site(
            &out,
            &fresh,
            &format!("after {edit:?} of {}", file.display()),
        );
        fs::remove_dir_all(&fresh).unwrap();
    }
    assert!(
        patched_with_entity_pages > 0,
        "no patched edit rewrote an entity page's quoted sentence"
    );
    assert!(
        patched_with_recounts >= 2,
        "only {patched_with_recounts} patched edit(s) changed which entities a briefing names"
    );
}

#[test]
fn edits_of_plain_text_briefings_are_patched_in_too() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out, mut session) = served_corpus(dir.path());
    let plain = files_with_extension(&root.join("seeds"), "txt");
    assert!(plain.len() >= 2, "the corpus has too few .txt briefings");
    for (n, file) in plain.iter().take(3).enumerate() {
        let text = fs::read_to_string(file).unwrap();
        // A new paragraph without names, then a sentence reworded.
        let edits = [
            format!("{text}\nThe committee met again later that week.\n"),
            text.replacen(" that ", " that, as noted earlier, ", 1),
        ];
        for (k, edited) in edits.iter().enumerate() {
            fs::write(file, edited).unwrap();
            let rebuild = session.build().unwrap();
            if k == 0 {
                assert!(matches!(rebuild, Rebuild::Patched(_)), "{rebuild:?}");
            }
            let fresh = fresh_build(&root, &dir.path().join(format!("fresh-{n}-{k}")));
            assert_same_site(&out, &fresh, &file.display().to_string());
            fs::remove_dir_all(&fresh).unwrap();
        }
    }
}

#[test]
fn the_sample_briefing_extracted_from_a_pdf_is_patched_in() {
    let site = tempfile::tempdir().unwrap();
    let repo = common::repo();
    for file in common::files(&repo.join("seeds")) {
        let bytes = fs::read(repo.join("seeds").join(&file)).unwrap();
        common::write(site.path(), &format!("seeds/{}", file.display()), &bytes);
    }
    common::write(
        site.path(),
        "book.toml",
        &fs::read(repo.join("book.toml")).unwrap(),
    );
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let sample = site.path().join("seeds/000_3d1f1b5c911402f3.txt");
    let text = fs::read_to_string(&sample).unwrap();
    let edited = text.replacen(
        "met for the first time",
        "met, in person, for the first time",
        1,
    );
    assert_ne!(edited, text);
    fs::write(&sample, edited).unwrap();
    let Rebuild::Patched(patched) = session.build().unwrap() else {
        panic!("an edit of the sample's text was built in full");
    };
    assert!(patched.written >= 3, "{patched:?}");
    let lukashenka = fs::read_to_string(out.join("entities/alexander-lukashenka.html")).unwrap();
    assert!(lukashenka.contains("met, in person, for the first time"));
    let fresh = fresh_build(site.path(), &site.path().join("fresh"));
    assert_same_site(&out, &fresh, "after the edit");
}

#[test]
fn a_failed_rebuild_keeps_the_site_and_the_next_one_recovers() {
    let site = common::two_briefings();
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let before = common::snapshot(&out);
    let first = site.path().join("seeds/first.md");
    fs::write(&first, "---\ntitle: [unclosed\n---\n\nText.\n").unwrap();
    let failure = session.build().expect_err("bad front matter fails");
    assert!(failure.to_string().contains("first.md"), "{failure}");
    assert_eq!(
        common::snapshot(&out),
        before,
        "the failed rebuild changed the site"
    );
    fs::write(
        &first,
        "---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius again.\n",
    )
    .unwrap();
    session.build().expect("fixed");
    let fresh = fresh_build(site.path(), &site.path().join("fresh"));
    assert_same_site(&out, &fresh, "after the edit");
}

#[test]
fn an_edited_opening_is_patched_into_pages_and_preview_cards() {
    let opening = "Poland met Lithuania in Vilnius to discuss the border.";
    let site = common::site(&[
        (
            "seeds/first.md",
            &format!("---\ntitle: First look\ndate: 2024-01-01\n---\n\n{opening}\n"),
        ),
        (
            "seeds/second.md",
            "---\ntitle: Second look\ndate: 2024-02-01\n---\n\nNATO met in Brussels with Poland.\n",
        ),
    ]);
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let edited = opening.replace("discuss", "discuss, at length,");
    common::write(
        site.path(),
        "seeds/first.md",
        format!("---\ntitle: First look\ndate: 2024-01-01\n---\n\n{edited}\n").as_bytes(),
    );
    let Rebuild::Patched(patched) = session.build().unwrap() else {
        panic!("a text edit was built in full");
    };
    // The briefing, Poland's and Lithuania's and Vilnius's pages quote the
    // sentence, and the preview card shows the opening.
    assert!(patched.written >= 5, "{patched:?}");
    let previews: String = common::files(&out.join("previews"))
        .iter()
        .map(|f| fs::read_to_string(out.join("previews").join(f)).unwrap())
        .collect();
    assert!(
        previews.contains("at length"),
        "the preview card kept the old opening"
    );
    let fresh = fresh_build(site.path(), &site.path().join("fresh"));
    assert_same_site(&out, &fresh, "after the edit");
}

#[test]
fn a_deleted_site_is_built_again_in_full() {
    let site = common::site(&[(
        "seeds/first.md",
        "---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius.\n",
    )]);
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    fs::remove_dir_all(&out).unwrap();
    common::write(
        site.path(),
        "seeds/first.md",
        b"---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius today.\n",
    );
    assert!(matches!(session.build().unwrap(), Rebuild::Full(..)));
    assert!(out.join("index.html").is_file());
}

#[test]
fn a_plain_text_edit_that_changes_running_labels_builds_in_full() {
    // Two running labels split paragraphs in both files; the first names the
    // series. Dropping the second from one file leaves it in one file only:
    // no longer a label, so the other file reads differently, while the
    // edited file keeps its series and names.
    let page = |title: &str, second: bool| {
        let second = if second { "\n\nSECOND LABEL\n\n" } else { " " };
        format!(
            "{title}\n\nAnna Author\n\nPoland and Lithuania met in Vilnius to talk about the\n\n\
             WEEKLY NOTES\n\nborder and{second}about trade, officials in Warsaw said on Monday.\n"
        )
    };
    let site = common::site(&[
        ("seeds/one.txt", &page("First look at the border", true)),
        ("seeds/two.txt", &page("Second look at the border", true)),
    ]);
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let two = fs::read_to_string(out.join("briefings/second-look-at-the-border.html")).unwrap();
    assert!(
        !two.contains("SECOND LABEL"),
        "the fixture's label was not found"
    );
    common::write(
        site.path(),
        "seeds/one.txt",
        page("First look at the border", false).as_bytes(),
    );
    assert!(matches!(session.build().unwrap(), Rebuild::Full(..)));
    let fresh = fresh_build(site.path(), &site.path().join("fresh"));
    assert_same_site(&out, &fresh, "after the edit");
}

/// Writes `text` as the body of `first.md` of [`three_on_poland`].
fn edit_first(root: &Path, text: &str) {
    let body = format!("---\ntitle: First look\ndate: 2024-01-01\n---\n\n{text}\n");
    common::write(root, "seeds/first.md", body.as_bytes());
}

/// A site of three briefings naming Poland, one list entry per page.
fn three_on_poland() -> tempfile::TempDir {
    let briefing = |title: &str, date: &str, text: &str| {
        format!("---\ntitle: {title}\ndate: {date}\n---\n\n{text}\n")
    };
    common::site(&[
        (
            "book.toml",
            "[book]\ntitle = \"T\"\n\n[dossier]\npage-size = 1\n",
        ),
        (
            "seeds/first.md",
            &briefing(
                "First look",
                "2024-01-01",
                "Poland met Lithuania in Vilnius. The talks went on.",
            ),
        ),
        (
            "seeds/second.md",
            &briefing(
                "Second look",
                "2024-02-01",
                "Poland met Estonia in Tallinn.",
            ),
        ),
        (
            "seeds/third.md",
            &briefing("Third look", "2024-03-01", "Poland met Latvia in Riga."),
        ),
    ])
}

#[test]
fn an_entity_named_more_or_less_is_recounted_and_its_pages_follow() {
    let site = three_on_poland();
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    assert!(out.join("entities/poland/page-3.html").is_file());
    let cases = [
        // Poland twice: counted again, nothing else moves.
        "Poland met Lithuania in Vilnius. Poland went on.",
        // Poland no longer named: its third page goes, co-mentions and
        // related briefings change.
        "Lithuania met officials in Vilnius. The talks went on.",
        // Named again.
        "Poland met Lithuania in Vilnius. The talks went on.",
    ];
    for (n, text) in cases.into_iter().enumerate() {
        edit_first(site.path(), text);
        let Rebuild::Patched(patched) = session.build().unwrap() else {
            panic!("edit {n} was built in full");
        };
        assert!(patched.recounted > 0, "edit {n}: {patched:?}");
        let fresh = fresh_build(site.path(), &site.path().join(format!("fresh-{n}")));
        assert_same_site(&out, &fresh, &format!("after edit {n}"));
        assert_eq!(out.join("entities/poland/page-3.html").is_file(), n != 1);
    }
}

#[test]
fn an_edit_that_changes_what_the_corpus_decides_builds_in_full() {
    let site = three_on_poland();
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let cases = [
        // A form of Poland no briefing used: its aliases change.
        ("Poland's envoy met Lithuania in Vilnius.", "written form"),
        // A country no briefing named: a new entity.
        (
            "Poland met Lithuania and Finland in Vilnius.",
            "an entity would appear",
        ),
    ];
    for (n, (text, why)) in cases.into_iter().enumerate() {
        let body = format!("---\ntitle: First look\ndate: 2024-01-01\n---\n\n{text}\n");
        common::write(site.path(), "seeds/first.md", body.as_bytes());
        let rebuild = session.build().unwrap();
        let Rebuild::Full(_, Some(reason)) = &rebuild else {
            panic!("edit {n} was not built in full, with a reason: {rebuild:?}");
        };
        let reason = reason.to_string();
        assert!(
            reason.starts_with("first.md ") && reason.contains(why),
            "edit {n}: {reason}"
        );
        let fresh = fresh_build(site.path(), &site.path().join(format!("fresh-{n}")));
        assert_same_site(&out, &fresh, &format!("after edit {n}"));
    }
}

#[test]
fn a_briefing_joining_or_leaving_a_topic_is_patched_in() {
    let site = three_on_poland();
    let energy = "Gas and oil prices and energy security worried Norway in Oslo.";
    let fourth = format!("---\ntitle: Fourth look\ndate: 2024-04-01\n---\n\n{energy}\n");
    common::write(site.path(), "seeds/fourth.md", fourth.as_bytes());
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    assert!(out.join("topics/energy.html").is_file(), "no Energy topic");
    let cases = [
        // Joins Energy, which has a page already.
        &format!("Poland met Lithuania in Vilnius. {energy}") as &str,
        // Leaves it again; the fourth briefing keeps the topic's page.
        "Poland met Lithuania in Vilnius. The talks went on.",
    ];
    for (n, text) in cases.into_iter().enumerate() {
        edit_first(site.path(), text);
        let rebuild = session.build().unwrap();
        assert!(
            matches!(rebuild, Rebuild::Patched(_)),
            "edit {n}: {rebuild:?}"
        );
        let fresh = fresh_build(site.path(), &site.path().join(format!("fresh-{n}")));
        assert_same_site(&out, &fresh, &format!("after edit {n}"));
        // One briefing per page: the older joins on a second page.
        let second = out.join("topics/energy/page-2.html");
        assert_eq!(second.is_file(), n == 0, "edit {n}");
    }
    // The only Energy briefing leaving it would take the topic's page away.
    common::write(
        site.path(),
        "seeds/fourth.md",
        b"---\ntitle: Fourth look\ndate: 2024-04-01\n---\n\nNorway met officials in Oslo.\n",
    );
    assert!(matches!(session.build().unwrap(), Rebuild::Full(..)));
    let fresh = fresh_build(site.path(), &site.path().join("fresh-last"));
    assert_same_site(&out, &fresh, "after the topic lost its last briefing");
}

/// A small deterministic random number source (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The sentences of a paragraph, each with its full stop.
fn sentences(paragraph: &str) -> Vec<String> {
    paragraph
        .split_inclusive(". ")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// One random edit of a body: a sentence of another briefing inserted, a
/// sentence deleted, or a sentence repeated, in a random paragraph.
fn random_edit(rng: &mut Lcg, body: &str, donor: &str) -> String {
    let mut paragraphs: Vec<String> = body.split("\n\n").map(String::from).collect();
    let prose: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| {
            let p = paragraphs[i].trim_start();
            !p.is_empty() && !p.starts_with('#')
        })
        .collect();
    let at = prose[rng.below(prose.len())];
    let mut list = sentences(&paragraphs[at]);
    match rng.below(3) {
        0 => {
            let donated: Vec<String> = donor
                .split("\n\n")
                .filter(|p| !p.trim_start().starts_with('#'))
                .flat_map(sentences)
                .collect();
            let sentence = donated[rng.below(donated.len())].clone();
            list.insert(rng.below(list.len() + 1), sentence);
        }
        1 if list.len() > 1 => {
            list.remove(rng.below(list.len()));
        }
        _ => {
            let sentence = list[rng.below(list.len())].clone();
            list.push(sentence);
        }
    }
    paragraphs[at] = list.join(" ");
    paragraphs.join("\n\n")
}

#[test]
fn random_sentence_edits_end_byte_identical_to_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    // Short pages, so lists run over many and edits shift entries across them.
    let (root, out, mut session) = served_corpus_paged(dir.path(), Some(3));
    let files = files_with_extension(&root.join("seeds"), "md");
    let mut rng = Lcg(20_261_128);
    let mut recounted = 0;
    let mut patched = 0;
    // DOSSIER_EDIT_CASES=N runs N edits instead of 24.
    let cases: usize = std::env::var("DOSSIER_EDIT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24);
    for n in 0..cases {
        let file = &files[rng.below(files.len())];
        let donor = fs::read_to_string(&files[rng.below(files.len())]).unwrap();
        let text = fs::read_to_string(file).unwrap();
        let (front, body) = split(&text);
        let edited = random_edit(&mut rng, body, split(&donor).1);
        fs::write(file, format!("{front}{edited}")).unwrap();
        match session.build().expect("rebuild") {
            Rebuild::Patched(p) => {
                patched += 1;
                recounted += usize::from(p.recounted > 0);
            }
            Rebuild::Full(_, reason) => eprintln!("edit {n}: built in full: {reason:?}"),
        }
        let fresh = fresh_build(&root, &dir.path().join(format!("fresh-{n}")));
        assert_same_site(
            &out,
            &fresh,
            &format!("after edit {n} of {}", file.display()),
        );
        fs::remove_dir_all(&fresh).unwrap();
    }
    eprintln!("{patched} of {cases} edits patched in, {recounted} with recounts");
    assert!(
        recounted * 4 >= cases,
        "only {recounted} of {cases} edits were patched with recounts"
    );
}

/// Every folder under `dir` (relative, sorted): a patch leaves no folder a
/// fresh build would not make.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.push(path.strip_prefix(dir).unwrap().to_path_buf());
                stack.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Serves the site at `root` into `out`, checks that the first build is
/// byte-identical to `dossier build`'s, then makes each edit of `edits` to
/// `file` and checks the site after each against a fresh build. Returns how
/// many edits were patched in.
fn serve_and_compare(root: &Path, out: &Path, file: &Path, edits: &[String]) -> usize {
    let mut session = Session::new(BuildOptions {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        ..Default::default()
    });
    assert!(matches!(session.build().unwrap(), Rebuild::Full(_, None)));
    let fresh_dir = root.with_extension("fresh");
    let fresh = fresh_build(root, &fresh_dir);
    assert_same_site(out, &fresh, "the first build");
    let mut patched = 0;
    for (n, text) in edits.iter().enumerate() {
        fs::write(file, text).unwrap();
        match session.build().unwrap() {
            Rebuild::Patched(_) => patched += 1,
            Rebuild::Full(_, reason) => eprintln!("edit {n}: built in full: {reason:?}"),
        }
        let fresh = fresh_build(root, &fresh_dir);
        assert_same_site(out, &fresh, &format!("after edit {n}"));
        assert_eq!(folders(out), folders(&fresh), "after edit {n}: folders");
    }
    patched
}

/// Edits a writer makes to `text`, each undone by the next: a sentence
/// without names, its first paragraph again (names counted again), the
/// last paragraph dropped.
fn edits_of(text: &str) -> Vec<String> {
    let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    let opening = paragraphs
        .iter()
        .skip(1)
        .find(|p| !p.starts_with('#') && !p.starts_with("---") && p.len() > 40)
        .expect("a paragraph");
    vec![
        format!("{text}\nThe ministry confirmed the plan again.\n"),
        text.to_string(),
        format!("{}\n\n{opening}\n", text.trim_end()),
        text.to_string(),
        format!("{}\n", paragraphs[..paragraphs.len() - 1].join("\n\n")),
        text.to_string(),
    ]
}

/// [`serve_and_compare`] with the edits of [`edits_of`] to the `n`th
/// Markdown briefing of `root`; most must be patched in.
fn serve_edits_of_nth_markdown(root: &Path, n: usize) {
    let file = files_with_extension(&root.join("seeds"), "md")[n].clone();
    let text = fs::read_to_string(&file).unwrap();
    let served = root.with_extension("served");
    let patched = serve_and_compare(root, &served, &file, &edits_of(&text));
    assert!(patched >= 4, "only {patched} of 6 edits patched in");
}

#[test]
fn serve_patches_of_the_sample_are_byte_identical_to_fresh_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("sample");
    let repo = common::repo();
    fs::create_dir_all(root.join("seeds")).unwrap();
    fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
    for file in common::files(&repo.join("seeds")) {
        let to = root.join("seeds").join(&file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(repo.join("seeds").join(&file), to).unwrap();
    }
    serve_edits_of_nth_markdown(&root, 1);
}

#[test]
fn serve_patches_of_a_generated_corpus_are_byte_identical_to_fresh_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    common::generated_corpus(300, &root);
    serve_edits_of_nth_markdown(&root, 5);
}

#[test]
fn a_list_losing_its_second_page_leaves_no_empty_folder() {
    let site = three_on_poland();
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    let cases = [
        // Estonia in two briefings: a second page, in entities/estonia/.
        "Poland met Lithuania and Estonia in Vilnius. The talks went on.",
        // Back to one: the page and its folder go.
        "Poland met Lithuania in Vilnius. The talks went on.",
    ];
    for (n, text) in cases.into_iter().enumerate() {
        edit_first(site.path(), text);
        let rebuild = session.build().unwrap();
        assert!(
            matches!(rebuild, Rebuild::Patched(_)),
            "edit {n}: {rebuild:?}"
        );
        assert_eq!(out.join("entities/estonia").is_dir(), n == 0, "edit {n}");
        let fresh = fresh_build(site.path(), &site.path().join(format!("fresh-{n}")));
        assert_same_site(&out, &fresh, &format!("after edit {n}"));
        assert_eq!(folders(&out), folders(&fresh), "after edit {n}: folders");
    }
}

#[test]
fn a_file_added_to_the_site_while_serve_idles_is_kept_by_the_next_patch() {
    let site = three_on_poland();
    let mut session = session_at(site.path());
    let out = session.build().unwrap().out_dir().to_path_buf();
    // `serve` links the next patch's staging folder right after a build;
    // the user's file comes after that.
    std::thread::sleep(std::time::Duration::from_millis(500));
    fs::write(out.join("CNAME"), "example.org\n").unwrap();
    // And a file of the site replaced by another (a new inode), as editors
    // save.
    fs::write(out.join("404.html.new"), "mine").unwrap();
    fs::rename(out.join("404.html.new"), out.join("404.html")).unwrap();
    let body = "---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius. The talks went on and on.\n";
    common::write(site.path(), "seeds/first.md", body.as_bytes());
    let rebuild = session.build().unwrap();
    assert!(matches!(rebuild, Rebuild::Patched(_)), "{rebuild:?}");
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "example.org\n"
    );
    assert_eq!(fs::read_to_string(out.join("404.html")).unwrap(), "mine");
}
