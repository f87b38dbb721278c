//! The content model: what the guide says and asks, and how answers count.
//!
//! These types mirror the content files (`content/*.toml`, documented in
//! `content/README.md`) one to one. Unknown keys are errors, so a typo in a
//! clinic's file is reported instead of silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{Text, TextList};

/// The content format this engine reads. Bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the guide says and asks, validated (see [`crate::load`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub schema_version: u32,
    /// Locale tags every text must be written in.
    pub locales: Vec<String>,
    /// Words of the interface itself (buttons, headings), by key.
    pub ui: BTreeMap<String, Text>,
    /// The kinds of support, listed from least to most intensive; ties in
    /// the ranking go to the earlier one.
    pub options: Vec<SupportOption>,
    /// What matters in any helper, and how counselling and psychotherapy overlap.
    pub helper: HelperPage,
    /// Pages for people looking for help for someone else, and for under-18s.
    pub audiences: Vec<AudiencePage>,
    pub questionnaire: Questionnaire,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportOption {
    pub id: String,
    /// The crisis option: first in the ranking when a risk answer is given,
    /// and never ranked otherwise.
    #[serde(default)]
    pub urgent: bool,
    pub name: Text,
    pub summary: Text,
    pub what: Text,
    pub good_for: Text,
    pub not_for: Text,
    pub length: Text,
    pub provider: Text,
    pub first_session: Text,
    pub privacy: Text,
    pub cost: Text,
    /// Questions worth asking a provider.
    pub ask: TextList,
    /// Schools or kinds within this option (psychotherapy's CBT, ...).
    #[serde(default)]
    pub schools: Vec<School>,
    /// Short cells for the side-by-side comparison.
    pub compare: Compare,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct School {
    pub id: String,
    pub name: Text,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Compare {
    pub focus: Text,
    pub length: Text,
    pub provider: Text,
    pub cost: Text,
    pub privacy: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelperPage {
    pub title: Text,
    pub intro: Text,
    pub qualities: Vec<Quality>,
    /// The honest note that counselling and psychotherapy overlap.
    pub overlap: Text,
    /// Titles and registers differ by country.
    pub titles: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quality {
    pub id: String,
    pub name: Text,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AudiencePage {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Text,
    pub body: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub title: Text,
    /// Says who the questionnaire is for (an adult answering for themselves).
    pub intro: Text,
    #[serde(default)]
    pub scales: Vec<Scale>,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub instruments: Vec<Instrument>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A shared, ordered answer set (the PHQ's "Not at all" ... "Nearly every day").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub answers: Vec<ScaleAnswer>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScaleAnswer {
    pub id: String,
    pub value: u32,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One answer (radio buttons).
    Single,
    /// Any number of answers (checkboxes).
    Multi,
    /// One answer from a shared [`Scale`] (a radio group with values).
    Scale,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// Whether the visitor may skip it.
    #[serde(default)]
    pub optional: bool,
    pub text: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    /// For `kind = "scale"`: the scale's id.
    #[serde(default)]
    pub scale: Option<String>,
    /// For `single` and `multi`: the answers, in display order.
    #[serde(default)]
    pub answers: Vec<AnswerOption>,
    /// Ask this only when an earlier question got one of some answers.
    #[serde(default)]
    pub show_if: Option<Condition>,
    /// The safety question: any answer but `safe_answer` means crisis.
    #[serde(default)]
    pub safety: bool,
    #[serde(default)]
    pub safe_answer: Option<String>,
    /// For the safety question: why urgent help now leads the results.
    #[serde(default)]
    pub crisis_reason: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub weights: Vec<Weight>,
}

/// A contribution to a support option's score, with the reason shown to
/// the visitor ("why this was suggested").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weight {
    pub option: String,
    pub points: i32,
    pub reason: Text,
}

/// Weights are small integers so a clinic can reason about them.
pub const POINTS_RANGE: std::ops::RangeInclusive<i32> = -10..=10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}

/// A scored screener made of scale questions (the PHQ-4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub name: Text,
    /// The instruction every item shares ("Over the last 2 weeks ...").
    pub stem: Text,
    pub attribution: Text,
    /// The question ids of its items, in order.
    pub items: Vec<String>,
    /// Bands over the total; together they must cover every possible total
    /// exactly once.
    pub bands: Vec<Band>,
    #[serde(default)]
    pub subscales: Vec<Subscale>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub min: u32,
    pub max: u32,
    pub label: Text,
    pub meaning: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    pub id: String,
    pub name: Text,
    pub items: Vec<String>,
    /// Flagged (worth further assessment) at this score or more.
    pub flag_at: u32,
    pub meaning: Text,
}

/// Scoring that depends on a screener's result rather than one answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// `"<instrument>.band.<band>"` or `"<instrument>.flag.<subscale>"`.
    pub when: String,
    #[serde(default)]
    pub weights: Vec<Weight>,
    #[serde(default)]
    pub caution: Option<Text>,
    /// Options that must not be suggested first while this rule applies.
    #[serde(default)]
    pub not_first: Vec<String>,
}

impl Instrument {
    /// The highest total its bands cover (validation makes that the
    /// highest possible total).
    pub fn max_total(&self) -> u32 {
        self.bands.iter().map(|b| b.max).max().unwrap_or(0)
    }
}

impl Content {
    pub fn option(&self, id: &str) -> Option<&SupportOption> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questionnaire.questions.iter().find(|q| q.id == id)
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.questionnaire.scales.iter().find(|s| s.id == id)
    }

    /// The instrument a question is an item of, if any.
    pub fn instrument_of(&self, question: &str) -> Option<&Instrument> {
        self.questionnaire
            .instruments
            .iter()
            .find(|i| i.items.iter().any(|q| q == question))
    }

    /// The interface text for `key` (empty if the key is unknown; the
    /// checker reports missing keys, see [`crate::UI_KEYS`]).
    pub fn ui(&self, key: &str) -> &Text {
        static EMPTY: Text = Text(BTreeMap::new());
        self.ui.get(key).unwrap_or(&EMPTY)
    }

    /// The safety question (validation guarantees exactly one).
    pub fn safety_question(&self) -> Option<&Question> {
        self.questionnaire.questions.iter().find(|q| q.safety)
    }
}

/// One answer choice as the view shows it, whichever kind of question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice<'c> {
    pub id: &'c str,
    pub label: &'c Text,
    /// The scale value, for scale questions.
    pub value: Option<u32>,
}

impl Question {
    /// The answer choices in display order: the question's own, or its scale's.
    pub fn choices<'c>(&'c self, content: &'c Content) -> Vec<Choice<'c>> {
        match self.kind {
            QuestionKind::Scale => self
                .scale
                .as_deref()
                .and_then(|s| content.scale(s))
                .map(|s| {
                    s.answers
                        .iter()
                        .map(|a| Choice {
                            id: &a.id,
                            label: &a.label,
                            value: Some(a.value),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            QuestionKind::Single | QuestionKind::Multi => self
                .answers
                .iter()
                .map(|a| Choice {
                    id: &a.id,
                    label: &a.label,
                    value: None,
                })
                .collect(),
        }
    }

    pub fn answer(&self, id: &str) -> Option<&AnswerOption> {
        self.answers.iter().find(|a| a.id == id)
    }
}
