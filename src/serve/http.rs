//! The HTTP side of `serve`: accepting connections within the limits, the
//! `Host` check, routing, path security, content types and the site's 404
//! page. hyper parses requests and enforces the size cap and the idle
//! timeout; axum turns the one handler below into a service.
//!
//! It owns the only network code in Dossier, so it is strict about what it
//! reads: request paths are percent-decoded once, `..` segments, backslashes
//! and NUL are refused, and every file is canonicalised and checked against
//! the canonical output folder before it is opened. A request whose `Host`
//! is a name other than `localhost` is refused, so a page that rebinds its
//! own domain name to 127.0.0.1 cannot read the site.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use std::{fs, thread};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use super::live::{
    event_stream, find_tag, inject_live_reload, EVENTS_PATH, LIVE_RELOAD_JS, SCRIPT_PATH,
};
use super::{Limits, Shared, Site};

const HTML: &str = "text/html; charset=utf-8";

/// What a connection gets when all the others are taken.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; \
    charset=utf-8\r\nContent-Length: 40\r\nConnection: close\r\n\r\nBusy: too many open connections.\nRetry.\n";

/// Busy answers being sent at once; past that, a connection is just closed.
const REFUSALS: usize = 64;

/// Accepts connections until `stop` changes, each served on its own task.
/// Past `limits.max_connections`, a connection is told it is busy and
/// closed, so the system's queue of waiting connections never fills.
pub(super) async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    let app = Router::new().fallback(handle).with_state(shared);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let refusals = Arc::new(Semaphore::new(REFUSALS));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.changed() => return,
        };
        match accepted {
            Ok((stream, _)) => match Arc::clone(&permits).try_acquire_owned() {
                Ok(permit) => {
                    tokio::spawn(serve_connection(stream, app.clone(), limits, permit));
                }
                Err(_) => match Arc::clone(&refusals).try_acquire_owned() {
                    Ok(slot) => {
                        tokio::spawn(refuse(stream, slot));
                    }
                    Err(_) => drop(stream),
                },
            },
            // Out of file descriptors, or a connection reset while queued:
            // pause so a lasting failure does not spin.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Tells a connection past the limit that the server is busy. What the
/// client sent is read and dropped for up to a second first: closing with
/// unread bytes would reset the connection before the answer is read.
async fn refuse(stream: TcpStream, _slot: OwnedSemaphorePermit) {
    let _ = stream.try_write(BUSY);
    let drain = async {
        let mut buffer = [0; 4096];
        while stream.readable().await.is_ok() {
            match stream.try_read(&mut buffer) {
                Ok(0) => return,
                Ok(_) => {}
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => return,
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

/// Serves one connection's requests. hyper closes it when a request head
/// is not complete within the idle timeout (counted from the connection's
/// start or the end of the last response) or grows past the size cap.
async fn serve_connection(
    stream: TcpStream,
    app: Router,
    limits: Limits,
    _permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout)
        .max_buf_size(limits.max_request_head)
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app))
        .await;
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let host = request.headers().get(header::HOST);
    if !host_allowed(host.and_then(|h| h.to_str().ok()), shared.bound) {
        return plain(StatusCode::FORBIDDEN, &host_refusal(shared.bound));
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let mut response = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "Only GET and HEAD are supported.\n",
        );
        let allow = header::HeaderValue::from_static("GET, HEAD");
        response.headers_mut().insert(header::ALLOW, allow);
        return response;
    }
    let site = shared.site();
    match route(&request.uri().to_string(), &site.base_path) {
        Route::Events => {
            let receiver = shared.live.subscribe();
            event_stream(receiver, shared.site().error).into_response()
        }
        Route::Script => finish(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            LIVE_RELOAD_JS,
        ),
        Route::Redirect(location) => redirect(&location),
        Route::Site { segments, folder } => {
            on_disk(move || site_response(&site, &segments, folder)).await
        }
        Route::NotFound => on_disk(move || not_found(&site)).await,
        Route::Forbidden => plain(
            StatusCode::FORBIDDEN,
            "Forbidden: the path leaves the site.\n",
        ),
        Route::BadRequest => plain(
            StatusCode::BAD_REQUEST,
            "Bad request: the path is not valid.\n",
        ),
    }
}

/// Runs file work on the runtime's bounded pool of blocking threads.
async fn on_disk(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
        plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal error: reading the file failed.\n",
        )
    })
}

/// Why a request naming another host was refused, and what is answered.
fn host_refusal(bound: IpAddr) -> String {
    let also = if bound.is_unspecified() {
        " and this machine's addresses".to_string()
    } else if bound.is_loopback() {
        String::new()
    } else {
        format!(" and {bound}")
    };
    format!(
        "Forbidden: the Host header names another site. This server answers to \
         localhost, 127.0.0.1 and [::1]{also}, so that no web page can read it by \
         pointing its own domain name at this address.\n"
    )
}

/// Whether `host` (a `Host` header, port and all) names this server: the
/// name `localhost`, a loopback address or the bound address. Bound to
/// every interface, any address literal is accepted: other machines reach
/// the site through one, and DNS rebinding needs a name, never an address.
fn host_allowed(host: Option<&str>, bound: IpAddr) -> bool {
    let Some(host) = host else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.trim_end_matches('.');
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bound || bound.is_unspecified(),
        Err(_) => false,
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

fn site_response(site: &Site, segments: &[String], folder: bool) -> Response {
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

/// The output folder, canonicalised. Where the system cannot swap folders
/// in one step, a rebuild leaves it missing for a moment, so a missing
/// folder is retried briefly.
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
fn file_response(path: &Path) -> Option<Response> {
    let content_type = content_type(path);
    let mut bytes = fs::read(path).ok()?;
    if content_type == HTML {
        bytes = inject_live_reload(bytes);
    }
    Some(finish(StatusCode::OK, content_type, bytes))
}

/// The site's own 404 page, or a plain one if the site has none.
fn not_found(site: &Site) -> Response {
    let page =
        canonical_output(&site.out_dir).and_then(|root| fs::read(root.join("404.html")).ok());
    match page {
        Some(html) => {
            let html = inject_live_reload(with_base(html, &site.base_path));
            finish(StatusCode::NOT_FOUND, HTML, html)
        }
        None => plain(StatusCode::NOT_FOUND, "Not found.\n"),
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

/// A redirect; `location` is ASCII, its segments percent-encoded.
fn redirect(location: &str) -> Response {
    let mut response = plain(
        StatusCode::MOVED_PERMANENTLY,
        &format!("Moved to {location}\n"),
    );
    if let Ok(value) = header::HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn plain(status: StatusCode, body: &str) -> Response {
    finish(status, "text/plain; charset=utf-8", body.to_string())
}

/// The headers every response carries. The body is whole, so its length
/// is always sent, never chunked.
fn finish(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    let headers = [
        (header::CONTENT_TYPE, content_type),
        (header::CACHE_CONTROL, "no-cache"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    (status, headers, body.into()).into_response()
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

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
        assert_eq!(route("/", "/repo/"), Route::Redirect("/repo/".into()));
        assert_eq!(route("/repo", "/repo/"), Route::Redirect("/repo/".into()));
        assert_eq!(route("/repo/a.html", "/repo/"), site(&["a.html"], false));
        assert_eq!(route("/other.html", "/repo/"), Route::NotFound);
    }

    #[test]
    fn answers_to_loopback_names_and_the_bound_address_only() {
        let loopback = IpAddr::V4(Ipv4Addr::LOCALHOST);
        for host in [
            "localhost",
            "LOCALHOST:3000",
            "localhost.",
            "127.0.0.1:3000",
            "[::1]:80",
            "[::1]",
        ] {
            assert!(host_allowed(Some(host), loopback), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:3000",
            "localhost.evil.example",
            "192.168.1.5:3000",
            "",
        ] {
            assert!(!host_allowed(Some(host), loopback), "{host}");
        }
        assert!(!host_allowed(None, loopback));
        let lan = IpAddr::V4(Ipv4Addr::new(192, 168, 1, 5));
        assert!(host_allowed(Some("192.168.1.5:3000"), lan));
        let everywhere = IpAddr::V6(Ipv6Addr::UNSPECIFIED);
        assert!(host_allowed(Some("10.0.0.7:3000"), everywhere));
        assert!(!host_allowed(Some("my-laptop.local:3000"), everywhere));
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
