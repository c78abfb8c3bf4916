//! A build killed halfway (SIGKILL, as a crash or an impatient Ctrl-C would
//! be) leaves the previous site byte-identical, and the next build cleans up.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::files(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap()))
        .collect()
}

#[test]
fn killed_build_leaves_the_previous_site() {
    let dir = common::site(&[(
        "seeds/first.md",
        "---\ntitle: First\ndate: 2024-01-01\n---\n\nPoland met Lithuania.\n",
    )]);
    let out = common::build(dir.path()).unwrap();
    let before = snapshot(&out);
    for i in 0..3000 {
        let body = format!("---\ntitle: Briefing {i}\ndate: 2023-01-01\n---\n\nNATO and the EU met in Vilnius with Poland, Latvia and Estonia, number {i}.\n");
        common::write(
            dir.path(),
            &format!("seeds/many/b{i:04}.md"),
            body.as_bytes(),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--quiet", "--root"])
        .arg(dir.path())
        .spawn()
        .unwrap();
    let staging = dir.path().join(".book.building");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !staging.join("briefings").exists() && Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            panic!("the build finished before it could be interrupted; make the corpus larger");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(before == snapshot(&out), "the previous site changed");
    let out_again =
        common::build(dir.path()).expect("the next build succeeds after an interrupted one");
    assert!(out_again.join("briefings/briefing-2999.html").is_file());
    assert!(!staging.exists(), "the stale staging folder is gone");
}
