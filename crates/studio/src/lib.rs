//! The clinic studio's engine (studio.html, web/studio.js): the same checks
//! `signpost-check` runs, compiled to WebAssembly so a clinic needs no Rust
//! toolchain. Every function takes and returns plain strings or bytes
//! (JSON where structured), so the page stays a thin form around it.
//!
//! This module is for clinic staff only: it is not in a visitor's download
//! nor in the offline precache (the size report lists it apart).
//! (About 410 lines, 190 of them tests of each function as the page calls
//! it.)

use std::sync::OnceLock;

use serde_json::{Value as Json, json};
use signpost_engine::config::{Severity, content_size_problem, contrast_checks, read_config};
use signpost_engine::{Content, Locale, Source, builtin, compiled, json_value, load, prove};
use wasm_bindgen::prelude::*;

/// The built-in content, loaded from the TOML compiled into this module.
fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| builtin().unwrap_or_else(|p| panic!("built-in content: {p}")))
}

/// What the form is built from: the guide's version, its languages, the
/// options a clinic can offer, the built-in crisis directory, and where
/// "Leave quickly" goes unless the clinic says (`exit_url`).
#[wasm_bindgen]
pub fn builtin_info() -> String {
    let c = content();
    let options: Vec<Json> = c
        .options
        .iter()
        .filter(|o| !o.urgent)
        .map(|o| json!({ "id": o.id, "name": o.name.get(Locale::En) }))
        .collect();
    // Every country and territory; the form names them (Intl.DisplayNames).
    let directory = signpost_engine::directory::Directory::from_content(c);
    let countries: Vec<Json> = directory
        .countries
        .iter()
        .map(|e| {
            let lines: Vec<Json> = e
                .lines
                .iter()
                .filter_map(|l| Some(json!({ "name": l.name, "phone": l.phone.as_ref()? })))
                .collect();
            json!({
                "code": e.code,
                "emergency": e.emergency.first().map(|n| n.1.clone()).or_else(|| directory.mobile.clone()),
                "lines": lines,
            })
        })
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "exit_url": signpost_engine::config::DEFAULT_EXIT_URL,
        "locales": Locale::ALL.map(|l| json!({ "tag": l.tag(), "lang": l.lang(), "dir": l.direction().attr(), "name": l.autonym() })),
        "options": options,
        "countries": countries,
    })
    .to_string()
}

/// Every problem `signpost-check --config` reports for this JSON text, as
/// `[{ "severity", "path", "message" }]` (empty: nothing to fix).
#[wasm_bindgen]
pub fn check_config(text: &str) -> String {
    let problems: Vec<Json> = match json_value(text) {
        Err(e) => vec![
            json!({ "severity": "error", "path": "config", "message": format!("not valid JSON: {e}") }),
        ],
        Ok(value) => read_config(&value, content())
            .1
            .into_iter()
            .map(|p| {
                let severity = match p.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                json!({ "severity": severity, "path": p.path, "message": p.message })
            })
            .collect(),
    };
    Json::Array(problems).to_string()
}

/// Every colour pair of the guide with the theme applied, in light and
/// dark mode (the theme's colours apply in light mode only; the engine's
/// `contrast_checks`, which the guide enforces):
/// `[{ "mode", "what", "fg", "bg", "ratio", "needed", "ok" }]`, with
/// `"unchecked"` when a value is not `#rgb`/`#rrggbb`.
#[wasm_bindgen]
pub fn contrast(theme_json: &str) -> String {
    let theme: Vec<(String, String)> = match serde_json::from_str::<Json>(theme_json) {
        Ok(Json::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_str()?.to_string())))
            .collect(),
        _ => Vec::new(),
    };
    let rows: Vec<Json> = contrast_checks(&theme)
        .into_iter()
        .map(|c| {
            let mut row = json!({ "mode": if c.dark { "dark" } else { "light" }, "what": c.what,
                                  "fg": c.fg, "bg": c.bg, "needed": c.needed, "ok": c.ok() });
            match c.ratio {
                Some(r) => row["ratio"] = json!((r * 100.0).floor() / 100.0),
                None => {
                    let value = theme
                        .iter()
                        .find(|(k, _)| k == c.fg || k == c.bg)
                        .map_or("", |(_, v)| v.as_str());
                    row["unchecked"] = json!(format!("\"{value}\" is not a #rrggbb colour"));
                }
            }
            row
        })
        .collect();
    Json::Array(rows).to_string()
}

/// Whether a theme key is a colour the guide pairs (set in light mode only).
#[wasm_bindgen]
pub fn is_theme_colour(key: &str) -> bool {
    signpost_engine::config::is_theme_colour(key)
}

/// The result of checking replacement content.
#[wasm_bindgen(getter_with_clone)]
pub struct Checked {
    /// `{ "ok", "problems": [...], "safeguards": {...}, "summary": {...} }`.
    pub report: String,
    /// The compiled file to download (empty unless `ok`).
    pub bytes: Vec<u8>,
}

/// Compiles a set of content TOML files (`names[i]` holds `texts[i]`),
/// validates it and proves its clinical safeguards, as
/// `signpost-check --compile` does.
#[wasm_bindgen]
pub fn compile(names: Vec<String>, texts: Vec<String>) -> Checked {
    let sources: Vec<Source<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| Source { name, text })
        .collect();
    finish(load(&sources).map_err(|p| p.iter().map(ToString::to_string).collect()))
}

/// Validates a compiled content file and proves its safeguards.
#[wasm_bindgen]
pub fn check_compiled(bytes: &[u8]) -> Checked {
    if let Some(problem) = content_size_problem(bytes.len()) {
        return refused(vec![problem], Json::Null);
    }
    finish(compiled::from_bytes(bytes).map_err(|p| p.iter().map(ToString::to_string).collect()))
}

fn finish(loaded: Result<Content, Vec<String>>) -> Checked {
    let content = match loaded {
        Ok(content) => content,
        Err(problems) => return refused(problems, Json::Null),
    };
    let bytes = compiled::to_bytes(&content);
    // Replacement content must also cover every language of the interface.
    if let Err(p) = compiled::from_bytes(&bytes) {
        return refused(p.iter().map(ToString::to_string).collect(), Json::Null);
    }
    let proof = match prove::prove(&content) {
        Ok(proof) => proof,
        Err(e) => {
            return refused(
                vec![format!("safeguards: cannot be proven: {e}")],
                Json::Null,
            );
        }
    };
    let broken: Vec<Json> = proof
        .safeguards
        .iter()
        .filter_map(|s| {
            let c = s.counterexample.as_ref()?;
            Some(json!({ "id": s.id, "broken": c.broken,
                         "answers": prove::answers_json(&content, &c.answers), "best": c.best }))
        })
        .collect();
    let safeguards = json!({
        "count": proof.safeguards.len(),
        "answer_sets": proof.answer_sets.to_string(),
        "broken": broken,
    });
    if !proof.holds() {
        let problems = broken
            .iter()
            .map(|b| {
                format!(
                    "safeguard {}: broken ({})",
                    b["id"].as_str().unwrap_or(""),
                    b["broken"].as_str().unwrap_or("")
                )
            })
            .collect();
        return refused(problems, safeguards);
    }
    if let Some(problem) = content_size_problem(bytes.len()) {
        return refused(vec![problem], safeguards);
    }
    let summary = json!({
        "questions": content.questionnaire.questions.len(),
        "options": content.options.iter().map(|o| o.name.get(Locale::En)).collect::<Vec<_>>(),
        "locales": content.locales,
    });
    Checked {
        report: json!({ "ok": true, "problems": [], "safeguards": safeguards, "summary": summary })
            .to_string(),
        bytes,
    }
}

fn refused(problems: Vec<String>, safeguards: Json) -> Checked {
    Checked {
        report: json!({ "ok": false, "problems": problems, "safeguards": safeguards }).to_string(),
        bytes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use signpost_engine::builtin_sources;
    use signpost_engine::config::MAX_CONTENT_BYTES;

    fn parse(s: &str) -> Json {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn the_form_gets_options_and_countries() {
        let info = parse(&builtin_info());
        assert!(info["options"].as_array().unwrap().len() > 5);
        assert!(
            !info["options"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["id"] == "urgent")
        );
        let gb = info["countries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "GB")
            .unwrap();
        assert_eq!(gb["emergency"], "999");
    }

    #[test]
    fn configuration_problems_carry_their_path() {
        let problems = parse(&check_config(
            r#"{ "schema_version": 1, "clinic": { "name": "Riverside", "email": "nope" }, "colour": 1 }"#,
        ));
        let paths: Vec<&str> = problems
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap())
            .collect();
        assert!(paths.contains(&"clinic.email"), "{problems}");
        assert!(paths.contains(&"colour"), "{problems}");
        assert_eq!(parse(&check_config("{"))[0]["path"], "config");
    }

    #[test]
    fn a_bad_quick_exit_address_gets_the_engines_message_at_its_field() {
        assert_eq!(
            parse(&builtin_info())["exit_url"],
            "https://www.bbc.co.uk/weather"
        );
        let problems = parse(&check_config(
            r#"{ "schema_version": 1, "exit_url": "http://weather.example/" }"#,
        ));
        let exit = problems
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == "exit_url")
            .unwrap_or_else(|| panic!("{problems}"));
        assert_eq!(exit["severity"], "error");
        assert!(
            exit["message"]
                .as_str()
                .unwrap()
                .starts_with("\"http://weather.example/\" must be a full https:// address"),
            "{exit}"
        );
    }

    #[test]
    fn the_defaults_pass_and_a_pale_accent_fails_with_its_pair_named() {
        let rows = parse(&contrast("{}"));
        let failing: Vec<&Json> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["ok"] != true)
            .collect();
        assert!(
            failing.is_empty(),
            "the guide's own colours pass: {failing:?}"
        );
        let rows = parse(&contrast(r##"{ "--sp-urgent-bg": "#8a3009" }"##));
        let failing: Vec<String> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["ok"] != true)
            .map(|r| {
                format!(
                    "{} {}",
                    r["mode"].as_str().unwrap(),
                    r["what"].as_str().unwrap()
                )
            })
            .collect();
        assert!(
            failing.contains(&"light crisis panel: phone numbers".to_string()),
            "{failing:?}"
        );
        let rows = parse(&contrast(r#"{ "--sp-text": "rgb(0 0 0)" }"#));
        assert!(
            rows[0]["unchecked"]
                .as_str()
                .unwrap()
                .contains("rgb(0 0 0)")
        );
    }

    #[test]
    fn built_in_content_compiles_proves_and_round_trips() {
        let sources = builtin_sources();
        let names = sources.iter().map(|s| s.name.to_string()).collect();
        let texts = sources.iter().map(|s| s.text.to_string()).collect();
        let compiled = compile(names, texts);
        let report = parse(&compiled.report);
        assert_eq!(report["ok"], true, "{report}");
        assert!(report["safeguards"]["count"].as_u64().unwrap() > 0);
        assert_eq!(parse(&check_compiled(&compiled.bytes).report)["ok"], true);
    }

    #[test]
    fn content_the_guide_would_refuse_for_its_size_is_refused_here() {
        // Valid content, each file under the loader's own limit, but over
        // the guide's once compiled: the first English text of each file
        // with text padded by 400 KiB.
        let sources = builtin_sources();
        let names = sources.iter().map(|s| s.name.to_string()).collect();
        let padded = format!("en = \"{}", "x".repeat(400 * 1024));
        let texts = sources
            .iter()
            .map(|s| {
                if s.name.ends_with("safeguards.toml") {
                    s.text.to_string()
                } else {
                    s.text.replacen("en = \"", &padded, 1)
                }
            })
            .collect();
        let report = parse(&compile(names, texts).report);
        assert_eq!(report["ok"], false, "{}", report["problems"]);
        assert!(
            report["problems"][0]
                .as_str()
                .unwrap()
                .contains("larger than 1024 KiB"),
            "{}",
            report["problems"]
        );
        let report = parse(&check_compiled(&vec![0; MAX_CONTENT_BYTES + 1]).report);
        assert!(
            report["problems"][0]
                .as_str()
                .unwrap()
                .contains("the compiled file is 1025 KiB"),
            "{report}"
        );
    }

    #[test]
    fn broken_content_is_refused_with_its_message() {
        let sources = builtin_sources();
        let names = sources.iter().map(|s| s.name.to_string()).collect();
        let texts = sources
            .iter()
            .map(|s| {
                s.text
                    .replacen("schema_version = 3", "schema_version = 9", 1)
            })
            .collect();
        let report = parse(&compile(names, texts).report);
        assert_eq!(report["ok"], false);
        assert!(
            report["problems"].to_string().contains("schema_version"),
            "{report}"
        );
        let report = parse(&check_compiled(b"<html>").report);
        assert!(
            report["problems"][0]
                .as_str()
                .unwrap()
                .contains("not a Signpost content file")
        );
    }
}
