//! Remote images for the book, fetched only when the user asks (`--fetch-images`): http(s)
//! only, each bounded in size ([`FetchPolicy::max_image_bytes`]) and time, all of a run
//! bounded in bytes and time, redirects followed one by one (a bounded number, a loop
//! refused), never from a loopback, private or link-local address unless
//! `--allow-local-images` (checked on the resolved address of every connection, see
//! [`address`]), and the bytes sniffed: what is not a PNG, JPEG, GIF or WebP is refused.
//! What is fetched is kept in the output folder ([`cache`]) so that a rebuild needs no
//! network and makes the same book.

pub mod address;
pub mod cache;

use address::{LocalAddress, PublicOnly};
use std::io::Read;
use std::time::{Duration, Instant};
use ureq::http::Uri;

/// The bounds of fetching; [`Default`] is what the command line uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchPolicy {
    /// Fetch from loopback, private and link-local addresses too (`--allow-local-images`).
    pub allow_local: bool,
    /// The largest image, in bytes (the local files' cap).
    pub max_image_bytes: u64,
    /// All images of a run together, in bytes.
    pub max_total_bytes: u64,
    /// Connecting to a host.
    pub connect_timeout: Duration,
    /// One image, from the first connection to its last byte, redirects included.
    pub image_timeout: Duration,
    /// All images of a run together.
    pub total_timeout: Duration,
    /// Redirects followed for one image.
    pub max_redirects: usize,
    /// Exact socket addresses (IP and port) taken for public ones: none from the command
    /// line. A test's server on `127.0.0.1` stands in for a public host with it, and where
    /// its redirects lead (another port, `10.x`, `::1`) is judged by the real rule.
    pub public_stand_ins: Vec<std::net::SocketAddr>,
}

impl Default for FetchPolicy {
    fn default() -> FetchPolicy {
        FetchPolicy {
            allow_local: false,
            max_image_bytes: super::image_bytes::MAX_IMAGE_BYTES,
            max_total_bytes: 200 << 20,
            connect_timeout: Duration::from_secs(10),
            image_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(300),
            max_redirects: 5,
            public_stand_ins: Vec::new(),
        }
    }
}

/// Why a remote image was not fetched.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("not an http(s) address")]
    NotHttp,
    #[error("{0}: not fetched without --allow-local-images")]
    Local(LocalAddress),
    #[error("larger than {} MB", .0 >> 20)]
    TooLarge(u64),
    #[error("the run's {} MB for remote images is used up", .0 >> 20)]
    TotalBytes(u64),
    #[error("no complete answer within {} s", .0.as_secs_f64())]
    TimedOut(Duration),
    #[error("the run's {} s for remote images are used up", .0.as_secs_f64())]
    TotalTime(Duration),
    #[error("more than {0} redirects")]
    Redirects(usize),
    #[error("a redirect loop (back to `{0}`)")]
    Loop(String),
    #[error("a redirect without a usable address")]
    BadRedirect,
    #[error("the server answered {0}")]
    Status(u16),
    #[error("not a PNG, JPEG, GIF or WebP image (the server calls it `{0}`)")]
    NotImage(String),
    #[error("cannot connect: {0}")]
    NoConnection(String),
    #[error("`{0}` could not be reached for an earlier image")]
    Unreachable(String),
    #[error("{0}")]
    Network(String),
}

/// A fetched image: its bytes, and the media type they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
}

/// Fetches the images of one run, keeping count of its bytes and time.
pub struct Fetcher {
    policy: FetchPolicy,
    agent: ureq::Agent,
    started: Instant,
    used_bytes: u64,
    /// Hosts (`host:port`) that could not be reached: their other images are not tried (an
    /// article's photos mostly share one host, and each try could take the connect timeout).
    unreachable: std::collections::BTreeSet<String>,
}

impl Fetcher {
    pub fn new(policy: FetchPolicy) -> Fetcher {
        let config = ureq::Agent::config_builder()
            // A proxy from the environment would be resolved instead of the image's host,
            // and the address rule would judge the proxy.
            .proxy(None)
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_connect(Some(policy.connect_timeout))
            .user_agent(format!("jinju/{}", env!("CARGO_PKG_VERSION")))
            .accept("image/png,image/jpeg,image/gif,image/webp;q=0.9,*/*;q=0.1")
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::new(),
            PublicOnly::new(policy.allow_local, policy.public_stand_ins.clone()),
        );
        Fetcher {
            policy,
            agent,
            started: Instant::now(),
            used_bytes: 0,
            unreachable: Default::default(),
        }
    }

    /// The image at `url`, following redirects, within the run's bounds.
    pub fn fetch(&mut self, url: &str) -> Result<Fetched, Refusal> {
        let total_end = self.started + self.policy.total_timeout;
        let image_end = (Instant::now() + self.policy.image_timeout).min(total_end);
        let by_total = image_end == total_end;
        let (total, per_image) = (self.policy.total_timeout, self.policy.image_timeout);
        let timed_out = move || {
            if by_total {
                Refusal::TotalTime(total)
            } else {
                Refusal::TimedOut(per_image)
            }
        };
        let left_bytes = self.policy.max_total_bytes.saturating_sub(self.used_bytes);
        if left_bytes == 0 {
            return Err(Refusal::TotalBytes(self.policy.max_total_bytes));
        }
        let mut seen: Vec<String> = Vec::new();
        let mut url = url.trim().to_string();
        loop {
            let uri: Uri = url.parse().map_err(|_| Refusal::NotHttp)?;
            if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
                return Err(Refusal::NotHttp);
            }
            let left = image_end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(timed_out());
            }
            seen.push(url.clone());
            let host = uri.authority().map_or("", |a| a.as_str()).to_string();
            if self.unreachable.contains(&host) {
                return Err(Refusal::Unreachable(host));
            }
            let answer = self
                .agent
                .get(&url)
                .config()
                .timeout_global(Some(left))
                .build()
                .call();
            let response = match answer {
                Ok(response) => response,
                Err(e) => {
                    let refused = refusal(e, &timed_out);
                    if let Refusal::NoConnection(_) = &refused {
                        self.unreachable.insert(host);
                    }
                    return Err(refused);
                }
            };
            let status = response.status().as_u16();
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or(Refusal::BadRedirect)?;
                let next = join(&uri, location).ok_or(Refusal::BadRedirect)?;
                if seen.contains(&next) {
                    return Err(Refusal::Loop(next));
                }
                if seen.len() > self.policy.max_redirects {
                    return Err(Refusal::Redirects(self.policy.max_redirects));
                }
                url = next;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(Refusal::Status(status));
            }
            return self.image(response, left_bytes, &timed_out);
        }
    }

    /// An answer's body as an image: within the bounds, sniffed, counted.
    fn image(
        &mut self,
        response: ureq::http::Response<ureq::Body>,
        left_bytes: u64,
        timed_out: &dyn Fn() -> Refusal,
    ) -> Result<Fetched, Refusal> {
        let limit = self.policy.max_image_bytes.min(left_bytes);
        let too_large = || {
            if limit < self.policy.max_image_bytes {
                Refusal::TotalBytes(self.policy.max_total_bytes)
            } else {
                Refusal::TooLarge(self.policy.max_image_bytes)
            }
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .map(str::to_string)
        };
        let declared = header("content-length").and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let claimed = header("content-type").unwrap_or_else(|| "nothing".into());
        let mut bytes = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| refusal(ureq::Error::from(e), timed_out))?;
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        let media_type = super::image_bytes::sniff(&bytes)
            .ok_or_else(|| Refusal::NotImage(crate::printable::excerpt(&claimed, 40)))?;
        self.used_bytes += bytes.len() as u64;
        Ok(Fetched { bytes, media_type })
    }
}

/// The refusal an HTTP error stands for.
fn refusal(e: ureq::Error, timed_out: &dyn Fn() -> Refusal) -> Refusal {
    match e {
        ureq::Error::Other(inner) => match inner.downcast::<LocalAddress>() {
            Ok(local) => Refusal::Local(*local),
            Err(other) => Refusal::Network(other.to_string()),
        },
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
            Refusal::NoConnection("the connection timed out".into())
        }
        ureq::Error::Timeout(_) => timed_out(),
        ureq::Error::HostNotFound => Refusal::NoConnection("no such host".into()),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => timed_out(),
        ureq::Error::Io(io) => Refusal::NoConnection(io.to_string()),
        ureq::Error::ConnectionFailed => Refusal::NoConnection("the connection failed".into()),
        other => Refusal::Network(other.to_string()),
    }
}

/// An address's scheme (`https` of `https://…`), when it has one: a letter, then letters,
/// digits, `+`, `-` or `.`, before the first `:` (so `a/b:c.png` has none).
pub fn scheme(address: &str) -> Option<&str> {
    let (s, _) = address.split_once(':')?;
    let valid = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(s)
}

/// A redirect's `Location` made absolute against the address it came from.
fn join(base: &Uri, location: &str) -> Option<String> {
    let location = location.trim();
    let has_scheme = scheme(location).is_some();
    let base_scheme = base.scheme_str()?;
    let authority = base.authority()?.as_str();
    Some(if has_scheme {
        location.to_string()
    } else if location.starts_with("//") {
        format!("{base_scheme}:{location}")
    } else if location.starts_with('/') {
        format!("{base_scheme}://{authority}{location}")
    } else {
        let path = base.path();
        let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let folder = if folder.is_empty() { "/" } else { folder };
        format!("{base_scheme}://{authority}{folder}{location}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_is_made_absolute_against_where_it_came_from() {
        let base: Uri = "https://img.example.com/article/1/a.jpg?x=1"
            .parse()
            .unwrap();
        let joined = |l: &str| join(&base, l).unwrap();
        assert_eq!(joined("http://other.org/b.png"), "http://other.org/b.png");
        assert_eq!(
            joined("//cdn.example.com/c.png"),
            "https://cdn.example.com/c.png"
        );
        assert_eq!(joined("/d.png"), "https://img.example.com/d.png");
        assert_eq!(joined("e.png"), "https://img.example.com/article/1/e.png");
        assert_eq!(joined("file:///etc/passwd"), "file:///etc/passwd");
    }
}
