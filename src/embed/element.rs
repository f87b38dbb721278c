//! The Rust side of the `<signpost-guide>` custom element
//! (web/signpost-guide.js): one guide per element, mounted in its shadow
//! root, following attribute changes, unmounted on removal. `src/main.rs`
//! exports it to JavaScript; tests call it directly.

use std::cell::RefCell;
use std::rc::Rc;

use signpost_engine::Content;
use wasm_bindgen::JsValue;

use super::theme::Theme;
use super::{Settings, Sources, prerendered, props, replacement, resolve, settings};
use crate::app::{App, AppProps};
use crate::content::languages::LanguageFiles;
use crate::state::Start;

/// One element's guide.
pub struct ElementGuide {
    state: Rc<RefCell<Element>>,
}

struct Element {
    root: web_sys::Element,
    app: Option<yew::AppHandle<App>>,
    theme: Option<Theme>,
    content: Option<Rc<Content>>,
    languages: LanguageFiles,
    /// Shown as a preview (`Preview::given`): kept for later updates.
    preview: bool,
    destroyed: bool,
}

impl ElementGuide {
    /// Mounts a guide into `root` (inside the element's shadow root) with
    /// the element's settings: `{ lang, config, checker, languages,
    /// directory, integrity, preview }` (`directory`: the crisis
    /// directory's URL; `integrity`: each fetched file's, see below)
    /// (`checker`: the checker module's URL, beside the guide's files on the
    /// guide's origin; `languages`: `es=URL …`, the other languages' files;
    /// `preview`: the element's `preview` property, read here only, see
    /// [`Preview`]).
    pub fn mount(root: web_sys::Element, settings: &JsValue) -> ElementGuide {
        let checker = setting(settings, "checker")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| replacement::CHECKER.to_string());
        let languages = setting(settings, "languages")
            .and_then(|v| v.as_string())
            .map(|list| LanguageFiles::parse(&list, str::to_string))
            .unwrap_or_default();
        // `integrity`: `{ URL: "sha384-…" }` for the files the guide
        // fetches (the languages, the directory, the checker), written by
        // the build: each is refused unless it is the file built.
        if let Some(pins) = setting(settings, "integrity").filter(|v| v.is_object()) {
            for entry in js_sys::Object::entries(&pins.into()).iter() {
                let pair = js_sys::Array::from(&entry);
                if let (Some(url), Some(integrity)) =
                    (pair.get(0).as_string(), pair.get(1).as_string())
                {
                    crate::platform::pin(&url, &integrity);
                }
            }
        }
        // Every country's numbers (`directory`: its URL), fetched now for
        // every visitor alike, once per page.
        if let Some(url) = setting(settings, "directory").and_then(|v| v.as_string()) {
            crate::content::directory::start(&url);
        }
        let preview = Preview::read(settings);
        let settings = element_settings(settings);
        let state = Rc::new(RefCell::new(Element {
            root,
            app: None,
            theme: None,
            content: None,
            languages: languages.clone(),
            preview: preview.given,
            destroyed: false,
        }));
        let mount = state.clone();
        let sources = Sources {
            given: preview.content,
            checker,
            languages: languages.clone(),
        };
        yew::platform::spawn_local(async move {
            let (content, locale) = resolve(&settings, sources).await;
            let mut el = mount.borrow_mut();
            if el.destroyed || prerendered::crashed(&el.root) {
                return; // removed, or crashed, while its content was loading
            }
            // The prerendered screen (or fallback) shown while loading goes
            // (web/signpost-guide.js), keeping what the visitor did there.
            el.content = content.clone();
            let root = el.root.clone();
            let settings = Settings {
                locale: Some(locale),
                ..settings
            };
            let start = Start {
                crisis: preview.crisis,
                ..Start::default()
            };
            let (app, theme) = prerendered::take_over(
                &root,
                AppProps {
                    preview: preview.given,
                    ..props(settings, content, false, start, languages)
                },
            );
            el.app = Some(app);
            el.theme = Some(theme);
        });
        ElementGuide { state }
    }

    /// An attribute changed: the guide follows (the visitor's answers stay).
    pub fn update(&mut self, settings: &JsValue) {
        let settings = element_settings(settings);
        let mut el = self.state.borrow_mut();
        if let Some(theme) = &el.theme {
            theme.set(&el.root, settings.config.clone());
        }
        let (content, languages) = (el.content.clone(), el.languages.clone());
        let preview = el.preview;
        if let Some(app) = el.app.as_mut() {
            app.update(AppProps {
                preview,
                ..props(settings, content, false, Start::default(), languages)
            });
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

/// The element's `preview` property, for a page showing a guide that is
/// not live yet (the clinic studio): `content`, a compiled content file's
/// bytes (a `Uint8Array`: web/signpost-guide.js turns an `ArrayBuffer`
/// into one), checked like fetched replacement content but needing no
/// request for it; `crisis: true`, the crisis panel on top from the start,
/// as a risk answer shows it. Any `preview` object makes the guide a
/// preview: "Leave quickly" then forgets the session without leaving the
/// page (the studio's form would be lost).
#[derive(Default)]
struct Preview {
    given: bool,
    content: Option<js_sys::Uint8Array>,
    crisis: bool,
}

impl Preview {
    fn read(settings: &JsValue) -> Preview {
        use wasm_bindgen::JsCast;
        let Some(preview) = setting(settings, "preview").filter(|v| v.is_object()) else {
            return Preview::default();
        };
        // web/signpost-guide.js hands over a Uint8Array (or nothing).
        let content =
            setting(&preview, "content").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok());
        Preview {
            given: true,
            content,
            crisis: setting(&preview, "crisis").is_some_and(|v| v.as_bool() == Some(true)),
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
        .map(|v| super::json::from_js(&v));
    self::settings(lang.as_deref(), config.as_ref())
}
