//! The embedding layer: how the guide gets onto a page. The standalone page
//! (`page`, also the iframe) and the `<signpost-guide>` custom element
//! (`element`) gather their settings here; everything below `App` is the
//! same for both. The JavaScript glue and static files live in `web/` at
//! the repository root.

pub mod element;
pub mod frame;
pub mod json;
pub mod page;
pub mod prerendered;
pub mod replacement;
pub mod settings;
pub mod theme;

pub use settings::{Settings, settings};

use std::rc::Rc;

use signpost_engine::{Content, Locale};

use crate::app::{AppProps, Remember};
use crate::content::languages::{self, LanguageFiles};
use crate::state::Start;

/// Where the guide's content comes from, as the page or element says.
pub struct Sources {
    /// Content given as bytes (the element's `preview.content`).
    pub given: Option<js_sys::Uint8Array>,
    /// The checker module's URL, beside the guide's files.
    pub checker: String,
    /// The other languages' files.
    pub languages: LanguageFiles,
}

/// The guide's content and the language to start in, the one startup path
/// of the page and the element: content `given` as bytes or the clinic's
/// replacement content (`config.content`), once loaded and passed by the
/// checker module; or else (none named, or refused) the built-in content
/// (`None`), whose text in that language is fetched first unless it is
/// embedded (English). The language is `settings`' own, else the
/// browser's. Only that language's file is fetched, so a visit in English
/// costs no other language's bytes; another is fetched if the visitor
/// switches to it. A server or host page learns the language from which
/// file is fetched, no more than `Accept-Language` and
/// `navigator.languages` already tell it (docs/safety/hazard-log.md, H25).
/// If the visitor's own fails, the guide starts in English and says why in
/// the console.
pub async fn resolve(settings: &Settings, sources: Sources) -> (Option<Rc<Content>>, Locale) {
    let locale = settings
        .locale
        .unwrap_or_else(crate::platform::browser_locale);
    let config = &settings.config;
    let replacement = match (sources.given, config.content.as_deref()) {
        (Some(bytes), _) => replacement::given(&bytes, &sources.checker).await,
        (None, Some(url)) => {
            replacement::load(url, &sources.checker, &config.content_origins).await
        }
        (None, None) => None,
    };
    if let Some(content) = replacement {
        return (Some(content), locale);
    }
    // The built-in content (also when the replacement was refused: the
    // console said why).
    match languages::load(locale, &sources.languages).await {
        Ok(_) => {
            // English's prose the wasm leaves out (`Content::defer_prose`):
            // fetched now, like the directory, the same request for every
            // English visitor before the guide (and its request count)
            // starts; `hooks::use_full_text` waits for the same fetch.
            if !crate::content::builtin::complete(locale) {
                let files = sources.languages.clone();
                yew::platform::spawn_local(async move {
                    let _ = languages::complete(locale, &files).await;
                });
            }
            (None, locale)
        }
        Err(why) => {
            crate::platform::error(&format!(
                "Signpost: {} could not be loaded ({why}); showing English.",
                locale.autonym()
            ));
            (None, Locale::default())
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
