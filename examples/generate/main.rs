//! Deterministic synthetic data for pipepress: a complete sample project for
//! an invented Swedish B2B company, Nordvik Industriteknik AB (industrial
//! automation, service agreements, spare parts and training for Swedish
//! industry).
//!
//! It writes pipepress.toml, brand/logo.svg, strategy.toml, data/customers.csv,
//! data/deals.csv, data/snapshots/<YYYY-MM-DD>/deals.csv and content/*.md in
//! the format of docs/FORMAT.md. Every deal is simulated as a timeline
//! (stages, values, expected-close pushes, activities, close), and each export,
//! current or historical, is that timeline read at its date; so the snapshots
//! agree with the current export. Targets are calibrated against the
//! simulated results. Same arguments, same bytes: no clock, no hash order.
//!
//! Run from the repository root:
//!
//! ```text
//! cargo run --release --example generate -- --out sample-data
//! cargo run --release --example generate -- --out /tmp/big --deals 1000000 \
//!     --customers 100000 --sellers 200 --snapshots 12
//! ```
//!
//! Options: --out DIR (required), --deals N (900), --customers N (180),
//! --sellers N (8), --snapshots N (8), --snapshot-rows all|open (all: every
//! deal that existed on the export's date; open: only the open pipeline, as a
//! scheduled export of open deals holds), --as-of YYYY-MM-DD (2026-11-15),
//! --seed N (20261115).

mod catalog;
mod content;
mod lifecycle;
mod names;
mod offers;
mod prose_offers;
mod prose_strategy;
mod rng;
mod state;
mod strategy_toml;
mod targets;
mod timeline;
mod world;

use std::error::Error;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Days, NaiveDate};

use crate::state::DEAL_COLUMNS;
use crate::targets::Totals;
use crate::timeline::Simulator;
use crate::world::{Config, World, id_width};

const USAGE: &str = "usage: generate --out DIR [--deals N] [--customers N] [--sellers N] \
                     [--snapshots N] [--snapshot-rows all|open] [--as-of YYYY-MM-DD] \
                     [--seed N]";

type CsvOut = csv::Writer<BufWriter<File>>;

fn main() -> ExitCode {
    let cfg = match parse_args(std::env::args().skip(1)) {
        Ok(cfg) => cfg,
        Err(message) => {
            eprintln!("generate: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(cfg) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut cfg = Config {
        out: PathBuf::new(),
        deals: 900,
        customers: 180,
        sellers: 8,
        snapshots: 8,
        snapshots_open_only: false,
        as_of: NaiveDate::from_ymd_opt(2026, 11, 15).ok_or("bad default date")?,
        seed: 20_261_115,
    };
    let mut out = None;
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag}: {value:?} is not a whole number"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(&value)),
            "--deals" => cfg.deals = number()?,
            "--customers" => cfg.customers = number()?.max(1),
            "--sellers" => cfg.sellers = number()?.max(1),
            "--snapshots" => cfg.snapshots = number()?,
            "--snapshot-rows" => {
                cfg.snapshots_open_only = match value.as_str() {
                    "all" => false,
                    "open" => true,
                    _ => return Err(format!("--snapshot-rows: {value:?} is not all or open")),
                }
            }
            "--seed" => cfg.seed = number()? as u64,
            "--as-of" => {
                cfg.as_of = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .map_err(|_| format!("--as-of: {value:?} is not a date YYYY-MM-DD"))?;
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    cfg.out = out.ok_or("--out DIR is required")?;
    Ok(cfg)
}

/// Export dates, oldest first: every 14 days back from a week before as-of.
fn snapshot_dates(cfg: &Config) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = (0..cfg.snapshots as u64)
        .filter_map(|k| cfg.as_of.checked_sub_days(Days::new(7 + 14 * k)))
        .collect();
    dates.reverse();
    dates
}

fn run(cfg: Config) -> Result<(), Box<dyn Error>> {
    let world = World::build(cfg);
    let out = world.cfg.out.clone();
    for dir in ["data/snapshots", "content"] {
        fs::create_dir_all(out.join(dir))?;
    }
    write_customers(&world, &out.join("data/customers.csv"))?;
    let totals = write_deals(&world, &out)?;
    let goals = totals.goals(world.cfg.as_of, world.cfg.seed);
    fs::write(out.join("pipepress.toml"), strategy_toml::pipepress_toml())?;
    fs::create_dir_all(out.join("brand"))?;
    fs::write(out.join("brand/logo.svg"), strategy_toml::LOGO_SVG)?;
    fs::write(
        out.join("strategy.toml"),
        strategy_toml::strategy_toml(&world, &goals)?,
    )?;
    fs::write(out.join("content/method.md"), content::METHOD)?;
    fs::write(out.join("content/report.md"), content::REPORT)?;
    fs::create_dir_all(out.join("content/meetings"))?;
    for (day, text) in content::meetings(world.cfg.as_of) {
        fs::write(out.join(format!("content/meetings/{day}.md")), text)?;
    }
    fs::write(
        out.join("content/lessons-learned.md"),
        content::lessons(world.cfg.as_of),
    )?;
    Ok(())
}

fn write_customers(world: &World, path: &Path) -> Result<(), Box<dyn Error>> {
    let mut w = csv::Writer::from_writer(BufWriter::new(File::create(path)?));
    w.write_record([
        "id",
        "name",
        "industry",
        "employees",
        "region",
        "owner",
        "ownership",
    ])?;
    for c in &world.customers {
        w.write_record([
            c.id.as_str(),
            c.name.as_str(),
            c.industry.unwrap_or(""),
            &c.employees.map(|e| e.to_string()).unwrap_or_default(),
            names::COUNTIES[c.county].name,
            world.sellers[c.owner].id.as_str(),
            c.ownership,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn deals_writer(path: &Path) -> Result<CsvOut, Box<dyn Error>> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut w = csv::Writer::from_writer(BufWriter::new(File::create(path)?));
    w.write_record(DEAL_COLUMNS)?;
    Ok(w)
}

/// One pass over all deals: each is simulated once and written to the
/// current export and every snapshot; the won totals feed the targets.
fn write_deals(world: &World, out: &Path) -> Result<Totals, Box<dyn Error>> {
    let mut exports: Vec<(NaiveDate, CsvOut)> = Vec::new();
    for day in snapshot_dates(&world.cfg) {
        let path = out.join(format!(
            "data/snapshots/{}/deals.csv",
            day.format("%Y-%m-%d")
        ));
        exports.push((day, deals_writer(&path)?));
    }
    exports.push((world.cfg.as_of, deals_writer(&out.join("data/deals.csv"))?));
    let sim = Simulator::new(world);
    let mut totals = Totals::new(&sim);
    let width = id_width(world.cfg.deals, 5);
    for index in 0..world.cfg.deals {
        let deal = sim.simulate(index);
        totals.add(
            &deal,
            deal.customer.and_then(|c| world.customers[c].segment),
        );
        for (day, w) in &mut exports {
            let snapshot = *day < world.cfg.as_of;
            if snapshot && world.cfg.snapshots_open_only && !deal.is_open_on(*day) {
                continue;
            }
            if let Some(row) = deal.row(world, *day, width) {
                w.write_record(&row)?;
            }
        }
    }
    for (_, w) in &mut exports {
        w.flush()?;
    }
    Ok(totals)
}
