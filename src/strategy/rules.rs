//! Segment rules: conditions over customer fields that classify a customer.
//!
//! A rule is a list of conditions that must all hold. Text comparisons ignore case
//! and surrounding spaces, because CRM exports are inconsistent about both. A missing
//! or non-numeric field never satisfies a numeric range.

/// A segment's rule: all conditions must hold. An empty rule matches nothing, so a
/// segment without rules never swallows every customer by accident.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rule {
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Equals {
        field: String,
        value: String,
    },
    In {
        field: String,
        values: Vec<String>,
    },
    Range {
        field: String,
        min: Option<i64>,
        max: Option<i64>,
    },
}

impl Condition {
    pub fn field(&self) -> &str {
        match self {
            Condition::Equals { field, .. }
            | Condition::In { field, .. }
            | Condition::Range { field, .. } => field,
        }
    }

    fn matches(&self, found: Option<&str>) -> bool {
        let Some(found) = found.map(str::trim).filter(|s| !s.is_empty()) else {
            return false;
        };
        let found = found.to_lowercase();
        let same = |expected: &String| expected.trim().to_lowercase() == found;
        match self {
            Condition::Equals { value, .. } => same(value),
            Condition::In { values, .. } => values.iter().any(same),
            Condition::Range { min, max, .. } => match found.parse::<i64>() {
                Ok(n) => min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m),
                Err(_) => false,
            },
        }
    }
}

impl Rule {
    pub fn matches<S: AsRef<str>>(&self, field: &impl Fn(&str) -> Option<S>) -> bool {
        !self.conditions.is_empty()
            && self
                .conditions
                .iter()
                .all(|c| c.matches(field(c.field()).as_ref().map(AsRef::as_ref)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer<'a>(fields: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<&'a str> {
        move |name| fields.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    #[test]
    fn all_conditions_must_hold() {
        let rule = Rule {
            conditions: vec![
                Condition::In {
                    field: "industry".into(),
                    values: vec!["Kemi".into(), "Papper".into()],
                },
                Condition::Range {
                    field: "employees".into(),
                    min: Some(200),
                    max: None,
                },
            ],
        };
        assert!(rule.matches(&customer(&[("industry", " papper "), ("employees", "200")])));
        assert!(!rule.matches(&customer(&[("industry", "Papper"), ("employees", "199")])));
        assert!(!rule.matches(&customer(&[("industry", "Papper"), ("employees", "")])));
        assert!(!rule.matches(&customer(&[("industry", "Papper"), ("employees", "many")])));
        assert!(!rule.matches(&customer(&[("industry", "Bygg"), ("employees", "900")])));
        assert!(!rule.matches(&customer(&[("employees", "900")])));
    }

    #[test]
    fn equality_ignores_case_including_swedish_letters() {
        let rule = Rule {
            conditions: vec![Condition::Equals {
                field: "region".into(),
                value: "Västra Götaland".into(),
            }],
        };
        assert!(rule.matches(&customer(&[("region", "VÄSTRA GÖTALAND")])));
        assert!(!rule.matches(&customer(&[("region", "Skåne")])));
    }

    #[test]
    fn an_empty_rule_matches_nothing() {
        assert!(!Rule::default().matches(&customer(&[("region", "Skåne")])));
    }
}
