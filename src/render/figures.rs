//! Live figures in markdown, rendered: a KPI as its formatted value, a chart as the
//! same figure (SVG and its table) the pages show.

use super::Ctx;
use super::blocks;
use crate::charts::Orientation;
use crate::figures::{ChartName, Figure};
use crate::metrics::{self, Value};

impl Ctx<'_> {
    /// Markdown to sanitised HTML, with its live figures filled in.
    pub fn markdown(&self, text: &str, shift: u8) -> String {
        let text = self.known_figures_only(text);
        let found = crate::figures::scan(&text, &self.model.strategy);
        crate::markdown::to_html_with(&text, shift, &found, |f| self.figure_html(f))
    }

    /// A page's markdown without its `# Title` line, with its live figures.
    pub fn markdown_body(&self, text: &str, shift: u8) -> String {
        let text = self.known_figures_only(text);
        let found = crate::figures::scan(&text, &self.model.strategy);
        crate::markdown::body_without_title_with(&text, shift, &found, |f| self.figure_html(f))
    }

    /// In a build for an audience, a figure about a seller or team the audience
    /// does not see (checked against the whole strategy, so otherwise valid) reads
    /// "—" rather than standing there as written, naming them.
    fn known_figures_only<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.policy.label.is_none() {
            return std::borrow::Cow::Borrowed(text);
        }
        let found = crate::figures::scan(text, &self.model.strategy);
        let mut text = text.to_string();
        for unknown in found.iter().rev().filter(|f| f.figure.is_err()) {
            text.replace_range(unknown.range.clone(), "—");
        }
        std::borrow::Cow::Owned(text)
    }

    fn figure_html(&self, figure: &Figure) -> String {
        match *figure {
            Figure::Kpi { kpi, when, scope } => {
                let value = metrics::figure_value(self.model, self.metrics.as_of, kpi, when, scope);
                let text = match value {
                    Value::Money(m) => self.money(m),
                    Value::Count(n) => self.locale.integer(i64::try_from(n).unwrap_or(i64::MAX)),
                    Value::Ratio(r) => self.locale.percent(r),
                    Value::Days(d) => self.locale.days(d),
                    Value::Date(d) => self.locale.date(d),
                    Value::None => "—".into(),
                };
                format!(
                    "<span class=\"figure\">{}</span>",
                    crate::charts::text::escape_xml(&text)
                )
            }
            Figure::Chart(name) => {
                let html = self.chart_html(name);
                if self.policy.aggregates_only && html.contains(crate::audience::MARK) {
                    // A chart by seller, say, in a board build: the rest of the text stays.
                    "<p class=\"figure\">(not shown in this edition)</p>".into()
                } else {
                    html
                }
            }
        }
    }

    fn chart_html(&self, name: ChartName) -> String {
        let m = self.metrics;
        let breakdown = |title: &str, label: &str, lines, orientation| {
            blocks::breakdown_chart(self, title, label, lines, orientation, |_| None)
        };
        let chart = match name {
            ChartName::PipelineByStage => breakdown(
                self.t("home.by_stage"),
                self.t("col.stage"),
                &m.pipeline.by_stage,
                Orientation::Horizontal,
            ),
            ChartName::PipelineBySegment => breakdown(
                self.t("strategy.by_segment"),
                self.t("col.segment"),
                &m.pipeline.by_segment,
                Orientation::Horizontal,
            ),
            ChartName::PipelineBySeller => breakdown(
                self.t("figures.by_seller"),
                self.t("col.seller"),
                &m.pipeline.by_owner,
                Orientation::Horizontal,
            ),
            ChartName::PipelineByCloseMonth => breakdown(
                self.t("figures.by_month"),
                self.t("col.month"),
                &m.pipeline.by_close_month,
                Orientation::Vertical,
            ),
            ChartName::PipelineByAge => breakdown(
                self.t("figures.by_age"),
                self.t("figures.age"),
                &m.pipeline.by_age,
                Orientation::Vertical,
            ),
            ChartName::Pace => blocks::pace_chart(
                self,
                &self.tf("report.pace_chart", &[("period", &m.year.label)]),
                &m.year_pace,
            ),
        };
        let mut context = tera::Context::new();
        context.insert("ch", &chart);
        context.insert("root", "");
        // The built-in figure template is tested; an override that fails to render
        // shows the chart's table caption instead of failing the page.
        self.theme
            .tera
            .render("figure.html", &context)
            .unwrap_or_else(|_| {
                format!(
                    "<p>{}</p>",
                    crate::charts::text::escape_xml(&chart.table.caption)
                )
            })
    }
}
