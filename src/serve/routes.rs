//! Answering one request from the site in memory: which file a URL names (never one
//! outside the build output), its content type, and the reload script added to
//! every HTML page (only here: a built site carries no script).

use std::collections::BTreeMap;

/// The long-poll endpoint the injected script waits on.
pub const RELOAD_PATH: &str = "/__pipepress/reload";

/// The current build, as the server answers from it.
#[derive(Debug, Clone)]
pub struct Site {
    /// Bumped on every rebuild, good or bad; pages reload when it moves on.
    pub generation: u64,
    pub outcome: Outcome,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    /// Every file of the site, by its path with `/` separators.
    Built(BTreeMap<String, Vec<u8>>),
    /// The build failed; its problems as text.
    Failed(String),
}

/// What to send back.
#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// The site's file `url` names, or `None` for anything else, including any path
/// with `..`, a backslash or a NUL once percent-decoded.
pub fn file_name(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) || s.contains(':') => return None,
            s => segments.push(s),
        }
    }
    let mut name = segments.join("/");
    if decoded.ends_with('/') || name.is_empty() {
        if !name.is_empty() {
            name.push('/');
        }
        name.push_str("index.html");
    }
    Some(name)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The script that waits for the next build and then reloads the page.
fn reload_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var g={generation};function poll(){{fetch('{RELOAD_PATH}?since='+g,{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{if(parseInt(t,10)>g){{location.reload()}}else{{poll()}}}}).catch(function(){{setTimeout(poll,1000)}})}}poll()}})();</script>"
    )
}

/// `html` with the reload script added before `</body>` (or at the end).
fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let script = reload_script(generation);
    let page = match text.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &text[..at], &text[at..]),
        None => format!("{text}{script}"),
    };
    page.into_bytes()
}

/// The page shown in place of every page while the build is broken.
fn error_page(problems: &str, generation: u64) -> Vec<u8> {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pipepress: build failed</title>\
<style>body{{font-family:system-ui,sans-serif;margin:2rem}}pre{{background:#fff4f4;border-left:4px solid #b00020;padding:1rem;overflow:auto}}</style></head>\
<body><h1>The build failed</h1><p>Fix these problems and save: the page reloads by itself.</p><pre>{}</pre></body></html>",
        crate::charts::text::escape_xml(problems)
    );
    inject(page.as_bytes(), generation)
}

fn not_found() -> Answer {
    Answer {
        status: 404,
        content_type: "text/plain; charset=utf-8",
        body: b"404 not found\n".to_vec(),
    }
}

/// The answer to a GET of `url` from `site`.
pub fn answer(site: &Site, url: &str) -> Answer {
    let Some(name) = file_name(url) else {
        return not_found();
    };
    match &site.outcome {
        Outcome::Failed(problems) => Answer {
            status: 500,
            content_type: "text/html; charset=utf-8",
            body: error_page(problems, site.generation),
        },
        Outcome::Built(files) => match files.get(&name) {
            Some(bytes) if name.ends_with(".html") => Answer {
                status: 200,
                content_type: content_type(&name),
                body: inject(bytes, site.generation),
            },
            Some(bytes) => Answer {
                status: 200,
                content_type: content_type(&name),
                body: bytes.clone(),
            },
            None => not_found(),
        },
    }
}

/// The generation a reload poll waits to pass (`?since=N`, else 0).
pub fn since(url: &str) -> u64 {
    url.split_once("since=")
        .and_then(|(_, rest)| rest.split('&').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        let mut files = BTreeMap::new();
        files.insert(
            "index.html".to_string(),
            b"<html><body>hi</body></html>".to_vec(),
        );
        files.insert("assets/style.css".to_string(), b"body{}".to_vec());
        files.insert(
            "pages/notes/index.html".to_string(),
            b"<p>notes</p>".to_vec(),
        );
        Site {
            generation: 3,
            outcome: Outcome::Built(files),
        }
    }

    #[test]
    fn urls_map_to_site_files_only() {
        assert_eq!(file_name("/").as_deref(), Some("index.html"));
        assert_eq!(
            file_name("/pages/notes/").as_deref(),
            Some("pages/notes/index.html")
        );
        assert_eq!(
            file_name("/assets/style.css?v=1").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(file_name("/a%20b.html").as_deref(), Some("a b.html"));
        for hostile in [
            "/../Cargo.toml",
            "/assets/../../etc/passwd",
            "/%2e%2e/secret",
            "/assets/%2E%2E/%2e%2e/x",
            "/..%2fx",
            "/a\\..\\b",
            "/%00",
            "/%zz",
            "/C:/x",
        ] {
            assert_eq!(file_name(hostile), None, "{hostile}");
        }
    }

    #[test]
    fn html_gets_the_reload_script_and_other_files_do_not() {
        let page = answer(&site(), "/");
        assert_eq!(page.status, 200);
        let text = String::from_utf8(page.body).expect("UTF-8");
        assert!(text.contains("var g=3;"), "{text}");
        assert!(text.ends_with("</script></body></html>"), "{text}");
        let css = answer(&site(), "/assets/style.css");
        assert_eq!((css.status, css.body), (200, b"body{}".to_vec()));
        assert_eq!(answer(&site(), "/../Cargo.toml").status, 404);
        assert_eq!(answer(&site(), "/missing.html").status, 404);
    }

    #[test]
    fn a_failed_build_shows_its_problems_escaped() {
        let failed = Site {
            generation: 4,
            outcome: Outcome::Failed("error: a.csv:1:1: <bad>".into()),
        };
        let page = answer(&failed, "/");
        assert_eq!(page.status, 500);
        let text = String::from_utf8(page.body).expect("UTF-8");
        assert!(text.contains("error: a.csv:1:1: &lt;bad&gt;"), "{text}");
        assert!(text.contains("var g=4;"), "{text}");
    }

    #[test]
    fn since_reads_the_query() {
        assert_eq!(since("/__pipepress/reload?since=12"), 12);
        assert_eq!(since("/__pipepress/reload"), 0);
    }
}
