//! The failure screens' crisis numbers, written at build time from the
//! guide's own directory (native only: `prerender directory` and
//! `prerender numbers`, step 4 of scripts/build), so the screens a visitor
//! sees without WebAssembly, or after a crash, can never list other numbers
//! than the guide does.
//!
//! - [`table_json`]: the directory as a compact table that
//!   `web/numbers.js` (inlined into the boot script and the custom element)
//!   chooses from when the screen shows: the pinned country, else the
//!   device's time zone, else its languages' region, as
//!   `signpost_engine::directory::choose_country` does.
//! - [`static_html`]: the numbers of a country pinned in the configuration
//!   the build sees (`index.html`'s own `#signpost-config`), and the
//!   clinic's contacts, as plain HTML below the prerendered screens: they
//!   need no script at all.

use signpost_engine::config::Config;
use signpost_engine::directory::{DeviceHints, Dial, LinesFirst, choose_country, contact_set};
use signpost_engine::{Content, Locale, Text, Ui};

/// A JSON string.
fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The directory as compact JSON (about 3 KiB, 1 KiB with brotli):
///
/// ```text
/// { "w": { "en": [numbers_for, emergency_number, text_to, text_number], "es": [...] },
///   "c": [ [code, NAME, [time zones], [EMERGENCY...], [LINE...]], ... ] }
/// NAME      "text" when every language says the same, else { "en": "...", "es": "..." }
/// EMERGENCY "911", or ["15", NAME] with its label
/// LINE      [NAME, phone, sms, sms body], 0 for what it lacks, trailing 0s dropped
/// ```
///
/// `w` are the guide's own words for the list (content/guide.toml `[ui]`);
/// countries keep the directory's order (the first whose time zones hold
/// the device's wins, as in the guide). Sources, dates, hours and flags
/// stay out.
pub fn table_json(content: &Content) -> String {
    let locales: Vec<Locale> = content
        .locales
        .iter()
        .filter_map(|t| Locale::from_tag(t))
        .collect();
    let text = |t: &Text| -> String {
        let first = locales.first().map_or("", |l| t.get(*l));
        if locales.iter().all(|l| t.get(*l) == first) {
            return string(first);
        }
        let parts: Vec<String> = locales
            .iter()
            .map(|l| format!("{}:{}", string(l.tag()), string(t.get(*l))))
            .collect();
        format!("{{{}}}", parts.join(","))
    };
    let list = |items: Vec<String>| format!("[{}]", items.join(","));
    let words: Vec<String> = locales
        .iter()
        .map(|l| {
            let keys = [
                Ui::CrisisNumbersFor,
                Ui::EmergencyNumber,
                Ui::TextTo,
                Ui::TextNumber,
            ];
            let w = keys.map(|k| string(content.ui(k).get(*l)));
            format!("{}:[{}]", string(l.tag()), w.join(","))
        })
        .collect();
    let countries: Vec<String> = content
        .crisis_directory
        .iter()
        .map(|c| {
            let emergency = c
                .emergency
                .iter()
                .map(|e| match &e.label {
                    Some(label) => format!("[{},{}]", string(&e.number), text(label)),
                    None => string(&e.number),
                })
                .collect();
            let lines = c
                .lines
                .iter()
                .map(|l| {
                    let or_0 = |o: &Option<String>| o.as_deref().map_or("0".to_string(), string);
                    let mut fields = vec![
                        text(&l.name),
                        or_0(&l.phone),
                        or_0(&l.sms),
                        or_0(&l.sms_body),
                    ];
                    while fields.last().is_some_and(|f| f == "0") {
                        fields.pop();
                    }
                    list(fields)
                })
                .collect();
            list(vec![
                string(&c.country),
                text(&c.name),
                list(c.time_zones.iter().map(|z| string(z)).collect()),
                list(emergency),
                list(lines),
            ])
        })
        .collect();
    format!("{{\"w\":{{{}}},\"c\":{}}}", words.join(","), list(countries))
}

/// Text for HTML, in an element or a double-quoted attribute.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The numbers the guide would show for `config` with no help from the
/// device: the emergency number(s) and lines of the country it pins (if
/// the directory has it) and the clinic's contacts, as the list
/// `web/numbers.js` draws (the same classes), in the configuration's
/// language (else English). Empty when there is nothing to list. Every
/// configured value is escaped: it is the clinic's text, never markup; an
/// `href` is `tel:` or `sms:` with digits (`directory::tel_href`).
pub fn static_html(content: &Content, config: &Config) -> String {
    let locale = config.locale.unwrap_or(Locale::En);
    let country = choose_country(
        content,
        config.country.as_deref(),
        None,
        &DeviceHints::default(),
    )
    .map(|(c, _)| c);
    let set = contact_set(content, config, locale, country, LinesFirst::Clinic);
    if set.emergency.is_empty() && set.lines.is_empty() {
        return String::new();
    }
    let ui = |k: Ui| content.ui(k).get(locale);
    let item = |d: &Dial, emergency: bool| {
        let name = match (&d.name, emergency) {
            (Some(n), true) => format!("{}: {n}", ui(Ui::EmergencyNumber)),
            (None, true) => ui(Ui::EmergencyNumber).to_string(),
            (Some(n), false) => n.clone(),
            (None, false) => d.number.clone(),
        };
        let shown = match (d.text, &d.sms_body) {
            (true, Some(body)) => ui(Ui::TextTo)
                .replace("{body}", body)
                .replace("{number}", &d.number),
            (true, None) => ui(Ui::TextNumber).replace("{number}", &d.number),
            (false, _) => d.number.clone(),
        };
        format!(
            "<li><a class=\"sp-contact{}\" href=\"{}\"><span class=\"sp-contact__name\">{}</span> <span class=\"sp-contact__phone\">{}</span></a></li>",
            if emergency {
                " sp-contact--emergency"
            } else {
                ""
            },
            escape(&d.href),
            escape(&name),
            escape(&shown)
        )
    };
    let heading = set.country.as_ref().map_or(String::new(), |(_, name)| {
        format!(
            "<p class=\"sp-contacts__country\"><strong>{}</strong></p>",
            escape(&ui(Ui::CrisisNumbersFor).replace("{country}", name))
        )
    });
    let items: String = set
        .emergency
        .iter()
        .map(|d| item(d, true))
        .chain(set.lines.iter().map(|d| item(d, false)))
        .collect();
    format!(
        "<div class=\"sp-contacts-block\" lang=\"{}\">{heading}<ul class=\"sp-contacts\" role=\"list\">{items}</ul></div>",
        locale.tag()
    )
}

/// The JSON of `index.html`'s `<script type="application/json"
/// id="signpost-config">`, if it has one.
pub fn inline_config(html: &str) -> Option<&str> {
    let open = "<script type=\"application/json\" id=\"signpost-config\">";
    let start = html.find(open)? + open.len();
    let end = html[start..].find("</script>")? + start;
    Some(html[start..end].trim())
}
