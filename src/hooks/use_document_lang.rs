use signpost_engine::Locale;
use yew::prelude::*;

/// Keeps `<html lang dir>` equal to the guide's locale when the guide owns the
/// page (the standalone page); an embedded guide only sets `lang` on its own
/// root, never on the host's document.
#[hook]
pub fn use_document_lang(locale: Locale, owns_document: bool) {
    use_effect_with((locale, owns_document), |&(locale, owns_document)| {
        if owns_document
            && let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
        {
            // Setting an attribute on <html> cannot fail.
            let _ = html.set_attribute("lang", locale.lang());
            let _ = html.set_attribute("dir", locale.direction().attr());
        }
    });
}
