//! Markdown from the strategy and content pages, rendered to sanitised HTML.
//!
//! pulldown-cmark passes raw HTML through, so every rendering goes through ammonia:
//! no script, no event handler, no `javascript:` link survives. Headings are shifted
//! so that a page's own `<h1>` stays the only one.

use pulldown_cmark::{Options, Parser, html};

/// Renders `text` to safe HTML. `shift` moves headings down (`1`: `#` becomes `<h2>`).
pub fn to_html(text: &str, shift: u8) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    let raw = if shift == 0 {
        raw
    } else {
        shift_headings(&raw, shift)
    };
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

/// Renders a page whose first line is its `# Title` (shown by the page itself),
/// moving its other headings down by `shift`.
pub fn body_without_title(text: &str, shift: u8) -> String {
    let body = match text.trim_start().strip_prefix("# ") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => text,
    };
    to_html(body, shift)
}

fn shift_headings(html: &str, shift: u8) -> String {
    let mut out = html.to_string();
    for level in (1..=6u8).rev() {
        let to = (level + shift).min(6);
        out = out
            .replace(&format!("<h{level}>"), &format!("<h{to}>"))
            .replace(&format!("<h{level} "), &format!("<h{to} "))
            .replace(&format!("</h{level}>"), &format!("</h{to}>"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_sanitises() {
        let html = to_html(
            "**Bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
            0,
        );
        insta::assert_snapshot!(html, @r#"<p><strong>Bold</strong>  <a rel="noopener noreferrer">x</a> <img src="x"></p>"#);
    }

    #[test]
    fn shifts_headings_down() {
        assert_eq!(to_html("# A\n\n## B", 1), "<h2>A</h2>\n<h3>B</h3>\n");
        assert_eq!(to_html("###### F", 2), "<h6>F</h6>\n");
    }

    #[test]
    fn drops_the_title_line() {
        assert_eq!(body_without_title("# Title\n\nText", 0), "<p>Text</p>\n");
        assert_eq!(body_without_title("Text", 0), "<p>Text</p>\n");
        assert_eq!(
            body_without_title("# Title\n\n## Part", 2),
            "<h4>Part</h4>\n"
        );
    }
}
