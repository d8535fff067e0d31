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
            ));
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
