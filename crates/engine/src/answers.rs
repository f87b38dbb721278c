//! The visitor's answers, and which questions they make visible.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Content, Question, QuestionKind};

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The id of the chosen answer (single-choice and scale questions).
    One(String),
    /// The ids of every chosen answer (multiple-choice questions).
    Many(BTreeSet<String>),
    /// The visitor chose to skip this (optional) question.
    Skipped,
}

impl Answer {
    /// Whether answer `id` is among those chosen.
    pub fn includes(&self, id: &str) -> bool {
        match self {
            Answer::One(a) => a == id,
            Answer::Many(set) => set.contains(id),
            Answer::Skipped => false,
        }
    }

    /// Every chosen answer id.
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answer::One(a) => vec![a.as_str()],
            Answer::Many(set) => set.iter().map(String::as_str).collect(),
            Answer::Skipped => Vec::new(),
        }
    }

    /// True when nothing was chosen (skipped, or an empty multiple choice).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::One(_) => false,
            Answer::Many(set) => set.is_empty(),
            Answer::Skipped => true,
        }
    }
}

/// Answers by question id. Answers to unknown questions, or with unknown
/// answer ids, are ignored by scoring (never a panic).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    pub fn set(&mut self, question: impl Into<String>, answer: Answer) {
        self.0.insert(question.into(), answer);
    }

    /// Convenience for tests and tools: `("duration", "weeks")` pairs, with
    /// several pairs for one multiple-choice question merged.
    pub fn from_pairs<'a>(
        content: &Content,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Answers {
        let mut answers = Answers::default();
        for (q, a) in pairs {
            let multi = content
                .question(q)
                .is_some_and(|q| q.kind == QuestionKind::Multi);
            let entry = answers.0.entry(q.to_string());
            if a == "-" {
                entry.or_insert(Answer::Skipped);
            } else if multi {
                let e = entry.or_insert_with(|| Answer::Many(BTreeSet::new()));
                if let Answer::Many(set) = e {
                    set.insert(a.to_string());
                }
            } else {
                *entry.or_insert(Answer::Skipped) = Answer::One(a.to_string());
            }
        }
        answers
    }
}

impl Content {
    /// The questions asked, in order, given the answers so far: a question
    /// with a condition is asked when the earlier question it names was
    /// asked and got one of the listed answers. One forward pass, so even
    /// malformed content (a later or circular reference) cannot recurse: it
    /// simply hides the question.
    pub fn visible_questions<'c>(&'c self, answers: &Answers) -> Vec<&'c Question> {
        let mut visible: Vec<&Question> = Vec::new();
        for q in &self.questionnaire.questions {
            let shown = match &q.show_if {
                None => true,
                Some(cond) => {
                    visible.iter().any(|p| p.id == cond.question)
                        && answers
                            .get(&cond.question)
                            .is_some_and(|a| cond.any_of.iter().any(|id| a.includes(id)))
                }
            };
            if shown {
                visible.push(q);
            }
        }
        visible
    }

    /// Whether the question with this id is asked, given the answers so far.
    pub fn is_visible(&self, question: &str, answers: &Answers) -> bool {
        self.visible_questions(answers)
            .iter()
            .any(|q| q.id == question)
    }
}
