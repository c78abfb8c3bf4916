//! `dossier serve` over real sockets on 127.0.0.1: pages with the reload
//! script, the site's 404 page, refused path traversal, rebuilds on change
//! with a `reload` event, and failed rebuilds that keep the old site and
//! send an `error` event. Every wait has a deadline, so nothing can hang.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use dossier::serve::{ServeOptions, ServerHandle};

/// Long enough for a debug build of a small site on a slow machine.
const REBUILD_DEADLINE: Duration = Duration::from_secs(30);
const IO_TIMEOUT: Duration = Duration::from_secs(10);

const CONFIG: &str = "# CONFIG-FILE-MARKER: never served\n[book]\ntitle = \"Serve test\"\n";
const FIRST: &str =
    "---\ntitle: First Version Title\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";
const SECOND: &str =
    "---\ntitle: Second Version Title\ndate: 2024-01-02\n---\n\nPoland and Lithuania met in Vilnius.\n";

fn fixture() -> tempfile::TempDir {
    common::site(&[
        ("book.toml", CONFIG),
        ("seeds/note.md", FIRST),
        ("static/hello.txt", "hello"),
    ])
}

fn start(root: &Path, watch: bool) -> ServerHandle {
    let mut options = ServeOptions::new(dossier::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    });
    options.port = 0;
    options.watch = watch;
    options.quiet = true;
    dossier::serve::start(options).expect("the server starts")
}

/// A response, read with a plain TCP client.
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, IO_TIMEOUT).expect("connect");
    stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
    stream
}

/// Sends `target` exactly as given (no normalisation) and reads the reply.
fn get(addr: SocketAddr, target: &str) -> Reply {
    let mut stream = connect(addr);
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let mut buffer = [0; 8192];
    // Read the head, then exactly Content-Length bytes of body.
    loop {
        let n = stream.read(&mut buffer).expect("read the response");
        assert!(n > 0, "connection closed before the head ended");
        raw.extend_from_slice(&buffer[..n]);
        if let Some(end) = find(&raw, b"\r\n\r\n") {
            return finish_reply(&mut stream, raw, end);
        }
    }
}

fn finish_reply(stream: &mut TcpStream, mut raw: Vec<u8>, end: usize) -> Reply {
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut reply = Reply {
        status,
        head,
        body: String::new(),
    };
    let length: usize = reply
        .header("Content-Length")
        .expect("every reply has a length")
        .parse()
        .unwrap();
    let mut buffer = [0; 8192];
    while raw.len() < end + 4 + length {
        let n = stream.read(&mut buffer).expect("read the body");
        assert!(n > 0, "connection closed before the body ended");
        raw.extend_from_slice(&buffer[..n]);
    }
    reply.body = String::from_utf8_lossy(&raw[end + 4..end + 4 + length]).into_owned();
    reply
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A Server-Sent Events client.
struct Events {
    stream: TcpStream,
    pending: Vec<u8>,
}

impl Events {
    /// Connects and waits for the stream's first line, which the server
    /// sends once the client is subscribed.
    fn open(addr: SocketAddr) -> Events {
        let mut stream = connect(addr);
        stream
            .set_read_timeout(Some(Duration::from_millis(250)))
            .unwrap();
        write!(
            stream,
            "GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let mut events = Events {
            stream,
            pending: Vec::new(),
        };
        let deadline = Instant::now() + IO_TIMEOUT;
        while find(&events.pending, b"retry:").is_none() {
            assert!(events.fill(deadline), "no event stream opened");
        }
        let head_end = find(&events.pending, b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&events.pending[..head_end]).into_owned();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");
        events.pending.drain(..head_end + 4);
        events
    }

    /// Reads more bytes; false once the deadline has passed or the stream ended.
    fn fill(&mut self, deadline: Instant) -> bool {
        let mut buffer = [0; 4096];
        while Instant::now() < deadline {
            match self.stream.read(&mut buffer) {
                Ok(0) => return false,
                Ok(n) => {
                    self.pending.extend_from_slice(&buffer[..n]);
                    return true;
                }
                Err(_) => continue, // read timeout: look at the deadline again
            }
        }
        false
    }

    /// The next event with a name, as (name, data), before the deadline.
    fn next(&mut self, deadline: Instant) -> Option<(String, String)> {
        loop {
            while let Some(end) = find(&self.pending, b"\n\n") {
                let block: Vec<u8> = self.pending.drain(..end + 2).collect();
                if let Some(event) = parse_event(&String::from_utf8_lossy(&block)) {
                    return Some(event);
                }
            }
            if !self.fill(deadline) {
                return None;
            }
        }
    }
}

fn parse_event(block: &str) -> Option<(String, String)> {
    let mut name = None;
    let mut data = Vec::new();
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("event: ") {
            name = Some(value.to_string());
        } else if let Some(value) = line.strip_prefix("data: ") {
            data.push(value);
        }
    }
    Some((name?, data.join("\n")))
}

/// Polls `target` until its body contains `text`, or the deadline passes.
/// Waits for the `reload` event a successful rebuild sends.
fn expect_reload(events: &mut Events) {
    let deadline = Instant::now() + REBUILD_DEADLINE;
    let (name, _) = events.next(deadline).expect("a reload event");
    assert_eq!(name, "reload");
}

fn wait_for_page(addr: SocketAddr, target: &str, text: &str) -> Reply {
    let deadline = Instant::now() + REBUILD_DEADLINE;
    loop {
        let reply = get(addr, target);
        if reply.body.contains(text) || Instant::now() > deadline {
            return reply;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serves_pages_with_the_reload_script_and_the_site_404_page() {
    let dir = fixture();
    let server = start(dir.path(), false);
    let addr = server.addr();
    assert!(addr.ip().is_loopback());
    assert!(
        server.url().starts_with("http://127.0.0.1:"),
        "{}",
        server.url()
    );

    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type").unwrap(),
        "text/html; charset=utf-8"
    );
    assert_eq!(home.header("Cache-Control").unwrap(), "no-cache");
    assert!(home.body.contains("First Version Title"));
    let script = "<script src=\"/__dossier/live.js\"></script>\n</body>";
    assert!(
        home.body.contains(script),
        "no reload script before </body>"
    );
    // Only the response carries the script, never the file on disk.
    let on_disk = std::fs::read_to_string(server.out_dir().join("index.html")).unwrap();
    assert!(!on_disk.contains("__dossier"));

    let live = get(addr, "/__dossier/live.js");
    assert_eq!(live.status, 200);
    assert!(live.body.contains("new EventSource(\"/__dossier/events\")"));
    assert!(live.body.contains("textContent") && !live.body.contains("innerHTML"));

    let missing = get(addr, "/no/such/page.html");
    assert_eq!(missing.status, 404);
    let not_found_page = std::fs::read_to_string(server.out_dir().join("404.html")).unwrap();
    assert!(not_found_page.contains("Page not found"));
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
    assert!(missing.body.contains("/__dossier/live.js"));
    // Answered at any depth, its relative links must resolve from the root.
    let page = scraper::Html::parse_document(&missing.body);
    let base = common::select(&page, "base");
    assert_eq!(base.len(), 1);
    assert_eq!(base[0].value().attr("href"), Some("/"));
    server.stop();
}

#[test]
fn serves_folders_and_content_types() {
    let dir = fixture();
    let server = start(dir.path(), false);
    let addr = server.addr();

    let folder = get(addr, "/briefings");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location").unwrap(), "/briefings/");
    let index = get(addr, "/briefings/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("First Version Title"));

    for (target, content_type) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/dossier.js", "text/javascript; charset=utf-8"),
        ("/kb.json", "application/json"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/static/hello.txt", "text/plain; charset=utf-8"),
    ] {
        let reply = get(addr, target);
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(
            reply.header("Content-Type").unwrap(),
            content_type,
            "{target}"
        );
        assert_eq!(
            reply.header("Cache-Control").unwrap(),
            "no-cache",
            "{target}"
        );
        assert!(
            !reply.body.contains("__dossier"),
            "{target} must not be injected"
        );
    }
    assert_eq!(get(addr, "/static/hello.txt").body, "hello");
    server.stop();
}

#[test]
fn never_serves_files_outside_the_output_folder() {
    let dir = fixture();
    let server = start(dir.path(), false);
    let addr = server.addr();
    for target in [
        "/../book.toml",
        "/%2e%2e/book.toml",
        "/%2E%2E/%2e%2e/book.toml",
        "/static/..%2f..%2fbook.toml",
        "/static/%2e%2e/%2e%2e/book.toml",
        "/..\\book.toml",
        "/%5c..%5cbook.toml",
        "/book.toml%00.html",
        "/../seeds/note.md",
    ] {
        let reply = get(addr, target);
        assert!(
            reply.status == 403 || reply.status == 404,
            "{target}: status {}",
            reply.status
        );
        assert!(!reply.body.contains("CONFIG-FILE-MARKER"), "{target}");
        assert!(!reply.body.contains("Lithuania met"), "{target}");
    }
    assert_eq!(get(addr, "/.dossier-build").status, 404);
    server.stop();
}

#[test]
fn a_taken_port_is_reported_with_a_hint() {
    let dir = fixture();
    let server = start(dir.path(), false);
    let mut options = ServeOptions::new(dossier::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    });
    options.port = server.addr().port();
    options.quiet = true;
    let error = match dossier::serve::start(options) {
        Ok(_) => panic!("a second server on the same port must fail"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("already in use"), "{error}");
    assert!(error.contains("--port"), "{error}");
    server.stop();
}

#[test]
fn a_site_url_path_is_served_under_that_path() {
    let dir = fixture();
    common::write(
        dir.path(),
        "book.toml",
        b"[output.html]\nsite-url = \"https://example.github.io/repo/\"\n",
    );
    let server = start(dir.path(), false);
    let addr = server.addr();
    assert!(server.url().ends_with("/repo/"), "{}", server.url());
    let root = get(addr, "/");
    assert_eq!(root.status, 301);
    assert_eq!(root.header("Location").unwrap(), "/repo/");
    assert_eq!(get(addr, "/repo/").status, 200);
    let missing = get(addr, "/repo/nope.html");
    assert_eq!(missing.status, 404);
    let page = scraper::Html::parse_document(&missing.body);
    let base = common::select(&page, "base");
    assert_eq!(base[0].value().attr("href"), Some("/repo/"));
    server.stop();
}

#[test]
fn editing_a_seed_rebuilds_and_reloads_open_pages() {
    let dir = fixture();
    let server = start(dir.path(), true);
    let addr = server.addr();
    let mut events = Events::open(addr);

    common::write(dir.path(), "seeds/note.md", SECOND.as_bytes());
    let reply = wait_for_page(addr, "/", "Second Version Title");
    assert!(
        reply.body.contains("Second Version Title"),
        "the edit was not served in time"
    );
    expect_reload(&mut events);
    server.stop();
}

#[test]
fn a_text_edit_is_served_and_reloads_open_pages() {
    let dir = fixture();
    let server = start(dir.path(), true);
    let addr = server.addr();
    let mut events = Events::open(addr);

    let edited = FIRST.replace("in Vilnius.", "in Vilnius on a rainy day.");
    common::write(dir.path(), "seeds/note.md", edited.as_bytes());
    let page = "/briefings/first-version-title.html";
    let reply = wait_for_page(addr, page, "rainy day");
    assert!(
        reply.body.contains("rainy day"),
        "the edit was not served in time"
    );
    expect_reload(&mut events);
    let poland = get(addr, "/entities/poland.html");
    assert!(
        poland.body.contains("rainy day"),
        "Poland's page kept the old sentence"
    );
    server.stop();
}

#[test]
fn a_broken_seed_keeps_the_old_site_and_reports_the_error() {
    let dir = fixture();
    let server = start(dir.path(), true);
    let addr = server.addr();
    let mut events = Events::open(addr);

    common::write(
        dir.path(),
        "seeds/broken.md",
        b"---\ntitle: Never closed\n\nBody.\n",
    );
    let deadline = Instant::now() + REBUILD_DEADLINE;
    let (name, data) = events.next(deadline).expect("an error event");
    assert_eq!(name, "error");
    assert!(data.contains("broken.md"), "{data}");
    assert!(data.contains("never closed"), "{data}");
    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("First Version Title"));

    // A page opened now still learns about the failure.
    let mut late = Events::open(addr);
    let (name, _) = late
        .next(Instant::now() + IO_TIMEOUT)
        .expect("the error again");
    assert_eq!(name, "error");

    // Fixing the file rebuilds, and pages reload (clearing the overlay).
    std::fs::remove_file(dir.path().join("seeds/broken.md")).unwrap();
    let deadline = Instant::now() + REBUILD_DEADLINE;
    // A burst of writes may have given more than one failed rebuild.
    while let Some((name, _)) = events.next(deadline) {
        if name == "reload" {
            server.stop();
            return;
        }
    }
    panic!("no reload event after the fix");
}

#[test]
fn stopping_closes_the_port() {
    let dir = fixture();
    let server = start(dir.path(), true);
    let addr = server.addr();
    assert_eq!(get(addr, "/").status, 200);
    let _events = Events::open(addr);
    server.stop();
    // tiny_http closes its listener on its own accept thread, a moment later.
    let deadline = Instant::now() + IO_TIMEOUT;
    while TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok() {
        assert!(Instant::now() < deadline, "the port is still open");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_missing_root_says_what_to_do_before_watching() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = ServeOptions::new(dossier::BuildOptions {
        root: dir.path().join("no-such-site"),
        ..Default::default()
    });
    options.port = 0;
    options.quiet = true;
    let error = match dossier::serve::start(options) {
        Ok(_) => panic!("serving a missing folder must fail"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("the site folder does not exist"), "{error}");
    assert!(error.contains("--root"), "{error}");
    assert!(!error.contains("No path was found"), "{error}");
}

/// `--open` hands the served URL to the platform's launcher (`xdg-open`
/// here, a stand-in that writes down what it was given).
#[test]
#[cfg(target_os = "linux")]
fn open_hands_the_url_to_the_browser_launcher() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fixture();
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened.txt");
    let launcher = bin.path().join("xdg-open");
    std::fs::write(
        &launcher,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--quiet", "--open", "--port", "0", "--root"])
        .arg(dir.path())
        .env("PATH", path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !opened.exists() && started.elapsed() < REBUILD_DEADLINE {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = server.kill();
    let mut printed = String::new();
    let _ = server.stdout.take().unwrap().read_to_string(&mut printed);
    let _ = server.wait();
    let url = std::fs::read_to_string(&opened).expect("the launcher was run");
    assert!(url.trim().starts_with("http://127.0.0.1:"), "{url}");
    assert!(
        printed.contains(url.trim()),
        "opened {url} but served {printed}"
    );
}
