//! The clinical safeguards (content/safeguards.toml), proven over every
//! reachable answer set; the proof's two methods agree; a weakened rule is
//! caught with a real counterexample; and `rank` keeps the contract the
//! structural method relies on, checked exhaustively on small cases.

mod common;

use std::sync::OnceLock;
use std::time::Instant;

use common::{load_edited, replace_once};
use signpost_engine::prove::{Method, Proof, prove, prove_with};
use signpost_engine::score::{Restrictions, rank};
use signpost_engine::{Content, score};

/// The reachable answer sets of the built-in questionnaire, counted by hand:
/// "duration" is asked unless "growth" is the only concern; every other
/// question asked of everyone is always asked; optional ones may also be
/// skipped; a follow-up's offer is asked when its PHQ-4 pair flags (3 or
/// more over the items answered), "no" ends it and "yes" asks its items,
/// each required; and a visit may have taken back an earlier risk answer.
fn expected_answer_sets(c: &Content) -> u128 {
    let n = |id: &str| {
        let q = c.question(id).unwrap();
        q.choices(c).len() as u128 + u128::from(q.optional)
    };
    let concerns = (1u128 << c.question("concerns").unwrap().answers.len()) - 1;
    let with_duration = (concerns - 1) * n("duration") + 1;
    let phq4 = ["phq4_1", "phq4_2", "phq4_3", "phq4_4"];
    let rest: u128 = c
        .questionnaire
        .questions
        .iter()
        .filter(|q| !["concerns", "duration"].contains(&q.id.as_str()))
        .filter(|q| !phq4.contains(&q.id.as_str()) && !c.is_follow_up(q))
        .map(|q| n(&q.id))
        .product();
    // The PHQ-4 items (0-3 or skipped) and what each pair's sum offers.
    let items = |prefix: &str| {
        c.questionnaire
            .questions
            .iter()
            .filter(|q| q.id.starts_with(prefix) && !q.id.ends_with("offer"))
            .count() as u32
    };
    let taken = |flagged: bool, prefix: &str| {
        if flagged {
            1 + 4u128.pow(items(prefix))
        } else {
            1
        }
    };
    let value = [None, Some(0u32), Some(1), Some(2), Some(3)];
    let mut screens = 0u128;
    for a in value {
        for b in value {
            for x in value {
                for y in value {
                    let gad2 = a.unwrap_or(0) + b.unwrap_or(0) >= 3;
                    let phq2 = x.unwrap_or(0) + y.unwrap_or(0) >= 3;
                    screens += taken(gad2, "gad7_") * taken(phq2, "phq9_");
                }
            }
        }
    }
    // Each with and without a risk answer given earlier and taken back.
    with_duration * rest * screens * 2
}

/// `questionnaire.toml` with no follow-up ever offered: the PHQ-4 pairs
/// (0-6) cannot reach a flag of 7, so the GAD-7 and PHQ-9 offers are never
/// asked. Its answer space is the questionnaire's before issue 28.
fn no_follow_ups(text: &str) -> String {
    assert_eq!(
        text.matches("flag_at = 3").count(),
        2,
        "the two PHQ-4 pairs"
    );
    text.replace("flag_at = 3", "flag_at = 7")
}

/// The built-in content without its follow-ups, loaded once: small enough
/// to rank every case one by one.
fn without_follow_ups() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| load_edited("questionnaire.toml", no_follow_ups).unwrap())
}

/// The built-in content with one edit that breaks a safeguard, and without
/// the follow-ups: with a promise that no longer follows from the
/// restrictions, the structural method ranks score vectors, as the
/// exhaustive one does, which is quicker on the smaller space; one broken
/// safeguard is also found over the full space, below.
fn broken(from: &str, to: &str) -> Content {
    load_edited("questionnaire.toml", |t| {
        no_follow_ups(&replace_once(t, from, to))
    })
    .unwrap()
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
/// structural method. On the questionnaire without its follow-ups: with
/// them, the answer space is far too large to rank one by one (the
/// structural method proves it, above); the two methods share everything
/// but the ranking, which this compares.
#[test]
fn ranking_every_case_agrees_with_the_structural_proof() {
    let content = without_follow_ups();
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
    let content = broken(
        "exclude = [\"coaching\", \"guided_self_help\", \"peer_support\"]\n",
        "",
    );
    assert_broken(&content, "risk_first", "never_best");
}

#[test]
fn without_holding_back_light_support_a_struggling_visitor_could_get_coaching_first() {
    let content = broken(
        "hold_back = [\"coaching\", \"peer_support\", \"guided_self_help\"]\n",
        "",
    );
    assert_broken(&content, "severe_needs_doctor", "never_leads");
}

#[test]
fn without_the_well_rule_a_well_visitor_could_be_sent_to_a_doctor_first() {
    let content = broken(
        "hold_back = [\"psychiatry\", \"family_doctor\"]\n",
        "hold_back = [\"psychiatry\"]\n",
    );
    assert_broken(&content, "well_not_medicalised", "never_leads");
}

/// Over the full answer space (the follow-ups' 4 x 10^17 answer sets) a
/// broken safeguard is found too, in bounded memory: the score walk goes in
/// batches and stops at the first counterexample (hazard H33; before, it
/// kept every score vector and needed more than 24 GB).
#[test]
fn a_broken_safeguard_is_found_over_the_full_answer_space() {
    let content = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "hold_back = [\"coaching\", \"peer_support\", \"guided_self_help\"]\n",
            "",
        )
    })
    .unwrap();
    let started = Instant::now();
    assert_broken(&content, "severe_needs_doctor", "never_leads");
    eprintln!("found in {} ms", started.elapsed().as_millis());
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
