//! Phone numbers: what a phone can dial, and the `tel:` and `sms:` links
//! for them; and what a clinic adds to the directory ([`ClinicContacts`]).
//! A leaf: the directory and the clinic's configuration both use it, and
//! it uses neither.

/// A crisis contact the clinic adds (`crisis_contacts` in its
/// configuration), listed before the directory's lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrisisContact {
    pub name: String,
    pub phone: String,
    /// The country the number works in (ISO 3166 code), shown beside it:
    /// an embedded guide is reached from anywhere.
    pub country: Option<String>,
}

/// What the clinic's configuration gives the directory, as
/// `clinic::config::Config::clinic_contacts` reads it: its contacts in the
/// visitor's language, the country it pins for every visitor, and that
/// country's emergency number.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClinicContacts<'a> {
    pub contacts: &'a [CrisisContact],
    pub country: Option<&'a str>,
    pub emergency: Option<&'a str>,
}

/// An ISO 3166-1 alpha-2 code as the directory and the configuration
/// write it: two upper-case letters ("GB").
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The digits (and a leading `+` or `*`) of a number, for a `tel:` or
/// `sms:` link.
/// After a `+`, a trunk prefix written "(0)" is dropped: "+44 (0)20" is
/// dialled "+4420". web/numbers.js does the same (tests/fixtures/dial.json
/// holds the cases both are tested with).
pub fn dial(number: &str) -> String {
    let number = number.trim_start();
    let international = number.starts_with('+');
    let number = if international {
        number.replace("(0)", "")
    } else {
        number.to_string()
    };
    // A leading `+` or `*` stays (`*` encoded: RFC 3966 allows it, and
    // some dialers drop a bare one).
    let mut out = String::from(match number.as_bytes().first() {
        Some(b'+') => "+",
        Some(b'*') => "%2A",
        _ => "",
    });
    out.extend(number.chars().filter(char::is_ascii_digit));
    out
}

/// Whether a number is something a phone can dial: digits with spaces or
/// hyphens between them, an optional leading `+` or `*`, 2 to 15 digits
/// (E.164's limit).
pub fn is_dial_string(number: &str) -> bool {
    // A leading `*` is a mobile short code (Chile's *4141); a `+` the
    // international form.
    let body = number
        .strip_prefix('+')
        .or_else(|| number.strip_prefix('*'))
        .unwrap_or(number);
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(tel_href("+44 (0)20 7946 0000"), "tel:+442079460000");
    }
}
