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
/// (`platform::leave`), so nothing is left even if the navigation is slow.
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
            crate::platform::leave(&leaving.url);
        })
    };
    // The key listener is added once and always calls the latest callback.
    let latest = use_mut_ref(|| leave.clone());
    *latest.borrow_mut() = leave.clone();
    use_effect_with(whole_page, move |whole_page| {
        crate::platform::on_leave_key(*whole_page, root.get(), move || latest.borrow().emit(()))
    });
    leave
}
