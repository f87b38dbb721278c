//! Which texts make up which page, and each page's measure.

use super::*;
use crate::model::{Content, QuestionKind, SupportOption};
use crate::text::{Text, TextList};

/// One piece of visitor text on a page.
pub(super) enum Piece<'c> {
    /// Prose: paragraphs of sentences.
    Prose(&'c Text),
    /// A short text that is read as one sentence even without a full stop
    /// (a list item, an answer label, a table cell, an interface word).
    Item(&'c Text),
    /// A list of items per locale (`ask`).
    List(&'c TextList),
}

pub(super) struct Page<'c> {
    pub(super) id: String,
    pub(super) texts: Vec<Piece<'c>>,
}

pub(super) fn option_texts(o: &SupportOption) -> Vec<Piece<'_>> {
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

pub(super) fn collect_pages(content: &Content) -> Vec<Page<'_>> {
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
pub(super) fn crisis_texts(content: &Content) -> Vec<(String, TextRef<'_>)> {
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
pub(super) enum TextRef<'c> {
    Text(&'c Text),
    List(&'c TextList),
}

impl TextRef<'_> {
    /// The text as blocks that each end a sentence: paragraphs, or list items.
    pub(super) fn blocks(&self, locale: Locale) -> Vec<String> {
        match self {
            TextRef::Text(t) => paragraphs(raw(t, locale)),
            TextRef::List(l) => list(l, locale),
        }
    }
}

/// The text in exactly `locale` (no fallback: a missing translation would
/// otherwise be measured with the wrong language's formula).
pub(super) fn raw(text: &Text, locale: Locale) -> &str {
    text.0.get(locale.tag()).map(|s| s.trim()).unwrap_or("")
}

pub(super) fn list(list: &TextList, locale: Locale) -> Vec<String> {
    list.0
        .get(locale.tag())
        .map(|items| items.iter().map(|i| join_lines(i)).collect())
        .unwrap_or_default()
}

pub(super) fn join_lines(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs (split at blank lines) and list items (lines starting with
/// `- `, `* ` or `• `), each with its lines joined.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
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

pub(super) fn measure_page(id: &str, locale: Locale, texts: &[Piece<'_>]) -> PageScore {
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
