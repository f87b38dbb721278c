//! Readability as a checked property: how hard each page is to read, per
//! language, and whether any crisis sentence is too long.
//!
//! Visitors are often anxious and reading on a phone, so the content aims
//! at a reading age of about 12. Formulas only count words, sentences and
//! syllables; they cannot tell whether a text is clear or kind. They are a
//! guard against drift, not a substitute for a careful human read.
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

use std::fmt::{self, Write as _};

use crate::Locale;
use crate::model::{Content, QuestionKind, SupportOption};
use crate::text::{Text, TextList};

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

// ---------------------------------------------------------------------------
// Which texts make up which page

/// One piece of visitor text on a page.
enum Piece<'c> {
    /// Prose: paragraphs of sentences.
    Prose(&'c Text),
    /// A short text that is read as one sentence even without a full stop
    /// (a list item, an answer label, a table cell, an interface word).
    Item(&'c Text),
    /// A list of items per locale (`ask`).
    List(&'c TextList),
}

struct Page<'c> {
    id: String,
    texts: Vec<Piece<'c>>,
}

fn option_texts(o: &SupportOption) -> Vec<Piece<'_>> {
    let mut texts = vec![
        Piece::Item(&o.summary),
        Piece::Prose(&o.what),
        Piece::Prose(&o.good_for),
        Piece::Prose(&o.not_for),
        Piece::Prose(&o.length),
        Piece::Prose(&o.provider),
        Piece::Prose(&o.first_session),
        Piece::Prose(&o.privacy),
        Piece::Prose(&o.cost),
        Piece::List(&o.ask),
    ];
    texts.extend(o.schools.iter().map(|s| Piece::Prose(&s.text)));
    texts
}

fn collect_pages(content: &Content) -> Vec<Page<'_>> {
    let mut pages = Vec::new();
    // The welcome screen and the interface words, all together.
    pages.push(Page {
        id: "interface".into(),
        texts: content.ui.values().map(Piece::Item).collect(),
    });
    for o in &content.options {
        pages.push(Page {
            id: format!("option:{}", o.id),
            texts: option_texts(o),
        });
    }
    let mut cells = Vec::new();
    for o in &content.options {
        let c = &o.compare;
        cells.extend([&c.focus, &c.length, &c.provider, &c.cost, &c.privacy].map(Piece::Item));
    }
    pages.push(Page {
        id: "compare".into(),
        texts: cells,
    });
    let h = &content.helper;
    let mut helper = vec![Piece::Prose(&h.intro)];
    helper.extend(h.qualities.iter().map(|q| Piece::Prose(&q.text)));
    helper.extend([Piece::Prose(&h.overlap), Piece::Prose(&h.titles)]);
    pages.push(Page {
        id: "helper".into(),
        texts: helper,
    });
    for a in &content.audiences {
        let mut texts = vec![Piece::Item(&a.summary)];
        texts.extend(a.sections.iter().map(|s| Piece::Prose(&s.body)));
        pages.push(Page {
            id: format!("audience:{}", a.id),
            texts,
        });
    }
    let q = &content.questionnaire;
    pages.push(Page {
        id: "questionnaire_intro".into(),
        texts: vec![Piece::Prose(&q.intro)],
    });
    for question in &q.questions {
        let mut texts: Vec<Piece<'_>> = question
            .lead
            .as_ref()
            .map(Piece::Prose)
            .into_iter()
            .collect();
        texts.push(Piece::Item(&question.text));
        texts.extend(question.hint.as_ref().map(Piece::Item));
        match question.kind {
            QuestionKind::Scale => {
                if let Some(scale) = question.scale.as_deref().and_then(|s| content.scale(s)) {
                    texts.extend(scale.answers.iter().map(|a| Piece::Item(&a.label)));
                }
            }
            QuestionKind::Single | QuestionKind::Multi => {
                texts.extend(question.answers.iter().map(|a| Piece::Item(&a.label)));
            }
        }
        pages.push(Page {
            id: format!("question:{}", question.id),
            texts,
        });
    }
    // What the results screen says: band and subscale meanings, cautions,
    // and every "why this was suggested" reason.
    let mut results = Vec::new();
    for i in &q.instruments {
        results.extend(i.bands.iter().map(|b| Piece::Prose(&b.meaning)));
        results.extend(i.subscales.iter().map(|s| Piece::Prose(&s.meaning)));
    }
    for r in &q.rules {
        results.extend(r.caution.as_ref().map(Piece::Prose));
        results.extend(r.weights.iter().map(|w| Piece::Prose(&w.reason)));
    }
    for question in &q.questions {
        for a in &question.answers {
            results.extend(a.weights.iter().map(|w| Piece::Prose(&w.reason)));
        }
        results.extend(question.crisis_reason.as_ref().map(Piece::Prose));
        for a in &question.answers {
            results.extend(a.crisis_reason.as_ref().map(Piece::Prose));
        }
    }
    pages.push(Page {
        id: "results_reasons".into(),
        texts: results,
    });
    pages
}

/// The texts whose every sentence must be short enough to read in a crisis.
fn crisis_texts(content: &Content) -> Vec<(String, TextRef<'_>)> {
    let mut out = Vec::new();
    for (key, text) in &content.ui {
        if key.starts_with("crisis") || key.starts_with("urgent") {
            out.push((format!("ui.{key}"), TextRef::Text(text)));
        }
    }
    for o in content.options.iter().filter(|o| o.urgent) {
        for (field, text) in o.prose() {
            out.push((format!("options[{}].{field}", o.id), TextRef::Text(text)));
        }
        out.push((format!("options[{}].ask", o.id), TextRef::List(&o.ask)));
        let c = &o.compare;
        for (field, text) in [
            ("focus", &c.focus),
            ("length", &c.length),
            ("provider", &c.provider),
            ("cost", &c.cost),
            ("privacy", &c.privacy),
        ] {
            out.push((
                format!("options[{}].compare.{field}", o.id),
                TextRef::Text(text),
            ));
        }
        for s in &o.schools {
            out.push((
                format!("options[{}].schools[{}]", o.id, s.id),
                TextRef::Text(&s.text),
            ));
        }
    }
    for q in content.questionnaire.questions.iter().filter(|q| q.safety) {
        for (field, text) in [
            ("crisis_reason", &q.crisis_reason),
            ("crisis_text", &q.crisis_text),
        ] {
            if let Some(text) = text {
                out.push((format!("questions[{}].{field}", q.id), TextRef::Text(text)));
            }
        }
        for a in &q.answers {
            for (field, text) in [
                ("crisis_reason", &a.crisis_reason),
                ("crisis_text", &a.crisis_text),
            ] {
                if let Some(text) = text {
                    out.push((
                        format!("questions[{}].answers[{}].{field}", q.id, a.id),
                        TextRef::Text(text),
                    ));
                }
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum TextRef<'c> {
    Text(&'c Text),
    List(&'c TextList),
}

impl TextRef<'_> {
    /// The text as blocks that each end a sentence: paragraphs, or list items.
    fn blocks(&self, locale: Locale) -> Vec<String> {
        match self {
            TextRef::Text(t) => paragraphs(raw(t, locale)),
            TextRef::List(l) => list(l, locale),
        }
    }
}

/// The text in exactly `locale` (no fallback: a missing translation would
/// otherwise be measured with the wrong language's formula).
fn raw(text: &Text, locale: Locale) -> &str {
    text.0.get(locale.tag()).map(|s| s.trim()).unwrap_or("")
}

fn list(list: &TextList, locale: Locale) -> Vec<String> {
    list.0
        .get(locale.tag())
        .map(|items| items.iter().map(|i| join_lines(i)).collect())
        .unwrap_or_default()
}

fn join_lines(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs (split at blank lines) and list items (lines starting with
/// `- `, `* ` or `• `), each with its lines joined.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let mut current = String::new();
        for line in para.lines() {
            let trimmed = line.trim_start();
            let item = ["- ", "* ", "• "].iter().any(|m| trimmed.starts_with(m));
            if item && !current.trim().is_empty() {
                out.push(join_lines(&current));
                current.clear();
            }
            current.push_str(if item {
                &trimmed[trimmed.find(' ').unwrap_or(0)..]
            } else {
                line
            });
            current.push('\n');
        }
        let joined = join_lines(&current);
        if !joined.is_empty() {
            out.push(joined);
        }
    }
    out
}

fn measure_page(id: &str, locale: Locale, texts: &[Piece<'_>]) -> PageScore {
    let mut blocks = Vec::new();
    for t in texts {
        match t {
            Piece::Prose(t) => blocks.extend(paragraphs(raw(t, locale))),
            Piece::Item(t) => blocks.push(join_lines(raw(t, locale))),
            Piece::List(l) => blocks.extend(list(l, locale)),
        }
    }
    let counts = count_blocks(blocks.iter().map(String::as_str), locale);
    PageScore {
        page: id.to_string(),
        locale,
        words: counts.words,
        sentences: counts.sentences,
        syllables: counts.syllables,
        longest: counts.longest,
        score: counts.score(locale),
    }
}

// ---------------------------------------------------------------------------
// Counting

/// Words, sentences and syllables of some text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub longest: usize,
}

impl Counts {
    /// Flesch-Kincaid grade (en) or Fernández-Huerta ease (es); 0 for no words.
    pub fn score(&self, locale: Locale) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        match locale {
            Locale::En => flesch_kincaid(self.words, self.sentences, self.syllables),
            Locale::Es => fernandez_huerta(self.words, self.sentences, self.syllables),
        }
    }
}

/// Counts a text: paragraphs and list items end sentences, as do `.`, `!`
/// and `?`.
pub fn count(text: &str, locale: Locale) -> Counts {
    let blocks = paragraphs(text);
    count_blocks(blocks.iter().map(String::as_str), locale)
}

fn count_blocks<'a>(blocks: impl Iterator<Item = &'a str>, locale: Locale) -> Counts {
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
const ABBREVIATIONS: &[&str] = &[
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

fn part_syllables(part: &str, locale: Locale) -> usize {
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
    match locale {
        Locale::En => english_syllables(&part.to_lowercase()),
        Locale::Es => spanish_syllables(&part.to_lowercase()),
    }
}

fn letter_name_syllables(c: char, locale: Locale) -> usize {
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
    }
}

/// Syllables of a number as it is said. Long digit strings (phone numbers)
/// are read digit by digit.
fn number_syllables(digits: &str, locale: Locale) -> usize {
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
    }
}

fn english_number(n: u32) -> usize {
    // zero one two three four five six seven eight nine ten eleven twelve
    // thirteen ... nineteen
    const SMALL: [usize; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    // twenty thirty forty fifty sixty seventy eighty ninety
    const TENS: [usize; 8] = [2, 2, 2, 2, 2, 3, 2, 2];
    match n {
        0..=19 => SMALL[n as usize],
        20..=99 => {
            TENS[(n / 10 - 2) as usize]
                + if !n.is_multiple_of(10) {
                    SMALL[(n % 10) as usize]
                } else {
                    0
                }
        }
        100..=999 => {
            SMALL[(n / 100) as usize]
                + 2
                + if !n.is_multiple_of(100) {
                    english_number(n % 100)
                } else {
                    0
                }
        }
        _ => {
            english_number(n / 1000)
                + 2
                + if !n.is_multiple_of(1000) {
                    english_number(n % 1000)
                } else {
                    0
                }
        }
    }
}

fn spanish_number_words(n: u32) -> String {
    const SMALL: [&str; 30] = [
        "cero",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
        "dieciséis",
        "diecisiete",
        "dieciocho",
        "diecinueve",
        "veinte",
        "veintiuno",
        "veintidós",
        "veintitrés",
        "veinticuatro",
        "veinticinco",
        "veintiséis",
        "veintisiete",
        "veintiocho",
        "veintinueve",
    ];
    const TENS: [&str; 7] = [
        "treinta",
        "cuarenta",
        "cincuenta",
        "sesenta",
        "setenta",
        "ochenta",
        "noventa",
    ];
    const HUNDREDS: [&str; 10] = [
        "",
        "ciento",
        "doscientos",
        "trescientos",
        "cuatrocientos",
        "quinientos",
        "seiscientos",
        "setecientos",
        "ochocientos",
        "novecientos",
    ];
    match n {
        0..=29 => SMALL[n as usize].to_string(),
        30..=99 => {
            let tens = TENS[(n / 10 - 3) as usize];
            if n.is_multiple_of(10) {
                tens.to_string()
            } else {
                format!("{tens} y {}", SMALL[(n % 10) as usize])
            }
        }
        100 => "cien".to_string(),
        101..=999 => {
            let rest = n % 100;
            let h = HUNDREDS[(n / 100) as usize];
            if rest == 0 {
                h.to_string()
            } else {
                format!("{h} {}", spanish_number_words(rest))
            }
        }
        _ => {
            let thousands = n / 1000;
            let head = if thousands == 1 {
                "mil".to_string()
            } else {
                format!("{} mil", spanish_number_words(thousands))
            };
            if n.is_multiple_of(1000) {
                head
            } else {
                format!("{head} {}", spanish_number_words(n % 1000))
            }
        }
    }
}

fn is_en_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'ä'
            | 'ë'
            | 'ï'
            | 'ö'
            | 'ü'
    )
}

/// English syllables by vowel groups, with the usual corrections: a
/// silent final `e` (but not `-le` after a consonant), silent `-ed` (but
/// not after `t` or `d`), `-es` said only after a hissing sound, and
/// suffixes counted on their own (`-ly`, `-ful`, `-ment`, `-ness`,
/// `-less`). At least 1.
pub fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if w.is_empty() {
        return 1;
    }
    let s: String = w.iter().collect();
    // Suffixes that keep the stem's silent e silent: "carefully", "lonely", "statement".
    for suffix in ["less", "ness", "ment", "ful", "ly"] {
        if let Some(stem) = s.strip_suffix(suffix)
            && stem.chars().count() >= 2
            && stem.chars().any(is_en_vowel)
        {
            return english_syllables(stem) + 1;
        }
    }
    // Plural and third person -s: "takes" like "take"; "-es" is said after
    // a hissing sound: "changes", "places", "boxes", "wishes".
    if s.len() > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        let stem = &s[..s.len() - 1];
        let said = ["ce", "ge", "se", "ze", "xe", "che", "she"]
            .iter()
            .any(|e| stem.ends_with(e));
        return english_syllables(stem) + usize::from(said && stem.len() > 3);
    }
    // Past tense -ed is silent except after t or d: "helped", "used"; "wanted".
    if s.len() > 3 && s.ends_with("ed") {
        let before = w[w.len() - 3];
        if before != 't' && before != 'd' {
            let stem = if is_en_vowel(before) {
                &s[..s.len() - 1]
            } else {
                &s[..s.len() - 2]
            };
            return english_syllables(stem);
        }
    }
    let mut count = 0;
    let mut prev_vowel = false;
    for (i, &c) in w.iter().enumerate() {
        // A leading y is a consonant ("you", "yes").
        let vowel = is_en_vowel(c) && !(c == 'y' && i == 0);
        if vowel && !prev_vowel {
            count += 1;
        } else if vowel && prev_vowel {
            // Two vowels said apart: "psychiatry", "period", "usual", "being".
            let p = w[i - 1];
            let before = if i >= 2 { w[i - 2] } else { ' ' };
            let next = w.get(i + 1).copied().unwrap_or(' ');
            let split = (p == 'i'
                && matches!(c, 'a' | 'o' | 'u')
                && !matches!(before, 'c' | 't' | 's' | 'x' | 'g' | ' ')
                && !(c == 'o' && next == 'n'))
                || (p == 'u' && c == 'a' && !matches!(before, 'q' | 'g' | ' '))
                || (c == 'i'
                    && i + 2 < w.len()
                    && w[i + 1] == 'n'
                    && w[i + 2] == 'g'
                    && i + 3 == w.len());
            if split {
                count += 1;
            }
        }
        prev_vowel = vowel;
    }
    let n = w.len();
    // Silent final e: "make", "care"; not "-le" after a consonant ("little", "people").
    if n >= 3 && w[n - 1] == 'e' && !is_en_vowel(w[n - 2]) && count > 1 {
        let le = w[n - 2] == 'l' && !is_en_vowel(w[n - 3]);
        if !le {
            count -= 1;
        }
    }
    count.max(1)
}

fn is_strong(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó')
}

fn is_es_vowel(c: char) -> bool {
    is_strong(c) || matches!(c, 'i' | 'u' | 'í' | 'ú' | 'ü')
}

/// Spanish syllables: one per vowel group, where a group splits between
/// two strong vowels (a, e, o: "le-er", "pa-se-o") and at an accented weak
/// vowel ("dí-a", "ba-úl"); weak vowels (i, u) join their neighbours into
/// diphthongs and triphthongs ("cui-da", "bue-no", "buey"). The u of "que",
/// "qui", "gue", "gui" is silent; y counts as a consonant (so "muy", "hoy"
/// are one syllable). At least 1.
pub fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let mut count = 0;
    let mut prev: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1)
                .is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'í'));
        if silent_u || !is_es_vowel(c) {
            prev = None;
            continue;
        }
        match prev {
            None => count += 1,
            Some(p) => {
                let hiatus = (is_strong(p) && is_strong(c))
                    || matches!(p, 'í' | 'ú')
                    || matches!(c, 'í' | 'ú');
                if hiatus {
                    count += 1;
                }
            }
        }
        prev = Some(c);
    }
    count.max(1)
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
