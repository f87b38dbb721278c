//! The languages the guide is written in, and choosing one from a
//! browser's list.

use std::fmt;

/// A language the guide's content is complete in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    #[default]
    En,
    Es,
    Fr,
    /// Brazilian Portuguese: the PHQ items are the Brazilian translation.
    Pt,
    De,
    /// Written right to left.
    Ar,
}

/// Which way a language's lines run, for the `dir` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The outcome of choosing a language from a browser's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Negotiated {
    pub locale: Locale,
    /// The visitor asked for another region's variety of this language
    /// (`pt-PT` given the Brazilian text): worth a word on the page.
    pub other_variety: bool,
}

impl Locale {
    /// Every supported locale, in the order the language switch shows them.
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Es,
        Locale::Fr,
        Locale::Pt,
        Locale::De,
        Locale::Ar,
    ];

    /// Every tag, for messages (a constant: joining them costs code in the
    /// browser's download; a test keeps it equal to [`Locale::ALL`]).
    pub const TAGS: &'static str = "en, es, fr, pt, de, ar";

    /// The primary language subtag: the key of each text in the content
    /// files, and the language file's name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
            Locale::Pt => "pt",
            Locale::De => "de",
            Locale::Ar => "ar",
        }
    }

    /// The full BCP 47 tag for `lang` attributes: the region where the text
    /// is written for one (so a screen reader picks the right voice).
    pub fn lang(self) -> &'static str {
        match self {
            Locale::Pt => "pt-BR",
            other => other.tag(),
        }
    }

    /// The region the text is written for, when it is written for one.
    fn region(self) -> Option<&'static str> {
        self.lang().split_once('-').map(|(_, region)| region)
    }

    /// The language's own name for itself, for the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::Fr => "Français",
            Locale::Pt => "Português",
            Locale::De => "Deutsch",
            Locale::Ar => "العربية",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Matches a BCP 47 tag such as `es-MX` or `EN_gb` on its primary
    /// language subtag; `None` when the guide is not written in it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The locale's position in [`Locale::ALL`], for tables of six.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The first supported locale among the visitor's preferred languages
    /// (most preferred first), else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        Locale::negotiate_among(preferred, |_| true).locale
    }

    /// The first locale `offered` among the visitor's preferred languages
    /// (most preferred first), else English (or the first offered). A
    /// region in the visitor's tag never stops a match: `fr-CA` gets French
    /// and `pt-PT` Portuguese; where the text is written for another region
    /// (`pt-PT` given `pt-BR`), `other_variety` says so.
    pub fn negotiate_among<'a>(
        preferred: impl IntoIterator<Item = &'a str>,
        offered: impl Fn(Locale) -> bool,
    ) -> Negotiated {
        let found = preferred.into_iter().find_map(|tag| {
            let locale = Locale::from_tag(tag).filter(|&l| offered(l))?;
            let asked = tag.trim().split(['-', '_']).nth(1);
            let other_variety = match (locale.region(), asked) {
                (Some(ours), Some(theirs)) => {
                    theirs.len() == 2 && !ours.eq_ignore_ascii_case(theirs)
                }
                _ => false,
            };
            Some(Negotiated {
                locale,
                other_variety,
            })
        });
        found.unwrap_or(Negotiated {
            locale: match offered(Locale::En) {
                true => Locale::En,
                false => Locale::ALL
                    .into_iter()
                    .find(|&l| offered(l))
                    .unwrap_or_default(),
            },
            other_variety: false,
        })
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_primary_subtag_case_insensitively() {
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("es"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("pt-PT"), Some(Locale::Pt));
        assert_eq!(Locale::from_tag("ar-EG"), Some(Locale::Ar));
        assert_eq!(Locale::from_tag("it"), None);
        assert_eq!(Locale::from_tag("e"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiation_takes_first_supported_else_english() {
        assert_eq!(Locale::negotiate(["it", "es-ES", "en"]), Locale::Es);
        assert_eq!(Locale::negotiate(["it", "nl"]), Locale::En);
        assert_eq!(Locale::negotiate(["de-AT", "fr"]), Locale::De);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn another_region_matches_and_a_different_variety_is_noted() {
        let fr_ca = Locale::negotiate_among(["fr-CA"], |_| true);
        assert_eq!((fr_ca.locale, fr_ca.other_variety), (Locale::Fr, false));
        let pt_pt = Locale::negotiate_among(["pt-PT", "en"], |_| true);
        assert_eq!((pt_pt.locale, pt_pt.other_variety), (Locale::Pt, true));
        for same in ["pt-BR", "pt", "pt_br"] {
            let n = Locale::negotiate_among([same], |_| true);
            assert_eq!((n.locale, n.other_variety), (Locale::Pt, false), "{same}");
        }
        // A script subtag is not a region.
        let latn = Locale::negotiate_among(["pt-Latn"], |_| true);
        assert!(!latn.other_variety);
    }

    #[test]
    fn negotiation_keeps_to_the_available_languages() {
        let only = |l| [Locale::En, Locale::Fr].contains(&l);
        assert_eq!(
            Locale::negotiate_among(["de", "fr-BE"], only).locale,
            Locale::Fr
        );
        assert_eq!(Locale::negotiate_among(["de"], only).locale, Locale::En);
        assert_eq!(
            Locale::negotiate_among(["de"], |l| l == Locale::Es).locale,
            Locale::Es
        );
    }

    #[test]
    fn tags_round_trip_and_only_arabic_is_right_to_left() {
        assert_eq!(Locale::TAGS, Locale::ALL.map(Locale::tag).join(", "));
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
            assert_eq!(Locale::from_tag(l.lang()), Some(l));
            assert_eq!(l.direction() == Direction::Rtl, l == Locale::Ar);
            assert_eq!(Locale::ALL[l.index()], l);
        }
    }
}
