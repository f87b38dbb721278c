use signpost_engine::Ui;
use yew::prelude::*;

use crate::context::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct LeaveQuicklyProps {
    /// Forgets the session and leaves (`hooks::use_leave_quickly`).
    pub on_leave: Callback<()>,
}

/// The quick exit, first in the header of every screen: a link to the
/// neutral page (so it still goes there before the WebAssembly runs, as in
/// the GOV.UK "Exit this page" component), which the guide turns into
/// "forget everything, then replace the page" (no history entry). The hint
/// says Escape does the same, for sight and for screen readers
/// (`aria-describedby`, `aria-keyshortcuts`).
#[component]
pub fn LeaveQuickly(props: &LeaveQuicklyProps) -> Html {
    let guide = use_guide();
    let onclick = {
        let on_leave = props.on_leave.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_leave.emit(());
        })
    };
    html! {
        <div class="sp-leave">
            <a id="sp-leave" class="sp-leave__link" href={guide.config.exit_url().to_string()}
                rel="noreferrer nofollow" data-sp-leave=""
                aria-describedby="sp-leave-hint" aria-keyshortcuts="Escape" {onclick}>
                { guide.ui(Ui::LeaveQuickly) }
            </a>
            <span id="sp-leave-hint" class="sp-leave__hint">{ guide.ui(Ui::LeaveHint) }</span>
        </div>
    }
}
