//! The safety rule over the whole answer space: any answer to a safety
//! question other than its safe one ("Not at all", "No") sets `crisis` and
//! puts urgent help first, whatever else was answered; safe answers or no
//! answer never do. (The clinical safeguards are proven over every answer
//! set by `prove`: tests/safeguards.rs.)

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use signpost_engine::model::QuestionKind;
use signpost_engine::{Answer, Answers, Content, is_risk_answer, score};

fn check(content: &Content, answers: &Answers) {
    let safe = |q: &str| match q {
        "safety" => "not_at_all",
        "harm" => "no",
        other => panic!("unexpected safety question {other}"),
    };
    let risk = content.safety_questions().any(|q| {
        answers
            .get(&q.id)
            .is_some_and(|a| a.chosen().iter().any(|c| *c != safe(&q.id)))
    });
    let outcome = score(content, answers);
    assert_eq!(outcome.crisis, risk, "{answers:?}");
    let first = &outcome.ranked[0];
    if risk {
        assert!(first.option.urgent, "urgent help must lead: {answers:?}");
        assert!(outcome.best >= 1);
        assert!(!first.reasons.is_empty(), "urgent help says why");
    } else {
        assert!(
            outcome.ranked.iter().all(|s| !s.option.urgent),
            "{answers:?}"
        );
    }
    // Exposed per answer too, for the view to react at once.
    let per_answer = content.safety_questions().any(|q| {
        answers
            .get(&q.id)
            .is_some_and(|a| is_risk_answer(content, &q.id, a))
    });
    assert_eq!(per_answer, risk, "{answers:?}");
}

#[test]
fn the_two_safety_questions_are_item_9_and_harm_to_or_from_others() {
    let content = common::content();
    let ids: Vec<&str> = content.safety_questions().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["safety", "harm"]);
    let harm = content.question("harm").unwrap();
    for choice in harm.choices(content) {
        let risky = is_risk_answer(content, "harm", &Answer::One(choice.id.to_string()));
        assert_eq!(risky, choice.id != "no", "{}", choice.id);
    }
}

#[test]
fn per_answer_rule_matches_the_scale() {
    let content = common::content();
    let q = content.question("safety").unwrap();
    assert_eq!(q.kind, QuestionKind::Scale);
    for choice in q.choices(content) {
        let risky = is_risk_answer(content, &q.id, &Answer::One(choice.id.to_string()));
        assert_eq!(risky, choice.value != Some(0), "{}", choice.id);
    }
    assert!(!is_risk_answer(content, &q.id, &Answer::Skipped));
    // An unknown answer id fails safe.
    assert!(is_risk_answer(content, &q.id, &Answer::One("typo".into())));
    // Other questions never count as risk answers.
    assert!(!is_risk_answer(
        content,
        "impact",
        &Answer::One("severe".into())
    ));
}

/// Every combination of answers to every single-choice and scale question
/// asked of everyone (about 43 million), with the multiple-choice question
/// answered so that every such question is asked. Skipped answers and other
/// multiple-choice sets are covered by the property test below; the
/// follow-ups (GAD-7, PHQ-9), left untaken here, by the build's proof of
/// every safeguard over every answer set and by `followup.rs`.
#[test]
fn exhaustive_over_every_single_choice_combination() {
    let content = common::content();
    let singles: Vec<(&str, Vec<Answer>)> = content
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Multi && !content.is_follow_up(q))
        .map(|q| {
            let options = q
                .choices(content)
                .iter()
                .map(|c| Answer::One(c.id.to_string()))
                .collect();
            (q.id.as_str(), options)
        })
        .collect();
    let total: usize = singles.iter().map(|(_, o)| o.len()).product();
    let concerns: BTreeSet<String> = ["worry", "low_mood", "work"].map(String::from).into();

    // Split on the first question's answers across threads; within each,
    // an odometer over the remaining questions reuses one answer map.
    let (head_q, head) = &singles[0];
    let rest = &singles[1..];
    let checked: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = head
            .iter()
            .map(|first| {
                let (content, concerns) = (&content, &concerns);
                scope.spawn(move || {
                    let mut base = Answers::default();
                    base.set("concerns", Answer::Many(concerns.clone()));
                    base.set(*head_q, first.clone());
                    let mut digits = vec![0usize; rest.len()];
                    let mut answers = base.clone();
                    for (q, options) in rest {
                        answers.set(*q, options[0].clone());
                    }
                    let asked = content.visible_questions(&answers);
                    let everyone = content.questionnaire.questions.iter();
                    assert!(
                        everyone
                            .filter(|q| !content.is_follow_up(q))
                            .all(|q| asked.iter().any(|a| a.id == q.id)),
                        "every question is asked"
                    );
                    let mut n = 0usize;
                    'combos: loop {
                        // A fresh visit each time: the record of earlier
                        // answers would keep the first risk answer in force.
                        let mut answers = base.clone();
                        for (d, (q, options)) in digits.iter().zip(rest) {
                            answers.set(*q, options[*d].clone());
                        }
                        check(content, &answers);
                        n += 1;
                        for (d, (_, options)) in digits.iter_mut().zip(rest) {
                            *d += 1;
                            if *d < options.len() {
                                continue 'combos;
                            }
                            *d = 0;
                        }
                        return n;
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert_eq!(checked, total);
    eprintln!("checked {checked} answer combinations");
}

/// Any answers at all, including ids that do not exist and answers to
/// questions that are not asked.
fn any_answers(content: &Content) -> impl Strategy<Value = Answers> {
    let mut ids: Vec<(String, Vec<String>)> = content
        .questionnaire
        .questions
        .iter()
        .map(|q| {
            (
                q.id.clone(),
                q.choices(content)
                    .iter()
                    .map(|c| c.id.to_string())
                    .collect(),
            )
        })
        .collect();
    ids.push(("no_such_question".into(), vec!["x".into()]));
    let per_question: Vec<_> = ids
        .into_iter()
        .map(|(q, choices)| {
            let mut pool = choices.clone();
            pool.push("no_such_answer".into());
            let one = proptest::sample::select(pool.clone()).prop_map(Answer::One);
            let many = proptest::sample::subsequence(pool.clone(), 0..=pool.len())
                .prop_map(|v| Answer::Many(v.into_iter().collect()));
            let answer = prop_oneof![4 => one, 2 => many, 1 => Just(Answer::Skipped)];
            proptest::option::of(answer).prop_map(move |a| (q.clone(), a))
        })
        .collect();
    per_question.prop_map(|pairs| {
        let mut answers = Answers::default();
        for (q, a) in pairs {
            if let Some(a) = a {
                answers.set(q, a);
            }
        }
        answers
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, .. ProptestConfig::default() })]

    #[test]
    fn crisis_holds_for_any_answers(answers in any_answers(common::content())) {
        check(common::content(), &answers);
    }
}

/// Issue 23, item 3: a risk answer taken back keeps the crisis, for every
/// risk answer of every safety question, whatever it is changed to, and
/// urgent help says why in words that do not repeat the taken-back answer.
#[test]
fn a_risk_answer_taken_back_keeps_urgent_help_first() {
    let content = common::content();
    for q in content.safety_questions() {
        let choices = q.choices(content);
        for risk in choices
            .iter()
            .filter(|c| Some(c.id) != q.safe_answer.as_deref())
        {
            for now in &choices {
                let mut answers = Answers::default();
                answers.set(q.id.clone(), Answer::One(risk.id.to_string()));
                answers.set(q.id.clone(), Answer::One(now.id.to_string()));
                let outcome = score(content, &answers);
                assert!(outcome.crisis, "{} {} -> {}", q.id, risk.id, now.id);
                let first = &outcome.ranked[0];
                assert!(first.option.urgent, "{} {} -> {}", q.id, risk.id, now.id);
                if now.id != risk.id {
                    let taken_back = content.ui(signpost_engine::Ui::RiskTakenBack);
                    assert!(
                        first
                            .reasons
                            .iter()
                            .any(|r| std::ptr::eq(r.text, taken_back))
                    );
                }
            }
        }
    }
}

/// Issue 23, items 4 and 5: every risk answer has words of its own (the
/// harm question's three are not the self-harm words), "I'd rather not
/// say" is a risk answer on both safety questions, and only "someone may
/// hurt me" lists abuse lines first.
#[test]
fn each_risk_answer_has_its_own_words() {
    let content = common::content();
    let mut seen = Vec::new();
    for q in content.safety_questions() {
        let rather_not = q.choices(content).iter().any(|c| c.id == "rather_not_say");
        assert!(rather_not, "{} offers \"I'd rather not say\"", q.id);
        assert!(is_risk_answer(
            content,
            &q.id,
            &Answer::One("rather_not_say".into())
        ));
        for c in q.choices(content) {
            if Some(c.id) == q.safe_answer.as_deref() {
                continue;
            }
            let mut answers = Answers::default();
            answers.set(q.id.clone(), Answer::One(c.id.to_string()));
            let risks = signpost_engine::score::risk_answers(content, &answers);
            assert_eq!(risks.len(), 1);
            let r = &risks[0];
            let reason = r
                .reason()
                .expect("a reason")
                .get(signpost_engine::Locale::En);
            let panel = r
                .panel_text()
                .expect("panel words")
                .get(signpost_engine::Locale::En);
            assert_eq!(
                r.abuse_lines_first(),
                c.id == "someone_hurting_me",
                "{}",
                c.id
            );
            if q.id == "harm" {
                assert!(!panel.contains("these thoughts"), "{}: {panel}", c.id);
                assert!(!seen.contains(&panel.to_string()), "{}: shared words", c.id);
            }
            seen.push(panel.to_string());
            assert!(!reason.is_empty());
        }
    }
}
