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
            "crisis_contacts": {"en": [{"name": "Samaritans", "phone": "116 123", "country": "GB"}]},
            "country": "GB",
            "emergency_number": "999",
            "offered": ["counselling", "psychotherapy"],
            "locale": "es",
            "theme": {"--sp-accent": "#0b5d3b"}}"##,
    );
    // The other languages have no list of their own: each is told, and
    // never silently gets the English list (the guide shows the
    // directory's entry in their language).
    let expected: Vec<String> = Locale::ALL[1..]
        .iter()
        .map(|l| format!("warning: crisis_contacts.{l}: no crisis contacts for {l}: those visitors see the built-in directory's numbers for their country and the emergency number"))
        .collect();
    assert_eq!(problems, expected);
    assert_eq!(config.locale, Some(Locale::Es));
    assert!(config.contacts(Locale::Es).is_empty());
    assert_eq!(
        config.contacts(Locale::En)[0].country.as_deref(),
        Some("GB")
    );
    assert_eq!(config.country.as_deref(), Some("GB"));
    assert_eq!(config.emergency_number.as_deref(), Some("999"));
    let content = signpost_engine::builtin().unwrap();
    let option = |id| content.option(id).unwrap();
    assert!(config.offers(option("counselling")) && !config.offers(option("coaching")));
    assert!(
        config.offers(content.urgent_option().unwrap()),
        "urgent help is never marked \"not offered here\""
    );
    assert_eq!(
        config.theme,
        [("--sp-accent".to_string(), "#0b5d3b".to_string())]
    );
}

#[test]
fn no_crisis_contacts_is_a_warning_and_the_default_applies() {
    let (config, problems) = read(r#"{"schema_version": 1}"#);
    assert!(config.contacts(Locale::En).is_empty());
    for l in ["en", "es"] {
        has(
            &problems,
            &format!("warning: crisis_contacts.{l}: no crisis contacts for {l}"),
        );
    }
}

#[test]
fn contacts_say_their_country_and_a_pinned_country_is_a_real_code() {
    let (config, problems) = read(
        r#"{"schema_version": 1,
            "crisis_contacts": {"en": [{"name": "A", "phone": "116 123"}, {"name": "B", "phone": "988", "country": "usa"}]},
            "country": "XX", "emergency_number": "call me"}"#,
    );
    has(
        &problems,
        "warning: crisis_contacts.en[0].country: missing: say which country this number works in",
    );
    has(
        &problems,
        "error: crisis_contacts.en[1].country: \"usa\" is not an ISO 3166 country code",
    );
    has(
        &problems,
        "warning: country: \"XX\" is no country or territory of ISO 3166",
    );
    has(
        &problems,
        "error: emergency_number: \"call me\" is not a phone number",
    );
    assert_eq!(config.country.as_deref(), Some("XX"));
    assert_eq!(config.emergency_number, None);
    assert_eq!(config.contacts(Locale::En).len(), 2);
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
            "crisis_contacts": {"en": [{"name": "Line", "phone": "call us"}, {"name": "Ok", "phone": "988"}], "it": []},
            "offered": ["counseling", 3],
            "locale": "it",
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
        "warning: crisis_contacts.it: not a language of this guide",
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
        "error: locale: \"it\" is not a language of this guide",
    );
    has(
        &problems,
        "error: theme.--sp-accent: \"url(https://evil.example/x)\" must be a plain CSS value",
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
    // The languages: the guide's own, in its order.
    let tags: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
    let locale: Vec<&str> = schema["properties"]["locale"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(locale, tags);
    let mut contacts: Vec<&str> = schema["properties"]["crisis_contacts"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = tags.clone();
    contacts.sort();
    sorted.sort();
    assert_eq!(contacts, sorted);
}

#[test]
fn theme_values_that_could_load_something_are_refused() {
    // Every way CSS has to name a resource, and ways to leave the value.
    for bad in [
        "image-set('https://evil.example/x' 1x)",
        "image-set(https://evil.example/x 1x)",
        "-webkit-image-set(x 1x)",
        "URL(https://evil.example/x)",
        "u\\72l(https://evil.example/x)",
        "cross-fade(a, b)",
        "image(x)",
        "element(#x)",
        "src(x)",
        "paint(x)",
        "red; background: blue",
        "red } body { color: red",
        "\"Comic Sans\"",
        "@import x",
        "rgb(0 0 0",
        "calc(1px + url(x))",
    ] {
        let json = format!(
            r#"{{"schema_version": 1, "theme": {{"--sp-accent": {}}}}}"#,
            serde_json::to_string(bad).unwrap()
        );
        let (config, problems) = read(&json);
        assert_eq!(config.theme, vec![], "{bad} was accepted");
        has(&problems, "error: theme.--sp-accent:");
    }
}

#[test]
fn theme_values_of_the_allowed_shapes_are_kept() {
    for good in [
        "#0b5d3b",
        "#abc",
        "rgb(11, 93, 59)",
        "rgb(11 93 59 / 50%)",
        "hsl(150 79% 20%)",
        "rebeccapurple",
        "1.25rem",
        "calc(var(--sp-space) * 2)",
        "max(2.75rem, 44px)",
        "1.6",
        "system-ui, -apple-system, Segoe UI, sans-serif",
    ] {
        // A decorative colour: the shapes are checked, not contrast (the
        // paired colours are: any_theme_colour_without_aa_contrast_…).
        let json = format!(
            r#"{{"schema_version": 1, "theme": {{"--sp-border": {}}}}}"#,
            serde_json::to_string(good).unwrap()
        );
        let (config, problems) = read(&json);
        assert_eq!(
            config.theme,
            [("--sp-border".to_string(), good.to_string())],
            "{good}: {problems:?}"
        );
    }
}

#[test]
fn a_base_font_size_too_small_to_read_is_refused() {
    for bad in ["0", "0px", "4px", "0.1rem", "10%"] {
        let (config, problems) = read(&format!(
            r#"{{"schema_version": 1, "theme": {{"--sp-font-size": "{bad}"}}}}"#
        ));
        assert_eq!(config.theme, vec![], "{bad}");
        has(&problems, "error: theme.--sp-font-size:");
    }
    let (config, _) = read(r#"{"schema_version": 1, "theme": {"--sp-font-size": "18px"}}"#);
    assert_eq!(config.theme.len(), 1);
}

#[test]
fn crisis_colours_without_aa_contrast_fall_back_to_the_defaults() {
    for theme in [
        r##"{"--sp-urgent-text": "transparent"}"##,
        r##"{"--sp-urgent-text": "#fdf0ec"}"##,
        r##"{"--sp-urgent-bg": "#8a3009"}"##,
        r##"{"--sp-text": "#ffffff", "--sp-accent": "#0b5d3b"}"##,
        r##"{"--sp-urgent-bg": "#000000", "--sp-urgent-text": "#111111"}"##,
    ] {
        let (config, problems) = read(&format!(r#"{{"schema_version": 1, "theme": {theme}}}"#));
        assert!(
            config.theme.iter().all(|(k, _)| ![
                "--sp-text",
                "--sp-surface",
                "--sp-urgent-bg",
                "--sp-urgent-text"
            ]
            .contains(&k.as_str())),
            "{theme}: {:?}",
            config.theme
        );
        has(
            &problems,
            "warning: theme: the crisis panel would be hard to read",
        );
    }
    // Other theme values stay.
    let (config, _) = read(
        r##"{"schema_version": 1, "theme": {"--sp-text": "#ffffff", "--sp-accent": "#0b5d3b"}}"##,
    );
    assert_eq!(
        config.theme,
        [("--sp-accent".to_string(), "#0b5d3b".to_string())]
    );
    // Theme colours apply in light mode only (dark mode keeps the guide's
    // palette), so a colour readable there is kept even though it would be
    // unreadable on the dark default background.
    let (config, problems) =
        read(r##"{"schema_version": 1, "theme": {"--sp-urgent-text": "#5a1e06"}}"##);
    assert_eq!(config.theme.len(), 1, "{problems:?}");
    // A readable pair in both modes is kept.
    let (config, problems) = read(
        r##"{"schema_version": 1, "theme": {"--sp-urgent-bg": "#ffffff", "--sp-urgent-text": "#7a0000", "--sp-text": "#000000", "--sp-surface": "#ffffff"}}"##,
    );
    assert_eq!(config.theme.len(), 4, "{problems:?}");
}

#[test]
fn the_contrast_ratio_matches_wcag() {
    use signpost_engine::config::{contrast, parse_colour};
    let black = parse_colour("#000").unwrap();
    let white = parse_colour("#ffffff").unwrap();
    assert!((contrast(black, white) - 21.0).abs() < 0.01);
    // styles/main.css: urgent-text on urgent-bg is 7.5:1.
    let ratio = contrast(
        parse_colour("#8a3009").unwrap(),
        parse_colour("#fdf0ec").unwrap(),
    );
    assert!((ratio - 7.5).abs() < 0.1, "{ratio}");
    assert_eq!(parse_colour("transparent"), None);
    assert_eq!(parse_colour("#11223344"), None);
}

#[test]
fn names_and_emails_refuse_hidden_characters_and_mailto_parameters() {
    for (field, value) in [
        ("clinic.name", r"Riverside\u202e0000 000"),
        ("clinic.name", r"Riverside\u0007"),
        ("clinic.name", r"Riverside\u2066x\u2069"),
        ("clinic.email", r"help@clinic.example?subject=hi"),
        ("clinic.email", r"help@clinic.example&cc=x@evil.example"),
        ("clinic.email", r"help%40clinic.example@evil.example"),
        ("clinic.email", r"a,b@clinic.example"),
        ("crisis_contacts.en[0].name", r"Line\u200f"),
        ("crisis_contacts.en[0].name", r"Line\nTwo"),
    ] {
        let (key, json) = match field {
            "clinic.name" => (
                "name",
                format!(
                    r#"{{"schema_version": 1, "clinic": {{"name": "{value}"}}, "crisis_contacts": {{"en": [{{"name": "ok", "phone": "1"}}]}}}}"#
                ),
            ),
            "clinic.email" => (
                "email",
                format!(
                    r#"{{"schema_version": 1, "clinic": {{"name": "R", "email": "{value}"}}}}"#
                ),
            ),
            _ => (
                "contact",
                format!(
                    r#"{{"schema_version": 1, "crisis_contacts": {{"en": [{{"name": "{value}", "phone": "116 123"}}]}}}}"#
                ),
            ),
        };
        let (config, problems) = read(&json);
        has(&problems, &format!("error: {field}:"));
        match key {
            "name" => assert_eq!(config.clinic, None, "{value}"),
            "email" => assert_eq!(config.clinic.unwrap().email, None, "{value}"),
            _ => assert!(config.contacts(Locale::En).is_empty(), "{value}"),
        }
    }
}

#[test]
fn content_origins_and_element_storage_are_read() {
    let (config, problems) = read(
        r#"{"schema_version": 1, "content": "https://cdn.example/c.bin",
            "content_origins": ["https://CDN.example", "http://insecure.example", "https://x.example/path"],
            "remember_in_element": true}"#,
    );
    assert_eq!(config.content_origins, ["https://cdn.example"]);
    has(&problems, "error: content_origins[1]:");
    has(&problems, "error: content_origins[2]:");
    assert!(config.remember_in_element);
    let (config, problems) = read(r#"{"schema_version": 1, "remember_in_element": "yes"}"#);
    assert!(
        !config.remember_in_element,
        "off unless the configuration allows it"
    );
    has(&problems, "error: remember_in_element:");
}

#[test]
fn the_quick_exit_address_is_https_only_with_a_safe_default() {
    use signpost_engine::config::DEFAULT_EXIT_URL;
    // Unset: the GOV.UK "Exit this page" default, a weather page.
    let (config, problems) = read(r#"{"schema_version": 1}"#);
    assert_eq!(config.exit_url(), DEFAULT_EXIT_URL);
    assert_eq!(DEFAULT_EXIT_URL, "https://www.bbc.co.uk/weather");
    assert!(!problems.iter().any(|p| p.contains("exit_url")));
    for good in [
        "https://www.bbc.co.uk/weather",
        "https://weather.example:8443/today?city=leeds#now",
        "https://[2001:db8::1]/",
        "https://neutral.example",
    ] {
        let (config, problems) = read(&format!(r#"{{"schema_version": 1, "exit_url": "{good}"}}"#));
        assert_eq!(config.exit_url(), good);
        assert!(
            !problems.iter().any(|p| p.contains("exit_url")),
            "{good}: {problems:#?}"
        );
    }
    for bad in [
        "http://www.bbc.co.uk/weather",
        "javascript:alert(1)",
        "/weather",
        "www.bbc.co.uk/weather",
        "https://",
        "https:///path",
        "https://neutral.example@clinic.example/",
        "https://bad host.example/",
        r"https://neutral.example\\@clinic.example",
        "data:text/html,hi",
    ] {
        let (config, problems) = read(&format!(r#"{{"schema_version": 1, "exit_url": "{bad}"}}"#));
        assert_eq!(config.exit_url(), DEFAULT_EXIT_URL, "{bad}");
        let shown = bad.replace(r"\\", r"\");
        has(
            &problems,
            &format!(
                "error: exit_url: \"{shown}\" must be a full https:// address of a neutral page"
            ),
        );
        has(
            &problems,
            "\"Leave quickly\" goes to https://www.bbc.co.uk/weather instead",
        );
    }
    let (config, problems) = read(r#"{"schema_version": 1, "exit_url": 1}"#);
    assert_eq!(config.exit_url(), DEFAULT_EXIT_URL);
    has(&problems, "error: exit_url: must be text, not a number");
}

#[test]
fn the_guides_own_colours_pass_every_pair_and_match_the_stylesheet() {
    use signpost_engine::config::{THEME_COLOURS, contrast_checks};
    let failing: Vec<_> = contrast_checks(&[])
        .into_iter()
        .filter(|c| !c.ok())
        .collect();
    assert!(failing.is_empty(), "{failing:#?}");
    // The defaults here are the stylesheet's, light then dark.
    let css = include_str!("../../../styles/main.css");
    let (light, dark) = css
        .split_once("@media (prefers-color-scheme: dark)")
        .unwrap();
    let value = |block: &str, name: &str| -> String {
        let at = block
            .find(&format!("{name}:"))
            .unwrap_or_else(|| panic!("{name} in main.css"));
        block[at + name.len() + 1..].trim_start()[..7].to_string()
    };
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    for &(name, l, d) in THEME_COLOURS {
        assert_eq!(value(light, name), hex(l), "{name} light");
        assert_eq!(value(dark, name), hex(d), "{name} dark");
    }
}

#[test]
fn any_theme_colour_without_aa_contrast_falls_back_with_its_pair_named() {
    // A pale accent: links and the main button would be unreadable.
    let (config, problems) = read(
        r##"{"schema_version": 1, "theme": {"--sp-accent": "#dddddd", "--sp-radius": "4px"}}"##,
    );
    assert_eq!(
        config.theme,
        [("--sp-radius".to_string(), "4px".to_string())]
    );
    has(
        &problems,
        "warning: theme.--sp-accent: --sp-accent on --sp-surface (links and chosen answers) is 1.35:1 in light mode, below the 4.5:1 WCAG AA needs; the default colour is used",
    );
    // A focus ring needs 3:1 only.
    let (config, problems) = read(r##"{"schema_version": 1, "theme": {"--sp-focus": "#8a8a8a"}}"##);
    assert_eq!(config.theme.len(), 1, "{problems:?}");
    // A paired colour must be checkable.
    let (config, problems) =
        read(r##"{"schema_version": 1, "theme": {"--sp-accent": "hsl(200 50% 30%)"}}"##);
    assert_eq!(config.theme, vec![]);
    has(&problems, "cannot be checked (write colours as #rrggbb)");
    // The demo clinic's accent is readable in light mode; dark mode keeps
    // the guide's own palette, where every pair passes.
    let (config, problems) =
        read(r##"{"schema_version": 1, "theme": {"--sp-accent": "#0b3d5c"}}"##);
    assert_eq!(config.theme.len(), 1, "{problems:?}");
    let checks = signpost_engine::config::contrast_checks(&config.theme);
    assert!(checks.iter().all(|c| c.ok()), "{checks:#?}");
    assert!(checks.iter().any(|c| c.dark));
}

#[test]
fn an_item_without_its_name_or_number_is_named_and_left_out() {
    let (config, problems) = read(
        r#"{"schema_version": 1,
            "crisis_contacts": {"en": [{"phone": "116 123", "country": "GB"}, {"name": "A", "country": "GB"}, {"name": "B", "phone": "988", "country": "US"}]},
            "services": {"en": [{"web": "https://a.example/"}, {"name": "C", "web": "https://c.example/"}]}}"#,
    );
    has(&problems, "error: crisis_contacts.en[0].name: missing");
    has(&problems, "error: crisis_contacts.en[1].phone: missing");
    has(&problems, "error: services.en[0].name: missing");
    let names: Vec<&str> = config
        .contacts(Locale::En)
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["B"]);
    let services: Vec<&str> = config
        .services(Locale::En)
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(services, ["C"]);
}
