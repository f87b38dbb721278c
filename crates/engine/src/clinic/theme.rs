//! The clinic's theme (`--sp-*` custom properties): which values are
//! allowed, and the contrast of every colour pair the guide shows, the
//! crisis panel's included (WCAG 2.2 AA).

/// CSS functions a theme value may use: colours and arithmetic. Anything
/// else (url(), image-set(), image(), cross-fade(), element(), src(), ...)
/// is refused, so no theme value can make the browser fetch something.
const THEME_FUNCTIONS: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "calc", "min", "max", "clamp", "var",
];

/// A theme value is made only of the shapes a colour, length, number or
/// font list needs: letters, digits, `# % . , + - * /`, spaces, and
/// parentheses only after an allowed function name. No quotes, escapes,
/// semicolons, braces or `@`, so it cannot leave its declaration either.
pub fn theme_value_ok(s: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "#%.,+-*/ ()_".contains(c);
    if !s.chars().all(allowed) {
        return false;
    }
    let mut depth = 0usize;
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => {
                let start = bytes[..i]
                    .iter()
                    .rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
                    .map_or(0, |p| p + 1);
                let name = s[start..i].to_ascii_lowercase();
                if !THEME_FUNCTIONS.contains(&name.as_str()) {
                    return false;
                }
                depth += 1;
            }
            b')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// The base font size: a plain length no smaller than 12px (or 0.75rem,
/// 0.75em, 75%); calc() and other shapes are left to the clinic. Parsed
/// by hand in hundredths: a float parser would add ~10 KiB to the wasm.
pub(crate) fn font_size_ok(s: &str) -> bool {
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    if number.is_empty() {
        return !s.starts_with(['-', '+']);
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || whole.len() > 6 {
        return false;
    }
    let hundredths = whole
        .bytes()
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
        * 100
        + fraction
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(2)
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    match unit {
        "px" => hundredths >= 1200,
        "rem" | "em" => hundredths >= 75,
        "%" => hundredths >= 7500,
        _ => false,
    }
}

/// Every colour the stylesheet pairs with another, with its light and dark
/// defaults (styles/main.css; a test checks the two agree).
pub const THEME_COLOURS: &[(&str, [u8; 3], [u8; 3])] = &[
    ("--sp-bg", [0xfb, 0xfa, 0xf7], [0x16, 0x19, 0x1d]),
    ("--sp-surface", [0xff, 0xff, 0xff], [0x1f, 0x23, 0x29]),
    ("--sp-text", [0x1f, 0x23, 0x28], [0xe8, 0xea, 0xed]),
    ("--sp-muted", [0x50, 0x58, 0x62], [0xb4, 0xba, 0xc2]),
    ("--sp-accent", [0x1d, 0x5c, 0x8c], [0x8c, 0xc4, 0xf0]),
    ("--sp-accent-text", [0xff, 0xff, 0xff], [0x0b, 0x1b, 0x28]),
    ("--sp-accent-soft", [0xe8, 0xf1, 0xf8], [0x1c, 0x34, 0x47]),
    (
        "--sp-control-border",
        [0x6b, 0x73, 0x7d],
        [0x8a, 0x93, 0x9e],
    ),
    ("--sp-focus", [0xb3, 0x41, 0x0e], [0xff, 0xb3, 0x8a]),
    ("--sp-urgent-bg", [0xfd, 0xf0, 0xec], [0x3a, 0x21, 0x1a]),
    ("--sp-urgent-border", [0xb3, 0x41, 0x0e], [0xff, 0xb3, 0x8a]),
    ("--sp-urgent-text", [0x8a, 0x30, 0x09], [0xff, 0xc9, 0xa8]),
    ("--sp-danger", [0xa3, 0x24, 0x2b], [0xff, 0x9d, 0x95]),
    ("--sp-danger-bg", [0xfc, 0xef, 0xef], [0x3b, 0x1e, 0x21]),
    ("--sp-note-bg", [0xf1, 0xf3, 0xf5], [0x25, 0x2a, 0x31]),
];

/// Whether a theme key is one of the guide's paired colours, which the
/// theme sets in light mode only ([`contrast_checks`]).
pub fn is_theme_colour(key: &str) -> bool {
    THEME_COLOURS.iter().any(|(name, ..)| *name == key)
}

/// The crisis panel's colours: if any pair of them fails, the theme's
/// values for all of them are dropped together.
pub const CRISIS_COLOURS: [&str; 4] = [
    "--sp-text",
    "--sp-surface",
    "--sp-urgent-bg",
    "--sp-urgent-text",
];

/// Each pair the stylesheet draws, foreground on background, with the
/// ratio WCAG AA needs (4.5:1 for text, 1.4.3; 3:1 for a control's
/// boundary or the focus ring, 1.4.11) and where it is seen.
pub const THEME_PAIRS: &[(&str, &str, f64, &str)] = &[
    ("--sp-text", "--sp-bg", 4.5, "text on the page"),
    (
        "--sp-text",
        "--sp-surface",
        4.5,
        "text on cards and answers",
    ),
    ("--sp-muted", "--sp-surface", 4.5, "hints and labels"),
    ("--sp-muted", "--sp-bg", 4.5, "hints on the page"),
    (
        "--sp-accent",
        "--sp-surface",
        4.5,
        "links and chosen answers",
    ),
    ("--sp-accent", "--sp-bg", 4.5, "links on the page"),
    (
        "--sp-accent-text",
        "--sp-accent",
        4.5,
        "text on the main button",
    ),
    (
        "--sp-text",
        "--sp-accent-soft",
        4.5,
        "text on a chosen answer",
    ),
    ("--sp-text", "--sp-note-bg", 4.5, "text in notes"),
    (
        "--sp-control-border",
        "--sp-surface",
        3.0,
        "answer and field borders",
    ),
    ("--sp-focus", "--sp-surface", 3.0, "the keyboard focus ring"),
    ("--sp-focus", "--sp-bg", 3.0, "the focus ring on the page"),
    ("--sp-text", "--sp-urgent-bg", 4.5, "crisis panel: its text"),
    (
        "--sp-urgent-text",
        "--sp-urgent-bg",
        4.5,
        "crisis panel: phone numbers",
    ),
    (
        "--sp-urgent-text",
        "--sp-surface",
        4.5,
        "the urgent-help button",
    ),
    (
        "--sp-urgent-border",
        "--sp-urgent-bg",
        3.0,
        "crisis panel: its border",
    ),
    (
        "--sp-danger",
        "--sp-surface",
        4.5,
        "errors, \"start again\" and \"leave quickly\"",
    ),
    ("--sp-danger", "--sp-danger-bg", 4.5, "error messages"),
];

/// One colour pair in one mode, with the theme applied.
#[derive(Clone, Debug, PartialEq)]
pub struct PairCheck {
    pub fg: &'static str,
    pub bg: &'static str,
    pub what: &'static str,
    pub dark: bool,
    pub needed: f64,
    /// `None` when a colour the theme sets is not #rgb or #rrggbb.
    pub ratio: Option<f64>,
}

impl PairCheck {
    pub fn ok(&self) -> bool {
        self.ratio.is_some_and(|r| r >= self.needed)
    }
}

/// Every pair of [`THEME_PAIRS`] in light then dark mode, with `theme`'s
/// values in place of the light defaults. The theme's colours apply to
/// light mode only: no one colour can keep text readable on both a light
/// and a dark surface, so in dark mode the guide keeps its own palette
/// ([`is_theme_colour`]; `src/embed` applies the theme so).
pub fn contrast_checks(theme: &[(String, String)]) -> Vec<PairCheck> {
    let colour = |name: &str, dark: bool| -> Option<[u8; 3]> {
        match theme.iter().find(|(k, _)| k == name && !dark) {
            Some((_, v)) => parse_colour(v),
            None => THEME_COLOURS
                .iter()
                .find(|(n, ..)| *n == name)
                .map(|&(_, light, night)| if dark { night } else { light }),
        }
    };
    [false, true]
        .into_iter()
        .flat_map(|dark| {
            THEME_PAIRS
                .iter()
                .map(move |&(fg, bg, needed, what)| PairCheck {
                    fg,
                    bg,
                    what,
                    dark,
                    needed,
                    ratio: colour(fg, dark)
                        .zip(colour(bg, dark))
                        .map(|(a, b)| contrast(a, b)),
                })
        })
        .collect()
}

/// An opaque colour written as #rgb or #rrggbb (the forms the contrast
/// check reads).
pub fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.trim().strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => {
            let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some([pair(0)?, pair(2)?, pair(4)?])
        }
        _ => None,
    }
}

/// `x^2.4` for `x` in 0..=1 from square roots (a wasm instruction), so
/// the guide's wasm carries no `pow`: 2.4 = 2 + 1/4 + 1/8 + 1/64 + 1/128
/// + 1/1024 + 1/2048 + ..., exact to about 1e-4.
fn pow_2_4(x: f64) -> f64 {
    let mut root = x;
    let mut out = x * x;
    // Bits of 0.4 in binary: 0.0110 0110 0110...
    for bit in [0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1] {
        root = root.sqrt();
        if bit == 1 {
            out *= root;
        }
    }
    out
}

/// WCAG 2 contrast ratio of two opaque sRGB colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let luminance = |c: [u8; 3]| {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                pow_2_4((v + 0.055) / 1.055)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}
