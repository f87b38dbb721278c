//! The wasm entry points. `main` starts the standalone page (and so the
//! iframe); `mount_element` is called by the `<signpost-guide>` custom
//! element (embed/signpost-guide.js), once per element.

use std::cell::RefCell;
use std::rc::Rc;

use signpost::embed::{self, Settings};
use signpost::{App, AppProps};
use signpost_engine::Content;
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
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| query.as_ref().and_then(|q| q.get(name));
    let config = document
        .get_element_by_id("signpost-config")
        .and_then(|el| parse_config(&el));
    let settings = embed::settings(param("lang").as_deref(), config.as_ref());
    // Opt-in only: by default an iframe posts nothing to its host.
    if param("embed").as_deref() == Some("frame") && param("autoheight").as_deref() == Some("1") {
        embed::frame::report_height();
    }
    let prerendered = root.get_attribute("data-start").as_deref() == Some("questions");
    let start_questions = prerendered || param("step").as_deref() == Some("questions");
    // The checker module sits beside this page's other files; the build
    // writes its hashed name on the root.
    let checker = root
        .get_attribute("data-checker")
        .unwrap_or_else(|| embed::content::CHECKER.to_string());
    with_content(&settings.config.clone(), checker, move |content| {
        // questions.html: answers given before the wasm arrived are kept.
        let early = prerendered
            .then(|| early_answers(&root))
            .filter(|a| !a.0.is_empty());
        root.set_inner_html("");
        apply_theme(&root, &settings);
        let mut props = AppProps {
            start_questions,
            ..props(settings, content, true)
        };
        if let Some(answers) = early {
            props.initial = Some(Rc::new(signpost::state::Session {
                locale: props.locale.unwrap_or_else(signpost::app::browser_locale),
                screen: signpost::state::Screen::Question(
                    answers.0.keys().next().cloned().unwrap_or_default(),
                ),
                answers,
                ..Default::default()
            }));
        }
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}

/// Answers ticked in the prerendered first question (inputs are named
/// `sp-<question>` with the answer id as value).
fn early_answers(root: &web_sys::Element) -> signpost_engine::Answers {
    let mut pairs = Vec::new();
    if let Ok(inputs) = root.query_selector_all("input:checked") {
        for i in 0..inputs.length() {
            let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                continue;
            };
            if let Some(question) = input.name().strip_prefix("sp-") {
                pairs.push((question.to_string(), input.value()));
            }
        }
    }
    match signpost::content::shared() {
        Ok(content) => signpost_engine::Answers::from_pairs(
            &content,
            pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())),
        ),
        Err(_) => Default::default(),
    }
}

/// The clinic's configuration, inline in the page (no request needed).
/// Only a `<script type="application/json">` is read: any other element
/// with that id (injected HTML, say) could not have been meant as one.
fn parse_config(el: &web_sys::Element) -> Option<signpost_engine::config::Value> {
    let is_json_script = el.local_name() == "script"
        && el
            .get_attribute("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !is_json_script {
        signpost::log::error(
            "Signpost: #signpost-config must be a <script type=\"application/json\">; using defaults.",
        );
        return None;
    }
    let text = el.text_content().unwrap_or_default();
    let limit = signpost_engine::config::MAX_CONFIG_BYTES;
    if text.len() > limit {
        let message = format!(
            "Signpost: the configuration in #signpost-config is larger than {} KiB; using defaults.",
            limit / 1024
        );
        signpost::log::error(&message);
        return None;
    }
    match js_sys::JSON::parse(&text) {
        Ok(v) => Some(embed::json::from_js(&v)),
        Err(e) => {
            web_sys::console::error_2(
                &"Signpost: the configuration in #signpost-config is not valid JSON; using defaults.".into(),
                &e,
            );
            None
        }
    }
}

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
                then(embed::content::load(&url, &checker, &origins).await)
            })
        }
    }
}

fn props(settings: Settings, content: Option<Rc<Content>>, standalone: bool) -> AppProps {
    AppProps {
        locale: settings.locale,
        standalone,
        // In the element, answers would be kept in the host website's
        // storage: only if the clinic allows it.
        remember: if standalone {
            signpost::app::Remember::Device
        } else if settings.config.remember_in_element {
            signpost::app::Remember::Site
        } else {
            signpost::app::Remember::Off
        },
        config: settings.config,
        content,
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
    state: Rc<RefCell<Element>>,
}

struct Element {
    root: web_sys::Element,
    app: Option<yew::AppHandle<App>>,
    content: Option<Rc<Content>>,
    destroyed: bool,
}

/// Mounts a guide into `root` (inside the element's shadow root) with the
/// element's settings: `{ lang, config, checker }` (`checker`: the checker
/// module's URL, beside the guide's files on the guide's origin).
#[wasm_bindgen]
pub fn mount_element(root: web_sys::Element, settings: JsValue) -> ElementGuide {
    let checker = setting(&settings, "checker")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| embed::content::CHECKER.to_string());
    let settings = element_settings(&settings);
    let state = Rc::new(RefCell::new(Element {
        root,
        app: None,
        content: None,
        destroyed: false,
    }));
    let mount = state.clone();
    with_content(&settings.config.clone(), checker, move |content| {
        let mut el = mount.borrow_mut();
        if el.destroyed {
            return; // removed while its content was loading
        }
        // The built-in fallback shown while loading goes (embed/signpost-guide.js).
        el.root.set_inner_html("");
        apply_theme(&el.root, &settings);
        el.content = content.clone();
        let app = yew::Renderer::<App>::with_root_and_props(
            el.root.clone(),
            props(settings, content, false),
        )
        .render();
        el.app = Some(app);
    });
    ElementGuide { state }
}

#[wasm_bindgen]
impl ElementGuide {
    /// An attribute changed: the guide follows (the visitor's answers stay).
    pub fn update(&mut self, settings: JsValue) {
        let settings = element_settings(&settings);
        let mut el = self.state.borrow_mut();
        apply_theme(&el.root, &settings);
        let content = el.content.clone();
        if let Some(app) = el.app.as_mut() {
            app.update(props(settings, content, false));
        }
    }

    /// The element was removed: unmount and drop every listener.
    pub fn destroy(&mut self) {
        let mut el = self.state.borrow_mut();
        el.destroyed = true;
        if let Some(app) = el.app.take() {
            app.destroy();
        }
    }
}

/// One key of the settings object the custom element passes.
fn setting(settings: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(settings, &key.into()).ok()
}

fn element_settings(settings: &JsValue) -> Settings {
    let lang = setting(settings, "lang").and_then(|v| v.as_string());
    let config = setting(settings, "config")
        .filter(|v| !v.is_null() && !v.is_undefined())
        .map(|v| embed::json::from_js(&v));
    embed::settings(lang.as_deref(), config.as_ref())
}
