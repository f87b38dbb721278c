//! The personas in docs/personas.md, scored with the built-in content.

mod common;

use signpost_engine::score;

struct Row {
    number: String,
    persona: String,
    answers: String,
    first: String,
    also_best: Vec<String>,
    never_first: Vec<String>,
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
    doc.lines()
        .filter(|l| l.starts_with("| ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_digit))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 6, "a persona row has six cells: {l}");
            Row {
                number: cells[0].into(),
                persona: cells[1].into(),
                answers: cells[2].into(),
                first: cells[3].into(),
                also_best: list(cells[4]),
                never_first: list(cells[5]),
            }
        })
        .collect()
}

#[test]
fn at_least_twelve_personas_are_documented() {
    assert!(
        rows().len() >= 12,
        "docs/personas.md has {} personas",
        rows().len()
    );
}

#[test]
fn each_persona_gets_the_expected_first_suggestion() {
    let content = common::content();
    let mut failures = Vec::new();
    for row in rows() {
        let answers = common::answers(content, &row.answers);
        let outcome = score(content, &answers);
        let ranking: Vec<String> = outcome
            .ranked
            .iter()
            .map(|s| format!("{} {}", s.option.id, s.score))
            .collect();
        let best: Vec<&str> = outcome
            .best()
            .iter()
            .map(|s| s.option.id.as_str())
            .collect();
        let first = outcome.ranked[0].option.id.as_str();
        let mut wrong = Vec::new();
        if first != row.first {
            wrong.push(format!("first is {first}, expected {}", row.first));
        }
        for o in &row.also_best {
            if !best.contains(&o.as_str()) {
                wrong.push(format!("{o} is not among the best {best:?}"));
            }
        }
        for o in &row.never_first {
            if first == o {
                wrong.push(format!("{o} must not come first"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "#{} {}: {}\n    ranking: {}",
                row.number,
                row.persona,
                wrong.join("; "),
                ranking.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
