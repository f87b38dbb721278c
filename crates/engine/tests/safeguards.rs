//! The clinical safeguards (content/safeguards.toml), proven over every
//! reachable answer set; the proof's two methods agree; a weakened rule is
//! caught with a real counterexample; and `rank` keeps the contract the
//! structural method relies on, checked exhaustively on small cases.

mod common;

use std::time::Instant;

use common::{load_edited, replace_once};
use signpost_engine::prove::{Method, Proof, prove, prove_with};
use signpost_engine::score::{Restrictions, rank};
use signpost_engine::{Content, score};

/// The reachable answer sets of the built-in questionnaire, counted by hand:
/// "duration" is asked unless "growth" is the only concern; every other
/// question is always asked; optional ones may also be skipped; and a visit
/// may have taken back an earlier risk answer.
fn expected_answer_sets(c: &Content) -> u128 {
    let n = |id: &str| {
        let q = c.question(id).unwrap();
        q.choices(c).len() as u128 + u128::from(q.optional)
    };
    let concerns = (1u128 << c.question("concerns").unwrap().answers.len()) - 1;
    let with_duration = (concerns - 1) * n("duration") + 1;
    let rest: u128 = c
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.id != "concerns" && q.id != "duration")
        .map(|q| n(&q.id))
        .product();
    // Each with and without a risk answer given earlier and taken back.
    with_duration * rest * 2
}

fn report(label: &str, proof: &Proof, started: Instant) {
    eprintln!(
        "{label}: {} answer sets, {} control states, {} cases ranked, {} ms",
        proof.answer_sets,
        proof.controls,
        proof.cases,
        started.elapsed().as_millis()
    );
    for s in &proof.safeguards {
        eprintln!("  {}: {} answer sets", s.id, s.covered);
    }
}

#[test]
fn every_safeguard_holds_over_every_reachable_answer_set() {
    let content = common::content();
    let started = Instant::now();
    let proof = prove(content).unwrap();
    report("structural", &proof, started);
    assert_eq!(proof.answer_sets, expected_answer_sets(content));
    assert!(proof.answer_sets > 100_000_000_000);
    for s in &proof.safeguards {
        assert!(
            s.counterexample.is_none(),
            "{}: {:?}",
            s.id,
            s.counterexample
        );
        assert!(s.covered > 0, "{} applies to no answer set", s.id);
    }
    assert_eq!(proof.safeguards.len(), content.safeguards.len());
}

/// Ranks every case one by one (tens of millions) and must agree with the
/// structural method.
#[test]
fn ranking_every_case_agrees_with_the_structural_proof() {
    let content = common::content();
    let started = Instant::now();
    let exhaustive = prove_with(content, Method::Exhaustive).unwrap();
    report("exhaustive", &exhaustive, started);
    let structural = prove(content).unwrap();
    assert!(exhaustive.holds());
    assert!(exhaustive.cases > 1_000_000);
    assert_eq!(exhaustive.answer_sets, structural.answer_sets);
    for (a, b) in exhaustive.safeguards.iter().zip(&structural.safeguards) {
        assert_eq!((&a.id, a.covered), (&b.id, b.covered));
    }
}

/// The counterexample must really break the promise when scored.
fn assert_broken(content: &Content, id: &str, expect: &str) {
    let proof = prove(content).unwrap();
    let s = proof.safeguards.iter().find(|s| s.id == id).unwrap();
    let c = s
        .counterexample
        .as_ref()
        .unwrap_or_else(|| panic!("{id} should be broken"));
    assert!(c.broken.starts_with(expect), "{id}: {}", c.broken);
    let outcome = score(content, &c.answers);
    let best: Vec<String> = outcome.best().iter().map(|s| s.option.id.clone()).collect();
    assert_eq!(best, c.best, "the counterexample is the scored outcome");
    let guard = content.safeguards.iter().find(|g| g.id == id).unwrap();
    let bad = match expect {
        "never_best" => best.iter().any(|b| guard.never_best.contains(b)),
        "never_leads" => best.first().is_some_and(|l| guard.never_leads.contains(l)),
        other => panic!("{other}"),
    };
    assert!(bad, "{id}: {:?} does not break it", c.answers);
}

#[test]
fn without_the_risk_rule_light_support_joins_urgent_help_and_is_caught() {
    let content = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "exclude = [\"coaching\", \"guided_self_help\", \"peer_support\"]\n",
            "",
        )
    })
    .unwrap();
    assert_broken(&content, "risk_first", "never_best");
}

#[test]
fn without_holding_back_light_support_a_struggling_visitor_could_get_coaching_first() {
    let content = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "hold_back = [\"coaching\", \"peer_support\", \"guided_self_help\"]\n",
            "",
        )
    })
    .unwrap();
    assert_broken(&content, "severe_needs_doctor", "never_leads");
}

#[test]
fn without_the_well_rule_a_well_visitor_could_be_sent_to_a_doctor_first() {
    let content = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "hold_back = [\"psychiatry\", \"family_doctor\"]\n",
            "hold_back = [\"psychiatry\"]\n",
        )
    })
    .unwrap();
    assert_broken(&content, "well_not_medicalised", "never_leads");
}

/// `rank`'s contract, which the structural method relies on, over every
/// case of four options plus the urgent one: scores -1..=2 (every order,
/// tie and sign), every held and excluded set, no or one required set, with
/// and without a risk answer.
#[test]
fn rank_keeps_its_contract_on_every_small_case() {
    const N: usize = 5; // four options and the urgent one (index 4)
    let urgent = Some(4);
    let mut order = Vec::new();
    let mut cases = 0u64;
    for code in 0..4u32.pow(4) {
        let mut scores = [0i32; N];
        for (i, s) in scores.iter_mut().take(4).enumerate() {
            *s = (code / 4u32.pow(i as u32) % 4) as i32 - 1;
        }
        for held in 0u64..16 {
            for excluded in 0u64..16 {
                for required in 0u64..16 {
                    let r = Restrictions {
                        held,
                        excluded,
                        required: if required == 0 {
                            vec![]
                        } else {
                            vec![required]
                        },
                    };
                    for crisis in [false, true] {
                        let best = rank(&scores, urgent, &r, crisis, &mut order);
                        cases += 1;
                        let ctx =
                            || format!("{scores:?} {r:?} crisis={crisis}: {order:?} best {best}");
                        let mut sorted = order.clone();
                        sorted.sort();
                        let expected: Vec<usize> = if crisis {
                            (0..5).collect()
                        } else {
                            (0..4).collect()
                        };
                        assert_eq!(sorted, expected, "{}", ctx());
                        assert!(best <= order.len(), "{}", ctx());
                        let top = &order[..best];
                        if crisis {
                            assert_eq!(order[0], 4, "{}", ctx());
                            assert!(best >= 1, "{}", ctx());
                        } else if let Some(&lead) = top.first() {
                            assert_eq!(held & (1 << lead), 0, "held leads: {}", ctx());
                        }
                        assert!(top.iter().all(|&i| excluded & (1 << i) == 0), "{}", ctx());
                        if required & !excluded & !held != 0 {
                            assert!(top.iter().any(|&i| required & (1 << i) != 0), "{}", ctx());
                        }
                    }
                }
            }
        }
    }
    assert_eq!(cases, 256 * 16 * 16 * 16 * 2);
}
