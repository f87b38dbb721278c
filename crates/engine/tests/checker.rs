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
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("ok: 8 support options, 13 questions"),
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
