//! `build --single-file`: the report (or, `--whole-site`, every page) as one HTML
//! file that needs nothing else, so that it opens as an e-mail attachment.
//!
//! Works on the rendered site in memory (the [`OutputFile`]s), never on the disk:
//! stylesheets become `<style>`, pictures `data:` URIs, links to other pages either
//! in-file anchors (whole site) or plain text, and anything that would make the
//! browser fetch something (an external picture, a script) is removed. The HTML is
//! rewritten by a real parser (lol_html), not by searching the text.

use std::cell::RefCell;
use std::collections::BTreeMap;

use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::error::Error;
use crate::render::OutputFile;

/// The page a single-file report is made of.
pub const REPORT_PAGE: &str = "report/index.html";

/// The report page, self-contained.
pub fn report(files: &[OutputFile]) -> Result<String, Error> {
    let site = Site::new(files);
    let html = site.text(REPORT_PAGE)?;
    site.rewrite(REPORT_PAGE, html, None)
}

/// Every page of the site in one file: the home page first, each page a `<div>`
/// with an anchor, links between pages turned into links to those anchors.
pub fn whole_site(files: &[OutputFile]) -> Result<String, Error> {
    let site = Site::new(files);
    let mut pages: Vec<&str> = site
        .files
        .keys()
        .copied()
        .filter(|p| p.ends_with(".html") && *p != "index.html")
        .collect();
    pages.insert(0, "index.html");
    let home = site.rewrite("index.html", site.text("index.html")?, Some(Part::Shell))?;
    let mut body = String::new();
    for page in &pages {
        let html = site.rewrite(page, site.text(page)?, Some(Part::Page))?;
        body.push_str(&html);
    }
    // The home page's shell (head, header, footer) around every page's content.
    let (Some(start), Some(end)) = (home.find("<main"), home.rfind("</main>")) else {
        return Err(export_error("index.html has no <main> element"));
    };
    Ok(format!(
        "{}<main id=\"{}\" class=\"single-site\">\n{body}</main>{}",
        &home[..start],
        id_in("index.html", "main"),
        &home[end + "</main>".len()..]
    ))
}

/// What a page contributes to the whole-site file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The page the shell comes from (its `<main>` is replaced).
    Shell,
    /// Only the contents of `<main>`, in a `<div>` with the page's anchor.
    Page,
}

struct Site<'a> {
    files: BTreeMap<&'a str, &'a [u8]>,
}

impl<'a> Site<'a> {
    fn new(files: &'a [OutputFile]) -> Site<'a> {
        Site {
            files: files
                .iter()
                .map(|f| (f.path.as_str(), f.bytes.as_slice()))
                .collect(),
        }
    }

    fn text(&self, path: &str) -> Result<&'a str, Error> {
        let bytes = self
            .files
            .get(path)
            .ok_or_else(|| export_error(format!("the site has no {path}")))?;
        std::str::from_utf8(bytes).map_err(|_| export_error(format!("{path} is not UTF-8")))
    }

    /// `href` as found on the page at `page`, as a `data:` URI of the site file it
    /// names; `None` when it names none.
    fn data_uri(&self, page: &str, href: &str) -> Option<String> {
        let path = resolve(page, href)?;
        let bytes = self.files.get(path.as_str())?;
        let media = media_type(&path)?;
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        Some(format!("data:{media};base64,{encoded}"))
    }

    /// A stylesheet's text with every `url(...)` inlined; a reference to anything
    /// outside the site is an error (it would be fetched).
    fn stylesheet(&self, page: &str, href: &str) -> Result<String, String> {
        let path = resolve(page, href)
            .filter(|p| self.files.contains_key(p.as_str()))
            .ok_or_else(|| {
                format!("{page} links the stylesheet {href}, which is not in the site")
            })?;
        let css = std::str::from_utf8(self.files[path.as_str()])
            .map_err(|_| format!("{path} is not UTF-8"))?;
        if css.contains("@import") {
            return Err(format!(
                "{path} uses @import, which a single file cannot hold; put the rules in the file itself"
            ));
        }
        let mut out = String::new();
        let mut rest = css;
        while let Some(at) = rest.find("url(") {
            out.push_str(&rest[..at + 4]);
            rest = &rest[at + 4..];
            let close = rest
                .find(')')
                .ok_or_else(|| format!("{path}: url( without its closing parenthesis"))?;
            let target = rest[..close].trim().trim_matches(['"', '\'']);
            if target.starts_with("data:") || target.starts_with('#') {
                out.push_str(&rest[..close]);
            } else {
                let uri = self.data_uri(&path, target).ok_or_else(|| {
                    format!("{path} refers to {target}, which is not a picture in the site")
                })?;
                out.push('"');
                out.push_str(&uri);
                out.push('"');
            }
            rest = &rest[close..];
        }
        out.push_str(rest);
        // A stylesheet cannot end its <style> element early.
        Ok(out.replace("</", "<\\/"))
    }

    fn rewrite(&self, page: &str, html: &str, part: Option<Part>) -> Result<String, Error> {
        let problems: RefCell<Vec<String>> = RefCell::new(Vec::new());
        let body_class: RefCell<String> = RefCell::new(String::new());
        let key = anchor(page);
        let whole_site = part.is_some();
        let link_target = |href: &str| -> Option<String> {
            if let Some(fragment) = href.strip_prefix('#') {
                return Some(match whole_site {
                    true => format!("#{}", id_in(page, fragment)),
                    false => href.to_string(),
                });
            }
            if !whole_site {
                return None;
            }
            let path = resolve(page, href)?;
            if !path.ends_with(".html") || !self.files.contains_key(path.as_str()) {
                return None;
            }
            Some(match href.split_once('#') {
                Some((_, fragment)) => format!("#{}", id_in(&path, fragment)),
                None => format!("#{}", anchor(&path)),
            })
        };
        let mut handlers = vec![
            element!("script, iframe, object, embed, base", |el| {
                el.remove();
                Ok(())
            }),
            element!("link[rel~=stylesheet]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                match self.stylesheet(page, &href) {
                    Ok(css) => el.replace(&format!("<style>\n{css}</style>"), ContentType::Html),
                    Err(problem) => problems.borrow_mut().push(problem),
                }
                Ok(())
            }),
            element!("link:not([rel~=stylesheet])", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                match self.data_uri(page, &href) {
                    Some(uri) => el.set_attribute("href", &uri)?,
                    None => el.remove(),
                }
                Ok(())
            }),
            element!("img, source", |el| {
                el.remove_attribute("srcset");
                let src = el.get_attribute("src").unwrap_or_default();
                match self.data_uri(page, &src) {
                    Some(uri) => el.set_attribute("src", &uri)?,
                    // An outside picture would be fetched: its alt text stands in.
                    None => {
                        let alt = el.get_attribute("alt").unwrap_or_default();
                        el.replace(&unescape(&alt), ContentType::Text);
                    }
                }
                Ok(())
            }),
            element!("a[href]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                el.remove_attribute("download");
                match link_target(&href) {
                    Some(target) => el.set_attribute("href", &target)?,
                    // Another page, a download or the web: the text stays, the link goes.
                    None => el.remove_attribute("href"),
                }
                Ok(())
            }),
        ];
        if whole_site {
            handlers.push(element!("[id]", |el| {
                let id = el.get_attribute("id").unwrap_or_default();
                el.set_attribute("id", &id_in(page, &id))?;
                Ok(())
            }));
        } else {
            // Alone, the report links nowhere: the site's menu would be dead text.
            handlers.push(element!("header nav", |el| {
                el.remove();
                Ok(())
            }));
        }
        let mut settings = RewriteStrSettings::new();
        for handler in handlers {
            settings = settings.append_element_content_handler(handler);
        }
        if part == Some(Part::Page) {
            settings = settings.append_element_content_handler(element!("body", |el| {
                *body_class.borrow_mut() = el.get_attribute("class").unwrap_or_default();
                Ok(())
            }));
        }
        let html = rewrite_str(html, settings).map_err(|e| export_error(format!("{page}: {e}")))?;
        let problems = problems.into_inner();
        if !problems.is_empty() {
            return Err(export_error(problems.join("; ")));
        }
        if part != Some(Part::Page) {
            return Ok(html);
        }
        // Only the page's content: what is inside its <main>.
        let inner = html
            .find("<main")
            .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
            .zip(html.rfind("</main>"))
            .map(|(start, end)| &html[start..end])
            .ok_or_else(|| export_error(format!("{page} has no <main> element")))?;
        Ok(format!(
            "<div class=\"site-page {}\" id=\"{key}\">{inner}</div>\n",
            body_class.into_inner()
        ))
    }
}

/// The anchor of a page in the whole-site file: `report/index.html` → `report`,
/// `sellers/anna/index.html` → `sellers-anna`, `index.html` → `home`.
fn anchor(path: &str) -> String {
    let stem = path.trim_end_matches(".html").trim_end_matches("index");
    let stem = stem.trim_end_matches('/');
    if stem.is_empty() {
        "home".into()
    } else {
        stem.replace('/', "-")
    }
}

/// An element id of a page, made unique across the whole-site file.
fn id_in(page: &str, id: &str) -> String {
    format!("{}--{id}", anchor(page))
}

/// The site path that `href`, found on the page at `page`, points to; `None` for
/// a URL with a scheme (`https:`, `mailto:`), a protocol-relative or absolute path,
/// or one that leaves the site.
fn resolve(page: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next()?;
    let scheme = href
        .find(':')
        .is_some_and(|colon| !href[..colon].contains('/'));
    if href.is_empty() || scheme || href.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

fn media_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "css" => "text/css",
        _ => return None,
    })
}

/// An attribute's raw text as plain text (the entities templates and the markdown
/// sanitiser write).
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn export_error(message: impl Into<String>) -> Error {
    Error::Export {
        what: "single file".into(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests;
