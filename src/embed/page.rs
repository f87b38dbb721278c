//! The standalone page (and so the iframe): mounts into `<div
//! id="signpost">`, replacing the prerendered welcome (index.html) or first
//! question (questions.html) shown until the WebAssembly runs, keeping
//! what the visitor did there: answers ticked, a button pressed, focus.

use wasm_bindgen::JsCast;

use super::{apply_theme, props, replacement, settings, with_content};
use crate::app::App;
use crate::state::{Screen, Start};

/// Starts the guide on its own page; does nothing on a page without
/// `#signpost` (a host page whose custom elements mount themselves).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("signpost") else {
        return;
    };
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| query.as_ref().and_then(|q| q.get(name));
    let config = document
        .get_element_by_id("signpost-config")
        .and_then(|el| parse_config(&el));
    let settings = settings(param("lang").as_deref(), config.as_ref());
    // Opt-in only: by default an iframe posts nothing to its host.
    if param("embed").as_deref() == Some("frame") && param("autoheight").as_deref() == Some("1") {
        super::frame::report_height();
    }
    let prerendered = root.get_attribute("data-start").as_deref() == Some("questions");
    let step = param("step");
    // The checker module sits beside this page's other files; the build
    // writes its hashed name on the root.
    let checker = root
        .get_attribute("data-checker")
        .unwrap_or_else(|| replacement::CHECKER.to_string());
    let questions = prerendered || step.as_deref() == Some("questions");
    with_content(&settings.config.clone(), checker, move |content| {
        // A screen asked for by a click on the prerendered page before the
        // guide started (the boot script queues it in data-step, until
        // now: replacement content may have taken a while), or by the
        // address (`?step=urgent`).
        let queued = root.get_attribute("data-step");
        let at = queued
            .as_deref()
            .or(step.as_deref())
            .and_then(Screen::information_from_param);
        let start = Start {
            questions,
            // questions.html: answers given before the wasm arrived are kept.
            early: if prerendered {
                early_answers(&root, content.as_deref())
            } else {
                Default::default()
            },
            at,
            ..Start::default()
        };
        // Where the visitor's focus was on the prerendered page, to put it
        // back on the same control once the guide has drawn it.
        let focused = document
            .active_element()
            .filter(|el| root.contains(Some(el.as_ref())))
            .and_then(|el| el.get_attribute("data-sp-to").or_else(|| Some(el.id())))
            .filter(|key| !key.is_empty());
        root.set_inner_html("");
        // The guide has taken over: the boot script queues no more clicks.
        let _ = root.remove_attribute("data-start");
        let _ = root.remove_attribute("data-step");
        apply_theme(&root, &settings);
        yew::Renderer::<App>::with_root_and_props(
            root.clone(),
            props(settings, content, true, start),
        )
        .render();
        // Yew draws in a microtask queued before this one (no frame passes
        // in between, so nothing flashes); then focus follows the visitor:
        // the screen they asked for, or the control they were on.
        wasm_bindgen_futures::spawn_local(async move {
            let selector = if queued.is_some() {
                Some("#sp-title".to_string())
            } else {
                focused.map(|key| format!("[data-sp-to=\"{key}\"], [id=\"{key}\"]"))
            };
            if let Some(el) = selector
                .and_then(|s| root.query_selector(&s).ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    });
}

/// Answers ticked in the prerendered first question (inputs are named
/// `sp-<question>` with the answer id as value).
fn early_answers(
    root: &web_sys::Element,
    content: Option<&signpost_engine::Content>,
) -> signpost_engine::Answers {
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
    let builtin = crate::builtin::shared();
    let content = match (content, &builtin) {
        (Some(c), _) => c,
        (None, Ok(c)) => c,
        (None, Err(_)) => return Default::default(),
    };
    signpost_engine::Answers::from_pairs(
        content,
        pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())),
    )
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
        crate::log::error(
            "Signpost: #signpost-config must be a <script type=\"application/json\">; using defaults.",
        );
        return None;
    }
    let text = el.text_content().unwrap_or_default();
    let limit = signpost_engine::config::MAX_CONFIG_BYTES;
    if text.len() > limit {
        crate::log::error(&format!(
            "Signpost: the configuration in #signpost-config is larger than {} KiB; using defaults.",
            limit / 1024
        ));
        return None;
    }
    match js_sys::JSON::parse(&text) {
        Ok(v) => Some(super::json::from_js(&v)),
        Err(e) => {
            web_sys::console::error_2(
                &"Signpost: the configuration in #signpost-config is not valid JSON; using defaults.".into(),
                &e,
            );
            None
        }
    }
}
