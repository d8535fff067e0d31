//! Bad input never panics: arbitrary bytes in each input file give either a model
//! or a list of problems.

mod harness;

use std::fs;

use harness::Fixture;
use proptest::prelude::*;

/// Text made mostly of the characters that matter to CSV and TOML, so the parsers
/// get deep before failing, plus arbitrary Unicode.
fn messy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(vec![",", "\"", "\n", "\r\n", "=", "[", "]", "{", "}", ".", "-", "0", "9", "2026-01-31", "open", "won", "lead", "a", "C1", " ", "\u{feff}", "å", "#"]).prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_input_file_gives_a_model_or_problems(
        file in prop::sample::select(vec!["data/deals.csv", "data/customers.csv", "strategy.toml", "pipepress.toml", "data/snapshots/2026-11-01/deals.csv"]),
        keep_header in any::<bool>(),
        text in messy_text(),
    ) {
        let fixture = Fixture::new("small");
        let path = fixture.project().join(file);
        let original = fs::read_to_string(&path).expect("fixture file");
        let header = original.lines().next().unwrap_or("");
        let text = if keep_header && file.ends_with(".csv") { format!("{header}\n{text}") } else { text };
        fs::write(&path, &text).expect("write messy file");
        // Ok or Err, but never a panic: either result is fine here.
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("date");
        let result = pipepress::check(fixture.project(), &pipepress::Options::new(today));
        if let Err(pipepress::Error::Invalid(problems)) = &result {
            prop_assert!(!problems.is_empty());
        }
    }
}
