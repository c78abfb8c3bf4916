//! `dossier serve`: builds the site, serves the output folder over HTTP,
//! watches the sources, and on every change rebuilds and reloads open
//! browser tabs. This module owns the options and the life cycle: the first
//! build, the server's runtime and the watching thread, and the one
//! callback where they meet ([`on_change`]).
//!
//! Rebuilds go through [`crate::incremental::Session`], which patches the
//! last build where it can and builds in full otherwise; its staged output
//! keeps the last good site in place when a build fails, and the failure is
//! printed and shown as an overlay in the browser. The live-reload script
//! is added to HTML responses as they are served, never to the files on
//! disk, so `serve` writes the same bytes as `build`. A site with a
//! `site-url` under a sub-path (GitHub Pages project sites) is served under
//! that same path, so its 404 page works as published.

mod http;
mod live;
mod watch;

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::config::Config;
use crate::diagnostics::{display_path, BuildFailure};
use crate::incremental::Session;
use crate::BuildOptions;

use live::{LiveClients, LiveEvent};
pub use live::{EVENTS_PATH, SCRIPT_PATH};
use watch::{Batch, SourceWatcher, Sources};

/// Threads that answer requests; any number of connections share them.
const WORKERS: usize = 2;
/// Threads that read files for those requests, at most.
const FILE_READERS: usize = 8;
/// How long stopping waits for requests in progress.
const SHUTDOWN: Duration = Duration::from_millis(500);

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
    /// What one client may hold or send.
    pub limits: Limits,
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
            limits: Limits::default(),
        }
    }
}

/// The bounds that keep a crowd of connections, or one huge request, from
/// exhausting the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Open connections, live-reload streams included; more are answered
    /// `503` and closed. Lowered to what the open-file limit allows.
    pub max_connections: usize,
    /// A connection that has not sent a whole request head this long after
    /// it opened, or after its last response, is closed.
    pub idle_timeout: Duration,
    /// The most bytes a request line and headers may take; a longer request
    /// is answered `431` and its connection closed.
    pub max_request_head: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 4096,
            idle_timeout: Duration::from_secs(30),
            max_request_head: 64 * 1024,
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
        source: notify_debouncer_full::notify::Error,
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

/// A running server. Stopping it (or dropping it) closes the port, ends
/// every connection and waits for a rebuild in progress to finish.
pub struct ServerHandle {
    addr: SocketAddr,
    url: String,
    out_dir: PathBuf,
    stopping: Arc<AtomicBool>,
    stop: tokio::sync::watch::Sender<bool>,
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
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.stop.send(true);
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
pub fn start(mut options: ServeOptions) -> Result<ServerHandle, ServeError> {
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
    let config = crate::load_config(&options.build);
    let watcher = options
        .watch
        .then(|| {
            let sources = Sources::of(&options.build.root, config.as_ref().ok());
            SourceWatcher::new(&options.build.root, sources)
        })
        .transpose()?;
    let mut session = Session::new(options.build.clone());
    let site = build_site(&mut session, config, chatter)?;
    let url = format!("http://{}{}", display_addr(addr), site.base_path);
    let out_dir = site.out_dir.clone();
    let shared = Arc::new(Shared::new(site, chatter, options.bind));
    options.limits.max_connections = raise_open_file_limit(options.limits.max_connections);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let server = spawn_server(listener, Arc::clone(&shared), options.limits, stopped)
        .map_err(listen_error)?;
    let stopping = Arc::new(AtomicBool::new(false));
    let mut threads = vec![server];
    if let Some(watcher) = watcher {
        let build = options.build;
        threads.push(watcher.spawn(Arc::clone(&stopping), move |batch| {
            on_change(&mut session, &build, &shared, batch)
        }));
    }
    Ok(ServerHandle {
        addr,
        url,
        out_dir,
        stopping,
        stop,
        threads,
    })
}

/// Serves on a runtime of its own, with a fixed number of threads, until
/// `stopped` changes; then ends the connections still open.
fn spawn_server(
    listener: TcpListener,
    shared: Arc<Shared>,
    limits: Limits,
    stopped: tokio::sync::watch::Receiver<bool>,
) -> io::Result<JoinHandle<()>> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .max_blocking_threads(FILE_READERS)
        .thread_name("dossier-serve")
        .enable_all()
        .build()?;
    listener.set_nonblocking(true)?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    Ok(thread::spawn(move || {
        runtime.block_on(http::accept_loop(listener, shared, limits, stopped));
        runtime.shutdown_timeout(SHUTDOWN);
    }))
}

/// Raises the soft limit on open files so `wanted` connections fit beside
/// the files a build opens; returns how many connections do fit.
#[cfg(target_os = "linux")]
fn raise_open_file_limit(wanted: usize) -> usize {
    use rustix::process::{getrlimit, setrlimit, Resource};
    /// Files kept free for builds, watches and the process itself.
    const RESERVE: u64 = 256;
    let mut limit = getrlimit(Resource::Nofile);
    let needed = wanted as u64 + RESERVE;
    if limit.current.is_some_and(|current| current < needed) {
        let raised = limit.maximum.map_or(needed, |maximum| maximum.min(needed));
        let mut asked = limit;
        asked.current = Some(raised);
        if setrlimit(Resource::Nofile, asked).is_ok() {
            limit.current = Some(raised);
        }
    }
    let room = limit
        .current
        .map_or(needed, |current| current.saturating_sub(RESERVE));
    wanted
        .min(usize::try_from(room).unwrap_or(usize::MAX))
        .max(1)
}

#[cfg(not(target_os = "linux"))]
fn raise_open_file_limit(wanted: usize) -> usize {
    wanted
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

/// What requests need to know about the current site.
#[derive(Debug, Clone)]
struct Site {
    out_dir: PathBuf,
    /// `/`, or `/repo/` when `site-url` has a path.
    base_path: String,
    /// The last rebuild's error, while it lasts.
    error: Option<String>,
}

/// What the server and the watcher share.
struct Shared {
    site: Mutex<Site>,
    live: LiveClients,
    /// The address listened on, which `Host` may name.
    bound: IpAddr,
    chatter: Chatter,
}

/// What to print besides errors.
#[derive(Debug, Clone, Copy)]
struct Chatter {
    quiet: bool,
    verbose: bool,
}

impl Shared {
    fn new(site: Site, chatter: Chatter, bound: IpAddr) -> Self {
        Shared {
            site: Mutex::new(site),
            live: LiveClients::new(),
            bound,
            chatter,
        }
    }

    fn site(&self) -> Site {
        lock(&self.site).clone()
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
        self.live.send(event);
    }
}

/// A poisoned lock only means another thread panicked; the data is still
/// what it was, so keep serving.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Builds the site with the settings `config` (patching the last build
/// where it can) and says where it is and under which path to serve it. The
/// one call into the incremental code; with `-v` or not, a full rebuild
/// prints why it could not patch.
fn build_site(
    session: &mut Session,
    config: Result<Config, BuildFailure>,
    chatter: Chatter,
) -> Result<Site, BuildFailure> {
    let site_url = config.as_ref().ok().and_then(|c| c.site_url.clone());
    let rebuild = session.build_with(config)?;
    for line in rebuild.lines(chatter.quiet, chatter.verbose) {
        match line {
            crate::Line::Out(text) => println!("{text}"),
            crate::Line::Err(text) => eprintln!("{text}"),
        }
    }
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

/// Where the watcher and the server meet: a debounced batch of changed
/// sources is rebuilt (or patched in), then every open page is told. The
/// settings are read once, here; returns the sources they name, for the
/// watcher.
fn on_change(
    session: &mut Session,
    options: &BuildOptions,
    shared: &Shared,
    batch: Batch,
) -> Sources {
    if !shared.chatter.quiet {
        println!("Changed: {}; rebuilding …", batch.paths.join(", "));
    }
    let config = crate::load_config(options);
    let sources = Sources::of(&options.root, config.as_ref().ok());
    match build_site(session, config, shared.chatter) {
        Ok(site) => shared.publish(Ok(site)),
        Err(failure) => {
            eprintln!("{failure}");
            eprintln!("still serving the last good site");
            shared.publish(Err(failure.to_string()));
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_under_the_site_url_path() {
        assert_eq!(base_path(None), "/");
        assert_eq!(base_path(Some("https://example.org")), "/");
        assert_eq!(base_path(Some("https://u.github.io/repo/")), "/repo/");
    }
}
