//! `content/*.md`: the project's free pages.

use crate::error::{Code, Diagnostic, Problems};
use crate::load::SourceText;

/// A markdown page; rendering it is the renderer's job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// From the file name: `lessons-learned.md` → `lessons-learned`.
    pub slug: String,
    /// The first `# ` heading, else the slug.
    pub title: String,
    pub markdown: String,
    /// The file, for locating problems in its live figures.
    pub path: std::path::PathBuf,
}

pub fn read(sources: &[SourceText], problems: &mut Problems) -> Vec<Page> {
    let mut pages = Vec::new();
    for source in sources {
        let stem = source
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let slug: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        if slug != stem || slug.is_empty() {
            problems.push(Diagnostic::file(
                &source.path,
                format!("page name \"{stem}\" is not a slug, expected lowercase letters a-z, digits and '-' (e.g. \"lessons-learned.md\")"),
            ).with_code(crate::error::Code::FolderName));
            continue;
        }
        let title = source
            .text
            .lines()
            .find_map(|line| line.strip_prefix("# "))
            .map_or_else(|| slug.clone(), |t| t.trim().to_string());
        pages.push(Page {
            slug,
            title,
            markdown: source.text.clone(),
            path: source.path.clone(),
        });
    }
    pages
}

/// A sales meeting's minutes (`content/meetings/YYYY-MM-DD.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub date: chrono::NaiveDate,
    pub markdown: String,
    /// The file, for locating problems in its live figures.
    pub path: std::path::PathBuf,
    /// Decisions still open: the text of each `- [ ] …` line.
    pub open_decisions: Vec<String>,
}

pub fn meetings(sources: &[(chrono::NaiveDate, SourceText)]) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = sources
        .iter()
        .map(|(date, source)| Meeting {
            date: *date,
            markdown: source.text.clone(),
            path: source.path.clone(),
            open_decisions: source
                .text
                .lines()
                .filter_map(|line| {
                    let line = line.trim_start();
                    line.strip_prefix("- [ ] ")
                        .or_else(|| line.strip_prefix("* [ ] "))
                })
                .map(|text| text.trim().to_string())
                .filter(|text| !text.is_empty())
                .collect(),
        })
        .collect();
    meetings.sort_by_key(|m| m.date);
    meetings
}

/// Checks the live figures of every page and meeting and of the strategy's
/// markdown fields: each unknown name, period or scope is a problem at its line and
/// column. `strategy_source` is strategy.toml as read, to locate figures in it.
pub fn check_figures(
    pages: &[Page],
    meetings: &[Meeting],
    strategy: &crate::strategy::Strategy,
    strategy_source: &SourceText,
    problems: &mut Problems,
) {
    let texts = pages
        .iter()
        .map(|p| (&p.path, &p.markdown))
        .chain(meetings.iter().map(|m| (&m.path, &m.markdown)));
    for (path, text) in texts {
        for found in crate::figures::scan(text, strategy) {
            if let Err(message) = found.figure {
                let (line, column) = crate::error::line_column(text, found.range.start);
                problems.push(Diagnostic::at(path, line, column, message).with_code(Code::Figure));
            }
        }
    }
    // The strategy's fields arrive unescaped from TOML, so each bad figure is looked
    // up in the file's text: every place the same text stands is reported.
    let mut bad: Vec<(String, String)> = Vec::new();
    for field in strategy.markdown_fields() {
        for found in crate::figures::scan(field, strategy) {
            if let Err(message) = found.figure {
                let text = field[found.range].to_string();
                if !bad.iter().any(|(t, _)| *t == text) {
                    bad.push((text, message));
                }
            }
        }
    }
    let source = &strategy_source.text;
    for (text, message) in bad {
        let places: Vec<usize> = source.match_indices(&text).map(|(i, _)| i).collect();
        if places.is_empty() {
            problems.push(
                Diagnostic::file(&strategy_source.path, format!("{text}: {message}"))
                    .with_code(Code::Figure),
            );
        }
        for at in places {
            let (line, column) = crate::error::line_column(source, at);
            problems.push(
                Diagnostic::at(&strategy_source.path, line, column, message.clone())
                    .with_code(Code::Figure),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_decisions_are_the_unticked_items() {
        let text = "# Meeting\n\n- [ ] Anna calls Kemi AB\n- [x] Done already\n  * [ ] Nested one\n- [ ]   \n- plain item\n";
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 9).expect("date");
        let source = SourceText {
            path: "content/meetings/2026-11-09.md".into(),
            text: text.into(),
        };
        let meetings = meetings(&[(date, source)]);
        assert_eq!(
            meetings[0].open_decisions,
            ["Anna calls Kemi AB", "Nested one"]
        );
    }
}
