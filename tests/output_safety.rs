//! The output folder is never lost or mixed: one process writes it at a
//! time, a build or `serve` patch killed at any moment leaves one whole site
//! (old or new) that the next build carries on from, folders left in the way
//! are removed or named with the command that removes them, files a user
//! adds to the output are kept, and odd output paths are refused up front.
//!
//! The ignored tests are the long runs, on 2,000-briefing corpora:
//!
//! ```sh
//! cargo build --release
//! DOSSIER_BIN=target/release/dossier cargo test --test output_safety -- --ignored --nocapture
//! ```
//!
//! `DOSSIER_KILL_RUNS` (default 100) and `DOSSIER_CONCURRENT_RUNS` (default
//! 50) set how many runs they make; `DOSSIER_BIN` runs another `dossier`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dossier::BuildOptions;

fn dossier() -> Command {
    match std::env::var_os("DOSSIER_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_dossier")),
    }
}

/// Runs `dossier build --root ROOT [--out OUT]` with `args` after.
fn build_cli(root: &Path, out: Option<&Path>, args: &[&str]) -> Output {
    let mut command = dossier();
    command.args(["build", "--root"]).arg(root);
    if let Some(out) = out {
        command.arg("--out").arg(out);
    }
    command.args(args).output().expect("run dossier")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn build_into(root: &Path, out: &Path) -> Result<PathBuf, dossier::diagnostics::BuildFailure> {
    dossier::build(&BuildOptions {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        ..Default::default()
    })
    .map(|report| report.out_dir)
}

/// Every file of a site with its bytes, as [`common::snapshot`] takes it.
type Snapshot = Vec<(PathBuf, Vec<u8>)>;

/// Which of the `fresh` sites `out` is, byte for byte (the marker included).
fn which_site(out: &Path, fresh: &[&Snapshot]) -> Option<usize> {
    let now = common::snapshot(out);
    fresh.iter().position(|site| **site == now)
}

/// Two corpora of `n` briefings (generated with seeds 1 and 2) under `dir`,
/// each built fresh into a folder of its own: their roots and snapshots.
fn two_corpora(dir: &Path, n: usize) -> [(PathBuf, Snapshot); 2] {
    ["1", "2"].map(|seed| {
        let root = dir.join(format!("corpus-{seed}"));
        let status = Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--example", "gen_corpus", "--", "--n"])
            .arg(n.to_string())
            .args(["--seed", seed, "--out"])
            .arg(&root)
            .current_dir(common::repo())
            .status()
            .expect("run the corpus generator");
        assert!(status.success(), "gen_corpus failed");
        let fresh = dir.join(format!("fresh-{seed}"));
        let built = build_cli(&root, Some(&fresh), &["-q"]);
        assert!(built.status.success(), "{}", stderr(&built));
        (root, common::snapshot(&fresh))
    })
}

/// A small deterministic generator for kill times (xorshift).
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// How many runs to make: `variable` if set, else `default`.
fn runs(variable: &str, default: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------
// One writer at a time.

#[test]
fn a_build_into_a_locked_output_is_refused_naming_the_holder() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    let before = common::snapshot(&out);
    let real = fs::canonicalize(&out).unwrap();
    let held = dossier::output::OutputLock::acquire(&real, dossier::output::Holder::Serve).unwrap();
    let refused = build_cli(dir.path(), None, &[]);
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(
        message.contains("in use by dossier serve (process"),
        "{message}"
    );
    assert!(
        message.contains("the previous site was left as it was"),
        "{message}"
    );
    assert!(before == common::snapshot(&out), "the live site changed");
    drop(held);
    assert!(build_cli(dir.path(), None, &[]).status.success());
}

#[test]
fn concurrent_builds_of_two_corpora_never_mix_their_sites() {
    concurrent_builds(30, 10);
}

#[test]
#[ignore = "long: DOSSIER_CONCURRENT_RUNS=50 on 2,000-briefing corpora"]
fn many_concurrent_builds_of_two_corpora_never_mix_their_sites() {
    concurrent_builds(2000, runs("DOSSIER_CONCURRENT_RUNS", 50));
}

/// Runs two builds of different corpora into one output at once, `runs`
/// times; the output must always be one corpus's site, whole.
fn concurrent_builds(n: usize, runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let [(a, fresh_a), (b, fresh_b)] = two_corpora(dir.path(), n);
    let out = dir.path().join("shared");
    let mut refused = 0;
    for run in 0..runs {
        let (first, second) = if run % 2 == 0 { (&a, &b) } else { (&b, &a) };
        let spawn = |root: &Path| {
            dossier()
                .args(["build", "--quiet", "--root"])
                .arg(root)
                .arg("--out")
                .arg(&out)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let one = spawn(first);
        if run % 3 == 0 {
            // Let the first one get going, so the second meets a build
            // in progress.
            let staging = dir.path().join(".shared.building");
            let deadline = Instant::now() + Duration::from_secs(20);
            while !staging.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        let two = spawn(second);
        let results = [one.wait_with_output(), two.wait_with_output()].map(Result::unwrap);
        for result in &results {
            if !result.status.success() {
                refused += 1;
                let message = stderr(result);
                assert!(message.contains("in use by dossier build"), "{message}");
            }
        }
        assert!(
            results.iter().any(|r| r.status.success()),
            "run {run}: both builds failed"
        );
        assert!(
            which_site(&out, &[&fresh_a, &fresh_b]).is_some(),
            "run {run}: the output is neither corpus's site"
        );
    }
    eprintln!("{runs} runs of two concurrent builds: {refused} build(s) refused, none mixed");
    assert!(
        refused > 0,
        "no two builds overlapped; the test proves nothing"
    );
}

// ---------------------------------------------------------------------------
// Killed builds and patches.

/// Builds corpus A and B into one output in turn, killing each build after
/// a random delay, and checks the output is always one whole site.
fn killed_builds(n: usize, runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let [(a, fresh_a), (b, fresh_b)] = two_corpora(dir.path(), n);
    let out = dir.path().join("site");
    let started = Instant::now();
    assert!(build_cli(&a, Some(&out), &["-q"]).status.success());
    let full = started.elapsed().as_millis() as u64;
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut outcomes = [0usize; 2];
    for run in 0..runs {
        let root = if run % 2 == 0 { &b } else { &a };
        let mut child = dossier()
            .args(["build", "-q", "--root"])
            .arg(root)
            .arg("--out")
            .arg(&out)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(random.below(full * 5 / 4)));
        let _ = child.kill();
        child.wait().unwrap();
        let Some(which) = which_site(&out, &[&fresh_a, &fresh_b]) else {
            panic!("run {run}: after a kill the output is neither whole site");
        };
        outcomes[which] += 1;
    }
    eprintln!(
        "{runs} builds killed at random: {} left site A, {} site B",
        outcomes[0], outcomes[1]
    );
    let next = build_cli(&a, Some(&out), &["-q"]);
    assert!(next.status.success(), "{}", stderr(&next));
    assert_eq!(which_site(&out, &[&fresh_a]), Some(0));
}

#[test]
fn a_build_killed_at_any_moment_leaves_one_whole_site() {
    killed_builds(30, 5);
}

#[test]
#[ignore = "long: DOSSIER_KILL_RUNS=100 on a 2,000-briefing corpus"]
fn many_builds_killed_at_random_leave_one_whole_site() {
    killed_builds(2000, runs("DOSSIER_KILL_RUNS", 100));
}

/// A `serve` of `root` into `out` on a free port, started and past its
/// first build.
fn serve(root: &Path, out: &Path) -> std::process::Child {
    let mut child = dossier()
        .args(["serve", "-q", "--port", "0", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let stdout = child.stdout.as_mut().unwrap();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
    assert!(line.starts_with("Serving"), "{line}");
    child
}

/// Edits a briefing under a running `serve` and kills it at a random moment
/// around the patch; the output must be the old or the new site, whole.
fn killed_patches(n: usize, runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    common::generated_corpus(n, &root);
    let briefing = first_markdown(&root.join("seeds"));
    let original = fs::read_to_string(&briefing).unwrap();
    let edited = format!("{original}\nThe ministry confirmed the plan on Tuesday.\n");
    let fresh = |name: &str| {
        let out = dir.path().join(name);
        assert!(build_cli(&root, Some(&out), &["-q"]).status.success());
        common::snapshot(&out)
    };
    let fresh_old = fresh("old");
    fs::write(&briefing, &edited).unwrap();
    let fresh_new = fresh("new");
    let out = dir.path().join("site");
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut outcomes = [0usize; 2];
    for run in 0..runs {
        fs::write(&briefing, &original).unwrap();
        let mut child = serve(&root, &out);
        fs::write(&briefing, &edited).unwrap();
        // The patch starts after a 200 ms quiet spell.
        std::thread::sleep(Duration::from_millis(150 + random.below(250)));
        let _ = child.kill();
        child.wait().unwrap();
        let Some(which) = which_site(&out, &[&fresh_old, &fresh_new]) else {
            panic!("run {run}: after a kill mid-patch the output is neither whole site");
        };
        outcomes[which] += 1;
    }
    eprintln!(
        "{runs} serve patches killed at random: {} left the old site, {} the new",
        outcomes[0], outcomes[1]
    );
    let next = build_cli(&root, Some(&out), &["-q"]);
    assert!(next.status.success(), "{}", stderr(&next));
    assert_eq!(which_site(&out, &[&fresh_new]), Some(0));
}

fn first_markdown(seeds: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = common::files(seeds)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    seeds.join(&files[0])
}

#[test]
fn a_serve_patch_killed_at_any_moment_leaves_one_whole_site() {
    killed_patches(20, 3);
}

#[test]
#[ignore = "long: DOSSIER_KILL_RUNS=100 on a 2,000-briefing corpus"]
fn many_serve_patches_killed_at_random_leave_one_whole_site() {
    killed_patches(2000, runs("DOSSIER_KILL_RUNS", 100));
}

#[test]
#[cfg(unix)]
fn a_patch_swaps_in_a_whole_site_and_never_writes_into_the_live_one() {
    use std::os::unix::fs::MetadataExt;
    let inode = |path: &Path| fs::metadata(path).unwrap().ino();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    common::generated_corpus(30, &root);
    let out = dir.path().join("site");
    let mut session = dossier::incremental::Session::new(BuildOptions {
        root: root.clone(),
        out: Some(out.clone()),
        ..Default::default()
    });
    session.build().unwrap();
    let live_folder = inode(&out);
    let live_files: Vec<(PathBuf, u64)> = common::files(&out)
        .into_iter()
        .map(|f| (f.clone(), inode(&out.join(f))))
        .collect();
    let briefing = first_markdown(&root.join("seeds"));
    let text = fs::read_to_string(&briefing).unwrap();
    fs::write(&briefing, format!("{text}\nThe plan was confirmed.\n")).unwrap();
    let rebuild = session.build().unwrap();
    assert!(
        matches!(rebuild, dossier::incremental::Rebuild::Patched(_)),
        "{rebuild:?}"
    );
    assert_ne!(
        inode(&out),
        live_folder,
        "the patch wrote into the live folder instead of swapping a new one in"
    );
    let fresh = build_into(&root, &dir.path().join("fresh")).unwrap();
    assert!(common::snapshot(&out) == common::snapshot(&fresh));
    // Unchanged files are shared with the replaced site, not copied.
    let shared = live_files
        .iter()
        .filter(|(f, ino)| out.join(f).exists() && inode(&out.join(f)) == *ino)
        .count();
    assert!(
        shared * 10 >= live_files.len() * 9,
        "{shared} of {}",
        live_files.len()
    );
}

#[test]
fn a_build_killed_between_its_renames_is_finished_by_the_next_even_if_that_fails() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    common::write(
        dir.path(),
        "seeds/third.md",
        b"---\ntitle: Third\n---\n\nPoland.\n",
    );
    common::build(dir.path()).unwrap();
    let new = common::snapshot(&out);
    // As the two-rename swap leaves it when killed between the renames: the
    // old site moved aside, the finished new one not yet in place.
    let staging = dir.path().join(".book.building");
    fs::rename(&out, &staging).unwrap();
    common::write(
        dir.path(),
        "seeds/broken.md",
        b"---\ntitle: [unclosed\n---\nx\n",
    );
    let failed = build_cli(dir.path(), None, &[]);
    assert!(!failed.status.success());
    assert!(
        new == common::snapshot(&out),
        "the finished site was not put back"
    );
    assert!(
        stderr(&failed).contains("the previous site was left as it was"),
        "{}",
        stderr(&failed)
    );
}

// ---------------------------------------------------------------------------
// Folders in the way.

#[test]
fn empty_folders_left_at_dossiers_names_are_removed() {
    let dir = common::two_briefings();
    fs::create_dir(dir.path().join(".book.building")).unwrap();
    fs::create_dir(dir.path().join(".book.old")).unwrap();
    common::build(dir.path()).expect("empty leftovers do not stop a build");
    common::build(dir.path()).expect("nor the next");
}

#[test]
fn a_site_half_removed_by_a_killed_build_is_removed_by_the_next() {
    let dir = common::two_briefings();
    common::build(dir.path()).unwrap();
    common::build(dir.path()).unwrap();
    let old = dir.path().join(".book.old");
    fs::remove_dir_all(old.join("briefings")).unwrap();
    fs::write(
        old.join(dossier::output::MARKER),
        "This folder was written by dossier build; it may be replaced on the next build.\n\
         state: removing\n",
    )
    .unwrap();
    common::build(dir.path()).expect("a half-removed site does not stop a build");
}

#[test]
fn a_folder_with_files_and_no_marker_is_left_and_the_warning_says_what_to_run() {
    let dir = common::two_briefings();
    let stranger = dir.path().join(".book.old");
    common::write(&stranger, "notes.txt", b"mine");
    for _ in 0..3 {
        let built = build_cli(dir.path(), None, &[]);
        assert!(built.status.success(), "{}", stderr(&built));
        let message = stderr(&built);
        assert!(message.contains("warning: "), "{message}");
        assert!(message.contains("no .dossier-build marker"), "{message}");
        assert!(
            message.contains(&format!("rm -rf '{}'", stranger.display())),
            "{message}"
        );
    }
    assert_eq!(fs::read(stranger.join("notes.txt")).unwrap(), b"mine");
}

#[test]
fn an_empty_output_folder_made_before_the_first_build_does_not_block_later_ones() {
    let dir = common::two_briefings();
    fs::create_dir(dir.path().join("book")).unwrap();
    for _ in 0..3 {
        common::build(dir.path()).expect("builds go on");
    }
}

#[test]
fn a_read_only_site_is_replaced_and_removed() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    let status = Command::new("chmod")
        .args(["-R", "a-w"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    for _ in 0..2 {
        common::build(dir.path()).expect("a read-only site is replaced");
    }
    assert!(out.join("index.html").is_file());
}

// ---------------------------------------------------------------------------
// Files the user adds.

#[test]
fn files_a_user_adds_to_the_output_are_kept() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    fs::write(out.join("CNAME"), "docs.example.org\n").unwrap();
    common::write(&out, "google1234.html", b"google-site-verification");
    common::write(&out, ".well-known/security.txt", b"Contact: x");
    fs::write(out.join("index.html"), "edited by hand").unwrap();
    for _ in 0..3 {
        common::build(dir.path()).unwrap();
    }
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "docs.example.org\n"
    );
    assert!(out.join("google1234.html").is_file());
    assert!(out.join(".well-known/security.txt").is_file());
    assert_ne!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "edited by hand",
        "a page Dossier wrote is Dossier's to rewrite"
    );
}

#[test]
fn a_user_file_at_the_name_of_a_new_page_is_replaced_with_a_warning() {
    let dir = common::two_briefings();
    let out = common::build(dir.path()).unwrap();
    common::write(&out, "briefings/third.html", b"mine");
    common::write(
        dir.path(),
        "seeds/third.md",
        b"---\ntitle: Third\n---\n\nPoland.\n",
    );
    let built = build_cli(dir.path(), None, &[]);
    assert!(built.status.success());
    let message = stderr(&built);
    assert!(
        message
            .contains("briefings/third.html: a file you added to the output folder was replaced"),
        "{message}"
    );
    assert_eq!(
        fs::read(dir.path().join(".book.old/briefings/third.html")).unwrap(),
        b"mine"
    );
}

// ---------------------------------------------------------------------------
// Odd output paths.

#[test]
fn the_current_folder_as_output_is_refused_before_building() {
    let dir = common::two_briefings();
    let here = tempfile::tempdir().unwrap();
    let refused = dossier()
        .args(["build", "--root"])
        .arg(dir.path())
        .args(["--out", "."])
        .current_dir(here.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(message.contains("it is the current folder"), "{message}");
    assert!(message.contains("no site was written"), "{message}");
    assert!(common::files(here.path()).is_empty());
}

#[test]
fn an_output_path_ending_in_a_dot_is_the_folder() {
    let dir = common::two_briefings();
    let out = dir.path().join("book");
    for _ in 0..2 {
        let built = build_cli(dir.path(), Some(&out.join(".")), &[]);
        assert!(built.status.success(), "{}", stderr(&built));
    }
    assert!(out.join("index.html").is_file());
}

#[test]
#[cfg(unix)]
fn a_symlinked_output_folder_is_followed_and_stays_a_link() {
    let dir = common::two_briefings();
    let target = tempfile::tempdir().unwrap();
    let real = target.path().join("www");
    fs::create_dir(&real).unwrap();
    let link = dir.path().join("book");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    for _ in 0..2 {
        common::build(dir.path()).unwrap();
    }
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(real.join("index.html").is_file());
}

#[test]
fn an_output_inside_a_source_folder_is_refused() {
    for inside in ["seeds/site", "static/site", "templates"] {
        let dir = common::two_briefings();
        fs::create_dir_all(dir.path().join("static")).unwrap();
        fs::create_dir_all(dir.path().join("templates")).unwrap();
        let refused = build_cli(dir.path(), Some(&dir.path().join(inside)), &[]);
        assert!(!refused.status.success(), "{inside} was accepted");
        let message = stderr(&refused);
        assert!(message.contains("source folder"), "{inside}: {message}");
        assert!(!dir.path().join(inside).join("index.html").exists());
    }
}

// ---------------------------------------------------------------------------
// What is printed.

#[test]
fn control_characters_in_file_names_are_escaped_when_printed() {
    let dir = common::two_briefings();
    common::write(dir.path(), "seeds/\u{1b}[2Jevil\u{7}.md", b"   \n");
    let failed = build_cli(dir.path(), None, &[]);
    assert!(!failed.status.success());
    let message = stderr(&failed);
    assert!(
        !failed.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
        "raw control bytes printed: {message:?}"
    );
    assert!(message.contains("\\u{1b}[2Jevil\\u{7}.md"), "{message}");
}

#[test]
fn init_and_entities_failures_are_not_worded_as_builds() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "x").unwrap();
    let init = dossier().arg("init").arg(&file).output().unwrap();
    let message = stderr(&init);
    assert!(message.contains("not a folder"), "{message}");
    assert!(message.contains("dossier init failed"), "{message}");
    assert!(!message.contains("site"), "{message}");

    let site = common::site(&[("book.toml", "[book\n")]);
    let entities = dossier()
        .args(["entities", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let message = stderr(&entities);
    assert!(message.contains("dossier entities failed"), "{message}");
    assert!(!message.contains("previous site"), "{message}");
}
