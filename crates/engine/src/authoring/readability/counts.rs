//! Counting words, sentences and syllables, and the formulas.

use super::english::{english_number, english_syllables};
use super::formula::Formula;
use super::pages::paragraphs;
use super::spanish::{spanish_number_words, spanish_syllables};
use super::vowel_groups::*;
use crate::Locale;

/// Words, sentences and syllables of some text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub longest: usize,
}

impl Counts {
    /// The score of `locale`'s formula ([`Formula::for_locale`]); 0 for no
    /// words, `None` for a language without a formula.
    pub fn score(&self, locale: Locale) -> Option<f64> {
        let formula = Formula::for_locale(locale)?;
        if self.words == 0 || self.sentences == 0 {
            return Some(0.0);
        }
        Some(formula.score(self.words, self.sentences, self.syllables))
    }
}

/// Counts a text: paragraphs and list items end sentences, as do `.`, `!`
/// and `?`.
pub fn count(text: &str, locale: Locale) -> Counts {
    let blocks = paragraphs(text);
    count_blocks(blocks.iter().map(String::as_str), locale)
}

pub(super) fn count_blocks<'a>(blocks: impl Iterator<Item = &'a str>, locale: Locale) -> Counts {
    let mut c = Counts::default();
    for block in blocks {
        for s in sentences(block) {
            let n = words(&s).count();
            if n == 0 {
                continue;
            }
            c.sentences += 1;
            c.words += n;
            c.longest = c.longest.max(n);
            c.syllables += words(&s).map(|w| syllables(w, locale)).sum::<usize>();
        }
    }
    c
}

/// Flesch-Kincaid grade level.
pub fn flesch_kincaid(words: usize, sentences: usize, syllables: usize) -> f64 {
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    0.39 * (w / s) + 11.8 * (y / w) - 15.59
}

/// Fernández-Huerta ease: `206.84 - 0.60 P - 1.02 F`, with P the syllables
/// per 100 words and F the mean sentence length in words.
///
/// Fernández-Huerta (1959) adapted Flesch's reading ease to Spanish:
/// `206.835 - 0.846 * syllables per 100 words - 1.015 * words per sentence`.
/// The constant and the coefficient 1.02 match Flesch's sentence-length term.
/// Many sources print F as "sentences per 100 words", which makes a text
/// with shorter sentences score as harder (see Gwillim Law, "Error in the
/// Fernandez Huerta Readability Formula", LINGUIST List 22.2332, 2011); the
/// reading used here is the corrected one.
pub fn fernandez_huerta(words: usize, sentences: usize, syllables: usize) -> f64 {
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    206.84 - 0.60 * (100.0 * y / w) - 1.02 * (w / s)
}

/// An approximate school grade for a Fernández-Huerta ease score (the
/// usual Spanish interpretation table, after Flesch's).
pub fn fh_band(ease: f64) -> &'static str {
    match ease {
        e if e >= 90.0 => "very easy, grade 4",
        e if e >= 80.0 => "easy, grade 5",
        e if e >= 70.0 => "fairly easy, grade 6",
        e if e >= 60.0 => "standard, grades 7-8",
        e if e >= 50.0 => "fairly hard, grades 9-12",
        e if e >= 30.0 => "hard, college",
        _ => "very hard, graduate",
    }
}

/// Abbreviations whose full stop does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "vs.", "dr.", "mr.", "mrs.", "ms.", "approx.", "ej.", "sr.", "sra.", "srta.",
    "dra.", "ud.", "uds.", "núm.", "pág.",
];

/// Splits a block (a paragraph or list item) into sentences at `.`, `!`,
/// `?` and `…` followed by a space (closing quotes and brackets stay with
/// their sentence). The block's end always ends a sentence.
pub fn sentences(block: &str) -> Vec<String> {
    let mut out = Vec::new();
    let tokens: Vec<&str> = block.split_whitespace().collect();
    let mut current: Vec<&str> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        current.push(token);
        let core = token.trim_end_matches(['"', '\'', ')', ']', '»', '”', '’']);
        let ends = core.ends_with(['.', '!', '?', '…']);
        let abbreviation = ABBREVIATIONS
            .iter()
            .any(|a| core.to_lowercase().ends_with(a) && core.len() <= a.len() + 1);
        // A full stop after a lone initial or an abbreviation, followed by
        // a lower-case word, does not end the sentence.
        let next_lower = tokens
            .get(i + 1)
            .and_then(|t| t.chars().find(|c| c.is_alphanumeric()))
            .is_some_and(|c| c.is_lowercase());
        if ends && !(abbreviation || (core.ends_with('.') && next_lower && core.len() <= 3)) {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// The words of a sentence: whitespace-separated tokens with at least one
/// letter or digit, stripped of surrounding punctuation.
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
}

/// Syllables in one word (at least 1). Hyphenated and slashed words count
/// each part; numbers count as they are said; all-capital abbreviations
/// (NHS, CBT, TCC) count one syllable per letter name.
pub fn syllables(word: &str, locale: Locale) -> usize {
    let parts: Vec<&str> = word
        .split(['-', '/', '–', '—'])
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return 1;
    }
    parts
        .iter()
        .map(|p| part_syllables(p, locale))
        .sum::<usize>()
        .max(1)
}

pub(super) fn part_syllables(part: &str, locale: Locale) -> usize {
    // Possessives: "UK's", "doctor's".
    let part = part
        .strip_suffix("'s")
        .or_else(|| part.strip_suffix("’s"))
        .unwrap_or(part);
    if part
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        let digits: String = part.chars().filter(char::is_ascii_digit).collect();
        return number_syllables(&digits, locale).max(1);
    }
    if part.chars().any(|c| c.is_ascii_digit()) {
        // Mixed, such as "PHQ4" or "24h": letters and numbers in turn.
        let mut total = 0;
        let mut run = String::new();
        let mut run_digits = false;
        for c in part.chars().chain(std::iter::once(' ')) {
            let digit = c.is_ascii_digit();
            if (digit != run_digits || c == ' ') && !run.is_empty() {
                total += if run_digits {
                    number_syllables(&run, locale)
                } else {
                    part_syllables(&run, locale)
                };
                run.clear();
            }
            run_digits = digit;
            if c != ' ' {
                run.push(c);
            }
        }
        return total.max(1);
    }
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    let upper = part.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 2 && upper == letters {
        return part.chars().map(|c| letter_name_syllables(c, locale)).sum();
    }
    let lower = part.to_lowercase();
    match locale {
        Locale::En => english_syllables(&lower),
        Locale::Es => spanish_syllables(&lower),
        Locale::Fr => french_syllables(&lower),
        Locale::Pt => portuguese_syllables(&lower),
        Locale::De => german_syllables(&lower),
        // Not counted: no formula uses them (formula.rs).
        Locale::Ar => 1,
    }
}

pub(super) fn letter_name_syllables(c: char, locale: Locale) -> usize {
    let c = c.to_ascii_lowercase();
    match locale {
        // "double-u"
        Locale::En => {
            if c == 'w' {
                3
            } else {
                1
            }
        }
        // efe, hache, jota, ele, eme, ene, eñe, erre, ese, uve, equis, zeta; uve doble
        Locale::Es => match c {
            'w' => 4,
            'f' | 'h' | 'j' | 'l' | 'm' | 'n' | 'ñ' | 'r' | 's' | 'v' | 'x' | 'z' => 2,
            _ => 1,
        },
        // double-vé, dáblio
        Locale::Fr | Locale::Pt => {
            if c == 'w' {
                3
            } else {
                1
            }
        }
        Locale::De | Locale::Ar => 1,
    }
}

/// Syllables of a number as it is said. Long digit strings (phone numbers)
/// are read digit by digit.
pub(super) fn number_syllables(digits: &str, locale: Locale) -> usize {
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return 2; // zero, cero
    }
    if digits.len() > 6 {
        return digits
            .chars()
            .map(|d| number_syllables(&d.to_string(), locale))
            .sum();
    }
    let n: u32 = digits.parse().unwrap_or(0);
    match locale {
        Locale::En => english_number(n),
        Locale::Es => spanish_number_words(n)
            .split_whitespace()
            .map(spanish_syllables)
            .sum(),
        Locale::Fr => by_digit(digits, &FR_DIGITS),
        Locale::Pt => by_digit(digits, &PT_DIGITS),
        Locale::De => by_digit(digits, &DE_DIGITS),
        Locale::Ar => digits.len(),
    }
}

fn by_digit(digits: &str, table: &[usize; 10]) -> usize {
    digits.bytes().map(|d| table[usize::from(d - b'0')]).sum()
}
