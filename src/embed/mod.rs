//! The embedding layer: how the guide gets onto a page. The standalone page
//! (`page`, also the iframe) and the `<signpost-guide>` custom element
//! (`element`) gather their settings here; everything below `App` is the
//! same for both. The JavaScript glue and static files live in `web/` at
//! the repository root.

pub mod device;
pub mod element;
pub mod frame;
pub mod json;
pub mod page;
pub mod prerendered;
pub mod replacement;
pub mod settings;

pub use settings::{Settings, settings};

use std::rc::Rc;

use signpost_engine::Content;

use crate::app::{AppProps, Remember};
use crate::state::Start;

/// Runs `then` with the clinic's replacement content once it has loaded
/// and passed the checker module at `checker`, or at once with the
/// built-in content when there is none.
fn with_content(
    config: &signpost_engine::config::Config,
    checker: String,
    then: impl FnOnce(Option<Rc<Content>>) + 'static,
) {
    match config.content.clone() {
        None => then(None),
        Some(url) => {
            let origins = config.content_origins.clone();
            wasm_bindgen_futures::spawn_local(async move {
                then(replacement::load(&url, &checker, &origins).await)
            })
        }
    }
}

/// The clinic's theme values, set through the CSSOM (allowed under a CSP
/// without 'unsafe-inline', unlike a style attribute).
fn apply_theme(root: &web_sys::Element, settings: &Settings) {
    use wasm_bindgen::JsCast;
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        for (name, value) in &settings.config.theme {
            let _ = el.style().set_property(name, value);
        }
    }
}

fn props(
    settings: Settings,
    content: Option<Rc<Content>>,
    standalone: bool,
    start: Start,
) -> AppProps {
    AppProps {
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
    }
}
