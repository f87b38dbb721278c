//! The content model: what the guide says and asks, and how answers count.
//!
//! These types mirror the content files (`content/*.toml`, documented in
//! `content/README.md`) one to one. Unknown keys are errors, so a typo in a
//! clinic's file is reported instead of silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{Text, TextList};
use crate::ui_keys::Ui;

/// The content format this engine reads. Bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 3;

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
    /// What the suggestions must never do, each proven over every answer
    /// set when the content loads (see [`crate::prove`]).
    pub safeguards: Vec<Safeguard>,
    /// Emergency numbers and crisis lines by country (see
    /// [`crate::directory`]). This and the next two are not in compiled
    /// content: the browser fetches the directory as a file of its own, so
    /// the content decoder in its download never reads them
    /// ([`crate::compiled::directory_to_bytes`] keeps them for native use).
    #[serde(skip)]
    pub crisis_directory: Vec<CountryEntry>,
    /// The emergency number of every country and territory, by source
    /// (`content/emergency.toml`); a [`CountryEntry`]'s own come first.
    #[serde(skip)]
    pub emergency_numbers: Vec<EmergencySource>,
    /// What any mobile phone dials anywhere when a country's own number is
    /// not known.
    pub mobile_emergency: Option<EmergencyNumber>,
    /// IANA time zones by country, space-separated, for finding the
    /// visitor's country on the device (`content/time-zones.toml`,
    /// generated from the tz database).
    #[serde(skip)]
    pub time_zones: BTreeMap<String, String>,
}

/// The directory's parts of [`Content`], which compiled content leaves out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectoryParts {
    pub crisis_directory: Vec<CountryEntry>,
    pub emergency_numbers: Vec<EmergencySource>,
    pub time_zones: BTreeMap<String, String>,
}

/// Emergency numbers for many countries, all confirmed on one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencySource {
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
    /// Country code -> its numbers as dialled there: `"112"`, or several
    /// with their service, `"police:100 ambulance:102"`.
    pub numbers: BTreeMap<String, String>,
}

/// Which emergency service a number reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Every emergency service.
    #[default]
    General,
    Police,
    Ambulance,
}

/// Who a crisis line is for (the view names each in the visitor's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Everyone,
    Young,
    Lgbtq,
    Veterans,
    Women,
}

/// One country's emergency numbers and crisis lines, each with the page it
/// was confirmed on and the date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-2, upper case ("GB"). Its name comes from the
    /// visitor's browser, in their language (`Intl.DisplayNames`).
    pub country: String,
    /// Its emergency numbers, each confirmed on its own page; without them
    /// the country's numbers in `emergency_numbers` stand.
    #[serde(default)]
    pub emergency: Vec<EmergencyNumber>,
    #[serde(default)]
    pub lines: Vec<CrisisLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    /// As dialled in the country ("999").
    pub number: String,
    /// What it reaches, where a country has several.
    #[serde(default)]
    pub service: Service,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub id: String,
    /// The service's own name, as it writes it (what a caller hears).
    pub name: String,
    /// To call, as dialled in the country.
    #[serde(default)]
    pub phone: Option<String>,
    /// To text.
    #[serde(default)]
    pub sms: Option<String>,
    /// The word the service asks the first text to say ("SHOUT").
    #[serde(default)]
    pub sms_body: Option<String>,
    /// Its web chat (an https page of the service's own).
    #[serde(default)]
    pub chat: Option<String>,
    /// When it answers, local time: `"24/7"` or `"Mo-Fr 09:00-21:00; Sa
    /// 10:00-14:00"` (crate::hours). Omitted where the service's own page
    /// does not say: a confirmed crisis number is shown without hours
    /// rather than left out.
    #[serde(default)]
    pub hours: Option<String>,
    /// Languages served, as language tags.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who it is for; young people's lines come first on the pages for
    /// under-18s.
    pub audience: Vec<Audience>,
    /// A line for people in danger from someone: domestic abuse, sexual or
    /// other violence. Listed first after a risk answer that says so.
    #[serde(default)]
    pub abuse: bool,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
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
    /// For `single` and `multi`: the answers, in display order. For
    /// `scale`: answers shown after the scale's, outside it (no value, no
    /// weights), such as a safety question's "I'd rather not say".
    #[serde(default)]
    pub answers: Vec<AnswerOption>,
    /// A gentle lead-in shown before the question ("we ask everyone this").
    #[serde(default)]
    pub lead: Option<Text>,
    /// Audience pages (by id) linked from this question, for visitors it is
    /// not meant for (someone helping another person, under-18s).
    #[serde(default)]
    pub links: Vec<String>,
    /// Ask this only when an earlier question got one of some answers.
    #[serde(default)]
    pub show_if: Option<ShowIf>,
    /// A safety (risk) question: any answer but `safe_answer` means crisis.
    #[serde(default)]
    pub safety: bool,
    #[serde(default)]
    pub safe_answer: Option<String>,
    /// For the safety question: why urgent help now leads the results.
    #[serde(default)]
    pub crisis_reason: Option<Text>,
    /// For the safety question: what the crisis panel says after a risk
    /// answer to it (the interface's `crisis_text` otherwise).
    #[serde(default)]
    pub crisis_text: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub weights: Vec<Weight>,
    /// On a safety question: why urgent help leads after this answer, in
    /// its own words (the question's `crisis_reason` otherwise).
    #[serde(default)]
    pub crisis_reason: Option<Text>,
    /// On a safety question: what the crisis panel says after this answer
    /// (the question's `crisis_text` otherwise).
    #[serde(default)]
    pub crisis_text: Option<Text>,
    /// On a safety question: list the directory's abuse and violence lines
    /// first after this answer (someone may hurt the visitor).
    #[serde(default)]
    pub abuse_lines_first: bool,
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

/// When a question is asked: an earlier question got one of these answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub question: String,
    pub any_of: Vec<String>,
}

/// A test on the visitor's answers, typed when the content is read and
/// checked by the validator, so scoring never parses anything.
///
/// In TOML, one key names the test: `{ is = { question = "impact", answer
/// = "severe" } }`, `{ band = { instrument = "phq4", band = "severe" } }`,
/// `{ not_completed = "phq4" }`, `{ risk = true }`, `{ any = [ ... ] }`.
/// A question that was not asked has no answer, so `is`, `includes` and
/// `any_of` are false for it.
impl Condition {
    /// Holds for every answer set (a safeguard's `when` left out).
    pub fn always() -> Condition {
        Condition::All(Vec::new())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(try_from = "ConditionSpec", into = "ConditionSpec")]
pub enum Condition {
    /// A single-choice or scale question got this answer.
    Is {
        question: String,
        answer: String,
    },
    /// A multiple-choice question's answers include this one.
    Includes {
        question: String,
        answer: String,
    },
    /// Any of the question's chosen answers is one of these.
    AnyOf {
        question: String,
        answers: Vec<String>,
    },
    /// The instrument was completed and its total is in this band.
    Band {
        instrument: String,
        band: String,
    },
    /// The instrument's subscale was completed and is flagged.
    Flag {
        instrument: String,
        subscale: String,
    },
    /// Some item of this instrument was skipped or not reached, so it has
    /// no total.
    NotCompleted(String),
    /// `true`: a risk answer was given to a safety question; `false`: none was.
    Risk(bool),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// How a [`Condition`] is written: a table with exactly one of these keys.
/// (The TOML reader takes enums only from strings, hence this shape; the
/// content keeps the typed [`Condition`].)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    /// A single-choice or scale question got this answer.
    #[serde(default)]
    pub is: Option<AnswerTest>,
    /// A multiple-choice question's answers include this one.
    #[serde(default)]
    pub includes: Option<AnswerTest>,
    /// Any of the question's chosen answers is one of these.
    #[serde(default)]
    pub any_of: Option<AnswersTest>,
    /// The instrument was completed and its total is in this band.
    #[serde(default)]
    pub band: Option<BandTest>,
    /// The instrument's subscale was completed and is flagged.
    #[serde(default)]
    pub flag: Option<FlagTest>,
    /// An instrument id: some item was skipped or not reached.
    #[serde(default)]
    pub not_completed: Option<String>,
    /// `true`: a risk answer was given; `false`: none was.
    #[serde(default)]
    pub risk: Option<bool>,
    #[serde(default)]
    pub all: Option<Vec<Condition>>,
    #[serde(default)]
    pub any: Option<Vec<Condition>>,
    #[serde(default)]
    pub not: Option<Box<Condition>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerTest {
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswersTest {
    pub question: String,
    pub answers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandTest {
    pub instrument: String,
    pub band: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlagTest {
    pub instrument: String,
    pub subscale: String,
}

impl TryFrom<ConditionSpec> for Condition {
    type Error = String;

    fn try_from(s: ConditionSpec) -> Result<Condition, String> {
        let mut found: Vec<(&str, Condition)> = Vec::new();
        if let Some(t) = s.is {
            found.push((
                "is",
                Condition::Is {
                    question: t.question,
                    answer: t.answer,
                },
            ));
        }
        if let Some(t) = s.includes {
            found.push((
                "includes",
                Condition::Includes {
                    question: t.question,
                    answer: t.answer,
                },
            ));
        }
        if let Some(t) = s.any_of {
            found.push((
                "any_of",
                Condition::AnyOf {
                    question: t.question,
                    answers: t.answers,
                },
            ));
        }
        if let Some(t) = s.band {
            found.push((
                "band",
                Condition::Band {
                    instrument: t.instrument,
                    band: t.band,
                },
            ));
        }
        if let Some(t) = s.flag {
            found.push((
                "flag",
                Condition::Flag {
                    instrument: t.instrument,
                    subscale: t.subscale,
                },
            ));
        }
        if let Some(i) = s.not_completed {
            found.push(("not_completed", Condition::NotCompleted(i)));
        }
        if let Some(r) = s.risk {
            found.push(("risk", Condition::Risk(r)));
        }
        if let Some(l) = s.all {
            found.push(("all", Condition::All(l)));
        }
        if let Some(l) = s.any {
            found.push(("any", Condition::Any(l)));
        }
        if let Some(c) = s.not {
            found.push(("not", Condition::Not(c)));
        }
        if found.len() == 1 {
            return Ok(found.remove(0).1);
        }
        let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        Err(format!(
            "a condition names exactly one test (is, includes, any_of, band, flag, not_completed, risk, all, any or not); this one names {}",
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.join(" and ")
            }
        ))
    }
}

impl From<Condition> for ConditionSpec {
    fn from(c: Condition) -> ConditionSpec {
        let mut s = ConditionSpec::default();
        match c {
            Condition::Is { question, answer } => s.is = Some(AnswerTest { question, answer }),
            Condition::Includes { question, answer } => {
                s.includes = Some(AnswerTest { question, answer })
            }
            Condition::AnyOf { question, answers } => {
                s.any_of = Some(AnswersTest { question, answers })
            }
            Condition::Band { instrument, band } => s.band = Some(BandTest { instrument, band }),
            Condition::Flag {
                instrument,
                subscale,
            } => {
                s.flag = Some(FlagTest {
                    instrument,
                    subscale,
                })
            }
            Condition::NotCompleted(i) => s.not_completed = Some(i),
            Condition::Risk(r) => s.risk = Some(r),
            Condition::All(l) => s.all = Some(l),
            Condition::Any(l) => s.any = Some(l),
            Condition::Not(c) => s.not = Some(c),
        }
        s
    }
}

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

/// Scoring that applies while a condition holds: on a screener's result,
/// on any answers, on a risk answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    #[serde(default)]
    pub weights: Vec<Weight>,
    /// Shown with the results while the rule applies.
    #[serde(default)]
    pub caution: Option<Text>,
    /// Options that must not be the first suggestion while this applies.
    #[serde(default)]
    pub hold_back: Vec<String>,
    /// Options kept out of the best suggestions while this applies (the
    /// rule's caution tells the visitor why).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The best suggestions must include one of these: if none is there,
    /// the highest-ranked of them joins them.
    #[serde(default)]
    pub require_one_of: Vec<String>,
}

impl SupportOption {
    /// Its prose fields with their keys, in page order (what the validator
    /// requires in every locale and the readability report reads).
    pub fn prose(&self) -> [(&'static str, &Text); 10] {
        [
            ("name", &self.name),
            ("summary", &self.summary),
            ("what", &self.what),
            ("good_for", &self.good_for),
            ("not_for", &self.not_for),
            ("length", &self.length),
            ("provider", &self.provider),
            ("first_session", &self.first_session),
            ("privacy", &self.privacy),
            ("cost", &self.cost),
        ]
    }
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

    /// Where an option stands in `options` (the order ranking ties follow).
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
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

    /// The interface text for `key` (validation guarantees every [`Ui`]
    /// key is present; unchecked content gets an empty text, never a panic).
    pub fn ui(&self, key: Ui) -> &Text {
        static EMPTY: Text = Text(BTreeMap::new());
        self.ui.get(key.key()).unwrap_or(&EMPTY)
    }

    /// The first question asked (before any answer).
    pub fn first_question(&self) -> Option<&Question> {
        self.next_question(None, &crate::Answers::default())
    }

    /// The safety (risk) questions (validation guarantees at least one).
    pub fn safety_questions(&self) -> impl Iterator<Item = &Question> {
        self.questionnaire.questions.iter().filter(|q| q.safety)
    }

    /// The one crisis option (validation guarantees exactly one).
    pub fn urgent_option(&self) -> Option<&SupportOption> {
        self.options.iter().find(|o| o.urgent)
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.questionnaire.instruments.iter().find(|i| i.id == id)
    }

    pub fn audience(&self, id: &str) -> Option<&AudiencePage> {
        self.audiences.iter().find(|a| a.id == id)
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
    /// The answer choices in display order: the question's own, or its
    /// scale's followed by the question's own (unscored) ones.
    pub fn choices<'c>(&'c self, content: &'c Content) -> Vec<Choice<'c>> {
        let own = self.answers.iter().map(|a| Choice {
            id: &a.id,
            label: &a.label,
            value: None,
        });
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
                        .chain(own)
                        .collect()
                })
                .unwrap_or_default(),
            QuestionKind::Single | QuestionKind::Multi => own.collect(),
        }
    }

    pub fn answer(&self, id: &str) -> Option<&AnswerOption> {
        self.answers.iter().find(|a| a.id == id)
    }
}
