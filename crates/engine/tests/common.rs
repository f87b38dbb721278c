//! Shared by the engine's integration tests.
#![allow(dead_code)]

use signpost_engine::{Answers, Content, Source, builtin, builtin_sources, load};

/// The built-in content, loaded once per test binary.
pub fn content() -> &'static Content {
    static CONTENT: std::sync::LazyLock<Content> = std::sync::LazyLock::new(|| {
        builtin().unwrap_or_else(|p| panic!("built-in content is invalid:\n{p}"))
    });
    &CONTENT
}

/// Parses the personas' answer notation: `concerns=grief+work; phq4=1,1,-,0;
/// time=-; safety=several_days>not_at_all` (the last: answered, then changed).
pub fn answers(content: &Content, spec: &str) -> Answers {
    let scale = content.scale("frequency").expect("frequency scale");
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (q, a) = part
            .split_once('=')
            .unwrap_or_else(|| panic!("bad answer {part:?}"));
        if q == "phq4" {
            for (i, v) in a.split(',').enumerate() {
                let id = match v.trim() {
                    "-" => "-".to_string(),
                    v => {
                        let v: u32 = v
                            .parse()
                            .unwrap_or_else(|_| panic!("bad PHQ-4 value {v:?}"));
                        scale
                            .answers
                            .iter()
                            .find(|s| s.value == v)
                            .expect("scale value")
                            .id
                            .clone()
                    }
                };
                pairs.push((format!("phq4_{}", i + 1), id));
            }
        } else {
            // `a>b`: answered `a`, then changed it to `b` (a visit's record).
            for step in a.split('>') {
                for one in step.split('+') {
                    pairs.push((q.to_string(), one.trim().to_string()));
                }
            }
        }
    }
    Answers::from_pairs(content, pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())))
}

/// Loads the built-in content with one file's text changed by `edit`.
pub fn load_edited(
    file: &str,
    edit: impl Fn(&str) -> String,
) -> Result<Content, signpost_engine::Problems> {
    let sources = builtin_sources();
    let edited: Vec<(String, String)> = sources
        .iter()
        .map(|s| {
            let text = if s.name.ends_with(file) {
                let t = edit(s.text);
                assert_ne!(t, s.text, "the edit to {file} changed nothing");
                t
            } else {
                s.text.to_string()
            };
            (s.name.to_string(), text)
        })
        .collect();
    let sources: Vec<Source<'_>> = edited
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    load(&sources)
}

/// Replaces the first occurrence of `from` (which must exist).
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not found");
    text.replacen(from, to, 1)
}
