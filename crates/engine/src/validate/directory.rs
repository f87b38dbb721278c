//! The crisis directory: numbers a phone can dial in their country,
//! the page each was confirmed on and the date.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    /// Every number is dialable inside its country; every entry names the
    /// page it was confirmed on and the date; no country's numbers come
    /// from two places.
    pub(super) fn directory(&mut self, c: &Content) {
        use crate::directory::{is_country_code, parse_numbers};
        let mut codes = BTreeSet::new();
        let mut zones: BTreeMap<&str, &str> = BTreeMap::new();
        for (code, list) in &c.time_zones {
            if !is_country_code(code) {
                self.err(
                    format!("time_zones.{code}"),
                    format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                );
            }
            for z in list.split_whitespace() {
                if !z.contains('/') && !z.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    self.err(
                        format!("time_zones.{code}"),
                        format!("\"{z}\" is not an IANA time zone such as \"Europe/London\""),
                    );
                }
                if let Some(other) = zones.insert(z, code) {
                    self.err(
                        format!("time_zones.{code}"),
                        format!("\"{z}\" is already listed for {other}"),
                    );
                }
            }
        }
        let mut world = BTreeSet::new();
        for (i, s) in c.emergency_numbers.iter().enumerate() {
            let p = format!("emergency_numbers[{i}]");
            self.provenance(&p, &s.source, &s.checked);
            for (code, numbers) in &s.numbers {
                if !is_country_code(code) {
                    self.err(
                        format!("{p}.numbers.{code}"),
                        format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                    );
                }
                if !world.insert(code.as_str()) {
                    self.err(
                        format!("{p}.numbers.{code}"),
                        format!("{code} already has its numbers from another source"),
                    );
                }
                if let Err(why) = parse_numbers(numbers) {
                    self.err(format!("{p}.numbers.{code}"), why);
                }
            }
        }
        if let Some(m) = &c.mobile_emergency {
            self.number("mobile_emergency.number", &m.number);
            self.provenance("mobile_emergency", &m.source, &m.checked);
        }
        for (i, e) in c.crisis_directory.iter().enumerate() {
            let p = format!("crisis_directory[{i}]");
            let code = e.country.as_str();
            if !is_country_code(code) {
                self.err(
                    format!("{p}.country"),
                    format!("\"{code}\" is not an ISO 3166 country code such as \"GB\""),
                );
            }
            if !codes.insert(code) {
                self.err(
                    format!("{p}.country"),
                    format!("\"{code}\" is listed twice"),
                );
            }
            for (k, n) in e.emergency.iter().enumerate() {
                let np = format!("{p}.emergency[{k}]");
                self.number(&format!("{np}.number"), &n.number);
                self.provenance(&np, &n.source, &n.checked);
            }
            self.ids(&format!("{p}.lines"), e.lines.iter().map(|l| l.id.as_str()));
            for (k, l) in e.lines.iter().enumerate() {
                let lp = format!("{p}.lines[{k}]");
                if l.name.trim().is_empty() || l.name.chars().any(char::is_control) {
                    self.err(format!("{lp}.name"), "an empty or unprintable name");
                }
                if let Some(h) = &l.hours
                    && let Err(why) = crate::hours::check(h)
                {
                    self.err(format!("{lp}.hours"), why);
                }
                if l.audience.is_empty() {
                    self.err(
                        format!("{lp}.audience"),
                        "say who the line is for (everyone, young, lgbtq, veterans, women)",
                    );
                }
                if l.phone.is_none() && l.sms.is_none() && l.chat.is_none() {
                    self.err(
                        &lp,
                        "a line needs a `phone` to call, an `sms` number to text or a `chat` page",
                    );
                }
                for (field, n) in [("phone", &l.phone), ("sms", &l.sms)] {
                    if let Some(n) = n {
                        self.number(&format!("{lp}.{field}"), n);
                    }
                }
                if let Some(w) = &l.chat
                    && (!w.starts_with("https://")
                        || w.contains(char::is_whitespace)
                        || w.contains(['"', '<', '>']))
                {
                    self.err(
                        format!("{lp}.chat"),
                        "a chat is an https:// page of the service's own",
                    );
                }
                if l.sms_body.is_some() && l.sms.is_none() {
                    self.err(
                        format!("{lp}.sms_body"),
                        "a text body needs an `sms` number",
                    );
                }
                if let Some(b) = &l.sms_body
                    && (b.trim().is_empty() || b.chars().any(char::is_control))
                {
                    self.err(
                        format!("{lp}.sms_body"),
                        "an empty or unprintable text body",
                    );
                }
                self.provenance(&lp, &l.source, &l.checked);
            }
            self.routes(&p, &e.routes);
        }
    }

    /// A country's ways into non-urgent help: a name, an https page or a
    /// number, nothing that would break the directory's one-line fields.
    fn routes(&mut self, p: &str, routes: &[ServiceRoute]) {
        self.ids(&format!("{p}.routes"), routes.iter().map(|r| r.id.as_str()));
        let printable = |t: &str| !t.trim().is_empty() && !t.chars().any(char::is_control);
        for (k, r) in routes.iter().enumerate() {
            let rp = format!("{p}.routes[{k}]");
            if !printable(&r.name) {
                self.err(format!("{rp}.name"), "an empty or unprintable name");
            }
            if r.region.as_deref().is_some_and(|t| !printable(t)) {
                self.err(format!("{rp}.region"), "an empty or unprintable region");
            }
            if r.url.is_none() && r.phone.is_none() {
                self.err(&rp, "a route needs a `url` or a `phone`");
            }
            if let Some(u) = &r.url
                && (!u.starts_with("https://")
                    || u.contains(char::is_whitespace)
                    || u.contains(['"', '<', '>']))
            {
                self.err(format!("{rp}.url"), "a route's page is an https:// address");
            }
            if let Some(n) = &r.phone {
                self.number(&format!("{rp}.phone"), n);
            }
            self.provenance(&rp, &r.source, &r.checked);
        }
    }

    /// A number as dialled inside its country: digits with spaces or
    /// hyphens, no `+` (an international form would not reach a national
    /// short number) and no "(0)".
    pub(super) fn number(&mut self, p: &str, n: &str) {
        if !crate::directory::is_dial_string(n) || n.starts_with('+') {
            self.err(
                p,
                format!("\"{n}\" is not a number a phone in the country can dial (digits, spaces, hyphens)"),
            );
        }
    }

    /// A source page (http or https) and a `YYYY-MM-DD` date.
    pub(super) fn provenance(&mut self, p: &str, source: &str, checked: &str) {
        if !(source.starts_with("https://") || source.starts_with("http://"))
            || source.contains(char::is_whitespace)
        {
            self.err(
                format!("{p}.source"),
                "name the page it was confirmed on (an http or https address)",
            );
        }
        // The same reading of a date as the freshness warning's.
        if crate::directory::days_of(checked).is_none() {
            self.err(
                format!("{p}.checked"),
                format!("\"{checked}\" is not a date such as \"2026-11-22\""),
            );
        }
    }
}
