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
/// (about 26 million), with the multiple-choice question answered so that
/// every question is asked. Skipped answers and other multiple-choice sets
/// are covered by the property test below.
#[test]
fn exhaustive_over_every_single_choice_combination() {
    let content = common::content();
    let singles: Vec<(&str, Vec<Answer>)> = content
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Multi)
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
                    let mut answers = Answers::default();
                    answers.set("concerns", Answer::Many(concerns.clone()));
                    answers.set(*head_q, first.clone());
                    let mut digits = vec![0usize; rest.len()];
                    for (q, options) in rest {
                        answers.set(*q, options[0].clone());
                    }
                    let asked = content.visible_questions(&answers).len();
                    assert_eq!(
                        asked,
                        content.questionnaire.questions.len(),
                        "every question is asked"
                    );
                    let mut n = 0usize;
                    'combos: loop {
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
