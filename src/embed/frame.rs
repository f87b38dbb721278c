//! Inside an iframe (`?embed=frame`): tell the host page how tall the
//! guide is, so it can size the frame. The message carries the height and
//! nothing else.

#[cfg(target_arch = "wasm32")]
pub fn report_height() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(html) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        else {
            return;
        };
        let message = js_sys::Object::new();
        let height = f64::from(body.scroll_height());
        let _ = js_sys::Reflect::set(&message, &"signpostHeight".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&html);
    }
    // The observer lives as long as the page.
    post.forget();
}

#[cfg(not(target_arch = "wasm32"))]
pub fn report_height() {}
