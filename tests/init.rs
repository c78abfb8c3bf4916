//! `dossier init` makes a repository that publishes itself: the files it
//! writes, the workflow and the GitHub Action it uses (checked against each
//! other and parsed as YAML), the release installer the Action runs, and a
//! build of the new site that leaves git nothing of the output to commit.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_yaml_ng::Value;

fn dossier(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("dossier runs")
}

fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn init_site(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    let mut args = vec!["init", site.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = dossier(&args, parent.path());
    assert!(output.status.success(), "init failed: {}", stderr(&output));
    (parent, site)
}

#[test]
fn init_writes_a_repository_ready_to_publish() {
    let (_parent, site) = init_site(&[]);
    for file in [
        "book.toml",
        ".gitignore",
        "seeds/example-briefing.md",
        ".github/workflows/pages.yml",
    ] {
        assert!(site.join(file).is_file(), "{file} is missing");
    }
    let workflow = yaml(&site.join(".github/workflows/pages.yml"));
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let action = format!(
        "{}@v{}",
        env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/"),
        env!("CARGO_PKG_VERSION")
    );
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(uses.contains(&action.as_str()), "{uses:?} lacks {action}");
    assert!(uses
        .iter()
        .any(|u| u.starts_with("actions/upload-pages-artifact@")));
    let deploy = workflow["jobs"]["deploy"]["steps"][0]["uses"]
        .as_str()
        .unwrap();
    assert!(deploy.starts_with("actions/deploy-pages@"), "{deploy}");
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
}

#[test]
fn no_workflow_leaves_the_workflow_out() {
    let (_parent, site) = init_site(&["--no-workflow"]);
    assert!(site.join("book.toml").is_file());
    assert!(site.join(".gitignore").is_file());
    assert!(!site.join(".github").exists());
}

#[test]
fn init_refuses_a_file_and_a_folder_with_files() {
    let parent = tempfile::tempdir().unwrap();
    fs::write(parent.path().join("notes.txt"), "mine").unwrap();
    let output = dossier(&["init", "notes.txt"], parent.path());
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is a file, not a folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(parent.path().join("notes.txt")).unwrap(),
        "mine"
    );

    let output = dossier(&["init", "."], parent.path());
    assert!(!output.status.success());
    assert!(stderr(&output).contains("not empty"), "{}", stderr(&output));
}

/// The workflow `init` writes passes only inputs the Action declares, and
/// the Action's steps each name a shell and use only declared inputs.
#[test]
fn the_init_workflow_and_the_action_agree() {
    let (_parent, site) = init_site(&[]);
    let action = yaml(&common::repo().join("action.yml"));
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let declared: Vec<&str> = action["inputs"]
        .as_mapping()
        .unwrap()
        .keys()
        .filter_map(Value::as_str)
        .collect();
    let action_text = fs::read_to_string(common::repo().join("action.yml")).unwrap();
    for used in action_text.split("inputs.").skip(1) {
        let name: String = used
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        assert!(
            declared.contains(&name.as_str()),
            "action.yml uses undeclared input {name}"
        );
    }
    for step in action["runs"]["steps"].as_sequence().unwrap() {
        assert!(
            step["shell"].as_str().is_some(),
            "a composite step needs a shell: {step:?}"
        );
    }
    let workflow = yaml(&site.join(".github/workflows/pages.yml"));
    let step = workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.contains("/dossier@")))
        .expect("a step uses the Dossier action");
    for key in step["with"].as_mapping().unwrap().keys() {
        let key = key.as_str().unwrap();
        assert!(
            declared.contains(&key),
            "the workflow passes {key}, which action.yml lacks"
        );
    }
    assert_eq!(
        step["with"]["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION"))
    );
}

/// Every workflow and action file of the repository is YAML with the keys
/// GitHub requires.
#[test]
fn every_workflow_and_action_file_parses() {
    let workflows = common::repo().join(".github/workflows");
    let mut seen = 0;
    for entry in fs::read_dir(&workflows).unwrap() {
        let path = entry.unwrap().path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml")
        ) {
            continue;
        }
        let workflow = yaml(&path);
        assert!(!workflow["on"].is_null(), "{}: no `on`", path.display());
        let jobs = workflow["jobs"].as_mapping();
        assert!(
            jobs.is_some_and(|j| !j.is_empty()),
            "{}: no jobs",
            path.display()
        );
        seen += 1;
    }
    assert!(
        seen >= 2,
        "expected the Pages and release workflows, found {seen}"
    );
    let action = yaml(&common::repo().join("action.yml"));
    assert!(action["name"].as_str().is_some() && action["description"].as_str().is_some());
}

/// A fake release laid out as the release workflow publishes it: the
/// archive and its `.sha256` under `v0.1.0/`.
fn fake_release(dir: &Path, archive_sum: Option<&str>) -> PathBuf {
    let target = match std::env::consts::ARCH {
        "aarch64" => "aarch64",
        _ => "x86_64",
    };
    let os = if cfg!(target_os = "macos") {
        "apple-darwin"
    } else {
        "unknown-linux-musl"
    };
    let name = format!("dossier-{target}-{os}");
    let staging = dir.join("staging").join(&name);
    fs::create_dir_all(&staging).unwrap();
    // Stripped and lightly compressed: the test binary carries 180 MB of
    // debug information that xz would take minutes over.
    let binary = staging.join("dossier");
    fs::copy(env!("CARGO_BIN_EXE_dossier"), &binary).unwrap();
    let _ = Command::new("strip").arg(&binary).status();
    let releases = dir.join("releases");
    let folder = releases.join(format!("v{}", env!("CARGO_PKG_VERSION")));
    fs::create_dir_all(&folder).unwrap();
    let archive = folder.join(format!("{name}.tar.xz"));
    let status = Command::new("tar")
        .env("XZ_OPT", "-0")
        .args(["-cJf", archive.to_str().unwrap(), "-C"])
        .arg(dir.join("staging"))
        .arg(&name)
        .status()
        .unwrap();
    assert!(status.success());
    let sum = match archive_sum {
        Some(sum) => sum.to_string(),
        None => {
            let out = Command::new("sha256sum").arg(&archive).output().unwrap();
            String::from_utf8(out.stdout).unwrap()
        }
    };
    fs::write(folder.join(format!("{name}.tar.xz.sha256")), sum).unwrap();
    releases
}

fn install(releases: &Path, into: &Path) -> Output {
    Command::new("bash")
        .arg(common::repo().join("scripts/install-release.sh"))
        .arg(env!("CARGO_PKG_VERSION"))
        .arg(into)
        .env("DOSSIER_RELEASES", releases)
        .output()
        .unwrap()
}

#[test]
#[cfg(unix)]
fn the_installer_checks_the_sum_and_installs_a_working_binary() {
    let dir = tempfile::tempdir().unwrap();
    let releases = fake_release(dir.path(), None);
    let bin = dir.path().join("bin");
    let output = install(&releases, &bin);
    assert!(output.status.success(), "{}", stderr(&output));
    let version = Command::new(bin.join("dossier"))
        .arg("--version")
        .output()
        .unwrap();
    let version = String::from_utf8_lossy(&version.stdout);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    assert!(version.contains("commit"), "{version}");

    let bad = tempfile::tempdir().unwrap();
    let releases = fake_release(bad.path(), Some(&format!("{}  x\n", "0".repeat(64))));
    let bin = bad.path().join("bin");
    let output = install(&releases, &bin);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("does not match its published SHA-256 sum"),
        "{}",
        stderr(&output)
    );
    assert!(
        !bin.join("dossier").exists(),
        "a binary that failed its check was installed"
    );
}

/// The new site builds as it is, and after a build git sees nothing of the
/// output or the staging folders to commit.
#[test]
fn a_new_site_builds_and_git_ignores_the_output() {
    let (_parent, site) = init_site(&[]);
    let output = dossier(&["build", "--quiet"], &site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.join("book/index.html").is_file());
    fs::create_dir_all(site.join(".book.building")).unwrap();
    fs::write(site.join(".book.building/x.html"), "stale").unwrap();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(&site)
            .output()
            .expect("git runs")
    };
    assert!(git(&["init", "-q"]).status.success());
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(
        !status.contains("book/"),
        "git would commit the output:\n{status}"
    );
    assert!(status.contains("seeds/example-briefing.md"), "{status}");
}
