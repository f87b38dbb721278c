//! Readability as a checked property: how hard each page is to read, per
//! language, and whether any crisis sentence is too long.
//!
//! Visitors are often anxious and reading on a phone, so the content aims
//! at a reading age of about 12. Formulas only count words, sentences and
//! syllables; they cannot tell whether a text is clear or kind. They are a
//! guard against drift, not a substitute for a careful human read.
//! (About 420 lines, 180 of them the tests of every page's grade.)
//!
//! - English: Flesch-Kincaid grade
//!   `0.39 * words/sentences + 11.8 * syllables/words - 15.59`.
//!   Target: grade 7 or below on every page ([`EN_MAX_GRADE`]).
//! - Spanish: Fernández-Huerta ease,
//!   `206.84 - 60 * syllables/words - 1.02 * words/sentences`
//!   (0 hard, 100 easy), with an approximate school grade band. The formula is often printed as `206.84 - 0.60 P - 1.02 F`
//!   with F read as "sentences per 100 words", which would make shorter
//!   sentences *harder*; F is the mean sentence length in words, as in
//!   Flesch's formula that Fernández-Huerta adapted (see the comment on
//!   [`fernandez_huerta`]). Aim: 60 or more ([`ES_MIN_EASE`], not a warning).
//! - Crisis sentences (the crisis panel, the urgent-help option, the safety
//!   question's reason): none over [`CRISIS_MAX_WORDS`] words, any language.
//!
//! Headings and names (titles, option and school names, section headings)
//! are not counted: they are labels, not sentences, and counting them would
//! flatter the score. Every other text a visitor reads on a page is.
//!
//! About 420 lines with its tests; the counting is in `counts.rs`, the
//! pages in `pages.rs`, each language's syllables in its own file.

use std::fmt::{self, Write as _};

use crate::Locale;
use crate::model::Content;

mod counts;
mod english;
mod pages;
mod spanish;

pub use counts::*;
pub use english::english_syllables;
use pages::*;
pub use spanish::spanish_syllables;

/// English pages above this Flesch-Kincaid grade are reported.
pub const EN_MAX_GRADE: f64 = 7.0;
/// Spanish pages should reach at least this Fernández-Huerta ease (shown,
/// not reported as a warning).
pub const ES_MIN_EASE: f64 = 60.0;
/// Crisis sentences longer than this, in words, are reported.
pub const CRISIS_MAX_WORDS: usize = 20;

/// Counts for one page in one locale.
#[derive(Clone, Debug, PartialEq)]
pub struct PageScore {
    /// `option:counselling`, `question:impact`, `helper`, ...
    pub page: String,
    pub locale: Locale,
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words in the longest sentence.
    pub longest: usize,
    /// Flesch-Kincaid grade (en) or Fernández-Huerta ease (es).
    pub score: f64,
}

impl PageScore {
    /// The approximate school grade band, for Spanish ease scores.
    pub fn band(&self) -> Option<&'static str> {
        match self.locale {
            Locale::Es => Some(fh_band(self.score)),
            Locale::En => None,
        }
    }

    /// Whether the page misses its language's target.
    pub fn over_target(&self) -> bool {
        match self.locale {
            Locale::En => self.score > EN_MAX_GRADE,
            Locale::Es => self.score < ES_MIN_EASE,
        }
    }
}

/// One sentence read in a crisis, with where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct CrisisSentence {
    /// `ui.crisis_text`, `options[urgent_help].what`, `questions[safety].crisis_reason`, ...
    pub source: String,
    pub locale: Locale,
    pub sentence: String,
    pub words: usize,
}

/// Readability of the whole content: every page per locale, and every
/// crisis sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub pages: Vec<PageScore>,
    pub crisis: Vec<CrisisSentence>,
}

/// Measures every page and answer set of `content` in every locale it is
/// written in that has a formula here (English and Spanish).
pub fn report(content: &Content) -> Report {
    let locales: Vec<Locale> = content
        .locales
        .iter()
        .filter_map(|t| Locale::from_tag(t))
        .collect();
    let pages = collect_pages(content);
    let mut report = Report::default();
    for page in &pages {
        for &locale in &locales {
            report
                .pages
                .push(measure_page(&page.id, locale, &page.texts));
        }
    }
    for (source, text) in crisis_texts(content) {
        for &locale in &locales {
            for block in text.blocks(locale) {
                for sentence in sentences(&block) {
                    report.crisis.push(CrisisSentence {
                        source: source.clone(),
                        locale,
                        words: words(&sentence).count(),
                        sentence,
                    });
                }
            }
        }
    }
    report
}

impl Report {
    /// English pages above grade 7 and crisis sentences over 20 words.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.pages {
            if p.locale == Locale::En && p.score > EN_MAX_GRADE {
                out.push(format!(
                    "{} (en): Flesch-Kincaid grade {:.1}, above {EN_MAX_GRADE:.0} (longest sentence {} words)",
                    p.page, p.score, p.longest
                ));
            }
        }
        for c in &self.crisis {
            if c.words > CRISIS_MAX_WORDS {
                out.push(format!(
                    "{} ({}): crisis sentence of {} words, over {CRISIS_MAX_WORDS}: \"{}\"",
                    c.source, c.locale, c.words, c.sentence
                ));
            }
        }
        out
    }

    /// The page that is hardest to read in `locale` (highest grade for
    /// English, lowest ease for Spanish).
    pub fn worst(&self, locale: Locale) -> Option<&PageScore> {
        let pages = self.pages.iter().filter(|p| p.locale == locale);
        match locale {
            Locale::En => pages.max_by(|a, b| a.score.total_cmp(&b.score)),
            Locale::Es => pages.min_by(|a, b| a.score.total_cmp(&b.score)),
        }
    }
}

impl fmt::Display for Report {
    /// The table `signpost-check --readability` prints, then the warnings.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Readability: Flesch-Kincaid grade for en (target {EN_MAX_GRADE:.0} or below); \
             Fernandez-Huerta ease for es (0 hard, 100 easy; aim {ES_MIN_EASE:.0}+) with a school grade band."
        )?;
        let width = self
            .pages
            .iter()
            .map(|p| p.page.len())
            .max()
            .unwrap_or(4)
            .max(4);
        writeln!(
            f,
            "{:<width$}  lang  words  sentences  syllables  longest  score",
            "page"
        )?;
        for p in &self.pages {
            let mut score = String::new();
            match p.locale {
                Locale::En => write!(score, "grade {:.1}", p.score)?,
                Locale::Es => write!(score, "ease {:.1} ({})", p.score, fh_band(p.score))?,
            }
            let mark = if p.over_target() { "  *" } else { "" };
            writeln!(
                f,
                "{:<width$}  {:<4}  {:>5}  {:>9}  {:>9}  {:>7}  {score}{mark}",
                p.page,
                p.locale.tag(),
                p.words,
                p.sentences,
                p.syllables,
                p.longest,
            )?;
        }
        writeln!(f, "(* misses the target for its language)")?;
        let longest_crisis = self.crisis.iter().map(|c| c.words).max().unwrap_or(0);
        writeln!(
            f,
            "crisis sentences: {} checked, longest {} words (limit {CRISIS_MAX_WORDS})",
            self.crisis.len(),
            longest_crisis
        )?;
        for locale in [Locale::En, Locale::Es] {
            if let Some(w) = self.worst(locale) {
                match locale {
                    Locale::En => {
                        writeln!(f, "hardest en page: {} (grade {:.1})", w.page, w.score)?
                    }
                    Locale::Es => writeln!(
                        f,
                        "hardest es page: {} (ease {:.1}, {})",
                        w.page,
                        w.score,
                        fh_band(w.score)
                    )?,
                }
            }
        }
        let warnings = self.warnings();
        writeln!(f, "{} warning(s)", warnings.len())?;
        for w in &warnings {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn the_cat_sat_on_the_mat() {
        // 6 words, 1 sentence, 6 syllables: 0.39*6 + 11.8*1 - 15.59 = -1.45.
        let c = count("The cat sat on the mat.", Locale::En);
        assert_eq!((c.words, c.sentences, c.syllables), (6, 1, 6));
        assert!(close(c.score(Locale::En), -1.45), "{}", c.score(Locale::En));
    }

    #[test]
    fn a_two_sentence_known_answer() {
        // "Call a crisis line now." = call 1, a 1, cri-sis 2, line 1, now 1: 5 words, 6 syllables.
        // "They will listen to you." = they 1, will 1, lis-ten 2, to 1, you 1: 5 words, 6 syllables.
        // 10 words, 2 sentences, 12 syllables: 0.39*5 + 11.8*1.2 - 15.59 = 0.52.
        let c = count(
            "Call a crisis line now. They will listen to you.",
            Locale::En,
        );
        assert_eq!((c.words, c.sentences, c.syllables), (10, 2, 12));
        assert!(close(c.score(Locale::En), 0.52), "{}", c.score(Locale::En));
    }

    #[test]
    fn english_syllable_heuristic() {
        let cases = [
            ("the", 1),
            ("make", 1),
            ("people", 2),
            ("little", 2),
            ("while", 1),
            ("helped", 1),
            ("wanted", 2),
            ("needed", 2),
            ("agreed", 2),
            ("takes", 1),
            ("changes", 2),
            ("places", 2),
            ("goes", 1),
            ("carefully", 3),
            ("lonely", 2),
            ("treatment", 2),
            ("family", 3),
            ("psychiatry", 4),
            ("medication", 4),
            ("social", 2),
            ("usual", 3),
            ("being", 2),
            ("counselling", 3),
            ("psychotherapy", 5),
            ("you", 1),
            ("yes", 1),
            ("free", 1),
            ("appointment", 3),
        ];
        for (word, n) in cases {
            assert_eq!(english_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(syllables("12", Locale::En), 1);
        assert_eq!(syllables("20", Locale::En), 2);
        assert_eq!(syllables("15", Locale::En), 2);
        assert_eq!(syllables("988", Locale::En), 6); // nine hundred eighty-eight
        assert_eq!(syllables("NHS", Locale::En), 3);
        assert_eq!(syllables("UK's", Locale::En), 2);
        assert_eq!(syllables("PHQ-4", Locale::En), 4);
        assert_eq!(syllables("self-help", Locale::En), 2);
        assert_eq!(syllables("TCC", Locale::Es), 3); // te-ce-ce
        assert_eq!(syllables("NHS", Locale::Es), 6); // e-ne-ha-che-e-se
        assert_eq!(syllables("12", Locale::Es), 2); // do-ce
        assert_eq!(syllables("15", Locale::Es), 2); // quin-ce
        assert_eq!(syllables("4", Locale::Es), 2); // cua-tro
    }

    #[test]
    fn spanish_syllabification() {
        let cases = [
            ("casa", 2),
            ("día", 2),
            ("baúl", 2),
            ("cuida", 2),
            ("bueno", 2),
            ("ciudad", 2),
            ("leer", 2),
            ("paseo", 3),
            ("poeta", 3),
            ("que", 1),
            ("guitarra", 3),
            ("pingüino", 3),
            ("muy", 1),
            ("hoy", 1),
            ("y", 1),
            ("psicoterapia", 5),
            ("orientación", 4),
            ("ahora", 3),
            ("continúa", 4),
            ("buey", 1),
            ("averiguáis", 4),
        ];
        for (word, n) in cases {
            assert_eq!(spanish_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn fernandez_huerta_known_answer() {
        // "Mi casa es azul." = mi 1, ca-sa 2, es 1, a-zul 2: 4 words, 6 syllables, 1 sentence.
        // 206.84 - 0.60*150 - 1.02*4 = 112.76.
        let c = count("Mi casa es azul.", Locale::Es);
        assert_eq!((c.words, c.sentences, c.syllables), (4, 1, 6));
        assert!(
            close(c.score(Locale::Es), 112.76),
            "{}",
            c.score(Locale::Es)
        );
        // Shorter sentences read more easily, never less.
        let long = count("Mi casa es azul y mi coche es rojo.", Locale::Es);
        let short = count("Mi casa es azul. Mi coche es rojo.", Locale::Es);
        assert!(short.score(Locale::Es) > long.score(Locale::Es));
        assert_eq!(fh_band(65.0), "standard, grades 7-8");
    }

    #[test]
    fn sentence_splitting() {
        assert_eq!(
            sentences("Call now. Help is there! Are you safe? Yes."),
            ["Call now.", "Help is there!", "Are you safe?", "Yes."]
        );
        // Abbreviations and decimals do not end a sentence; closing quotes stay.
        assert_eq!(
            sentences("Ask a doctor, e.g. your GP. It is \"step 2.\" Next 1.5 hours."),
            [
                "Ask a doctor, e.g. your GP.",
                "It is \"step 2.\"",
                "Next 1.5 hours."
            ]
        );
        assert_eq!(
            sentences("¿Está a salvo? Llame ahora."),
            ["¿Está a salvo?", "Llame ahora."]
        );
        // Paragraphs and list items end sentences even without a full stop.
        let c = count(
            "A heading line\n\nAnother one\n- item one\n- item two",
            Locale::En,
        );
        assert_eq!(c.sentences, 4);
    }

    #[test]
    fn words_skip_punctuation() {
        assert_eq!(
            words("Hello — (world), “quoted”: 6 to 12.").collect::<Vec<_>>(),
            ["Hello", "world", "quoted", "6", "to", "12"]
        );
    }

    #[cfg(feature = "toml")]
    #[test]
    fn builtin_content_is_measured_everywhere() {
        let content = crate::builtin().expect("built-in content loads");
        let r = report(&content);
        assert!(r.pages.iter().all(|p| p.words > 0), "a page has no words");
        assert!(
            r.pages
                .iter()
                .any(|p| p.page == "helper" && p.locale == Locale::Es)
        );
        assert!(r.crisis.iter().any(|c| c.source.starts_with("ui.crisis")));
        // Printing never panics, and warnings are part of it.
        let table = r.to_string();
        assert!(table.contains("warning(s)"));
    }
}
