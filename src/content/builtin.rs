//! The built-in content: compiled from content/*.toml by build.rs (which
//! validated it and proved its safeguards). The browser build embeds
//! English alone; each other language is a file of its own beside the
//! guide's, fetched by `content::languages` and kept here
//! (ARCHITECTURE.md, "Languages"). Native builds (the prerender, the
//! render tests) embed every language.

use std::cell::RefCell;
use std::rc::Rc;

use signpost_engine::{Content, Locale, Problems, compiled};

use crate::platform::BUILTIN_CONTENT as BUILTIN;

/// Decodes the embedded content. build.rs validated it when it compiled
/// it, so it is not validated again here (that keeps the validator out of
/// the visitor's download).
pub fn decode() -> Result<Content, Problems> {
    compiled::from_trusted_bytes(BUILTIN)
}

thread_local! {
    static SHARED: Result<Rc<Content>, Problems> = decode().map(Rc::new);
    static ADDED: RefCell<Vec<Rc<Content>>> = RefCell::default();
}

/// The embedded content, decoded once per page however many guides it
/// shows. Every language has its questions, options and rules; only the
/// text differs.
pub fn shared() -> Result<Rc<Content>, Problems> {
    SHARED.with(Clone::clone)
}

/// The built-in content with its text in `locale`, if it is here: embedded,
/// or a language file added already.
pub fn in_locale(locale: Locale) -> Option<Rc<Content>> {
    let has = |c: &Content| c.locales.iter().any(|l| l == locale.tag());
    // A file added wins: the browser's embedded English lacks the prose
    // its full file brings (`complete`).
    ADDED
        .with_borrow(|added| added.iter().find(|c| has(c)).cloned())
        .or_else(|| shared().ok().filter(|c| has(c)))
}

/// Whether the text in `locale` is here in full: not the embedded English
/// while its deferred prose is still to come (`Content::defer_prose`).
pub fn complete(locale: Locale) -> bool {
    in_locale(locale).is_some_and(|c| !c.prose_deferred())
}

/// Adds one language's file (`content-<tag>.bin`, written by the same
/// build; English's brings the prose the embedded English lacks), after
/// checking that it is that language alone and has the
/// embedded content's questions and options: a file from another version
/// of the guide would mix two questionnaires.
pub fn add(locale: Locale, bytes: &[u8]) -> Result<Rc<Content>, String> {
    // English's file is the prose the embedded English lacks.
    if let Some(prose) = compiled::prose_from_bytes(bytes) {
        // Decoded afresh: cloning the content would add its clone code to
        // the download, the decoder is there already.
        let mut content = decode().map_err(|p| p.to_string())?;
        if content.locales != [locale.tag()] || !content.prose_deferred() {
            return Err(format!("the {} text here needs no more", locale.autonym()));
        }
        content.restore_prose(prose)?;
        let content = Rc::new(content);
        ADDED.with_borrow_mut(|added| added.push(content.clone()));
        return Ok(content);
    }
    let content = compiled::from_trusted_bytes(bytes).map_err(|p| p.to_string())?;
    if content.locales != [locale.tag()] {
        return Err(format!("it is not the {} text alone", locale.autonym()));
    }
    let embedded = shared().map_err(|p| p.to_string())?;
    if shape(&content) != shape(&embedded) {
        return Err("it is from another version of the guide".into());
    }
    let content = Rc::new(content);
    ADDED.with_borrow_mut(|added| added.push(content.clone()));
    Ok(content)
}

/// What must match across languages: every question with its answers, and
/// every option.
fn shape(c: &Content) -> Vec<&str> {
    let questions = c.questionnaire.questions.iter().flat_map(|q| {
        std::iter::once(q.id.as_str()).chain(q.answers.iter().map(|a| a.id.as_str()))
    });
    questions
        .chain(c.options.iter().map(|o| o.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(locale: Locale) -> Vec<u8> {
        compiled::to_bytes_in(&shared().unwrap(), locale)
    }

    #[test]
    fn english_file_puts_back_the_prose_the_wasm_leaves_out() {
        let full = shared().unwrap();
        let mut core = (*full).clone();
        let prose = core.defer_prose();
        assert!(core.prose_deferred() && !full.prose_deferred());
        let bytes = compiled::prose_to_bytes(&prose, Locale::En);
        core.restore_prose(compiled::prose_from_bytes(&bytes).unwrap())
            .unwrap();
        assert_eq!(
            compiled::to_bytes_in(&core, Locale::En),
            compiled::to_bytes_in(&full, Locale::En)
        );
        // Prose of another shape is refused.
        let mut other = (*full).clone();
        other.options.retain(|o| o.urgent);
        assert!(
            other
                .restore_prose(compiled::prose_from_bytes(&bytes).unwrap())
                .is_err()
        );
        assert!(compiled::prose_from_bytes(b"SPC\0").is_none());
    }

    #[test]
    fn a_language_file_is_added_once_checked() {
        // Natively every language is embedded; a file adds a copy.
        assert!(in_locale(Locale::Es).is_some());
        let es = add(Locale::Es, &file(Locale::Es)).unwrap();
        assert_eq!(es.locales, ["es"]);
        assert_eq!(
            add(Locale::En, &file(Locale::Es)).unwrap_err(),
            "it is not the English text alone"
        );
        let mut other = (*shared().unwrap()).clone();
        other.questionnaire.questions.pop();
        let other = compiled::to_bytes_in(&other, Locale::Es);
        assert_eq!(
            add(Locale::Es, &other).unwrap_err(),
            "it is from another version of the guide"
        );
        assert!(add(Locale::Es, b"<html>").is_err());
    }
}
