//! The built-in crisis directory over all of it (issue 24): every country
//! and territory has a number to tap; the countries the guide serves have
//! their crisis and abuse lines; every entry has a source, a date and
//! numbers a phone in that country can dial; and the file the browser
//! reads says the same as the content.

mod common;

use common::{load_edited, replace_once};
use signpost_engine::config::Config;
use signpost_engine::directory::{
    ClinicContacts, CountrySource, DeviceHints, Directory, LinesFirst, choose_country, contact_set,
    dial, is_dial_string, sms_href, tel_href,
};
use signpost_engine::model::Audience;
use signpost_engine::{Locale, hours};

fn directory() -> Directory {
    Directory::from_content(common::content())
}

/// The countries issue 24 names: the European Union, the UK, Ireland,
/// the Americas', India, Australia, New Zealand, South Africa, Japan and
/// South Korea (and so every country of the guide's languages).
const SERVED: [&str; 42] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "US", "CA", "MX", "BR",
    "AR", "CL", "CO", "IN", "AU", "NZ", "ZA", "JP", "KR", "NP",
];

#[test]
fn every_country_and_territory_has_a_number_to_tap() {
    let d = directory();
    let config = Config::default();
    assert!(d.countries.len() >= 249, "{}", d.countries.len());
    assert_eq!(d.mobile.as_deref(), Some("112"));
    let mut own = 0;
    for c in &d.countries {
        let set = contact_set(
            &d,
            config.clinic_contacts(Locale::En),
            Some(c),
            LinesFirst::Clinic,
        );
        assert!(!set.emergency.is_empty(), "{}: no emergency number", c.code);
        for e in &set.emergency {
            assert!(
                e.href.starts_with("tel:") && e.href.len() > 5,
                "{}: {}",
                c.code,
                e.href
            );
        }
        own += usize::from(!set.emergency[0].mobile);
        assert!(set.checked.is_some(), "{}: no date", c.code);
    }
    // No country at all ("another country", nothing on the device): the
    // number any mobile phone dials.
    let none = contact_set(
        &d,
        config.clinic_contacts(Locale::En),
        None,
        LinesFirst::Clinic,
    );
    assert!(none.emergency[0].mobile && none.emergency[0].href == "tel:112");
    eprintln!(
        "{own} of {} countries have their own emergency number",
        d.countries.len()
    );
}

/// Countries served without a national abuse line confirmed on an
/// official page (docs/safety/directory-sources.md says what to confirm):
/// Canada has provincial lines only; the others' lines were seen only in
/// news reports. Shrink this list as lines are confirmed.
const NO_ABUSE_LINE_YET: [&str; 4] = ["CA", "LT", "LU", "MX"];
/// Served countries with no line confirmed on an official page at all:
/// their visitors get the emergency number (and may choose a neighbour).
const NO_LINE_YET: [&str; 1] = ["LU"];

#[test]
fn the_countries_served_have_crisis_and_abuse_lines() {
    let d = directory();
    let mut with_lines = 0;
    for code in SERVED.iter().filter(|c| **c != "NP") {
        let c = d.country(code).unwrap_or_else(|| panic!("{code} missing"));
        assert!(
            !c.emergency.is_empty(),
            "{code}: no emergency number of its own"
        );
        let has = c.lines.iter().any(|l| l.phone.is_some());
        assert_eq!(
            has,
            !NO_LINE_YET.contains(code),
            "{code}: a line, or NO_LINE_YET is out of date"
        );
        with_lines += usize::from(has);
        assert_eq!(
            c.lines.iter().any(|l| l.abuse),
            !NO_ABUSE_LINE_YET.contains(code),
            "{code}: an abuse line, or NO_ABUSE_LINE_YET is out of date"
        );
    }
    assert!(with_lines >= 30, "{with_lines}");
    // Issue 24's named gaps.
    for (code, number) in [
        ("ES", "024"),
        ("ES", "717 003 717"),
        ("MX", "800 911 2000"),
        ("IN", "14416"),
        ("IE", "50808"),
        ("IE", "1800 247 247"),
        ("GB", "0808 808 8000"),
        ("CA", "1-800-668-6868"),
    ] {
        let c = d.country(code).unwrap();
        assert!(
            c.lines
                .iter()
                .any(|l| l.phone.as_deref() == Some(number) || l.sms.as_deref() == Some(number)),
            "{code}: {number}"
        );
    }
    // A country with no entry of its own (Nepal) still has a number to
    // tap: its own from the world table, or the mobile one.
    let np = d.country("NP").unwrap();
    let set = contact_set(&d, ClinicContacts::default(), Some(np), LinesFirst::Clinic);
    assert!(set.emergency[0].href.starts_with("tel:"));
}

/// The shape of every entry (issue 24, item 7).
#[test]
fn every_entry_has_a_source_a_date_and_numbers_that_dial_in_its_country() {
    let c = common::content();
    let today = "2026-12-31";
    let date = |p: &str, d: &str| {
        assert!(
            d.len() == 10 && d.as_bytes()[4] == b'-' && d <= today,
            "{p}: {d}"
        );
    };
    let local = |p: &str, n: &str| {
        assert!(is_dial_string(n), "{p}: {n}");
        assert!(!n.starts_with('+') && !n.contains("(0)"), "{p}: {n}");
        assert!(
            tel_href(n)[4..].bytes().all(|b| b.is_ascii_digit()),
            "{p}: {n}"
        );
    };
    for e in &c.crisis_directory {
        assert!(
            e.country.len() == 2 && c.time_zones.contains_key(&e.country),
            "{}: not an ISO 3166 code",
            e.country
        );
        for n in &e.emergency {
            local(&e.country, &n.number);
            assert!(n.source.starts_with("http"), "{}: {}", e.country, n.source);
            date(&e.country, &n.checked);
        }
        for l in &e.lines {
            for n in l.phone.iter().chain(&l.sms) {
                local(&l.id, n);
            }
            assert!(l.source.starts_with("http"), "{}: {}", l.id, l.source);
            date(&l.id, &l.checked);
            if let Some(h) = &l.hours {
                assert!(hours::parse(h).is_some(), "{}: {h}", l.id);
            }
            assert!(!l.audience.is_empty(), "{}", l.id);
            if let Some(w) = &l.chat {
                assert!(w.starts_with("https://"), "{}: {w}", l.id);
            }
        }
    }
    for s in &c.emergency_numbers {
        assert!(s.source.starts_with("http"), "{}", s.source);
        date(&s.source, &s.checked);
        for code in s.numbers.keys() {
            assert!(
                c.time_zones.contains_key(code),
                "{code}: not an ISO 3166 code"
            );
        }
    }
    // The UK's text line asks for a first word.
    let d = directory();
    let shout = d
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

/// The browser reads the directory from the text file the build writes;
/// reading it back gives the same directory.
#[test]
fn the_browser_file_says_what_the_content_says() {
    let d = directory();
    let text = d.to_text();
    assert_eq!(Directory::from_text(&text), Some(d));
    assert!(text.lines().all(|l| !l.contains('\r')));
    for bad in [
        "",
        "signpost-directory 2\n",
        "signpost-directory 1\nL\tx\n",
        "signpost-directory 1\nC\tGB\t\tnine\t\n",
    ] {
        assert_eq!(Directory::from_text(bad), None, "{bad:?}");
    }
}

/// Rust's `tel:` normaliser and web/numbers.js's are tested on the same
/// cases (tests/fixtures/dial.json; the JavaScript side in
/// tests/e2e/fallback-numbers.spec.mjs).
#[test]
fn the_tel_normaliser_keeps_the_shared_cases() {
    let cases = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/dial.json"
    ))
    .unwrap();
    let cases = signpost_engine::json_value(&cases).unwrap();
    let signpost_engine::config::Value::Array(cases) = cases else {
        panic!()
    };
    assert!(cases.len() >= 6);
    for case in cases {
        let signpost_engine::config::Value::Array(pair) = case else {
            panic!()
        };
        let [
            signpost_engine::config::Value::String(input),
            signpost_engine::config::Value::String(out),
        ] = &pair[..]
        else {
            panic!()
        };
        assert_eq!(&dial(input), out, "{input}");
    }
}

#[test]
fn a_bad_entry_is_reported_with_its_path() {
    let p = load_edited("crisis.toml", |t| {
        let t = replace_once(t, "phone = \"116 123\"", "phone = \"+44 (0)116 123\"");
        let t = replace_once(&t, "hours = \"24/7\"", "hours = \"all day\"");
        replace_once(
            &t,
            "source = \"https://www.samaritans.org",
            "source = \"samaritans.org",
        )
    })
    .unwrap_err();
    let text = p.to_string();
    let world = load_edited("emergency.toml", |t| {
        let t = replace_once(t, "AT = \"112\"", "AT = \"police:1x2\"");
        replace_once(&t, "checked = \"2026-12-04\"", "checked = \"2026-13-04\"")
    })
    .unwrap_err()
    .to_string();
    assert!(
        world.contains("\"police:1x2\" is not emergency numbers as dialled there"),
        "{world}"
    );
    assert!(world.contains("\"2026-13-04\" is not a date"), "{world}");
    for expected in [
        "\"+44 (0)116 123\" is not a number a phone in the country can dial",
        ".hours: \"all day\"",
        ".source: name the page it was confirmed on",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
}

#[test]
fn the_country_comes_from_the_clinic_then_the_visitor_then_the_device() {
    let d = directory();
    let device = |langs: &[&str], tz: Option<&str>| DeviceHints {
        languages: langs.iter().map(|s| s.to_string()).collect(),
        time_zone: tz.map(String::from),
    };
    let pick = |clinic, visitor, dev: &DeviceHints| {
        choose_country(&d, clinic, visitor, dev).map(|(e, s)| (e.code.clone(), s))
    };
    let uk = device(&["en-GB", "en"], Some("Europe/London"));
    assert_eq!(
        pick(Some("IE"), Some("US"), &uk),
        Some(("IE".into(), CountrySource::Clinic))
    );
    assert_eq!(
        pick(None, Some("US"), &uk),
        Some(("US".into(), CountrySource::Visitor))
    );
    assert_eq!(
        pick(None, None, &uk),
        Some(("GB".into(), CountrySource::TimeZone))
    );
    // A default en-US language on a device in Madrid: the clock wins.
    let madrid = device(&["en-US"], Some("Europe/Madrid"));
    assert_eq!(
        pick(None, None, &madrid),
        Some(("ES".into(), CountrySource::TimeZone))
    );
    // Old zone names that browsers still report.
    for (tz, code) in [
        ("Asia/Calcutta", "IN"),
        ("Asia/Katmandu", "NP"),
        ("Europe/Kiev", "UA"),
        ("America/Buenos_Aires", "AR"),
    ] {
        assert_eq!(
            pick(None, None, &device(&[], Some(tz))).map(|p| p.0),
            Some(code.into()),
            "{tz}"
        );
    }
    // No useful time zone: the first language region.
    let utc = device(&["es-419", "pt-BR", "es-MX"], Some("UTC"));
    assert_eq!(
        pick(None, None, &utc),
        Some(("BR".into(), CountrySource::Language))
    );
    // Nothing at all: no country, and an unknown code is ignored.
    assert_eq!(
        pick(Some("ZZ"), Some("QQ"), &device(&["en"], Some("UTC"))),
        None
    );
}

/// Issue 23, item 4: after "someone may hurt me", abuse and violence lines
/// come straight after the emergency number; elsewhere the order is the
/// directory's. Young people's lines first on the under-18 pages.
#[test]
fn lines_come_first_as_each_screen_asks() {
    let d = directory();
    let config = Config::default();
    for code in ["US", "GB", "ES", "AU"] {
        let c = d.country(code).unwrap();
        let first = contact_set(
            &d,
            config.clinic_contacts(Locale::En),
            Some(c),
            LinesFirst::Abuse,
        );
        assert!(first.lines[0].abuse, "{code}: {:?}", first.lines);
        let plain = contact_set(
            &d,
            config.clinic_contacts(Locale::En),
            Some(c),
            LinesFirst::Clinic,
        );
        assert!(!plain.lines[0].abuse, "{code}: {:?}", plain.lines);
        let young = contact_set(
            &d,
            config.clinic_contacts(Locale::En),
            Some(c),
            LinesFirst::Young,
        );
        assert!(
            young.lines[0].audience.contains(&Audience::Young),
            "{code}: {:?}",
            young.lines
        );
    }
}

/// Issue 24, item 6: a source older than 12 months is a warning of
/// `signpost-check` (which passes today's date).
#[test]
fn a_source_older_than_a_year_is_reported() {
    use signpost_engine::directory::stale_sources;
    assert_eq!(
        stale_sources(common::content(), "2026-12-04"),
        Vec::<String>::new()
    );
    let content = load_edited("crisis.toml", |t| {
        let at = t.find("id = \"gb_samaritans\"").unwrap();
        let date = at + t[at..].find("checked = \"").unwrap();
        format!("{}checked = \"2025-11-01\"{}", &t[..date], &t[date + 22..])
    })
    .unwrap();
    let stale = stale_sources(&content, "2026-12-04");
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(
        stale[0].starts_with("crisis_directory GB: gb_samaritans: checked 2025-11-01"),
        "{stale:?}"
    );
    assert!(stale_sources(&content, "2026-10-31").is_empty());
}
