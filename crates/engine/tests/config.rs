//! Clinic configuration: every problem reported with its path, and a
//! usable configuration whatever the input.

mod common;

use signpost_engine::config::{Severity, read_config};
use signpost_engine::{Locale, json_value};

fn read(json: &str) -> (signpost_engine::config::Config, Vec<String>) {
    let value = json_value(json).expect("valid JSON");
    let (config, problems) = read_config(&value, common::content());
    (config, problems.iter().map(|p| p.to_string()).collect())
}

fn has(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected {needle:?} in {problems:#?}"
    );
}

#[test]
fn the_example_configuration_is_clean() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../demo/guide/signpost.config.json"
    ))
    .unwrap();
    let (config, problems) = read(&text);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(
        config.clinic.as_ref().unwrap().name,
        "Riverside Wellbeing Clinic"
    );
    assert!(!config.contacts(Locale::Es).is_empty());
}

#[test]
fn a_full_configuration_is_read() {
    let (config, problems) = read(
        r##"{"schema_version": 1,
            "clinic": {"name": "Riverside", "phone": "+44 20 7946 0000", "email": "a@b.example", "web": "https://b.example/"},
            "crisis_contacts": {"en": [{"name": "Samaritans", "phone": "116 123"}]},
            "offered": ["counselling", "psychotherapy"],
            "locale": "es",
            "theme": {"--sp-accent": "#0b5d3b"}}"##,
    );
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.locale, Some(Locale::Es));
    // Spanish falls back to the English list.
    assert_eq!(config.contacts(Locale::Es)[0].phone, "116 123");
    assert!(config.offers("counselling") && !config.offers("coaching"));
    assert_eq!(
        config.theme,
        [("--sp-accent".to_string(), "#0b5d3b".to_string())]
    );
}

#[test]
fn no_crisis_contacts_is_a_warning_and_the_default_applies() {
    let (config, problems) = read(r#"{"schema_version": 1}"#);
    assert!(config.contacts(Locale::En).is_empty());
    has(
        &problems,
        "warning: crisis_contacts: no crisis contacts configured",
    );
}

#[test]
fn unknown_keys_are_warned_about_not_ignored_silently() {
    let (_, problems) =
        read(r#"{"schema_version": 1, "colour": "red", "clinic": {"name": "X", "fax": "1"}}"#);
    has(&problems, "warning: colour: unknown key ignored");
    has(&problems, "warning: clinic.fax: unknown key ignored");
}

#[test]
fn wrong_types_and_values_give_precise_errors_and_fallbacks() {
    let (config, problems) = read(
        r##"{"schema_version": "1",
            "clinic": {"name": 5},
            "crisis_contacts": {"en": [{"name": "Line", "phone": "call us"}, {"name": "Ok", "phone": "988"}], "fr": []},
            "offered": ["counseling", 3],
            "locale": "fr",
            "theme": {"--sp-accent": "url(https://evil.example/x)", "color": "red", "--sp-bg": "#fff"}}"##,
    );
    has(&problems, "error: schema_version: \"1\" is not supported");
    has(&problems, "error: clinic.name: must be text, not a number");
    has(
        &problems,
        "error: crisis_contacts.en[0].phone: \"call us\" is not a phone number",
    );
    has(
        &problems,
        "warning: crisis_contacts.fr: not a language of this guide",
    );
    has(
        &problems,
        "error: offered[0]: unknown support option \"counseling\"",
    );
    has(
        &problems,
        "error: offered[1]: must be an option id, not a number",
    );
    has(
        &problems,
        "error: locale: \"fr\" is not a language of this guide",
    );
    has(
        &problems,
        "error: theme.--sp-accent: must be a plain CSS value",
    );
    has(
        &problems,
        "warning: theme.color: theme keys are custom properties",
    );
    assert_eq!(config.clinic, None);
    assert_eq!(
        config.contacts(Locale::En).len(),
        1,
        "the good contact is kept"
    );
    assert_eq!(config.locale, None);
    assert_eq!(config.theme, [("--sp-bg".to_string(), "#fff".to_string())]);
    assert!(
        problems
            .iter()
            .all(|p| p.starts_with("error: ") || p.starts_with("warning: "))
    );
}

#[test]
fn not_an_object_still_gives_a_usable_configuration() {
    for json in ["[]", "null", "\"hello\"", "42"] {
        let value = json_value(json).unwrap();
        let (config, problems) = read_config(&value, common::content());
        assert_eq!(config, Default::default());
        assert!(
            problems
                .iter()
                .any(|p| p.severity == Severity::Error && p.path == "config"),
            "{json}"
        );
    }
}

#[test]
fn huge_or_malformed_files_are_refused_by_the_reader() {
    assert!(json_value("{").is_err());
    assert!(
        json_value(&format!("{{\"a\": \"{}\"}}", "x".repeat(70 * 1024)))
            .unwrap_err()
            .contains("larger than 64 KiB")
    );
}

#[test]
fn the_published_schema_lists_the_same_keys_and_options() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../config/config.schema.json"
    ))
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut keys: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = signpost_engine::config::KEYS.to_vec();
    keys.sort();
    expected.sort();
    assert_eq!(keys, expected);
    let offered: Vec<&str> = schema["properties"]["offered"]["items"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let options: Vec<&str> = common::content()
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(offered, options);
}
