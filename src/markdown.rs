//! Markdown from the strategy and content pages, rendered to sanitised HTML.
//!
//! pulldown-cmark passes raw HTML through, so every rendering goes through ammonia:
//! no script, no event handler, no `javascript:` link survives. Headings are shifted
//! so that a page's own `<h1>` stays the only one.

use pulldown_cmark::{Parser, html};

use crate::figures::{Figure, Found};

/// Renders `text` to safe HTML. `shift` moves headings down (`1`: `#` becomes `<h2>`).
pub fn to_html(text: &str, shift: u8) -> String {
    let parser = Parser::new_ext(text, crate::figures::options());
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
    to_html(&text[body_start(text)..], shift)
}

/// The byte offset where a page's body starts: after its `# Title` line, if the
/// page opens with one.
fn body_start(text: &str) -> usize {
    let trimmed = text.trim_start();
    if !trimmed.starts_with("# ") {
        return 0;
    }
    let title_at = text.len() - trimmed.len();
    trimmed.find('\n').map_or(text.len(), |i| title_at + i + 1)
}

/// Renders `text` as [`to_html`] does, with each live figure in `found` (from
/// `figures::scan` of the same text) replaced by `html_of(figure)`: HTML the
/// caller built and escaped. A figure stands in the markdown as a placeholder of
/// private-use characters, which ammonia keeps as text, and is put in after
/// sanitising; a chart replaces the paragraph it stands alone in.
pub fn to_html_with(
    text: &str,
    shift: u8,
    found: &[Found],
    html_of: impl Fn(&Figure) -> String,
) -> String {
    let figures: Vec<(&Found, Figure)> = found
        .iter()
        .filter_map(|f| f.figure.as_ref().ok().map(|fig| (f, *fig)))
        .collect();
    if figures.is_empty() {
        return to_html(text, shift);
    }
    let mut marked = String::with_capacity(text.len());
    let mut from = 0;
    for (i, (f, _)) in figures.iter().enumerate() {
        marked.push_str(&text[from..f.range.start]);
        marked.push_str(&placeholder(i));
        from = f.range.end;
    }
    marked.push_str(&text[from..]);
    let mut html = to_html(&marked, shift);
    for (i, (_, figure)) in figures.iter().enumerate() {
        let token = placeholder(i);
        let replacement = html_of(figure);
        let paragraph = format!("<p>{token}</p>");
        html = if matches!(figure, Figure::Chart(_)) && html.contains(&paragraph) {
            html.replace(&paragraph, &replacement)
        } else {
            html.replace(&token, &replacement)
        };
    }
    html
}

/// Renders a page as [`body_without_title`] does, with its live figures.
pub fn body_without_title_with(
    text: &str,
    shift: u8,
    found: &[Found],
    html_of: impl Fn(&Figure) -> String,
) -> String {
    let start = body_start(text);
    let found: Vec<Found> = found
        .iter()
        .filter(|f| f.range.start >= start)
        .map(|f| Found {
            range: f.range.start - start..f.range.end - start,
            figure: f.figure.clone(),
        })
        .collect();
    to_html_with(&text[start..], shift, &found, html_of)
}

fn placeholder(index: usize) -> String {
    format!("\u{E000}{index}\u{E001}")
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

    #[test]
    fn figures_are_put_in_after_sanitising() {
        use crate::figures::{ChartName, Figure, Found, Kpi, Scope, When};
        let text = "# T\n\nWon <b>{{ won }}</b> <script>x</script>\n\n{{ chart pace }}\n";
        let start = text.find("{{ won }}").expect("figure");
        let chart = text.find("{{ chart pace }}").expect("chart");
        let found = [
            Found {
                range: start..start + 9,
                figure: Ok(Figure::Kpi {
                    kpi: Kpi::Won,
                    when: When::Year,
                    scope: Scope::Company,
                }),
            },
            Found {
                range: chart..chart + 16,
                figure: Ok(Figure::Chart(ChartName::Pace)),
            },
        ];
        let html = body_without_title_with(text, 0, &found, |f| match f {
            Figure::Chart(_) => "<figure>C</figure>".into(),
            Figure::Kpi { .. } => "<span class=\"figure\">1 kr</span>".into(),
        });
        assert_eq!(
            html,
            "<p>Won <b><span class=\"figure\">1 kr</span></b> </p>\n<figure>C</figure>\n"
        );
    }
}
