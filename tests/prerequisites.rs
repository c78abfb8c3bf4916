//! The test command (`.ci/run`) checks its prerequisites first: with Java and
//! Node hidden from PATH it must stop within seconds, naming both and how to
//! get them, instead of failing after a quarter of an hour of compiling.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A folder of links to every program on PATH except `hidden`.
fn path_without(hidden: &[&str], dir: &Path) {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for folder in std::env::split_paths(&path) {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let link = dir.join(&name);
            if hidden.iter().any(|h| name == *h) || link.exists() {
                continue;
            }
            let _ = symlink(entry.path(), link);
        }
    }
}

#[test]
fn ci_run_names_missing_java_and_node_within_thirty_seconds() {
    let bin = tempfile::tempdir().unwrap();
    path_without(&["java", "node", "npm", "npx"], bin.path());
    let started = Instant::now();
    let mut child = Command::new("bash")
        .arg(common::repo().join(".ci/run"))
        .env("PATH", bin.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group, so a run that went on (and started cargo)
        // can be stopped whole.
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > deadline {
            let _ = Command::new("kill")
                .args(["-KILL", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
            panic!(".ci/run was still running after 30 s with java and node missing");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        ".ci/run succeeded without java and node"
    );
    for named in [
        "missing: java",
        "missing: node",
        "apt-get install -y default-jre-headless",
    ] {
        assert!(
            stderr.contains(named),
            "the message lacks `{named}`:\n{stderr}"
        );
    }
}
