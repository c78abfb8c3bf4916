//! `dossier serve`: builds the site, serves the output folder over HTTP,
//! watches the sources, rebuilds on every change and reloads open browser
//! tabs through Server-Sent Events.
//!
//! It owns the only network code in Dossier, so it is strict about what it
//! reads: request paths are percent-decoded once, `..` segments, backslashes
//! and NUL are refused, and every file is canonicalised and checked against
//! the canonical output folder before it is opened. Rebuilds go through
//! [`crate::build`], whose atomic output keeps the last good site in place
//! when a build fails; the failure is printed and shown as an overlay in the
//! browser. The live-reload script is added to HTML responses as they are
//! served, never to the files on disk, so `serve` writes the same bytes as
//! `build`. A site with a `site-url` under a sub-path (GitHub Pages project
//! sites) is served under that same path, so its 404 page works as published.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tiny_http::{Header, Method, Request, Response, ResponseBox, Server};

use crate::diagnostics::{display_path, BuildFailure};
use crate::incremental::Session;
use crate::BuildOptions;

/// The Server-Sent Events stream that tells pages to reload.
pub const EVENTS_PATH: &str = "/__dossier/events";
/// The live-reload script that every served HTML page loads.
pub const SCRIPT_PATH: &str = "/__dossier/live.js";

/// How long the sources must stay quiet before a rebuild starts: editors
/// save in several steps, and one rebuild per save is enough.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// A rebuild starts at the latest this long after the first change, even if
/// files keep changing.
const MAX_DEBOUNCE: Duration = Duration::from_secs(2);
/// A comment sent on idle event streams, so dead connections are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// How often blocked threads look at the stop flag.
const POLL: Duration = Duration::from_millis(100);
/// Threads answering ordinary requests; event streams get their own.
const WORKERS: usize = 4;

const HTML: &str = "text/html; charset=utf-8";

/// The tag added before `</body>` in every HTML response.
const SCRIPT_TAG: &[u8] = b"<script src=\"/__dossier/live.js\"></script>\n";

/// Reloads the page on `reload`; shows the build error on `error`. The error
/// text goes in through `textContent`, so it can never become markup.
const LIVE_RELOAD_JS: &str = r#"// Added by `dossier serve` to the pages it serves, never to the files on disk.
(function () {
  "use strict";
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(text) {
    hide();
    overlay = document.createElement("pre");
    overlay.id = "dossier-serve-error";
    overlay.setAttribute("role", "alert");
    overlay.title = "Click to dismiss";
    overlay.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
      "margin:0;max-height:60vh;overflow:auto;padding:1em 1.25em;white-space:pre-wrap;" +
      "background:#fff4f4;color:#5c0000;border-bottom:3px solid #c00;" +
      "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "box-shadow:0 2px 12px rgba(0,0,0,.25);cursor:pointer";
    overlay.textContent = "dossier serve: the last rebuild failed. " +
      "This is the previous site.\n\n" + text;
    overlay.addEventListener("click", hide);
    (document.body || document.documentElement).appendChild(overlay);
  }
  var source = new EventSource("/__dossier/events");
  source.addEventListener("reload", function () { hide(); location.reload(); });
  source.addEventListener("error", function (event) {
    // The connection's own errors share this name but carry no data.
    if (typeof event.data === "string") { show(event.data); }
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
"#;

/// What `dossier serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The same options as `dossier build`.
    pub build: BuildOptions,
    /// The address to listen on: the loopback address unless asked otherwise.
    pub bind: IpAddr,
    /// The port; 0 lets the system choose one.
    pub port: u16,
    /// Rebuild when sources change.
    pub watch: bool,
    /// Print only errors.
    pub quiet: bool,
    /// Also print how long each build stage took.
    pub verbose: bool,
}

impl ServeOptions {
    /// Serving on 127.0.0.1:3000 with watching on.
    pub fn new(build: BuildOptions) -> Self {
        ServeOptions {
            build,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 3000,
            watch: true,
            quiet: false,
            verbose: false,
        }
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The first build failed.
    Build(BuildFailure),
    /// The address could not be bound.
    Listen { addr: SocketAddr, source: io::Error },
    /// A source folder could not be watched.
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Build(failure) => write!(f, "{failure}"),
            ServeError::Listen { addr, source } if source.kind() == io::ErrorKind::AddrInUse => {
                write!(
                    f,
                    "error: cannot serve on {addr}: port {} is already in use\n  help: stop the \
                     program using it, or choose another port, e.g. `dossier serve --port {}`",
                    addr.port(),
                    addr.port().checked_add(1).unwrap_or(3000)
                )
            }
            ServeError::Listen { addr, source } => write!(
                f,
                "error: cannot serve on {addr}: {source}\n  help: choose another address with \
                 --bind or another port with --port"
            ),
            ServeError::Watch { path, source } => write!(
                f,
                "error: {}: cannot watch for changes: {source}\n  help: check that the folder \
                 exists and is readable, or run `dossier build` to build without watching",
                display_path(path)
            ),
        }
    }
}

impl std::error::Error for ServeError {}

impl From<BuildFailure> for ServeError {
    fn from(failure: BuildFailure) -> Self {
        ServeError::Build(failure)
    }
}

/// A running server. Stopping it (or dropping it) shuts every thread down,
/// waiting for a rebuild in progress to finish.
pub struct ServerHandle {
    addr: SocketAddr,
    url: String,
    out_dir: PathBuf,
    shared: Arc<Shared>,
    server: Arc<Server>,
    threads: Vec<JoinHandle<()>>,
}

impl ServerHandle {
    /// The address the server listens on (with the real port if 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The site's address, for people: loopback when listening everywhere.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The output folder of the first build.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Stops serving and watching, and waits for the threads to finish.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Dropping the senders ends every event stream.
        lock(&self.shared.clients).clear();
        for _ in 0..WORKERS {
            self.server.unblock();
        }
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Binds the address, builds the site, and serves and watches it on
/// background threads.
pub fn start(options: ServeOptions) -> Result<ServerHandle, ServeError> {
    let wanted = SocketAddr::new(options.bind, options.port);
    let listen_error = |source| ServeError::Listen {
        addr: wanted,
        source,
    };
    let listener = TcpListener::bind(wanted).map_err(listen_error)?;
    let addr = listener.local_addr().map_err(listen_error)?;
    // A missing folder cannot be watched either: say what is wrong with it
    // before the watcher fails with the file system's own words.
    crate::config::check_root(&options.build.root).map_err(BuildFailure::from)?;
    let chatter = Chatter {
        quiet: options.quiet,
        verbose: options.verbose,
    };
    let watcher = options
        .watch
        .then(|| SourceWatcher::new(&options.build))
        .transpose()?;
    let mut session = Session::new(options.build.clone());
    let site = build_site(&mut session, &options.build, chatter)?;
    let server = Server::from_listener(listener, None)
        .map_err(|e| listen_error(io::Error::other(e.to_string())))?;
    let url = format!("http://{}{}", display_addr(addr), site.base_path);
    let out_dir = site.out_dir.clone();
    let shared = Arc::new(Shared::new(site, chatter));
    let server = Arc::new(server);
    let mut threads = spawn_workers(&server, &shared);
    if let Some((watcher, events)) = watcher {
        let shared = Arc::clone(&shared);
        let build = options.build;
        threads.push(thread::spawn(move || {
            watch_loop(watcher, &events, &mut session, &build, &shared);
        }));
    }
    Ok(ServerHandle {
        addr,
        url,
        out_dir,
        shared,
        server,
        threads,
    })
}

fn spawn_workers(server: &Arc<Server>, shared: &Arc<Shared>) -> Vec<JoinHandle<()>> {
    (0..WORKERS)
        .map(|_| {
            let (server, shared) = (Arc::clone(server), Arc::clone(shared));
            thread::spawn(move || serve_requests(&server, &shared))
        })
        .collect()
}

/// The address to show: a wildcard address is reached through loopback.
fn display_addr(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv6Addr::LOCALHOST.into(), addr.port())
        }
        _ => addr,
    }
}

/// Opens `url` in the default browser (`open` on macOS, `start` on Windows,
/// `xdg-open` elsewhere). Fails, naming the launcher, when it cannot be run.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    let (launcher, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("cmd", &["/C", "start", ""])
    } else {
        ("xdg-open", &[])
    };
    let mut child = Command::new(launcher)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run `{launcher}` to open a browser: {e}"))?;
    // Reap the launcher so it does not linger as a zombie.
    thread::spawn(move || child.wait());
    Ok(())
}

// ---------------------------------------------------------------------------
// Shared state: the site being served and the open event streams.

/// What requests need to know about the current site.
#[derive(Debug, Clone)]
struct Site {
    out_dir: PathBuf,
    /// `/`, or `/repo/` when `site-url` has a path.
    base_path: String,
    /// The last rebuild's error, while it lasts.
    error: Option<String>,
}

/// A message for open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LiveEvent {
    Reload,
    Error(String),
}

impl LiveEvent {
    /// The event in `text/event-stream` form; every line of the message
    /// becomes a `data:` line, so a newline cannot end the event early.
    fn to_sse(&self) -> String {
        match self {
            LiveEvent::Reload => "event: reload\ndata: reload\n\n".to_string(),
            LiveEvent::Error(text) => {
                let mut event = String::from("event: error\n");
                for line in text.replace('\r', "").split('\n') {
                    event.push_str("data: ");
                    event.push_str(line);
                    event.push('\n');
                }
                event.push('\n');
                event
            }
        }
    }
}

struct Shared {
    site: Mutex<Site>,
    clients: Mutex<Vec<Sender<LiveEvent>>>,
    stopping: AtomicBool,
    chatter: Chatter,
}

/// What to print besides errors.
#[derive(Debug, Clone, Copy)]
struct Chatter {
    quiet: bool,
    verbose: bool,
}

impl Shared {
    fn new(site: Site, chatter: Chatter) -> Self {
        Shared {
            site: Mutex::new(site),
            clients: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            chatter,
        }
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    fn site(&self) -> Site {
        lock(&self.site).clone()
    }

    /// Adds an event stream; a page opened after a failed rebuild still
    /// learns about the failure.
    fn subscribe(&self, client: Sender<LiveEvent>) {
        let mut clients = lock(&self.clients);
        if let Some(error) = self.site().error {
            let _ = client.send(LiveEvent::Error(error));
        }
        clients.push(client);
    }

    /// Records a build's outcome and tells every open page.
    fn publish(&self, outcome: Result<Site, String>) {
        let event = match outcome {
            Ok(site) => {
                *lock(&self.site) = site;
                LiveEvent::Reload
            }
            Err(error) => {
                lock(&self.site).error = Some(error.clone());
                LiveEvent::Error(error)
            }
        };
        lock(&self.clients).retain(|client| client.send(event.clone()).is_ok());
    }
}

/// A poisoned lock only means another thread panicked; the data is still
/// what it was, so keep serving.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

// ---------------------------------------------------------------------------
// Building.

/// Builds the site (patching the last build where it can) and says where it
/// is and under which path to serve it.
fn build_site(
    session: &mut Session,
    options: &BuildOptions,
    chatter: Chatter,
) -> Result<Site, BuildFailure> {
    let rebuild = session.build()?;
    rebuild.print(chatter.quiet, chatter.verbose);
    let site_url = crate::load_config(options)
        .ok()
        .and_then(|config| config.site_url);
    Ok(Site {
        out_dir: rebuild.out_dir().to_path_buf(),
        base_path: base_path(site_url.as_deref()),
        error: None,
    })
}

/// The path part of `site-url`, as the 404 page's `<base>` uses it.
fn base_path(site_url: Option<&str>) -> String {
    let path = site_url
        .and_then(|url| url.splitn(4, '/').nth(3))
        .map(|path| path.trim_matches('/'))
        .unwrap_or("");
    if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    }
}

/// Rebuilds after a change and tells the pages what happened.
fn rebuild(session: &mut Session, options: &BuildOptions, shared: &Shared, changed: &str) {
    if !shared.chatter.quiet {
        println!("Changed: {changed}; rebuilding …");
    }
    match build_site(session, options, shared.chatter) {
        Ok(site) => shared.publish(Ok(site)),
        Err(failure) => {
            eprintln!("{failure}");
            eprintln!("still serving the last good site");
            shared.publish(Err(failure.to_string()));
        }
    }
}

// ---------------------------------------------------------------------------
// Watching.

type WatchEvents = Receiver<notify::Result<notify::Event>>;

/// The sources of a site, as absolute paths, and the output to ignore.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sources {
    root: PathBuf,
    config_file: PathBuf,
    /// The seeds, templates and static folders, watched recursively.
    folders: Vec<PathBuf>,
    out_dir: PathBuf,
}

impl Sources {
    /// The folders `book.toml` names; the defaults while it is broken.
    fn find(options: &BuildOptions) -> Self {
        let root = absolute(&options.root);
        let (seeds, out_dir) = match crate::load_config(options) {
            Ok(config) => (absolute(&config.seeds_dir), absolute(&config.build_dir)),
            Err(_) => (root.join("seeds"), root.join("book")),
        };
        Sources {
            config_file: root.join("book.toml"),
            folders: vec![seeds, root.join("templates"), root.join("static")],
            out_dir,
            root,
        }
    }

    /// `path` as the user knows it: relative to the site folder.
    fn relative(&self, path: &Path) -> String {
        display_path(path.strip_prefix(&self.root).unwrap_or(path))
    }

    /// Whether a change to `path` calls for a rebuild.
    fn covers(&self, path: &Path) -> bool {
        !self.is_output(path)
            && !is_scratch_file(path)
            && (path == self.config_file || self.folders.iter().any(|f| path.starts_with(f)))
    }

    /// The output folder and its `.book.building` / `.book.old` siblings.
    fn is_output(&self, path: &Path) -> bool {
        if path.starts_with(&self.out_dir) {
            return true;
        }
        let (Some(parent), Some(name)) = (self.out_dir.parent(), self.out_dir.file_name()) else {
            return false;
        };
        let staging = format!(".{}.", name.to_string_lossy());
        path.strip_prefix(parent)
            .ok()
            .and_then(|rest| rest.components().next())
            .is_some_and(|first| match first {
                Component::Normal(first) => first.to_string_lossy().starts_with(&staging),
                _ => false,
            })
    }

    /// What to register with the watcher: the root alone for `book.toml`
    /// and for source folders that appear, each existing folder in depth.
    fn watches(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut watches = Vec::new();
        if !self.folders.contains(&self.root) {
            watches.push((self.root.clone(), RecursiveMode::NonRecursive));
        }
        for folder in &self.folders {
            let new = !watches.iter().any(|(path, _)| path == folder);
            if new && folder.is_dir() {
                watches.push((folder.clone(), RecursiveMode::Recursive));
            }
        }
        watches
    }
}

/// Editor swap and backup files, and hidden files, which ingest skips too.
fn is_scratch_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx")
}

/// `path` made absolute, with symbolic links resolved where it exists, so it
/// compares equal to the paths the watcher reports.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let joined = std::env::current_dir().unwrap_or_default().join(path);
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(joined),
        _ => joined,
    }
}

/// The file watcher with what it currently watches.
struct SourceWatcher {
    watcher: RecommendedWatcher,
    sources: Sources,
    watched: Vec<(PathBuf, RecursiveMode)>,
}

impl SourceWatcher {
    /// Starts watching. Changes queue up from here on, so an edit made
    /// during the first build still triggers a rebuild.
    fn new(options: &BuildOptions) -> Result<(Self, WatchEvents), ServeError> {
        let (sender, events) = mpsc::channel();
        let watcher = notify::recommended_watcher(sender).map_err(|source| ServeError::Watch {
            path: options.root.clone(),
            source,
        })?;
        let mut this = SourceWatcher {
            watcher,
            sources: Sources::find(options),
            watched: Vec::new(),
        };
        match this.watch_all().into_iter().next() {
            Some((path, source)) => Err(ServeError::Watch { path, source }),
            None => Ok((this, events)),
        }
    }

    /// Registers every watch it can; returns the ones that failed.
    fn watch_all(&mut self) -> Vec<(PathBuf, notify::Error)> {
        let mut failed = Vec::new();
        for (path, mode) in self.sources.watches() {
            match self.watcher.watch(&path, mode) {
                Ok(()) => self.watched.push((path, mode)),
                Err(error) => failed.push((path, error)),
            }
        }
        failed
    }

    /// After a rebuild the configuration may name other folders, and a
    /// source folder that was created, removed or replaced needs a new watch.
    fn refresh(&mut self, sources: Sources, force: bool) {
        if !force && sources == self.sources && sources.watches() == self.watched {
            return;
        }
        for (path, _) in self.watched.drain(..) {
            let _ = self.watcher.unwatch(&path);
        }
        self.sources = sources;
        for (path, error) in self.watch_all() {
            let path = display_path(&path);
            eprintln!("warning: {path}: cannot watch for changes: {error}");
        }
    }

    /// The last path in `event` that calls for a rebuild, if any (a rename
    /// lists the old name, then the new one).
    fn relevant(&self, event: &notify::Event) -> Option<PathBuf> {
        // The system dropped events: anything may have changed.
        if event.need_rescan() {
            return Some(self.sources.root.clone());
        }
        let reads = matches!(event.kind, EventKind::Access(kind)
            if kind != AccessKind::Close(AccessMode::Write));
        if reads {
            return None;
        }
        event
            .paths
            .iter()
            .rev()
            .find(|path| self.sources.covers(path))
            .cloned()
    }

    /// Whether `path` is a watched folder itself (created, removed, moved).
    fn is_watch_root(&self, path: &Path) -> bool {
        self.sources.folders.iter().any(|folder| folder == path)
    }
}

/// A burst of changes, reported by its last path: editors that save
/// through a temporary file rename it to the real name last.
struct Change {
    last: PathBuf,
    rewatch: bool,
}

fn watch_loop(
    mut watcher: SourceWatcher,
    events: &WatchEvents,
    session: &mut Session,
    options: &BuildOptions,
    shared: &Shared,
) {
    while let Some(change) = next_change(&watcher, events, shared) {
        let change = settle(&watcher, events, change);
        let changed = watcher.sources.relative(&change.last);
        rebuild(session, options, shared, &changed);
        watcher.refresh(Sources::find(options), change.rewatch);
    }
}

/// Waits for the first relevant change; `None` once the server stops.
fn next_change(watcher: &SourceWatcher, events: &WatchEvents, shared: &Shared) -> Option<Change> {
    loop {
        if shared.stopping() {
            return None;
        }
        match events.recv_timeout(POLL) {
            Ok(Ok(event)) => {
                if let Some(path) = watcher.relevant(&event) {
                    let rewatch = watcher.is_watch_root(&path);
                    return Some(Change {
                        last: path,
                        rewatch,
                    });
                }
            }
            Ok(Err(error)) => eprintln!("warning: watching for changes: {error}"),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// Collects further changes until the sources have been quiet for
/// [`DEBOUNCE`], so a burst of writes gives one rebuild.
fn settle(watcher: &SourceWatcher, events: &WatchEvents, mut change: Change) -> Change {
    let started = Instant::now();
    let mut quiet_from = started + DEBOUNCE;
    loop {
        let now = Instant::now();
        if now >= quiet_from || now >= started + MAX_DEBOUNCE {
            return change;
        }
        match events.recv_timeout(quiet_from - now) {
            Ok(Ok(event)) => {
                if let Some(path) = watcher.relevant(&event) {
                    change.rewatch |= watcher.is_watch_root(&path);
                    change.last = path;
                    quiet_from = Instant::now() + DEBOUNCE;
                }
            }
            Ok(Err(_)) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return change,
        }
    }
}

// ---------------------------------------------------------------------------
// Serving.

fn serve_requests(server: &Server, shared: &Arc<Shared>) {
    while !shared.stopping() {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => handle(request, shared),
            Ok(None) => {}
            // A client's broken connection; pause so a persistent failure
            // (out of file descriptors) does not spin.
            Err(_) => thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// Where a request leads, decided from its URL alone.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    Events,
    Script,
    Redirect(String),
    /// A path inside the output folder; `folder` when the URL ends in `/`.
    Site {
        segments: Vec<String>,
        folder: bool,
    },
    NotFound,
    Forbidden,
    BadRequest,
}

fn handle(request: Request, shared: &Arc<Shared>) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = plain(405, "Only GET and HEAD are supported.\n");
        let response = with_header(response, "Allow", "GET, HEAD");
        respond(request, response);
        return;
    }
    let site = shared.site();
    let response = match route(request.url(), &site.base_path) {
        Route::Events => {
            let shared = Arc::clone(shared);
            thread::spawn(move || stream_events(request, &shared));
            return;
        }
        Route::Script => text_response(200, LIVE_RELOAD_JS, "text/javascript; charset=utf-8"),
        Route::Redirect(location) => redirect(&location),
        Route::Site { segments, folder } => site_response(&site, &segments, folder),
        Route::NotFound => not_found(&site),
        Route::Forbidden => plain(403, "Forbidden: the path leaves the site.\n"),
        Route::BadRequest => plain(400, "Bad request: the path is not valid.\n"),
    };
    respond(request, response);
}

/// Sends a response; a client that has gone away is no error of ours.
fn respond(request: Request, response: ResponseBox) {
    let _ = request.respond(response);
}

fn route(url: &str, base_path: &str) -> Route {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    match raw {
        EVENTS_PATH => return Route::Events,
        SCRIPT_PATH => return Route::Script,
        _ => {}
    }
    let Some(path) = percent_decode(raw).and_then(|bytes| String::from_utf8(bytes).ok()) else {
        return Route::BadRequest;
    };
    if !path.starts_with('/') {
        return Route::BadRequest;
    }
    if path.contains(['\\', '\0']) || path.split('/').any(|segment| segment == "..") {
        return Route::Forbidden;
    }
    let Some(rest) = path.strip_prefix(base_path) else {
        return if path == "/" || path == base_path.trim_end_matches('/') {
            Route::Redirect(base_path.to_string())
        } else {
            Route::NotFound
        };
    };
    let segments: Vec<String> = rest
        .split('/')
        .filter(|segment| !segment.is_empty() && *segment != ".")
        .map(str::to_string)
        .collect();
    // Dot files are Dossier's own bookkeeping (`.dossier-build`).
    if segments.iter().any(|segment| segment.starts_with('.')) {
        return Route::NotFound;
    }
    Route::Site {
        segments,
        folder: rest.is_empty() || rest.ends_with('/'),
    }
}

/// Decodes `%XX` escapes once; `None` for a malformed escape.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    Some(decoded)
}

/// Encodes a path segment for a `Location` header.
fn percent_encode(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// What a site path names on disk.
enum Lookup {
    File(PathBuf),
    /// A folder asked for without the trailing slash.
    Folder,
    Missing,
}

fn site_response(site: &Site, segments: &[String], folder: bool) -> ResponseBox {
    match lookup(&site.out_dir, segments, folder) {
        Lookup::File(path) => file_response(&path).unwrap_or_else(|| not_found(site)),
        Lookup::Folder => {
            let encoded: Vec<String> = segments.iter().map(|s| percent_encode(s)).collect();
            redirect(&format!("{}{}/", site.base_path, encoded.join("/")))
        }
        Lookup::Missing => not_found(site),
    }
}

/// Finds the file for `segments`, never outside the output folder.
fn lookup(out_dir: &Path, segments: &[String], folder: bool) -> Lookup {
    let Some(root) = canonical_output(out_dir) else {
        return Lookup::Missing;
    };
    let mut path = segments.iter().fold(root.clone(), |path, s| path.join(s));
    if path.is_dir() {
        if !folder {
            return Lookup::Folder;
        }
        path.push("index.html");
    }
    match fs::canonicalize(&path) {
        Ok(real) if real.starts_with(&root) && real.is_file() => Lookup::File(real),
        _ => Lookup::Missing,
    }
}

/// The output folder, canonicalised. A rebuild swaps it out for a moment
/// (old site aside, new site in), so a missing folder is retried briefly.
fn canonical_output(out_dir: &Path) -> Option<PathBuf> {
    for _ in 0..40 {
        if let Ok(root) = fs::canonicalize(out_dir) {
            return Some(root);
        }
        thread::sleep(Duration::from_millis(25));
    }
    None
}

/// A file as a response, with the reload script added to HTML.
fn file_response(path: &Path) -> Option<ResponseBox> {
    let content_type = content_type(path);
    let response = if content_type == HTML {
        let html = fs::read(path).ok()?;
        Response::from_data(inject_live_reload(html)).boxed()
    } else {
        Response::from_file(fs::File::open(path).ok()?).boxed()
    };
    Some(finish(response, 200, content_type))
}

/// The site's own 404 page, or a plain one if the site has none.
fn not_found(site: &Site) -> ResponseBox {
    let page =
        canonical_output(&site.out_dir).and_then(|root| fs::read(root.join("404.html")).ok());
    match page {
        Some(html) => {
            let html = inject_live_reload(with_base(html, &site.base_path));
            finish(Response::from_data(html).boxed(), 404, HTML)
        }
        None => plain(404, "Not found.\n"),
    }
}

/// The 404 page answers at any depth. Without a `<base>` of its own (a site
/// with no `site-url`), its relative links would resolve against the folder
/// of the missing page, so it gets the site's base path.
fn with_base(mut html: Vec<u8>, base_path: &str) -> Vec<u8> {
    if find_tag(&html, b"<base", false).is_some() {
        return html;
    }
    let Some(head) = find_tag(&html, b"<head>", false) else {
        return html;
    };
    let href = base_path.replace('&', "&amp;").replace('"', "&quot;");
    let at = head + b"<head>".len();
    html.splice(at..at, format!("<base href=\"{href}\">").bytes());
    html
}

/// The first (or last) position of an ASCII tag, in any letter case.
fn find_tag(html: &[u8], tag: &[u8], last: bool) -> Option<usize> {
    let mut windows = html.windows(tag.len());
    let matches = |window: &[u8]| window.eq_ignore_ascii_case(tag);
    if last {
        windows.rposition(matches)
    } else {
        windows.position(matches)
    }
}

fn redirect(location: &str) -> ResponseBox {
    let body = format!("Moved to {location}\n");
    with_header(plain(301, &body), "Location", location)
}

fn plain(status: u16, body: &str) -> ResponseBox {
    text_response(status, body, "text/plain; charset=utf-8")
}

fn text_response(status: u16, body: &str, content_type: &str) -> ResponseBox {
    finish(Response::from_string(body).boxed(), status, content_type)
}

/// The headers every response carries. Lengths are always sent, never
/// chunked, which keeps simple clients simple.
fn finish(response: ResponseBox, status: u16, content_type: &str) -> ResponseBox {
    let response = response
        .with_status_code(status)
        .with_chunked_threshold(usize::MAX);
    let response = with_header(response, "Content-Type", content_type);
    let response = with_header(response, "Cache-Control", "no-cache");
    with_header(response, "X-Content-Type-Options", "nosniff")
}

/// Adds a header. Values are ASCII by construction (a `Location` is
/// percent-encoded); one that is not is left out rather than panicking.
fn with_header(response: ResponseBox, name: &str, value: &str) -> ResponseBox {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script before the last `</body>`, or at the end.
fn inject_live_reload(mut html: Vec<u8>) -> Vec<u8> {
    let at = find_tag(&html, b"</body>", true).unwrap_or(html.len());
    html.splice(at..at, SCRIPT_TAG.iter().copied());
    html
}

/// Holds an event stream open until the client leaves or the server stops.
/// tiny_http's chunked responses buffer 8 KiB before sending, so the stream
/// is written by hand and flushed after every event.
fn stream_events(request: Request, shared: &Shared) {
    let (sender, events) = mpsc::channel();
    shared.subscribe(sender);
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    if send(&mut writer, head).is_err() {
        return;
    }
    loop {
        let chunk = match events.recv_timeout(HEARTBEAT) {
            Ok(event) => event.to_sse(),
            Err(RecvTimeoutError::Timeout) => ": heartbeat\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut writer, &chunk).is_err() {
            return;
        }
    }
}

fn send(writer: &mut dyn Write, text: &str) -> io::Result<()> {
    writer.write_all(text.as_bytes())?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(segments: &[&str], folder: bool) -> Route {
        Route::Site {
            segments: segments.iter().map(|s| s.to_string()).collect(),
            folder,
        }
    }

    #[test]
    fn routes_pages_folders_and_live_reload() {
        assert_eq!(route("/", "/"), site(&[], true));
        assert_eq!(
            route("/index.html?x=1#top", "/"),
            site(&["index.html"], false)
        );
        assert_eq!(route("/briefings/", "/"), site(&["briefings"], true));
        assert_eq!(route("/a%20b.html", "/"), site(&["a b.html"], false));
        assert_eq!(route("/__dossier/events", "/"), Route::Events);
        assert_eq!(route("/__dossier/live.js", "/"), Route::Script);
    }

    #[test]
    fn refuses_paths_that_leave_the_site() {
        for url in [
            "/../book.toml",
            "/%2e%2e/book.toml",
            "/%2E%2E/book.toml",
            "/static/..%2f..%2fbook.toml",
            "/..\\book.toml",
            "/%5c..%5cbook.toml",
            "/index.html%00.png",
        ] {
            assert_eq!(route(url, "/"), Route::Forbidden, "{url}");
        }
        assert_eq!(route("/%zz", "/"), Route::BadRequest);
        assert_eq!(route("/%ff", "/"), Route::BadRequest);
        assert_eq!(route("http://evil/", "/"), Route::BadRequest);
        assert_eq!(route("/.dossier-build", "/"), Route::NotFound);
        // Decoding happens once: a double-encoded dot is a file name.
        assert_eq!(route("/%252e%252e/x", "/"), site(&["%2e%2e", "x"], false));
    }

    #[test]
    fn serves_under_the_site_url_path() {
        assert_eq!(base_path(None), "/");
        assert_eq!(base_path(Some("https://example.org")), "/");
        assert_eq!(base_path(Some("https://u.github.io/repo/")), "/repo/");
        assert_eq!(route("/", "/repo/"), Route::Redirect("/repo/".into()));
        assert_eq!(route("/repo", "/repo/"), Route::Redirect("/repo/".into()));
        assert_eq!(route("/repo/a.html", "/repo/"), site(&["a.html"], false));
        assert_eq!(route("/other.html", "/repo/"), Route::NotFound);
    }

    #[test]
    fn injects_the_script_before_the_last_body_end() {
        let html = b"<html><body><p>x</p></BODY></html>".to_vec();
        let injected = String::from_utf8(inject_live_reload(html)).unwrap();
        assert_eq!(
            injected,
            "<html><body><p>x</p><script src=\"/__dossier/live.js\"></script>\n</BODY></html>"
        );
        let bare = String::from_utf8(inject_live_reload(b"<p>x</p>".to_vec())).unwrap();
        assert!(bare.ends_with("</script>\n"));
    }

    #[test]
    fn gives_the_404_page_a_base_unless_it_has_one() {
        let page = b"<html><head><title>x</title></head></html>".to_vec();
        let based = String::from_utf8(with_base(page, "/repo/")).unwrap();
        assert!(based.starts_with("<html><head><base href=\"/repo/\"><title>"));
        let own = b"<head><base href=\"/x/\"></head>".to_vec();
        assert_eq!(with_base(own.clone(), "/"), own);
    }

    #[test]
    fn error_events_keep_every_line_inside_the_event() {
        let event = LiveEvent::Error("error: a.md:1:1: bad\r\n  help: fix it".into());
        assert_eq!(
            event.to_sse(),
            "event: error\ndata: error: a.md:1:1: bad\ndata:   help: fix it\n\n"
        );
        assert_eq!(
            LiveEvent::Reload.to_sse(),
            "event: reload\ndata: reload\n\n"
        );
    }

    #[test]
    fn ignores_the_output_folder_and_scratch_files() {
        let sources = Sources {
            root: "/site".into(),
            config_file: "/site/book.toml".into(),
            folders: vec!["/site".into()],
            out_dir: "/site/book".into(),
        };
        assert!(sources.covers(Path::new("/site/a.md")));
        assert!(sources.covers(Path::new("/site/book.toml")));
        assert!(!sources.covers(Path::new("/site/book/index.html")));
        assert!(!sources.covers(Path::new("/site/.book.building/index.html")));
        assert!(!sources.covers(Path::new("/site/.book.old")));
        assert!(!sources.covers(Path::new("/site/a.md~")));
        assert!(!sources.covers(Path::new("/site/.a.md.swp")));
        assert!(sources.covers(Path::new("/site/bookshelf.md")));
    }

    #[test]
    fn names_content_types() {
        assert_eq!(
            content_type(Path::new("a/b.css")),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("kb.json")), "application/json");
        assert_eq!(content_type(Path::new("g.SVG")), "image/svg+xml");
        assert_eq!(content_type(Path::new("CNAME")), "application/octet-stream");
    }
}
