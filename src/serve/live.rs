//! Live reload: the script every served HTML page loads, and the
//! Server-Sent Events stream that tells open pages to reload or to show a
//! failed rebuild. A page's stream is a task on the server's runtime, not a
//! thread, and it ends when the page goes away or the server stops.

use std::convert::Infallible;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast;

/// The Server-Sent Events stream that tells pages to reload.
pub const EVENTS_PATH: &str = "/__dossier/events";
/// The live-reload script that every served HTML page loads.
pub const SCRIPT_PATH: &str = "/__dossier/live.js";

/// Reloads the page on `reload`; shows the build error on `error`. The error
/// text goes in through `textContent`, so it can never become markup.
pub(super) const LIVE_RELOAD_JS: &str = include_str!("live.js");

/// The tag added before `</body>` in every HTML response.
const SCRIPT_TAG: &[u8] = b"<script src=\"/__dossier/live.js\"></script>\n";

/// A comment sent on idle event streams, so dead connections are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// How long a browser waits before it reconnects a dropped stream.
const RETRY: Duration = Duration::from_secs(1);
/// Events kept for a page that is slow to read; one that falls further
/// behind just reloads once.
const BACKLOG: usize = 16;

/// A message for open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum LiveEvent {
    Reload,
    Error(String),
}

impl LiveEvent {
    /// The event as SSE fields; every line of a message becomes a `data:`
    /// line, so a newline cannot end the event early.
    fn to_sse(&self) -> Event {
        match self {
            LiveEvent::Reload => Event::default().event("reload").data("reload"),
            LiveEvent::Error(text) => Event::default().event("error").data(text.replace('\r', "")),
        }
    }
}

/// Where rebuilds announce themselves and event streams listen.
pub(super) struct LiveClients {
    sender: broadcast::Sender<LiveEvent>,
}

impl LiveClients {
    pub(super) fn new() -> Self {
        LiveClients {
            sender: broadcast::channel(BACKLOG).0,
        }
    }

    /// Tells every open page; none being open is no error.
    pub(super) fn send(&self, event: LiveEvent) {
        let _ = self.sender.send(event);
    }

    /// Pages listening now.
    #[cfg(test)]
    fn count(&self) -> usize {
        self.sender.receiver_count()
    }

    /// A new page's subscription. Take it before reading the last
    /// rebuild's error for [`event_stream`], so no event falls in between.
    pub(super) fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }
}

/// A page's event stream: `pending_error` (the last rebuild's failure, so a
/// page opened after it still learns about it), then what is published.
pub(super) fn event_stream(
    receiver: broadcast::Receiver<LiveEvent>,
    pending_error: Option<String>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut first = vec![Event::default().retry(RETRY)];
    first.extend(pending_error.map(|error| LiveEvent::Error(error).to_sse()));
    let later = stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(event) => event,
            Err(broadcast::error::RecvError::Lagged(_)) => LiveEvent::Reload,
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((event.to_sse(), receiver))
    });
    let events = stream::iter(first).chain(later).map(Ok::<_, Infallible>);
    Sse::new(events).keep_alive(KeepAlive::new().interval(HEARTBEAT).text("heartbeat"))
}

/// Adds the reload script before the last `</body>`, or at the end.
pub(super) fn inject_live_reload(mut html: Vec<u8>) -> Vec<u8> {
    let at = find_tag(&html, b"</body>", true).unwrap_or(html.len());
    html.splice(at..at, SCRIPT_TAG.iter().copied());
    html
}

/// The first (or last) position of an ASCII tag, in any letter case.
pub(super) fn find_tag(html: &[u8], tag: &[u8], last: bool) -> Option<usize> {
    let mut windows = html.windows(tag.len());
    let matches = |window: &[u8]| window.eq_ignore_ascii_case(tag);
    if last {
        windows.rposition(matches)
    } else {
        windows.position(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_stream_stops_listening_when_it_is_dropped() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let _inside = runtime.enter();
        let clients = LiveClients::new();
        let stream = event_stream(clients.subscribe(), None);
        assert_eq!(clients.count(), 1);
        drop(stream);
        assert_eq!(clients.count(), 0);
    }
}
