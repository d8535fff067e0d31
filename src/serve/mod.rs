//! `pipepress serve`: a live preview. Builds the site in memory, answers HTTP from
//! that build (and nothing else on disk), watches the project folder, rebuilds
//! after a short debounce and tells open pages to reload through a long-poll.
//!
//! It never writes the output folder and never reads a file to answer a request:
//! every answer comes from the last build, so no URL can reach outside it.

mod routes;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::Options;
use crate::diagnostics::{Colour, render_text};
use crate::error::Error;
pub use routes::{Answer, Outcome, RELOAD_PATH, Site, answer, file_name};

/// How long the watcher waits for a burst of saves to settle.
const DEBOUNCE: Duration = Duration::from_millis(100);
/// How long a reload poll is held open before it is answered "no change".
const POLL: Duration = Duration::from_secs(25);

/// Where to listen and what to build.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on; loopback unless the user says otherwise.
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    pub build: Options,
}

/// What the server has to tell the person running it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Listening(SocketAddr),
    Built {
        generation: u64,
        files: usize,
        took: Duration,
    },
    /// The build failed; `problems` is their text form.
    Failed {
        generation: u64,
        problems: String,
    },
    WatchFailed(String),
}

type Shared = Arc<(Mutex<Site>, Condvar)>;

/// Serves `project` until the process is stopped; `report` hears of each build.
/// Fails only when it cannot listen or watch.
pub fn serve(
    project: &Path,
    options: &ServeOptions,
    report: &mut dyn FnMut(Event),
) -> Result<(), Error> {
    let site = build(project, &options.build, 1, report);
    let shared: Shared = Arc::new((Mutex::new(site), Condvar::new()));

    let server = tiny_http::Server::http((options.host.as_str(), options.port)).map_err(|e| {
        Error::Serve(format!(
            "cannot listen on {}:{}: {e}",
            options.host, options.port
        ))
    })?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| Error::Serve("not listening on an IP address".into()))?;
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx)
        .map_err(|e| Error::Serve(format!("cannot watch the project: {e}")))?;
    debouncer
        .watch(project, RecursiveMode::Recursive)
        .map_err(|e| Error::Serve(format!("cannot watch {}: {e}", project.display())))?;

    let answering = Arc::clone(&shared);
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let shared = Arc::clone(&answering);
            thread::spawn(move || respond(request, &shared));
        }
    });
    report(Event::Listening(address));

    for result in rx {
        match result {
            Ok(events) if events.iter().any(|e| changes(&e.event.kind)) => {
                let (lock, changed) = &*shared;
                let next = lock
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .generation
                    + 1;
                let site = build(project, &options.build, next, report);
                *lock.lock().unwrap_or_else(PoisonError::into_inner) = site;
                changed.notify_all();
            }
            Ok(_) => {}
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                report(Event::WatchFailed(text.join("; ")));
            }
        }
    }
    Ok(())
}

/// Reading a file is not a change; writing, creating, renaming and removing are.
fn changes(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

fn build(
    project: &Path,
    options: &Options,
    generation: u64,
    report: &mut dyn FnMut(Event),
) -> Site {
    let started = Instant::now();
    let outcome = match crate::build_site(project, options) {
        Ok(files) => {
            let files: BTreeMap<String, Vec<u8>> =
                files.into_iter().map(|f| (f.path, f.bytes)).collect();
            report(Event::Built {
                generation,
                files: files.len(),
                took: started.elapsed(),
            });
            Outcome::Built(files)
        }
        Err(error) => {
            let problems = match &error {
                Error::Invalid(list) => render_text(list, project, Colour::Never),
                other => format!("error: {other}\n"),
            };
            report(Event::Failed {
                generation,
                problems: problems.clone(),
            });
            Outcome::Failed(problems)
        }
    };
    Site {
        generation,
        outcome,
    }
}

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let method = request.method().clone();
    let (lock, changed) = &**shared;
    let answer = if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
        Answer {
            status: 405,
            content_type: "text/plain; charset=utf-8",
            body: b"405 only GET and HEAD\n".to_vec(),
        }
    } else if url == RELOAD_PATH || url.starts_with(&format!("{RELOAD_PATH}?")) {
        let since = routes::since(&url);
        let site = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let (site, _) = changed
            .wait_timeout_while(site, POLL, |site| site.generation <= since)
            .unwrap_or_else(PoisonError::into_inner);
        Answer {
            status: 200,
            content_type: "text/plain; charset=utf-8",
            body: site.generation.to_string().into_bytes(),
        }
    } else {
        let site = lock.lock().unwrap_or_else(PoisonError::into_inner);
        answer(&site, &url)
    };
    let mut response = tiny_http::Response::from_data(answer.body).with_status_code(answer.status);
    for (name, value) in [
        ("Content-Type", answer.content_type),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(header) = tiny_http::Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    // The browser may have gone away; nothing to do about it.
    let _ = request.respond(response);
}
