//! The simulated company at the as-of date: teams, sellers and customers, with
//! each customer's segment worked out from the same rules strategy.toml states.
//! Deals are not stored here; `timeline` derives each one on demand.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::catalog::{Priority, Rule, SEGMENTS, SELLERS, TEAMS};
use crate::names::{self, COUNTIES, FIRST_NAMES, LAST_NAMES, STEMS};
use crate::rng::Rng;

const STREAM_SELLER: u64 = 1;
const STREAM_CUSTOMER: u64 = 2;
const SELLERS_PER_EXTRA_TEAM: usize = 8;

pub struct Config {
    pub out: std::path::PathBuf,
    pub deals: usize,
    pub customers: usize,
    pub sellers: usize,
    pub snapshots: usize,
    /// Snapshots hold only the deals open on their date (an export of the open
    /// pipeline) instead of every deal that existed then.
    pub snapshots_open_only: bool,
    pub as_of: NaiveDate,
    pub seed: u64,
}

pub struct Team {
    pub id: String,
    pub name: String,
    pub manager: Option<usize>,
    pub counties: Vec<&'static str>,
}

pub struct Seller {
    pub id: String,
    pub name: String,
    pub email: String,
    pub team: usize,
    /// Relative win-rate multiplier: sellers differ.
    pub skill: f64,
}

pub struct Customer {
    pub id: String,
    pub name: String,
    pub industry: Option<&'static str>,
    /// The true industry, used for names and deal titles even when the export lacks it.
    pub trade: &'static str,
    pub employees: Option<u32>,
    pub county: usize,
    pub ownership: &'static str,
    pub owner: usize,
    pub segment: Option<usize>,
}

pub struct World {
    pub cfg: Config,
    pub teams: Vec<Team>,
    pub sellers: Vec<Seller>,
    pub customers: Vec<Customer>,
    /// Cumulative deal-attraction weights, for picking a deal's customer.
    cumulative: Vec<f64>,
    /// The fiscal year of the as-of date (fiscal years start in January).
    pub fiscal_year: i32,
}

impl World {
    pub fn build(cfg: Config) -> World {
        let (teams, sellers) = people(&cfg);
        let coverage = county_sellers(&teams, &sellers);
        let width = id_width(cfg.customers, 4);
        let mut taken = BTreeSet::new();
        let customers: Vec<Customer> = (0..cfg.customers)
            .map(|i| customer(&cfg, i, width, &coverage, &mut taken))
            .collect();
        let mut total = 0.0;
        let cumulative = (0..customers.len())
            .map(|i| {
                total += attraction(&cfg, i, &customers[i]);
                total
            })
            .collect();
        let fiscal_year = cfg.as_of.year();
        World {
            cfg,
            teams,
            sellers,
            customers,
            cumulative,
            fiscal_year,
        }
    }

    /// A customer drawn by attraction weight, from a uniform number in [0, 1).
    pub fn pick_customer(&self, u: f64) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let i = self.cumulative.partition_point(|&c| c <= u * total);
        i.min(self.customers.len().saturating_sub(1))
    }
}

/// Zero-padded id width: at least `min`, more when `n` needs it.
pub fn id_width(n: usize, min: usize) -> usize {
    n.to_string().len().max(min)
}

fn people(cfg: &Config) -> (Vec<Team>, Vec<Seller>) {
    let mut rng = Rng::derive(cfg.seed, STREAM_SELLER, 0);
    let mut sellers: Vec<Seller> = Vec::with_capacity(cfg.sellers);
    let mut taken = BTreeSet::new();
    for &(first, last, team) in SELLERS.iter().take(cfg.sellers) {
        let team = TEAMS.iter().position(|t| t.id == team).unwrap_or(0);
        sellers.push(seller(first, last, team, &mut taken, &mut rng));
    }
    let mut teams: Vec<Team> = TEAMS
        .iter()
        .map(|t| Team {
            id: t.id.to_string(),
            name: t.name.to_string(),
            manager: sellers.iter().position(|s| s.id == t.manager),
            counties: t.counties.to_vec(),
        })
        .collect();
    for extra in 0..cfg.sellers.saturating_sub(SELLERS.len()) {
        if extra % SELLERS_PER_EXTRA_TEAM == 0 {
            teams.push(extra_team(extra / SELLERS_PER_EXTRA_TEAM, sellers.len()));
        }
        let (first, last) = (rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        sellers.push(seller(first, last, teams.len() - 1, &mut taken, &mut rng));
    }
    // Keep only teams that have sellers, and renumber the sellers' team index.
    let used: Vec<bool> = (0..teams.len())
        .map(|t| sellers.iter().any(|s| s.team == t))
        .collect();
    let mut renumber = Vec::with_capacity(teams.len());
    let mut kept = Vec::new();
    for (team, keep) in teams.into_iter().zip(used) {
        renumber.push(kept.len());
        if keep {
            kept.push(team);
        }
    }
    for s in &mut sellers {
        s.team = renumber[s.team];
    }
    (kept, sellers)
}

/// The n-th generated team covers one county (cycling), managed by its first seller.
fn extra_team(n: usize, first_seller: usize) -> Team {
    let county = COUNTIES[n % COUNTIES.len()].name;
    let round = n / COUNTIES.len();
    let (id, name) = if round == 0 {
        (names::slug(county), format!("Team {county}"))
    } else {
        (
            format!("{}-{}", names::slug(county), round + 1),
            format!("Team {county} {}", round + 1),
        )
    };
    Team {
        id,
        name,
        manager: Some(first_seller),
        counties: vec![county],
    }
}

fn seller(
    first: &str,
    last: &str,
    team: usize,
    taken: &mut BTreeSet<String>,
    rng: &mut Rng,
) -> Seller {
    let name = format!("{first} {last}");
    let base = names::slug(&name);
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let email = format!("{}@nordvik.example.se", id.replacen('-', ".", 1));
    Seller {
        id,
        name,
        email,
        team,
        skill: rng.between(0.8, 1.2),
    }
}

/// For each county, the sellers whose team covers it.
fn county_sellers(teams: &[Team], sellers: &[Seller]) -> Vec<Vec<usize>> {
    COUNTIES
        .iter()
        .map(|c| {
            (0..sellers.len())
                .filter(|&s| teams[sellers[s].team].counties.contains(&c.name))
                .collect()
        })
        .collect()
}

const INDUSTRIES: &[(&str, u32)] = &[
    ("Pulp and paper", 6),
    ("Chemicals", 6),
    ("Steel and metals", 7),
    ("Mining", 2),
    ("Food and beverage", 12),
    ("Pharmaceuticals", 4),
    ("Engineering workshop", 20),
    ("Plastics", 7),
    ("Automotive supplier", 7),
    ("Wood products", 6),
    ("Packaging", 4),
    ("Energy", 6),
    ("Water and wastewater", 5),
    ("Construction", 2),
    ("Logistics", 1),
];

/// Median headcount and spread per industry.
fn headcount(industry: &str) -> (f64, f64) {
    match industry {
        "Pulp and paper" => (450.0, 0.7),
        "Chemicals" => (260.0, 0.8),
        "Steel and metals" => (380.0, 0.8),
        "Mining" => (600.0, 0.6),
        "Food and beverage" => (120.0, 0.9),
        "Pharmaceuticals" => (180.0, 0.9),
        "Automotive supplier" => (140.0, 0.8),
        "Packaging" | "Energy" => (100.0, 0.9),
        _ => (60.0, 0.9),
    }
}

fn ownership(industry: &str, rng: &mut Rng) -> &'static str {
    let table: &[(&str, u32)] = match industry {
        "Pulp and paper" | "Chemicals" | "Steel and metals" | "Mining" => &[
            ("Group subsidiary", 55),
            ("Listed", 25),
            ("Family-owned", 15),
            ("Private equity", 5),
        ],
        "Food and beverage" | "Pharmaceuticals" => &[
            ("Family-owned", 40),
            ("Group subsidiary", 40),
            ("Private equity", 12),
            ("Listed", 8),
        ],
        "Energy" | "Water and wastewater" => &[("Municipal", 70), ("Group subsidiary", 30)],
        _ => &[
            ("Family-owned", 66),
            ("Private equity", 25),
            ("Group subsidiary", 7),
            ("Listed", 2),
        ],
    };
    rng.weighted(table)
}

fn county(industry: &str, rng: &mut Rng) -> usize {
    let mining = [
        "Norrbotten",
        "Västerbotten",
        "Dalarna",
        "Örebro",
        "Västmanland",
    ];
    let weights: Vec<(usize, u32)> = COUNTIES
        .iter()
        .enumerate()
        .filter(|(_, c)| industry != "Mining" || mining.contains(&c.name))
        .map(|(i, c)| (i, c.weight))
        .collect();
    rng.weighted(&weights)
}

fn customer(
    cfg: &Config,
    i: usize,
    width: usize,
    coverage: &[Vec<usize>],
    taken: &mut BTreeSet<String>,
) -> Customer {
    let mut rng = Rng::derive(cfg.seed, STREAM_CUSTOMER, i as u64);
    let trade = rng.weighted(INDUSTRIES);
    let (median, sigma) = headcount(trade);
    let employees = (rng.log_normal(median, sigma).round() as u32).clamp(3, 12_000);
    let county = county(trade, &mut rng);
    let ownership = ownership(trade, &mut rng);
    let name = company_name(trade, county, taken, &mut rng);
    let local = &coverage[county];
    let owner = if local.is_empty() || rng.chance(0.05) {
        rng.below(cfg.sellers)
    } else {
        rng.pick(local)
    };
    let industry = (!rng.chance(0.015)).then_some(trade);
    let employees = (!rng.chance(0.02)).then_some(employees);
    let mut c = Customer {
        id: format!("C{:0width$}", i + 1),
        name,
        industry,
        trade,
        employees,
        county,
        ownership,
        owner,
        segment: None,
    };
    c.segment = SEGMENTS
        .iter()
        .position(|s| s.rules.iter().all(|r| matches(r, &c)));
    c
}

fn company_name(trade: &str, county: usize, taken: &mut BTreeSet<String>, rng: &mut Rng) -> String {
    let patterns = names::company_patterns(trade);
    let mut name = String::new();
    for _ in 0..8 {
        name = rng
            .pick(patterns)
            .replace("{town}", rng.pick(COUNTIES[county].towns))
            .replace("{stem}", company_stem(county, rng))
            .replace("{family}", rng.pick(LAST_NAMES));
        if taken.insert(name.clone()) {
            break;
        }
    }
    name
}

fn company_stem(county: usize, rng: &mut Rng) -> &'static str {
    if rng.chance(0.7) {
        rng.pick(COUNTIES[county].stems)
    } else {
        rng.pick(STEMS)
    }
}

/// Whether one rule holds for a customer; a missing value never matches.
pub fn matches(rule: &Rule, c: &Customer) -> bool {
    match rule {
        Rule::In(field, values) => field_text(field, c).is_some_and(|v| values.contains(&v)),
        Rule::Range(_, min, max) => c.employees.is_some_and(|e| {
            let e = i64::from(e);
            min.is_none_or(|m| e >= m) && max.is_none_or(|m| e <= m)
        }),
    }
}

fn field_text(field: &str, c: &Customer) -> Option<&'static str> {
    match field {
        "industry" => c.industry,
        "region" => Some(COUNTIES[c.county].name),
        _ => Some(c.ownership),
    }
}

/// How likely a customer is to have deals: strategy fit, size, and chance.
fn attraction(cfg: &Config, i: usize, c: &Customer) -> f64 {
    let mut rng = Rng::derive(cfg.seed, STREAM_CUSTOMER ^ 0xA77, i as u64);
    let fit = match c.segment.map(|s| SEGMENTS[s].priority) {
        Some(Priority::Focus) => 3.0,
        Some(Priority::Maintain) => 1.6,
        Some(Priority::Deprioritised) => 0.6,
        None => 0.7,
    };
    let size = f64::from(c.employees.unwrap_or(60)).sqrt().clamp(3.0, 40.0);
    let activity = if rng.chance(0.2) {
        0.03
    } else {
        rng.log_normal(1.0, 0.7)
    };
    fit * size * activity
}
