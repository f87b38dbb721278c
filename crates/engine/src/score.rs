//! Turning answers into suggestions: `score(content, answers) -> Outcome`.
//!
//! Each chosen answer adds its weights to support options; each screener
//! result can add more through rules, with cautions. The ranking is
//! deterministic: highest score first; ties go to the option listed earlier
//! in the content (which lists options from least to most intensive, so a
//! tie favours the least intensive support that fits, as stepped care does).
//! Options a rule holds back (`not_first`) come after all others. A risk
//! answer to the safety question puts urgent help first, whatever else.

use crate::answers::{Answer, Answers};
use crate::model::{
    Band, Content, Instrument, Question, QuestionKind, Subscale, SupportOption, Weight,
};
use crate::text::Text;
use crate::validate::Trigger;

/// The result of scoring. It borrows the content's texts, so computing it
/// costs no copies: views compute it in render rather than storing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'c> {
    /// A risk answer was given: urgent help leads, and the view keeps the
    /// crisis contacts on top.
    pub crisis: bool,
    /// Every support option, best first (urgent help only when `crisis`).
    pub ranked: Vec<Suggestion<'c>>,
    /// How many of `ranked` are the best fit (shown first); at least one
    /// when any option scored above zero or `crisis` is set.
    pub best: usize,
    pub instruments: Vec<InstrumentResult<'c>>,
    pub cautions: Vec<Caution<'c>>,
    /// Questions that were asked but skipped or not answered, in order.
    pub skipped: Vec<&'c str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'c> {
    pub option: &'c SupportOption,
    pub score: i32,
    /// Why: each answer or rule that moved this option, in questionnaire order.
    pub reasons: Vec<Reason<'c>>,
    /// A rule said this should not be the main suggestion right now.
    pub held_back: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source<'c> {
    Answer { question: &'c str, answer: &'c str },
    Rule { rule: &'c str },
    Safety { question: &'c str },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reason<'c> {
    pub source: Source<'c>,
    pub points: i32,
    pub text: &'c Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentResult<'c> {
    pub instrument: &'c Instrument,
    /// The total, only when every item was answered: a skipped item is
    /// never counted as 0.
    pub total: Option<u32>,
    /// The band the total falls in (`None` without a total).
    pub band: Option<&'c Band>,
    pub subscales: Vec<SubscaleResult<'c>>,
    /// Items not answered (skipped, or not reached).
    pub skipped: Vec<&'c str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SubscaleResult<'c> {
    pub subscale: &'c Subscale,
    /// Only when all its items were answered.
    pub score: Option<u32>,
    /// Score at or above the subscale's `flag_at`.
    pub flagged: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Caution<'c> {
    pub rule: &'c str,
    pub text: &'c Text,
}

/// Whether this answer to this question is a risk answer: any answer to the
/// safety question other than its safe one (unknown ids count as risk, so
/// a mistake fails safe). Exposed per answer so the view can show crisis
/// contacts the moment it is given.
pub fn is_risk_answer(content: &Content, question: &str, answer: &Answer) -> bool {
    let Some(q) = content.question(question).filter(|q| q.safety) else {
        return false;
    };
    let safe = q.safe_answer.as_deref().unwrap_or_default();
    answer.chosen().iter().any(|a| *a != safe)
}

/// Whether the answers include a risk answer.
pub fn is_crisis(content: &Content, answers: &Answers) -> bool {
    content
        .safety_question()
        .and_then(|q| {
            answers
                .get(&q.id)
                .map(|a| is_risk_answer(content, &q.id, a))
        })
        .unwrap_or(false)
}

/// Scores the answers against the content. Deterministic; never panics,
/// whatever the answers hold.
pub fn score<'c>(content: &'c Content, answers: &Answers) -> Outcome<'c> {
    let options = &content.options;
    let mut scores = vec![0i32; options.len()];
    let mut reasons: Vec<Vec<Reason<'c>>> = vec![Vec::new(); options.len()];
    let mut add = |w: &'c Weight, source: Source<'c>| {
        if let Some(i) = options.iter().position(|o| o.id == w.option) {
            scores[i] = scores[i].saturating_add(w.points);
            reasons[i].push(Reason {
                source,
                points: w.points,
                text: &w.reason,
            });
        }
    };

    let visible = content.visible_questions(answers);
    let mut skipped = Vec::new();
    for q in &visible {
        let answer = match answers.get(&q.id) {
            Some(a) if !a.is_empty() => a,
            _ => {
                skipped.push(q.id.as_str());
                continue;
            }
        };
        if q.kind == QuestionKind::Scale {
            continue; // scored through instruments and rules
        }
        for a in q.answers.iter().filter(|a| answer.includes(&a.id)) {
            for w in &a.weights {
                add(
                    w,
                    Source::Answer {
                        question: &q.id,
                        answer: &a.id,
                    },
                );
            }
        }
    }

    let instruments: Vec<InstrumentResult<'c>> = content
        .questionnaire
        .instruments
        .iter()
        .map(|i| instrument_result(content, i, answers, &visible))
        .collect();

    let mut cautions = Vec::new();
    let mut held_back: Vec<&str> = Vec::new();
    for rule in &content.questionnaire.rules {
        let applies = match Trigger::parse(&rule.when, content) {
            Ok(Trigger::Band { instrument, band }) => instruments
                .iter()
                .any(|r| r.instrument.id == instrument && r.band.is_some_and(|b| b.id == band)),
            Ok(Trigger::Flag {
                instrument,
                subscale,
            }) => instruments.iter().any(|r| {
                r.instrument.id == instrument
                    && r.subscales
                        .iter()
                        .any(|s| s.subscale.id == subscale && s.flagged)
            }),
            Err(_) => false,
        };
        if !applies {
            continue;
        }
        for w in &rule.weights {
            add(w, Source::Rule { rule: &rule.id });
        }
        if let Some(text) = &rule.caution {
            cautions.push(Caution {
                rule: &rule.id,
                text,
            });
        }
        held_back.extend(rule.not_first.iter().map(String::as_str));
    }

    let crisis = is_crisis(content, answers);
    let mut ranked: Vec<(usize, Suggestion<'c>)> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| !o.urgent)
        .map(|(i, o)| {
            let suggestion = Suggestion {
                option: o,
                score: scores[i],
                reasons: std::mem::take(&mut reasons[i]),
                held_back: held_back.contains(&o.id.as_str()),
            };
            (i, suggestion)
        })
        .collect();
    // Held-back options last; then highest score; then content order.
    ranked.sort_by_key(|(i, s)| (s.held_back, std::cmp::Reverse(s.score), *i));
    let mut ranked: Vec<Suggestion<'c>> = ranked.into_iter().map(|(_, s)| s).collect();

    // Best fit: the top option and any close to it (at least two thirds of
    // its score), at most three; never a held-back or non-positive one.
    let top = ranked.first().map_or(0, |s| s.score as i64);
    let mut best = ranked
        .iter()
        .take(3)
        .take_while(|s| !s.held_back && s.score > 0 && s.score as i64 * 3 >= top * 2)
        .count();

    if crisis && let Some((i, urgent)) = options.iter().enumerate().find(|(_, o)| o.urgent) {
        let mut urgent_reasons: Vec<Reason<'c>> = content
            .safety_question()
            .and_then(|q| {
                q.crisis_reason.as_ref().map(|text| Reason {
                    source: Source::Safety { question: &q.id },
                    points: 0,
                    text,
                })
            })
            .into_iter()
            .collect();
        urgent_reasons.append(&mut reasons[i]);
        ranked.insert(
            0,
            Suggestion {
                option: urgent,
                score: scores[i],
                reasons: urgent_reasons,
                held_back: false,
            },
        );
        best += 1;
    }

    Outcome {
        crisis,
        ranked,
        best,
        instruments,
        cautions,
        skipped,
    }
}

fn instrument_result<'c>(
    content: &'c Content,
    inst: &'c Instrument,
    answers: &Answers,
    visible: &[&'c Question],
) -> InstrumentResult<'c> {
    // The value of each item's answer, if it was asked and answered.
    let value = |item: &str| -> Option<u32> {
        let q = visible.iter().find(|q| q.id == item)?;
        let Some(Answer::One(a)) = answers.get(item) else {
            return None;
        };
        let scale = content.scale(q.scale.as_deref()?)?;
        scale.answers.iter().find(|s| &s.id == a).map(|s| s.value)
    };
    let values: Vec<Option<u32>> = inst.items.iter().map(|i| value(i)).collect();
    let skipped = inst
        .items
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(i, _)| i.as_str())
        .collect();
    let total = values
        .iter()
        .try_fold(0u32, |sum, v| v.map(|v| sum.saturating_add(v)));
    let band = total.and_then(|t| inst.bands.iter().find(|b| b.min <= t && t <= b.max));
    let subscales = inst
        .subscales
        .iter()
        .map(|s| {
            let score = s
                .items
                .iter()
                .try_fold(0u32, |sum, item| value(item).map(|v| sum.saturating_add(v)));
            SubscaleResult {
                subscale: s,
                score,
                flagged: score.is_some_and(|v| v >= s.flag_at),
            }
        })
        .collect();
    InstrumentResult {
        instrument: inst,
        total,
        band,
        subscales,
        skipped,
    }
}

impl<'c> Outcome<'c> {
    /// The best-fitting suggestions (shown first).
    pub fn best(&self) -> &[Suggestion<'c>] {
        &self.ranked[..self.best.min(self.ranked.len())]
    }

    /// The rest, still ranked.
    pub fn others(&self) -> &[Suggestion<'c>] {
        &self.ranked[self.best.min(self.ranked.len())..]
    }

    pub fn instrument(&self, id: &str) -> Option<&InstrumentResult<'c>> {
        self.instruments.iter().find(|i| i.instrument.id == id)
    }

    /// The suggestion for one option, wherever it ranks.
    pub fn suggestion(&self, option: &str) -> Option<&Suggestion<'c>> {
        self.ranked.iter().find(|s| s.option.id == option)
    }
}
