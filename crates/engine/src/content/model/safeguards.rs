//! The clinical safeguards, proven over every answer set.

use super::*;

/// What the best set must look like whenever a condition holds: a clinical
/// promise, proven over every reachable answer set at build time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Safeguard {
    pub id: String,
    /// Where the promise applies; every answer set when left out.
    #[serde(default = "Condition::always")]
    pub when: Condition,
    /// None of these is ever the first suggestion.
    #[serde(default)]
    pub never_leads: Vec<String>,
    /// None of these is ever among the best suggestions.
    #[serde(default)]
    pub never_best: Vec<String>,
    /// The best suggestions always include at least one of these.
    #[serde(default)]
    pub best_includes_one_of: Vec<String>,
    /// The first suggestion is always one of these.
    #[serde(default)]
    pub leads_with_one_of: Vec<String>,
    /// Answering a skipped optional question, whatever the answer, never
    /// lifts a hold-back, an exclusion or a required set that applied while
    /// it was skipped (for the answer sets where `when` holds with it
    /// skipped): answering more never makes the suggestions less careful.
    #[serde(default)]
    pub answering_keeps_restrictions: bool,
    /// Skipping an optional question keeps every hold-back, exclusion and
    /// required set that every answer to it would bring (for the answer
    /// sets where `when` holds with it skipped): a skip is never less
    /// careful than the answers could all be.
    #[serde(default)]
    pub skipping_keeps_restrictions: bool,
    /// Why, in plain words, for clinicians and clinic staff.
    pub rationale: Text,
    /// The clinical source it was written from.
    pub source: String,
}
