//! "Remember my answers on this device": the only storage the guide ever
//! uses, and only after the visitor ticks the box. One localStorage key;
//! unticking, "Forget my answers" or "Start again" removes it.

use std::collections::BTreeSet;

use signpost_engine::directory::is_country_code;
use signpost_engine::{Answer, Answers, Content};

/// The one key the guide may write.
pub const KEY: &str = "signpost.answers.v1";

/// `question=a|b;question2=c;skipped=-`: ids only (they are
/// `lower_snake_case`, so the separators cannot occur in them). Answers
/// taken back for which `keep_earlier` holds (the risk answers: a reload
/// must not lift the crisis) follow as `~question=a`.
pub fn encode(answers: &Answers, keep_earlier: impl Fn(&str, &str) -> bool) -> String {
    let earlier = answers
        .taken_back()
        .filter(|(q, a)| keep_earlier(q, a))
        .map(|(q, a)| format!("~{q}={a}"));
    answers
        .iter()
        .map(|(q, a)| {
            let value = match a {
                Answer::One(id) => id.clone(),
                Answer::Many(ids) => {
                    format!("|{}", ids.iter().cloned().collect::<Vec<_>>().join("|"))
                }
                Answer::Skipped => "-".to_string(),
            };
            format!("{q}={value}")
        })
        .chain(earlier)
        .collect::<Vec<_>>()
        .join(";")
}

/// The inverse of [`encode`]; anything malformed is dropped, never a panic.
/// The visitor's chosen country, kept in the same key as their answers
/// (`...;@=GB`), only when they chose to be remembered.
pub fn encode_country(text: &mut String, country: Option<&str>) {
    if let Some(c) = country.filter(|c| is_country_code(c)) {
        if !text.is_empty() {
            text.push(';');
        }
        text.push_str("@=");
        text.push_str(c);
    }
}

/// The country stored by [`encode_country`], if any.
pub fn decode_country(text: &str) -> Option<String> {
    text.split(';')
        .find_map(|p| p.strip_prefix("@="))
        .filter(|c| is_country_code(c))
        .map(String::from)
}

pub fn decode(text: &str) -> Answers {
    let mut answers = Answers::default();
    for part in text.split(';') {
        let Some((q, v)) = part.split_once('=') else {
            continue;
        };
        let (q, earlier) = match q.strip_prefix('~') {
            Some(q) => (q, true),
            None => (q, false),
        };
        let valid = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        if !valid(q) {
            continue;
        }
        let answer = if v == "-" {
            Answer::Skipped
        } else if let Some(many) = v.strip_prefix('|') {
            Answer::Many(
                many.split('|')
                    .filter(|s| valid(s))
                    .map(String::from)
                    .collect::<BTreeSet<_>>(),
            )
        } else if valid(v) {
            if earlier {
                answers.note_earlier(q, v);
                continue;
            }
            Answer::One(v.to_string())
        } else {
            continue;
        };
        answers.set(q, answer);
    }
    answers
}

/// The remembered answers, if the visitor chose to keep them.
pub fn load() -> Option<(Answers, Option<String>)> {
    crate::platform::recall(KEY).map(|s| (decode(&s), decode_country(&s)))
}

pub fn save(content: &Content, answers: &Answers, country: Option<&str>) {
    let mut text = encode(answers, |q, a| {
        signpost_engine::is_risk_answer(content, q, &Answer::One(a.into()))
    });
    encode_country(&mut text, country);
    crate::platform::remember(KEY, &text);
}

pub fn forget() {
    crate::platform::forget(KEY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_answer() {
        let mut a = Answers::default();
        a.set(
            "concerns",
            Answer::Many(["grief".to_string(), "work".to_string()].into()),
        );
        a.set("impact", Answer::One("some".into()));
        a.set("time", Answer::Skipped);
        assert_eq!(
            encode(&a, |_, _| true),
            "concerns=|grief|work;impact=some;time=-"
        );
        assert_eq!(decode(&encode(&a, |_, _| true)), a);
    }

    #[test]
    fn a_taken_back_risk_answer_is_kept_and_nothing_else() {
        let mut a = Answers::default();
        a.set("safety", Answer::One("several_days".into()));
        a.set("safety", Answer::One("not_at_all".into()));
        a.set("impact", Answer::One("some".into()));
        a.set("impact", Answer::One("none".into()));
        let text = encode(&a, |q, _| q == "safety");
        assert_eq!(text, "impact=none;safety=not_at_all;~safety=several_days");
        let back = decode(&text);
        assert_eq!(
            back.taken_back().collect::<Vec<_>>(),
            [("safety", "several_days")]
        );
    }

    #[test]
    fn malformed_text_is_dropped() {
        let a = decode("x;=y;Q=a;q=<script>;ok=fine;m=|a|B|c");
        assert_eq!(encode(&a, |_, _| true), "m=|a|c;ok=fine");
    }
}
