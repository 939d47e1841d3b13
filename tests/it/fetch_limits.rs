//! The bounds of `--fetch-images`, through the library's fetcher against a server of the
//! test's own on 127.0.0.1 (timeouts made short here; the command line's are in
//! `FetchPolicy::default`): an image is fetched and sniffed; the private-address rule,
//! oversized answers (declared and streamed), a slow server, redirect loops and chains,
//! and what is no image are refused with the reason; a server standing in for a public host
//! whose redirects lead to this machine or a private network is refused there.

use super::image_server::{ImageServer, Reply};
use jinju::commands::remote::{FetchPolicy, Fetcher, Refusal};
use std::time::{Duration, Instant};

/// A flat-colour PNG of `w`×`h`.
pub fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Short bounds for the tests; local addresses allowed unless `allow_local` is false.
fn policy(allow_local: bool) -> FetchPolicy {
    FetchPolicy {
        allow_local,
        max_image_bytes: 64 * 1024,
        max_total_bytes: 1 << 20,
        connect_timeout: Duration::from_secs(2),
        image_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(20),
        max_redirects: 3,
        public_stand_ins: Vec::new(),
    }
}

fn server() -> ImageServer {
    let photo = png(40, 30, [30, 120, 200]);
    ImageServer::start(vec![
        (
            "/photo.png?imageMogr2/quality/90",
            Reply::Image(photo.clone(), "image/png"),
        ),
        (
            "/moved",
            Reply::Redirect("photo.png?imageMogr2/quality/90".into()),
        ),
        ("/big", Reply::Declared(10 << 20)),
        ("/stream", Reply::Stream(200 * 1024)),
        ("/slow", Reply::Slow(Duration::from_secs(3), photo.clone())),
        ("/loop-a", Reply::Redirect("/loop-b".into())),
        ("/loop-b", Reply::Redirect("/loop-a".into())),
        ("/chain/1", Reply::Redirect("/chain/2".into())),
        ("/chain/2", Reply::Redirect("/chain/3".into())),
        ("/chain/3", Reply::Redirect("/chain/4".into())),
        ("/chain/4", Reply::Redirect("/chain/5".into())),
        ("/chain/5", Reply::Image(photo, "image/png")),
        ("/page", Reply::Page),
    ])
}

#[test]
fn an_image_is_fetched_through_a_redirect_and_sniffed() {
    let s = server();
    let mut fetcher = Fetcher::new(policy(true));
    let got = fetcher.fetch(&s.url("/moved")).unwrap();
    assert_eq!(got.media_type, "image/png");
    assert_eq!(got.bytes, png(40, 30, [30, 120, 200]));
    assert_eq!(s.requests(), 2, "the redirect and the image");
}

#[test]
fn this_machine_is_refused_without_allow_local_images() {
    let s = server();
    let mut fetcher = Fetcher::new(policy(false));
    for url in [
        s.url("/photo.png?imageMogr2/quality/90"),
        format!("http://localhost:{}/moved", s.port),
    ] {
        let err = fetcher.fetch(&url).unwrap_err();
        assert!(matches!(err, Refusal::Local(_)), "{url}: {err}");
        let said = err.to_string();
        assert!(
            said.contains("loopback") && said.contains("--allow-local-images"),
            "{said}"
        );
    }
    assert_eq!(s.requests(), 0, "no request reached the server");
    for url in [
        "ftp://example.com/a.png",
        "file:///etc/passwd",
        "http:///nohost.png",
    ] {
        assert!(
            matches!(fetcher.fetch(url), Err(Refusal::NotHttp)),
            "{url} must be refused as not http(s)"
        );
    }
}

#[test]
fn oversized_slow_looping_and_non_image_answers_are_refused() {
    let s = server();
    let mut fetcher = Fetcher::new(policy(true));
    let mut refused = |path: &str| fetcher.fetch(&s.url(path)).unwrap_err();
    assert!(
        matches!(refused("/big"), Refusal::TooLarge(_)),
        "declared length"
    );
    assert!(
        matches!(refused("/stream"), Refusal::TooLarge(_)),
        "streamed, no length"
    );
    let started = Instant::now();
    let slow = refused("/slow");
    assert!(matches!(slow, Refusal::TimedOut(_)), "{slow}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "gave up in time"
    );
    let looped = refused("/loop-a");
    assert!(
        matches!(looped, Refusal::Loop(ref to) if to.ends_with("/loop-a")),
        "{looped}"
    );
    assert!(matches!(refused("/chain/1"), Refusal::Redirects(3)));
    let page = refused("/page");
    assert!(matches!(page, Refusal::NotImage(_)), "{page}");
    assert!(
        page.to_string().contains("image/png"),
        "says what the server claimed: {page}"
    );
    assert!(matches!(refused("/missing.png"), Refusal::Status(404)));
}

#[test]
fn a_host_that_cannot_be_reached_is_not_tried_again() {
    let s = server();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let mut fetcher = Fetcher::new(policy(true));
    let first = fetcher
        .fetch(&format!("http://127.0.0.1:{port}/a.png"))
        .unwrap_err();
    assert!(matches!(first, Refusal::NoConnection(_)), "{first}");
    let again = fetcher
        .fetch(&format!("http://127.0.0.1:{port}/b.png"))
        .unwrap_err();
    assert!(matches!(again, Refusal::Unreachable(_)), "{again}");
    let other = fetcher.fetch(&s.url("/photo.png?imageMogr2/quality/90"));
    assert!(other.is_ok(), "another port of the same machine is tried");
}

#[test]
fn the_run_total_bounds_bytes_and_time() {
    let s = server();
    let photo = "/photo.png?imageMogr2/quality/90";
    let size = png(40, 30, [30, 120, 200]).len() as u64;
    let mut fetcher = Fetcher::new(FetchPolicy {
        max_total_bytes: size * 2 + 10,
        ..policy(true)
    });
    fetcher.fetch(&s.url(photo)).unwrap();
    fetcher.fetch(&s.url(photo)).unwrap();
    let third = fetcher.fetch(&s.url(photo)).unwrap_err();
    assert!(matches!(third, Refusal::TotalBytes(_)), "{third}");
    let mut fetcher = Fetcher::new(FetchPolicy {
        total_timeout: Duration::from_millis(300),
        image_timeout: Duration::from_secs(5),
        ..policy(true)
    });
    let slow = fetcher.fetch(&s.url("/slow")).unwrap_err();
    assert!(matches!(slow, Refusal::TotalTime(_)), "{slow}");
    let after = fetcher.fetch(&s.url(photo)).unwrap_err();
    assert!(
        matches!(after, Refusal::TotalTime(_)),
        "nothing more once the time is up"
    );
}

#[test]
fn a_redirect_from_a_public_host_to_a_private_address_is_refused() {
    let photo = png(40, 30, [30, 120, 200]);
    let inner = ImageServer::start(vec![(
        "/photo.png",
        Reply::Image(photo.clone(), "image/png"),
    )]);
    let to = |location: String| Reply::Redirect(location);
    let public = ImageServer::start(vec![
        ("/photo.png", Reply::Image(photo.clone(), "image/png")),
        ("/here", to("/photo.png".into())),
        ("/other-port", to(inner.url("/photo.png"))),
        ("/ten", to("http://10.0.0.1/photo.png".into())),
        ("/six", to(format!("http://[::1]:{}/photo.png", inner.port))),
        (
            "/name",
            to(format!("http://localhost:{}/photo.png", inner.port)),
        ),
    ]);
    let stand_in = std::net::SocketAddr::from(([127, 0, 0, 1], public.port));
    let mut fetcher = Fetcher::new(FetchPolicy {
        public_stand_ins: vec![stand_in],
        ..policy(false)
    });
    let got = fetcher
        .fetch(&public.url("/here"))
        .expect("the stand-in is public");
    assert_eq!(got.bytes, photo, "its own redirect is followed");
    for (path, kind) in [
        ("/other-port", "loopback"),
        ("/ten", "private"),
        ("/six", "loopback"),
        ("/name", "loopback"),
    ] {
        let err = fetcher.fetch(&public.url(path)).unwrap_err();
        let said = err.to_string();
        assert!(matches!(err, Refusal::Local(_)), "{path}: {said}");
        assert!(
            said.contains(&format!("a {kind} address")) && said.contains("--allow-local-images"),
            "{path}: {said}"
        );
    }
    assert_eq!(inner.requests(), 0, "no redirect reached the other server");
    assert_eq!(
        public.requests(),
        2 + 4,
        "the first hops were all let through"
    );
    assert!(
        FetchPolicy::default().public_stand_ins.is_empty(),
        "the command line's policy stands none in"
    );
}
