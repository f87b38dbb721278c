//! The pages a visitor reads: the support options, the page on helpers,
//! the pages for other audiences.

use super::*;

impl Validator<'_> {
    pub(super) fn options(&mut self, options: &[SupportOption]) {
        if options.is_empty() {
            self.err("options", "no support options");
        }
        if options.len() > crate::content::limits::MAX_OPTIONS {
            self.err(
                "options",
                format!(
                    "{} support options; at most {} are supported",
                    options.len(),
                    crate::content::limits::MAX_OPTIONS
                ),
            );
        }
        self.ids("options", options.iter().map(|o| o.id.as_str()));
        match options.iter().filter(|o| o.urgent).count() {
            0 => self.err(
                "options",
                "no crisis option: exactly one option must have `urgent = true`",
            ),
            1 => {}
            n => self.err(
                "options",
                format!("{n} options have `urgent = true`; exactly one may"),
            ),
        }
        for (i, o) in options.iter().enumerate() {
            let p = format!("options[{i}]");
            for (field, t) in o.prose().into_iter().chain([
                ("compare.focus", &o.compare.focus),
                ("compare.length", &o.compare.length),
                ("compare.provider", &o.compare.provider),
                ("compare.cost", &o.compare.cost),
                ("compare.privacy", &o.compare.privacy),
            ]) {
                self.text(&format!("{p}.{field}"), t);
            }
            self.text_list(&format!("{p}.ask"), &o.ask);
            self.ids(
                &format!("{p}.schools"),
                o.schools.iter().map(|s| s.id.as_str()),
            );
            for (j, s) in o.schools.iter().enumerate() {
                self.text(&format!("{p}.schools[{j}].name"), &s.name);
                self.text(&format!("{p}.schools[{j}].text"), &s.text);
            }
        }
    }

    pub(super) fn helper(&mut self, h: &HelperPage) {
        self.text("helper.title", &h.title);
        self.text("helper.intro", &h.intro);
        self.text("helper.overlap", &h.overlap);
        self.text("helper.titles", &h.titles);
        if h.qualities.is_empty() {
            self.err("helper.qualities", "list at least one quality");
        }
        self.ids(
            "helper.qualities",
            h.qualities.iter().map(|q| q.id.as_str()),
        );
        for (i, q) in h.qualities.iter().enumerate() {
            self.text(&format!("helper.qualities[{i}].name"), &q.name);
            self.text(&format!("helper.qualities[{i}].text"), &q.text);
        }
    }

    pub(super) fn audiences(&mut self, pages: &[AudiencePage]) {
        self.ids("audiences", pages.iter().map(|a| a.id.as_str()));
        for (i, a) in pages.iter().enumerate() {
            let p = format!("audiences[{i}]");
            self.text(&format!("{p}.title"), &a.title);
            self.text(&format!("{p}.summary"), &a.summary);
            if a.sections.is_empty() {
                self.err(format!("{p}.sections"), "a page needs at least one section");
            }
            for (j, s) in a.sections.iter().enumerate() {
                self.text(&format!("{p}.sections[{j}].heading"), &s.heading);
                self.text(&format!("{p}.sections[{j}].body"), &s.body);
            }
        }
    }
}
