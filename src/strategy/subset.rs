//! Part of the strategy: the sellers an audience may see (`--audience seller:` or
//! `team:`), with every index that points at a seller or a team renumbered.
//!
//! Only the strategy's own references are handled here; the deals and customers
//! that point into it are the `audience` module's.

use super::{Strategy, TargetScope};

/// Old index to new one; `None` where the item was left out.
pub type Renumbering = Vec<Option<usize>>;

impl Strategy {
    /// The strategy with only the sellers whose index `keep` holds (in their order)
    /// and the teams they belong to. Teams lose a manager left out, plans an owner
    /// left out; targets of a seller or team left out are dropped. Returns the
    /// renumbering of sellers, for the deals and customers that name them.
    pub fn with_sellers(&self, keep: &[usize]) -> (Strategy, Renumbering) {
        let mut sellers_map: Renumbering = vec![None; self.sellers.len()];
        for (new, &old) in keep.iter().enumerate() {
            sellers_map[old] = Some(new);
        }
        let mut teams_map: Renumbering = vec![None; self.teams.len()];
        let mut next = 0;
        for (old, slot) in teams_map.iter_mut().enumerate() {
            if keep.iter().any(|&s| self.sellers[s].team == old) {
                *slot = Some(next);
                next += 1;
            }
        }
        let mut strategy = self.clone();
        strategy.teams = self
            .teams
            .iter()
            .zip(&teams_map)
            .filter(|(_, new)| new.is_some())
            .map(|(team, _)| {
                let mut team = team.clone();
                team.manager = team.manager.and_then(|m| sellers_map[m]);
                team
            })
            .collect();
        strategy.sellers = keep
            .iter()
            .filter_map(|&old| {
                let mut seller = self.sellers[old].clone();
                seller.team = teams_map[seller.team]?;
                Some(seller)
            })
            .collect();
        for plan in &mut strategy.plans {
            plan.owner = plan.owner.and_then(|o| sellers_map[o]);
        }
        strategy.targets = self
            .targets
            .iter()
            .filter_map(|target| {
                let scope = match target.scope {
                    TargetScope::Seller(s) => TargetScope::Seller(sellers_map[s]?),
                    TargetScope::Team(t) => TargetScope::Team(teams_map[t]?),
                    other => other,
                };
                Some(super::Target {
                    scope,
                    ..target.clone()
                })
            })
            .collect();
        strategy.reindex_sellers();
        (strategy, sellers_map)
    }

    /// Rebuilds the seller lookup after sellers were left out or renamed.
    pub(crate) fn reindex_sellers(&mut self) {
        self.index.sellers = self
            .sellers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRATEGY: &str = r#"
[currency]
base = "SEK"
[direction]
statement = "s"
positioning = "p"
[thresholds]
stale_after_days = 21
coverage_goal = 3.0
[[stages]]
id = "open"
name = "Open"
probability = 50
[[teams]]
id = "north"
name = "North"
manager = "ann"
[[teams]]
id = "south"
name = "South"
manager = "bo"
[[sellers]]
id = "ann"
name = "Ann"
team = "north"
[[sellers]]
id = "bo"
name = "Bo"
team = "south"
[[sellers]]
id = "cy"
name = "Cy"
team = "south"
[[targets]]
period = "2026"
revenue = 100
[[targets]]
period = "2026"
revenue = 10
seller = "ann"
[[targets]]
period = "2026"
revenue = 20
seller = "cy"
[[targets]]
period = "2026"
revenue = 30
team = "south"
"#;

    fn strategy() -> Strategy {
        let mut problems = crate::error::Problems::default();
        let parsed = crate::strategy::parse(
            std::path::Path::new("strategy.toml"),
            STRATEGY,
            &mut problems,
        );
        problems.into_result(parsed).ok().flatten().expect("valid")
    }

    #[test]
    fn keeps_the_sellers_their_teams_and_targets() {
        let (subset, map) = strategy().with_sellers(&[2]);
        assert_eq!(map, [None, None, Some(0)]);
        let sellers: Vec<(&str, usize)> = subset
            .sellers
            .iter()
            .map(|s| (s.id.as_str(), s.team))
            .collect();
        assert_eq!(sellers, [("cy", 0)]);
        assert_eq!(subset.teams.len(), 1);
        assert_eq!(subset.teams[0].id, "south");
        // Bo managed South and is left out.
        assert_eq!(subset.teams[0].manager, None);
        assert_eq!(subset.seller_index("cy"), Some(0));
        assert_eq!(subset.seller_index("ann"), None);
        let scopes: Vec<TargetScope> = subset.targets.iter().map(|t| t.scope).collect();
        // Ann's target goes; Cy's and South's are renumbered; the company's stays.
        assert_eq!(
            scopes,
            [
                TargetScope::Company,
                TargetScope::Seller(0),
                TargetScope::Team(0)
            ]
        );
    }
}
