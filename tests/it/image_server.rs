//! A small HTTP server on 127.0.0.1 for the image-fetching tests: each path gets a reply
//! of a kind (an image, a redirect, a slow or oversized answer, a page that is no image).
//! It serves at most [`MAX_CONNECTIONS`] connections for at most [`LIFETIME`], then stops
//! by itself; it counts the requests it answered.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const MAX_CONNECTIONS: usize = 200;
const LIFETIME: Duration = Duration::from_secs(120);

/// What the server answers on a path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with these bytes, this content type and their length.
    Image(Vec<u8>, &'static str),
    /// 302 to this location (absolute or relative).
    Redirect(String),
    /// Waits this long before answering with an image.
    Slow(Duration, Vec<u8>),
    /// 200 that declares this length, and sends nothing.
    Declared(u64),
    /// 200 without a length, streaming this many bytes of a PNG-looking body, then closing.
    Stream(usize),
    /// 200 that calls itself `image/png` but is an HTML page.
    Page,
}

pub struct ImageServer {
    pub port: u16,
    requests: Arc<AtomicUsize>,
}

impl ImageServer {
    /// Serve `routes` (path → reply; any other path: 404) on a free port of 127.0.0.1.
    pub fn start(routes: Vec<(&str, Reply)>) -> ImageServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let routes: Arc<Vec<(String, Reply)>> = Arc::new(
            routes
                .into_iter()
                .map(|(p, r)| (p.to_string(), r))
                .collect(),
        );
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        std::thread::spawn(move || {
            let end = Instant::now() + LIFETIME;
            let mut served = 0;
            while served < MAX_CONNECTIONS && Instant::now() < end {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let routes = routes.clone();
                        let counter = counter.clone();
                        std::thread::spawn(move || answer(stream, &routes, &counter));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        ImageServer { port, requests }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// How many requests the server has answered.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn answer(mut stream: TcpStream, routes: &[(String, Reply)], counter: &AtomicUsize) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    counter.fetch_add(1, Ordering::SeqCst);
    let head = String::from_utf8_lossy(&head);
    let target = head.split_whitespace().nth(1).unwrap_or("/");
    let reply = routes.iter().find(|(p, _)| p == target).map(|(_, r)| r);
    let _ = match reply {
        Some(Reply::Image(bytes, kind)) => send(&mut stream, "200 OK", kind, bytes),
        Some(Reply::Slow(wait, bytes)) => {
            std::thread::sleep(*wait);
            send(&mut stream, "200 OK", "image/png", bytes)
        }
        Some(Reply::Redirect(to)) => write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        Some(Reply::Declared(len)) => write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
        ),
        Some(Reply::Stream(len)) => {
            let mut body = b"\x89PNG\r\n\x1a\n".to_vec();
            body.resize(*len, 0);
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n"
            )
            .and_then(|()| {
                body.chunks(4096)
                    .try_for_each(|chunk| stream.write_all(chunk))
            })
        }
        Some(Reply::Page) => send(
            &mut stream,
            "200 OK",
            "image/png",
            b"<!DOCTYPE html><html><body>Not found</body></html>",
        ),
        None => send(&mut stream, "404 Not Found", "text/plain", b"no such image"),
    };
}

fn send(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)
}
