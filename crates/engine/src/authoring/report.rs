//! Answers in and outcomes out as JSON, for `signpost-check --score`
//! (content reviewers and clinicians replaying an answer set). Native only.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::Locale;
use crate::answers::{Answer, Answers};
use crate::model::{Content, QuestionKind};
use crate::score::{Outcome, Source};

/// Reads `{ "question_id": "answer_id" | ["answer_id", ...] }` (a question
/// left out is not answered). `"earlier>now"` replays an answer changed in
/// the visit: `"safety": "several_days>not_at_all"` took a risk answer back. Unknown ids, the wrong kind of value and
/// answers to questions these answers do not ask are errors, each with its
/// path; all of them are reported at once.
pub fn answers_from_json(content: &Content, value: &Value) -> Result<Answers, Vec<String>> {
    let Some(map) = value.as_object() else {
        return Err(vec![
            "$: expected one JSON object of question ids to answer ids".into(),
        ]);
    };
    let mut problems = Vec::new();
    let mut answers = Answers::default();
    for (qid, v) in map {
        let path = format!("$.{qid}");
        let Some(q) = content.question(qid) else {
            problems.push(format!("{path}: unknown question \"{qid}\""));
            continue;
        };
        let choices: Vec<&str> = q.choices(content).iter().map(|c| c.id).collect();
        let known = |id: &str, at: &str, problems: &mut Vec<String>| -> bool {
            let ok = choices.contains(&id);
            if !ok {
                problems.push(format!(
                    "{at}: question \"{qid}\" has no answer \"{id}\" (it has: {})",
                    choices.join(", ")
                ));
            }
            ok
        };
        match (q.kind, v) {
            (QuestionKind::Multi, Value::Array(items)) => {
                let mut set = BTreeSet::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(id) if known(id, &format!("{path}[{i}]"), &mut problems) => {
                            set.insert(id.to_string());
                        }
                        Some(_) => {}
                        None => {
                            problems.push(format!("{path}[{i}]: expected an answer id (a string)"))
                        }
                    }
                }
                if set.is_empty() && items.is_empty() {
                    problems.push(format!(
                        "{path}: an empty list; leave the question out to skip it"
                    ));
                }
                answers.set(qid.clone(), Answer::Many(set));
            }
            (QuestionKind::Multi, _) => problems.push(format!(
                "{path}: \"{qid}\" takes several answers: give a list, e.g. [\"{}\"]",
                choices.first().copied().unwrap_or_default()
            )),
            (_, Value::String(ids)) => {
                for id in ids.split('>') {
                    if known(id, &path, &mut problems) {
                        answers.set(qid.clone(), Answer::One(id.to_string()));
                    }
                }
            }
            (_, _) => problems.push(format!(
                "{path}: \"{qid}\" takes one answer: give its id as a string"
            )),
        }
    }
    // Answers to questions these answers do not ask (only once the rest is
    // right: a wrong earlier answer would make this message misleading).
    if !problems.is_empty() {
        return Err(problems);
    }
    let visible = content.visible_questions(&answers);
    for q in &content.questionnaire.questions {
        if answers.get(&q.id).is_some() && !visible.iter().any(|v| v.id == q.id) {
            let why = q
                .show_if
                .as_ref()
                .map_or(String::new(), |s| match (&s.question, &s.flag) {
                    (_, Some(f)) => format!(
                        " (it is asked only when {}'s \"{}\" is flagged)",
                        f.instrument, f.subscale
                    ),
                    (Some(on), None) => format!(
                        " (it is asked only when \"{on}\" is one of: {})",
                        s.any_of.join(", ")
                    ),
                    (None, None) => String::new(),
                });
            problems.push(format!("$.{}: not asked with these answers{why}", q.id));
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// The outcome as one JSON object: `crisis`, `best` (urgent help first when
/// shown), `ranked` (every option in order), `phq4` and any other
/// instrument (`total` and `band`, or nulls), `cautions`, `skipped`, and per
/// option its score, restrictions and reasons in `locale`.
pub fn outcome_json(outcome: &Outcome<'_>, locale: Locale) -> Value {
    let ids = |list: &[crate::score::Suggestion<'_>]| -> Vec<String> {
        list.iter().map(|s| s.option.id.clone()).collect()
    };
    let mut doc = json!({
        "crisis": outcome.crisis,
        "risk_answers": outcome.risk_answers.iter().map(|r| json!({
            "question": r.question.id,
            "answer": r.answer,
            "taken_back": !r.current,
            "abuse_lines_first": r.abuse_lines_first(),
        })).collect::<Vec<_>>(),
        "best": ids(outcome.best()),
        "ranked": ids(&outcome.ranked),
    });
    for r in &outcome.instruments {
        doc[r.instrument.id.as_str()] = json!({
            "total": r.total,
            "at_least": r.at_least,
            "band": r.band.map(|b| b.id.clone()),
            "band_is_minimum": r.band_is_minimum(),
            "flagged": r.subscales.iter().filter(|s| s.flagged).map(|s| s.subscale.id.clone()).collect::<Vec<_>>(),
            "skipped": r.skipped,
        });
    }
    doc["cautions"] = outcome
        .cautions
        .iter()
        .map(|c| json!({ "rule": c.rule, "text": c.text.get(locale) }))
        .collect();
    doc["skipped"] = json!(outcome.skipped);
    let mut options = serde_json::Map::new();
    for s in &outcome.ranked {
        let reasons: Vec<Value> = s
            .reasons
            .iter()
            .map(|r| {
                let from = match &r.source {
                    Source::Answer { question, answer } => format!("{question}={answer}"),
                    Source::Rule { rule } => format!("rule {rule}"),
                    Source::Safety { question } => format!("safety question {question}"),
                };
                json!({ "from": from, "points": r.points, "text": r.text.get(locale) })
            })
            .collect();
        options.insert(
            s.option.id.clone(),
            json!({
                "score": s.score,
                "held_back": s.held_back,
                "excluded": s.excluded,
                "reasons": reasons,
            }),
        );
    }
    doc["options"] = Value::Object(options);
    doc
}
