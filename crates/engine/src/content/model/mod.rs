//! The content model: what the guide says and asks, and how answers count.
//!
//! These types mirror the content files (`content/*.toml`, documented in
//! `content/README.md`) one to one. Unknown keys are errors, so a typo in a
//! clinic's file is reported instead of silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{Text, TextList};
use crate::ui_keys::Ui;

mod directory;
mod pages;
mod questionnaire;
mod safeguards;

pub use directory::*;
pub use pages::*;
pub use questionnaire::*;
pub use safeguards::*;

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
