//! The Escape key that leaves the guide.

use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Escape, alone (no modifier, not while composing text), not taken by a
/// page script (`defaultPrevented`) nor by an open native control: a
/// `<select>`'s list, a date picker. Chromium does not deliver the key to
/// the page while a select's list is open (the key closes it); where the
/// browser does, `:open` says so, and a browser without `:open` gets the
/// benefit of the doubt for a focused `<select>` (the visible control
/// still works).
fn is_leave_key(e: &KeyboardEvent) -> bool {
    if e.key() != "Escape"
        || e.default_prevented()
        || e.is_composing()
        || e.ctrl_key()
        || e.alt_key()
        || e.meta_key()
        || e.shift_key()
    {
        return false;
    }
    let target = e.composed_path().get(0).dyn_into::<web_sys::Element>().ok();
    let open = target.is_some_and(|t| match t.matches(":open") {
        Ok(open) => open,
        Err(_) => t.local_name() == "select",
    });
    !open
}

/// Calls `leave` on the leave key, anywhere in the document when the guide
/// is the whole page, else only inside `root` (the custom element: the
/// rest of the host page is the host's). Returns what stops listening.
pub fn on_leave_key(
    whole_page: bool,
    root: Option<web_sys::Node>,
    leave: impl Fn() + 'static,
) -> impl FnOnce() {
    let target: Option<web_sys::EventTarget> = if whole_page {
        web_sys::window().map(Into::into)
    } else {
        root.map(Into::into)
    };
    let on_key =
        wasm_bindgen::closure::Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if is_leave_key(&e) {
                leave();
            }
        });
    if let Some(t) = &target {
        let _ = t.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    }
    move || {
        if let Some(t) = target {
            let _ =
                t.remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
        drop(on_key);
    }
}
