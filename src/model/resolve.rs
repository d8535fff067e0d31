//! [`resolve`]: the project's files into the checked [`Model`]. The strategy and
//! the customers first, then every deals export (the current one and each
//! snapshot) on both cores, a chunk of rows at a time, each mapped from its CRM's
//! shape through `ingest` and read against the strategy.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Deal, Model, Snapshot, content, customers, deals};
use crate::config::Config;
use crate::error::{Diagnostic, Error, Problems};
use crate::ingest::mapping::{self, Lookups};
use crate::ingest::{Kind, Settings, Source};
use crate::load::Inputs;
use crate::strategy::{self, Strategy};

/// Reads a deals export against a strategy, for tests that build exports in code.
#[cfg(test)]
pub(crate) fn read_deals_for_tests(
    source: &crate::load::SourceText,
    strategy: &Strategy,
    customers: Option<&deals::CustomerIndex<'_>>,
    problems: &mut Problems,
) -> Vec<Deal> {
    let settings = crate::ingest::Settings::default();
    let source = crate::ingest::read(&source.path, source.text.as_bytes(), &settings, problems)
        .expect("a readable test export");
    let against = deals::Against {
        settings: &settings,
        strategy,
        customers,
    };
    let mut reading = deals::Reading::default();
    deals::read(
        &source.path,
        &source.table,
        &against,
        &mut reading,
        problems,
        None,
    );
    reading.deals
}

/// One export as it was read and mapped, for `pipepress check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceReport {
    /// "deals", "customers" or "snapshot 2026-03-01".
    pub what: String,
    pub path: std::path::PathBuf,
    pub preset: &'static str,
    pub rows: usize,
    pub read: crate::ingest::ReadInfo,
    pub mapping: crate::ingest::mapping::Used,
}

/// Reads deals exports (the current one and each snapshot) against the strategy.
struct DealReader<'a> {
    strategy: &'a Strategy,
    settings: &'a Settings,
    lookups: Lookups<'a>,
    customer_index: Option<&'a deals::CustomerIndex<'a>>,
    lenient: bool,
}

/// What reading one deals export gave: its deals with the line each starts on, and
/// what to merge into the model's problems, reports and skipped rows.
#[derive(Default)]
struct DealsRead {
    deals: Vec<Deal>,
    /// The line of the export each of `deals` starts on.
    lines: Vec<usize>,
    /// The export's hash, once read.
    file: Option<crate::load::InputFile>,
    problems: Problems,
    report: Vec<SourceReport>,
    skipped: Vec<Diagnostic>,
    /// Deal id and owner as written, where the owner is not among the sellers.
    unlisted_owners: Vec<(String, String)>,
}

/// Rows mapped and read at a time: a large export is never held whole as cells.
const CHUNK_ROWS: usize = 16_384;

impl DealReader<'_> {
    /// Reads a deals export, mapping and reading it a few thousand rows at a time:
    /// the cells of each are dropped once their deals are out. A delimited export
    /// in UTF-8 (nearly every one) is read from disk a block at a time and hashed
    /// as it is read, after a first pass that makes sure of the encoding; others
    /// (xlsx, Windows-1252, UTF-16) are read whole.
    fn read(&self, what: String, export: crate::load::Export) -> DealsRead {
        use sha2::Digest;
        let mut read = DealsRead::default();
        let utf8 = !crate::ingest::is_xlsx(&export.path)
            && matches!(
                self.settings.encoding,
                None | Some(crate::ingest::decode::Encoding::Utf8)
            );
        let utf8_lines = match utf8 {
            true => match export.scan_utf8(&mut read.problems) {
                Some(lines) => lines,
                None => return read,
            },
            false => None,
        };
        let whole = match utf8_lines {
            Some(_) => None,
            None => match export.read(&mut read.problems) {
                Some(whole) => Some(whole),
                None => return read,
            },
        };
        // Room for a deal per line, so that the list is not copied as it grows.
        let lines = match (&whole, utf8_lines) {
            (Some((bytes, _)), _) => bytes.iter().filter(|&&b| b == b'\n').count(),
            (None, lines) => lines.unwrap_or(0),
        };
        let mut reading = deals::Reading::with_room(lines);
        let mut used = None;
        let mut rows = 0;
        let against = deals::Against {
            settings: self.settings,
            strategy: self.strategy,
            customers: self.customer_index,
        };
        let mut map_and_read = |chunk| {
            // A mapping problem (a column named in the settings but missing) is one
            // of the header: reported with the first table only.
            let mut repeated = Problems::default();
            let problems = match used {
                None => &mut read.problems,
                Some(_) => &mut repeated,
            };
            let (table, mapping) = mapping::map(
                chunk,
                Kind::Deals,
                self.settings,
                Some(&self.lookups),
                problems,
            );
            used.get_or_insert(mapping);
            rows += table.rows.len();
            deals::read(
                &export.path,
                &table,
                &against,
                &mut reading,
                &mut read.problems,
                self.lenient.then_some(&mut read.skipped),
            );
        };
        let mut file_problems = Problems::default();
        let (info, file) = match whole {
            Some((bytes, file)) => {
                let info = crate::ingest::read_chunked(
                    &export.path,
                    &bytes,
                    self.settings,
                    CHUNK_ROWS,
                    &mut file_problems,
                    &mut map_and_read,
                );
                (info, Some(file))
            }
            None => match export.open(&mut file_problems) {
                Some(mut from) => {
                    let mut hash = sha2::Sha256::new();
                    let info = crate::ingest::read_chunked_from(
                        &export.path,
                        &mut from,
                        self.settings,
                        CHUNK_ROWS,
                        &mut file_problems,
                        &mut |bytes| hash.update(bytes),
                        &mut map_and_read,
                    );
                    let digest = hash.finalize();
                    let file = crate::load::InputFile::hashed(&export.path, digest.as_slice());
                    (info, Some(file))
                }
                None => (None, None),
            },
        };
        read.file = file;
        if let Some(info) = info {
            read.report.push(SourceReport {
                what,
                path: export.path.clone(),
                preset: self.settings.preset.as_str(),
                rows,
                read: info,
                mapping: used.unwrap_or_default(),
            });
        }
        file_problems.extend(std::mem::take(&mut read.problems));
        read.problems = file_problems;
        read.unlisted_owners = reading.unlisted_owners;
        read.deals = reading.deals;
        read.lines = reading.lines;
        read
    }
}

/// Maps one export onto the canonical columns, remembering how for the report.
fn mapped(
    what: String,
    source: Source,
    kind: Kind,
    settings: &Settings,
    lookups: Option<&Lookups<'_>>,
    reports: &mut Vec<SourceReport>,
    problems: &mut Problems,
) -> crate::ingest::Table {
    let path = source.path.clone();
    let read = source.read.clone();
    let (table, used) = mapping::map(source, kind, settings, lookups, problems);
    reports.push(SourceReport {
        what,
        path,
        preset: settings.preset.as_str(),
        rows: table.rows.len(),
        read,
        mapping: used,
    });
    table
}

/// Checks and types everything `load` read. Every problem in every file is
/// collected before this fails.
pub fn resolve(inputs: Inputs) -> Result<Model, Error> {
    resolve_with(inputs, false)
}

/// [`resolve`]; with `lenient`, a deal row with a value that cannot be read is left
/// out and listed in [`Model::skipped`] instead of failing the build.
pub fn resolve_with(inputs: Inputs, lenient: bool) -> Result<Model, Error> {
    resolve_reporting(inputs, lenient).map_err(|rejected| rejected.error)
}

/// Why a project was not valid, with how each export was read all the same: what
/// `pipepress check` says of an invalid project.
#[derive(Debug)]
pub struct Rejected {
    pub error: Error,
    /// Every export that could be read, as for [`Model::sources`].
    pub sources: Vec<SourceReport>,
}

/// [`resolve_with`], keeping how each export was read when the project is invalid.
pub fn resolve_reporting(inputs: Inputs, lenient: bool) -> Result<Model, Rejected> {
    let mut problems = inputs.problems;
    let mut skipped = Vec::new();
    let mut reports = Vec::new();
    let strategy = inputs
        .strategy
        .as_ref()
        .and_then(|s| strategy::parse(&s.path, &s.text, &mut problems));
    let defaults = Config::defaults();
    let settings = inputs.config.as_ref().unwrap_or(&defaults);
    let has_customers = inputs.customers.is_some();
    let mut customer_warnings = Vec::new();
    let customers = match (inputs.customers, &strategy) {
        (Some(source), Some(strategy)) => {
            let what = "customers".to_string();
            let path = source.path.clone();
            let table = mapped(
                what,
                source,
                Kind::Customers,
                &settings.customers,
                None,
                &mut reports,
                &mut problems,
            );
            customers::read(
                &path,
                &table,
                strategy,
                &mut problems,
                &mut customer_warnings,
            )
        }
        _ => Vec::new(),
    };
    // Without a readable customers file, deals' customer ids cannot be checked: the
    // missing file is the one problem to report, not every reference to it.
    let customer_index: Option<deals::CustomerIndex<'_>> = has_customers.then(|| {
        customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect()
    });
    // CRM exports name a deal's customer by name more often than by id.
    let customer_names = has_customers.then(|| {
        let mut names = HashMap::new();
        for c in &customers {
            names
                .entry(c.name.to_lowercase())
                .or_insert_with(|| c.id.clone());
        }
        for c in &customers {
            names.insert(c.id.to_lowercase(), c.id.clone());
        }
        names
    });
    let reader = strategy.as_ref().map(|strategy| DealReader {
        strategy,
        settings: &settings.deals,
        lookups: Lookups {
            strategy,
            customers: customer_names.as_ref(),
        },
        customer_index: customer_index.as_ref(),
        lenient,
    });
    let mut files = inputs.files;
    let mut merge = |read: DealsRead| {
        files.extend(read.file);
        problems.extend(read.problems);
        reports.extend(read.report);
        skipped.extend(read.skipped);
        (read.deals, read.lines)
    };
    // The current export and the snapshots are read on every core, each a few
    // thousand rows at a time; problems and reports merge in the order of the
    // files (the current export, then the snapshots by date), as if read serially.
    let exports = inputs
        .deals
        .map(|export| (None, export))
        .into_iter()
        .chain(inputs.snapshots.into_iter().map(|(d, e)| (Some(d), e)));
    let mut read: Vec<(Option<NaiveDate>, DealsRead)> = match &reader {
        Some(reader) => exports
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(date, export)| {
                let what = date.map_or_else(|| "deals".into(), |d| format!("snapshot {d}"));
                (date, reader.read(what, export))
            })
            .collect(),
        // Without a strategy no deal can be read, but a file that cannot be read is
        // still a problem to report.
        None => exports
            .map(|(date, export)| {
                let mut read = DealsRead::default();
                export.read(&mut read.problems);
                (date, read)
            })
            .collect(),
    };
    let mut current = match read.first() {
        Some((None, _)) => Some(read.remove(0).1),
        _ => None,
    };
    let unlisted_owners: BTreeMap<String, String> = current
        .as_mut()
        .map(|read| std::mem::take(&mut read.unlisted_owners))
        .unwrap_or_default()
        .into_iter()
        .collect();
    let (deals, deal_lines) = current.map(&mut merge).unwrap_or_default();
    let snapshots: Vec<Snapshot> = read
        .into_iter()
        .filter_map(|(date, read)| {
            Some(Snapshot {
                date: date?,
                deals: merge(read).0,
            })
        })
        .collect();
    let pages = content::read(&inputs.content, &mut problems);
    let meetings = content::meetings(&inputs.meetings);
    if let (Some(strategy), Some(source)) = (&strategy, &inputs.strategy) {
        content::check_figures(&pages, &meetings, strategy, source, &mut problems);
    }
    let previous_strategy = inputs.compare_strategy.as_ref().and_then(|s| {
        strategy::parse(&s.path, &s.text, &mut problems).map(|strategy| (s.path.clone(), strategy))
    });
    if strategy.is_some() && has_customers && customers.is_empty() {
        problems.push(
            Diagnostic::file(
                inputs.config.as_ref().map_or_else(
                    || crate::config::DEFAULT_CUSTOMERS.into(),
                    |c| c.customers_file.clone(),
                ),
                "holds no customers, expected at least one row",
            )
            .with_code(crate::error::Code::NoCustomers),
        );
    }
    // Problems are the reasons for a rejection (without a config or a strategy
    // there is always one), and how the exports were read goes with them.
    let rejected = |problems: Problems, sources| Rejected {
        error: problems
            .into_result(())
            .err()
            .unwrap_or(Error::Invalid(Vec::new())),
        sources,
    };
    let (Some(config), Some(strategy)) = (inputs.config, strategy) else {
        return Err(rejected(problems, reports));
    };
    if !problems.is_empty() {
        return Err(rejected(problems, reports));
    }
    Ok(Model {
        config,
        strategy,
        customers,
        deals,
        snapshots,
        pages,
        meetings,
        previous_strategy,
        sources: reports,
        deal_lines,
        unlisted_owners,
        customer_warnings,
        skipped: {
            skipped.sort();
            skipped
        },
        logo: inputs.logo,
        files: {
            files.sort();
            files
        },
    })
}
