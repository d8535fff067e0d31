//! Audiences (`--audience`): who a build is for, and what it must leave out.
//!
//! Leaving out is done on the data, before any figure is computed, so that no page,
//! chart, JSON or CSV can show what the audience may not see:
//! - a seller or team view is the model restricted to those sellers' deals (now and
//!   in every snapshot), their customers and their own targets (`restrict`);
//! - the board's model has every deal, customer and seller name and id replaced by a
//!   marked pseudonym (`board`); its pages then drop every list, column, chart or
//!   link that carries the mark (`redact`), and its metrics.json every entry that does.
//!
//! After rendering, [`guard`] scans every output file for every name the audience
//! excludes (and for the mark) and fails the build if one is there: text the user
//! wrote (strategy.toml, content/) is the only way left for a name to get in.
//! Nothing here reads files or renders.

mod board;
mod guard;
pub mod redact;
mod restrict;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::error::{Code, Diagnostic, Error};
use crate::model::Model;
use crate::strategy::Strategy;

pub use board::MARK;
pub use guard::guard;

/// Who a build is for, as the command line names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Audience {
    /// The whole company: everything.
    #[default]
    Everyone,
    /// The board: aggregates only, no deal, customer or seller names unless
    /// `[audience.board] names` allows them.
    Board,
    /// One seller, by id or name: that seller's deals and customers only.
    Seller(String),
    /// One team, by id or name: its sellers' deals and customers only.
    Team(String),
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(text: &str) -> Result<Audience, String> {
        let named = |kind: &str, rest: &str| {
            let rest = rest.trim();
            if rest.is_empty() {
                Err(format!(
                    "\"{text}\" names no {kind}, expected {kind}:ID or {kind}:NAME"
                ))
            } else {
                Ok(rest.to_string())
            }
        };
        match text.split_once(':') {
            None if text == "board" => Ok(Audience::Board),
            None if text == "everyone" => Ok(Audience::Everyone),
            Some(("seller", who)) => named("seller", who).map(Audience::Seller),
            Some(("team", who)) => named("team", who).map(Audience::Team),
            _ => Err(format!(
                "\"{text}\" is not an audience, expected board, seller:ID, team:ID or everyone"
            )),
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Audience::Everyone => f.write_str("everyone"),
            Audience::Board => f.write_str("board"),
            Audience::Seller(who) => write!(f, "seller:{who}"),
            Audience::Team(who) => write!(f, "team:{who}"),
        }
    }
}

/// What every page says about the audience it was built for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// `board`, `seller` or `team`.
    pub kind: &'static str,
    /// The seller's or team's name.
    pub name: Option<String>,
}

/// How the pages of a build treat its audience.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// `None` for the whole company.
    pub label: Option<Label>,
    /// Aggregates only: no page lists single deals, customers or sellers (the
    /// meeting pack, seller and customer pages are not built).
    pub aggregates_only: bool,
}

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum What {
    Deal,
    Customer,
    Seller,
}

impl What {
    fn word(self) -> &'static str {
        match self {
            What::Deal => "deal",
            What::Customer => "customer",
            What::Seller => "seller",
        }
    }

    fn config_name(self) -> &'static str {
        match self {
            What::Deal => "deals",
            What::Customer => "customers",
            What::Seller => "sellers",
        }
    }
}

/// The names a build must not show, for the [`guard`].
#[derive(Debug, Clone, Default)]
pub struct Excluded {
    /// The audience as given (`board`, `seller:anna-lind`); empty for everyone.
    pub audience: String,
    /// Whether `[audience.board] names` could allow them (board builds).
    pub configurable: bool,
    pub names: Vec<(What, String)>,
}

impl Excluded {
    /// The names `model` shows that an excluded name may stand inside: its
    /// company, title and the strategy's own names (never its free text).
    fn structural_names(model: &Model) -> Vec<&str> {
        let s = &model.strategy;
        [model.config.title.as_str(), &model.config.company]
            .into_iter()
            .chain(s.stages.iter().map(|x| x.name.as_str()))
            .chain(s.segments.iter().map(|x| x.name.as_str()))
            .chain(s.offers.iter().map(|x| x.name.as_str()))
            .chain(s.plans.iter().map(|x| x.name.as_str()))
            .chain(s.teams.iter().map(|x| x.name.as_str()))
            .collect()
    }
}

/// The model an audience may see, how its pages treat it, and what must not appear.
#[derive(Debug, Clone)]
pub struct Shown {
    pub model: Model,
    pub policy: Policy,
    pub excluded: Excluded,
}

/// Applies `audience` to `model`; an unknown seller or team is an error that lists
/// the ones there are.
pub fn apply(model: Model, audience: &Audience) -> Result<Shown, Error> {
    match audience {
        Audience::Everyone => Ok(Shown {
            model,
            policy: Policy::default(),
            excluded: Excluded::default(),
        }),
        Audience::Board => Ok(board::shown(model)),
        Audience::Seller(who) => {
            let seller = find(&model.strategy, who, Kind::Seller)?;
            Ok(restrict::seller(model, seller, audience.to_string()))
        }
        Audience::Team(who) => {
            let team = find(&model.strategy, who, Kind::Team)?;
            Ok(restrict::team(model, team, audience.to_string()))
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Seller,
    Team,
}

/// The index of the seller or team whose id is `who`, else whose name is `who`
/// (ignoring case).
fn find(strategy: &Strategy, who: &str, kind: Kind) -> Result<usize, Error> {
    let people: Vec<(&str, &str)> = match kind {
        Kind::Seller => strategy
            .sellers
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect(),
        Kind::Team => strategy
            .teams
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()))
            .collect(),
    };
    let wanted = who.to_lowercase();
    people
        .iter()
        .position(|(id, _)| *id == who)
        .or_else(|| {
            people
                .iter()
                .position(|(_, name)| name.to_lowercase() == wanted)
        })
        .ok_or_else(|| {
            let word = match kind {
                Kind::Seller => "seller",
                Kind::Team => "team",
            };
            let known: Vec<String> = people
                .iter()
                .map(|(id, name)| format!("\"{id}\" ({name})"))
                .collect();
            Error::Invalid(vec![
                Diagnostic::file(
                    crate::strategy::FILE_NAME,
                    format!(
                        "--audience {word}:{who}: no {word} has the id or name \"{who}\", expected one of {}",
                        known.join(", ")
                    ),
                )
                .with_code(Code::AudienceUnknown),
            ])
        })
}
