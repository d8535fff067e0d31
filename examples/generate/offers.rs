//! The offers the company sells, per segment, and its tactical plans: the
//! tables behind `[[offers]]` and `[[plans]]` and behind each deal's title,
//! value and cycle. Data only.

use crate::prose_offers as po;

/// What kind of sale an offer is: drives value, cycle length and win rate.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Project,
    Service,
    Parts,
    SmallParts,
    Training,
}

pub struct Offer {
    pub id: &'static str,
    pub name: &'static str,
    pub segments: &'static [&'static str],
    pub kind: Kind,
    pub value: &'static str,
    /// Swedish deal titles; `{area}` is a part of the plant, `{n}` a number.
    pub titles: &'static [&'static str],
}

const ALL_KEPT: &[&str] = &["process", "food-pharma", "owner-led", "energy-utilities"];

pub const OFFERS: &[Offer] = &[
    Offer {
        id: "line-automation",
        name: "Line automation and robot cells",
        segments: &["food-pharma", "owner-led"],
        kind: Kind::Project,
        value: po::LINE_AUTOMATION,
        titles: &[
            "Robotcell palletering",
            "Automation {area}",
            "Ny svetsrobotcell",
            "Linjestyrning {area}",
            "Robotcell maskinbetjäning",
        ],
    },
    Offer {
        id: "control-migration",
        name: "Control system migration",
        segments: &["process", "energy-utilities"],
        kind: Kind::Project,
        value: po::CONTROL_MIGRATION,
        titles: &[
            "Migrering styrsystem {area}",
            "Uppgradering DCS {area}",
            "PLC-byte {area}",
            "Styrsystembyte, etapp 2",
        ],
    },
    Offer {
        id: "service-agreement",
        name: "Nordvik Drift service agreement",
        segments: ALL_KEPT,
        kind: Kind::Service,
        value: po::SERVICE_AGREEMENT,
        titles: &[
            "Serviceavtal Nordvik Drift",
            "Förnyelse serviceavtal",
            "Driftavtal {area}",
            "Utökat serviceavtal 24/7",
        ],
    },
    Offer {
        id: "hygienic-automation",
        name: "Hygienic automation and validation",
        segments: &["food-pharma"],
        kind: Kind::Project,
        value: po::HYGIENIC_DESIGN,
        titles: &[
            "Hygienisk linje {area}",
            "Validering IQ/OQ {area}",
            "Spårbarhet och batchrapportering",
            "Ny fyllningslinje",
        ],
    },
    Offer {
        id: "spare-parts-stock",
        name: "Critical spare-parts stock",
        segments: &["process", "owner-led", "energy-utilities"],
        kind: Kind::Parts,
        value: po::SPARE_PARTS_STOCK,
        titles: &[
            "Reservdelslager {area}",
            "Kritiska reservdelar {area}",
            "Kritikalitetsanalys och lager",
            "Reservdelar drivsystem",
        ],
    },
    Offer {
        id: "academy-training",
        name: "Nordvik Academy training",
        segments: ALL_KEPT,
        kind: Kind::Training,
        value: po::OPERATOR_TRAINING,
        titles: &[
            "Operatörsutbildning {area}",
            "Underhållsutbildning PLC",
            "Felsökningskurs {n} deltagare",
            "Utbildningspaket Akademin",
        ],
    },
    Offer {
        id: "condition-monitoring",
        name: "Condition monitoring",
        segments: &["process", "energy-utilities"],
        kind: Kind::Service,
        value: po::CONDITION_MONITORING,
        titles: &[
            "Tillståndsövervakning {area}",
            "Vibrationsövervakning {n} motorer",
            "Fjärrövervakning pumpar",
        ],
    },
    Offer {
        id: "web-shop",
        name: "Spare parts via web shop",
        segments: &["small-workshops"],
        kind: Kind::SmallParts,
        value: po::WEB_SHOP,
        titles: &[
            "Reservdelsorder",
            "Reparation frekvensomriktare",
            "Ramavtal reservdelar",
            "Motorbyte {area}",
        ],
    },
];

/// A tactical plan; dates are (years after the current fiscal year, month, day).
pub struct PlanDef {
    pub id: &'static str,
    pub name: &'static str,
    pub segments: &'static [&'static str],
    pub offers: &'static [&'static str],
    pub start: (i32, u32, u32),
    pub end: (i32, u32, u32),
    pub owner: &'static str,
    pub channel: &'static str,
    pub activities: &'static str,
}

pub const PLANS: &[PlanDef] = &[
    PlanDef {
        id: "process-uptime",
        name: "Uptime agreements for process industry",
        segments: &["process"],
        offers: &["service-agreement", "condition-monitoring"],
        start: (0, 1, 12),
        end: (0, 6, 30),
        owner: "erik-holm",
        channel: "Field sales with on-site uptime audits and webinars",
        activities: po::PLAN_UPTIME,
    },
    PlanDef {
        id: "food-validated-lines",
        name: "Validated lines for food and pharma",
        segments: &["food-pharma"],
        offers: &["hygienic-automation", "line-automation"],
        start: (0, 2, 1),
        end: (0, 9, 30),
        owner: "anna-lind",
        channel: "Trade fair, account-based campaign and reference visits",
        activities: po::PLAN_FOOD,
    },
    PlanDef {
        id: "north-migration",
        name: "Control system migration in the north",
        segments: &["process", "energy-utilities"],
        offers: &["control-migration", "spare-parts-stock"],
        start: (0, 3, 1),
        end: (0, 12, 31),
        owner: "karin-sjoberg",
        channel: "Field sales and breakfast seminars in Sundsvall and Luleå",
        activities: po::PLAN_NORTH,
    },
    PlanDef {
        id: "academy-door-opener",
        name: "Academy as door opener",
        segments: &["owner-led", "food-pharma"],
        offers: &["academy-training", "service-agreement"],
        start: (0, 9, 1),
        end: (1, 3, 31),
        owner: "maria-ek",
        channel: "Open courses, on-site training and follow-up calls",
        activities: po::PLAN_ACADEMY,
    },
];

/// Parts of a plant that deal titles refer to, by customer industry.
pub fn plant_areas(industry: &str) -> &'static [&'static str] {
    match industry {
        "Pulp and paper" => &["PM2", "PM3", "kokeri", "blekeri", "barkning", "indunstning"],
        "Chemicals" => &["reaktor 2", "tankpark", "destillation", "lastning"],
        "Steel and metals" => &["valsverk", "ugn 2", "betning", "stränggjutning"],
        "Mining" => &["anrikningsverk", "kross", "sovring", "pumpstation"],
        "Food and beverage" => &["tappning", "packlinje 2", "processkök", "mejeri", "bageri"],
        "Pharmaceuticals" => &["tablettering", "blisterlinje", "renrum B", "fyllning"],
        "Energy" => &["pannhus", "kraftvärmeverk", "undercentraler", "turbinhall"],
        "Water and wastewater" => &["reningsverk", "pumpstationer", "vattenverk"],
        "Wood products" => &["sågverk", "torkar", "hyvleri", "pelletsfabrik"],
        "Plastics" => &["formsprutning", "extrudering", "linje 2", "verktygsrum"],
        "Packaging" => &["wellpappmaskin", "tryckeri", "linje 1", "lager"],
        "Automotive supplier" => &["pressen", "svetslinje 3", "montering", "härdning"],
        _ => &[
            "svetsen",
            "bearbetning",
            "montering",
            "pressen",
            "linje 1",
            "lager",
        ],
    }
}
