use signpost_engine::Ui;
use yew::prelude::*;

use crate::context::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct TakeAwayProps {
    /// The summary text to copy or download.
    pub summary: AttrValue,
    /// The downloaded file's name.
    #[prop_or(AttrValue::Static("signpost-summary.txt"))]
    pub file: AttrValue,
    /// The download button's words.
    #[prop_or(Ui::Download)]
    pub download: Ui,
    /// The copy button's words, and what is said once it is copied.
    #[prop_or((Ui::Copy, Ui::Copied))]
    pub copy: (Ui, Ui),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

/// Print, copy and download: all made in the browser, nothing uploaded.
#[component]
pub fn TakeAway(props: &TakeAwayProps) -> Html {
    let guide = use_guide();
    let copy_state = use_state(|| Copy::Idle);
    let on_print = Callback::from(|_| crate::platform::print());
    let on_copy = {
        let text = props.summary.clone();
        let copy_state = copy_state.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let copy_state = copy_state.clone();
            yew::platform::spawn_local(async move {
                let ok = crate::platform::copy(&text).await;
                copy_state.set(if ok { Copy::Done } else { Copy::Failed });
            });
        })
    };
    let on_download = {
        let text = props.summary.clone();
        let file = props.file.clone();
        Callback::from(move |_| crate::platform::download(&file, &text))
    };
    html! {
        <section class="sp-take-away sp-no-print" aria-labelledby="sp-take-away-title">
            <h2 id="sp-take-away-title">{ guide.ui(Ui::TakeAway) }</h2>
            <div class="sp-actions">
                <button type="button" class="sp-button" onclick={on_print}>{ guide.ui(Ui::Print) }</button>
                <button type="button" class="sp-button" onclick={on_copy}>{ guide.ui(props.copy.0) }</button>
                <button type="button" class="sp-button" onclick={on_download}>{ guide.ui(props.download) }</button>
            </div>
            <p class="sp-status" role="status">
            { match *copy_state {
                Copy::Idle => html! {},
                Copy::Done => html! { guide.ui(props.copy.1) },
                Copy::Failed => html! { guide.ui(Ui::CopyFailed) },
            } }
            </p>
        </section>
    }
}
