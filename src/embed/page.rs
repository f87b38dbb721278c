//! The standalone page (and so the iframe): mounts into `<div
//! id="signpost">`, replacing the prerendered welcome (index.html) or first
//! question (`?step=questions`) shown until the WebAssembly runs, keeping
//! what the visitor did there: answers ticked, a button pressed, focus.

use super::{Settings, Sources, prerendered, props, replacement, resolve, settings};
use crate::content::languages::LanguageFiles;
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
    let step = param("step");
    // The checker module sits beside this page's other files; the build
    // writes its hashed name on the root.
    let checker = root
        .get_attribute("data-checker")
        .unwrap_or_else(|| replacement::CHECKER.to_string());
    // The other languages' files, named by the build, beside this page.
    let languages = LanguageFiles::parse(
        &root.get_attribute("data-languages").unwrap_or_default(),
        str::to_string,
    );
    // Every country's numbers, fetched now for every visitor alike.
    if let Some(url) = root.get_attribute("data-directory") {
        crate::content::directory::start(&url);
    }
    let start = Start {
        at_first_question: step.as_deref() == Some("questions"),
        open_at: step.as_deref().and_then(Screen::information_from_param),
        ..Start::default()
    };
    let sources = Sources {
        given: None,
        checker,
        languages: languages.clone(),
    };
    yew::platform::spawn_local(async move {
        let (content, locale) = resolve(&settings, sources).await;
        if prerendered::crashed(&root) {
            return;
        }
        let settings = Settings {
            locale: Some(locale),
            ..settings
        };
        // Keeps what the visitor did on the prerendered screen.
        let _ = prerendered::take_over(&root, props(settings, content, true, start, languages));
    });
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
        crate::platform::error(
            "Signpost: #signpost-config must be a <script type=\"application/json\">; using defaults.",
        );
        return None;
    }
    let text = el.text_content().unwrap_or_default();
    let limit = signpost_engine::config::MAX_CONFIG_BYTES;
    if text.len() > limit {
        crate::platform::error(&format!(
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
