//! `content/*.md`: the project's free pages.

use crate::error::{Diagnostic, Problems};
use crate::load::SourceText;

/// A markdown page; rendering it is the renderer's job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// From the file name: `lessons-learned.md` → `lessons-learned`.
    pub slug: String,
    /// The first `# ` heading, else the slug.
    pub title: String,
    pub markdown: String,
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
        });
    }
    pages
}

/// A sales meeting's minutes (`content/meetings/YYYY-MM-DD.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub date: chrono::NaiveDate,
    pub markdown: String,
    /// Decisions still open: the text of each `- [ ] …` line.
    pub open_decisions: Vec<String>,
}

pub fn meetings(sources: &[(chrono::NaiveDate, SourceText)]) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = sources
        .iter()
        .map(|(date, source)| Meeting {
            date: *date,
            markdown: source.text.clone(),
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
