//! Inside an iframe (`?embed=frame`). By default the guide posts nothing
//! to the host page: the host gives the frame a height and the guide
//! scrolls inside it. Anything posted would reach every script on the
//! host's page, and a height that followed the content would tell them
//! when a crisis panel appeared or how long the results were.
//!
//! With `&autoheight=1` (opt-in) the guide posts `{ signpostHeight }`,
//! computed from the frame's width alone: it changes when the frame is
//! resized, never with the screen, the answers or the crisis panel.

/// The height posted for a frame `width` CSS pixels wide: narrow frames
/// wrap more text, so they get more room (the guide scrolls inside when a
/// screen is taller still).
pub fn height_for_width(width: f64) -> f64 {
    if width < 480.0 {
        1100.0
    } else if width < 800.0 {
        950.0
    } else {
        850.0
    }
}

pub fn report_height() {
    use std::cell::Cell;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let last = Cell::new(f64::NAN);
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(width) = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
        else {
            return;
        };
        let height = height_for_width(width);
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"signpostHeight".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    // Only the frame's own size changes fire this, never its content.
    let _ = window.add_event_listener_with_callback("resize", post.as_ref().unchecked_ref());
    let _ = post
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .call0(&wasm_bindgen::JsValue::NULL);
    // The listener lives as long as the page.
    post.forget();
}
