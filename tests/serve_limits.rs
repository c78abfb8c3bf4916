//! `dossier serve` under load, run as a real process so its threads and
//! memory can be read from `/proc/<pid>`: thousands of idle sockets,
//! oversized requests, live-reload clients that come and go, the idle
//! timeout and the connection limit. Every wait has a deadline.
#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const STARTUP: Duration = Duration::from_secs(60);
/// A normal request must be answered within this, however busy the server.
const ANSWER: Duration = Duration::from_secs(2);
/// Threads a server may have beyond the idle count while it works.
const THREAD_SLACK: usize = 12;

/// A `dossier serve` process, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    _site: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Serves a one-briefing site with `extra` flags, once it is listening.
    fn start(extra: &[&str]) -> Server {
        let site = common::site(&[(
            "seeds/note.md",
            "---\ntitle: Load Test\ndate: 2024-01-02\n---\n\nPoland met Lithuania.\n",
        )]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--quiet", "--port", "0", "--root"])
            .arg(site.path())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run dossier serve");
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).expect("read the address");
        let url = line.split(" at ").nth(1).expect("Serving … at URL").trim();
        let port = url.trim_start_matches("http://127.0.0.1:");
        let port: u16 = port.trim_end_matches('/').parse().expect("a port");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        Server {
            child,
            addr,
            _site: site,
        }
    }

    fn threads(&self) -> usize {
        let tasks = format!("/proc/{}/task", self.child.id());
        std::fs::read_dir(tasks).expect("the server runs").count()
    }

    /// Resident memory in KiB.
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect_timeout(&self.addr, STARTUP).expect("connect");
        stream.set_read_timeout(Some(ANSWER)).unwrap();
        stream.set_write_timeout(Some(ANSWER)).unwrap();
        stream
    }

    /// The status of a request for `/` with `host`, or the error that
    /// stopped it (a timeout after [`ANSWER`]).
    fn status(&self, host: &str) -> std::io::Result<u16> {
        let mut stream = self.connect();
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )?;
        read_status(&mut stream)
    }
}

/// Reads a response head's status code.
fn read_status(stream: &mut TcpStream) -> std::io::Result<u16> {
    let mut head = Vec::new();
    let mut buffer = [0; 1024];
    while !head.windows(2).any(|w| w == b"\r\n") {
        match stream.read(&mut buffer)? {
            0 => return Err(ErrorKind::UnexpectedEof.into()),
            n => head.extend_from_slice(&buffer[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let code = head.split_whitespace().nth(1).unwrap_or_default();
    code.parse().map_err(|_| ErrorKind::InvalidData.into())
}

/// Lets this process hold `files` sockets, however low the default is.
fn allow_open_files(files: u64) {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current.is_some_and(|current| current < files) {
        limit.current = Some(limit.maximum.map_or(files, |max| max.min(files)));
        setrlimit(Resource::Nofile, limit).expect("raise the open-file limit");
    }
}

/// Polls `done` until it holds or `within` passes.
fn eventually(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    done()
}

#[test]
fn two_thousand_idle_sockets_neither_stop_service_nor_add_threads() {
    allow_open_files(4096);
    let server = Server::start(&[]);
    assert_eq!(server.status("localhost").unwrap(), 200);
    let idle_threads = server.threads();
    let idle: Vec<TcpStream> = (0..2000).map(|_| server.connect()).collect();
    // Let the server accept them all before asking for a page.
    std::thread::sleep(Duration::from_millis(500));
    let status = server.status("localhost");
    assert_eq!(
        status.as_ref().ok(),
        Some(&200),
        "a page was not served within {ANSWER:?} beside 2,000 idle sockets: {status:?}"
    );
    let threads = server.threads();
    assert!(
        threads <= idle_threads + THREAD_SLACK,
        "{threads} threads with 2,000 idle sockets, {idle_threads} without"
    );
    drop(idle);
}

#[test]
fn an_oversized_url_or_header_is_refused_and_memory_stays_bounded() {
    let server = Server::start(&[]);
    assert_eq!(server.status("localhost").unwrap(), 200);
    let before = server.rss_kib();
    let long_url = format!(
        "GET /{} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(1 << 20)
    );
    let long_header = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: {}\r\n\r\n",
        "b".repeat(1 << 20)
    );
    for request in [long_url, long_header] {
        let status = send_oversized(&server, request.as_bytes());
        assert!(
            [413, 414, 431].contains(&status),
            "a 1 MB request head got {status}, not a size refusal"
        );
    }
    // A head that never ends: the server must stop reading long before 64 MB.
    let mut stream = server.connect();
    stream.write_all(b"GET / HTTP/1.1\r\nX-Endless: ").unwrap();
    let chunk = vec![b'c'; 1 << 20];
    let sent = (0..64)
        .take_while(|_| stream.write_all(&chunk).is_ok())
        .count();
    assert!(sent < 64, "the server read all of a 64 MB request head");
    let grown = server.rss_kib().saturating_sub(before);
    assert!(grown < 32 * 1024, "memory grew by {grown} KiB");
}

/// Sends an oversized request head and reads the status it gets.
fn send_oversized(server: &Server, request: &[u8]) -> u16 {
    let mut stream = server.connect();
    let mut writer = stream.try_clone().unwrap();
    let request = request.to_vec();
    // The server may answer and close before it has read everything.
    let sending = std::thread::spawn(move || {
        let _ = writer.write_all(&request);
    });
    let status = read_status(&mut stream).expect("an answer to an oversized request");
    let _ = sending.join();
    status
}

#[test]
fn fifty_live_reload_clients_come_and_go_without_keeping_threads() {
    let server = Server::start(&[]);
    assert_eq!(server.status("localhost").unwrap(), 200);
    let idle_threads = server.threads();
    let clients: Vec<TcpStream> = (0..50).map(|_| open_events(&server)).collect();
    let threads = server.threads();
    assert!(
        threads <= idle_threads + THREAD_SLACK,
        "{threads} threads with 50 live-reload clients, {idle_threads} without"
    );
    drop(clients);
    assert!(
        eventually(Duration::from_secs(10), || server.threads() <= idle_threads),
        "{} threads after the clients left, {idle_threads} before",
        server.threads()
    );
    assert_eq!(server.status("localhost").unwrap(), 200);
}

/// Opens a live-reload stream and waits until the server has answered it.
fn open_events(server: &Server) -> TcpStream {
    let mut stream = server.connect();
    stream
        .write_all(b"GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut seen = Vec::new();
    let mut buffer = [0; 1024];
    while !seen.windows(6).any(|w| w == b"retry:") {
        let n = stream.read(&mut buffer).expect("the event stream opens");
        assert!(n > 0, "the event stream closed");
        seen.extend_from_slice(&buffer[..n]);
    }
    stream
}

#[test]
fn an_idle_connection_is_closed_after_the_idle_timeout() {
    let server = Server::start(&["--idle-timeout", "0.5"]);
    let mut silent = server.connect();
    silent.set_read_timeout(Some(STARTUP)).unwrap();
    let mut byte = [0; 1];
    let read = silent.read(&mut byte);
    let closed = match &read {
        Ok(n) => *n == 0,
        Err(error) => error.kind() == ErrorKind::ConnectionReset,
    };
    assert!(closed, "a silent connection was not closed: {read:?}");

    // A kept-alive connection is closed too once it has been quiet.
    let mut kept = server.connect();
    kept.set_read_timeout(Some(STARTUP)).unwrap();
    kept.write_all(b"GET /static/style.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut everything = Vec::new();
    let ended = kept.read_to_end(&mut everything);
    assert!(ended.is_ok(), "{ended:?}");
    assert!(everything.starts_with(b"HTTP/1.1 200"));
}

#[test]
fn connections_past_the_limit_are_told_the_server_is_busy() {
    let server = Server::start(&["--max-connections", "8"]);
    let held: Vec<TcpStream> = (0..8).map(|_| server.connect()).collect();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.status("localhost").unwrap(), 503);
    drop(held);
    assert!(
        eventually(Duration::from_secs(10), || {
            server.status("localhost").ok() == Some(200)
        }),
        "the server did not recover once the connections closed"
    );
}
