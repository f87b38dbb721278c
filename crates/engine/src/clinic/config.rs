//! A clinic's configuration: its name and contact, crisis contacts per
//! locale, which options it offers, the default locale and theme values.
//!
//! Read from a small JSON value tree ([`Value`]) that the browser builds
//! from `JSON.parse` and the checker from serde_json, so the wasm carries
//! no JSON parser. Reading never fails: every problem is reported with its
//! path, and the guide goes on with a safe fallback (a bad value is
//! dropped, an unknown key is ignored with a warning, and without crisis
//! contacts the guide tells the visitor to call their local emergency
//! number).
//!
//! Long (about 750 lines) because one `Reader` checks every key with the
//! same path, severity and fallback rules; theme checks and the JSON value
//! are in `theme.rs` and `value.rs`.

use std::collections::BTreeMap;
use std::fmt;

use super::theme::font_size_ok;
pub use super::theme::{
    CRISIS_COLOURS, PairCheck, THEME_COLOURS, THEME_PAIRS, contrast, contrast_checks,
    is_theme_colour, parse_colour, theme_value_ok,
};
pub use super::value::Value;
use crate::Locale;
pub use crate::crisis::contacts::{ClinicContacts, CrisisContact};
use crate::model::Content;

/// The configuration format this engine reads.
pub const CONFIG_VERSION: u32 = 1;
/// Larger configuration files are refused (the guide runs with defaults).
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// Where "Leave quickly" (and Escape) goes unless the clinic sets
/// `exit_url`: a weather page, neutral to anyone looking over the
/// visitor's shoulder and the address the GOV.UK Design System's "Exit
/// this page" component goes to by default
/// (<https://design-system.service.gov.uk/components/exit-this-page/>,
/// researched with people who have lived with domestic abuse).
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something was ignored; the guide is as configured otherwise.
    Warning,
    /// A value was unusable and a fallback is in use.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub severity: Severity,
    pub path: String,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clinic {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
}

/// One of the clinic's own services, listed first among the ways into
/// non-urgent help (`services` in the configuration).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicService {
    pub name: String,
    pub phone: Option<String>,
    /// An https:// page (a self-referral form, a booking page).
    pub web: Option<String>,
}

/// A configuration after checking: only usable values remain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub clinic: Option<Clinic>,
    /// Per locale tag. A locale without its own list gets the built-in
    /// directory's numbers for the visitor's country, never another
    /// language's list.
    pub crisis_contacts: BTreeMap<String, Vec<CrisisContact>>,
    /// The clinic's own ways into non-urgent help, per locale tag, listed
    /// before the country's public ones.
    pub services: BTreeMap<String, Vec<ClinicService>>,
    /// The country whose numbers every visitor sees (ISO 3166 code); without
    /// it, the visitor's device decides (`crate::directory`).
    pub country: Option<String>,
    /// The emergency number for that country, when the clinic sets it.
    pub emergency_number: Option<String>,
    /// Option ids the clinic offers; `None` means it does not say.
    pub offered: Option<Vec<String>>,
    pub locale: Option<Locale>,
    /// CSS custom properties (`--sp-...`) and their values.
    pub theme: Vec<(String, String)>,
    /// Where to load replacement content from (a file made by
    /// `signpost-check --compile`), instead of the built-in content.
    pub content: Option<String>,
    /// Origins besides the guide's own that `content` may come from
    /// (`https://host[:port]`); the browser checks the resolved address.
    pub content_origins: Vec<String>,
    /// Whether the custom element may offer "Remember my answers": there
    /// they would be kept in the host website's storage, so it is off
    /// unless the clinic allows it. The standalone page always offers it.
    pub remember_in_element: bool,
    /// The neutral page "Leave quickly" replaces the guide with (an
    /// https:// address); `None`: [`DEFAULT_EXIT_URL`]. Read it through
    /// [`Config::exit_url`].
    pub exit_url: Option<String>,
}

impl Config {
    /// The clinic's crisis contacts for `locale` (maybe none: the view then
    /// shows the directory's numbers in that language).
    pub fn contacts(&self, locale: Locale) -> &[CrisisContact] {
        self.crisis_contacts
            .get(locale.tag())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The clinic's services for `locale` (maybe none).
    pub fn services(&self, locale: Locale) -> &[ClinicService] {
        self.services
            .get(locale.tag())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// What the directory takes from the configuration for a visitor
    /// reading `locale` (`crisis::directory::contact_set`).
    pub fn clinic_contacts(&self, locale: Locale) -> ClinicContacts<'_> {
        ClinicContacts {
            contacts: self.contacts(locale),
            country: self.country.as_deref(),
            emergency: self.emergency_number.as_deref(),
        }
    }

    /// Whether the clinic offers this option: true when it does not say,
    /// and always for urgent help, which is never a clinic's to offer (the
    /// guide marks the others "not offered here").
    pub fn offers(&self, option: &crate::model::SupportOption) -> bool {
        option.urgent || self.offered.as_ref().is_none_or(|o| o.contains(&option.id))
    }

    /// Where "Leave quickly" goes: the clinic's `exit_url`, else
    /// [`DEFAULT_EXIT_URL`].
    pub fn exit_url(&self) -> &str {
        self.exit_url.as_deref().unwrap_or(DEFAULT_EXIT_URL)
    }
}

/// The top-level keys a configuration may have (also in
/// config/config.schema.json; a test keeps the two equal).
pub const KEYS: &[&str] = &[
    "$schema",
    "schema_version",
    "clinic",
    "crisis_contacts",
    "services",
    "country",
    "emergency_number",
    "offered",
    "locale",
    "theme",
    "content",
    "content_origins",
    "remember_in_element",
    "exit_url",
];

/// The replacement content's size limit (larger files are refused).
pub const MAX_CONTENT_BYTES: usize = 1024 * 1024;

/// Why the guide would refuse a compiled content file of `len` bytes, if it
/// would: the checkers say so before a clinic uploads it.
pub fn content_size_problem(len: usize) -> Option<String> {
    (len > MAX_CONTENT_BYTES).then(|| {
        format!(
            "the compiled file is {} KiB; the guide refuses replacement content larger than {} KiB",
            len.div_ceil(1024),
            MAX_CONTENT_BYTES / 1024
        )
    })
}

/// Checks a configuration value against the content (for option ids).
/// Always returns a usable configuration, with every problem found.
pub fn read_config(value: &Value, content: &Content) -> (Config, Vec<ConfigProblem>) {
    let mut r = Reader::default();
    let mut config = Config::default();
    let Value::Object(entries) = value else {
        r.error(
            "config",
            format!("must be a JSON object, not {}", value.kind()),
        );
        r.missing_contacts();
        return (config, r.problems);
    };
    for (key, _) in entries {
        if !KEYS.contains(&key.as_str()) {
            r.warn(
                key,
                format!("unknown key ignored (known keys: {})", KEYS[1..].join(", ")),
            );
        }
    }
    let get = |k: &str| field(entries, k);
    match get("schema_version") {
        None => r.warn(
            "schema_version",
            format!("missing; assuming {CONFIG_VERSION}"),
        ),
        Some(Value::Number(n)) if *n == CONFIG_VERSION as f64 => {}
        Some(v) => r.error(
            "schema_version",
            format!(
                "{} is not supported; this guide reads {CONFIG_VERSION}",
                show(v)
            ),
        ),
    }
    if let Some(v) = get("clinic") {
        config.clinic = r.clinic(v);
    }
    if let Some(v) = get("crisis_contacts") {
        config.crisis_contacts = r.contacts(v);
    }
    if let Some(v) = get("services") {
        config.services = r.services(v);
    }
    for l in Locale::ALL {
        if config.contacts(l).is_empty() {
            r.warn(
                format!("crisis_contacts.{}", l.tag()),
                format!(
                    "no crisis contacts for {}: those visitors see the built-in directory's numbers for their country and the emergency number",
                    l.tag()
                ),
            );
        }
    }
    if let Some(v) = get("country") {
        config.country = r.country("country", v);
        // The browser's copy of the content has no country list (the
        // directory is a file of its own): the checker warns, natively.
        if let Some(c) = &config.country
            && !content.time_zones.is_empty()
            && !content.time_zones.contains_key(c)
        {
            r.warn(
                "country",
                format!("\"{c}\" is no country or territory of ISO 3166: visitors see your contacts, your emergency_number and the number any mobile phone dials"),
            );
        }
    }
    if let Some(v) = get("emergency_number") {
        config.emergency_number = r.phone("emergency_number", v);
        if config.emergency_number.is_some() && config.country.is_none() {
            r.warn(
                "emergency_number",
                "set `country` too: the number is shown as that country's emergency number",
            );
        }
    }
    if let Some(v) = get("offered") {
        config.offered = r.offered(v, content);
    }
    if let Some(v) = get("locale") {
        config.locale = match v {
            Value::String(s) => Locale::from_tag(s).or_else(|| {
                r.error("locale", format!("\"{s}\" is not a language of this guide ({}); using the visitor's language", Locale::TAGS));
                None
            }),
            v => {
                r.error("locale", format!("must be text such as \"es\", not {}", v.kind()));
                None
            }
        };
    }
    if let Some(v) = get("theme") {
        config.theme = r.theme(v);
    }
    if let Some(v) = get("content_origins") {
        config.content_origins = r.origins(v);
    }
    match get("remember_in_element") {
        None => {}
        Some(Value::Bool(b)) => config.remember_in_element = *b,
        Some(v) => r.error(
            "remember_in_element",
            format!(
                "must be true or false, not {}; the element will not offer to remember answers",
                v.kind()
            ),
        ),
    }
    if let Some(v) = get("exit_url") {
        config.exit_url = r.text("exit_url", v, 500).and_then(|s| {
            if exit_url_ok(&s) {
                Some(s)
            } else {
                r.error(
                    "exit_url",
                    format!("\"{s}\" must be a full https:// address of a neutral page, such as \"{DEFAULT_EXIT_URL}\" (no http:, no relative address, no user name before the host); \"Leave quickly\" goes to {DEFAULT_EXIT_URL} instead"),
                );
                None
            }
        });
    }
    if let Some(v) = get("content") {
        config.content = r.text("content", v, 500).and_then(|s| {
            if s.contains(char::is_whitespace)
                || s.starts_with("http:")
                || s.starts_with("javascript:")
                || s.starts_with("data:")
            {
                r.error(
                    "content",
                    format!(
                        "\"{s}\" must be a relative or https:// address; using the built-in content"
                    ),
                );
                None
            } else {
                Some(s)
            }
        });
    }
    (config, r.problems)
}

/// The value of `key` among an object's entries.
fn field<'v>(entries: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{s}\""),
        // Whole numbers only: printing any f64 would add float formatting
        // (~1.5 KiB brotli) to the guide's wasm for one error message.
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
        v => v.kind().to_string(),
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<ConfigProblem>,
}

impl Reader {
    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(ConfigProblem {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
        });
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(ConfigProblem {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        });
    }

    fn missing_contacts(&mut self) {
        self.warn(
            "crisis_contacts",
            "no crisis contacts configured: visitors are told to call their local emergency number; add your local crisis lines",
        );
    }

    /// Non-empty text, or an error and `None`. Control and bidi-override
    /// characters are refused: they could make a crisis number or a name
    /// display as something other than what it is.
    fn text(&mut self, path: &str, v: &Value, max: usize) -> Option<String> {
        match v {
            Value::String(s) if s.chars().any(hidden_char) => {
                self.error(
                    path,
                    "contains control or bidirectional-override characters",
                );
                None
            }
            Value::String(s) if !s.trim().is_empty() && s.chars().count() <= max => {
                Some(s.trim().to_string())
            }
            Value::String(s) if s.trim().is_empty() => {
                self.error(path, "is empty");
                None
            }
            Value::String(_) => {
                self.error(path, format!("is longer than {max} characters"));
                None
            }
            v => {
                self.error(path, format!("must be text, not {}", v.kind()));
                None
            }
        }
    }

    fn phone(&mut self, path: &str, v: &Value) -> Option<String> {
        let s = self.text(path, v, 40)?;
        let digits = s.chars().filter(char::is_ascii_digit).count();
        let allowed = s
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if allowed && (2..=20).contains(&digits) {
            Some(s)
        } else {
            self.error(
                path,
                format!("\"{s}\" is not a phone number (digits, spaces, + - ( ) . only)"),
            );
            None
        }
    }

    /// A country code such as "GB", or an error and `None`.
    fn country(&mut self, path: &str, v: &Value) -> Option<String> {
        let c = self.text(path, v, 10)?;
        if crate::crisis::contacts::is_country_code(&c) {
            Some(c)
        } else {
            self.error(
                path,
                format!("\"{c}\" is not an ISO 3166 country code such as \"GB\""),
            );
            None
        }
    }

    fn object<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        keys: &[&str],
    ) -> Option<&'v [(String, Value)]> {
        let Value::Object(entries) = v else {
            self.error(path, format!("must be an object, not {}", v.kind()));
            return None;
        };
        for (k, _) in entries {
            if !keys.contains(&k.as_str()) {
                self.warn(
                    format!("{path}.{k}"),
                    format!("unknown key ignored (known keys: {})", keys.join(", ")),
                );
            }
        }
        Some(entries)
    }

    fn clinic(&mut self, v: &Value) -> Option<Clinic> {
        let entries = self.object("clinic", v, &["name", "phone", "email", "web"])?;
        let get = |k: &str| field(entries, k);
        let Some(name) = get("name").and_then(|v| self.text("clinic.name", v, 100)) else {
            if get("name").is_none() {
                self.error(
                    "clinic.name",
                    "missing: the clinic's contact is not shown without a name",
                );
            }
            return None;
        };
        let phone = get("phone").and_then(|v| self.phone("clinic.phone", v));
        let email = get("email").and_then(|v| {
            let s = self.text("clinic.email", v, 200)?;
            // A plain address only: no `?`, `&` or `%` that would add mailto
            // parameters (a prefilled subject or body, extra recipients).
            let ok = s.split_once('@').is_some_and(|(a, b)| {
                let local = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
                let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
                !a.is_empty() && a.chars().all(local) && b.contains('.') && b.chars().all(domain)
            });
            if ok {
                Some(s)
            } else {
                self.error("clinic.email", format!("\"{s}\" is not an email address"));
                None
            }
        });
        let web = get("web").and_then(|v| self.https("clinic.web", v));
        Some(Clinic {
            name,
            phone,
            email,
            web,
        })
    }

    /// An object of lists per language (`{"en": [...]}`) under `key`: each
    /// item an object of `keys`, read by `item` (its path, its fields).
    fn per_language<T>(
        &mut self,
        key: &str,
        v: &Value,
        keys: &[&str],
        mut item: impl FnMut(&mut Self, &str, &[(String, Value)]) -> Option<T>,
    ) -> BTreeMap<String, Vec<T>> {
        let mut out = BTreeMap::new();
        let Value::Object(entries) = v else {
            self.error(
                key,
                format!(
                    "must be an object of lists per language, like {{\"en\": [...]}}, not {}",
                    v.kind()
                ),
            );
            return out;
        };
        for (tag, list) in entries {
            let path = format!("{key}.{tag}");
            if Locale::ALL.iter().all(|l| l.tag() != tag) {
                self.warn(
                    &path,
                    format!("not a language of this guide ({}); ignored", Locale::TAGS),
                );
                continue;
            }
            let Value::Array(items) = list else {
                self.error(&path, format!("must be a list, not {}", list.kind()));
                continue;
            };
            let mut read = Vec::new();
            for (i, it) in items.iter().enumerate() {
                let ip = format!("{path}[{i}]");
                let Some(fields) = self.object(&ip, it, keys) else {
                    continue;
                };
                read.extend(item(self, &ip, fields));
            }
            out.insert(tag.clone(), read);
        }
        out
    }

    /// An item's field it cannot do without: read by `read`, or "missing".
    fn required<T>(
        &mut self,
        ip: &str,
        fields: &[(String, Value)],
        key: &str,
        read: impl FnOnce(&mut Self, &str, &Value) -> Option<T>,
    ) -> Option<T> {
        let path = format!("{ip}.{key}");
        match field(fields, key) {
            Some(v) => read(self, &path, v),
            None => {
                self.error(path, "missing");
                None
            }
        }
    }

    fn contacts(&mut self, v: &Value) -> BTreeMap<String, Vec<CrisisContact>> {
        let keys = ["name", "phone", "country"];
        self.per_language("crisis_contacts", v, &keys, |this, ip, fields| {
            let name = this.required(ip, fields, "name", |r, p, v| r.text(p, v, 100));
            let phone = this.required(ip, fields, "phone", Self::phone);
            let country = match field(fields, "country") {
                Some(v) => this.country(&format!("{ip}.country"), v),
                None => {
                    this.warn(
                        format!("{ip}.country"),
                        "missing: say which country this number works in (visitors may be anywhere)",
                    );
                    None
                }
            };
            Some(CrisisContact {
                name: name?,
                phone: phone?,
                country,
            })
        })
    }

    fn services(&mut self, v: &Value) -> BTreeMap<String, Vec<ClinicService>> {
        self.per_language(
            "services",
            v,
            &["name", "phone", "web"],
            |this, ip, fields| {
                let name = this.required(ip, fields, "name", |r, p, v| r.text(p, v, 100));
                let phone =
                    field(fields, "phone").and_then(|v| this.phone(&format!("{ip}.phone"), v));
                let web = field(fields, "web").and_then(|v| this.https(&format!("{ip}.web"), v));
                if phone.is_none() && web.is_none() {
                    this.error(ip, "give a `phone` or a `web` page");
                    return None;
                }
                Some(ClinicService {
                    name: name?,
                    phone,
                    web,
                })
            },
        )
    }

    /// An https:// address.
    fn https(&mut self, path: &str, v: &Value) -> Option<String> {
        let s = self.text(path, v, 300)?;
        if s.starts_with("https://")
            && !s.contains(char::is_whitespace)
            && s.len() > "https://".len()
        {
            Some(s)
        } else {
            self.error(path, format!("\"{s}\" must be an https:// address"));
            None
        }
    }

    fn offered(&mut self, v: &Value, content: &Content) -> Option<Vec<String>> {
        let Value::Array(items) = v else {
            self.error(
                "offered",
                format!(
                    "must be a list of option ids, not {}; showing every option as offered",
                    v.kind()
                ),
            );
            return None;
        };
        let mut ids = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("offered[{i}]");
            match item {
                Value::String(id) if content.option(id).is_some() => ids.push(id.clone()),
                Value::String(id) => {
                    let known: Vec<&str> = content.options.iter().map(|o| o.id.as_str()).collect();
                    self.error(
                        path,
                        format!(
                            "unknown support option \"{id}\" (known: {})",
                            known.join(", ")
                        ),
                    );
                }
                v => self.error(path, format!("must be an option id, not {}", v.kind())),
            }
        }
        Some(ids)
    }

    fn theme(&mut self, v: &Value) -> Vec<(String, String)> {
        let Value::Object(entries) = v else {
            self.error(
                "theme",
                format!(
                    "must be an object of CSS custom properties, not {}",
                    v.kind()
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, value) in entries {
            let path = format!("theme.{k}");
            let name_ok = k.starts_with("--sp-")
                && k[5..]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !name_ok {
                self.warn(
                    &path,
                    "theme keys are custom properties such as \"--sp-accent\"; ignored",
                );
                continue;
            }
            let Some(s) = self.text(&path, value, 200) else {
                continue;
            };
            if !theme_value_ok(&s) {
                self.error(
                    &path,
                    format!("\"{s}\" must be a plain CSS value: a colour, length, number or font list; ignored"),
                );
                continue;
            }
            if k == "--sp-font-size" && !font_size_ok(&s) {
                self.error(
                    &path,
                    format!(
                        "\"{s}\" is too small to read (at least 12px, 0.75rem or 75%); ignored"
                    ),
                );
                continue;
            }
            out.push((k.clone(), s));
        }
        self.theme_contrast(&mut out);
        out
    }

    /// Every colour pair the guide draws must keep WCAG AA contrast
    /// ([`contrast_checks`]). Until none fails, the theme's colours in the
    /// first failing pair are dropped and the defaults used; for the crisis
    /// panel, all of its colours the theme sets. A colour in a pair must be
    /// #rgb or #rrggbb to be checked, or it is dropped too.
    fn theme_contrast(&mut self, theme: &mut Vec<(String, String)>) {
        let crisis = |name: &str| CRISIS_COLOURS.contains(&name);
        while let Some(bad) = contrast_checks(theme).into_iter().find(|c| !c.ok()) {
            let set = |name: &str| theme.iter().any(|(k, _)| k == name);
            let dropped: Vec<&'static str> =
                [bad.fg, bad.bg].into_iter().filter(|n| set(n)).collect();
            if dropped.is_empty() {
                return; // the defaults fail: never (tested), but never loop
            }
            let why = match bad.ratio {
                Some(r) => {
                    let r = (r * 100.0) as u32; // whole numbers: no float printing in the wasm
                    format!(
                        "{}.{:02}:1 in {} mode, below the {} WCAG AA needs",
                        r / 100,
                        r % 100,
                        if bad.dark { "dark" } else { "light" },
                        if bad.needed < 4.0 { "3:1" } else { "4.5:1" }
                    )
                }
                None => "cannot be checked (write colours as #rrggbb)".to_string(),
            };
            let pair = format!("{} on {} ({}) is {why}", bad.fg, bad.bg, bad.what);
            if dropped.iter().any(|n| crisis(n)) {
                theme.retain(|(k, _)| !crisis(k));
                self.warn(
                    "theme",
                    format!("the crisis panel would be hard to read: {pair}. --sp-text and --sp-urgent-text need 4.5:1 contrast on --sp-urgent-bg and --sp-surface in light and dark mode, written #rrggbb; its default colours are used"),
                );
            } else {
                theme.retain(|(k, _)| !dropped.contains(&k.as_str()));
                self.warn(
                    format!("theme.{}", dropped[0]),
                    format!(
                        "{pair}; the default {} used",
                        if dropped.len() == 2 {
                            "colours are"
                        } else {
                            "colour is"
                        }
                    ),
                );
            }
        }
    }

    fn origins(&mut self, v: &Value) -> Vec<String> {
        let Value::Array(items) = v else {
            self.error(
                "content_origins",
                format!(
                    "must be a list of origins such as \"https://cdn.example\", not {}",
                    v.kind()
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("content_origins[{i}]");
            let Some(s) = self.text(&path, item, 200) else {
                continue;
            };
            let host = s.strip_prefix("https://").unwrap_or("");
            let ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
            if ok {
                out.push(s.to_ascii_lowercase());
            } else {
                self.error(
                    path,
                    format!("\"{s}\" must be an origin such as \"https://cdn.example\" (no path)"),
                );
            }
        }
        out
    }
}

/// Whether `s` is a usable "Leave quickly" address: `https://`, a host
/// name (letters, digits, `.` `-`, a port, an IPv6 literal), then
/// optionally a path, query or fragment, with no spaces or backslashes.
/// A user name (`https://neutral.example@other.example/`) is refused: it
/// would hide where the visitor really goes. Relative addresses are
/// refused because the host page, not the guide, may do the navigation
/// (an iframe's host script).
pub fn exit_url_ok(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    host.chars().any(|c| c.is_ascii_alphanumeric())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        && !s.contains(char::is_whitespace)
        && !s.contains('\\')
}

/// Characters that change how text around them is shown or read: controls
/// and the bidirectional marks, embeddings, overrides and isolates.
pub(crate) fn hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
