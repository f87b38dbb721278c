//! The crisis directory: which country's emergency numbers and crisis lines
//! a visitor sees, chosen on the device and never by asking anything.
//!
//! Order: the clinic's configuration (which may pin a country), then the
//! visitor's own choice, then the device: its time zone (where the device
//! is), then the region of its preferred languages (`en-GB`). The time zone
//! goes first because many devices keep a default language such as `en-US`
//! wherever they are, while the clock follows the place.

use crate::Locale;
use crate::config::Config;
use crate::model::{Content, CountryEntry};

/// Where the country came from (the panel says so, and tests check it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountrySource {
    Clinic,
    Visitor,
    TimeZone,
    Language,
}

/// The device's hints: `navigator.languages` and the `Intl` time zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceHints {
    pub languages: Vec<String>,
    pub time_zone: Option<String>,
}

/// The country to show numbers for, and why; `None` when nothing points to
/// a country in the directory (the visitor still gets the emergency advice
/// and the choice).
pub fn choose_country<'c>(
    content: &'c Content,
    clinic: Option<&str>,
    visitor: Option<&str>,
    device: &DeviceHints,
) -> Option<(&'c CountryEntry, CountrySource)> {
    let find = |code: &str| content.country(code);
    if let Some(c) = clinic.and_then(find) {
        return Some((c, CountrySource::Clinic));
    }
    if let Some(c) = visitor.and_then(find) {
        return Some((c, CountrySource::Visitor));
    }
    if let Some(tz) = device.time_zone.as_deref()
        && let Some(c) = content
            .crisis_directory
            .iter()
            .find(|c| c.time_zones.iter().any(|z| z == tz))
    {
        return Some((c, CountrySource::TimeZone));
    }
    device
        .languages
        .iter()
        .filter_map(|tag| region_of(tag))
        .find_map(|r| find(&r))
        .map(|c| (c, CountrySource::Language))
}

/// The region subtag of a language tag, upper case: `en-GB` -> `GB`,
/// `es-419` -> none (a numeric area is no country), `zh-Hant-TW` -> `TW`.
pub fn region_of(tag: &str) -> Option<String> {
    tag.split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_uppercase())
}

/// An ISO 3166-1 alpha-2 code as the directory and the configuration
/// write it: two upper-case letters ("GB").
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The digits (and a leading `+`) of a number, for a `tel:` or `sms:` link.
pub fn dial(number: &str) -> String {
    number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect()
}

/// Whether a number is something a phone can dial: digits with spaces or
/// hyphens between them, an optional leading `+`, 2 to 15 digits (E.164's
/// limit).
pub fn is_dial_string(number: &str) -> bool {
    let body = number.strip_prefix('+').unwrap_or(number);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
        && body.as_bytes()[0].is_ascii_digit()
        && body.as_bytes()[body.len() - 1].is_ascii_digit()
        && (2..=15).contains(&digits)
}

/// `tel:` link for a number.
pub fn tel_href(number: &str) -> String {
    format!("tel:{}", dial(number))
}

/// `sms:` link for a number, with the body the service asks for (RFC 5724).
pub fn sms_href(number: &str, body: Option<&str>) -> String {
    match body {
        Some(b) => format!("sms:{}?body={}", dial(number), percent_encode(b)),
        None => format!("sms:{}", dial(number)),
    }
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One number to call or text, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dial {
    /// The service's name; for an emergency number its label, if any.
    pub name: Option<String>,
    pub number: String,
    /// `tel:` or `sms:` (with the body the service asks for).
    pub href: String,
    /// A text line: `sms_body` is the word to send, if it asks for one.
    pub text: bool,
    pub sms_body: Option<String>,
    pub hours: Option<String>,
    pub young: bool,
    /// A line for people in danger from someone (abuse, violence).
    pub abuse: bool,
    /// The country it works in, by name in the visitor's language (or its
    /// code when the directory does not know it).
    pub country: Option<String>,
}

/// What every page that speaks of crisis shows: the emergency number(s)
/// and the crisis lines for one country, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactSet {
    /// The chosen country: (code, name).
    pub country: Option<(String, String)>,
    /// Never replaced by the clinic's contacts; empty only when neither the
    /// clinic nor the directory knows the country's number (the view then
    /// says to call the local emergency number).
    pub emergency: Vec<Dial>,
    /// The clinic's contacts for this language first, then the directory's
    /// lines for the country (young people's first when `young_first`), a
    /// number shown once.
    pub lines: Vec<Dial>,
}

/// Which of a country's lines a screen lists first (the emergency number
/// always comes before them all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinesFirst {
    /// The clinic's contacts, then the directory's lines in its order.
    #[default]
    Clinic,
    /// Young people's lines first among the directory's (the pages for a
    /// child and for under-18s).
    Young,
    /// Abuse and violence lines before every other line, the clinic's
    /// included (after "I am afraid someone may hurt me").
    Abuse,
}

/// The contacts for `country` in `locale`, with the clinic's configuration.
pub fn contact_set(
    content: &Content,
    config: &Config,
    locale: Locale,
    country: Option<&CountryEntry>,
    first: LinesFirst,
) -> ContactSet {
    let country_name = |code: &str| {
        content
            .country(code)
            .map_or_else(|| code.to_string(), |c| c.name.get(locale).to_string())
    };
    let here = country.map(|c| (c.country.clone(), c.name.get(locale).to_string()));
    let mut emergency = Vec::new();
    // The clinic's own emergency number belongs to its country.
    let clinic_emergency = config.emergency_number.as_ref().filter(|_| {
        config.country.is_none()
            || country.is_none_or(|c| config.country.as_deref() == Some(c.country.as_str()))
    });
    if let Some(n) = clinic_emergency {
        emergency.push(Dial {
            name: None,
            number: n.clone(),
            href: tel_href(n),
            text: false,
            sms_body: None,
            hours: None,
            young: false,
            abuse: false,
            country: config
                .country
                .as_deref()
                .map(country_name)
                .or_else(|| here.as_ref().map(|h| h.1.clone())),
        });
    }
    if let Some(c) = country {
        for e in &c.emergency {
            if emergency.iter().any(|d| dial(&d.number) == dial(&e.number)) {
                continue;
            }
            emergency.push(Dial {
                name: e.label.as_ref().map(|l| l.get(locale).to_string()),
                number: e.number.clone(),
                href: tel_href(&e.number),
                text: false,
                sms_body: None,
                hours: None,
                young: false,
                abuse: false,
                country: Some(c.name.get(locale).to_string()),
            });
        }
    }
    let mut lines: Vec<Dial> = config
        .contacts(locale)
        .iter()
        .map(|c| Dial {
            name: Some(c.name.clone()),
            number: c.phone.clone(),
            href: tel_href(&c.phone),
            text: false,
            sms_body: None,
            hours: None,
            young: false,
            abuse: false,
            country: c.country.as_deref().map(country_name),
        })
        .collect();
    if let Some(c) = country {
        let mut directory: Vec<Dial> = Vec::new();
        for l in &c.lines {
            let name = Some(l.name.get(locale).to_string());
            let hours = l.hours.as_ref().map(|h| h.get(locale).to_string());
            let base = Dial {
                name,
                number: String::new(),
                href: String::new(),
                text: false,
                sms_body: None,
                hours,
                young: l.young,
                abuse: l.abuse,
                country: Some(c.name.get(locale).to_string()),
            };
            if let Some(p) = &l.phone {
                directory.push(Dial {
                    number: p.clone(),
                    href: tel_href(p),
                    ..base.clone()
                });
            }
            if let Some(s) = &l.sms {
                directory.push(Dial {
                    number: s.clone(),
                    href: sms_href(s, l.sms_body.as_deref()),
                    text: true,
                    sms_body: l.sms_body.clone(),
                    ..base
                });
            }
        }
        if first == LinesFirst::Young {
            directory.sort_by_key(|d| !d.young);
        }
        for d in directory {
            let shown = lines
                .iter()
                .any(|x| x.text == d.text && dial(&x.number) == dial(&d.number));
            if !shown {
                lines.push(d);
            }
        }
    }
    if first == LinesFirst::Abuse {
        lines.sort_by_key(|d| !d.abuse);
    }
    ContactSet {
        country: here,
        emergency,
        lines,
    }
}

impl Content {
    pub fn country(&self, code: &str) -> Option<&CountryEntry> {
        self.crisis_directory
            .iter()
            .find(|c| c.country.eq_ignore_ascii_case(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_come_from_language_tags() {
        assert_eq!(region_of("en-GB").as_deref(), Some("GB"));
        assert_eq!(region_of("es_mx").as_deref(), Some("MX"));
        assert_eq!(region_of("zh-Hant-TW").as_deref(), Some("TW"));
        assert_eq!(region_of("es-419"), None);
        assert_eq!(region_of("en"), None);
    }

    #[test]
    fn dial_strings_and_links() {
        for ok in [
            "999",
            "116 123",
            "0800 111 0 111",
            "+44 116 123",
            "13 11 14",
            "1-800-668-6868",
        ] {
            assert!(is_dial_string(ok), "{ok}");
        }
        for bad in [
            "",
            "1",
            "call 999",
            "999 ",
            "+",
            "12345678901234567",
            "99a9",
            "--",
        ] {
            assert!(!is_dial_string(bad), "{bad}");
        }
        assert_eq!(tel_href("116 123"), "tel:116123");
        assert_eq!(tel_href("+44 116-123"), "tel:+44116123");
        assert_eq!(sms_href("85258", Some("SHOUT")), "sms:85258?body=SHOUT");
        assert_eq!(
            sms_href("741 741", Some("HOME now")),
            "sms:741741?body=HOME%20now"
        );
        assert_eq!(sms_href("988", None), "sms:988");
    }
}
