//! The screeners: their items, subscales and score bands, which must cover
//! every possible score once.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn instruments(&mut self, c: &Content, index: &BTreeMap<&str, usize>) {
        let qn = &c.questionnaire;
        self.ids(
            "questionnaire.instruments",
            qn.instruments.iter().map(|i| i.id.as_str()),
        );
        for (i, inst) in qn.instruments.iter().enumerate() {
            // An item may belong to several instruments (the PHQ-4's first
            // two items are the GAD-7's too), but only once to each.
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            let p = format!("questionnaire.instruments[{i}]");
            for (f, t) in [
                ("name", &inst.name),
                ("stem", &inst.stem),
                ("attribution", &inst.attribution),
            ] {
                self.text(&format!("{p}.{f}"), t);
            }
            if inst.items.is_empty() {
                self.err(
                    format!("{p}.items"),
                    "an instrument needs at least one item",
                );
            }
            // The lowest and highest possible totals, from each item's scale.
            let (mut lo, mut hi, mut known) = (0u32, 0u32, true);
            for (k, item) in inst.items.iter().enumerate() {
                let ip = format!("{p}.items[{k}]");
                let Some(q) = index.get(item.as_str()).map(|&j| &qn.questions[j]) else {
                    self.err(ip, format!("unknown question \"{item}\""));
                    known = false;
                    continue;
                };
                if !seen.insert(item) {
                    self.err(
                        &ip,
                        format!("\"{item}\" is already an item of \"{}\"", inst.id),
                    );
                }
                match q.scale.as_deref().and_then(|s| c.scale(s)) {
                    Some(s) if q.kind == QuestionKind::Scale && !s.answers.is_empty() => {
                        // Saturating: a crafted scale value must not
                        // overflow (an instrument may have many items).
                        lo =
                            lo.saturating_add(s.answers.iter().map(|a| a.value).min().unwrap_or(0));
                        hi =
                            hi.saturating_add(s.answers.iter().map(|a| a.value).max().unwrap_or(0));
                    }
                    _ => {
                        self.err(
                            ip,
                            format!("\"{item}\" must be a scale question with answers"),
                        );
                        known = false;
                    }
                }
            }
            self.ids(
                &format!("{p}.bands"),
                inst.bands.iter().map(|b| b.id.as_str()),
            );
            for (k, b) in inst.bands.iter().enumerate() {
                self.text(&format!("{p}.bands[{k}].label"), &b.label);
                self.text(&format!("{p}.bands[{k}].meaning"), &b.meaning);
                if b.min > b.max {
                    self.err(
                        format!("{p}.bands[{k}]"),
                        format!("min {} is above max {}", b.min, b.max),
                    );
                }
            }
            if known {
                self.band_cover(&p, &inst.bands, lo, hi);
            }
            self.ids(
                &format!("{p}.subscales"),
                inst.subscales.iter().map(|s| s.id.as_str()),
            );
            for (k, s) in inst.subscales.iter().enumerate() {
                let sp = format!("{p}.subscales[{k}]");
                self.text(&format!("{sp}.name"), &s.name);
                self.text(&format!("{sp}.meaning"), &s.meaning);
                if s.items.is_empty() {
                    self.err(format!("{sp}.items"), "a subscale needs at least one item");
                }
                for (m, item) in s.items.iter().enumerate() {
                    if !inst.items.contains(item) {
                        self.err(
                            format!("{sp}.items[{m}]"),
                            format!("\"{item}\" is not an item of \"{}\"", inst.id),
                        );
                    }
                }
            }
        }
    }

    /// Bands must cover every total from `lo` to `hi` exactly once: a wrong
    /// edge would tell a visitor the wrong thing about their answers.
    pub(super) fn band_cover(&mut self, p: &str, bands: &[Band], lo: u32, hi: u32) {
        if bands.is_empty() {
            self.err(format!("{p}.bands"), "an instrument needs bands");
            return;
        }
        // A sweep over the bands' edges, sorted: the work grows with the
        // number of bands, never with the size of the totals.
        let (lo64, hi64) = (u64::from(lo), u64::from(hi));
        let mut edges: Vec<(u64, i64)> = vec![(lo64, 0), (hi64 + 1, 0)];
        for b in bands.iter().filter(|b| b.min <= b.max) {
            let (start, end) = (u64::from(b.min).max(lo64), u64::from(b.max).min(hi64));
            if start <= end {
                edges.push((start, 1));
                edges.push((end + 1, -1));
            }
        }
        edges.sort_unstable();
        // Runs of totals [from, to) covered by `n` bands, merged.
        let mut runs: Vec<(u64, u64, i64)> = Vec::new();
        let mut n = 0;
        for (i, &(at, delta)) in edges.iter().enumerate() {
            n += delta;
            let next = edges.get(i + 1).map_or(at, |e| e.0);
            if next > at && at >= lo64 && at <= hi64 {
                match runs.last_mut() {
                    Some(last) if last.1 == at && last.2 == n => last.1 = next,
                    _ => runs.push((at, next, n)),
                }
            }
        }
        for (from, to, n) in runs.into_iter().filter(|r| r.2 != 1) {
            let totals = if to - from == 1 {
                format!("a total of {from}")
            } else {
                format!("the totals {from}-{}", to - 1)
            };
            let message = if n == 0 {
                format!("no band covers {totals}")
            } else {
                format!("{n} bands cover {totals}")
            };
            self.err(format!("{p}.bands"), message);
        }
        for (k, b) in bands.iter().enumerate() {
            if b.max > hi || b.min < lo {
                self.err(
                    format!("{p}.bands[{k}]"),
                    format!(
                        "covers {}-{}, outside the possible totals {lo}-{hi}",
                        b.min, b.max
                    ),
                );
            }
        }
    }
}
