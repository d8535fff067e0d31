//! `deals.csv` (the current export and each snapshot) into [`Deal`]s.

use std::path::Path;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{Deal, ForecastCategory, Status};
use crate::csv_source::{self, Column, Layout, Row};
use crate::error::Problems;
use crate::ingest::date::DateFormat;
use crate::ingest::{Settings, Table};
use crate::money::Money;
use crate::strategy::Strategy;

const ID: usize = 0;
const NAME: usize = 1;
const CUSTOMER: usize = 2;
const OWNER: usize = 3;
const STAGE: usize = 4;
const STATUS: usize = 5;
const VALUE: usize = 6;
const CURRENCY: usize = 7;
const PROBABILITY: usize = 8;
const CREATED: usize = 9;
const EXPECTED_CLOSE: usize = 10;
const CLOSED: usize = 11;
const NEXT_ACTIVITY: usize = 12;
const LAST_ACTIVITY: usize = 13;
const LOST_REASON: usize = 14;
const PLAN: usize = 15;
const SEGMENT: usize = 16;
const OFFER: usize = 17;
const FORECAST_CATEGORY: usize = 18;

/// The largest deal value read: 10 000 000 000.00. Far above any real deal, and low
/// enough that a billion of them still sum exactly in an `i64` of öre.
const MAX_VALUE: Money = Money::from_minor(1_000_000_000_000);

const fn column(name: &'static str, required: bool) -> Column {
    Column { name, required }
}

pub const COLUMNS: [Column; 19] = [
    column("id", true),
    column("name", true),
    column("customer_id", false),
    column("owner", true),
    column("stage", true),
    column("status", true),
    column("value", false),
    column("currency", false),
    column("probability", false),
    column("created", true),
    column("expected_close", false),
    column("closed", false),
    column("next_activity", false),
    column("last_activity", false),
    column("lost_reason", false),
    column("plan", false),
    column("segment", false),
    column("offer", false),
    column("forecast_category", false),
];

/// What reading one export's tables, one after another, carries from each to the
/// next: the ids seen (an id must be unique in the file), whether the header has
/// been checked, and the deals read so far.
#[derive(Debug, Default)]
pub struct Reading {
    seen: Ids,
    tables: usize,
    /// The deals read, in file order.
    pub deals: Vec<Deal>,
    /// The line of the file each of `deals` starts on.
    pub lines: Vec<usize>,
    /// Deal id and owner as written, for each deal whose owner is not a seller.
    pub unlisted_owners: Vec<(String, String)>,
}

impl Reading {
    /// A reading with room for `rows` deals, so that its lists and the set of
    /// ids are not copied as they grow.
    pub fn with_room(rows: usize) -> Reading {
        let mut reading = Reading::default();
        reading.deals.reserve(rows);
        reading.lines.reserve(rows);
        reading.seen.places = hashbrown::HashTable::with_capacity(rows);
        reading
    }
}

/// The ids a deals export has used so far. Most are the ids of the deals read,
/// and are not kept twice: the set holds their places in the list of deals, and
/// only the ids of rows left out as strings of their own.
#[derive(Debug, Default)]
struct Ids {
    places: hashbrown::HashTable<Place>,
    left_out: Vec<Box<str>>,
}

/// Where a used id is written down.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// The id of this deal of the reading's list.
    Deal(u32),
    /// An id of `Ids::left_out`.
    LeftOut(u32),
}

impl Ids {
    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id)
    }

    fn id<'a>(deals: &'a [Deal], left_out: &'a [Box<str>], place: Place) -> &'a str {
        match place {
            Place::Deal(i) => &deals[i as usize].id,
            Place::LeftOut(i) => &left_out[i as usize],
        }
    }

    fn contains(&self, deals: &[Deal], id: &str) -> bool {
        let left_out = &self.left_out;
        self.places
            .find(Self::hash(id), |&p| Self::id(deals, left_out, p) == id)
            .is_some()
    }

    /// Notes an id as used at `place` (a deal must be in `deals` already).
    fn insert(&mut self, deals: &[Deal], place: Place) {
        let left_out = &self.left_out;
        let hash = Self::hash(Self::id(deals, left_out, place));
        self.places
            .insert_unique(hash, place, |&p| Self::hash(Self::id(deals, left_out, p)));
    }

    /// Notes the id of the deal just added to `deals`.
    fn deal(&mut self, deals: &[Deal]) {
        self.insert(deals, Place::Deal((deals.len() - 1) as u32));
    }

    /// Notes the id of a row left out, unless it is empty or used already.
    fn left_out(&mut self, deals: &[Deal], id: &str) {
        if id.is_empty() || self.contains(deals, id) {
            return;
        }
        self.left_out.push(id.into());
        self.insert(deals, Place::LeftOut((self.left_out.len() - 1) as u32));
    }
}

/// Customer id -> index in the model's customers.
pub type CustomerIndex<'a> = FxHashMap<&'a str, usize>;

/// What deals are read against: the source's settings, the strategy, and the
/// customers' ids (`None` without a readable customers export).
pub struct Against<'a> {
    pub settings: &'a Settings,
    pub strategy: &'a Strategy,
    pub customers: Option<&'a CustomerIndex<'a>>,
}

/// Reads one deals export, or the next of the tables it is read in, into `reading`
/// (which carries what the earlier ones found); rows with problems are reported and
/// left out. Each deal comes with the line of the file its row starts on. With
/// `lenient`, the problems of a row go to it instead: the row is skipped and the
/// build goes on.
pub fn read(
    path: &Path,
    table: &Table,
    against: &Against<'_>,
    reading: &mut Reading,
    problems: &mut Problems,
    mut lenient: Option<&mut Vec<crate::error::Diagnostic>>,
) {
    let layout = Layout {
        columns: &COLUMNS,
        extra_allowed: false,
        what: "the deals export",
    };
    let first = reading.tables == 0;
    reading.tables += 1;
    let seen = &mut reading.seen;
    let unlisted = &mut reading.unlisted_owners;
    let (deals, lines) = (&mut reading.deals, &mut reading.lines);
    let Against {
        settings,
        strategy,
        customers,
    } = *against;
    let dates = settings.date_format();
    csv_source::read_rows_of(path, table, layout, first, problems, |row, found| {
        let mut in_row = Problems::default();
        let mut reader = RowReader {
            row,
            problems: &mut in_row,
            ok: true,
            dates,
        };
        match reader.deal(strategy, customers, seen, deals) {
            Some((deal, owner)) => {
                if let Some(owner) = owner {
                    unlisted.push((deal.id.to_string(), owner));
                }
                deals.push(deal);
                seen.deal(deals);
                lines.push(row.line());
            }
            // An id is used by a row left out too.
            None => seen.left_out(deals, row.get(ID)),
        }
        match lenient.as_deref_mut() {
            Some(skipped) => skipped.extend(in_row.into_vec()),
            None => found.extend(in_row),
        }
    });
}

/// Reads one row, noting every problem in it before giving up on it.
struct RowReader<'r, 'p> {
    row: &'r Row<'r>,
    problems: &'p mut Problems,
    ok: bool,
    /// The date form the source writes, for messages.
    dates: DateFormat,
}

impl<'r> RowReader<'r, '_> {
    fn fail(&mut self, column: usize, message: String) {
        self.fail_as(crate::error::Code::CsvValue, column, message);
    }

    fn fail_as(&mut self, code: crate::error::Code, column: usize, message: String) {
        let problem = self.row.problem(column, message).with_code(code);
        self.problems.push(problem);
        self.ok = false;
    }

    fn required(&mut self, column: usize, expected: &str) -> &'r str {
        let text = self.row.get(column);
        if text.is_empty() {
            let name = COLUMNS[column].name;
            self.fail_as(
                crate::error::Code::CsvEmpty,
                column,
                format!("column \"{name}\" is empty, expected {expected}"),
            );
        }
        text
    }

    fn date(&mut self, column: usize) -> Option<NaiveDate> {
        let text = self.row.written(column);
        if text.is_empty() {
            return None;
        }
        let date = crate::period::parse_iso_date(self.row.get(column));
        if date.is_none() {
            let name = COLUMNS[column].name;
            let expected = self.dates.example();
            self.fail_as(
                crate::error::Code::CsvDate,
                column,
                format!("column \"{name}\": \"{text}\" is not a date, expected {expected}"),
            );
        }
        date
    }

    fn lookup(
        &mut self,
        column: usize,
        index: Option<usize>,
        message: impl FnOnce() -> String,
    ) -> Option<usize> {
        if index.is_none() {
            self.fail_as(crate::error::Code::CsvReference, column, message());
        }
        index
    }

    /// The row's deal, and its owner as written when that is not among the sellers.
    fn deal(
        &mut self,
        strategy: &Strategy,
        customers: Option<&CustomerIndex<'_>>,
        seen: &Ids,
        read: &[Deal],
    ) -> Option<(Deal, Option<String>)> {
        let row = self.row;
        let id = self.required(ID, "a deal id");
        if !id.is_empty() && seen.contains(read, id) {
            self.fail(
                ID,
                format!("deal id \"{id}\" is used twice, expected each id once"),
            );
        }
        let name = self.required(NAME, "the deal's name");

        let customer = match (row.get(CUSTOMER), customers) {
            ("", _) | (_, None) => None,
            (text, Some(customers)) => self.lookup(CUSTOMER, customers.get(text).copied(), || {
                format!(
                    "customer \"{text}\" is not in the customers export, expected one of its ids"
                )
            }),
        };
        // An owner who is not a seller (or none) is a warning, not a reason to
        // leave the deal out: it still counts in every total.
        let (owner, unlisted) = match row.get(OWNER) {
            "" => (None, None),
            text => match strategy.seller_index(text) {
                Some(index) => (Some(index), None),
                None => (None, Some(row.written(OWNER).to_string())),
            },
        };
        let stage_id = self.required(STAGE, "a stage id from strategy.toml");
        let stage = match stage_id {
            "" => None,
            text => self.lookup(STAGE, strategy.stage_index(text), || {
                strategy.unknown_stage(text)
            }),
        };
        let status = match row.get(STATUS) {
            s if s.eq_ignore_ascii_case("open") => Some(Status::Open),
            s if s.eq_ignore_ascii_case("won") => Some(Status::Won),
            s if s.eq_ignore_ascii_case("lost") => Some(Status::Lost),
            _ => {
                let text = row.written(STATUS);
                self.fail(
                    STATUS,
                    format!(
                        "column \"status\": \"{text}\" is not a status, expected open, won or lost"
                    ),
                );
                None
            }
        };
        let value = match row.get(VALUE) {
            "" => None,
            text => match Money::parse(text) {
                Some(m) if m >= Money::ZERO && m <= MAX_VALUE => Some(m),
                _ => {
                    let written = row.written(VALUE);
                    self.fail(VALUE, format!("column \"value\": \"{written}\" is not an amount, expected a number not negative and at most 10 000 000 000, such as 125000.50, 125 000,50 or 125,000.50"));
                    None
                }
            },
        };
        let currency = match row.get(CURRENCY) {
            "" => None,
            code if code == strategy.currency => None,
            code => match strategy.rates.get(code) {
                Some(_) => Some(code.to_string()),
                None => {
                    let written = row.written(CURRENCY);
                    let known: Vec<&str> = std::iter::once(strategy.currency.as_str())
                        .chain(strategy.rates.keys().map(String::as_str))
                        .collect();
                    self.fail(
                        CURRENCY,
                        format!("column \"currency\": \"{written}\" has no rate, expected {} or empty (add it to [currency] rates in strategy.toml, e.g. {code} = \"11.50\")", known.join(", ")),
                    );
                    None
                }
            },
        };
        // The deal keeps its own amount; every figure uses it converted to the base.
        let (value, own_value) = match (&currency, value) {
            (Some(code), Some(own)) => {
                let rate = strategy.rates[code];
                (Some(rate.convert(own)), Some(own))
            }
            (_, value) => (value, None),
        };
        let probability = match row.get(PROBABILITY) {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(p) if p <= 100 => Some(p),
                _ => {
                    let text = row.written(PROBABILITY);
                    self.fail(PROBABILITY, format!("column \"probability\": \"{text}\" is not a percentage, expected a whole number from 0 to 100 (35, 35 %) or a fraction (0.35)"));
                    None
                }
            },
        };
        let created = self.date(CREATED);
        if row.get(CREATED).is_empty() {
            self.fail_as(
                crate::error::Code::CsvEmpty,
                CREATED,
                "column \"created\" is empty, expected the date the deal was created (YYYY-MM-DD)"
                    .into(),
            );
        }
        let expected_close = self.date(EXPECTED_CLOSE);
        let closed = self.date(CLOSED);
        let next_activity = self.date(NEXT_ACTIVITY);
        let last_activity = self.date(LAST_ACTIVITY);
        let plan = match row.get(PLAN) {
            "" => None,
            text => self.lookup(PLAN, strategy.plan_index(text), || {
                strategy.unknown_plan(text)
            }),
        };
        let segment = match row.get(SEGMENT) {
            "" => None,
            text => self.lookup(SEGMENT, strategy.segment_index(text), || {
                strategy.unknown_segment(text)
            }),
        };
        let offer = match row.get(OFFER) {
            "" => None,
            text => self.lookup(OFFER, strategy.offer_index(text), || {
                strategy.unknown_offer(text)
            }),
        };
        let category = row.get(FORECAST_CATEGORY);
        let is = |word: &str| category.eq_ignore_ascii_case(word);
        let forecast_category = match category {
            "" => None,
            _ if is("pipeline") => Some(ForecastCategory::Pipeline),
            _ if is("best_case") => Some(ForecastCategory::BestCase),
            _ if is("commit") => Some(ForecastCategory::Commit),
            _ if is("closed") && status != Some(Status::Open) => Some(ForecastCategory::Closed),
            _ if is("closed") => {
                self.fail(FORECAST_CATEGORY, "column \"forecast_category\": \"closed\" on an open deal, expected pipeline, best_case or commit (closed is for won and lost deals)".into());
                None
            }
            _ => {
                let text = row.get(FORECAST_CATEGORY);
                self.fail(
                    FORECAST_CATEGORY,
                    format!("column \"forecast_category\": \"{text}\" is not a forecast category, expected pipeline, best_case, commit, closed or empty"),
                );
                None
            }
        };

        match (status, closed) {
            (Some(Status::Open), Some(date)) => {
                self.fail(CLOSED, format!("column \"closed\": an open deal has a closed date ({date}), expected it empty or the status won or lost"));
            }
            (Some(Status::Won | Status::Lost), None) if row.get(CLOSED).is_empty() => {
                self.fail(CLOSED, "column \"closed\" is empty, expected the date a won or lost deal closed (YYYY-MM-DD)".into());
            }
            (_, Some(closed)) if created.is_some_and(|c| closed < c) => {
                let created = created.unwrap_or(closed);
                self.fail(CLOSED, format!("column \"closed\": {closed} is before the deal was created ({created}), expected a date on or after it"));
            }
            _ => {}
        }

        if !self.ok {
            return None;
        }
        let deal = Deal {
            id: id.into(),
            name: name.into(),
            // Indexes into lists held in memory: each fits in a u32.
            customer: customer.map(|i| i as u32),
            owner: owner.map(|i| i as u32),
            stage: stage? as u32,
            status: status?,
            value,
            currency: currency.map(String::into_boxed_str),
            own_value,
            probability,
            created: created?,
            expected_close,
            closed,
            next_activity,
            last_activity,
            lost_reason: row.get(LOST_REASON).into(),
            plan: plan.map(|i| i as u32),
            segment: segment.map(|i| i as u32),
            offer: offer.map(|i| i as u32),
            forecast_category,
        };
        Some((deal, unlisted))
    }
}
