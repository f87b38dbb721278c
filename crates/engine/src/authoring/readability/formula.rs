//! Each language's readability formula, its target and how to read it.
//! Every formula is Flesch's reading ease (or grade) refitted for the
//! language; Arabic has none that fits (see [`Formula::for_locale`]).

use crate::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// English: Flesch-Kincaid grade `0.39 ASL + 11.8 ASW - 15.59`.
    FleschKincaid,
    /// Spanish: Fernández-Huerta ease `206.84 - 60 ASW - 1.02 ASL`
    /// (see [`super::fernandez_huerta`] for the reading of its terms).
    FernandezHuerta,
    /// French: Kandel and Moles (1958) ease `207 - 1.015 ASL - 73.6 ASW`.
    KandelMoles,
    /// Brazilian Portuguese: Martins et al. (1996) ease
    /// `248.835 - 1.015 ASL - 84.6 ASW`.
    FleschMartins,
    /// German: Amstad (1978) ease `180 - ASL - 58.5 ASW`.
    Amstad,
}

impl Formula {
    /// The formula for `locale`. Arabic has none here: it is written
    /// without most short vowels, so syllables cannot be counted from the
    /// text, and the published Arabic formulas (Dawood 1977, Al-Heeti
    /// 1984, OSMAN 2016) need diacritised text or word lists this guide
    /// does not carry. Its pages are measured by sentence length only.
    pub fn for_locale(locale: Locale) -> Option<Formula> {
        match locale {
            Locale::En => Some(Formula::FleschKincaid),
            Locale::Es => Some(Formula::FernandezHuerta),
            Locale::Fr => Some(Formula::KandelMoles),
            Locale::Pt => Some(Formula::FleschMartins),
            Locale::De => Some(Formula::Amstad),
            Locale::Ar => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Formula::FleschKincaid => "Flesch-Kincaid grade",
            Formula::FernandezHuerta => "Fernandez-Huerta ease",
            Formula::KandelMoles => "Kandel-Moles ease",
            Formula::FleschMartins => "Flesch ease for Portuguese (Martins et al.)",
            Formula::Amstad => "Amstad ease",
        }
    }

    /// Grades rise with difficulty; ease scores fall.
    pub fn is_grade(self) -> bool {
        self == Formula::FleschKincaid
    }

    /// The aim: at most this grade, or at least this ease. English misses
    /// are warnings (the content's authors write it first); the other
    /// languages' are marked in the table.
    pub fn target(self) -> f64 {
        match self {
            Formula::FleschKincaid => 7.0,
            // "Standard" or easier: about a 12- to 13-year-old's reading.
            Formula::FernandezHuerta | Formula::KandelMoles | Formula::Amstad => 60.0,
            // Martins et al.'s band 50-75 is "easy", school years 5 to 8.
            Formula::FleschMartins => 50.0,
        }
    }

    pub fn misses(self, score: f64) -> bool {
        if self.is_grade() {
            score > self.target()
        } else {
            score < self.target()
        }
    }

    /// `words`, `sentences` and `syllables` to a score; callers make sure
    /// there are words and sentences.
    pub fn score(self, words: usize, sentences: usize, syllables: usize) -> f64 {
        let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
        let (asl, asw) = (w / s, y / w);
        match self {
            Formula::FleschKincaid => super::flesch_kincaid(words, sentences, syllables),
            Formula::FernandezHuerta => super::fernandez_huerta(words, sentences, syllables),
            Formula::KandelMoles => 207.0 - 1.015 * asl - 73.6 * asw,
            Formula::FleschMartins => 248.835 - 1.015 * asl - 84.6 * asw,
            Formula::Amstad => 180.0 - asl - 58.5 * asw,
        }
    }

    /// How to read a score, where the formula's authors gave bands.
    pub fn band(self, score: f64) -> Option<&'static str> {
        match self {
            Formula::FleschKincaid => None,
            Formula::FernandezHuerta | Formula::KandelMoles | Formula::Amstad => {
                Some(super::fh_band(score))
            }
            Formula::FleschMartins => Some(match score {
                e if e >= 75.0 => "very easy, school years 1-4",
                e if e >= 50.0 => "easy, school years 5-8",
                e if e >= 25.0 => "hard, secondary school",
                _ => "very hard, university",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn known_answers() {
        // 10 words, 2 sentences, 15 syllables: ASL 5, ASW 1.5.
        assert!(close(
            Formula::KandelMoles.score(10, 2, 15),
            207.0 - 5.075 - 110.4
        ));
        assert!(close(Formula::Amstad.score(10, 2, 15), 180.0 - 5.0 - 87.75));
        assert!(close(
            Formula::FleschMartins.score(10, 2, 15),
            248.835 - 5.075 - 126.9
        ));
        assert!(Formula::for_locale(Locale::Ar).is_none());
        for f in [
            Formula::KandelMoles,
            Formula::Amstad,
            Formula::FleschMartins,
        ] {
            // Longer sentences and longer words both read as harder.
            assert!(f.score(10, 2, 15) > f.score(10, 1, 15));
            assert!(f.score(10, 2, 15) > f.score(10, 2, 20));
            assert!(f.misses(f.target() - 1.0) && !f.misses(f.target() + 1.0));
        }
    }
}
