//! The text form: `error: path:line:column: message`, then the offending line with a
//! caret under the column, drawn by `annotate-snippets` (the renderer rustc uses).
//! Also what `check` says it read of each export.

use std::fmt::Write;
use std::path::Path;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::error::Diagnostic;

/// What `check` read, as text: per source its rows, format, encoding, dialect,
/// mapping and the lines it set aside (the JSON form is [`super::sources`]).
pub fn sources_text(sources: &[crate::model::SourceReport]) -> String {
    let mut text = String::new();
    for source in sources {
        let read = &source.read;
        let encoding = match read.encoding.as_str() {
            "" => String::new(),
            e => format!(", {e}"),
        };
        text.push_str(&format!(
            "{} ({}): {} rows, {}{encoding}, {}, preset {}\n",
            source.path.display(),
            source.what,
            source.rows,
            read.format,
            read.dialect,
            source.preset
        ));
        let mapped: Vec<String> = source
            .mapping
            .columns
            .iter()
            .filter(|(field, header)| field != header)
            .map(|(field, header)| format!("{field} <- \"{header}\""))
            .collect();
        if !mapped.is_empty() {
            text.push_str(&format!("  columns: {}\n", mapped.join(", ")));
        }
        if !source.mapping.ignored.is_empty() {
            text.push_str(&format!(
                "  ignored: {}\n",
                source.mapping.ignored.join(", ")
            ));
        }
        for note in &read.notes {
            text.push_str(&format!("  line {}: {}\n", note.line, note.message));
        }
    }
    text
}

/// Whether the text may carry terminal colours (the caller checks `NO_COLOR` and
/// whether the stream is a terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Never,
    Always,
}

/// Every problem as text, each quoting its line when the file under `root` can be
/// read; the first line of each is exactly `error: <diagnostic>`.
pub fn render_text(problems: &[Diagnostic], root: &Path, colour: Colour) -> String {
    let renderer = match colour {
        Colour::Never => Renderer::plain().decor_style(DecorStyle::Ascii),
        Colour::Always => Renderer::styled().decor_style(DecorStyle::Unicode),
    };
    let mut out = String::new();
    for problem in problems {
        let title = problem.to_string();
        let quoted = problem
            .location
            .and_then(|(line, column)| quote(root, &problem.path, line, column));
        match quoted {
            Some((source, line, span)) => {
                let report = [Level::ERROR.primary_title(&title).element(
                    Snippet::source(&source)
                        .line_start(line)
                        .annotation(AnnotationKind::Primary.span(span)),
                )];
                let _ = writeln!(out, "{}", renderer.render(&report));
            }
            None => {
                let report = [Group::with_title(Level::ERROR.primary_title(&title))];
                let _ = writeln!(out, "{}", renderer.render(&report));
            }
        }
    }
    out
}

/// The text of `line` of `path` and the byte span of the character at `column`
/// (1-based, counted in characters), or `None` when the file or line is not there.
fn quote(
    root: &Path,
    path: &Path,
    line: usize,
    column: usize,
) -> Option<(String, usize, std::ops::Range<usize>)> {
    let text = std::fs::read_to_string(root.join(path)).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let source = text.split('\n').nth(line.checked_sub(1)?)?;
    let source = source.strip_suffix('\r').unwrap_or(source);
    let start = source
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(source.len(), |(i, _)| i);
    let end = source[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    Some((source.to_string(), line, start..end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_line_with_a_caret_under_the_column() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.csv"), "id,när\nD1,2026-13-01\n").expect("write");
        let problems = [Diagnostic::at("a.csv", 2, 4, "not a date")];
        let text = render_text(&problems, dir.path(), Colour::Never);
        assert_eq!(
            text,
            "error: a.csv:2:4: not a date\n  |\n2 | D1,2026-13-01\n  |    ^\n"
        );
    }

    #[test]
    fn a_file_level_problem_is_one_line() {
        let problems = [Diagnostic::file("nowhere.csv", "file not found")];
        let text = render_text(&problems, Path::new("/nonexistent"), Colour::Never);
        assert_eq!(text, "error: nowhere.csv: file not found\n");
    }
}
