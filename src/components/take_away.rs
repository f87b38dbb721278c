use signpost_engine::Ui;
use yew::prelude::*;

use crate::context::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct TakeAwayProps {
    /// The summary text to copy or download.
    pub summary: AttrValue,
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
        Callback::from(move |_| crate::platform::download("signpost-summary.txt", &text))
    };
    html! {
        <section class="sp-take-away sp-no-print" aria-labelledby="sp-take-away-title">
            <h2 id="sp-take-away-title">{ guide.ui(Ui::TakeAway) }</h2>
            <div class="sp-actions">
                <button type="button" class="sp-button" onclick={on_print}>{ guide.ui(Ui::Print) }</button>
                <button type="button" class="sp-button" onclick={on_copy}>{ guide.ui(Ui::Copy) }</button>
                <button type="button" class="sp-button" onclick={on_download}>{ guide.ui(Ui::Download) }</button>
            </div>
            <p class="sp-status" role="status">
            { match *copy_state {
                Copy::Idle => html! {},
                Copy::Done => html! { guide.ui(Ui::Copied) },
                Copy::Failed => html! { guide.ui(Ui::CopyFailed) },
            } }
            </p>
        </section>
    }
}
