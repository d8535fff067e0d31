//! Chart text: cleaning, escaping, shortening, measuring and styling labels.
//!
//! Everything a label goes through before it reaches the SVG lives here, so the one
//! rule that matters is visible in one place: text handed to plotters stays raw
//! (plotters escapes it), and only what this module's parent writes itself goes
//! through [`escape_xml`]. Widths are estimates for layout, not font metrics.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Area, DrawResult};

const FONT: &str = "sans-serif";
/// plotters writes `size / 1.24` into the SVG: this comes out as 12.5 px.
const FONT_SIZE: f64 = 15.5;
/// Rough advance of one character at 12.5 px sans-serif, for layout only.
const CHAR_PX: f64 = 6.6;
/// Axis labels longer than this are cut with an ellipsis; the data table has them whole.
pub(super) const MAX_LABEL_CHARS: usize = 28;
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// Only for what this module writes itself: plotters escapes text and attribute values
/// on its own, so labels go to plotters raw to be escaped exactly once.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// Control characters are not allowed in XML even when escaped; export files do
/// contain stray tabs, newlines and worse.
pub(super) fn clean_text(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.trim().to_owned()
}

pub(super) fn axis_label(text: &str) -> String {
    let text = clean_text(text);
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

pub(super) fn text_px(text: &str) -> i32 {
    (text.chars().count() as f64 * CHAR_PX).ceil() as i32
}

pub(super) fn text_style(h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FONT, FONT_SIZE).into_font())
        .color(&TEXT)
        .pos(Pos::new(h, v))
}

/// Text goes to plotters unescaped: its SVG backend escapes text and attributes itself.
pub(super) fn draw_text(root: &Area, text: &str, at: (i32, i32), style: TextStyle) -> DrawResult {
    root.draw(&Text::new(text, at, style))
}
