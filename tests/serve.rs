//! `pipepress serve`, end to end: the real binary serves the `small` fixture on a
//! free loopback port; an edit to a markdown page is served after the rebuild and
//! the reload is signalled to a waiting page; a broken build shows its problems and
//! recovers; no URL reaches outside the build output. Every wait is bounded and the
//! server is killed when the test ends, pass or fail.

mod harness;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use harness::Fixture;

const PATIENCE: Duration = Duration::from_secs(20);

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(fixture: &Fixture) -> (Server, SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(["serve", "--as-of", "2026-11-15"])
        .arg(fixture.project())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start pipepress serve");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server(child);
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(PATIENCE)
        .expect("serve says where it listens");
    let address = line
        .strip_prefix("serving http://")
        .and_then(|rest| rest.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
    (server, address)
}

/// A bare HTTP/1.1 GET, sent byte for byte as written: (status, body).
fn get(address: SocketAddr, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect_timeout(&address, PATIENCE).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// GETs `path` until `done` holds for the answer, or panics after [`PATIENCE`].
fn wait_for(address: SocketAddr, path: &str, done: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let (status, body) = get(address, path);
        if done(status, &body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "gave up on {path}: {status}\n{body}"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_rebuilds_on_edit_signals_reload_and_stays_inside_the_site() {
    let fixture = Fixture::new("small");
    let (_server, address) = start(&fixture);

    let (status, page) = get(address, "/pages/notes/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("A <em>small</em> page"), "{page}");
    assert!(
        page.contains("/__pipepress/reload?since="),
        "no reload script: {page}"
    );

    // A page waits for the next build, as the injected script does.
    let (polled_tx, polled) = mpsc::channel();
    thread::spawn(move || {
        let _ = polled_tx.send(get(address, "/__pipepress/reload?since=1"));
    });
    thread::sleep(Duration::from_millis(200));

    let notes = fixture.project().join("content/notes.md");
    let text = std::fs::read_to_string(&notes).expect("notes");
    std::fs::write(
        &notes,
        text.replace("A *small* page", "A *freshly edited* page"),
    )
    .expect("edit notes");

    let (status, generation) = polled.recv_timeout(PATIENCE).expect("reload signalled");
    assert_eq!(status, 200);
    assert!(
        generation.trim().parse::<u64>().expect("a generation") >= 2,
        "{generation}"
    );
    wait_for(address, "/pages/notes/", |status, body| {
        status == 200 && body.contains("A <em>freshly edited</em> page")
    });

    // A broken build shows its problems in the page, then recovers when fixed.
    let strategy = fixture.project().join("strategy.toml");
    let good = std::fs::read_to_string(&strategy).expect("strategy");
    std::fs::write(&strategy, format!("{good}\nnot toml at all\n")).expect("break");
    let broken = wait_for(address, "/", |status, _| status == 500);
    assert!(broken.contains("error: strategy.toml:"), "{broken}");
    assert!(broken.contains("/__pipepress/reload?since="), "{broken}");
    std::fs::write(&strategy, good).expect("fix");
    wait_for(address, "/", |status, _| status == 200);

    // Nothing outside the build output, however the path is spelt.
    for path in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fstrategy.toml",
        "/strategy.toml",
        "/content/notes.md",
    ] {
        let (status, body) = get(address, path);
        assert_eq!(status, 404, "{path}: {body}");
    }
}
