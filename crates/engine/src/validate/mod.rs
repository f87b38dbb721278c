//! Semantic checks on parsed content: every reference resolves, every text
//! exists in every locale, ids are unique, bands cover every total exactly
//! once, and the safety question and the crisis option exist.

use std::collections::{BTreeMap, BTreeSet};

use crate::Locale;
use crate::model::*;
use crate::problem::Problems;
use crate::text::{Text, TextList};
use crate::ui_keys::Ui;

mod directory;
mod pages;
mod questionnaire;
mod rules;
mod screeners;

/// At most this many questions everyone may be asked: the questionnaire
/// promises about three minutes.
pub const MAX_QUESTIONS: usize = 13;
/// At most this many questions in follow-ups (asked only after a screen's
/// subscale flags, and only if the visitor takes the offer).
pub const MAX_FOLLOW_UP_QUESTIONS: usize = 13;
pub use crate::content::limits::MAX_MULTI_ANSWERS;
/// Conditions nest at most this deep: enough for any clinical rule, and it
/// keeps evaluation's recursion shallow.
pub const MAX_CONDITION_DEPTH: usize = 8;

/// Checks parsed content; returns it when valid, else every problem found.
pub fn validate(c: Content) -> Result<Content, Problems> {
    let mut problems = Problems::default();
    let mut v = Validator {
        locales: c.locales.clone(),
        problems: &mut problems,
    };
    v.locales(&c);
    v.ui(&c.ui);
    v.options(&c.options);
    v.helper(&c.helper);
    v.audiences(&c.audiences);
    v.questionnaire(&c);
    v.safeguards(&c);
    v.directory(&c);
    if problems.is_empty() {
        Ok(c)
    } else {
        Err(problems)
    }
}

struct Validator<'p> {
    locales: Vec<String>,
    problems: &'p mut Problems,
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Validator<'_> {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(path, message);
    }

    fn locales(&mut self, c: &Content) {
        if c.schema_version != SCHEMA_VERSION {
            self.err(
                "schema_version",
                format!(
                    "version {} is not supported; this guide reads version {SCHEMA_VERSION}",
                    c.schema_version
                ),
            );
        }
        if c.locales.is_empty() {
            self.err(
                "locales",
                "list at least one locale, such as [\"en\", \"es\"]",
            );
        }
        let mut seen = BTreeSet::new();
        for (i, l) in c.locales.iter().enumerate() {
            if !Locale::ALL.iter().any(|s| s.tag() == l) {
                let supported: Vec<_> = Locale::ALL.iter().map(|l| l.tag()).collect();
                self.err(
                    format!("locales[{i}]"),
                    format!(
                        "unknown locale \"{l}\"; the guide is written for {}",
                        supported.join(", ")
                    ),
                );
            }
            if !seen.insert(l) {
                self.err(format!("locales[{i}]"), format!("duplicate locale \"{l}\""));
            }
        }
    }

    fn text(&mut self, path: &str, t: &Text) {
        for l in &self.locales.clone() {
            match t.0.get(l) {
                None => self.err(path, format!("missing {} ({l}) text", language_name(l))),
                Some(s) if s.trim().is_empty() => self.err(
                    path,
                    format!("the {} ({l}) text is empty", language_name(l)),
                ),
                Some(_) => {}
            }
        }
        for k in t.0.keys() {
            if !self.locales.contains(k) {
                self.err(
                    format!("{path}.{k}"),
                    format!("text in \"{k}\", which is not in `locales`"),
                );
            }
        }
    }

    fn text_list(&mut self, path: &str, t: &TextList) {
        for l in &self.locales.clone() {
            match t.0.get(l) {
                None => self.err(path, format!("missing {} ({l}) list", language_name(l))),
                Some(items) if items.is_empty() => self.err(
                    path,
                    format!("the {} ({l}) list is empty", language_name(l)),
                ),
                Some(items) => {
                    for (i, s) in items.iter().enumerate() {
                        if s.trim().is_empty() {
                            self.err(format!("{path}.{l}[{i}]"), "empty item");
                        }
                    }
                }
            }
        }
        for k in t.0.keys() {
            if !self.locales.contains(k) {
                self.err(
                    format!("{path}.{k}"),
                    format!("list in \"{k}\", which is not in `locales`"),
                );
            }
        }
    }

    /// Ids must be unique within their list and spelt `lower_snake_case`.
    fn ids<'a>(&mut self, path: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !is_id(id) {
                self.err(
                    format!("{path}[{i}].id"),
                    format!("\"{id}\" is not a valid id: use lowercase letters, digits and _"),
                );
            }
            if !seen.insert(id) {
                self.err(format!("{path}[{i}].id"), format!("duplicate id \"{id}\""));
            }
        }
    }

    fn ui(&mut self, ui: &BTreeMap<String, Text>) {
        for key in Ui::ALL.iter().map(|u| u.key()) {
            if !ui.contains_key(key) {
                self.err(format!("ui.{key}"), "missing interface text");
            }
        }
        for (key, t) in ui {
            if !Ui::ALL.iter().any(|u| u.key() == key) {
                self.err(format!("ui.{key}"), "unknown interface text key (a typo?)");
            }
            self.text(&format!("ui.{key}"), t);
        }
    }
}

fn language_name(tag: &str) -> &'static str {
    match tag {
        "en" => "English",
        "es" => "Spanish",
        _ => "the",
    }
}
