//! The visitor's answers, and which questions they make visible.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Content, Question, QuestionKind, ShowIf, Subscale};

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

/// Answers by question id, and every answer chosen earlier in the visit.
/// Answers to unknown questions, or with unknown answer ids, are ignored by
/// scoring (never a panic).
///
/// The record of earlier choices is what keeps a risk answer in force after
/// it is taken back ([`crate::score::is_crisis`]): a visitor who changes
/// "Several days" back to "Not at all" still gets urgent help first and the
/// crisis numbers in the summary. It lives here, beside the answers, so no
/// caller can score the answers without it. It is in memory only, like the
/// answers, and cleared with them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    current: BTreeMap<String, Answer>,
    /// (question, answer id) for every answer ever chosen in this visit.
    chosen: BTreeSet<(String, String)>,
}

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.current.get(question)
    }

    /// Records an answer; what it replaces stays in the visit's record.
    pub fn set(&mut self, question: impl Into<String>, answer: Answer) {
        let question = question.into();
        for id in answer.chosen() {
            self.chosen.insert((question.clone(), id.to_string()));
        }
        self.current.insert(question, answer);
    }

    /// Records that `answer` was chosen for `question` earlier in the visit
    /// and since changed (storage and `signpost-check --score` restore it).
    pub fn note_earlier(&mut self, question: impl Into<String>, answer: impl Into<String>) {
        self.chosen.insert((question.into(), answer.into()));
    }

    /// The current answers, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.current.iter()
    }

    /// No current answer (a taken-back answer may still be recorded).
    pub fn is_empty(&self) -> bool {
        self.current.is_empty()
    }

    /// Every (question, answer id) chosen in the visit, current or not.
    pub fn ever_chosen(&self) -> impl Iterator<Item = (&str, &str)> {
        self.chosen.iter().map(|(q, a)| (q.as_str(), a.as_str()))
    }

    /// Answers chosen earlier and no longer chosen now.
    pub fn taken_back(&self) -> impl Iterator<Item = (&str, &str)> {
        self.ever_chosen()
            .filter(|(q, a)| !self.get(q).is_some_and(|now| now.includes(a)))
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
            let answer = if a == "-" {
                match answers.get(q) {
                    Some(earlier) => earlier.clone(),
                    None => Answer::Skipped,
                }
            } else if multi {
                let mut set = match answers.get(q) {
                    Some(Answer::Many(set)) => set.clone(),
                    _ => BTreeSet::new(),
                };
                set.insert(a.to_string());
                Answer::Many(set)
            } else {
                Answer::One(a.to_string())
            };
            answers.set(q, answer);
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
                Some(ShowIf { flag: Some(f), .. }) => {
                    self.subscale(&f.instrument, &f.subscale).is_some_and(|s| {
                        let sum: u32 = s
                            .items
                            .iter()
                            .filter_map(|i| self.item_value(i, answers, &visible))
                            .sum();
                        sum >= s.flag_at
                    })
                }
                Some(ShowIf {
                    question: Some(on),
                    any_of,
                    ..
                }) => {
                    visible.iter().any(|p| p.id == *on)
                        && answers
                            .get(on)
                            .is_some_and(|a| any_of.iter().any(|id| a.includes(id)))
                }
                Some(_) => false,
            };
            if shown {
                visible.push(q);
            }
        }
        visible
    }
}

impl Content {
    /// An instrument's subscale, by ids.
    pub fn subscale(&self, instrument: &str, subscale: &str) -> Option<&Subscale> {
        self.questionnaire
            .instruments
            .iter()
            .find(|i| i.id == instrument)?
            .subscales
            .iter()
            .find(|s| s.id == subscale)
    }

    /// The value of a scale item's answer, if it was asked (is in `asked`)
    /// and answered on its scale; "I'd rather not say" and skips have none.
    pub fn item_value(&self, item: &str, answers: &Answers, asked: &[&Question]) -> Option<u32> {
        let q = asked.iter().find(|q| q.id == item)?;
        let Some(Answer::One(a)) = answers.get(item) else {
            return None;
        };
        let scale = self.scale(q.scale.as_deref()?)?;
        scale.answers.iter().find(|s| &s.id == a).map(|s| s.value)
    }
}

/// Moving through the questionnaire, given the answers so far.
impl Content {
    /// The first question asked (before any answer).
    pub fn first_question(&self) -> Option<&Question> {
        self.next_question(None, &Answers::default())
    }

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
