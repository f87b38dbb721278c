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
    let g = use_guide();
    let copy_state = use_state(|| Copy::Idle);
    let on_print = Callback::from(|_| platform::print());
    let on_copy = {
        let text = props.summary.clone();
        let copy_state = copy_state.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let copy_state = copy_state.clone();
            yew::platform::spawn_local(async move {
                let ok = platform::copy(&text).await;
                copy_state.set(if ok { Copy::Done } else { Copy::Failed });
            });
        })
    };
    let on_download = {
        let text = props.summary.clone();
        Callback::from(move |_| platform::download("signpost-summary.txt", &text))
    };
    html! {
        <section class="sp-take-away sp-no-print" aria-labelledby="sp-take-away-title">
            <h2 id="sp-take-away-title">{ g.ui(Ui::TakeAway) }</h2>
            <div class="sp-actions">
                <button type="button" class="sp-button" onclick={on_print}>{ g.ui(Ui::Print) }</button>
                <button type="button" class="sp-button" onclick={on_copy}>{ g.ui(Ui::Copy) }</button>
                <button type="button" class="sp-button" onclick={on_download}>{ g.ui(Ui::Download) }</button>
            </div>
            <p class="sp-status" role="status">
            { match *copy_state {
                Copy::Idle => html! {},
                Copy::Done => html! { g.ui(Ui::Copied) },
                Copy::Failed => html! { g.ui(Ui::CopyFailed) },
            } }
            </p>
        </section>
    }
}

/// The browser calls behind the buttons (no-ops outside a browser).
#[cfg(target_arch = "wasm32")]
mod platform {
    use wasm_bindgen::JsCast;

    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }

    pub async fn copy(text: &str) -> bool {
        let Some(w) = web_sys::window() else {
            return false;
        };
        let promise = w.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }

    /// Saves `text` as a file through a `blob:` URL made on this device.
    pub fn download(name: &str, text: &str) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let parts = js_sys::Array::of1(&text.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/plain;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(a) = doc
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    pub fn print() {}
    pub async fn copy(_: &str) -> bool {
        false
    }
    pub fn download(_: &str, _: &str) {}
}
