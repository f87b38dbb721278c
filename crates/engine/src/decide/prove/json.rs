//! A counterexample's answers as JSON, for `signpost-check --score`.

use super::*;

/// The answers as `signpost-check --score` reads them.
pub fn answers_json(content: &Content, answers: &Answers) -> String {
    let mut parts = Vec::new();
    for q in &content.questionnaire.questions {
        let Some(a) = answers.get(&q.id) else {
            continue;
        };
        let value = match a {
            Answer::One(id) => format!("\"{id}\""),
            Answer::Many(set) => format!(
                "[{}]",
                set.iter()
                    .map(|s| format!("\"{s}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Answer::Skipped => continue,
        };
        parts.push(format!("\"{}\": {value}", q.id));
    }
    format!("{{ {} }}", parts.join(", "))
}
