//! The personas in docs/personas.md, scored with the built-in content, and
//! how robust they are when every weight moves by one point.

mod common;

use signpost_engine::{Content, Outcome, score};

struct Row {
    number: String,
    persona: String,
    answers: String,
    /// Any of these may lead.
    lead: Vec<String>,
    /// Each entry: one of these must be among the best.
    also_best: Vec<Vec<String>>,
    never_first: Vec<String>,
    never_best: Vec<String>,
    /// The safeguard whose boundary this row sits on, and whether it is
    /// inside its condition (false: marked `outside`).
    safeguard: Option<(String, bool)>,
}

/// Splits a table row on `|`, keeping escaped `\|` inside cells.
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.trim().trim_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                out.last_mut().unwrap().push('|');
            }
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.iter().map(|c| c.trim().to_string()).collect()
}

fn rows() -> Vec<Row> {
    let doc = include_str!("../../../docs/personas.md");
    let list = |cell: &str| -> Vec<String> {
        cell.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let alternatives = |cell: &str| -> Vec<String> {
        cell.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    doc.lines()
        .filter(|l| l.starts_with("| ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit))
        .map(|l| {
            let c = cells(l);
            assert_eq!(c.len(), 9, "a persona row has nine cells: {l}");
            assert!(!c[8].is_empty(), "row {} needs its clinical reason", c[0]);
            let safeguard = (!c[7].is_empty()).then(|| match c[7].split_once(' ') {
                Some((id, "outside")) => (id.to_string(), false),
                None => (c[7].clone(), true),
                Some(_) => panic!("safeguard cell: `id` or `id outside`: {}", c[7]),
            });
            Row {
                number: c[0].clone(),
                persona: c[1].clone(),
                answers: c[2].clone(),
                lead: alternatives(&c[3]),
                also_best: list(&c[4]).iter().map(|a| alternatives(a)).collect(),
                never_first: list(&c[5]),
                never_best: list(&c[6]),
                safeguard,
            }
        })
        .collect()
}

/// The row's answers; the two safety questions default to their safe answer.
fn answers(content: &Content, row: &Row) -> signpost_engine::Answers {
    let mut spec = row.answers.clone();
    for (q, safe) in [("safety", "not_at_all"), ("harm", "no")] {
        if !spec
            .split(';')
            .any(|p| p.trim().starts_with(&format!("{q}=")))
        {
            spec.push_str(&format!("; {q}={safe}"));
        }
    }
    common::answers(content, &spec)
}

/// What is wrong with this outcome for this row (empty: as expected).
fn mismatches(row: &Row, outcome: &Outcome<'_>) -> Vec<String> {
    let best: Vec<&str> = outcome
        .best()
        .iter()
        .map(|s| s.option.id.as_str())
        .collect();
    let lead = outcome.lead().map_or("(none)", |s| s.option.id.as_str());
    let mut wrong = Vec::new();
    if !row.lead.iter().any(|l| l == lead) {
        wrong.push(format!("{lead} leads, expected {}", row.lead.join(" | ")));
    }
    for one_of in &row.also_best {
        if !one_of.iter().any(|o| best.contains(&o.as_str())) {
            wrong.push(format!("none of {one_of:?} is among the best {best:?}"));
        }
    }
    for o in &row.never_first {
        if lead == o {
            wrong.push(format!("{o} must not lead"));
        }
    }
    for o in &row.never_best {
        if best.contains(&o.as_str()) {
            wrong.push(format!("{o} must not be among the best {best:?}"));
        }
    }
    wrong
}

#[test]
fn personas_cover_every_safeguard_boundary() {
    let rows = rows();
    assert!(
        rows.len() >= 24,
        "docs/personas.md has {} personas",
        rows.len()
    );
    // A safeguard about pairs of answer sets (answering or skipping a
    // question) holds everywhere; the prover checks it pair by pair.
    let relational = |s: &&signpost_engine::model::Safeguard| {
        s.answering_keeps_restrictions || s.skipping_keeps_restrictions
    };
    for s in common::content()
        .safeguards
        .iter()
        .filter(|s| !relational(s))
    {
        for inside in [true, false] {
            assert!(
                rows.iter()
                    .any(|r| r.safeguard.as_ref() == Some(&(s.id.clone(), inside))),
                "no persona sits {} the boundary of safeguard {}",
                if inside { "inside" } else { "just outside" },
                s.id
            );
        }
    }
}

#[test]
fn each_persona_gets_what_a_clinician_expects() {
    let content = common::content();
    let mut failures = Vec::new();
    for row in rows() {
        let outcome = score(content, &answers(content, &row));
        let wrong = mismatches(&row, &outcome);
        if !wrong.is_empty() {
            let ranking: Vec<String> = outcome
                .ranked
                .iter()
                .map(|s| format!("{} {}", s.option.id, s.score))
                .collect();
            failures.push(format!(
                "#{} {}: {}\n    best {}, ranking: {}",
                row.number,
                row.persona,
                wrong.join("; "),
                outcome.best,
                ranking.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Where one weight lives in the content.
type WeightAt = dyn Fn(&mut Content) -> &mut i32;

/// Moves every weight (answers' and rules') by one point each way and
/// rescores every persona. Lists each row whose lead changes; fails if a
/// row inside a safeguard's boundary would then miss its expectation.
#[test]
fn one_point_on_any_weight_never_flips_a_safeguard_row() {
    let base = common::content();
    let rows = rows();
    let leads = |content: &Content| -> Vec<String> {
        rows.iter()
            .map(|r| {
                score(content, &answers(content, r))
                    .lead()
                    .map_or("(none)".into(), |s| s.option.id.clone())
            })
            .collect()
    };
    let before = leads(base);
    // Every weight's address: (rule or question, answer, weight index).
    let mut places: Vec<(String, Box<WeightAt>)> = Vec::new();
    for (qi, q) in base.questionnaire.questions.iter().enumerate() {
        for (ai, a) in q.answers.iter().enumerate() {
            for (wi, w) in a.weights.iter().enumerate() {
                places.push((
                    format!("{}={} -> {}", q.id, a.id, w.option),
                    Box::new(move |c: &mut Content| {
                        &mut c.questionnaire.questions[qi].answers[ai].weights[wi].points
                    }),
                ));
            }
        }
    }
    for (ri, r) in base.questionnaire.rules.iter().enumerate() {
        for (wi, w) in r.weights.iter().enumerate() {
            places.push((
                format!("rule {} -> {}", r.id, w.option),
                Box::new(move |c: &mut Content| &mut c.questionnaire.rules[ri].weights[wi].points),
            ));
        }
    }
    let mut flips = Vec::new();
    let mut broken = Vec::new();
    for (name, place) in &places {
        for delta in [-1, 1] {
            let mut content = base.clone();
            *place(&mut content) += delta;
            let after = leads(&content);
            for (i, row) in rows.iter().enumerate() {
                if after[i] != before[i] {
                    flips.push(format!(
                        "#{} {}: {} -> {} ({name} {delta:+})",
                        row.number, row.persona, before[i], after[i]
                    ));
                }
                if matches!(&row.safeguard, Some((_, true))) {
                    let wrong = mismatches(row, &score(&content, &answers(&content, row)));
                    if !wrong.is_empty() {
                        broken.push(format!(
                            "#{} ({name} {delta:+}): {}",
                            row.number,
                            wrong.join("; ")
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "{} weights moved by one point each way; {} lead changes:\n  {}",
        places.len(),
        flips.len(),
        flips.join("\n  ")
    );
    assert!(
        broken.is_empty(),
        "safeguard rows that one point breaks:\n{}",
        broken.join("\n")
    );
}
