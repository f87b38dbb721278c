//! The crisis directory: which country's emergency numbers and crisis lines
//! a visitor sees, chosen on the device and never by asking anything.
//!
//! Order: the clinic's configuration (which may pin a country), then the
//! visitor's own choice, then the device: its time zone (where the device
//! is), then the region of its preferred languages (`en-GB`). The time zone
//! goes first because many devices keep a default language such as `en-US`
//! wherever they are, while the clock follows the place.
//!
//! The browser does not embed the directory: the build writes it as one
//! text file ([`Directory::to_text`]) that every visitor's guide fetches
//! as it starts, the same file for everyone, and the failure screens
//! (web/numbers.js) read too. [`Directory::from_text`] reads it back.
//!
//! Long (about 650 lines, a fifth of them tests) because the browser's file
//! format, the country choice and the contact lists share one set of types;
//! numbers and links are in `contacts.rs`, opening hours in `hours.rs`.

pub use super::contacts::{
    ClinicContacts, CrisisContact, dial, is_country_code, is_dial_string, sms_href, tel_href,
};
use crate::model::{Audience, Content, RouteKind, Service};

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

/// Every country's numbers, as the browser reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    /// Every country and territory, by code.
    pub countries: Vec<Country>,
    /// What a mobile phone dials anywhere (112): shown where a country's
    /// own number is not known, or no country is.
    pub mobile: Option<String>,
    /// When `mobile` was checked.
    pub mobile_checked: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// IANA time zones there.
    pub zones: Vec<String>,
    pub emergency: Vec<(Service, String)>,
    pub lines: Vec<Line>,
    /// Ways into non-urgent help.
    pub routes: Vec<Route>,
    /// The oldest date on which any of its numbers was checked.
    pub checked: Option<String>,
}

/// A way into non-urgent help, as the browser shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub kind: RouteKind,
    pub name: String,
    pub region: Option<String>,
    pub url: Option<String>,
    pub phone: Option<String>,
}

/// A crisis line, as the browser shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub name: String,
    pub phone: Option<String>,
    pub sms: Option<String>,
    pub sms_body: Option<String>,
    pub chat: Option<String>,
    /// `crate::hours::compact`'s form; empty when not known.
    pub hours: String,
    pub audience: Vec<Audience>,
    pub abuse: bool,
}

impl Directory {
    /// The directory of validated content: a country's own emergency
    /// numbers, else the world table's; every country that has a time
    /// zone, an emergency number or lines.
    pub fn from_content(content: &Content) -> Directory {
        let mut codes: Vec<&str> = content.time_zones.keys().map(String::as_str).collect();
        codes.extend(content.crisis_directory.iter().map(|c| c.country.as_str()));
        for s in &content.emergency_numbers {
            codes.extend(s.numbers.keys().map(String::as_str));
        }
        codes.sort_unstable();
        codes.dedup();
        let countries = codes
            .into_iter()
            .map(|code| {
                let entry = content.crisis_directory.iter().find(|c| c.country == code);
                let mut dates: Vec<&str> = Vec::new();
                let mut emergency = Vec::new();
                for n in entry.map(|e| e.emergency.as_slice()).unwrap_or_default() {
                    emergency.push((n.service, n.number.clone()));
                    dates.push(&n.checked);
                }
                if emergency.is_empty()
                    && let Some((source, numbers)) = content
                        .emergency_numbers
                        .iter()
                        .find_map(|s| s.numbers.get(code).map(|n| (s, n)))
                {
                    emergency = read_numbers(numbers).unwrap_or_default();
                    dates.push(&source.checked);
                }
                let lines = entry
                    .map(|e| e.lines.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .map(|l| {
                        dates.push(&l.checked);
                        Line {
                            name: l.name.clone(),
                            phone: l.phone.clone(),
                            sms: l.sms.clone(),
                            sms_body: l.sms_body.clone(),
                            chat: l.chat.clone(),
                            hours: l
                                .hours
                                .as_deref()
                                .map(crate::hours::compact)
                                .unwrap_or_default(),
                            audience: l.audience.clone(),
                            abuse: l.abuse,
                        }
                    })
                    .collect();
                Country {
                    code: code.to_string(),
                    zones: content
                        .time_zones
                        .get(code)
                        .map(|z| z.split_whitespace().map(String::from).collect())
                        .unwrap_or_default(),
                    emergency,
                    lines,
                    routes: entry
                        .map(|e| e.routes.as_slice())
                        .unwrap_or_default()
                        .iter()
                        .map(|r| Route {
                            kind: r.kind,
                            name: r.name.clone(),
                            region: r.region.clone(),
                            url: r.url.clone(),
                            phone: r.phone.clone(),
                        })
                        .collect(),
                    checked: dates
                        .into_iter()
                        .filter(|d| !d.is_empty())
                        .min()
                        .map(String::from),
                }
            })
            .collect();
        Directory {
            countries,
            mobile: content.mobile_emergency.as_ref().map(|m| m.number.clone()),
            mobile_checked: content.mobile_emergency.as_ref().map(|m| m.checked.clone()),
        }
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The file the browser reads, UTF-8 text, one record a line, fields
    /// split by tabs (no JSON parser or value tree in the browser's
    /// download, and fewer bytes than JSON); no sources (they are for
    /// reviewers: content/crisis.toml has them):
    ///
    /// ```text
    /// signpost-directory 1
    /// M  112  2026-12-04                          the mobile number, checked
    /// C  GB  2026-12-04  999 112  Europe/London   a country: code, oldest check, numbers, zones
    /// L  Samaritans  24/7  everyone  116 123  sms  body  chat  x   its lines (x: abuse)
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::from("signpost-directory 1\n");
        if let Some(m) = &self.mobile {
            out += &format!(
                "M\t{m}\t{}\n",
                self.mobile_checked.as_deref().unwrap_or_default()
            );
        }
        for c in &self.countries {
            out += &format!(
                "C\t{}\t{}\t{}\t{}\n",
                c.code,
                c.checked.as_deref().unwrap_or_default(),
                write_numbers(&c.emergency),
                c.zones.join(" ")
            );
            for l in &c.lines {
                let audience: Vec<&str> = l.audience.iter().map(|a| audience_key(*a)).collect();
                let field = |v: &Option<String>| v.clone().unwrap_or_default();
                out += &format!(
                    "L\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    l.name,
                    l.hours,
                    audience.join(" "),
                    field(&l.phone),
                    field(&l.sms),
                    field(&l.sms_body),
                    field(&l.chat),
                    if l.abuse { "x" } else { "" }
                );
            }
            for r in &c.routes {
                let field = |v: &Option<String>| v.clone().unwrap_or_default();
                out += &format!(
                    "R\t{}\t{}\t{}\t{}\t{}\n",
                    route_key(r.kind),
                    r.name,
                    field(&r.region),
                    field(&r.url),
                    field(&r.phone)
                );
            }
        }
        out
    }

    /// Reads [`Directory::to_text`]'s file; `None` if it is not one.
    pub fn from_text(text: &str) -> Option<Directory> {
        let mut lines = text.lines();
        if lines.next()? != "signpost-directory 1" {
            return None;
        }
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut d = Directory::default();
        for line in lines {
            let mut f = line.split('\t');
            let mut next = || f.next().unwrap_or_default();
            match next() {
                "M" => {
                    d.mobile = some(next());
                    d.mobile_checked = some(next());
                }
                "C" => {
                    let code = next();
                    if !is_country_code(code) {
                        return None;
                    }
                    let checked = some(next());
                    let numbers = next();
                    d.countries.push(Country {
                        code: code.to_string(),
                        checked,
                        emergency: if numbers.is_empty() {
                            Vec::new()
                        } else {
                            read_numbers(numbers)?
                        },
                        zones: next().split_whitespace().map(String::from).collect(),
                        lines: Vec::new(),
                        routes: Vec::new(),
                    });
                }
                "L" => {
                    let name = next().to_string();
                    let hours = next().to_string();
                    let audience = next().split_whitespace().filter_map(audience_of).collect();
                    d.countries.last_mut()?.lines.push(Line {
                        name,
                        hours,
                        audience,
                        phone: some(next()),
                        sms: some(next()),
                        sms_body: some(next()),
                        chat: some(next()),
                        abuse: next() == "x",
                    });
                }
                "R" => {
                    let kind = route_of(next())?;
                    d.countries.last_mut()?.routes.push(Route {
                        kind,
                        name: next().to_string(),
                        region: some(next()),
                        url: some(next()),
                        phone: some(next()),
                    });
                }
                _ => return None,
            }
        }
        Some(d)
    }
}

/// `"112"` or `"police:100 ambulance:102"` (content/emergency.toml); `None`
/// if any part is not one. The browser reads the directory with this (no
/// messages: they would cost bytes there); the validator calls
/// [`parse_numbers`].
fn read_numbers(s: &str) -> Option<Vec<(Service, String)>> {
    let numbers: Option<Vec<_>> = s
        .split_whitespace()
        .map(|part| {
            let (service, number) = match part.split_once(':') {
                Some(("police", n)) => (Service::Police, n),
                Some(("ambulance", n)) => (Service::Ambulance, n),
                Some(_) => return None,
                None => (Service::General, part),
            };
            (number.bytes().all(|b| b.is_ascii_digit()) && is_dial_string(number))
                .then(|| (service, number.to_string()))
        })
        .collect();
    numbers.filter(|n| !n.is_empty())
}

/// [`read_numbers`] with a message for the content's author.
pub fn parse_numbers(s: &str) -> Result<Vec<(Service, String)>, String> {
    read_numbers(s).ok_or_else(|| {
        format!(
            "\"{s}\" is not emergency numbers as dialled there: digits, several with their service (\"112\", \"police:100 ambulance:102\")"
        )
    })
}

fn write_numbers(numbers: &[(Service, String)]) -> String {
    let parts: Vec<String> = numbers
        .iter()
        .map(|(s, n)| match s {
            Service::General => n.clone(),
            Service::Police => format!("police:{n}"),
            Service::Ambulance => format!("ambulance:{n}"),
        })
        .collect();
    parts.join(" ")
}

fn audience_key(a: Audience) -> &'static str {
    match a {
        Audience::Everyone => "everyone",
        Audience::Young => "young",
        Audience::Lgbtq => "lgbtq",
        Audience::Veterans => "veterans",
        Audience::Women => "women",
    }
}

fn audience_of(key: &str) -> Option<Audience> {
    [
        Audience::Everyone,
        Audience::Young,
        Audience::Lgbtq,
        Audience::Veterans,
        Audience::Women,
    ]
    .into_iter()
    .find(|a| audience_key(*a) == key)
}

/// The country to show numbers for, and why; `None` when nothing points to
/// a country (the visitor still gets the mobile emergency number and the
/// choice).
pub fn choose_country<'d>(
    directory: &'d Directory,
    clinic: Option<&str>,
    visitor: Option<&str>,
    device: &DeviceHints,
) -> Option<(&'d Country, CountrySource)> {
    let find = |code: &str| directory.country(code);
    if let Some(c) = clinic.and_then(find) {
        return Some((c, CountrySource::Clinic));
    }
    if let Some(c) = visitor.and_then(find) {
        return Some((c, CountrySource::Visitor));
    }
    if let Some(tz) = device.time_zone.as_deref()
        && let Some(c) = directory
            .countries
            .iter()
            .find(|c| c.zones.iter().any(|z| z == tz))
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

/// One number to call or text, or a chat to open, ready to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dial {
    /// The service's name; none for an emergency number.
    pub name: Option<String>,
    /// The number as written; the chat's address for a chat.
    pub number: String,
    /// `tel:`, `sms:` (with the body the service asks for) or the chat's
    /// https address.
    pub href: String,
    /// A text line: `sms_body` is the word to send, if it asks for one.
    pub text: bool,
    pub sms_body: Option<String>,
    /// A web chat: a link out of the guide.
    pub chat: bool,
    /// `crate::hours::compact`'s form; the view says it in the visitor's
    /// language.
    pub hours: Option<String>,
    pub audience: Vec<Audience>,
    /// Which service an emergency number reaches.
    pub service: Service,
    /// The emergency number any mobile phone dials, shown where the
    /// country's own is not known.
    pub mobile: bool,
    /// A line for people in danger from someone (abuse, violence).
    pub abuse: bool,
    /// The country it works in (ISO code; the view names it).
    pub country: Option<String>,
}

impl Dial {
    pub fn young(&self) -> bool {
        self.audience.contains(&Audience::Young)
    }
}

/// What every page that speaks of crisis shows: the emergency number(s)
/// and the crisis lines for one country, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactSet {
    /// The chosen country's code.
    pub country: Option<String>,
    /// Never replaced by the clinic's contacts and never empty when the
    /// directory is loaded: the country's own numbers, else the number any
    /// mobile phone dials.
    pub emergency: Vec<Dial>,
    /// The clinic's contacts for this language first, then the directory's
    /// lines for the country (in the order [`LinesFirst`] says), a number
    /// shown once.
    pub lines: Vec<Dial>,
    /// The oldest date on which the directory's numbers shown were checked.
    pub checked: Option<String>,
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

/// The contacts for `country`, the clinic's (already in the visitor's
/// language) first.
pub fn contact_set(
    directory: &Directory,
    clinic: ClinicContacts<'_>,
    country: Option<&Country>,
    first: LinesFirst,
) -> ContactSet {
    let here = country.map(|c| c.code.clone());
    let mut emergency = Vec::new();
    // The clinic's own emergency number belongs to its country.
    let clinic_emergency = clinic.emergency.filter(|_| {
        clinic.country.is_none() || country.is_none_or(|c| clinic.country == Some(c.code.as_str()))
    });
    if let Some(n) = clinic_emergency {
        emergency.push(Dial {
            number: n.to_string(),
            href: tel_href(n),
            country: clinic.country.map(str::to_string).or_else(|| here.clone()),
            ..Dial::default()
        });
    }
    for (service, number) in country.map(|c| c.emergency.as_slice()).unwrap_or_default() {
        if emergency.iter().any(|d| dial(&d.number) == dial(number)) {
            continue;
        }
        emergency.push(Dial {
            number: number.clone(),
            href: tel_href(number),
            service: *service,
            country: here.clone(),
            ..Dial::default()
        });
    }
    if emergency.is_empty()
        && let Some(m) = &directory.mobile
    {
        emergency.push(Dial {
            number: m.clone(),
            href: tel_href(m),
            mobile: true,
            ..Dial::default()
        });
    }
    let mut lines: Vec<Dial> = clinic
        .contacts
        .iter()
        .map(|c| Dial {
            name: Some(c.name.clone()),
            number: c.phone.clone(),
            href: tel_href(&c.phone),
            country: c.country.clone(),
            ..Dial::default()
        })
        .collect();
    if let Some(c) = country {
        let mut directory_lines: Vec<Dial> = Vec::new();
        for l in &c.lines {
            let base = Dial {
                name: Some(l.name.clone()),
                hours: Some(l.hours.clone()).filter(|h| !h.is_empty()),
                audience: l.audience.clone(),
                abuse: l.abuse,
                country: here.clone(),
                ..Dial::default()
            };
            if let Some(p) = &l.phone {
                directory_lines.push(Dial {
                    number: p.clone(),
                    href: tel_href(p),
                    ..base.clone()
                });
            }
            if let Some(s) = &l.sms {
                directory_lines.push(Dial {
                    number: s.clone(),
                    href: sms_href(s, l.sms_body.as_deref()),
                    text: true,
                    sms_body: l.sms_body.clone(),
                    ..base.clone()
                });
            }
            if let Some(w) = &l.chat {
                directory_lines.push(Dial {
                    number: w.clone(),
                    href: w.clone(),
                    chat: true,
                    ..base
                });
            }
        }
        if first == LinesFirst::Young {
            directory_lines.sort_by_key(|d| !d.young());
        }
        for d in directory_lines {
            let shown = lines.iter().any(|x| {
                x.text == d.text && x.chat == d.chat && dial(&x.number) == dial(&d.number)
            });
            if !shown {
                lines.push(d);
            }
        }
    }
    if first == LinesFirst::Abuse {
        lines.sort_by_key(|d| !d.abuse);
    }
    let mobile_date = emergency
        .iter()
        .any(|d| d.mobile)
        .then(|| directory.mobile_checked.clone())
        .flatten();
    let checked = country
        .and_then(|c| c.checked.clone())
        .into_iter()
        .chain(mobile_date)
        .min();
    ContactSet {
        country: here,
        emergency,
        lines,
        checked,
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn days_of(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let number = |r: std::ops::Range<usize>| date[r].parse::<i64>().ok();
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date `days` days after 1970-01-01.
pub fn date_of(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Sources checked more than a year before `today` (`YYYY-MM-DD`): each
/// is a number a visitor may find out of date. `signpost-check` warns.
pub fn stale_sources(content: &Content, today: &str) -> Vec<String> {
    let Some(now) = days_of(today) else {
        return Vec::new();
    };
    let mut stale = Vec::new();
    let mut check = |what: String, checked: &str| {
        if days_of(checked).is_none_or(|d| now - d > 365) {
            stale.push(format!(
                "{what}: checked {checked}, more than 12 months ago: confirm it again"
            ));
        }
    };
    for e in &content.crisis_directory {
        for n in &e.emergency {
            check(
                format!("crisis_directory {}: emergency {}", e.country, n.number),
                &n.checked,
            );
        }
        for l in &e.lines {
            check(
                format!("crisis_directory {}: {}", e.country, l.id),
                &l.checked,
            );
        }
    }
    for s in &content.emergency_numbers {
        check(format!("emergency_numbers {}", s.source), &s.checked);
    }
    if let Some(m) = &content.mobile_emergency {
        check("mobile_emergency".into(), &m.checked);
    }
    stale
}

fn route_key(k: RouteKind) -> &'static str {
    match k {
        RouteKind::SelfReferral => "s",
        RouteKind::IntakeLine => "i",
        RouteKind::Register => "r",
    }
}

fn route_of(s: &str) -> Option<RouteKind> {
    Some(match s {
        "s" => RouteKind::SelfReferral,
        "i" => RouteKind::IntakeLine,
        "r" => RouteKind::Register,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days() {
        assert_eq!(days_of("1970-01-01"), Some(0));
        assert_eq!(days_of("2026-12-04"), Some(20_791));
        assert_eq!(date_of(20_791), "2026-12-04");
        assert_eq!(date_of(days_of("2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(days_of("2026-13-01"), None);
        assert_eq!(days_of("last week"), None);
        assert_eq!(days_of("+202-11-22"), None);
    }

    #[test]
    fn regions_come_from_language_tags() {
        assert_eq!(region_of("en-GB").as_deref(), Some("GB"));
        assert_eq!(region_of("es_mx").as_deref(), Some("MX"));
        assert_eq!(region_of("zh-Hant-TW").as_deref(), Some("TW"));
        assert_eq!(region_of("es-419"), None);
        assert_eq!(region_of("en"), None);
    }
}
