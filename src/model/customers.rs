//! `customers.csv` into [`Customer`]s, classified into segments.

use std::collections::HashSet;
use std::path::Path;

use super::Customer;
use crate::csv_source::{self, Column, Layout};
use crate::error::{Code, Problems};
use crate::ingest::Table;
use crate::strategy::Strategy;

const ID: usize = 0;
const NAME: usize = 1;
const INDUSTRY: usize = 2;
const EMPLOYEES: usize = 3;
const REGION: usize = 4;
const OWNER: usize = 5;

const COLUMNS: [Column; 6] = [
    Column {
        name: "id",
        required: true,
    },
    Column {
        name: "name",
        required: true,
    },
    Column {
        name: "industry",
        required: false,
    },
    Column {
        name: "employees",
        required: false,
    },
    Column {
        name: "region",
        required: false,
    },
    Column {
        name: "owner",
        required: false,
    },
];

/// Reads the customers export; rows with problems are reported and left out. An
/// owner who is none of the sellers is a warning (the customer then has no owner).
pub fn read(
    path: &Path,
    table: &Table,
    strategy: &Strategy,
    problems: &mut Problems,
    warnings: &mut Vec<super::Finding>,
) -> Vec<Customer> {
    let layout = Layout {
        columns: &COLUMNS,
        extra_allowed: true,
        what: "the customers export",
    };
    let mut customers = Vec::new();
    let mut seen = HashSet::new();
    csv_source::read_rows(path, table, layout, problems, |row, found| {
        let id = row.get(ID);
        if id.is_empty() {
            found.push(
                row.problem(ID, "empty id, expected a customer id")
                    .with_code(Code::CsvEmpty),
            );
            return;
        }
        if !seen.insert(id.to_string()) {
            found.push(row.problem(
                ID,
                format!("customer id \"{id}\" is used twice, expected each id once"),
            ));
            return;
        }
        let name = row.get(NAME);
        if name.is_empty() {
            found.push(
                row.problem(NAME, "empty name, expected the customer's name")
                    .with_code(Code::CsvEmpty),
            );
        }
        let employees = match row.get(EMPLOYEES) {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    found.push(row.problem(
                        EMPLOYEES,
                        format!("employees \"{text}\" is not a whole number, expected e.g. 250"),
                    ));
                    None
                }
            },
        };
        let owner = match row.get(OWNER) {
            "" => None,
            id => {
                let index = strategy.seller_index(id);
                if index.is_none() {
                    let written = row.written(OWNER);
                    let finding = super::Finding::new(
                        None,
                        "warning.customer_owner_unknown",
                        vec![
                            ("id", row.get(ID).to_string()),
                            ("name", row.get(NAME).to_string()),
                            ("owner", written.to_string()),
                        ],
                        |message| {
                            row.problem(OWNER, message)
                                .with_code(Code::CustomerOwnerUnknown)
                        },
                    );
                    warnings.push(finding);
                }
                index
            }
        };
        let segment = strategy.classify(|field| row.field(field));
        customers.push(Customer {
            id: id.to_string(),
            name: name.to_string(),
            industry: row.get(INDUSTRY).to_string(),
            employees,
            region: row.get(REGION).to_string(),
            owner,
            segment,
            extra: row
                .extra()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        });
    });
    customers
}
