//! The fixed shape of the sample company: pipeline stages, hand-written teams
//! and sellers, and segments with their classification rules. The same tables
//! drive both `strategy.toml` and the simulation, so the data always agrees
//! with the strategy. Offers and plans are in `offers`.

use crate::prose_strategy as ps;

pub struct Stage {
    pub id: &'static str,
    pub name: &'static str,
    pub probability: u8,
}

pub const STAGES: &[Stage] = &[
    Stage {
        id: "qualify",
        name: "Qualification",
        probability: 10,
    },
    Stage {
        id: "needs-analysis",
        name: "Needs analysis",
        probability: 20,
    },
    Stage {
        id: "solution",
        name: "Solution design",
        probability: 35,
    },
    Stage {
        id: "proposal",
        name: "Proposal",
        probability: 50,
    },
    Stage {
        id: "negotiation",
        name: "Negotiation",
        probability: 70,
    },
    Stage {
        id: "commit",
        name: "Verbal commitment",
        probability: 90,
    },
];

pub struct TeamDef {
    pub id: &'static str,
    pub name: &'static str,
    pub manager: &'static str,
    pub counties: &'static [&'static str],
}

pub const TEAMS: &[TeamDef] = &[
    TeamDef {
        id: "syd",
        name: "Team Syd",
        manager: "anna-lind",
        counties: &[
            "Skåne",
            "Blekinge",
            "Halland",
            "Kronoberg",
            "Kalmar",
            "Västra Götaland",
            "Jönköping",
            "Gotland",
        ],
    },
    TeamDef {
        id: "mitt",
        name: "Team Mitt",
        manager: "erik-holm",
        counties: &[
            "Stockholm",
            "Uppsala",
            "Södermanland",
            "Östergötland",
            "Västmanland",
            "Örebro",
            "Värmland",
            "Dalarna",
        ],
    },
    TeamDef {
        id: "norr",
        name: "Team Norr",
        manager: "karin-sjoberg",
        counties: &[
            "Gävleborg",
            "Västernorrland",
            "Jämtland",
            "Västerbotten",
            "Norrbotten",
        ],
    },
];

/// The hand-written sellers: (first name, last name, team id).
pub const SELLERS: &[(&str, &str, &str)] = &[
    ("Anna", "Lind", "syd"),
    ("Erik", "Holm", "mitt"),
    ("Karin", "Sjöberg", "norr"),
    ("Johan", "Berg", "syd"),
    ("Maria", "Ek", "mitt"),
    ("Per", "Dahl", "norr"),
    ("Sara", "Nilsson", "syd"),
    ("Lars", "Strand", "mitt"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Focus,
    Maintain,
    Deprioritised,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Focus => "focus",
            Priority::Maintain => "maintain",
            Priority::Deprioritised => "deprioritised",
        }
    }
}

/// One condition of a segment rule, over a customer field.
pub enum Rule {
    In(&'static str, &'static [&'static str]),
    Range(&'static str, Option<i64>, Option<i64>),
}

pub struct Segment {
    pub id: &'static str,
    pub name: &'static str,
    pub priority: Priority,
    pub why: &'static str,
    pub identify: &'static str,
    pub rules: &'static [Rule],
}

const WORKSHOP_INDUSTRIES: &[&str] = &[
    "Engineering workshop",
    "Plastics",
    "Automotive supplier",
    "Wood products",
    "Packaging",
];

/// Counties where the on-call service can meet the response time.
const COVERED_COUNTIES: &[&str] = &[
    "Stockholm",
    "Uppsala",
    "Södermanland",
    "Östergötland",
    "Västmanland",
    "Örebro",
    "Dalarna",
    "Gävleborg",
    "Västernorrland",
    "Västerbotten",
    "Norrbotten",
    "Västra Götaland",
    "Skåne",
    "Halland",
    "Värmland",
    "Jönköping",
];

/// In classification order: the first segment whose rules all match wins.
pub const SEGMENTS: &[Segment] = &[
    Segment {
        id: "process",
        name: "Process industry",
        priority: Priority::Focus,
        why: ps::PROCESS_WHY,
        identify: ps::PROCESS_IDENTIFY,
        rules: &[
            Rule::In(
                "industry",
                &["Pulp and paper", "Chemicals", "Steel and metals", "Mining"],
            ),
            Rule::Range("employees", Some(150), None),
        ],
    },
    Segment {
        id: "food-pharma",
        name: "Food and life science",
        priority: Priority::Focus,
        why: ps::FOOD_WHY,
        identify: ps::FOOD_IDENTIFY,
        rules: &[
            Rule::In("industry", &["Food and beverage", "Pharmaceuticals"]),
            Rule::Range("employees", Some(30), None),
        ],
    },
    Segment {
        id: "owner-led",
        name: "Owner-led manufacturers",
        priority: Priority::Maintain,
        why: ps::OWNER_LED_WHY,
        identify: ps::OWNER_LED_IDENTIFY,
        rules: &[
            Rule::In("industry", WORKSHOP_INDUSTRIES),
            Rule::Range("employees", Some(30), Some(999)),
            Rule::In("ownership", &["Family-owned", "Private equity"]),
        ],
    },
    Segment {
        id: "energy-utilities",
        name: "Energy and utilities",
        priority: Priority::Maintain,
        why: ps::ENERGY_WHY,
        identify: ps::ENERGY_IDENTIFY,
        rules: &[
            Rule::In("industry", &["Energy", "Water and wastewater"]),
            Rule::In("region", COVERED_COUNTIES),
        ],
    },
    Segment {
        id: "small-workshops",
        name: "Small workshops and producers",
        priority: Priority::Deprioritised,
        why: ps::SMALL_WHY,
        identify: ps::SMALL_IDENTIFY,
        rules: &[
            Rule::In(
                "industry",
                &[
                    "Engineering workshop",
                    "Plastics",
                    "Automotive supplier",
                    "Wood products",
                    "Packaging",
                    "Food and beverage",
                ],
            ),
            Rule::Range("employees", None, Some(29)),
        ],
    },
];
