//! The wasm entry points, and nothing else: `main` starts the standalone
//! page (and so the iframe); `mount_element` is called by the
//! `<signpost-guide>` custom element (web/signpost-guide.js), once per
//! element. The work is in `signpost::embed`.

use signpost::embed::element;
use wasm_bindgen::prelude::*;

fn main() {
    signpost::embed::page::start();
}

/// One `<signpost-guide>` element's guide, as JavaScript holds it.
#[wasm_bindgen]
pub struct ElementGuide(element::ElementGuide);

/// Mounts a guide into `root` (inside the element's shadow root) with the
/// element's settings: `{ lang, config, checker }`.
#[wasm_bindgen]
pub fn mount_element(root: web_sys::Element, settings: JsValue) -> ElementGuide {
    ElementGuide(element::ElementGuide::mount(root, &settings))
}

#[wasm_bindgen]
impl ElementGuide {
    /// An attribute changed: the guide follows (the visitor's answers stay).
    pub fn update(&mut self, settings: JsValue) {
        self.0.update(&settings);
    }

    /// The element was removed: unmount and drop every listener.
    pub fn destroy(&mut self) {
        self.0.destroy();
    }
}
