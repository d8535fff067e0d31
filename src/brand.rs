//! `[brand]` in `pipepress.toml`: the client's logo, colours and fonts.
//!
//! Parsed with the rest of the file (see `config`), then checked here: colours must
//! be hex (`#1f5d8a` or `#15a`), font stacks a comma-separated list of family names,
//! the logo a picture inside the project folder. A checked [`Brand`] becomes the
//! theme's CSS variables ([`Brand::css`]); nothing from the file reaches the CSS
//! unchecked, so it needs no escaping. Reading the logo is `load`'s job.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Code, Diagnostic, Problems, line_column};

/// The checked `[brand]` table; every field optional (the theme's own look).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    /// The logo, relative to the project folder.
    pub logo: Option<PathBuf>,
    /// `#rrggbb`, lower case.
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub font: Option<String>,
    pub heading_font: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBrand {
    logo: Option<Spanned<String>>,
    primary: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    font: Option<Spanned<String>>,
    heading_font: Option<Spanned<String>>,
}

/// The picture formats a logo may have, by extension, with their media type.
pub const LOGO_TYPES: [(&str, &str); 5] = [
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("webp", "image/webp"),
];

/// The media type of a logo file, by its extension (`None`: not a logo format).
pub fn media_type(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    LOGO_TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map(|(_, media)| *media)
}

impl RawBrand {
    /// Checks every field; each problem names the value's line and column in `text`.
    pub(crate) fn check(self, path: &Path, text: &str, problems: &mut Problems) -> Brand {
        let mut problem = |value: &Spanned<String>, message: String| {
            let (line, column) = line_column(text, value.span().start);
            problems.push(Diagnostic::at(path, line, column, message).with_code(Code::ConfigBrand));
        };
        let mut colour = |key: &str, value: Option<Spanned<String>>| {
            let value = value?;
            let checked = hex_colour(value.get_ref());
            if checked.is_none() {
                problem(
                    &value,
                    format!(
                        "[brand] {key} = \"{}\" is not a colour, expected a hex colour such as \"#1f5d8a\" or \"#15a\"",
                        value.get_ref()
                    ),
                );
            }
            checked
        };
        let primary = colour("primary", self.primary);
        let accent = colour("accent", self.accent);
        let mut font = |key: &str, value: Option<Spanned<String>>| {
            let value = value?;
            let checked = font_stack(value.get_ref());
            if checked.is_none() {
                problem(
                    &value,
                    format!(
                        "[brand] {key} = \"{}\" is not a font stack, expected family names separated by commas, such as \"Georgia, 'Times New Roman', serif\" (letters, digits, spaces, hyphens and quotes only)",
                        value.get_ref()
                    ),
                );
            }
            checked
        };
        let body_font = font("font", self.font);
        let heading_font = font("heading_font", self.heading_font);
        let logo = self.logo.and_then(|value| {
            let logo = PathBuf::from(value.get_ref());
            let outside = logo.is_absolute()
                || logo
                    .components()
                    .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
            if outside || value.get_ref().is_empty() {
                problem(
                    &value,
                    format!(
                        "[brand] logo = \"{}\" leaves the project folder, expected a relative path inside it such as \"brand/logo.svg\"",
                        value.get_ref()
                    ),
                );
                None
            } else if media_type(&logo).is_none() {
                let names: Vec<&str> = LOGO_TYPES.iter().map(|(e, _)| *e).collect();
                problem(
                    &value,
                    format!(
                        "[brand] logo = \"{}\" is not a picture the site can show, expected a file ending in .{}",
                        value.get_ref(),
                        names.join(", .")
                    ),
                );
                None
            } else {
                Some(logo)
            }
        });
        Brand {
            logo,
            primary,
            accent,
            font: body_font,
            heading_font,
        }
    }
}

/// `#rgb` or `#rrggbb` as `#rrggbb` in lower case.
fn hex_colour(text: &str) -> Option<String> {
    let digits = text.strip_prefix('#')?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digits = digits.to_ascii_lowercase();
    match digits.len() {
        6 => Some(format!("#{digits}")),
        3 => Some(digits.chars().fold(String::from("#"), |mut s, c| {
            s.push(c);
            s.push(c);
            s
        })),
        _ => None,
    }
}

/// A CSS font stack that cannot break out of its declaration: family names of
/// letters, digits, spaces and hyphens, optionally quoted, separated by commas.
fn font_stack(text: &str) -> Option<String> {
    let families: Vec<&str> = text.split(',').map(str::trim).collect();
    let valid = families.iter().all(|family| {
        let bare = family
            .strip_prefix('"')
            .and_then(|f| f.strip_suffix('"'))
            .or_else(|| family.strip_prefix('\'').and_then(|f| f.strip_suffix('\'')))
            .unwrap_or(family);
        !bare.trim().is_empty()
            && bare
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
    });
    valid.then(|| families.join(", "))
}

impl Brand {
    /// The theme's CSS variables this brand sets (`:root { --brand-primary: … }`),
    /// empty when it sets none. The file name under `assets/` is `brand.css`.
    pub fn css(&self) -> String {
        let mut css = String::from(
            "/* The project's [brand] (pipepress.toml) as the theme's variables. */\n:root {\n",
        );
        let vars = [
            ("--brand-primary", &self.primary),
            ("--brand-accent", &self.accent),
            ("--brand-font", &self.font),
            ("--brand-heading-font", &self.heading_font),
        ];
        for (name, value) in vars {
            if let Some(value) = value {
                css.push_str(&format!("  {name}: {value};\n"));
            }
        }
        css.push_str("}\n");
        css
    }

    /// The logo's file name in the site (`assets/logo.svg`), from its extension.
    pub fn logo_asset(&self) -> Option<String> {
        let ext = self
            .logo
            .as_ref()?
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        Some(format!("assets/logo.{ext}"))
    }
}

/// `text` as a quoted CSS string that cannot end its declaration or its `<style>`
/// element: quotes, backslashes, angle brackets and control characters escaped.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || " .,:;·-_()&'/".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_are_escaped() {
        // '"' is U+0022, '<' U+003C, '\\' U+005C, '{' U+007B.
        assert_eq!(css_string("Nordvik AB"), "\"Nordvik AB\"");
        assert_eq!(
            css_string("a\"</style>{\\"),
            "\"a\\22 \\3c /style\\3e \\7b \\5c \""
        );
    }

    #[test]
    fn colours_are_hex_and_normalised() {
        assert_eq!(hex_colour("#1F5D8A").as_deref(), Some("#1f5d8a"));
        assert_eq!(hex_colour("#15a").as_deref(), Some("#1155aa"));
        for bad in ["1f5d8a", "#1f5d8", "#gggggg", "red", "#1f5d8a;}", ""] {
            assert_eq!(hex_colour(bad), None, "{bad}");
        }
    }

    #[test]
    fn font_stacks_cannot_escape_their_declaration() {
        assert_eq!(
            font_stack("Georgia,'Times New Roman' , serif").as_deref(),
            Some("Georgia, 'Times New Roman', serif")
        );
        for bad in [
            "Arial; color: red",
            "a}b",
            "",
            "Arial,,serif",
            "\"Open",
            "url(x)",
        ] {
            assert_eq!(font_stack(bad), None, "{bad}");
        }
    }

    #[test]
    fn css_sets_only_what_is_given() {
        let brand = Brand {
            primary: Some("#112233".into()),
            font: Some("Georgia, serif".into()),
            ..Brand::default()
        };
        assert_eq!(
            brand.css(),
            "/* The project's [brand] (pipepress.toml) as the theme's variables. */\n:root {\n  --brand-primary: #112233;\n  --brand-font: Georgia, serif;\n}\n"
        );
    }
}
