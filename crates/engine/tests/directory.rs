//! The built-in crisis directory, and how the country is chosen on the
//! device.

mod common;

use common::{load_edited, replace_once};
use signpost_engine::directory::{
    CountrySource, DeviceHints, choose_country, is_dial_string, sms_href, tel_href,
};

#[test]
fn every_well_known_country_is_there_with_its_emergency_number() {
    let c = common::content();
    for (code, emergency) in [
        ("US", "911"),
        ("CA", "911"),
        ("GB", "999"),
        ("IE", "112"),
        ("ES", "112"),
        ("MX", "911"),
        ("FR", "112"),
        ("DE", "112"),
        ("AU", "000"),
        ("NZ", "111"),
    ] {
        let entry = c.country(code).unwrap_or_else(|| panic!("{code} missing"));
        assert!(
            entry.emergency.iter().any(|e| e.number == emergency),
            "{code}: {emergency}"
        );
    }
}

#[test]
fn every_entry_has_a_source_a_date_and_dialable_numbers() {
    let c = common::content();
    assert!(!c.crisis_directory.is_empty());
    for e in &c.crisis_directory {
        assert!(
            !e.emergency.is_empty(),
            "{}: no emergency number",
            e.country
        );
        assert!(!e.time_zones.is_empty(), "{}: no time zone", e.country);
        for n in &e.emergency {
            assert!(is_dial_string(&n.number), "{}: {}", e.country, n.number);
            assert!(n.source.starts_with("http"), "{}: {}", e.country, n.number);
            assert_eq!(n.checked.len(), 10, "{}: {}", e.country, n.number);
            assert!(tel_href(&n.number).len() > 4);
        }
        for l in &e.lines {
            assert!(l.phone.is_some() || l.sms.is_some(), "{}", l.id);
            for n in l.phone.iter().chain(&l.sms) {
                assert!(is_dial_string(n), "{}: {n}", l.id);
            }
            assert!(l.source.starts_with("http"), "{}", l.id);
            assert_eq!(l.checked.len(), 10, "{}", l.id);
        }
    }
    // The UK's text line asks for a first word.
    let shout = c
        .country("GB")
        .unwrap()
        .lines
        .iter()
        .find(|l| l.sms_body.is_some())
        .unwrap();
    assert_eq!(
        sms_href(shout.sms.as_deref().unwrap(), shout.sms_body.as_deref()),
        "sms:85258?body=SHOUT"
    );
}

#[test]
fn a_bad_entry_is_reported_with_its_path() {
    let p = load_edited("crisis.toml", |t| {
        let t = replace_once(t, "number = \"999\"", "number = \"nine-nine-nine\"");
        let t = replace_once(&t, "checked = \"2026-11-22\"", "checked = \"last week\"");
        replace_once(
            &t,
            "source = \"https://www.samaritans.org",
            "source = \"samaritans.org",
        )
    })
    .unwrap_err();
    let text = p.to_string();
    for expected in [
        "crisis_directory[2].emergency[0].number: \"nine-nine-nine\" is not a number a phone can dial",
        "crisis_directory[0].emergency[0].checked: \"last week\" is not a date",
        "crisis_directory[2].lines[0].source: name the page it was confirmed on",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    let p = load_edited("crisis.toml", |t| {
        let start = t
            .find("[[crisis_directory.emergency]]\nnumber = \"111\"")
            .unwrap();
        let end = start + t[start..].find("\n\n").unwrap();
        format!("{}{}", &t[..start], &t[end..])
    })
    .unwrap_err();
    assert!(
        p.to_string()
            .contains("emergency: every country needs its emergency number"),
        "{p}"
    );
}

#[test]
fn the_country_comes_from_the_clinic_then_the_visitor_then_the_device() {
    let c = common::content();
    let device = |langs: &[&str], tz: Option<&str>| DeviceHints {
        languages: langs.iter().map(|s| s.to_string()).collect(),
        time_zone: tz.map(String::from),
    };
    let pick = |clinic, visitor, d: &DeviceHints| {
        choose_country(c, clinic, visitor, d).map(|(e, s)| (e.country.as_str(), s))
    };
    let uk = device(&["en-GB", "en"], Some("Europe/London"));
    assert_eq!(
        pick(Some("IE"), Some("US"), &uk),
        Some(("IE", CountrySource::Clinic))
    );
    assert_eq!(
        pick(None, Some("US"), &uk),
        Some(("US", CountrySource::Visitor))
    );
    assert_eq!(pick(None, None, &uk), Some(("GB", CountrySource::TimeZone)));
    // A default en-US language on a device in Madrid: the clock wins.
    let madrid = device(&["en-US"], Some("Europe/Madrid"));
    assert_eq!(
        pick(None, None, &madrid),
        Some(("ES", CountrySource::TimeZone))
    );
    // No useful time zone: the first language region in the directory.
    let utc = device(&["es-419", "pt-BR", "es-MX"], Some("UTC"));
    assert_eq!(
        pick(None, None, &utc),
        Some(("MX", CountrySource::Language))
    );
    // Unknown everywhere: no country, and an unknown pin is ignored.
    let nowhere = device(&["pt-BR"], Some("America/Sao_Paulo"));
    assert_eq!(pick(Some("BR"), Some("ZZ"), &nowhere), None);
}

/// Issue 23, item 4: after "someone may hurt me", abuse and violence lines
/// come straight after the emergency number; elsewhere the order is the
/// directory's.
#[test]
fn abuse_lines_come_first_only_when_asked() {
    use signpost_engine::directory::{LinesFirst, contact_set};
    let content = common::content();
    let us = content.country("US").unwrap();
    let config = signpost_engine::config::Config::default();
    let first = contact_set(
        content,
        &config,
        signpost_engine::Locale::En,
        Some(us),
        LinesFirst::Abuse,
    );
    assert_eq!(first.emergency[0].number, "911");
    assert!(first.lines[0].abuse, "{:?}", first.lines);
    assert!(first.lines.iter().any(|d| !d.abuse));
    let plain = contact_set(
        content,
        &config,
        signpost_engine::Locale::En,
        Some(us),
        LinesFirst::Clinic,
    );
    assert!(!plain.lines[0].abuse, "{:?}", plain.lines);
}
