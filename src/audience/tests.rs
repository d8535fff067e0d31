use super::*;

#[test]
fn audiences_parse_from_the_command_line() {
    assert_eq!("board".parse(), Ok(Audience::Board));
    assert_eq!("everyone".parse(), Ok(Audience::Everyone));
    assert_eq!(
        "seller:Anna Lind".parse(),
        Ok(Audience::Seller("Anna Lind".into()))
    );
    assert_eq!("team:syd".parse(), Ok(Audience::Team("syd".into())));
    assert_eq!(
        "seller:".parse::<Audience>(),
        Err("\"seller:\" names no seller, expected seller:ID or seller:NAME".into())
    );
    assert_eq!(
        "ceo".parse::<Audience>(),
        Err("\"ceo\" is not an audience, expected board, seller:ID, team:ID or everyone".into())
    );
}

mod redaction {
    use crate::audience::{MARK, redact};
    use crate::render::view::{Cell, Link, PageView, Section, Site, Table};

    fn seller(n: usize) -> String {
        format!("{MARK}seller-{n}{MARK}")
    }

    fn site() -> Site {
        Site {
            title: "T".into(),
            company: "C".into(),
            lang: "en",
            as_of: "2026-11-15".into(),
            version: "0",
            logo: None,
            provenance: crate::render::view::Provenance {
                built: "2026-11-15".into(),
                files: Vec::new(),
            },
            audience: None,
            aggregates_only: true,
        }
    }

    fn table(columns: &[&str], rows: Vec<Vec<String>>) -> Table {
        let columns: Vec<(&str, bool)> = columns.iter().map(|c| (*c, false)).collect();
        let mut table = Table::new("caption", &columns);
        table.rows = rows
            .into_iter()
            .map(|r| r.into_iter().map(Cell::text).collect())
            .collect();
        table
    }

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn lists_of_sellers_go_attributes_and_single_rows_go_alone() {
        let site = site();
        let mut view = PageView {
            site: &site,
            root: String::new(),
            active: "home",
            title: "Page".into(),
            lead: None,
            breadcrumbs: Vec::new(),
            kpis: Vec::new(),
            sections: vec![
                // One row per seller: the whole section goes with its only table.
                Section::new("by-seller", "By seller")
                    .intro("Each seller's deals.")
                    .table(table(
                        &["Seller", "Open"],
                        vec![vec![seller(1), "5".into()]],
                    )),
                // Every plan has an owner: the column goes, the plans stay.
                Section::new("plans", "Plans").table(table(
                    &["Plan", "Owner", "Goal"],
                    vec![
                        vec!["North".into(), seller(1), "10".into()],
                        vec!["South".into(), seller(2), "20".into()],
                    ],
                )),
                // One target is a seller's: that row goes, the company's stays.
                Section::new("targets", "Targets")
                    .table(table(
                        &["Period", "Scope", "Target"],
                        vec![
                            vec!["2026".into(), "Company".into(), "100".into()],
                            vec!["2026".into(), seller(2), "30".into()],
                        ],
                    ))
                    .links(vec![
                        Link {
                            href: "sellers/index.html".into(),
                            text: "Sellers".into(),
                        },
                        Link {
                            href: "pipeline/index.html".into(),
                            text: "Pipeline".into(),
                        },
                    ]),
            ],
        };
        redact::page(&mut view).expect("not a page about one seller");
        let ids: Vec<&str> = view.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["plans", "targets"]);
        let plans = &view.sections[0].tables[0];
        let labels: Vec<&str> = plans.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Plan", "Goal"]);
        assert_eq!(texts(plans), [["North", "10"], ["South", "20"]]);
        let targets = &view.sections[1].tables[0];
        assert_eq!(texts(targets), [["2026", "Company", "100"]]);
        // No link into a page the board build does not have.
        let links: Vec<&str> = view.sections[1]
            .links
            .iter()
            .map(|l| l.href.as_str())
            .collect();
        assert_eq!(links, ["pipeline/index.html"]);
    }

    #[test]
    fn metrics_json_loses_entries_about_one_and_marked_fields() {
        let mut value = serde_json::json!({
            "sellers": [{"id": seller(1), "open": 5}],
            "plans": [{"id": "north", "owner": seller(1), "goal": 10}],
            "pipeline": {"open": 15, "by_owner": [{"key": seller(1), "open": 5}, {"key": seller(2), "open": 10}]},
        });
        redact::json(&mut value);
        assert_eq!(
            value,
            serde_json::json!({
                "sellers": [],
                "plans": [{"id": "north", "goal": 10}],
                "pipeline": {"open": 15, "by_owner": []},
            })
        );
    }
}
