//! The follow-up screening (issue 28): the GAD-7 and PHQ-9 scored against
//! their published tables over every combination of item values, offered
//! exactly when the PHQ-4's pair flags; the self-care actions; the
//! directory's routes in the browser's file; and the validator's new
//! `show_if` form.

mod common;

use common::{load_edited, replace_once};
use signpost_engine::directory::Directory;
use signpost_engine::score::{band_of, self_care};
use signpost_engine::{Answer, Answers, Content, score};

/// The frequency scale's answer ids, by value 0-3.
const VALUE: [&str; 4] = [
    "not_at_all",
    "several_days",
    "more_than_half",
    "nearly_every_day",
];

/// The PHQ-9's published bands (Kroenke, Spitzer & Williams 2001), written
/// out here, not read from the content, so a wrong edge there fails here.
fn phq9_band(total: u32) -> &'static str {
    match total {
        0..=4 => "minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=19 => "moderately_severe",
        20..=27 => "severe",
        _ => unreachable!("{total}"),
    }
}

/// The GAD-7's published bands (Spitzer et al. 2006).
fn gad7_band(total: u32) -> &'static str {
    match total {
        0..=4 => "minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=21 => "severe",
        _ => unreachable!("{total}"),
    }
}

/// A visit with everything asked of everyone answered (the PHQ-4 and the
/// safety question are set by each test), both offers taken.
fn base(content: &Content) -> Answers {
    Answers::from_pairs(
        content,
        [
            ("concerns", "low_mood"),
            ("concerns", "worry"),
            ("duration", "months"),
            ("impact", "some"),
            ("gad7_offer", "yes"),
            ("phq9_offer", "yes"),
            ("harm", "no"),
        ],
    )
}

fn one(v: u32) -> Answer {
    Answer::One(VALUE[v as usize].to_string())
}

/// The values of `n` items, from a number in 0..4^n.
fn values(code: u32, n: usize) -> Vec<u32> {
    (0..n).map(|i| (code >> (2 * i)) & 3).collect()
}

/// Every one of the 4^9 = 262144 combinations of the PHQ-9's nine items
/// (the PHQ-4's last two, the six follow-up items, the safety question).
/// When the PHQ-2 pair flags (3 or more), the follow-up is asked and the
/// total and band are the published ones; otherwise it is never asked and
/// there is no total (the published table is still checked at that sum
/// through the engine's `band_of`).
#[test]
fn phq9_every_combination_scores_as_published() {
    let content = common::content();
    let phq9 = content
        .questionnaire
        .instruments
        .iter()
        .find(|i| i.id == "phq9")
        .unwrap();
    let items = [
        "phq4_3", "phq4_4", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7", "phq9_8", "safety",
    ];
    assert_eq!(phq9.items, items, "the PHQ-9's items, in order");
    let base = base(content);
    let mut bands = std::collections::BTreeMap::new();
    let mut offered = 0u32;
    for code in 0..4u32.pow(9) {
        let v = values(code, 9);
        let mut answers = base.clone();
        answers.set("phq4_1", one(0));
        answers.set("phq4_2", one(0));
        for (item, &value) in items.iter().zip(&v) {
            answers.set(*item, one(value));
        }
        let total: u32 = v.iter().sum();
        let outcome = score(content, &answers);
        let result = outcome.instrument("phq9").expect("a phq9 result");
        let ctx = || format!("{v:?}");
        let band = band_of(phq9, total, true).map(|b| phq9.bands[b].id.as_str());
        assert_eq!(band, Some(phq9_band(total)), "{}", ctx());
        if v[0] + v[1] >= 3 {
            offered += 1;
            assert!(result.asked, "{}", ctx());
            assert_eq!(result.total, Some(total), "{}", ctx());
            let band = result.band.expect("a band for every total");
            assert_eq!(band.id, phq9_band(total), "{}", ctx());
            assert!(result.skipped.is_empty(), "{}", ctx());
            *bands.entry(band.id.clone()).or_insert(0u32) += 1;
        } else {
            assert!(!result.asked, "{}", ctx());
            assert_eq!(result.total, None, "{}", ctx());
        }
    }
    // 10 of the 16 PHQ-2 pairs reach 3; every band is reached.
    assert_eq!(offered, 10 * 4u32.pow(7));
    let seen: Vec<&str> = bands.keys().map(String::as_str).collect();
    assert_eq!(
        seen,
        ["mild", "minimal", "moderate", "moderately_severe", "severe"]
    );
}

/// Every one of the 4^7 = 16384 combinations of the GAD-7's items (the
/// PHQ-4's first two, the five follow-up items).
#[test]
fn gad7_every_combination_scores_as_published() {
    let content = common::content();
    let gad7 = content
        .questionnaire
        .instruments
        .iter()
        .find(|i| i.id == "gad7")
        .unwrap();
    let items = [
        "phq4_1", "phq4_2", "gad7_3", "gad7_4", "gad7_5", "gad7_6", "gad7_7",
    ];
    assert_eq!(gad7.items, items, "the GAD-7's items, in order");
    let mut answers = base(content);
    answers.set("phq4_3", one(0));
    answers.set("phq4_4", one(0));
    answers.set("safety", one(0));
    let mut bands = std::collections::BTreeMap::new();
    for code in 0..4u32.pow(7) {
        let v = values(code, 7);
        let mut answers = answers.clone();
        for (item, &value) in items.iter().zip(&v) {
            answers.set(*item, one(value));
        }
        let total: u32 = v.iter().sum();
        let outcome = score(content, &answers);
        let result = outcome.instrument("gad7").expect("a gad7 result");
        let ctx = || format!("{v:?}");
        let band = band_of(gad7, total, true).map(|b| gad7.bands[b].id.as_str());
        assert_eq!(band, Some(gad7_band(total)), "{}", ctx());
        if v[0] + v[1] >= 3 {
            assert!(result.asked, "{}", ctx());
            assert_eq!(result.total, Some(total), "{}", ctx());
            let band = result.band.expect("a band for every total");
            assert_eq!(band.id, gad7_band(total), "{}", ctx());
            *bands.entry(band.id.clone()).or_insert(0u32) += 1;
        } else {
            assert!(!result.asked, "{}", ctx());
            assert_eq!(result.total, None, "{}", ctx());
        }
    }
    assert_eq!(bands.values().sum::<u32>(), 10 * 4u32.pow(5));
    let seen: Vec<&str> = bands.keys().map(String::as_str).collect();
    assert_eq!(seen, ["mild", "minimal", "moderate", "severe"]);
}

/// "I'd rather not say" to the safety question (PHQ-9 item 9) has no value:
/// no PHQ-9 total, only a floor. Declining an offer asks none of its items.
#[test]
fn rather_not_say_and_declining_give_no_total() {
    let content = common::content();
    let mut answers = base(content);
    for (item, v) in [
        ("phq4_1", 2),
        ("phq4_2", 2),
        ("phq4_3", 2),
        ("phq4_4", 2),
        ("phq9_3", 3),
        ("phq9_4", 3),
        ("phq9_5", 3),
        ("phq9_6", 3),
        ("phq9_7", 3),
        ("phq9_8", 3),
        ("gad7_3", 1),
        ("gad7_4", 1),
        ("gad7_5", 1),
        ("gad7_6", 1),
        ("gad7_7", 1),
    ] {
        answers.set(item, one(v));
    }
    answers.set("safety", Answer::One("rather_not_say".into()));
    let outcome = score(content, &answers);
    let phq9 = outcome.instrument("phq9").unwrap();
    assert!(phq9.asked);
    assert_eq!(phq9.total, None);
    assert_eq!(phq9.at_least, 22);
    assert!(phq9.band_is_minimum());
    assert_eq!(phq9.band.unwrap().id, "severe");
    assert_eq!(outcome.instrument("gad7").unwrap().total, Some(9));

    // Declined: not asked, no total, even with its items' answers kept
    // from before.
    answers.set("safety", one(0));
    answers.set("phq9_offer", Answer::One("no".into()));
    answers.set("gad7_offer", Answer::One("no".into()));
    let outcome = score(content, &answers);
    for id in ["phq9", "gad7"] {
        let r = outcome.instrument(id).unwrap();
        assert!(!r.asked, "{id}");
        assert_eq!(r.total, None, "{id}");
    }
    let asked = content.visible_questions(&answers);
    assert!(asked.iter().all(
        |q| !q.id.starts_with("phq9_") && !q.id.starts_with("gad7_") || q.id.ends_with("offer")
    ));
    // The PHQ-4 is asked of everyone.
    assert!(outcome.instrument("phq4").unwrap().asked);
}

/// A PHQ-4 item's answer: not reached, skipped, or 0-3.
#[derive(Clone, Copy, Debug)]
enum Item {
    Unanswered,
    Skipped,
    Value(u32),
}

const ITEM: [Item; 6] = [
    Item::Unanswered,
    Item::Skipped,
    Item::Value(0),
    Item::Value(1),
    Item::Value(2),
    Item::Value(3),
];

fn set_item(answers: &mut Answers, id: &str, item: Item) {
    match item {
        Item::Unanswered => {}
        Item::Skipped => answers.set(id, Answer::Skipped),
        Item::Value(v) => answers.set(id, one(v)),
    }
}

fn value(item: Item) -> u32 {
    match item {
        Item::Value(v) => v,
        _ => 0,
    }
}

/// Each offer is asked exactly when its pair reaches 3 over the items
/// answered (a skipped item counts nothing), over every 6^4 states of the
/// PHQ-4; its items exactly when it is asked and taken; and nothing after
/// it changes with the follow-ups.
#[test]
fn offers_appear_exactly_when_the_subscale_flags() {
    let content = common::content();
    let everyone: Vec<&str> = content
        .questionnaire
        .questions
        .iter()
        .filter(|q| !content.is_follow_up(q))
        .map(|q| q.id.as_str())
        .collect();
    let mut shown = [0u32; 2];
    for a in ITEM {
        for b in ITEM {
            for c in ITEM {
                for d in ITEM {
                    for taken in ["yes", "no"] {
                        let mut answers = Answers::from_pairs(content, [("concerns", "stress")]);
                        for (id, item) in
                            [("phq4_1", a), ("phq4_2", b), ("phq4_3", c), ("phq4_4", d)]
                        {
                            set_item(&mut answers, id, item);
                        }
                        answers.set("gad7_offer", Answer::One(taken.into()));
                        answers.set("phq9_offer", Answer::One(taken.into()));
                        let asked: Vec<&str> = content
                            .visible_questions(&answers)
                            .iter()
                            .map(|q| q.id.as_str())
                            .collect();
                        let ctx = format!("{a:?} {b:?} {c:?} {d:?} {taken}");
                        let gad2 = value(a) + value(b) >= 3;
                        let phq2 = value(c) + value(d) >= 3;
                        assert_eq!(asked.contains(&"gad7_offer"), gad2, "{ctx}");
                        assert_eq!(asked.contains(&"phq9_offer"), phq2, "{ctx}");
                        for i in 3..=7 {
                            let id = format!("gad7_{i}");
                            let expect = gad2 && taken == "yes";
                            assert_eq!(asked.contains(&id.as_str()), expect, "{id} {ctx}");
                        }
                        for i in 3..=8 {
                            let id = format!("phq9_{i}");
                            let expect = phq2 && taken == "yes";
                            assert_eq!(asked.contains(&id.as_str()), expect, "{id} {ctx}");
                        }
                        // Every question asked of everyone is asked, in order.
                        let rest: Vec<&str> = asked
                            .iter()
                            .copied()
                            .filter(|id| everyone.contains(id))
                            .collect();
                        assert_eq!(rest, everyone, "{ctx}");
                        shown[0] += u32::from(gad2);
                        shown[1] += u32::from(phq2);
                    }
                }
            }
        }
    }
    // A pair's states reaching 3: 14 of 36 (either item 3: 11; 2 with 1
    // or 2: 2; 1 with 2: 1), each with the other pair's 36 states and both
    // answers to the offers.
    assert_eq!(shown, [14 * 36 * 2, 14 * 36 * 2]);
}

/// The self-care actions, written out from the content's conditions: the
/// first three of those that hold, in order; "move" and "connect" for
/// everyone.
fn expected_self_care(concern: &str, phq4: [Item; 4], sleep: Option<u32>) -> Vec<&'static str> {
    let gad2 = value(phq4[0]) + value(phq4[1]) >= 3;
    let phq2 = value(phq4[2]) + value(phq4[3]) >= 3;
    let mut all = Vec::new();
    // Sleep: PHQ-9 item 3 (asked only after the PHQ-2 flags) on more than
    // half the days or nearly every day.
    if phq2 && sleep.is_some_and(|v| v >= 2) {
        all.push("sleep");
    }
    if concern == "worry" || gad2 {
        all.push("worry");
    }
    if concern == "low_mood" || phq2 {
        all.push("low_mood");
    }
    if concern == "stress" || concern == "work" {
        all.push("stress");
    }
    all.extend(["move", "connect"]);
    all.truncate(3);
    all
}

/// Every visitor gets two or three actions, the ones whose conditions hold:
/// over every PHQ-4 state (skips included), each single concern, and the
/// PHQ-9's sleep item untaken or at each value.
#[test]
fn self_care_gives_two_or_three_actions_that_fit() {
    let content = common::content();
    let concerns: Vec<&str> = content
        .question("concerns")
        .unwrap()
        .answers
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut visitors = 0u32;
    for concern in &concerns {
        for a in ITEM {
            for b in ITEM {
                for c in ITEM {
                    for d in ITEM {
                        for sleep in [None, Some(0), Some(1), Some(2), Some(3)] {
                            let mut answers =
                                Answers::from_pairs(content, [("concerns", *concern)]);
                            for (id, item) in
                                [("phq4_1", a), ("phq4_2", b), ("phq4_3", c), ("phq4_4", d)]
                            {
                                set_item(&mut answers, id, item);
                            }
                            answers.set("phq9_offer", Answer::One("yes".into()));
                            if let Some(v) = sleep {
                                answers.set("phq9_3", one(v));
                            }
                            let chosen: Vec<&str> = self_care(content, &answers)
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect();
                            let ctx = format!("{concern} {a:?} {b:?} {c:?} {d:?} {sleep:?}");
                            assert!((2..=3).contains(&chosen.len()), "{chosen:?} {ctx}");
                            assert_eq!(
                                chosen,
                                expected_self_care(concern, [a, b, c, d], sleep),
                                "{ctx}"
                            );
                            seen.extend(chosen);
                            visitors += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(visitors, concerns.len() as u32 * 6u32.pow(4) * 5);
    // Every action is given to someone.
    let all: std::collections::BTreeSet<&str> = content
        .questionnaire
        .self_care
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(seen, all);
}

/// The browser's directory file keeps the routes into services.
#[test]
fn the_directory_file_keeps_the_routes() {
    let d = Directory::from_content(common::content());
    let routes: usize = d.countries.iter().map(|c| c.routes.len()).sum();
    assert!(routes > 0, "the built-in directory has routes");
    let text = d.to_text();
    assert_eq!(
        text.lines().filter(|l| l.starts_with("R\t")).count(),
        routes
    );
    let back = Directory::from_text(&text).expect("the file reads back");
    for (a, b) in d.countries.iter().zip(&back.countries) {
        assert_eq!(a.routes, b.routes, "{}", a.code);
    }
    assert_eq!(back, d);
    // A route before any country, or of an unknown kind, is not a file.
    let first = text.lines().find(|l| l.starts_with("R\t")).unwrap();
    assert_eq!(
        Directory::from_text(&format!("signpost-directory 1\n{first}\n")),
        None
    );
    let unknown = first.replacen("R\t", "R\tnonsense_kind\t", 1);
    let unknown = format!("signpost-directory 1\nC\tGB\t\t\t\n{unknown}\n");
    assert_eq!(Directory::from_text(&unknown), None);
}

/// A flag `show_if` must come after every item of its instrument (else the
/// subscale's items are not all answered when it is asked), and a `show_if`
/// takes one form only.
#[test]
fn misplaced_or_double_show_if_is_refused() {
    // The GAD-7's offer's condition moved to the PHQ-4's third item: after
    // the GAD-2's items, but before the PHQ-4's last two.
    let early = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "show_if = { flag = { instrument = \"phq4\", subscale = \"gad2\" } }",
            "",
        )
        .replacen(
            "id = \"phq4_3\"\n",
            "id = \"phq4_3\"\nshow_if = { flag = { instrument = \"phq4\", subscale = \"gad2\" } }\n",
            1,
        )
    });
    let problems = match early {
        Ok(_) => panic!("a flag show_if before its instrument's last item was accepted"),
        Err(p) => p.to_string(),
    };
    assert!(
        problems.contains(
            "questionnaire.questions[5].show_if.flag.instrument: its item \"phq4_3\" is not asked before this question"
        ),
        "{problems}"
    );

    // The offer keeps its flag and also names a question.
    let both = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "show_if = { flag = { instrument = \"phq4\", subscale = \"gad2\" } }",
            "show_if = { question = \"impact\", any_of = [\"a_lot\"], flag = { instrument = \"phq4\", subscale = \"gad2\" } }",
        )
    });
    let problems = match both {
        Ok(_) => panic!("a show_if with both forms was accepted"),
        Err(p) => p.to_string(),
    };
    assert!(
        problems.contains(
            "questionnaire.questions[7].show_if: give either `question` with `any_of`, or `flag`"
        ),
        "{problems}"
    );

    // Neither form.
    let neither = load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "show_if = { flag = { instrument = \"phq4\", subscale = \"gad2\" } }",
            "show_if = { any_of = [\"yes\"] }",
        )
    });
    let problems = match neither {
        Ok(_) => panic!("a show_if with no form was accepted"),
        Err(p) => p.to_string(),
    };
    assert!(
        problems.contains(
            "questionnaire.questions[7].show_if: give either `question` with `any_of`, or `flag`"
        ),
        "{problems}"
    );
}
