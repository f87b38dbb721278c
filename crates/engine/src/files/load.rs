//! Reading content files: size and nesting guards, TOML parsing, merging
//! several files into one [`Content`], then validation.
//!
//! Whatever the bytes, the result is valid content or a list of problems:
//! never a panic, and never a stack overflow on deeply nested input.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::*;
use crate::problem::Problems;
use crate::text::Text;
use crate::validate::validate;

/// Larger files are refused before parsing (the built-in content is ~100 KiB).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Deeper nesting of `[`/`{` is refused before parsing: the TOML parser
/// recurses, and the content format never needs more than a few levels.
pub const MAX_NESTING: usize = 32;

/// One content file: a name for messages, and its text.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The content built into the guide (`content/*.toml`).
pub fn builtin_sources() -> [Source<'static>; 7] {
    [
        Source {
            name: "content/guide.toml",
            text: include_str!("../../../../content/guide.toml"),
        },
        Source {
            name: "content/options.toml",
            text: include_str!("../../../../content/options.toml"),
        },
        Source {
            name: "content/questionnaire.toml",
            text: include_str!("../../../../content/questionnaire.toml"),
        },
        Source {
            name: "content/safeguards.toml",
            text: include_str!("../../../../content/safeguards.toml"),
        },
        Source {
            name: "content/crisis.toml",
            text: include_str!("../../../../content/crisis.toml"),
        },
        Source {
            name: "content/emergency.toml",
            text: include_str!("../../../../content/emergency.toml"),
        },
        Source {
            name: "content/time-zones.toml",
            text: include_str!("../../../../content/time-zones.toml"),
        },
    ]
}

/// Parses, merges and validates content split over any number of files.
/// Each top-level key must appear in exactly one of them.
pub fn load(sources: &[Source<'_>]) -> Result<Content, Problems> {
    let mut problems = Problems::default();
    let mut merged = Merged::default();
    for source in sources {
        if let Some(part) = parse_part(source, &mut problems) {
            merged.add(source.name, part, &mut problems);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    match merged.finish(&mut problems) {
        Some(content) => validate(content),
        None => Err(problems),
    }
}

/// One content file: any of the top-level keys, each defined in exactly one
/// file. Its JSON Schema (`content/schema/content-file.schema.json`) lets
/// editors such as VS Code with Even Better TOML check files as you type.
#[derive(Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    /// The content format version: 1.
    pub schema_version: Option<u32>,
    /// Locale tags every text must be written in, e.g. ["en", "es"].
    pub locales: Option<Vec<String>>,
    /// Interface words, by key (see crates/engine/src/content/ui_keys.rs).
    pub ui: Option<BTreeMap<String, Text>>,
    /// The kinds of support, from least to most intensive.
    pub options: Option<Vec<SupportOption>>,
    /// The page on what matters in any helper.
    pub helper: Option<HelperPage>,
    /// Pages for other audiences (helping someone else, under-18s).
    pub audiences: Option<Vec<AudiencePage>>,
    /// The questions, scales, screeners and scoring rules.
    pub questionnaire: Option<Questionnaire>,
    /// Clinical safeguards the scoring must keep, proven at every load.
    pub safeguards: Option<Vec<Safeguard>>,
    /// Emergency numbers and crisis lines by country.
    pub crisis_directory: Option<Vec<CountryEntry>>,
    /// The emergency number of every country, by the page that lists them.
    pub emergency_numbers: Option<Vec<EmergencySource>>,
    /// The number any mobile phone dials anywhere (112).
    pub mobile_emergency: Option<EmergencyNumber>,
    /// IANA time zones by country code, space-separated.
    pub time_zones: Option<BTreeMap<String, String>>,
}

/// The JSON Schema of one content file, for editors.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ContentFile);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

/// Only the version, read leniently first so that a file written for
/// another version gets that message rather than a list of type errors.
#[derive(Deserialize)]
struct VersionOnly {
    schema_version: Option<u32>,
}

fn parse_part(source: &Source<'_>, problems: &mut Problems) -> Option<ContentFile> {
    let name = source.name;
    if source.text.len() > MAX_FILE_BYTES {
        problems.push(
            name,
            format!(
                "the file is {} KiB; content files may be at most {} KiB",
                source.text.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
        );
        return None;
    }
    if let Some(line) = too_deep(source.text) {
        problems.push(
            name,
            format!("line {line}: brackets are nested more than {MAX_NESTING} deep"),
        );
        return None;
    }
    if let Ok(VersionOnly {
        schema_version: Some(v),
    }) = basic_toml::from_str(source.text)
        && v != SCHEMA_VERSION
    {
        problems.push(
            format!("{name}: schema_version"),
            format!("version {v} is not supported; this guide reads version {SCHEMA_VERSION}"),
        );
        return None;
    }
    match basic_toml::from_str::<ContentFile>(source.text) {
        Ok(part) => Some(part),
        Err(e) => {
            problems.push(name, e.to_string());
            None
        }
    }
}

/// The line where bracket nesting first passes [`MAX_NESTING`], skipping
/// strings and comments; `None` when the text stays within it.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" });
                let width = if triple { 3 } else { 1 };
                i += width;
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == b'\n' {
                        line += 1;
                        if !triple {
                            break;
                        }
                    }
                    if bytes[i] == q && (!triple || bytes[i..].starts_with(&[q, q, q])) {
                        i += width;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Top-level keys gathered from several files, each from exactly one.
#[derive(Default)]
struct Merged {
    schema_version: Option<(String, u32)>,
    locales: Option<(String, Vec<String>)>,
    ui: Option<(String, BTreeMap<String, Text>)>,
    options: Option<(String, Vec<SupportOption>)>,
    helper: Option<(String, HelperPage)>,
    audiences: Option<(String, Vec<AudiencePage>)>,
    questionnaire: Option<(String, Questionnaire)>,
    safeguards: Option<(String, Vec<Safeguard>)>,
    crisis_directory: Option<(String, Vec<CountryEntry>)>,
    emergency_numbers: Option<(String, Vec<EmergencySource>)>,
    mobile_emergency: Option<(String, EmergencyNumber)>,
    time_zones: Option<(String, BTreeMap<String, String>)>,
}

fn take<T>(
    slot: &mut Option<(String, T)>,
    key: &str,
    file: &str,
    value: Option<T>,
    problems: &mut Problems,
) {
    let Some(value) = value else { return };
    match slot {
        Some((first, _)) => problems.push(
            format!("{file}: {key}"),
            format!(
                "`{key}` is already defined in {first}; each top-level key belongs in one file"
            ),
        ),
        None => *slot = Some((file.to_string(), value)),
    }
}

impl Merged {
    fn add(&mut self, file: &str, part: ContentFile, problems: &mut Problems) {
        take(
            &mut self.schema_version,
            "schema_version",
            file,
            part.schema_version,
            problems,
        );
        take(&mut self.locales, "locales", file, part.locales, problems);
        take(&mut self.ui, "ui", file, part.ui, problems);
        take(&mut self.options, "options", file, part.options, problems);
        take(&mut self.helper, "helper", file, part.helper, problems);
        take(
            &mut self.audiences,
            "audiences",
            file,
            part.audiences,
            problems,
        );
        take(
            &mut self.questionnaire,
            "questionnaire",
            file,
            part.questionnaire,
            problems,
        );
        take(
            &mut self.safeguards,
            "safeguards",
            file,
            part.safeguards,
            problems,
        );
        take(
            &mut self.crisis_directory,
            "crisis_directory",
            file,
            part.crisis_directory,
            problems,
        );
        take(
            &mut self.emergency_numbers,
            "emergency_numbers",
            file,
            part.emergency_numbers,
            problems,
        );
        take(
            &mut self.mobile_emergency,
            "mobile_emergency",
            file,
            part.mobile_emergency,
            problems,
        );
        take(
            &mut self.time_zones,
            "time_zones",
            file,
            part.time_zones,
            problems,
        );
    }

    fn finish(self, problems: &mut Problems) -> Option<Content> {
        fn need<T>(slot: Option<(String, T)>, key: &str, problems: &mut Problems) -> Option<T> {
            if slot.is_none() {
                problems.push(key, format!("missing: no content file defines `{key}`"));
            }
            slot.map(|(_, v)| v)
        }
        let schema_version = need(self.schema_version, "schema_version", problems);
        let locales = need(self.locales, "locales", problems);
        let ui = need(self.ui, "ui", problems);
        let options = need(self.options, "options", problems);
        let helper = need(self.helper, "helper", problems);
        let audiences = need(self.audiences, "audiences", problems);
        let questionnaire = need(self.questionnaire, "questionnaire", problems);
        let safeguards = need(self.safeguards, "safeguards", problems);
        let crisis_directory = need(self.crisis_directory, "crisis_directory", problems);
        Some(Content {
            schema_version: schema_version?,
            locales: locales?,
            ui: ui?,
            options: options?,
            helper: helper?,
            audiences: audiences?,
            questionnaire: questionnaire?,
            safeguards: safeguards?,
            crisis_directory: crisis_directory?,
            // Optional: replacement content may leave the world's numbers
            // to the guide's own directory file.
            emergency_numbers: self.emergency_numbers.map(|(_, v)| v).unwrap_or_default(),
            mobile_emergency: self.mobile_emergency.map(|(_, v)| v),
            time_zones: self.time_zones.map(|(_, v)| v).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_guard_counts_brackets_outside_strings_and_comments() {
        let deep = format!("a = {}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(too_deep(&deep), Some(1));
        let ok = format!("a = {}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert_eq!(too_deep(&ok), None);
        let quoted = format!(
            "a = \"{0}\"\nb = '{0}'\nc = \"\"\"\n{0}\n\"\"\"\n# {0}\n",
            "[".repeat(100)
        );
        assert_eq!(too_deep(&quoted), None);
        let late = format!("x = 1\n\ny = {}", "{a=".repeat(40));
        assert_eq!(too_deep(&late), Some(3));
    }
}
