use yew::prelude::*;

use crate::context::Remember;
use crate::state::{Action, Session};

/// What leaving needs from the embedding and the configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaving {
    /// The neutral page (`Config::exit_url`, checked https://).
    pub url: AttrValue,
    /// Whether "Remember my answers" is offered here, so its storage key
    /// may exist (never touched otherwise: the element's host storage).
    pub remember: Remember,
    /// A preview (the clinic studio, `src/embed/element.rs`): the session
    /// is forgotten, but the page the preview is on is not left.
    pub preview: bool,
    /// The guide is the whole document (the standalone page, the iframe):
    /// Escape counts anywhere in it. In the custom element it counts only
    /// while focus is inside the guide: the rest of the host page is the
    /// host's, and may use Escape for its own things.
    pub whole_page: bool,
}

/// "Leave quickly": returns the callback the header's control emits, and
/// makes Escape do the same. Leaving forgets everything first, at once
/// (the storage key, synchronously; the answers in memory, by `Restart`),
/// hides the screen, then replaces the page with the neutral one
/// (`embed::leave::go`), so nothing is left even if the navigation is slow.
#[hook]
pub fn use_leave_quickly(
    dispatch: UseReducerDispatcher<Session>,
    root: NodeRef,
    leaving: Leaving,
) -> Callback<()> {
    let whole_page = leaving.whole_page;
    let leave = {
        let root = root.clone();
        use_callback((leaving, dispatch), move |(), (leaving, dispatch)| {
            if leaving.remember != Remember::Off {
                crate::storage::forget();
            }
            dispatch.dispatch(Action::Restart);
            if leaving.preview {
                return;
            }
            if let Some(el) = root.cast::<web_sys::HtmlElement>() {
                el.set_hidden(true);
            }
            crate::embed::leave::go(&leaving.url);
        })
    };
    // The key listener is added once and always calls the latest callback.
    let latest = use_mut_ref(|| leave.clone());
    *latest.borrow_mut() = leave.clone();
    use_effect_with(whole_page, move |whole_page| {
        listen(*whole_page, root, move || latest.borrow().emit(()))
    });
    leave
}

/// Escape, alone (no modifier, not while composing text), not taken by a
/// page script (`defaultPrevented`) nor by an open native control: a
/// `<select>`'s list, a date picker. Chromium does not deliver the key to
/// the page while a select's list is open (the key closes it); where the
/// browser does, `:open` says so, and a browser without `:open` gets the
/// benefit of the doubt for a focused `<select>` (the visible control
/// still works).
#[cfg(target_arch = "wasm32")]
fn is_leave_key(e: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
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

#[cfg(target_arch = "wasm32")]
fn listen(whole_page: bool, root: NodeRef, leave: impl Fn() + 'static) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let target: Option<web_sys::EventTarget> = if whole_page {
        web_sys::window().map(Into::into)
    } else {
        root.get().map(Into::into)
    };
    let on_key = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
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

#[cfg(not(target_arch = "wasm32"))]
fn listen(_: bool, _: NodeRef, _: impl Fn() + 'static) -> impl FnOnce() {
    || ()
}
