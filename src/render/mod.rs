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
mod quality;
mod report;
mod risk;
mod sellers;
mod strategy;
mod tactics;
pub mod view;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::audience::Policy;
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
    /// Who the build is for (`--audience`): what its pages leave out.
    pub(crate) policy: &'a Policy,
    /// CSV downloads gathered while pages render (see `downloads`).
    downloads: std::sync::Mutex<Vec<OutputFile>>,
    /// Each seller's open deals (indexes into the model's deals, in its order), so
    /// that a seller's page costs their deals rather than every deal.
    pub open_by_seller: Vec<Vec<usize>>,
    /// Data-quality warnings about the customers and the current deals, with the
    /// deal each is about.
    pub warnings: Vec<crate::model::Finding>,
}

fn open_by_seller(model: &Model) -> Vec<Vec<usize>> {
    let mut lists = vec![Vec::new(); model.strategy.sellers.len()];
    for (index, deal) in model.deals.iter().enumerate() {
        if let (crate::model::Status::Open, Some(owner)) = (deal.status, deal.owner()) {
            lists[owner].push(index);
        }
    }
    lists
}

/// Which fixed rates the figures used, for every page's footer: empty when every
/// deal is in the base currency.
fn rates_note(model: &Model, metrics: &Metrics, theme: &Theme) -> String {
    let rates: Vec<String> = metrics
        .converted_from
        .iter()
        .filter_map(|code| {
            let rate = model.strategy.rates.get(code)?.to_string();
            let rate = match model.config.language {
                crate::config::Language::Sv => rate.replace('.', ","),
                crate::config::Language::En => rate,
            };
            Some(format!("1 {code} = {rate} {}", model.strategy.currency))
        })
        .collect();
    match rates.is_empty() {
        true => String::new(),
        false => theme.words.fill(
            "quality.rates",
            &[
                ("currency", &model.strategy.currency),
                ("rates", &rates.join(", ")),
            ],
        ),
    }
}

/// Renders every page of the site, the metrics JSON and the theme's assets.
pub fn render(
    model: &Model,
    metrics: &Metrics,
    theme: &Theme,
    options: &crate::Options,
) -> Result<Vec<OutputFile>, Error> {
    render_for(model, metrics, theme, options, &Policy::default())
}

/// [`render`] for an audience (see `audience`): with `aggregates_only`, the pages
/// about single deals, customers and sellers are not built, every other page drops
/// what is about one, and so does metrics.json.
pub fn render_for(
    model: &Model,
    metrics: &Metrics,
    theme: &Theme,
    options: &crate::Options,
    policy: &Policy,
) -> Result<Vec<OutputFile>, Error> {
    let as_of = metrics.as_of.format("%Y-%m-%d").to_string();
    let brand = &model.config.brand;
    let warnings = crate::model::deal_warnings(model, metrics.as_of);
    let locale = Locale::new(model.config.language, &model.strategy.currency);
    let rates = rates_note(model, metrics, theme);
    // A board build has no page about single deals, this one included.
    let data_quality =
        !policy.aggregates_only && (!warnings.is_empty() || !model.skipped.is_empty());
    let ctx = Ctx {
        warnings,
        model,
        metrics,
        locale,
        site: Site {
            title: model.config.title.clone(),
            company: model.config.company.clone(),
            lang: model.config.language.code(),
            version: env!("CARGO_PKG_VERSION"),
            logo: model.logo.as_ref().and(brand.logo_asset()),
            provenance: view::Provenance {
                built: built_at(options.source_date_epoch).unwrap_or_else(|| as_of.clone()),
                files: model.files.clone(),
            },
            as_of,
            audience: policy.label.clone(),
            aggregates_only: policy.aggregates_only,
            rates,
            data_quality,
        },
        theme,
        policy,
        downloads: std::sync::Mutex::new(Vec::new()),
        open_by_seller: open_by_seller(model),
    };
    // Page families render in parallel; the files are sorted by path below, so
    // the output does not depend on which finished first, and neither does the
    // error reported (the first failing family in this order). A board build has
    // no pages about single deals, customers or sellers.
    type Family = fn(&Ctx<'_>) -> Result<Vec<OutputFile>, Error>;
    let families: [Family; 11] = [
        |ctx| Ok(vec![home::page(ctx)?]),
        |ctx| Ok(vec![pipeline::page(ctx)?]),
        |ctx| Ok(vec![report::page(ctx)?]),
        |ctx| unless_aggregates_only(ctx, |ctx| Ok(vec![meeting::page(ctx)?])),
        |ctx| unless_aggregates_only(ctx, |ctx| Ok(vec![customers::page(ctx)?])),
        |ctx| unless_aggregates_only(ctx, sellers::pages),
        |ctx| unless_aggregates_only(ctx, |ctx| Ok(quality::page(ctx)?.into_iter().collect())),
        strategy::pages,
        tactics::pages,
        content::pages,
        metrics_json,
    ];
    let rendered: Vec<Result<Vec<OutputFile>, Error>> =
        families.par_iter().map(|family| family(&ctx)).collect();
    let mut files = Vec::new();
    for family in rendered {
        files.extend(family?);
    }
    for (name, text) in &theme.assets {
        files.push(OutputFile {
            path: format!("assets/{name}"),
            bytes: text.clone().into_bytes(),
        });
    }
    files.push(OutputFile {
        path: PROJECT_CSS.into(),
        bytes: project_css(&ctx, brand).into_bytes(),
    });
    if let (Some(path), Some(bytes)) = (brand.logo_asset(), &model.logo) {
        files.push(OutputFile {
            path,
            bytes: bytes.clone(),
        });
    }
    files.extend(std::mem::take(&mut *lock(&ctx.downloads)));
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
        mut view: PageView<'_>,
    ) -> Result<OutputFile, Error> {
        if self.policy.aggregates_only {
            crate::audience::redact::page(&mut view).map_err(|what| {
                Error::Internal(format!("{path}: {what} in a build for {}", "the board"))
            })?;
        }
        // A table given no words of its own for when it is empty gets the site's.
        let tables = view.sections.iter_mut().flat_map(|s| {
            let charts = s.charts.iter_mut().map(|c| &mut c.table);
            s.tables.iter_mut().chain(charts)
        });
        for table in tables.filter(|t| t.empty.is_empty()) {
            table.empty = self.t("table.nothing").into();
        }
        let csvs = downloads::extract(path, &mut view);
        lock(&self.downloads).extend(csvs);
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

/// The pages `family` makes, or none in a board build.
fn unless_aggregates_only(
    ctx: &Ctx<'_>,
    family: fn(&Ctx<'_>) -> Result<Vec<OutputFile>, Error>,
) -> Result<Vec<OutputFile>, Error> {
    if ctx.policy.aggregates_only {
        Ok(Vec::new())
    } else {
        family(ctx)
    }
}

/// The metrics as JSON, for other tools. A partial view says so, so that no
/// integration takes it for the company; a board build's leaves out what is
/// about a single deal, customer or seller.
fn metrics_json(ctx: &Ctx<'_>) -> Result<Vec<OutputFile>, Error> {
    let json_error = |e: serde_json::Error| Error::Template {
        name: "data/metrics.json".into(),
        message: e.to_string(),
    };
    let policy = ctx.policy;
    let json = match &policy.label {
        Some(label) => {
            let mut value = serde_json::to_value(ctx.metrics).map_err(json_error)?;
            if policy.aggregates_only {
                crate::audience::redact::json(&mut value);
            }
            if let serde_json::Value::Object(fields) = &mut value {
                let label = serde_json::to_value(label).map_err(json_error)?;
                fields.insert("audience".into(), label);
            }
            serde_json::to_vec_pretty(&value).map_err(json_error)?
        }
        None => serde_json::to_vec_pretty(ctx.metrics).map_err(json_error)?,
    };
    Ok(vec![OutputFile {
        path: "data/metrics.json".into(),
        bytes: json,
    }])
}

/// The downloads gathered so far. A page that panicked while holding the lock
/// left whole files only (each is pushed whole), so a poisoned lock is still good.
fn lock(
    downloads: &std::sync::Mutex<Vec<OutputFile>>,
) -> std::sync::MutexGuard<'_, Vec<OutputFile>> {
    downloads
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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

/// The stylesheet made from the project: its brand's variables, and the running
/// header and footer of printed pages (Chromium's `@page` margin boxes).
pub const PROJECT_CSS: &str = "assets/project.css";

fn project_css(ctx: &Ctx<'_>, brand: &crate::brand::Brand) -> String {
    let site = &ctx.site;
    let company = crate::brand::css_string(&site.company);
    let as_of = crate::brand::css_string(&ctx.tf("print.as_of", &[("date", &site.as_of)]));
    let page = crate::brand::css_string(ctx.t("print.page"));
    let of = crate::brand::css_string(ctx.t("print.of"));
    format!(
        "{}\n/* Printed pages: the company and date above, the page number below. */\n@page {{\n  @top-left {{ content: {company}; }}\n  @top-right {{ content: {as_of}; }}\n  @bottom-right {{ content: {page} counter(page) {of} counter(pages); }}\n}}\n",
        brand.css()
    )
}

/// `SOURCE_DATE_EPOCH` as `2026-11-15 06:00 UTC`; `None` when out of range.
fn built_at(epoch: Option<i64>) -> Option<String> {
    let time = chrono::DateTime::from_timestamp(epoch?, 0)?;
    Some(time.format("%Y-%m-%d %H:%M UTC").to_string())
}

/// `""` for `index.html`, `"../"` for `pipeline/index.html`, and so on.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_time_comes_from_the_epoch() {
        // 1 763 186 400 s = 20 407 days (2025-11-15) + 21 600 s (06:00).
        assert_eq!(
            built_at(Some(1_763_186_400)).as_deref(),
            Some("2025-11-15 06:00 UTC")
        );
        assert_eq!(built_at(None), None);
    }

    #[test]
    fn roots_are_relative() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("pipeline/index.html"), "../");
        assert_eq!(root_of("strategy/core/index.html"), "../../");
    }
}
