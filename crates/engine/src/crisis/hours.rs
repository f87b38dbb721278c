//! When a crisis line answers: `"24/7"`, or rules in local time such as
//! `"Mo-Fr 09:00-21:00; Sa,Su 10:00-14:00"` (a small subset of
//! OpenStreetMap's `opening_hours`, so data stays free of prose that would
//! need translating). The view names the days in the visitor's language.

/// Parsed opening hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hours {
    Always,
    Rules(Vec<Rule>),
}

/// Days (0 = Monday .. 6 = Sunday, inclusive ranges) and times (minutes
/// after midnight, `to` may be 1440).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub days: Vec<(u8, u8)>,
    pub times: Vec<(u16, u16)>,
}

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Parses `spec`; `None` if it is not in the syntax above. The browser
/// calls this (no messages: they would cost bytes there); the validator
/// calls [`check`].
pub fn parse(spec: &str) -> Option<Hours> {
    if spec == "24/7" {
        return Some(Hours::Always);
    }
    spec.split("; ")
        .map(rule)
        .collect::<Option<Vec<_>>>()
        .map(Hours::Rules)
}

/// What is wrong with `spec`, for the content's author.
pub fn check(spec: &str) -> Result<(), String> {
    match parse(spec) {
        Some(_) => Ok(()),
        None => Err(format!(
            "\"{spec}\" is not opening hours: write \"24/7\" or rules such as \"Mo-Fr 09:00-21:00; Sa,Su 10:00-14:00\" (days Mo Tu We Th Fr Sa Su, times HH:MM-HH:MM, local time)"
        )),
    }
}

fn rule(s: &str) -> Option<Rule> {
    let (days, times) = s.split_once(' ')?;
    let day = |d: &str| DAYS.iter().position(|x| *x == d).map(|i| i as u8);
    let days = days
        .split(',')
        .map(|r| match r.split_once('-') {
            Some((a, b)) => Some((day(a)?, day(b)?)),
            None => day(r).map(|d| (d, d)),
        })
        .collect::<Option<Vec<_>>>()?;
    let time = |t: &str| -> Option<u16> {
        let (h, m) = t.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h * 60 + m <= 1440 && m < 60).then_some(h * 60 + m)
    };
    let times = times
        .split(',')
        .map(|r| {
            let (a, b) = r.split_once('-')?;
            let (a, b) = (time(a)?, time(b)?);
            (a != b).then_some((a, b))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Rule { days, times })
}

/// The form the browser's directory carries (`Directory::to_text`), so
/// the view names the days without this module's parser: `"24/7"`, or
/// rules `"04 09:00-21:00;55,66 10:00-14:00"`: day ranges as two digits
/// (0 = Monday), then the times as written.
pub fn compact(spec: &str) -> String {
    match parse(spec) {
        Some(Hours::Rules(rules)) => {
            let rules: Vec<String> = rules
                .iter()
                .map(|r| {
                    let days: Vec<String> = r.days.iter().map(|(a, b)| format!("{a}{b}")).collect();
                    let times: Vec<String> = r
                        .times
                        .iter()
                        .map(|(a, b)| format!("{}-{}", clock(*a), clock(*b)))
                        .collect();
                    format!("{} {}", days.join(","), times.join(","))
                })
                .collect();
            rules.join(";")
        }
        _ => "24/7".into(),
    }
}

/// `09:00`, `24:00`.
pub fn clock(minutes: u16) -> String {
    let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
    let (h, m) = (minutes / 60, minutes % 60);
    [digit(h / 10), digit(h), ':', digit(m / 10), digit(m)]
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_forms() {
        assert_eq!(compact("24/7"), "24/7");
        assert_eq!(
            compact("Mo-Fr 09:00-21:00; Sa,Su 10:00-14:00"),
            "04 09:00-21:00;55,66 10:00-14:00"
        );
        assert_eq!(
            compact("We 08:00-12:00,13:00-17:00"),
            "22 08:00-12:00,13:00-17:00"
        );
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(540), "09:00");
        assert_eq!(clock(1440), "24:00");
        assert_eq!(clock(75), "01:15");
    }

    #[test]
    fn hours_parse_and_refuse() {
        assert_eq!(parse("24/7"), Some(Hours::Always));
        assert_eq!(
            parse("Mo-Fr 09:00-21:00; Sa,Su 10:00-14:00"),
            Some(Hours::Rules(vec![
                Rule {
                    days: vec![(0, 4)],
                    times: vec![(540, 1260)]
                },
                Rule {
                    days: vec![(5, 5), (6, 6)],
                    times: vec![(600, 840)]
                },
            ]))
        );
        assert_eq!(
            parse("Fr 18:00-24:00"),
            Some(Hours::Rules(vec![Rule {
                days: vec![(4, 4)],
                times: vec![(1080, 1440)]
            }]))
        );
        for bad in [
            "",
            "24 hours",
            "Mo 9:00-21:00",
            "Xx 09:00-10:00",
            "Mo 09:00",
            "Mo 25:00-26:00",
            "Mo 09:00-09:00",
            "Mo-Fr 09:00-21:00;Sa 10:00-11:00",
        ] {
            assert!(parse(bad).is_none() && check(bad).is_err(), "{bad}");
        }
    }
}
