//! Answers grouped into classes that every rule and safeguard treats alike,
//! and the control states and sets the walk carries.

use super::*;

/// Raw answers of one question that no rule, safeguard or `show_if` can
/// tell apart.
#[derive(Clone)]
pub(super) struct Class {
    pub(super) weights: Vec<i32>,
    pub(super) tests: u128,
    pub(super) risk: bool,
    pub(super) value: Option<u32>,
    pub(super) count: u128,
    /// Index of one of its raw answers (see [`raw_answer`]).
    pub(super) rep: usize,
    /// The skip of an optional question is among its raw answers.
    pub(super) skip: bool,
    /// An answer is among its raw answers (a skip can share a class with
    /// an answer no test tells from it, such as an offer's "No").
    pub(super) answer: bool,
    /// Of a deferred question's walk class: its group (see `deferred`).
    pub(super) group: u32,
}

/// Raw answer `i` of question `q`: its choices in order, then (multi) every
/// non-empty subset by bitmask, then a skip when optional.
pub(super) fn raw_answers(content: &Content, qi: usize) -> Vec<Answer> {
    let q = &content.questionnaire.questions[qi];
    let choices: Vec<String> = q
        .choices(content)
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    let mut out: Vec<Answer> = match q.kind {
        QuestionKind::Single | QuestionKind::Scale => {
            choices.iter().cloned().map(Answer::One).collect()
        }
        QuestionKind::Multi => (1u32..(1 << choices.len().min(MAX_SUBSET_BITS)))
            .map(|mask| {
                Answer::Many(
                    choices
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, c)| c.clone())
                        .collect(),
                )
            })
            .collect(),
    };
    if q.optional {
        out.push(Answer::Skipped);
    }
    out
}

pub(super) fn answer_classes(
    content: &Content,
    qi: usize,
    q: &crate::model::Question,
    raw: &[Answer],
    tests: &AnswerTests,
) -> Result<Vec<Class>, String> {
    if q.kind == QuestionKind::Multi && q.answers.len() > MAX_SUBSET_BITS {
        return Err(format!(
            "question \"{}\" has more than {MAX_SUBSET_BITS} answers: too many subsets to prove",
            q.id
        ));
    }
    let n_opt = content.options.len();
    let scale = q.scale.as_deref().and_then(|s| content.scale(s));
    let mut by_sig: HashMap<(Vec<i32>, u128, bool, Option<u32>), usize> = HashMap::new();
    let mut classes: Vec<Class> = Vec::new();
    for (i, a) in raw.iter().enumerate() {
        let mut weights = vec![0i32; n_opt];
        if q.kind != QuestionKind::Scale {
            for ans in q.answers.iter().filter(|x| a.includes(&x.id)) {
                for w in &ans.weights {
                    if let Some(i) = content.option_index(&w.option) {
                        weights[i] += w.points;
                    }
                }
            }
        }
        let mut bits = 0u128;
        for (ti, (tq, ids)) in tests.tests.iter().enumerate() {
            if *tq == qi && ids.iter().any(|id| a.includes(id)) {
                bits |= 1 << ti;
            }
        }
        let risk = q.safety && is_risk_answer(content, &q.id, a);
        let value = match (scale, a) {
            (Some(s), Answer::One(id)) => s.answers.iter().find(|x| x.id == *id).map(|x| x.value),
            _ => None,
        };
        let sig = (weights.clone(), bits, risk, value);
        let skip = *a == Answer::Skipped;
        match by_sig.get(&sig) {
            Some(&c) => {
                classes[c].count += 1;
                classes[c].skip |= skip;
                classes[c].answer |= !skip;
            }
            None => {
                by_sig.insert(sig, classes.len());
                classes.push(Class {
                    weights,
                    tests: bits,
                    risk,
                    value,
                    count: 1,
                    rep: i,
                    skip,
                    answer: !skip,
                    group: 0,
                });
            }
        }
    }
    Ok(classes)
}

/// The answer set a representative stands for (its last slot: a risk
/// answer was given earlier and taken back).
pub(super) fn rebuild(machine: &Machine<'_>, raw: &[Vec<Answer>], rep: &[u32]) -> Answers {
    let questions = &machine.content.questionnaire.questions;
    let mut answers = Answers::default();
    if rep.get(questions.len()) == Some(&1)
        && let Some((q, a)) = &machine.earlier_risk
    {
        answers.note_earlier(q.clone(), a.clone());
    }
    for (qi, &r) in rep.iter().take(questions.len()).enumerate() {
        if r != NOT_ASKED {
            answers.set(questions[qi].id.clone(), raw[qi][r as usize].clone());
        }
    }
    answers
}

/// What the rules and safeguards make of one control state.
pub(super) struct ControlOutcome {
    pub(super) rule_weights: Vec<i32>,
    pub(super) restrictions: Restrictions,
    pub(super) crisis: bool,
    /// Bits of the safeguards whose condition holds.
    pub(super) safeguards: u64,
    /// Bits of those whose promises follow from the restrictions alone.
    pub(super) structural: u64,
}

impl ControlOutcome {
    pub(super) fn evaluate(
        content: &Content,
        answers: &Answers,
        sets: &[PromiseSets],
        urgent: Option<usize>,
    ) -> ControlOutcome {
        let evaluation = Evaluation::of(content, answers);
        let crisis = evaluation.crisis;
        let facts = evaluation.facts(answers);
        let rules = applying_rules(content, &facts);
        let mut rule_weights = vec![0i32; content.options.len()];
        for r in &rules {
            for w in &r.weights {
                if let Some(i) = content.option_index(&w.option) {
                    rule_weights[i] += w.points;
                }
            }
        }
        let safeguards = content
            .safeguards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.when.holds(&facts))
            .fold(0u64, |m, (i, _)| m | (1 << i));
        let restrictions = Restrictions::from_rules(content, &rules);
        let structural = sets
            .iter()
            .enumerate()
            .filter(|(i, set)| {
                safeguards & (1 << i) != 0 && set.follows(&restrictions, crisis, urgent)
            })
            .fold(0u64, |m, (i, _)| m | (1 << i));
        ControlOutcome {
            rule_weights,
            restrictions,
            crisis,
            safeguards,
            structural,
        }
    }
}

/// A safeguard's promises as option sets.
pub(super) struct PromiseSets {
    pub(super) never_leads: u64,
    pub(super) never_best: u64,
    pub(super) best_includes_one_of: u64,
    pub(super) leads_with_one_of: u64,
}

impl PromiseSets {
    pub(super) fn of(content: &Content, s: &Safeguard) -> PromiseSets {
        PromiseSets {
            never_leads: option_set(content, &s.never_leads),
            never_best: option_set(content, &s.never_best),
            best_includes_one_of: option_set(content, &s.best_includes_one_of),
            leads_with_one_of: option_set(content, &s.leads_with_one_of),
        }
    }

    /// Whether every promise holds whatever the scores, by [`rank`]'s
    /// contract: the urgent option leads on a risk answer and is never
    /// ranked otherwise; a held-back option never leads; an excluded one is
    /// never among the best; a required set with a member that is neither
    /// excluded nor held back always has a member among the best.
    pub(super) fn follows(&self, r: &Restrictions, crisis: bool, urgent: Option<usize>) -> bool {
        let u = urgent.map_or(0, |u| 1u64 << u);
        // Options that can never lead / never be among the best here.
        let never_lead = if crisis { !u } else { r.held | r.excluded | u };
        let never_best = r.excluded | if crisis { 0 } else { u };
        let always_best_one_of: Vec<u64> = r
            .required
            .iter()
            .copied()
            .filter(|&set| set & !r.excluded & !r.held != 0)
            .chain(crisis.then_some(u))
            .collect();
        let always_leads = if crisis { u } else { 0 };
        self.never_leads & !never_lead == 0
            && self.never_best & !never_best == 0
            && (self.best_includes_one_of == 0
                || always_best_one_of
                    .iter()
                    .any(|&set| set != 0 && set & !self.best_includes_one_of == 0))
            && (self.leads_with_one_of == 0
                || (always_leads != 0 && always_leads & !self.leads_with_one_of == 0))
    }

    /// What is broken for this best set (option indices, lead first).
    pub(super) fn check(&self, content: &Content, best: &[usize]) -> Option<String> {
        let name = |i: usize| content.options[i].id.as_str();
        let bit = |i: usize| 1u64 << i;
        let lead = best.first().copied();
        if let Some(l) = lead
            && self.never_leads & bit(l) != 0
        {
            return Some(format!("never_leads: \"{}\" leads", name(l)));
        }
        if let Some(&i) = best.iter().find(|&&i| self.never_best & bit(i) != 0) {
            return Some(format!("never_best: \"{}\" is among the best", name(i)));
        }
        if self.best_includes_one_of != 0
            && !best
                .iter()
                .any(|&i| self.best_includes_one_of & bit(i) != 0)
        {
            return Some("best_includes_one_of: none of them is among the best".into());
        }
        if self.leads_with_one_of != 0 && lead.is_none_or(|l| self.leads_with_one_of & bit(l) == 0)
        {
            return Some(match lead {
                Some(l) => format!("leads_with_one_of: \"{}\" leads instead", name(l)),
                None => "leads_with_one_of: nothing leads".into(),
            });
        }
        None
    }
}
