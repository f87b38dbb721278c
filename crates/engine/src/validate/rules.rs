//! Scoring rules, their conditions (depth-limited) and the clinical
//! safeguards.

use super::*;

impl Validator<'_> {
    /// Self-care actions: ids, texts, conditions, and at least two for
    /// everyone (no `when`), so every visitor gets two or three.
    pub(super) fn self_care(&mut self, c: &Content) {
        let list = &c.questionnaire.self_care;
        if list.is_empty() {
            return;
        }
        self.ids(
            "questionnaire.self_care",
            list.iter().map(|a| a.id.as_str()),
        );
        for (i, a) in list.iter().enumerate() {
            let p = format!("questionnaire.self_care[{i}]");
            if let Some(w) = &a.when {
                self.condition(&format!("{p}.when"), w, c, 1);
            }
            self.text(&format!("{p}.title"), &a.title);
            self.text(&format!("{p}.text"), &a.text);
            if a.source.trim().is_empty() {
                self.err(
                    format!("{p}.source"),
                    "name the self-help source it was written from",
                );
            }
        }
        if list.iter().filter(|a| a.when.is_none()).count() < 2 {
            self.err(
                "questionnaire.self_care",
                "give at least two actions without `when`, so every visitor gets at least two",
            );
        }
    }

    pub(super) fn rules(&mut self, c: &Content) {
        let qn = &c.questionnaire;
        self.ids(
            "questionnaire.rules",
            qn.rules.iter().map(|r| r.id.as_str()),
        );
        for (i, r) in qn.rules.iter().enumerate() {
            let p = format!("questionnaire.rules[{i}]");
            self.condition(&format!("{p}.when"), &r.when, c, 1);
            self.weights(&format!("{p}.weights"), &r.weights, c);
            if let Some(t) = &r.caution {
                self.text(&format!("{p}.caution"), t);
            }
            for (field, ids) in [
                ("hold_back", &r.hold_back),
                ("exclude", &r.exclude),
                ("require_one_of", &r.require_one_of),
            ] {
                for (k, o) in ids.iter().enumerate() {
                    match c.option(o) {
                        None => self.err(
                            format!("{p}.{field}[{k}]"),
                            format!("unknown support option \"{o}\""),
                        ),
                        Some(opt) if opt.urgent => self.err(
                            format!("{p}.{field}[{k}]"),
                            "the crisis option is placed by the safety questions, not by rules",
                        ),
                        Some(_) => {}
                    }
                }
            }
            if !r.exclude.is_empty() && r.caution.is_none() {
                self.err(
                    format!("{p}.caution"),
                    "a rule that keeps options out of the best suggestions needs a caution that tells the visitor why",
                );
            }
            if r.weights.is_empty()
                && r.caution.is_none()
                && r.hold_back.is_empty()
                && r.exclude.is_empty()
                && r.require_one_of.is_empty()
            {
                self.err(
                    &p,
                    "the rule does nothing: give it weights, a caution, hold_back, exclude or require_one_of",
                );
            }
        }
    }

    pub(super) fn safeguards(&mut self, c: &Content) {
        self.ids("safeguards", c.safeguards.iter().map(|s| s.id.as_str()));
        for (i, s) in c.safeguards.iter().enumerate() {
            let p = format!("safeguards[{i}]");
            if s.when != Condition::always() {
                self.condition(&format!("{p}.when"), &s.when, c, 1);
            }
            let mut any = false;
            for (field, ids) in [
                ("never_leads", &s.never_leads),
                ("never_best", &s.never_best),
                ("best_includes_one_of", &s.best_includes_one_of),
                ("leads_with_one_of", &s.leads_with_one_of),
            ] {
                any |= !ids.is_empty();
                for (k, o) in ids.iter().enumerate() {
                    if c.option(o).is_none() {
                        self.err(
                            format!("{p}.{field}[{k}]"),
                            format!("unknown support option \"{o}\""),
                        );
                    }
                }
            }
            if !any && !s.answering_keeps_restrictions && !s.skipping_keeps_restrictions {
                self.err(
                    &p,
                    "the safeguard promises nothing: give it never_leads, never_best, best_includes_one_of, leads_with_one_of, answering_keeps_restrictions or skipping_keeps_restrictions",
                );
            }
            self.text(&format!("{p}.rationale"), &s.rationale);
            if s.source.trim().is_empty() {
                self.err(format!("{p}.source"), "name the clinical source");
            }
        }
    }

    /// Checks a condition and everything inside it, each problem with its path.
    pub(super) fn condition(&mut self, path: &str, cond: &Condition, c: &Content, depth: usize) {
        if depth > MAX_CONDITION_DEPTH {
            self.err(
                path,
                format!("conditions may be nested at most {MAX_CONDITION_DEPTH} deep"),
            );
            return;
        }
        let question = |v: &mut Self, field: &str, id: &str| -> Option<&Question> {
            let q = c.question(id);
            if q.is_none() {
                v.err(
                    format!("{path}.{field}.question"),
                    format!("unknown question \"{id}\""),
                );
            }
            q
        };
        let answer = |v: &mut Self, at: String, q: &Question, id: &str| {
            if !q.choices(c).iter().any(|ch| ch.id == id) {
                v.err(at, format!("question \"{}\" has no answer \"{id}\"", q.id));
            }
        };
        let instrument = |v: &mut Self, at: String, id: &str| -> Option<&Instrument> {
            let i = c.instrument(id);
            if i.is_none() {
                v.err(at, format!("unknown instrument \"{id}\""));
            }
            i
        };
        match cond {
            Condition::Is {
                question: q,
                answer: a,
            } => {
                if let Some(q) = question(self, "is", q) {
                    if q.kind == QuestionKind::Multi {
                        self.err(
                            format!("{path}.is"),
                            format!("\"{}\" is a multiple-choice question: use `includes`", q.id),
                        );
                    }
                    answer(self, format!("{path}.is.answer"), q, a);
                }
            }
            Condition::Includes {
                question: q,
                answer: a,
            } => {
                if let Some(q) = question(self, "includes", q) {
                    if q.kind != QuestionKind::Multi {
                        self.err(
                            format!("{path}.includes"),
                            format!("\"{}\" takes one answer: use `is`", q.id),
                        );
                    }
                    answer(self, format!("{path}.includes.answer"), q, a);
                }
            }
            Condition::AnyOf {
                question: q,
                answers,
            } => {
                if answers.is_empty() {
                    self.err(format!("{path}.any_of.answers"), "list at least one answer");
                }
                if let Some(q) = question(self, "any_of", q) {
                    for (k, a) in answers.iter().enumerate() {
                        answer(self, format!("{path}.any_of.answers[{k}]"), q, a);
                    }
                }
            }
            Condition::Band {
                instrument: i,
                band,
            } => {
                if let Some(inst) = instrument(self, format!("{path}.band.instrument"), i)
                    && !inst.bands.iter().any(|b| b.id == *band)
                {
                    self.err(
                        format!("{path}.band.band"),
                        format!("instrument \"{i}\" has no band \"{band}\""),
                    );
                }
            }
            Condition::Flag {
                instrument: i,
                subscale,
            } => {
                if let Some(inst) = instrument(self, format!("{path}.flag.instrument"), i)
                    && !inst.subscales.iter().any(|s| s.id == *subscale)
                {
                    self.err(
                        format!("{path}.flag.subscale"),
                        format!("instrument \"{i}\" has no subscale \"{subscale}\""),
                    );
                }
            }
            Condition::NotCompleted(i) => {
                instrument(self, format!("{path}.not_completed"), i);
            }
            Condition::Risk(_) => {}
            Condition::All(list) | Condition::Any(list) => {
                let key = if matches!(cond, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if list.is_empty() {
                    self.err(format!("{path}.{key}"), "list at least one condition");
                }
                for (k, inner) in list.iter().enumerate() {
                    self.condition(&format!("{path}.{key}[{k}]"), inner, c, depth + 1);
                }
            }
            Condition::Not(inner) => self.condition(&format!("{path}.not"), inner, c, depth + 1),
        }
    }
}
