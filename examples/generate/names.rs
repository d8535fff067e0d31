//! Swedish word lists: people, counties with their industrial towns, and the
//! patterns company names are built from. Plain data, no logic beyond slugs.

pub const FIRST_NAMES: &[&str] = &[
    "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Per", "Eva", "Anders", "Kristina",
    "Mikael", "Lena", "Magnus", "Emma", "Fredrik", "Linnea", "Henrik", "Elin", "Jonas", "Sofia",
    "Daniel", "Ida", "Mattias", "Malin", "Peter", "Helena", "Niklas", "Johanna", "Oskar",
    "Camilla", "Gustav", "Frida", "Viktor", "Therese", "Andreas", "Jenny", "Patrik", "Ulrika",
    "Björn", "Hanna", "Tobias", "Åsa", "Stefan", "Maja", "Jakob", "Ingrid", "Olof", "Louise",
    "Axel",
];

pub const LAST_NAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Eklund",
    "Danielsson",
    "Lundin",
    "Håkansson",
    "Björk",
    "Bergman",
    "Gunnarsson",
    "Holm",
    "Wikström",
    "Samuelsson",
    "Isaksson",
    "Fransson",
    "Bergqvist",
    "Nyström",
    "Holmberg",
    "Arvidsson",
    "Löfgren",
    "Söderberg",
    "Nyberg",
    "Blomqvist",
    "Claesson",
    "Nordström",
    "Mårtensson",
    "Lundström",
    "Viklund",
    "Björklund",
    "Eliasson",
    "Pålsson",
    "Berggren",
    "Sandström",
    "Nordin",
    "Ström",
    "Åberg",
    "Hermansson",
    "Ekström",
    "Holmgren",
    "Sundberg",
    "Hedlund",
    "Dahlberg",
    "Hellström",
    "Sjögren",
    "Dahl",
];

/// Generic prefixes for company names, used when no regional word is.
pub const STEMS: &[&str] = &[
    "Nordiska",
    "Svenska",
    "Skandinaviska",
    "Svea",
    "Nya",
    "Förenade",
    "Norden",
];

/// A Swedish county, its towns, and how much industry it has (a weight).
pub struct County {
    pub name: &'static str,
    pub towns: &'static [&'static str],
    /// Regional words used in company names ("Bergslagens Stål AB").
    pub stems: &'static [&'static str],
    pub weight: u32,
}

pub const COUNTIES: &[County] = &[
    County {
        name: "Stockholm",
        towns: &["Södertälje", "Norrtälje", "Järfälla", "Nynäshamn"],
        stems: &["Roslagens", "Södertörns", "Mälardalens"],
        weight: 8,
    },
    County {
        name: "Uppsala",
        towns: &["Uppsala", "Enköping", "Östhammar", "Tierp"],
        stems: &["Upplands", "Roslagens"],
        weight: 4,
    },
    County {
        name: "Södermanland",
        towns: &["Eskilstuna", "Nyköping", "Katrineholm", "Oxelösund"],
        stems: &["Sörmlands", "Mälardalens"],
        weight: 5,
    },
    County {
        name: "Östergötland",
        towns: &["Norrköping", "Linköping", "Motala", "Finspång"],
        stems: &["Östgöta", "Kinda"],
        weight: 7,
    },
    County {
        name: "Jönköping",
        towns: &["Jönköping", "Värnamo", "Gislaved", "Gnosjö", "Nässjö"],
        stems: &["Smålands", "Höglandets", "Vätterns"],
        weight: 9,
    },
    County {
        name: "Kronoberg",
        towns: &["Växjö", "Ljungby", "Älmhult"],
        stems: &["Smålands", "Värends"],
        weight: 3,
    },
    County {
        name: "Kalmar",
        towns: &["Kalmar", "Västervik", "Oskarshamn", "Nybro"],
        stems: &["Kalmarsunds", "Smålands"],
        weight: 3,
    },
    County {
        name: "Gotland",
        towns: &["Visby", "Slite"],
        stems: &["Gotlands"],
        weight: 1,
    },
    County {
        name: "Blekinge",
        towns: &["Karlskrona", "Karlshamn", "Ronneby", "Olofström"],
        stems: &["Blekinge", "Listers"],
        weight: 3,
    },
    County {
        name: "Skåne",
        towns: &[
            "Malmö",
            "Helsingborg",
            "Landskrona",
            "Trelleborg",
            "Kristianstad",
            "Hässleholm",
        ],
        stems: &["Skånska", "Sydsvenska", "Öresunds"],
        weight: 11,
    },
    County {
        name: "Halland",
        towns: &["Halmstad", "Varberg", "Falkenberg", "Kungsbacka"],
        stems: &["Hallands", "Västkustens"],
        weight: 4,
    },
    County {
        name: "Västra Götaland",
        towns: &[
            "Göteborg",
            "Borås",
            "Trollhättan",
            "Skövde",
            "Uddevalla",
            "Lidköping",
            "Stenungsund",
        ],
        stems: &["Västgöta", "Bohus", "Vänerns", "Göta"],
        weight: 15,
    },
    County {
        name: "Värmland",
        towns: &["Karlstad", "Kristinehamn", "Arvika", "Hagfors"],
        stems: &["Värmlands", "Klarälvens"],
        weight: 4,
    },
    County {
        name: "Örebro",
        towns: &["Örebro", "Karlskoga", "Lindesberg", "Hallsberg"],
        stems: &["Bergslagens", "Närkes"],
        weight: 4,
    },
    County {
        name: "Västmanland",
        towns: &["Västerås", "Köping", "Sala", "Fagersta"],
        stems: &["Bergslagens", "Mälardalens"],
        weight: 5,
    },
    County {
        name: "Dalarna",
        towns: &["Borlänge", "Falun", "Avesta", "Ludvika", "Mora"],
        stems: &["Dalarnas", "Siljans", "Bergslagens"],
        weight: 5,
    },
    County {
        name: "Gävleborg",
        towns: &["Gävle", "Sandviken", "Hudiksvall", "Söderhamn", "Bollnäs"],
        stems: &["Hälsinge", "Gästrike"],
        weight: 6,
    },
    County {
        name: "Västernorrland",
        towns: &["Sundsvall", "Örnsköldsvik", "Härnösand", "Kramfors"],
        stems: &["Ådalens", "Medelpads"],
        weight: 5,
    },
    County {
        name: "Jämtland",
        towns: &["Östersund", "Strömsund"],
        stems: &["Jämtlands", "Storsjöns"],
        weight: 1,
    },
    County {
        name: "Västerbotten",
        towns: &["Umeå", "Skellefteå", "Lycksele"],
        stems: &["Västerbottens", "Skelleftebygdens"],
        weight: 3,
    },
    County {
        name: "Norrbotten",
        towns: &["Luleå", "Piteå", "Kiruna", "Boden", "Gällivare"],
        stems: &["Norrbottens", "Tornedalens", "Malmfältens"],
        weight: 4,
    },
];

/// Company name patterns per industry: `{town}`, `{stem}` and `{family}` are
/// replaced ("{family}" takes the genitive when followed by "s").
pub fn company_patterns(industry: &str) -> &'static [&'static str] {
    match industry {
        "Pulp and paper" => &[
            "{town} Pappersbruk AB",
            "{town} Bruk AB",
            "{stem} Kartong AB",
            "{town} Massafabrik AB",
        ],
        "Chemicals" => &[
            "{stem} Kemi AB",
            "{town} Kemiska Fabrik AB",
            "{stem} Specialkemi AB",
            "{family} Kemi AB",
        ],
        "Steel and metals" => &[
            "{town} Stål AB",
            "{stem} Metall AB",
            "{town} Valsverk AB",
            "{family}s Gjuteri AB",
        ],
        "Mining" => &["{stem} Gruv AB", "{town} Mineral AB", "{stem} Malm AB"],
        "Food and beverage" => &[
            "{stem} Livsmedel AB",
            "{town} Mejeri AB",
            "{town} Bryggeri AB",
            "{family}s Chark AB",
            "{stem} Bageri AB",
        ],
        "Pharmaceuticals" => &[
            "{stem} Pharma AB",
            "{town} Life Science AB",
            "{stem} Läkemedel AB",
        ],
        "Engineering workshop" => &[
            "{family}s Mekaniska Verkstad AB",
            "{stem} Mekaniska AB",
            "{family}s Svets & Smide AB",
            "{town} Verkstäder AB",
            "{family} Precision AB",
        ],
        "Plastics" => &[
            "{stem} Plast AB",
            "{town} Plastindustri AB",
            "{family}s Formsprutning AB",
        ],
        "Automotive supplier" => &[
            "{stem} Components AB",
            "{town} Pressgjuteri AB",
            "{family} Fordonsteknik AB",
        ],
        "Wood products" => &[
            "{town} Såg AB",
            "{stem} Trä AB",
            "{family}s Snickerifabrik AB",
        ],
        "Packaging" => &[
            "{stem} Förpackning AB",
            "{town} Wellpapp AB",
            "{family} Emballage AB",
        ],
        "Energy" => &[
            "{town} Energi AB",
            "{stem} Kraft AB",
            "{town} Fjärrvärme AB",
        ],
        "Water and wastewater" => &[
            "{town} Vatten AB",
            "{stem} VA-teknik AB",
            "{town} Vatten och Avfall AB",
        ],
        "Construction" => &["{family}s Bygg AB", "{stem} Entreprenad AB"],
        _ => &[
            "{stem} Logistik AB",
            "{town} Terminal AB",
            "{family}s Åkeri AB",
        ],
    }
}

/// ASCII slug of a Swedish name: "Karin Sjöberg" -> "karin-sjoberg".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        match c {
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'ö' | 'ø' => out.push('o'),
            'é' | 'è' => out.push('e'),
            'a'..='z' | '0'..='9' => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}
