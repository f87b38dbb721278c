//! The embedding layer: how the guide gets onto a page. The standalone page
//! (`page`, also the iframe) and the `<signpost-guide>` custom element
//! (`element`) gather their settings here; everything below `App` is the
//! same for both. The JavaScript glue and static files live in `web/` at
//! the repository root.

pub mod device;
pub mod element;
pub mod frame;
pub mod json;
pub mod languages;
pub mod leave;
pub mod page;
pub mod prerendered;
pub mod replacement;
pub mod settings;

pub use settings::{Settings, settings};

use std::rc::Rc;

use signpost_engine::{Content, Locale};

use crate::app::{AppProps, Remember};
use crate::state::Start;
use languages::LanguageFiles;

/// Runs `then` once the guide's content is here, with the language to
/// start in (`settings`' own, else the browser's): content `given` as bytes
/// (the element's `preview.content`) or the clinic's replacement content,
/// once loaded and passed by the checker module at `checker`; or else (none
/// named, or refused) the built-in content, whose text in that language is
/// fetched first unless it is embedded (English). The other languages'
/// files are fetched at the same moment for every visitor, so the requests
/// a server or host page can see never depend on what the visitor chooses;
/// if the visitor's own fails, the guide starts in English and says why in
/// the console.
fn with_content(
    settings: &Settings,
    given: Option<js_sys::Uint8Array>,
    checker: String,
    files: LanguageFiles,
    then: impl FnOnce(Option<Rc<Content>>, Locale) + 'static,
) {
    let locale = settings.locale.unwrap_or_else(crate::app::browser_locale);
    let url = settings.config.content.clone();
    if given.is_none() && url.is_none() {
        return with_builtin(locale, files, then);
    }
    let origins = settings.config.content_origins.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let replacement = match (given, url) {
            (Some(bytes), _) => replacement::given(&bytes, &checker).await,
            (None, Some(url)) => replacement::load(&url, &checker, &origins).await,
            (None, None) => None,
        };
        match replacement {
            Some(content) => then(Some(content), locale),
            // Refused (the console says why): the built-in content, with
            // its languages fetched as for any visitor.
            None => with_builtin(locale, files, then),
        }
    });
}

/// [`with_content`] for the built-in content.
fn with_builtin(
    locale: Locale,
    files: LanguageFiles,
    then: impl FnOnce(Option<Rc<Content>>, Locale) + 'static,
) {
    for other in files.locales().filter(|l| *l != locale) {
        let files = files.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Kept for a switch; a failure is reported if it is chosen.
            let _ = languages::load(other, &files).await;
        });
    }
    if crate::builtin::in_locale(locale).is_some() {
        return then(None, locale);
    }
    wasm_bindgen_futures::spawn_local(async move {
        match languages::load(locale, &files).await {
            Ok(_) => then(None, locale),
            Err(why) => {
                crate::log::error(&format!(
                    "Signpost: {} could not be loaded ({why}); showing English.",
                    locale.autonym()
                ));
                then(None, Locale::default())
            }
        }
    });
}

/// The clinic's theme values, set through the CSSOM (allowed under a CSP
/// without 'unsafe-inline', unlike a style attribute). Its colours apply
/// in light mode only: in dark mode the guide keeps its own palette, the
/// one the contrast checks passed (`signpost_engine::config::contrast_checks`).
fn apply_theme(root: &web_sys::Element, config: &signpost_engine::config::Config) {
    use wasm_bindgen::JsCast;
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        for (name, value) in &config.theme {
            if dark && signpost_engine::config::is_theme_colour(name) {
                continue;
            }
            let _ = el.style().set_property(name, value);
        }
    }
}

fn props(
    settings: Settings,
    content: Option<Rc<Content>>,
    standalone: bool,
    start: Start,
    languages: LanguageFiles,
) -> AppProps {
    AppProps {
        languages,
        locale: settings.locale,
        standalone,
        // In the element, answers would be kept in the host website's
        // storage: only if the clinic allows it.
        remember: if standalone {
            Remember::Device
        } else if settings.config.remember_in_element {
            Remember::Site
        } else {
            Remember::Off
        },
        config: settings.config,
        content,
        start: Rc::new(start),
        // The element sets it for a preview (element.rs).
        preview: false,
    }
}
