//! Readability as a checked property: how hard each page is to read, per
//! language, and whether any crisis sentence is too long.
//!
//! Visitors are often anxious and reading on a phone, so the content aims
//! at a reading age of about 12. Formulas only count words, sentences and
//! syllables; they cannot tell whether a text is clear or kind. They are a
//! guard against drift, not a substitute for a careful human read.
//! (About 450 lines, 200 of them tests.)
//!
//! - Each language's formula, target and bands are in `formula.rs`:
//!   Flesch-Kincaid grade for English (grade 7 or below: misses are
//!   warnings), Fernández-Huerta ease for Spanish, Kandel-Moles for French,
//!   Amstad for German and Martins et al.'s Flesch for Brazilian Portuguese
//!   (misses are marked in the table). Arabic has no formula that fits:
//!   its table says so, and its pages are held to the crisis-sentence limit
//!   alone.
//! - Crisis sentences (the crisis panel, the urgent-help option, the safety
//!   question's reason): none over [`CRISIS_MAX_WORDS`] words, any language.
//!
//! Headings and names (titles, option and school names, section headings)
//! are not counted: they are labels, not sentences, and counting them would
//! flatter the score. Every other text a visitor reads on a page is.
//!
//! The counting is in `counts.rs`, the formulas in `formula.rs`, the
//! pages in `pages.rs`, each language's syllables in its own file.

use std::fmt::{self, Write as _};

use crate::Locale;
use crate::model::Content;

mod counts;
mod english;
mod formula;
mod pages;
mod spanish;
mod vowel_groups;

pub use counts::*;
pub use english::english_syllables;
pub use formula::Formula;
use pages::*;
pub use spanish::spanish_syllables;
pub use vowel_groups::{french_syllables, german_syllables, portuguese_syllables};

/// English pages above this Flesch-Kincaid grade are reported.
pub const EN_MAX_GRADE: f64 = 7.0;
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
    /// The score of the language's [`Formula`]; `None` where it has none.
    pub score: Option<f64>,
}

impl PageScore {
    /// How to read the score, where its formula has bands.
    pub fn band(&self) -> Option<&'static str> {
        Formula::for_locale(self.locale)?.band(self.score?)
    }

    /// Whether the page misses its language's target.
    pub fn over_target(&self) -> bool {
        match (Formula::for_locale(self.locale), self.score) {
            (Some(f), Some(score)) => f.misses(score),
            _ => false,
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
/// written in.
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
            if let (Locale::En, Some(score)) = (p.locale, p.score)
                && score > EN_MAX_GRADE
            {
                out.push(format!(
                    "{} (en): Flesch-Kincaid grade {score:.1}, above {EN_MAX_GRADE:.0} (longest sentence {} words)",
                    p.page, p.longest
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

    /// The page that is hardest to read in `locale` (highest grade,
    /// lowest ease); `None` for a language without a formula.
    pub fn worst(&self, locale: Locale) -> Option<&PageScore> {
        let formula = Formula::for_locale(locale)?;
        let harder = |p: &PageScore| {
            let score = p.score.unwrap_or_default();
            if formula.is_grade() { score } else { -score }
        };
        self.pages
            .iter()
            .filter(|p| p.locale == locale)
            .max_by(|a, b| harder(a).total_cmp(&harder(b)))
    }
}

impl fmt::Display for Report {
    /// The table `signpost-check --readability` prints, then the warnings.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut locales: Vec<Locale> = self.pages.iter().map(|p| p.locale).collect();
        locales.dedup();
        locales.sort();
        locales.dedup();
        writeln!(f, "Readability, per language:")?;
        for &locale in &locales {
            match Formula::for_locale(locale) {
                Some(formula) => writeln!(
                    f,
                    "  {}: {}, aim {} {:.0}",
                    locale.tag(),
                    formula.name(),
                    if formula.is_grade() {
                        "at most"
                    } else {
                        "at least"
                    },
                    formula.target()
                )?,
                None => writeln!(
                    f,
                    "  {}: no readability formula fits (syllables cannot be counted from unvowelled text); sentence lengths only",
                    locale.tag()
                )?,
            }
        }
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
            match (Formula::for_locale(p.locale), p.score) {
                (Some(formula), Some(s)) if formula.is_grade() => write!(score, "grade {s:.1}")?,
                (Some(_), Some(s)) => write!(score, "ease {s:.1}")?,
                _ => score.push_str("no formula"),
            }
            if let Some(band) = p.band() {
                write!(score, " ({band})")?;
            }
            let mark = if p.over_target() { "  *" } else { "" };
            let syllables = match p.score {
                Some(_) => p.syllables.to_string(),
                None => "-".into(),
            };
            writeln!(
                f,
                "{:<width$}  {:<4}  {:>5}  {:>9}  {:>9}  {:>7}  {score}{mark}",
                p.page,
                p.locale.tag(),
                p.words,
                p.sentences,
                syllables,
                p.longest,
            )?;
        }
        writeln!(f, "(* misses the aim for its language)")?;
        let longest_crisis = self.crisis.iter().map(|c| c.words).max().unwrap_or(0);
        writeln!(
            f,
            "crisis sentences: {} checked, longest {} words (limit {CRISIS_MAX_WORDS})",
            self.crisis.len(),
            longest_crisis
        )?;
        for &locale in &locales {
            if let (Some(w), Some(formula)) = (self.worst(locale), Formula::for_locale(locale)) {
                let score = w.score.unwrap_or_default();
                let missed = self
                    .pages
                    .iter()
                    .filter(|p| p.locale == locale && p.over_target())
                    .count();
                writeln!(
                    f,
                    "hardest {} page: {} ({} {score:.1}{}); {missed} of {} pages miss the aim",
                    locale.tag(),
                    w.page,
                    if formula.is_grade() { "grade" } else { "ease" },
                    w.band().map(|b| format!(", {b}")).unwrap_or_default(),
                    self.pages.iter().filter(|p| p.locale == locale).count(),
                )?;
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
        assert!(
            close(c.score(Locale::En).unwrap(), -1.45),
            "{:?}",
            c.score(Locale::En)
        );
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
        assert!(
            close(c.score(Locale::En).unwrap(), 0.52),
            "{:?}",
            c.score(Locale::En)
        );
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
            close(c.score(Locale::Es).unwrap(), 112.76),
            "{:?}",
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
