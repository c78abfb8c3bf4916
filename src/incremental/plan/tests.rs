//! `plan` on small sites built into temporary folders: one test per
//! [`Reason`], and the edits it patches in.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::extract::corpus::NameChange;
use crate::kb::{KbChange, Tallies};
use crate::BuildOptions;

fn briefing(title: &str, date: &str, text: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n---\n\n{text}\n")
}

/// Three briefings naming Poland; the first also has `extra` files.
fn site(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("book.toml", "[book]\ntitle = \"T\"\n".to_string()),
        (
            "seeds/first.md",
            briefing(
                "First look",
                "2024-01-01",
                "Poland met Lithuania in Vilnius.",
            ),
        ),
        (
            "seeds/second.md",
            briefing(
                "Second look",
                "2024-02-01",
                "Poland met Estonia in Tallinn.",
            ),
        ),
        (
            "seeds/third.md",
            briefing("Third look", "2024-03-01", "Poland met Latvia in Riga."),
        ),
    ];
    let extra = extra.iter().map(|&(p, t)| (p, t.to_string()));
    for (path, text) in files.into_iter().chain(extra) {
        write(dir.path(), path, &text);
    }
    dir
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Builds the site at `root`, writes `edits` and plans the rebuild.
fn plan_after(root: &Path, edits: &[(&str, &str)]) -> Plan {
    let options = BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let config = crate::load_config(&options).expect("the settings read");
    let stamps = super::super::snapshot(Some(&config));
    let mut lock = None;
    let built = crate::build_keeping(config, false, &mut lock).expect("the site builds");
    let tallies = Tallies::new(&built.kb);
    let mut kept = Kept {
        built,
        stamps,
        tallies,
    };
    for (path, text) in edits {
        write(root, path, text);
    }
    let now = super::super::snapshot(crate::load_config(&options).ok().as_ref());
    plan(&kept.stamps.changes(&now), &now, &mut kept)
}

fn reason_after(root: &Path, edits: &[(&str, &str)]) -> Reason {
    match plan_after(root, edits) {
        Plan::Full(reason) => reason,
        Plan::Patch(applied) => panic!("patched: {applied:?}"),
    }
}

fn first(text: &str) -> String {
    briefing("First look", "2024-01-01", text)
}

fn changes(added: usize, removed: usize, modified: usize, unknown: bool) -> Changes {
    let paths = |n: usize| vec![PathBuf::from("seeds/a.md"); n];
    Changes {
        added: paths(added),
        removed: paths(removed),
        modified: paths(modified),
        unknown,
    }
}

#[test]
fn sources_that_could_not_be_read_build_in_full() {
    let refused = refusal(&changes(0, 0, 1, true), true);
    assert_eq!(refused, Some(Reason::SourcesUnreadable));
}

#[test]
fn a_missing_site_builds_in_full() {
    assert_eq!(
        refusal(&changes(0, 0, 1, false), false),
        Some(Reason::SiteMissing)
    );
}

#[test]
fn files_added_or_removed_build_in_full() {
    let added = refusal(&changes(1, 0, 1, false), true);
    assert_eq!(added, Some(Reason::FilesAddedOrRemoved));
    let removed = refusal(&changes(0, 1, 0, false), true);
    assert_eq!(removed, Some(Reason::FilesAddedOrRemoved));
}

#[test]
fn a_save_without_change_builds_in_full() {
    assert_eq!(
        refusal(&changes(0, 0, 0, false), true),
        Some(Reason::NothingChanged)
    );
}

#[test]
fn too_many_files_build_in_full() {
    let many = changes(0, 0, MAX_PATCHED_FILES + 1, false);
    assert_eq!(refusal(&many, true), Some(Reason::TooManyFiles));
    assert_eq!(
        refusal(&changes(0, 0, MAX_PATCHED_FILES, false), true),
        None
    );
}

#[test]
fn a_txt_edit_that_moves_the_running_headers_builds_in_full() {
    let page = |title: &str, second: bool| {
        let second = if second { "\n\nSECOND LABEL\n\n" } else { " " };
        format!(
            "{title}\n\nAnna Author\n\nPoland and Lithuania met in Vilnius to talk about the\n\n\
             WEEKLY NOTES\n\nborder and{second}about trade, officials in Warsaw said on Monday.\n"
        )
    };
    let (one, two) = (
        page("First look at the border", true),
        page("Second look", true),
    );
    let dir = site(&[("seeds/one.txt", &one), ("seeds/two.txt", &two)]);
    let edited = page("First look at the border", false);
    let reason = reason_after(dir.path(), &[("seeds/one.txt", &edited)]);
    assert_eq!(reason, Reason::RunningLabels);
}

#[test]
fn a_settings_edit_builds_in_full() {
    let dir = site(&[]);
    let reason = reason_after(dir.path(), &[("book.toml", "[book]\ntitle = \"U\"\n")]);
    assert_eq!(reason, Reason::Settings("book.toml".into()));
    assert_eq!(
        reason.to_string(),
        "book.toml is a setting, template or static file"
    );
}

#[test]
fn a_note_edit_builds_in_full() {
    let note = "---\nname: Poland\ntype: country\n---\nA country.\n";
    let dir = site(&[("seeds/entities/poland.md", note)]);
    let edited = note.replace("A country.", "A country in Europe.");
    let reason = reason_after(dir.path(), &[("seeds/entities/poland.md", &edited)]);
    assert_eq!(reason, Reason::NotABriefing("entities/poland.md".into()));
}

#[test]
fn a_briefing_that_no_longer_reads_builds_in_full() {
    let dir = site(&[]);
    let broken = "---\ntitle: [unclosed\n---\nx\n";
    let reason = reason_after(dir.path(), &[("seeds/first.md", broken)]);
    assert_eq!(reason, Reason::Unreadable("first.md".into()));
}

#[test]
fn a_draft_edit_builds_in_full() {
    let draft = "---\ntitle: Draft\ndraft: true\n---\n\nPoland met Latvia.\n";
    let dir = site(&[("seeds/draft.md", draft)]);
    let edited = draft.replace("Latvia.", "Latvia again.");
    let reason = reason_after(dir.path(), &[("seeds/draft.md", &edited)]);
    assert_eq!(reason, Reason::NotPublished("draft.md".into()));
}

#[test]
fn a_new_title_builds_in_full() {
    let dir = site(&[]);
    let retitled = briefing(
        "First look again",
        "2024-01-01",
        "Poland met Lithuania in Vilnius.",
    );
    let reason = reason_after(dir.path(), &[("seeds/first.md", &retitled)]);
    assert_eq!(reason, Reason::Card("first.md".into()));
}

#[test]
fn a_new_entity_builds_in_full() {
    let dir = site(&[]);
    let edited = first("Poland met Lithuania and Finland in Vilnius.");
    let reason = reason_after(dir.path(), &[("seeds/first.md", &edited)]);
    assert_eq!(reason, Reason::Names("first.md".into(), NameChange::Entity));
    assert!(
        reason.to_string().contains("an entity would appear"),
        "{reason}"
    );
}

#[test]
fn a_topic_no_briefing_had_builds_in_full() {
    let dir = site(&[]);
    let energy = "Poland met Lithuania in Vilnius. Gas and oil prices and energy security worried the ministry.";
    let reason = reason_after(dir.path(), &[("seeds/first.md", &first(energy))]);
    assert_eq!(reason, Reason::NewTopic("first.md".into()));
}

#[test]
fn a_new_written_form_builds_in_full() {
    let dir = site(&[]);
    let edited = first("Poland's envoy met Lithuania in Vilnius.");
    let reason = reason_after(dir.path(), &[("seeds/first.md", &edited)]);
    assert_eq!(
        reason,
        Reason::KnowledgeBase("first.md".into(), KbChange::WrittenForm)
    );
}

#[test]
fn a_topic_losing_its_last_briefing_builds_in_full() {
    let energy = "Gas and oil prices and energy security worried Norway in Oslo.";
    let fourth = briefing("Fourth look", "2024-04-01", energy);
    let dir = site(&[("seeds/fourth.md", &fourth)]);
    let plain = briefing("Fourth look", "2024-04-01", "Norway met officials in Oslo.");
    let reason = reason_after(dir.path(), &[("seeds/fourth.md", &plain)]);
    assert_eq!(
        reason,
        Reason::KnowledgeBase("fourth.md".into(), KbChange::TopicEmptied)
    );
}

#[test]
fn a_text_edit_is_patched_in_without_a_knowledge_base_patch() {
    let dir = site(&[]);
    let edited = first("Poland met Lithuania in Vilnius. The talks went on.");
    let applied = match plan_after(dir.path(), &[("seeds/first.md", &edited)]) {
        Plan::Patch(applied) => applied,
        Plan::Full(reason) => panic!("built in full: {reason}"),
    };
    assert_eq!(applied.briefings.len(), 1);
    assert!(applied.patches.is_empty());
}

#[test]
fn names_counted_again_are_patched_into_the_knowledge_base() {
    let dir = site(&[]);
    let edits = [
        (
            "seeds/first.md",
            first("Poland met Lithuania in Vilnius. Poland went on."),
        ),
        (
            "seeds/second.md",
            briefing(
                "Second look",
                "2024-02-01",
                "Poland met Estonia in Tallinn. Poland agreed.",
            ),
        ),
    ];
    let edits: Vec<(&str, &str)> = edits.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let applied = match plan_after(dir.path(), &edits) {
        Plan::Patch(applied) => applied,
        Plan::Full(reason) => panic!("built in full: {reason}"),
    };
    assert_eq!(applied.briefings.len(), 2);
    assert!(!applied.patches.is_empty());
    assert!(applied.patches.iter().any(|p| !p.recounted.is_empty()));
}
