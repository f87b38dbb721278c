//! The questions: ids, answers, weights, conditions for asking, and the
//! safety questions' own rules. One long check (`questionnaire`) walks
//! every question in order, so it stays one function.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn weights(&mut self, path: &str, weights: &[Weight], c: &Content) {
        for (k, w) in weights.iter().enumerate() {
            let wp = format!("{path}[{k}]");
            if c.option(&w.option).is_none() {
                self.err(
                    format!("{wp}.option"),
                    format!("unknown support option \"{}\"", w.option),
                );
            }
            if !POINTS_RANGE.contains(&w.points) {
                self.err(
                    format!("{wp}.points"),
                    format!(
                        "{} is out of range; points go from {} to {}",
                        w.points,
                        POINTS_RANGE.start(),
                        POINTS_RANGE.end()
                    ),
                );
            }
            self.text(&format!("{wp}.reason"), &w.reason);
        }
    }

    pub(super) fn questionnaire(&mut self, c: &Content) {
        let qn = &c.questionnaire;
        self.text("questionnaire.title", &qn.title);
        self.text("questionnaire.intro", &qn.intro);

        self.ids(
            "questionnaire.scales",
            qn.scales.iter().map(|s| s.id.as_str()),
        );
        for (i, s) in qn.scales.iter().enumerate() {
            let p = format!("questionnaire.scales[{i}]");
            if s.answers.is_empty() {
                self.err(
                    format!("{p}.answers"),
                    format!("scale \"{}\" has no answers", s.id),
                );
            }
            self.ids(
                &format!("{p}.answers"),
                s.answers.iter().map(|a| a.id.as_str()),
            );
            let mut values = BTreeSet::new();
            for (j, a) in s.answers.iter().enumerate() {
                if !values.insert(a.value) {
                    self.err(
                        format!("{p}.answers[{j}].value"),
                        format!("duplicate value {}", a.value),
                    );
                }
                // Bounded so instrument totals stay small (and cannot overflow).
                if a.value > 100 {
                    self.err(
                        format!("{p}.answers[{j}].value"),
                        format!("value {} is above 100", a.value),
                    );
                }
                self.text(&format!("{p}.answers[{j}].label"), &a.label);
            }
        }

        let questions = &qn.questions;
        if questions.is_empty() {
            self.err("questionnaire.questions", "no questions");
        }
        let follow_ups = questions.iter().filter(|q| c.is_follow_up(q)).count();
        let everyone = questions.len() - follow_ups;
        if everyone > MAX_QUESTIONS {
            self.err(
                "questionnaire.questions",
                format!(
                    "{everyone} questions; at most {MAX_QUESTIONS} keep the questionnaire to about three minutes"
                ),
            );
        }
        if follow_ups > MAX_FOLLOW_UP_QUESTIONS {
            self.err(
                "questionnaire.questions",
                format!("{follow_ups} follow-up questions; at most {MAX_FOLLOW_UP_QUESTIONS}"),
            );
        }
        self.ids(
            "questionnaire.questions",
            questions.iter().map(|q| q.id.as_str()),
        );
        let index: BTreeMap<&str, usize> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();

        for (i, q) in questions.iter().enumerate() {
            let p = format!("questionnaire.questions[{i}]");
            self.text(&format!("{p}.text"), &q.text);
            if let Some(h) = &q.hint {
                self.text(&format!("{p}.hint"), h);
            }
            if let Some(l) = &q.lead {
                self.text(&format!("{p}.lead"), l);
            }
            for (k, id) in q.links.iter().enumerate() {
                if c.audience(id).is_none() {
                    self.err(
                        format!("{p}.links[{k}]"),
                        format!("unknown audience page \"{id}\""),
                    );
                }
            }
            if q.kind == QuestionKind::Multi && q.answers.len() > MAX_MULTI_ANSWERS {
                self.err(
                    format!("{p}.answers"),
                    format!(
                        "{} answers; a multiple-choice question may have at most {MAX_MULTI_ANSWERS}, so that the safeguards can be proven over every combination",
                        q.answers.len()
                    ),
                );
            }
            match q.kind {
                QuestionKind::Scale => {
                    match q.scale.as_deref() {
                        None => self.err(format!("{p}.scale"), "a scale question needs `scale`"),
                        Some(s) if c.scale(s).is_none() => {
                            self.err(format!("{p}.scale"), format!("unknown scale \"{s}\""))
                        }
                        Some(_) => {}
                    }
                    // Its own answers sit outside the scale: no value, so
                    // no weight either, and only on a safety question (an
                    // instrument item's total must come from its scale).
                    if !q.answers.is_empty() && !q.safety {
                        self.err(
                            format!("{p}.answers"),
                            "a scale question takes its answers from its scale; only a safety question may add its own (such as \"I'd rather not say\")",
                        );
                    }
                    let scale_ids: Vec<&str> = q
                        .scale
                        .as_deref()
                        .and_then(|s| c.scale(s))
                        .map(|s| s.answers.iter().map(|a| a.id.as_str()).collect())
                        .unwrap_or_default();
                    for (j, a) in q.answers.iter().enumerate() {
                        if !a.weights.is_empty() {
                            self.err(
                                format!("{p}.answers[{j}].weights"),
                                "an answer outside the scale is not scored; remove `weights` (a rule can look at it)",
                            );
                        }
                        if scale_ids.contains(&a.id.as_str()) {
                            self.err(
                                format!("{p}.answers[{j}].id"),
                                format!("\"{}\" is already an answer of the scale", a.id),
                            );
                        }
                    }
                }
                QuestionKind::Single | QuestionKind::Multi => {
                    if q.scale.is_some() {
                        self.err(
                            format!("{p}.scale"),
                            "only `kind = \"scale\"` questions take a scale",
                        );
                    }
                    if q.answers.is_empty() {
                        self.err(
                            format!("{p}.answers"),
                            format!("question \"{}\" has no answers", q.id),
                        );
                    }
                }
            }
            self.ids(
                &format!("{p}.answers"),
                q.answers.iter().map(|a| a.id.as_str()),
            );
            for (j, a) in q.answers.iter().enumerate() {
                self.text(&format!("{p}.answers[{j}].label"), &a.label);
                self.weights(&format!("{p}.answers[{j}].weights"), &a.weights, c);
                for (f, t) in [
                    ("crisis_reason", &a.crisis_reason),
                    ("crisis_text", &a.crisis_text),
                ] {
                    match t {
                        Some(t) if q.safety => self.text(&format!("{p}.answers[{j}].{f}"), t),
                        Some(_) => self.err(
                            format!("{p}.answers[{j}].{f}"),
                            format!("only a safety question's answers have `{f}`"),
                        ),
                        None => {}
                    }
                }
                if a.abuse_lines_first && !q.safety {
                    self.err(
                        format!("{p}.answers[{j}].abuse_lines_first"),
                        "only a safety question's answers list abuse lines first",
                    );
                }
                if q.safety && q.safe_answer.as_deref() == Some(a.id.as_str()) {
                    for (f, set) in [
                        ("crisis_reason", a.crisis_reason.is_some()),
                        ("crisis_text", a.crisis_text.is_some()),
                        ("abuse_lines_first", a.abuse_lines_first),
                    ] {
                        if set {
                            self.err(
                                format!("{p}.answers[{j}].{f}"),
                                "the safe answer shows no crisis panel; remove it",
                            );
                        }
                    }
                }
            }

            if let Some(cond) = &q.show_if {
                let cp = format!("{p}.show_if");
                match (&cond.question, &cond.flag) {
                    (Some(_), Some(_)) | (None, None) => self.err(
                        cp.clone(),
                        "give either `question` with `any_of`, or `flag`",
                    ),
                    (None, Some(f)) => {
                        if !cond.any_of.is_empty() {
                            self.err(
                                format!("{cp}.any_of"),
                                "`any_of` goes with `question`, not `flag`",
                            );
                        }
                        self.show_if_flag(c, &index, i, &cp, f);
                    }
                    (Some(on), None) => {
                        self.show_if_answer(c, &index, i, &cp, on, &cond.any_of);
                    }
                }
            }

            if q.safety {
                if q.kind == QuestionKind::Multi {
                    self.err(
                        format!("{p}.kind"),
                        "the safety question must be single-choice or a scale",
                    );
                }
                if q.show_if.is_some() {
                    self.err(
                        format!("{p}.show_if"),
                        "the safety question must always be asked",
                    );
                }
                match q.safe_answer.as_deref() {
                    None => self.err(
                        format!("{p}.safe_answer"),
                        "the safety question needs `safe_answer` (the \"no\" / \"not at all\" answer)",
                    ),
                    Some(a) if !q.choices(c).iter().any(|ch| ch.id == a) => self.err(
                        format!("{p}.safe_answer"),
                        format!("\"{a}\" is not one of this question's answers"),
                    ),
                    Some(_) => {}
                }
                if q.optional {
                    self.err(
                        format!("{p}.optional"),
                        "a safety question cannot be skipped",
                    );
                }
                match &q.crisis_reason {
                    Some(t) => self.text(&format!("{p}.crisis_reason"), t),
                    None => self.err(
                        format!("{p}.crisis_reason"),
                        "the safety question needs `crisis_reason` (shown when urgent help leads)",
                    ),
                }
                if let Some(t) = &q.crisis_text {
                    self.text(&format!("{p}.crisis_text"), t);
                }
            } else {
                if q.safe_answer.is_some() {
                    self.err(
                        format!("{p}.safe_answer"),
                        "only the safety question has a safe answer",
                    );
                }
                if q.crisis_reason.is_some() {
                    self.err(
                        format!("{p}.crisis_reason"),
                        "only the safety question has a crisis reason",
                    );
                }
                if q.crisis_text.is_some() {
                    self.err(
                        format!("{p}.crisis_text"),
                        "only the safety question has a crisis text",
                    );
                }
            }
        }
        if !questions.iter().any(|q| q.safety) {
            self.err(
                "questionnaire.questions",
                "no safety question: at least one question needs `safety = true`",
            );
        }

        self.instruments(c, &index);
        self.rules(c);
        self.self_care(c);
    }
}

impl Validator<'_> {
    /// `show_if = { question, any_of }`: an earlier question and its answers.
    fn show_if_answer(
        &mut self,
        c: &Content,
        index: &BTreeMap<&str, usize>,
        i: usize,
        cp: &str,
        on: &str,
        any_of: &[String],
    ) {
        let questions = &c.questionnaire.questions;
        match index.get(on) {
            None => self.err(
                format!("{cp}.question"),
                format!("unknown question \"{on}\""),
            ),
            Some(&j) if j == i => self.err(
                format!("{cp}.question"),
                "a question cannot depend on itself",
            ),
            Some(&j) => {
                if let Some(cycle) = show_if_cycle(questions, index, i) {
                    self.err(
                        format!("{cp}.question"),
                        format!("conditions form a cycle: {cycle}"),
                    );
                } else if j > i {
                    self.err(
                        format!("{cp}.question"),
                        format!(
                            "\"{on}\" comes later; a condition can only look at earlier questions"
                        ),
                    );
                }
                let choices: Vec<&str> = questions[j].choices(c).iter().map(|ch| ch.id).collect();
                for (k, a) in any_of.iter().enumerate() {
                    if !choices.contains(&a.as_str()) {
                        self.err(
                            format!("{cp}.any_of[{k}]"),
                            format!("question \"{on}\" has no answer \"{a}\""),
                        );
                    }
                }
            }
        }
        if any_of.is_empty() {
            self.err(format!("{cp}.any_of"), "list at least one answer");
        }
    }

    /// `show_if = { flag = { instrument, subscale } }`: every item of the
    /// instrument comes before the question, so its flags are settled when
    /// it is asked (the prover reads them there).
    fn show_if_flag(
        &mut self,
        c: &Content,
        index: &BTreeMap<&str, usize>,
        i: usize,
        cp: &str,
        f: &FlagTest,
    ) {
        let Some(inst) = c
            .questionnaire
            .instruments
            .iter()
            .find(|x| x.id == f.instrument)
        else {
            self.err(
                format!("{cp}.flag.instrument"),
                format!("unknown instrument \"{}\"", f.instrument),
            );
            return;
        };
        if !inst.subscales.iter().any(|s| s.id == f.subscale) {
            self.err(
                format!("{cp}.flag.subscale"),
                format!(
                    "instrument \"{}\" has no subscale \"{}\"",
                    f.instrument, f.subscale
                ),
            );
        }
        if let Some(item) = inst
            .items
            .iter()
            .find(|it| index.get(it.as_str()).is_none_or(|&j| j >= i))
        {
            self.err(
                format!("{cp}.flag.instrument"),
                format!(
                    "its item \"{item}\" is not asked before this question; a follow-up comes after every item of the screen it follows"
                ),
            );
        }
    }
}

/// The chain of `show_if` references from question `start`, if it loops.
fn show_if_cycle(
    questions: &[Question],
    index: &BTreeMap<&str, usize>,
    start: usize,
) -> Option<String> {
    let mut path = vec![start];
    let mut at = start;
    while let Some(next) = questions[at]
        .show_if
        .as_ref()
        .and_then(|c| c.question.as_deref())
        .and_then(|q| index.get(q).copied())
    {
        if next == start {
            path.push(next);
            let ids: Vec<&str> = path.iter().map(|&i| questions[i].id.as_str()).collect();
            return Some(ids.join(" -> "));
        }
        if path.contains(&next) || path.len() > questions.len() {
            return None; // a cycle that does not include `start`: reported there
        }
        path.push(next);
        at = next;
    }
    None
}
