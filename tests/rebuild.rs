//! Rebuilding a site: only changed files are written (the rest are hard links
//! to the previous build's files), the result is byte-identical to a build
//! from scratch, and the previous build is removed by the next one.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

#[test]
fn a_rebuild_writes_only_what_changed_and_matches_a_fresh_build() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    let estonia = out.join("entities/estonia.html");
    let poland = out.join("entities/poland.html");
    let (estonia_before, poland_before) = (inode(&estonia), inode(&poland));
    let poland_bytes = fs::read(&poland).unwrap();

    // Only the first briefing changes: Poland's page changes, Estonia's not.
    common::write(
        dir.path(),
        "seeds/first.md",
        b"---\ntitle: First look\ndate: 2024-01-01\n---\n\nPoland met Lithuania in Vilnius again.\n",
    );
    common::build(dir.path()).unwrap();
    assert_eq!(
        inode(&estonia),
        estonia_before,
        "an unchanged page was written again instead of linked"
    );
    assert_ne!(
        inode(&poland),
        poland_before,
        "a changed page kept the old file"
    );
    assert_eq!(
        fs::read(dir.path().join(".book.old/entities/poland.html")).unwrap(),
        poland_bytes,
        "the replaced site was modified instead of set aside"
    );

    // A fresh build of the same seeds into another folder gives the same bytes.
    let fresh = dossier::build(&dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        out: Some(dir.path().join("fresh")),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(common::snapshot(&out), common::snapshot(&fresh.out_dir));
}

#[test]
fn the_next_build_removes_the_previous_one() {
    let dir = common::two_briefings();
    common::build(dir.path()).unwrap();
    common::build(dir.path()).unwrap();
    let old = dir.path().join(".book.old");
    assert!(
        old.join(".dossier-build").exists(),
        "the replaced site is kept beside the new one until the next build"
    );
    fs::write(old.join("stale.html"), "stale").unwrap();
    common::build(dir.path()).unwrap();
    assert!(
        !old.join("stale.html").exists(),
        "the next build did not remove the previous one"
    );
}

#[test]
fn the_reported_size_is_the_bytes_on_disk() {
    let dir = common::two_briefings();
    let options = dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    };
    for _ in 0..2 {
        // The second build links unchanged pages; they count all the same.
        let report = dossier::build(&options).unwrap();
        let on_disk: u64 = common::files(&report.out_dir)
            .iter()
            .filter(|f| f.as_os_str() != dossier::output::MARKER)
            .map(|f| fs::metadata(report.out_dir.join(f)).unwrap().len())
            .sum();
        assert_eq!(report.size.total, on_disk);
        assert_eq!(report.size.parts.values().sum::<u64>(), on_disk);
        assert!(report.size.parts["briefings"] > 0 && report.size.parts["index.html"] > 0);
    }
}
