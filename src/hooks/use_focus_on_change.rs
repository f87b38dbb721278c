use yew::prelude::*;

/// Moves focus to the new screen's `h1` whenever `key` changes, so keyboard
/// and screen-reader users start at the top of each step. Not on the first
/// render: an embedded guide must not steal focus from the host page.
#[hook]
pub fn use_focus_on_change<K: PartialEq + Clone + 'static>(root: NodeRef, key: K) {
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(h1) = root
            .cast::<web_sys::Element>()
            .and_then(|r| r.query_selector("main h1").ok().flatten())
            .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
        {
            let _ = h1.focus();
        }
    });
}
