//! Semantic checks on parsed content: every reference resolves, every text
//! exists in every locale, ids are unique, bands cover every total exactly
//! once, and the safety question and the crisis option exist.

use std::collections::{BTreeMap, BTreeSet};

use crate::Locale;
use crate::model::*;
use crate::problem::Problems;
use crate::text::{Text, TextList};
use crate::ui_keys::Ui;

/// At most this many questions: the questionnaire promises about three minutes.
pub const MAX_QUESTIONS: usize = 13;
/// A multiple-choice question with more answers than this has too many
/// combinations for the safeguard proof to enumerate (2^16 subsets).
pub const MAX_MULTI_ANSWERS: usize = 16;
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

    fn options(&mut self, options: &[SupportOption]) {
        if options.is_empty() {
            self.err("options", "no support options");
        }
        if options.len() > crate::score::MAX_OPTIONS {
            self.err(
                "options",
                format!(
                    "{} support options; at most {} are supported",
                    options.len(),
                    crate::score::MAX_OPTIONS
                ),
            );
        }
        self.ids("options", options.iter().map(|o| o.id.as_str()));
        match options.iter().filter(|o| o.urgent).count() {
            0 => self.err(
                "options",
                "no crisis option: exactly one option must have `urgent = true`",
            ),
            1 => {}
            n => self.err(
                "options",
                format!("{n} options have `urgent = true`; exactly one may"),
            ),
        }
        for (i, o) in options.iter().enumerate() {
            let p = format!("options[{i}]");
            for (field, t) in o.prose().into_iter().chain([
                ("compare.focus", &o.compare.focus),
                ("compare.length", &o.compare.length),
                ("compare.provider", &o.compare.provider),
                ("compare.cost", &o.compare.cost),
                ("compare.privacy", &o.compare.privacy),
            ]) {
                self.text(&format!("{p}.{field}"), t);
            }
            self.text_list(&format!("{p}.ask"), &o.ask);
            self.ids(
                &format!("{p}.schools"),
                o.schools.iter().map(|s| s.id.as_str()),
            );
            for (j, s) in o.schools.iter().enumerate() {
                self.text(&format!("{p}.schools[{j}].name"), &s.name);
                self.text(&format!("{p}.schools[{j}].text"), &s.text);
            }
        }
    }

    fn helper(&mut self, h: &HelperPage) {
        self.text("helper.title", &h.title);
        self.text("helper.intro", &h.intro);
        self.text("helper.overlap", &h.overlap);
        self.text("helper.titles", &h.titles);
        if h.qualities.is_empty() {
            self.err("helper.qualities", "list at least one quality");
        }
        self.ids(
            "helper.qualities",
            h.qualities.iter().map(|q| q.id.as_str()),
        );
        for (i, q) in h.qualities.iter().enumerate() {
            self.text(&format!("helper.qualities[{i}].name"), &q.name);
            self.text(&format!("helper.qualities[{i}].text"), &q.text);
        }
    }

    fn audiences(&mut self, pages: &[AudiencePage]) {
        self.ids("audiences", pages.iter().map(|a| a.id.as_str()));
        for (i, a) in pages.iter().enumerate() {
            let p = format!("audiences[{i}]");
            self.text(&format!("{p}.title"), &a.title);
            self.text(&format!("{p}.summary"), &a.summary);
            if a.sections.is_empty() {
                self.err(format!("{p}.sections"), "a page needs at least one section");
            }
            for (j, s) in a.sections.iter().enumerate() {
                self.text(&format!("{p}.sections[{j}].heading"), &s.heading);
                self.text(&format!("{p}.sections[{j}].body"), &s.body);
            }
        }
    }

    fn weights(&mut self, path: &str, weights: &[Weight], c: &Content) {
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

    fn questionnaire(&mut self, c: &Content) {
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
        if questions.len() > MAX_QUESTIONS {
            self.err(
                "questionnaire.questions",
                format!(
                    "{} questions; at most {MAX_QUESTIONS} keep the questionnaire to about three minutes",
                    questions.len()
                ),
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
                match index.get(cond.question.as_str()) {
                    None => self.err(
                        format!("{cp}.question"),
                        format!("unknown question \"{}\"", cond.question),
                    ),
                    Some(&j) if j == i => self.err(
                        format!("{cp}.question"),
                        "a question cannot depend on itself",
                    ),
                    Some(&j) => {
                        if let Some(cycle) = show_if_cycle(questions, &index, i) {
                            self.err(
                                format!("{cp}.question"),
                                format!("conditions form a cycle: {cycle}"),
                            );
                        } else if j > i {
                            self.err(
                                format!("{cp}.question"),
                                format!("\"{}\" comes later; a condition can only look at earlier questions", cond.question),
                            );
                        }
                        let target = &questions[j];
                        let choices: Vec<&str> = target.choices(c).iter().map(|ch| ch.id).collect();
                        for (k, a) in cond.any_of.iter().enumerate() {
                            if !choices.contains(&a.as_str()) {
                                self.err(
                                    format!("{cp}.any_of[{k}]"),
                                    format!("question \"{}\" has no answer \"{a}\"", cond.question),
                                );
                            }
                        }
                    }
                }
                if cond.any_of.is_empty() {
                    self.err(format!("{cp}.any_of"), "list at least one answer");
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
    }

    fn instruments(&mut self, c: &Content, index: &BTreeMap<&str, usize>) {
        let qn = &c.questionnaire;
        self.ids(
            "questionnaire.instruments",
            qn.instruments.iter().map(|i| i.id.as_str()),
        );
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        for (i, inst) in qn.instruments.iter().enumerate() {
            let p = format!("questionnaire.instruments[{i}]");
            for (f, t) in [
                ("name", &inst.name),
                ("stem", &inst.stem),
                ("attribution", &inst.attribution),
            ] {
                self.text(&format!("{p}.{f}"), t);
            }
            if inst.items.is_empty() {
                self.err(
                    format!("{p}.items"),
                    "an instrument needs at least one item",
                );
            }
            // The lowest and highest possible totals, from each item's scale.
            let (mut lo, mut hi, mut known) = (0u32, 0u32, true);
            for (k, item) in inst.items.iter().enumerate() {
                let ip = format!("{p}.items[{k}]");
                let Some(q) = index.get(item.as_str()).map(|&j| &qn.questions[j]) else {
                    self.err(ip, format!("unknown question \"{item}\""));
                    known = false;
                    continue;
                };
                if let Some(prev) = owner.insert(item, &inst.id) {
                    self.err(&ip, format!("\"{item}\" is already an item of \"{prev}\""));
                }
                match q.scale.as_deref().and_then(|s| c.scale(s)) {
                    Some(s) if q.kind == QuestionKind::Scale && !s.answers.is_empty() => {
                        lo += s.answers.iter().map(|a| a.value).min().unwrap_or(0);
                        hi += s.answers.iter().map(|a| a.value).max().unwrap_or(0);
                    }
                    _ => {
                        self.err(
                            ip,
                            format!("\"{item}\" must be a scale question with answers"),
                        );
                        known = false;
                    }
                }
            }
            self.ids(
                &format!("{p}.bands"),
                inst.bands.iter().map(|b| b.id.as_str()),
            );
            for (k, b) in inst.bands.iter().enumerate() {
                self.text(&format!("{p}.bands[{k}].label"), &b.label);
                self.text(&format!("{p}.bands[{k}].meaning"), &b.meaning);
                if b.min > b.max {
                    self.err(
                        format!("{p}.bands[{k}]"),
                        format!("min {} is above max {}", b.min, b.max),
                    );
                }
            }
            if known {
                self.band_cover(&p, &inst.bands, lo, hi);
            }
            self.ids(
                &format!("{p}.subscales"),
                inst.subscales.iter().map(|s| s.id.as_str()),
            );
            for (k, s) in inst.subscales.iter().enumerate() {
                let sp = format!("{p}.subscales[{k}]");
                self.text(&format!("{sp}.name"), &s.name);
                self.text(&format!("{sp}.meaning"), &s.meaning);
                if s.items.is_empty() {
                    self.err(format!("{sp}.items"), "a subscale needs at least one item");
                }
                for (m, item) in s.items.iter().enumerate() {
                    if !inst.items.contains(item) {
                        self.err(
                            format!("{sp}.items[{m}]"),
                            format!("\"{item}\" is not an item of \"{}\"", inst.id),
                        );
                    }
                }
            }
        }
    }

    /// Bands must cover every total from `lo` to `hi` exactly once: a wrong
    /// edge would tell a visitor the wrong thing about their answers.
    fn band_cover(&mut self, p: &str, bands: &[Band], lo: u32, hi: u32) {
        if bands.is_empty() {
            self.err(format!("{p}.bands"), "an instrument needs bands");
            return;
        }
        // A sweep over the bands' edges, sorted: the work grows with the
        // number of bands, never with the size of the totals.
        let (lo64, hi64) = (u64::from(lo), u64::from(hi));
        let mut edges: Vec<(u64, i64)> = vec![(lo64, 0), (hi64 + 1, 0)];
        for b in bands.iter().filter(|b| b.min <= b.max) {
            let (start, end) = (u64::from(b.min).max(lo64), u64::from(b.max).min(hi64));
            if start <= end {
                edges.push((start, 1));
                edges.push((end + 1, -1));
            }
        }
        edges.sort_unstable();
        // Runs of totals [from, to) covered by `n` bands, merged.
        let mut runs: Vec<(u64, u64, i64)> = Vec::new();
        let mut n = 0;
        for (i, &(at, delta)) in edges.iter().enumerate() {
            n += delta;
            let next = edges.get(i + 1).map_or(at, |e| e.0);
            if next > at && at >= lo64 && at <= hi64 {
                match runs.last_mut() {
                    Some(last) if last.1 == at && last.2 == n => last.1 = next,
                    _ => runs.push((at, next, n)),
                }
            }
        }
        for (from, to, n) in runs.into_iter().filter(|r| r.2 != 1) {
            let totals = if to - from == 1 {
                format!("a total of {from}")
            } else {
                format!("the totals {from}-{}", to - 1)
            };
            let message = if n == 0 {
                format!("no band covers {totals}")
            } else {
                format!("{n} bands cover {totals}")
            };
            self.err(format!("{p}.bands"), message);
        }
        for (k, b) in bands.iter().enumerate() {
            if b.max > hi || b.min < lo {
                self.err(
                    format!("{p}.bands[{k}]"),
                    format!(
                        "covers {}-{}, outside the possible totals {lo}-{hi}",
                        b.min, b.max
                    ),
                );
            }
        }
    }

    fn rules(&mut self, c: &Content) {
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

    /// Every number is dialable inside its country; every entry names the
    /// page it was confirmed on and the date; no country's numbers come
    /// from two places.
    fn directory(&mut self, c: &Content) {
        use crate::directory::{is_country_code, parse_numbers};
        let mut codes = BTreeSet::new();
        let mut zones: BTreeMap<&str, &str> = BTreeMap::new();
        for (code, list) in &c.time_zones {
            if !is_country_code(code) {
                self.err(
                    format!("time_zones.{code}"),
                    format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                );
            }
            for z in list.split_whitespace() {
                if !z.contains('/') && !z.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    self.err(
                        format!("time_zones.{code}"),
                        format!("\"{z}\" is not an IANA time zone such as \"Europe/London\""),
                    );
                }
                if let Some(other) = zones.insert(z, code) {
                    self.err(
                        format!("time_zones.{code}"),
                        format!("\"{z}\" is already listed for {other}"),
                    );
                }
            }
        }
        let mut world = BTreeSet::new();
        for (i, s) in c.emergency_numbers.iter().enumerate() {
            let p = format!("emergency_numbers[{i}]");
            self.provenance(&p, &s.source, &s.checked);
            for (code, numbers) in &s.numbers {
                if !is_country_code(code) {
                    self.err(
                        format!("{p}.numbers.{code}"),
                        format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                    );
                }
                if !world.insert(code.as_str()) {
                    self.err(
                        format!("{p}.numbers.{code}"),
                        format!("{code} already has its numbers from another source"),
                    );
                }
                if let Err(why) = parse_numbers(numbers) {
                    self.err(format!("{p}.numbers.{code}"), why);
                }
            }
        }
        if let Some(m) = &c.mobile_emergency {
            self.number("mobile_emergency.number", &m.number);
            self.provenance("mobile_emergency", &m.source, &m.checked);
        }
        for (i, e) in c.crisis_directory.iter().enumerate() {
            let p = format!("crisis_directory[{i}]");
            let code = e.country.as_str();
            if !is_country_code(code) {
                self.err(
                    format!("{p}.country"),
                    format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                );
            }
            if !codes.insert(code) {
                self.err(
                    format!("{p}.country"),
                    format!("\"{code}\" is listed twice"),
                );
            }
            for (k, n) in e.emergency.iter().enumerate() {
                let np = format!("{p}.emergency[{k}]");
                self.number(&format!("{np}.number"), &n.number);
                self.provenance(&np, &n.source, &n.checked);
            }
            self.ids(&format!("{p}.lines"), e.lines.iter().map(|l| l.id.as_str()));
            for (k, l) in e.lines.iter().enumerate() {
                let lp = format!("{p}.lines[{k}]");
                if l.name.trim().is_empty() || l.name.chars().any(char::is_control) {
                    self.err(format!("{lp}.name"), "an empty or unprintable name");
                }
                if let Some(h) = &l.hours
                    && let Err(why) = crate::hours::check(h)
                {
                    self.err(format!("{lp}.hours"), why);
                }
                if l.audience.is_empty() {
                    self.err(
                        format!("{lp}.audience"),
                        "say who the line is for (everyone, young, lgbtq, veterans, women)",
                    );
                }
                if l.phone.is_none() && l.sms.is_none() && l.chat.is_none() {
                    self.err(
                        &lp,
                        "a line needs a `phone` to call, an `sms` number to text or a `chat` page",
                    );
                }
                for (field, n) in [("phone", &l.phone), ("sms", &l.sms)] {
                    if let Some(n) = n {
                        self.number(&format!("{lp}.{field}"), n);
                    }
                }
                if let Some(w) = &l.chat
                    && (!w.starts_with("https://")
                        || w.contains(char::is_whitespace)
                        || w.contains(['"', '<', '>']))
                {
                    self.err(
                        format!("{lp}.chat"),
                        "a chat is an https:// page of the service's own",
                    );
                }
                if l.sms_body.is_some() && l.sms.is_none() {
                    self.err(
                        format!("{lp}.sms_body"),
                        "a text body needs an `sms` number",
                    );
                }
                if let Some(b) = &l.sms_body
                    && (b.trim().is_empty() || b.chars().any(char::is_control))
                {
                    self.err(
                        format!("{lp}.sms_body"),
                        "an empty or unprintable text body",
                    );
                }
                self.provenance(&lp, &l.source, &l.checked);
            }
        }
    }

    /// A number as dialled inside its country: digits with spaces or
    /// hyphens, no `+` (an international form would not reach a national
    /// short number) and no "(0)".
    fn number(&mut self, p: &str, n: &str) {
        if !crate::directory::is_dial_string(n) || n.starts_with('+') {
            self.err(
                p,
                format!("\"{n}\" is not a number a phone in the country can dial (digits, spaces, hyphens)"),
            );
        }
    }

    /// A source page (http or https) and a `YYYY-MM-DD` date.
    fn provenance(&mut self, p: &str, source: &str, checked: &str) {
        if !(source.starts_with("https://") || source.starts_with("http://"))
            || source.contains(char::is_whitespace)
        {
            self.err(
                format!("{p}.source"),
                "name the page it was confirmed on (an http or https address)",
            );
        }
        let b = checked.as_bytes();
        let date = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !date {
            self.err(
                format!("{p}.checked"),
                format!("\"{checked}\" is not a date such as \"2026-11-22\""),
            );
        }
    }

    fn safeguards(&mut self, c: &Content) {
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
    fn condition(&mut self, path: &str, cond: &Condition, c: &Content, depth: usize) {
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
        .and_then(|c| index.get(c.question.as_str()).copied())
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

fn language_name(tag: &str) -> &'static str {
    match tag {
        "en" => "English",
        "es" => "Spanish",
        _ => "the",
    }
}
