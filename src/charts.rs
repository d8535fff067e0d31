//! Charts: turns already-computed series into inline SVG strings.
//!
//! This module owns chart layout and drawing (plotters' SVG backend, text left to the
//! browser's fonts) and the accessibility wrapper around it: `role="img"`, an
//! `aria-label` and a `<title>`. It must not read or write files, compute metrics or
//! format money itself (the caller passes the tick formatter), and it emits no HTML
//! around the `<svg>`: the caller renders the chart's data table, which holds the full
//! labels and exact figures that the axes abbreviate. Output is byte-deterministic: no
//! ids, no randomness, no clock.
//!
//! Drawing into a `String` can only fail on plotters' own layout checks. A chart is an
//! illustration of a table the page already shows, so rather than make every page
//! fallible, a failed drawing yields a fallback `<svg>` that carries only the title.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[cfg(test)]
mod tests;

/// Which way the bars of a [`CategoryChart`] run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Bars grow to the right; the first category is at the top.
    Horizontal,
    /// Columns grow upwards; the first category is at the left (months, quarters).
    Vertical,
}

/// One named row of values, aligned with the chart's categories or dates.
pub struct Series<'a> {
    pub name: &'a str,
    /// Minor units for money, or plain counts.
    pub values: &'a [i64],
}

/// Bars per category; two series are drawn as grouped bars with a legend.
pub struct CategoryChart<'a> {
    /// Goes into `<title>` and `aria-label`; not drawn.
    pub title: &'a str,
    /// One label per bar group, in display order. Long labels are shortened on the axis.
    pub categories: &'a [String],
    /// 1 or 2 series; a missing value counts as 0 and extra values are ignored.
    pub series: &'a [Series<'a>],
    pub orientation: Orientation,
    /// Value-axis tick labels. Ticks fall on 1, 2 or 5 × 10^k units.
    pub format: &'a dyn Fn(i64) -> String,
}

/// Lines over dates, e.g. cumulative won against a goal pace.
pub struct LineChart<'a> {
    /// Goes into `<title>` and `aria-label`; not drawn.
    pub title: &'a str,
    /// Shared x positions, ascending.
    pub x: &'a [NaiveDate],
    /// Each series has one value per date; the second is drawn as the goal colour.
    pub series: &'a [Series<'a>],
    /// Value-axis tick labels. Ticks fall on 1, 2 or 5 × 10^k units.
    pub format: &'a dyn Fn(i64) -> String,
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

const WIDTH: u32 = 760;
const FONT: &str = "sans-serif";
/// plotters writes `size / 1.24` into the SVG: this comes out as 12.5 px.
const FONT_SIZE: f64 = 15.5;
/// Rough advance of one character at 12.5 px sans-serif, for layout only.
const CHAR_PX: f64 = 6.6;
/// Axis labels longer than this are cut with an ellipsis; the data table has them whole.
const MAX_LABEL_CHARS: usize = 28;
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
const AXIS: RGBColor = RGBColor(0x99, 0x99, 0x99);
const GRID: RGBColor = RGBColor(0xe2, 0xe2, 0xe2);
const BAR_COLOURS: [RGBColor; 4] = [
    RGBColor(0x2f, 0x5d, 0x8a),
    RGBColor(0x9f, 0xb8, 0xd0),
    RGBColor(0x6b, 0x8f, 0x71),
    RGBColor(0xc9, 0xa2, 0x27),
];
/// The second line is usually a goal or pace line, hence the warm contrast.
const LINE_COLOURS: [RGBColor; 4] = [
    RGBColor(0x2f, 0x5d, 0x8a),
    RGBColor(0xc8, 0x55, 0x3d),
    RGBColor(0x6b, 0x8f, 0x71),
    RGBColor(0x8a, 0x6f, 0xb0),
];
const LEGEND_HEIGHT: u32 = 30;
const TOP_PAD: u32 = 12;
const AXIS_LABEL_AREA: u32 = 26;
const COLUMN_PLOT_HEIGHT: u32 = 240;
const LINE_CHART_HEIGHT: u32 = 320;

/// Draws bars per category as an inline `<svg>`; never panics (see the module docs).
pub fn category_chart(chart: &CategoryChart) -> String {
    let layout = CategoryLayout::new(chart);
    render(chart.title, (WIDTH, layout.height), |root| {
        draw_category(chart, &layout, root)
    })
}

/// Draws one line per series over dates as an inline `<svg>`; never panics.
pub fn line_chart(chart: &LineChart) -> String {
    render(chart.title, (WIDTH, LINE_CHART_HEIGHT), |root| {
        draw_line(chart, root)
    })
}

fn render(title: &str, size: (u32, u32), draw: impl FnOnce(&Area) -> DrawResult) -> String {
    let mut buf = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        draw(&root).and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => with_accessible_name(&buf, title).unwrap_or_else(|| fallback(title, size)),
        Err(_) => fallback(title, size),
    }
}

/// Adds `role`, `aria-label` and a first-child `<title>` to plotters' root element,
/// which has none of them and (in 0.3.7) no XML declaration to strip.
fn with_accessible_name(svg: &str, title: &str) -> Option<String> {
    let svg = svg.trim_start();
    let svg = match svg.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>")?.1.trim_start(),
        None => svg,
    };
    let rest = svg.strip_prefix("<svg")?;
    let (attributes, children) = rest.split_once('>')?;
    let title = escape_xml(&clean_text(title));
    Some(format!(
        "<svg role=\"img\" aria-label=\"{title}\"{attributes}>\n<title>{title}</title>{children}"
    ))
}

fn fallback(title: &str, (width, height): (u32, u32)) -> String {
    let title = escape_xml(&clean_text(title));
    format!(
        "<svg role=\"img\" aria-label=\"{title}\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title>{title}</title>\n</svg>\n"
    )
}

/// Only for what this module writes itself: plotters escapes text and attribute values
/// on its own, so labels go to plotters raw to be escaped exactly once.
fn escape_xml(text: &str) -> String {
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
fn clean_text(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.trim().to_owned()
}

fn axis_label(text: &str) -> String {
    let text = clean_text(text);
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

fn text_px(text: &str) -> i32 {
    (text.chars().count() as f64 * CHAR_PX).ceil() as i32
}

fn text_style(h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FONT, FONT_SIZE).into_font())
        .color(&TEXT)
        .pos(Pos::new(h, v))
}

/// Text goes to plotters unescaped: its SVG backend escapes text and attributes itself.
fn draw_text(root: &Area, text: &str, at: (i32, i32), style: TextStyle) -> DrawResult {
    root.draw(&Text::new(text, at, style))
}

fn draw_path(root: &Area, points: Vec<(i32, i32)>, style: ShapeStyle) -> DrawResult {
    root.draw(&PathElement::new(points, style))
}

/// Tick values on 1, 2 or 5 × 10^k covering `min(lo, 0)..=max(hi, 0)` in about five
/// steps; a single `[0]` when everything is zero. Computed in i128 so extreme values
/// cannot overflow; ticks beyond i64 are dropped.
fn nice_ticks(lo: i64, hi: i64) -> Vec<i64> {
    let lo = i128::from(lo.min(0));
    let hi = i128::from(hi.max(0));
    if lo == hi {
        return vec![0];
    }
    let raw = (hi - lo + 4) / 5;
    let mut magnitude: i128 = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude);
    let first = lo.div_euclid(step) * step;
    let last = -(-hi).div_euclid(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|t| *t <= last)
        .filter_map(|t| i64::try_from(t).ok())
        .collect()
}

/// The value axis: its ticks, their labels, and the plotted range they span.
struct ValueAxis {
    ticks: Vec<f64>,
    labels: Vec<String>,
    lo: f64,
    hi: f64,
}

impl ValueAxis {
    fn new<'v>(values: impl Iterator<Item = &'v i64>, format: &dyn Fn(i64) -> String) -> Self {
        let (lo, hi) = values.fold((0, 0), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let ticks = nice_ticks(lo, hi);
        let lo = ticks.first().map_or(0.0, |t| *t as f64);
        let hi = ticks.last().map_or(1.0, |t| *t as f64);
        ValueAxis {
            labels: ticks.iter().map(|t| format(*t)).collect(),
            ticks: ticks.iter().map(|t| *t as f64).collect(),
            lo,
            hi: if hi > lo { hi } else { lo + 1.0 },
        }
    }

    /// Room left of the plot for the tick labels when they sit there.
    fn label_area(&self) -> u32 {
        let widest = self.labels.iter().map(|l| text_px(l)).max().unwrap_or(0);
        u32::try_from(widest + 16).unwrap_or(80).max(40)
    }

    /// Room right of the plot so the last tick label, centred on the edge, is not cut.
    fn right_margin(&self) -> u32 {
        let last = self.labels.last().map_or(0, |l| text_px(l));
        u32::try_from(last / 2 + 10).unwrap_or(0).max(16)
    }
}

/// Legend swatches in one row at the top; drawn only when there is more than one
/// series for bars, always for lines (there the colour is the only key).
fn draw_legend(
    root: &Area,
    names: &[&str],
    colours: &[RGBColor],
    line: bool,
    x: i32,
) -> DrawResult {
    let y = i32::try_from(LEGEND_HEIGHT / 2).unwrap_or(15);
    let mut x = x;
    for (name, colour) in names.iter().zip(colours.iter().cycle()) {
        if line {
            draw_path(root, vec![(x, y), (x + 16, y)], colour.stroke_width(3))?;
        } else {
            root.draw(&Rectangle::new(
                [(x + 2, y - 6), (x + 14, y + 6)],
                colour.filled(),
            ))?;
        }
        let label = axis_label(name);
        draw_text(
            root,
            &label,
            (x + 22, y),
            text_style(HPos::Left, VPos::Center),
        )?;
        x += 22 + text_px(&label) + 22;
    }
    Ok(())
}

/// How category labels sit along the column axis: every `every`th one is drawn, flat
/// or reading upwards.
#[derive(Clone, Copy, PartialEq, Debug)]
struct ColumnLabels {
    every: usize,
    rotated: bool,
}

impl ColumnLabels {
    /// Flat when every label fits its slot. Short labels that do not fit are usually a
    /// sequence (months, weeks) where every other or third label reads fine; longer
    /// ones are names, which are rotated so that none goes missing unless the slots
    /// are thinner than a line of text.
    fn fit(widest: i32, slot: i32) -> Self {
        let every = |needed: i32| {
            usize::try_from((needed + slot - 1) / slot.max(1))
                .unwrap_or(1)
                .max(1)
        };
        if widest + 8 <= slot {
            ColumnLabels {
                every: 1,
                rotated: false,
            }
        } else if widest <= text_px("2025-W52 ab") {
            ColumnLabels {
                every: every(widest + 12),
                rotated: false,
            }
        } else {
            ColumnLabels {
                every: every(18),
                rotated: true,
            }
        }
    }
}

struct CategoryLayout {
    labels: Vec<String>,
    axis: ValueAxis,
    height: u32,
    top: u32,
    /// Category label area (horizontal) or value label area (vertical), left of the plot.
    left: u32,
    right: u32,
    bottom: u32,
    column_labels: ColumnLabels,
    /// Free space either side of a bar group, as a fraction of its slot.
    bar_pad: f64,
}

impl CategoryLayout {
    fn new(chart: &CategoryChart) -> Self {
        let labels: Vec<String> = chart.categories.iter().map(|c| axis_label(c)).collect();
        let n = labels.len();
        let values = chart.series.iter().flat_map(|s| s.values.iter().take(n));
        let axis = ValueAxis::new(values, chart.format);
        let top = if chart.series.len() > 1 {
            LEGEND_HEIGHT
        } else {
            TOP_PAD
        };
        let right = axis.right_margin();
        let widest = labels.iter().map(|l| text_px(l)).max().unwrap_or(0);
        let rows = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
        match chart.orientation {
            Orientation::Horizontal => {
                let row = if chart.series.len() > 1 { 34 } else { 28 };
                let left = u32::try_from(widest.clamp(24, 200) + 16).unwrap_or(216);
                let bottom = AXIS_LABEL_AREA + 4;
                CategoryLayout {
                    height: (top + bottom).saturating_add(rows.saturating_mul(row)),
                    labels,
                    axis,
                    top,
                    left,
                    right,
                    bottom,
                    column_labels: ColumnLabels {
                        every: 1,
                        rotated: false,
                    },
                    // 5 px: whole pixels keep grouped bars equally thick.
                    bar_pad: 5.0 / f64::from(row),
                }
            }
            Orientation::Vertical => {
                let left = axis.label_area();
                let plot_width = i32::try_from(WIDTH.saturating_sub(left + right)).unwrap_or(1);
                let slot = (plot_width / i32::try_from(rows).unwrap_or(i32::MAX)).max(1);
                let column_labels = ColumnLabels::fit(widest, slot);
                let bottom = if column_labels.rotated {
                    u32::try_from(widest + 16).unwrap_or(216)
                } else {
                    AXIS_LABEL_AREA + 4
                };
                CategoryLayout {
                    height: top + COLUMN_PLOT_HEIGHT + bottom,
                    labels,
                    axis,
                    top,
                    left,
                    right,
                    bottom,
                    column_labels,
                    bar_pad: 0.16,
                }
            }
        }
    }
}

/// Where bar `j` of `count` sits across a category slot `[0, 1]` with `pad` free on
/// either side, as `(from, to)`.
fn bar_span(j: usize, count: usize, pad: f64) -> (f64, f64) {
    let thickness = (1.0 - 2.0 * pad) / count.max(1) as f64;
    let from = pad + j as f64 * thickness;
    (from, from + thickness)
}

type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Which side of the plot the values run along.
#[derive(Clone, Copy, PartialEq)]
enum ValuesAlong {
    X,
    Y,
}

/// Gridlines and tick labels at the value axis' own ticks. plotters' mesh would pick
/// its own ticks (`WithKeyPoints` has no label formatter), so they are drawn here.
fn draw_value_grid(root: &Area, plot: &Plot, axis: &ValueAxis, along: ValuesAlong) -> DrawResult {
    let (x, y) = (plot.x_range(), plot.y_range());
    for (tick, label) in axis.ticks.iter().zip(&axis.labels) {
        let (from, to) = match along {
            ValuesAlong::X => ((*tick, y.start), (*tick, y.end)),
            ValuesAlong::Y => ((x.start, *tick), (x.end, *tick)),
        };
        let (from, to) = (plot.backend_coord(&from), plot.backend_coord(&to));
        draw_path(root, vec![from, to], GRID.stroke_width(1))?;
        match along {
            ValuesAlong::X => draw_text(
                root,
                label,
                (from.0, from.1 + 8),
                text_style(HPos::Center, VPos::Top),
            )?,
            ValuesAlong::Y => draw_text(
                root,
                label,
                (from.0 - 8, from.1),
                text_style(HPos::Right, VPos::Center),
            )?,
        }
    }
    Ok(())
}

/// The left and bottom axis lines, drawn over the bars' ends.
fn draw_axis_lines(root: &Area, plot: &Plot) -> DrawResult {
    let (x, y) = (plot.x_range(), plot.y_range());
    let corner = plot.backend_coord(&(x.start, y.start));
    let points = vec![
        plot.backend_coord(&(x.start, y.end)),
        corner,
        plot.backend_coord(&(x.end, y.start)),
    ];
    draw_path(root, points, AXIS.stroke_width(1))
}

fn draw_category(chart: &CategoryChart, layout: &CategoryLayout, root: &Area) -> DrawResult {
    let n = layout.labels.len();
    let slots = n.max(1) as f64;
    let axis = &layout.axis;
    let count = chart.series.len();
    let horizontal = matches!(chart.orientation, Orientation::Horizontal);
    let (x_range, y_range) = if horizontal {
        (axis.lo..axis.hi, 0.0..slots)
    } else {
        (0.0..slots, axis.lo..axis.hi)
    };
    let mut plot = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(layout.right)
        .x_label_area_size(layout.bottom)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(x_range, y_range)?;
    let along = if horizontal {
        ValuesAlong::X
    } else {
        ValuesAlong::Y
    };
    draw_value_grid(root, &plot, axis, along)?;
    for (j, series) in chart.series.iter().enumerate() {
        let colour = BAR_COLOURS[j % BAR_COLOURS.len()];
        let (from, to) = bar_span(j, count, layout.bar_pad);
        // Zero bars are left out rather than drawn zero wide; values past the last
        // tick (only near i64::MAX) are cut at the plot edge.
        let values = (0..n).map(|i| (i, series.values.get(i).copied().unwrap_or(0)));
        let bars = values.filter(|(_, v)| *v != 0).map(|(i, v)| {
            let value = (v as f64).clamp(axis.lo, axis.hi);
            // plotters puts y = 0 at the bottom; category 0 belongs at the top.
            let top = slots - i as f64;
            let corners = if horizontal {
                [(0.0, top - from), (value, top - to)]
            } else {
                [(i as f64 + from, 0.0), (i as f64 + to, value)]
            };
            Rectangle::new(corners, colour.filled())
        });
        plot.draw_series(bars)?;
    }
    draw_axis_lines(root, &plot)?;
    for (i, label) in layout.labels.iter().enumerate() {
        if horizontal {
            let (x, y) = plot.backend_coord(&(axis.lo, slots - i as f64 - 0.5));
            draw_text(
                root,
                label,
                (x - 8, y),
                text_style(HPos::Right, VPos::Center),
            )?;
            continue;
        }
        let (x, y) = plot.backend_coord(&(i as f64 + 0.5, axis.lo));
        if !i.is_multiple_of(layout.column_labels.every) {
            continue;
        }
        let style = if layout.column_labels.rotated {
            text_style(HPos::Right, VPos::Center).transform(FontTransform::Rotate270)
        } else {
            text_style(HPos::Center, VPos::Top)
        };
        draw_text(root, label, (x, y + 8), style)?;
    }
    if count > 1 {
        let names: Vec<&str> = chart.series.iter().map(|s| s.name).collect();
        let legend_x = plot.backend_coord(&(plot.x_range().start, 0.0)).0;
        draw_legend(root, &names, &BAR_COLOURS, false, legend_x)?;
    }
    Ok(())
}

/// Month starts within `first..=last` as `(day offset, "YYYY-MM")`, every 1, 2, 3, 4 or
/// 6 months, or whole years, so that labels `px_per_day` apart do not touch; the end
/// dates in full when fewer than two month starts would be labelled.
fn date_ticks(first: NaiveDate, last: NaiveDate, px_per_day: f64) -> Vec<(f64, String)> {
    // The shortest month is 28 days; a label is seven characters.
    let months_apart = f64::from(text_px("2000-01") + 12) / (28.0 * px_per_day);
    let years = (0..8).flat_map(|p| [12, 24, 60].map(|m| m * 10_i64.pow(p)));
    let every = [1, 2, 3, 4, 6]
        .into_iter()
        .chain(years)
        .find(|e| *e as f64 >= months_apart)
        .unwrap_or(i64::MAX);
    // Months counted from year 0, so `every` lines up with January.
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let first_start = index(first) + i64::from(first.day() > 1);
    let month_start = |k: i64| {
        let year = i32::try_from(k.div_euclid(12)).ok()?;
        NaiveDate::from_ymd_opt(year, u32::try_from(k.rem_euclid(12)).ok()? + 1, 1)
    };
    let offset = |d: NaiveDate| (d - first).num_days() as f64;
    let ticks: Vec<(f64, String)> = (0..)
        .map_while(|k: i64| {
            let month = first_start.checked_add(every.checked_mul(k)?)?;
            let month = month.checked_add((every - month.rem_euclid(every)) % every)?;
            month_start(month).filter(|m| *m <= last)
        })
        .map(|m| (offset(m), m.format("%Y-%m").to_string()))
        .collect();
    if ticks.len() >= 2 {
        return ticks;
    }
    let ends = if last > first {
        vec![first, last]
    } else {
        vec![first]
    };
    ends.into_iter()
        .map(|d| (offset(d), d.format("%Y-%m-%d").to_string()))
        .collect()
}

fn draw_line(chart: &LineChart, root: &Area) -> DrawResult {
    let first = chart.x.iter().min().copied().unwrap_or_default();
    let last = chart.x.iter().max().copied().unwrap_or(first);
    let span = (last - first).num_days() as f64;
    // A single date sits in the middle rather than on the axis line.
    let x_range = if span > 0.0 { 0.0..span } else { -1.0..1.0 };
    let n = chart.x.len();
    let values = chart.series.iter().flat_map(|s| s.values.iter().take(n));
    let axis = ValueAxis::new(values, chart.format);
    let mut plot = ChartBuilder::on(root)
        .margin_top(LEGEND_HEIGHT)
        .margin_right(axis.right_margin().max(34))
        .x_label_area_size(AXIS_LABEL_AREA + 4)
        .y_label_area_size(axis.label_area())
        .build_cartesian_2d(x_range.clone(), axis.lo..axis.hi)?;
    draw_value_grid(root, &plot, &axis, ValuesAlong::Y)?;
    let (left, right) = (
        plot.backend_coord(&(x_range.start, axis.lo)),
        plot.backend_coord(&(x_range.end, axis.lo)),
    );
    let px_per_day = f64::from(right.0 - left.0) / (x_range.end - x_range.start);
    let ticks = if chart.x.is_empty() {
        Vec::new()
    } else {
        date_ticks(first, last, px_per_day)
    };
    for (day, label) in ticks {
        let (x, y) = plot.backend_coord(&(day, axis.lo));
        draw_path(root, vec![(x, y), (x, y + 4)], AXIS.stroke_width(1))?;
        draw_text(
            root,
            &label,
            (x, y + 8),
            text_style(HPos::Center, VPos::Top),
        )?;
    }
    draw_axis_lines(root, &plot)?;
    let days: Vec<f64> = chart
        .x
        .iter()
        .map(|d| (*d - first).num_days() as f64)
        .collect();
    for (j, series) in chart.series.iter().enumerate() {
        let colour = LINE_COLOURS[j % LINE_COLOURS.len()];
        let points: Vec<(f64, f64)> = days
            .iter()
            .zip(series.values)
            .map(|(day, v)| (*day, (*v as f64).clamp(axis.lo, axis.hi)))
            .collect();
        // A lone point draws no line; short series also read better with markers.
        if points.len() <= 24 {
            plot.draw_series(points.iter().map(|p| Circle::new(*p, 3, colour.filled())))?;
        }
        plot.draw_series(LineSeries::new(points, colour.stroke_width(2)))?;
    }
    let names: Vec<&str> = chart.series.iter().map(|s| s.name).collect();
    draw_legend(root, &names, &LINE_COLOURS, true, left.0)
}
