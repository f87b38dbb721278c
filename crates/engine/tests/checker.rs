//! The clinic-facing checker command: messages and exit codes.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_signpost-check"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn good_content_passes_with_a_summary() {
    let (code, out) = check(&[
        "content/guide.toml",
        "content/options.toml",
        "content/questionnaire.toml",
        "content/safeguards.toml",
        "content/crisis.toml",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("ok: 8 support options, 26 questions"),
        "{out}"
    );
    // Every safeguard is proven, with the size of the answer space.
    assert!(out.contains("safeguards: proven over "), "{out}");
    assert!(out.contains("  holds  risk_first: "), "{out}");
}

#[test]
fn bad_content_fails_with_every_problem() {
    let dir = std::env::temp_dir().join(format!("signpost-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("questionnaire.toml");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/questionnaire.toml"
    ))
    .unwrap()
    .replacen("option = \"counselling\"", "option = \"counseling\"", 1);
    std::fs::write(&bad, text).unwrap();
    let (code, out) = check(&[
        "content/guide.toml",
        "content/options.toml",
        bad.to_str().unwrap(),
        "content/safeguards.toml",
        "content/crisis.toml",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("unknown support option \"counseling\""),
        "{out}"
    );
    assert!(out.ends_with("1 problem(s) found\n"), "{out}");
    let (code, out) = check(&["no/such/file.toml"]);
    assert_eq!((code, out.contains("cannot read")), (1, true));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(check(&[]).0, 2);
    assert_eq!(check(&["--compile"]).0, 2);
}

fn write_temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("signpost-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn score_prints_the_outcome_as_json() {
    let path = write_temp(
        "risk.json",
        r#"{ "concerns": ["work", "stress"], "duration": "months", "impact": "some",
            "phq4_1": "several_days", "phq4_2": "not_at_all", "phq4_3": "several_days", "phq4_4": "not_at_all",
            "safety": "several_days", "harm": "no", "wants": "goals" }"#,
    );
    let (code, out) = check(&["--score", &path]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(v["crisis"], true);
    assert_eq!(v["best"][0], "urgent_help");
    assert_eq!(v["ranked"].as_array().unwrap().len(), 8);
    assert_eq!(v["phq4"]["total"], 2);
    assert_eq!(v["phq4"]["band"], "none");
    assert!(
        v["cautions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["rule"] == "risk")
    );
    assert_eq!(v["options"]["coaching"]["excluded"], true);
    assert_eq!(
        v["options"]["urgent_help"]["reasons"][0]["from"],
        "safety question safety"
    );
    // Skipped PHQ-4 items: no total, never counted as 0; Spanish texts.
    let path = write_temp(
        "skipped.json",
        r#"{ "concerns": ["growth"], "impact": "none" }"#,
    );
    let (code, out) = check(&["--score", &path, "--locale", "es"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["phq4"]["total"], serde_json::Value::Null);
    assert_eq!(v["phq4"]["band"], serde_json::Value::Null);
    assert!(
        v["options"]["coaching"]["reasons"][0]["text"]
            .as_str()
            .unwrap()
            .contains("El coaching")
    );
}

#[test]
fn score_reports_every_problem_in_the_answers_with_its_path() {
    let path = write_temp(
        "bad.json",
        r#"{ "concerns": "work", "impact": "bad", "nope": "x", "phq4_1": ["several_days"] }"#,
    );
    let (code, out) = check(&["--score", &path]);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "$.concerns: \"concerns\" takes several answers: give a list",
        "$.impact: question \"impact\" has no answer \"bad\"",
        "$.nope: unknown question \"nope\"",
        "$.phq4_1: \"phq4_1\" takes one answer",
        "4 problem(s) found",
    ] {
        assert!(out.contains(expected), "{expected:?} in\n{out}");
    }
    let path = write_temp(
        "unasked.json",
        r#"{ "concerns": ["growth"], "duration": "recent" }"#,
    );
    let (code, out) = check(&["--score", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("$.duration: not asked with these answers"),
        "{out}"
    );
}

/// Issue 23 in `--score`: the clinician's case (three PHQ-4 items that
/// already reach severe, one skipped) and a risk answer taken back.
#[test]
fn score_replays_a_partial_phq4_and_a_taken_back_risk_answer() {
    let path = write_temp(
        "issue23.json",
        r#"{ "concerns": ["work"], "duration": "months", "impact": "none",
            "phq4_2": "nearly_every_day", "phq4_3": "nearly_every_day", "phq4_4": "nearly_every_day",
            "safety": "several_days>not_at_all", "harm": "no", "wants": "goals" }"#,
    );
    let (code, out) = check(&["--score", &path]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["phq4"]["band"], "severe");
    assert_eq!(v["phq4"]["band_is_minimum"], true);
    assert_eq!(v["phq4"]["total"], serde_json::Value::Null);
    assert_eq!(v["crisis"], true);
    assert_eq!(v["best"][0], "urgent_help");
    assert_eq!(v["risk_answers"][0]["taken_back"], true);
    assert_ne!(v["best"][1], "coaching");
}
