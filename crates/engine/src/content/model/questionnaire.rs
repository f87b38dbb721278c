//! The questions, their answers and conditions, the screeners and the
//! scoring rules.
//!
//! Long (about 440 lines) because rule conditions carry their TOML form
//! (`ConditionSpec`) and its conversion beside the typed `Condition`.

use super::*;

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
    /// Things to do now, shown in the results and the summary: the first
    /// [`SELF_CARE_SHOWN`] whose `when` holds, in this order.
    #[serde(default)]
    pub self_care: Vec<SelfCare>,
}

/// How many self-care actions the results show at most.
pub const SELF_CARE_SHOWN: usize = 3;

/// A self-care action, chosen from the answers (sleep, worry, low mood,
/// stress). Those without `when` apply to everyone; validation asks for at
/// least two, so every visitor gets two or three.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfCare {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    pub title: Text,
    pub text: Text,
    /// The self-help source it was written from (for reviewers; build.rs
    /// leaves it out of the browser's content).
    pub source: String,
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

/// When a question is asked: an earlier question got one of these answers
/// (`question` and `any_of`), or a screener's subscale is flagged (`flag`:
/// the follow-up offered after a positive short screen). Exactly one form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub any_of: Vec<String>,
    /// The instrument's subscale is flagged; every item of the instrument
    /// comes before this question.
    #[serde(default)]
    pub flag: Option<FlagTest>,
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
    #[serde(default, deserialize_with = "nested")]
    pub all: Option<Vec<Condition>>,
    #[serde(default, deserialize_with = "nested")]
    pub any: Option<Vec<Condition>>,
    #[serde(default, deserialize_with = "nested")]
    pub not: Option<Box<Condition>>,
}

/// Conditions deeper than this are refused while they are read, before
/// the reader's own recursion could run out of stack: a crafted content
/// file (a language `.bin` on the guide's host, a file given to the
/// studio) fails with a message instead of crashing the page. Both readers
/// keep it: compiled content's ([`crate::files::decode`]) and serde's
/// (TOML files, in the studio too). Well above
/// what the validator allows ([`crate::validate::MAX_CONDITION_DEPTH`]),
/// so valid content never meets it and the validator names the problem.
pub const MAX_DECODE_DEPTH: usize = 64;

std::thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Reads `all`, `any` or `not` one level deeper, or refuses past
/// [`MAX_DECODE_DEPTH`].
fn nested<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Level;
    impl Drop for Level {
        fn drop(&mut self) {
            DEPTH.set(DEPTH.get() - 1);
        }
    }
    if DEPTH.get() >= MAX_DECODE_DEPTH {
        return Err(serde::de::Error::custom("conditions nest too deep"));
    }
    DEPTH.set(DEPTH.get() + 1);
    let _level = Level;
    Option::<T>::deserialize(d)
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

impl ConditionSpec {
    /// The one test written, or `None` when there are none or several.
    /// Shared by serde's reader (TOML) and compiled content's.
    pub fn single(self) -> Option<Condition> {
        let mut found = [
            self.is.map(|t| Condition::Is {
                question: t.question,
                answer: t.answer,
            }),
            self.includes.map(|t| Condition::Includes {
                question: t.question,
                answer: t.answer,
            }),
            self.any_of.map(|t| Condition::AnyOf {
                question: t.question,
                answers: t.answers,
            }),
            self.band.map(|t| Condition::Band {
                instrument: t.instrument,
                band: t.band,
            }),
            self.flag.map(|t| Condition::Flag {
                instrument: t.instrument,
                subscale: t.subscale,
            }),
            self.not_completed.map(Condition::NotCompleted),
            self.risk.map(Condition::Risk),
            self.all.map(Condition::All),
            self.any.map(Condition::Any),
            self.not.map(Condition::Not),
        ]
        .into_iter()
        .flatten();
        match (found.next(), found.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    /// The keys of the tests written, for the message when not exactly one.
    fn keys(&self) -> Vec<&'static str> {
        [
            ("is", self.is.is_some()),
            ("includes", self.includes.is_some()),
            ("any_of", self.any_of.is_some()),
            ("band", self.band.is_some()),
            ("flag", self.flag.is_some()),
            ("not_completed", self.not_completed.is_some()),
            ("risk", self.risk.is_some()),
            ("all", self.all.is_some()),
            ("any", self.any.is_some()),
            ("not", self.not.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, present)| present.then_some(k))
        .collect()
    }
}

impl TryFrom<ConditionSpec> for Condition {
    type Error = String;

    fn try_from(s: ConditionSpec) -> Result<Condition, String> {
        let keys = s.keys();
        s.single().ok_or_else(|| {
            format!(
                "a condition names exactly one test (is, includes, any_of, band, flag, not_completed, risk, all, any or not); this one names {}",
                if keys.is_empty() {
                    "none".to_string()
                } else {
                    keys.join(" and ")
                }
            )
        })
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
