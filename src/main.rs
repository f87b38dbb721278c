//! The wasm entry points. `main` starts the standalone page (and so the
//! iframe); `mount_element` is called by the `<signpost-guide>` custom
//! element (embed/signpost-guide.js), once per element.

use signpost::embed::{self, Settings};
use signpost::{App, AppProps};
use wasm_bindgen::prelude::*;

/// The standalone page: mounts into `<div id="signpost">`, replacing the
/// plain-HTML fallback shown until (or unless) the WebAssembly runs.
fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("signpost") else {
        return; // a host page with custom elements: they mount themselves
    };
    signpost::panic::install(root.clone());
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| query.as_ref().and_then(|q| q.get(name));
    // The clinic's configuration, inline in the page (no request needed).
    let config = document.get_element_by_id("signpost-config").and_then(|el| {
        let text = el.text_content().unwrap_or_default();
        if text.len() > signpost_engine::config::MAX_CONFIG_BYTES {
            let message = format!(
                "Signpost: the configuration in #signpost-config is larger than {} KiB; using defaults.",
                signpost_engine::config::MAX_CONFIG_BYTES / 1024
            );
            web_sys::console::error_1(&message.into());
            return None;
        }
        match js_sys::JSON::parse(&text) {
            Ok(v) => Some(embed::json::from_js(&v)),
            Err(e) => {
                web_sys::console::error_2(&"Signpost: the configuration in #signpost-config is not valid JSON; using defaults.".into(), &e);
                None
            }
        }
    });
    let settings = embed::settings(param("lang").as_deref(), config.as_ref());
    if param("embed").as_deref() == Some("frame") {
        embed::frame::report_height();
    }
    root.set_inner_html("");
    apply_theme(&root, &settings);
    yew::Renderer::<App>::with_root_and_props(root, props(settings, true)).render();
}

fn props(settings: Settings, standalone: bool) -> AppProps {
    AppProps {
        locale: settings.locale,
        standalone,
        config: settings.config,
        ..AppProps::default()
    }
}

/// The clinic's theme values, set through the CSSOM (allowed under a CSP
/// without 'unsafe-inline', unlike a style attribute).
fn apply_theme(root: &web_sys::Element, settings: &Settings) {
    if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
        for (name, value) in &settings.config.theme {
            let _ = el.style().set_property(name, value);
        }
    }
}

/// One `<signpost-guide>` element's guide.
#[wasm_bindgen]
pub struct ElementGuide {
    app: Option<yew::AppHandle<App>>,
    root: web_sys::Element,
}

/// Mounts a guide into `root` (inside the element's shadow root) with the
/// element's settings: `{ lang, config }`.
#[wasm_bindgen]
pub fn mount_element(root: web_sys::Element, settings: JsValue) -> ElementGuide {
    let settings = element_settings(&settings);
    apply_theme(&root, &settings);
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), props(settings, false)).render();
    ElementGuide {
        app: Some(app),
        root,
    }
}

#[wasm_bindgen]
impl ElementGuide {
    /// An attribute changed: the guide follows (the visitor's answers stay).
    pub fn update(&mut self, settings: JsValue) {
        let settings = element_settings(&settings);
        apply_theme(&self.root, &settings);
        if let Some(app) = self.app.as_mut() {
            app.update(props(settings, false));
        }
    }

    /// The element was removed: unmount and drop every listener.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

fn element_settings(settings: &JsValue) -> Settings {
    let get = |k: &str| js_sys::Reflect::get(settings, &k.into()).ok();
    let lang = get("lang").and_then(|v| v.as_string());
    let config = get("config")
        .filter(|v| !v.is_null() && !v.is_undefined())
        .map(|v| embed::json::from_js(&v));
    embed::settings(lang.as_deref(), config.as_ref())
}
