//! The default theme, embedded in the binary, and the project's overrides.
//!
//! One table (the `themes/default/` folder, embedded whole) drives everything: which
//! templates are registered, which names a project's `templates/` folder may
//! override, and which static files are copied into the site. A project file wins
//! over the built-in one of the same name; a broken override fails the build.

use include_dir::{Dir, include_dir};

use crate::error::{Diagnostic, Error};
use crate::load::SourceText;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The built-in text of a theme file, by its path inside the theme.
pub fn file(name: &str) -> Option<&'static str> {
    DEFAULT.get_file(name).and_then(|f| f.contents_utf8())
}

/// Every file of the default theme, sorted by name.
pub fn names() -> Vec<&'static str> {
    let mut names = Vec::new();
    let mut stack = vec![&DEFAULT];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            if let Some(sub) = entry.as_dir() {
                stack.push(sub);
            } else if let Some(path) = entry.path().to_str() {
                names.push(path);
            }
        }
    }
    names.sort_unstable();
    names
}

/// The theme a site is rendered with: templates ready to render, static files to copy.
pub struct Theme {
    pub tera: tera::Tera,
    /// Non-template files (`style.css`): (name, text), copied under `assets/`.
    pub assets: Vec<(String, String)>,
}

impl Theme {
    /// The default theme with `overrides` ((theme file name, source)) applied.
    pub fn new(overrides: &[(String, SourceText)]) -> Result<Theme, Error> {
        let text_of = |name: &str| -> (String, Option<&SourceText>) {
            match overrides.iter().find(|(n, _)| n == name) {
                Some((_, source)) => (source.text.clone(), Some(source)),
                None => (file(name).unwrap_or_default().to_string(), None),
            }
        };
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        let mut assets = Vec::new();
        let mut templates = Vec::new();
        for name in names() {
            let (text, source) = text_of(name);
            if name.ends_with(".html") {
                templates.push((name, text, source));
            } else {
                assets.push((name.to_string(), text));
            }
        }
        if let Err(error) =
            tera.add_raw_templates(templates.iter().map(|(n, t, _)| (*n, t.as_str())))
        {
            // Blame the override the message names, else the first override (the
            // built-in theme is tested, so a failure comes from the project).
            let message = full_message(&error);
            let (name, source) = templates
                .iter()
                .filter(|(_, _, source)| source.is_some())
                .find(|(name, _, _)| message.contains(*name))
                .or_else(|| templates.iter().find(|(_, _, source)| source.is_some()))
                .map_or(("theme", None), |(name, _, source)| (*name, *source));
            return Err(Error::Invalid(vec![template_problem(
                name, source, &message,
            )]));
        }
        Ok(Theme { tera, assets })
    }
}

fn full_message(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tera writes its position as `--> name:line:column` followed by a drawing of the
/// line; keep the message before it and turn the position into the diagnostic's.
fn template_problem(name: &str, source: Option<&SourceText>, message: &str) -> Diagnostic {
    let marker = format!("--> {name}:");
    let (text, location) = match message.split_once(&marker) {
        Some((before, after)) => {
            let mut numbers = after
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            let line = numbers.next().and_then(|n| n.parse().ok());
            let column = numbers.next().and_then(|n| n.parse().ok());
            (
                before.trim().trim_start_matches("error:").trim(),
                line.zip(column),
            )
        }
        None => (message, None),
    };
    let path = match source {
        Some(source) => source.path.clone(),
        None => format!("(built-in theme) {name}").into(),
    };
    Diagnostic::new(path, location, format!("template error: {text}"))
        .with_code(crate::error::Code::Template)
}
