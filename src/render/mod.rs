//! Rendering: the model and its metrics into the site's files, in memory.
//!
//! Each page module builds a [`PageView`] from the model and metrics, and the
//! theme's template for that page turns it into HTML. Nothing here touches the disk
//! or reads the clock: the result is a list of [`OutputFile`]s that `site` writes,
//! tests compare, and a server could serve.

mod audit;
mod blocks;
mod content;
mod customers;
mod downloads;
mod figures;
mod forecast;
mod home;
mod meeting;
mod movement;
mod pipeline;
mod report;
mod sellers;
mod strategy;
mod tactics;
pub mod view;

use chrono::NaiveDate;

use crate::error::Error;
use crate::locale::Locale;
use crate::metrics::Metrics;
use crate::model::Model;
use crate::money::Money;
use crate::theme::Theme;
use view::{PageView, Site};

/// One file of the site: its path relative to the site root ('/'-separated) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What every page builder reads.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub metrics: &'a Metrics,
    pub locale: Locale,
    pub site: Site,
    pub(crate) theme: &'a Theme,
    /// CSV downloads gathered while pages render (see `downloads`).
    downloads: std::cell::RefCell<Vec<OutputFile>>,
}

/// Renders every page of the site, the metrics JSON and the theme's assets.
pub fn render(model: &Model, metrics: &Metrics, theme: &Theme) -> Result<Vec<OutputFile>, Error> {
    let ctx = Ctx {
        model,
        metrics,
        locale: Locale::new(model.config.language, &model.strategy.currency),
        site: Site {
            title: model.config.title.clone(),
            company: model.config.company.clone(),
            lang: model.config.language.code(),
            as_of: metrics.as_of.format("%Y-%m-%d").to_string(),
            version: env!("CARGO_PKG_VERSION"),
        },
        theme,
        downloads: std::cell::RefCell::new(Vec::new()),
    };
    let mut files = vec![
        home::page(&ctx)?,
        pipeline::page(&ctx)?,
        meeting::page(&ctx)?,
        customers::page(&ctx)?,
        report::page(&ctx)?,
    ];
    files.extend(strategy::pages(&ctx)?);
    files.extend(tactics::pages(&ctx)?);
    files.extend(sellers::pages(&ctx)?);
    files.extend(content::pages(&ctx)?);
    let json = serde_json::to_vec_pretty(metrics).map_err(|e| Error::Template {
        name: "data/metrics.json".into(),
        message: e.to_string(),
    })?;
    files.push(OutputFile {
        path: "data/metrics.json".into(),
        bytes: json,
    });
    for (name, text) in &theme.assets {
        files.push(OutputFile {
            path: format!("assets/{name}"),
            bytes: text.clone().into_bytes(),
        });
    }
    files.extend(ctx.downloads.take());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

impl Ctx<'_> {
    /// A page view for the page at `path` (e.g. `strategy/core/index.html`).
    pub fn view(&self, path: &str, active: &'static str, title: impl Into<String>) -> PageView<'_> {
        PageView {
            site: &self.site,
            root: root_of(path),
            active,
            title: title.into(),
            lead: None,
            breadcrumbs: Vec::new(),
            kpis: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// Renders `view` with the theme's `template` into the file at `path`.
    pub fn render(
        &self,
        template: &str,
        path: &str,
        view: &PageView<'_>,
    ) -> Result<OutputFile, Error> {
        let mut view = view.clone();
        self.downloads
            .borrow_mut()
            .extend(downloads::extract(path, &mut view));
        let context =
            tera::Context::from_serialize(&view).map_err(|e| template_error(template, &e))?;
        let html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| template_error(template, &e))?;
        Ok(OutputFile {
            path: path.into(),
            bytes: html.into_bytes(),
        })
    }

    /// The theme's word for `key` in the site's language.
    pub fn t<'k>(&'k self, key: &'k str) -> &'k str {
        self.theme.words.get(key)
    }

    /// The theme's word for `key` with its `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.theme.words.fill(key, args)
    }

    pub fn money(&self, money: Money) -> String {
        self.locale.money(money)
    }

    pub fn money_or_dash(&self, money: Option<Money>) -> String {
        money.map_or_else(|| "—".into(), |m| self.locale.money(m))
    }

    pub fn percent_or_dash(&self, ratio: Option<f64>) -> String {
        ratio.map_or_else(|| "—".into(), |r| self.locale.percent(r))
    }

    pub fn date_or_dash(&self, date: Option<NaiveDate>) -> String {
        date.map_or_else(|| "—".into(), |d| self.locale.date(d))
    }

    pub fn days_or_dash(&self, days: Option<f64>) -> String {
        days.map_or_else(|| "—".into(), |d| self.locale.days(d))
    }
}

fn template_error(name: &str, error: &dyn std::error::Error) -> Error {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    Error::Template {
        name: name.into(),
        message,
    }
}

/// `""` for `index.html`, `"../"` for `pipeline/index.html`, and so on.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_relative() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("pipeline/index.html"), "../");
        assert_eq!(root_of("strategy/core/index.html"), "../../");
    }
}
