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
    /// Takes out the prose no screen before the first question needs, for
    /// the browser's embedded English; the full text is put back from a
    /// file of its own ([`Content::restore_prose`]): every support option's
    /// page but urgent help's (its name stays, for lists), the helper
    /// page's and the audience pages' text (their crisis numbers come from
    /// the directory), and the results' reasons, band meanings and things
    /// to do now. Crisis words, questions, cautions, band labels and
    /// interface words all stay.
    pub fn defer_prose(&mut self) -> DeferredProse {
        let (texts, lists) = self.deferred_mut();
        DeferredProse {
            texts: texts.into_iter().map(std::mem::take).collect(),
            lists: lists.into_iter().map(std::mem::take).collect(),
        }
    }

    /// Puts back what [`Content::defer_prose`] took out of the same content.
    pub fn restore_prose(&mut self, prose: DeferredProse) -> Result<(), String> {
        let (texts, lists) = self.deferred_mut();
        if texts.len() != prose.texts.len() || lists.len() != prose.lists.len() {
            return Err("it is from another version of the guide".into());
        }
        for (t, p) in texts.into_iter().zip(prose.texts) {
            *t = p;
        }
        for (t, p) in lists.into_iter().zip(prose.lists) {
            *t = p;
        }
        Ok(())
    }

    /// The deferred texts, always in the same order.
    fn deferred_mut(&mut self) -> (Vec<&mut Text>, Vec<&mut TextList>) {
        let mut texts: Vec<&mut Text> = Vec::new();
        let mut lists: Vec<&mut TextList> = Vec::new();
        for o in self.options.iter_mut().filter(|o| !o.urgent) {
            texts.extend([
                &mut o.summary,
                &mut o.what,
                &mut o.good_for,
                &mut o.not_for,
                &mut o.length,
                &mut o.provider,
                &mut o.first_session,
                &mut o.privacy,
                &mut o.cost,
                &mut o.compare.focus,
                &mut o.compare.length,
                &mut o.compare.provider,
                &mut o.compare.cost,
                &mut o.compare.privacy,
            ]);
            texts.extend(o.schools.iter_mut().map(|s| &mut s.text));
            lists.push(&mut o.ask);
        }
        let qn = &mut self.questionnaire;
        let answers = qn.questions.iter_mut().flat_map(|q| q.answers.iter_mut());
        let weights = answers
            .flat_map(|a| a.weights.iter_mut())
            .chain(qn.rules.iter_mut().flat_map(|r| r.weights.iter_mut()));
        texts.extend(weights.map(|w| &mut w.reason));
        for i in &mut qn.instruments {
            texts.extend(i.bands.iter_mut().map(|b| &mut b.meaning));
            texts.extend(i.subscales.iter_mut().map(|s| &mut s.meaning));
        }
        for a in &mut qn.self_care {
            texts.extend([&mut a.title, &mut a.text]);
        }
        // The pages for someone helping another person and for under-18s:
        // their crisis numbers come from the directory and stay.
        for a in &mut self.audiences {
            texts.push(&mut a.summary);
            for s in &mut a.sections {
                texts.extend([&mut s.heading, &mut s.body]);
            }
        }
        let h = &mut self.helper;
        texts.extend([&mut h.intro, &mut h.overlap, &mut h.titles]);
        texts.extend(h.qualities.iter_mut().map(|q| &mut q.text));
        (texts, lists)
    }

    /// Whether the prose [`Content::defer_prose`] empties is missing.
    pub fn prose_deferred(&self) -> bool {
        self.options
            .iter()
            .any(|o| !o.urgent && o.what.0.values().all(String::is_empty))
    }

    /// Whether a question belongs to a follow-up: asked only after a
    /// screen's subscale flags (`show_if` a flag, or a question that is).
    pub fn is_follow_up(&self, q: &Question) -> bool {
        let mut at = q;
        // Bounded: a chain longer than the questionnaire is a cycle, which
        // the validator reports.
        for _ in 0..=self.questionnaire.questions.len() {
            match &at.show_if {
                None => return false,
                Some(s) if s.flag.is_some() => return true,
                Some(s) => match s.question.as_deref().and_then(|id| self.question(id)) {
                    Some(next) => at = next,
                    None => return false,
                },
            }
        }
        false
    }

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

/// The texts [`Content::defer_prose`] took out, in its order: English's
/// file in the browser ([`crate::compiled::prose_to_bytes`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeferredProse {
    pub texts: Vec<Text>,
    pub lists: Vec<TextList>,
}
