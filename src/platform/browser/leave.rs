//! "Leave quickly" (and the Escape key): the guide is replaced by a neutral
//! page, the configuration's `exit_url`, with `location.replace`, so Back
//! does not return to it. The session has been forgotten before this runs
//! (`hooks::use_leave_quickly`); this only navigates, and sends nothing
//! about the visitor anywhere. It is the platform's because where the
//! guide sits (its own page, an element, an iframe) is the browser's to
//! say: the app only asks to leave.
//!
//! - The standalone page: it replaces itself.
//! - The custom element runs in the host page's window: it replaces the
//!   host page.
//! - In an iframe the guide cannot always reach the host page. It tries,
//!   in order: (1) a message to the host page, `{ signpostExit: URL }`,
//!   which `web/signpost-frame.js` (the host script) answers with
//!   `location.replace(URL)` on the host page: the only way that works for
//!   Escape, which is never a user activation (HTML, "activation-triggering
//!   input event"), so a frame may not navigate the top page on it; (2)
//!   `top.location.replace(URL)`, which the browser allows after a click
//!   when the sandbox has `allow-top-navigation-by-user-activation` (or
//!   there is no sandbox); (3) as a last resort, unless the host script has
//!   answered that it is on its way, the frame replaces itself, so the guide
//!   disappears even when the host page stays. HOSTING.md,
//!   "Leave quickly", says what each sandbox gives.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long the iframe waits for the host script to say it is replacing the
/// host page before it replaces itself (the last resort). The guide is
/// hidden and forgotten already; this only spares the host page a frame
/// navigating to a page it may refuse (`frame-src`, a console error).
const FRAME_FALLBACK_MS: i32 = 500;

/// Replaces the page (see the module's notes) with `url`, an https://
/// address the configuration reader has checked.
pub fn leave(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let top = window.top().ok().flatten();
    let framed = top
        .as_ref()
        .is_some_and(|top| !js_sys::Object::is(top.as_ref(), window.as_ref()));
    if !framed {
        // The page itself, or the element's host page.
        let _ = window.location().replace(url);
        return;
    }
    let parent = window.parent().ok().flatten();
    if let Some(parent) = &parent {
        // The same message for every visitor: where to go, nothing else.
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"signpostExit".into(), &url.into());
        let _ = parent.post_message(&message, "*");
    }
    // Refused (a SecurityError) without the sandbox token or a click.
    if let Some(top) = &top {
        let _ = top.location().replace(url);
    }
    replace_frame_unless_answered(&window, parent, url);
}

/// The last resort: the frame replaces itself after [`FRAME_FALLBACK_MS`],
/// unless the host script has answered `{ signpostExitAck: true }` (it is
/// replacing the host page, and the frame with it) or the frame is gone.
fn replace_frame_unless_answered(
    window: &web_sys::Window,
    parent: Option<web_sys::Window>,
    url: &str,
) {
    let url = url.to_string();
    let replace = Closure::once(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace(&url);
        }
    });
    let Ok(timer) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        replace.as_ref().unchecked_ref(),
        FRAME_FALLBACK_MS,
    ) else {
        return;
    };
    replace.forget();
    let get = |v: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok();
    let on_message = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let from_parent = get(&e, "source")
            .zip(parent.as_ref())
            .is_some_and(|(source, parent)| js_sys::Object::is(&source, parent.as_ref()));
        let answered = from_parent
            && get(&e, "data")
                .filter(|d| d.is_object())
                .and_then(|d| get(&d, "signpostExitAck"))
                .is_some_and(|v| v.as_bool() == Some(true));
        if answered && let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(timer);
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Lives until the page goes, which is the point.
    on_message.forget();
}
