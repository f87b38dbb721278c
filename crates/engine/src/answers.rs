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
}

/// Moving through the questionnaire, given the answers so far.
impl Content {
    /// The first question asked after `current` (or the first of all when
    /// `current` is `None`); `None` at the end.
    pub fn next_question<'c>(
        &'c self,
        current: Option<&str>,
        answers: &Answers,
    ) -> Option<&'c Question> {
        let visible = self.visible_questions(answers);
        match current {
            None => visible.first().copied(),
            Some(id) => {
                let order = |id: &str| self.questionnaire.questions.iter().position(|q| q.id == id);
                let at = order(id)?;
                visible
                    .into_iter()
                    .find(|q| order(&q.id).is_some_and(|i| i > at))
            }
        }
    }

    /// The last question asked before `current`; `None` at the start.
    pub fn previous_question<'c>(
        &'c self,
        current: &str,
        answers: &Answers,
    ) -> Option<&'c Question> {
        let order = |id: &str| self.questionnaire.questions.iter().position(|q| q.id == id);
        let at = order(current)?;
        self.visible_questions(answers)
            .into_iter()
            .rev()
            .find(|q| order(&q.id).is_some_and(|i| i < at))
    }

    /// "Question n of total" for `current`: its 1-based place among the
    /// questions asked, and how many are asked.
    pub fn progress(&self, current: &str, answers: &Answers) -> (usize, usize) {
        let visible = self.visible_questions(answers);
        let n = visible
            .iter()
            .position(|q| q.id == current)
            .map_or(0, |i| i + 1);
        (n, visible.len())
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    #[test]
    fn navigation_follows_the_conditions() {
        let c = crate::builtin().unwrap();
        let mut a = Answers::default();
        let first = c.next_question(None, &a).unwrap();
        assert_eq!(first.id, "concerns");
        // "duration" is asked only after a concern other than growth.
        a.set("concerns", Answer::Many(["growth".to_string()].into()));
        assert_eq!(c.next_question(Some("concerns"), &a).unwrap().id, "impact");
        assert_eq!(c.previous_question("impact", &a).unwrap().id, "concerns");
        assert_eq!(c.progress("impact", &a), (2, 12));
        a.set(
            "concerns",
            Answer::Many(["growth".to_string(), "grief".to_string()].into()),
        );
        assert_eq!(
            c.next_question(Some("concerns"), &a).unwrap().id,
            "duration"
        );
        assert_eq!(c.progress("impact", &a), (3, 13));
        assert_eq!(c.previous_question("concerns", &a), None);
        assert_eq!(c.next_question(Some("access"), &a), None);
        assert_eq!(c.next_question(Some("no_such"), &a), None);
    }
}
