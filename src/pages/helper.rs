use yew::prelude::*;

use crate::components::{Page, definitions, paragraphs};
use crate::context::use_guide;

/// What matters in any helper, and the honest note on overlapping names.
#[component]
pub fn Helper() -> Html {
    let guide = use_guide();
    let h = &guide.content.helper;
    if let Some(pending) = crate::components::prose_pending(&guide) {
        return html! { <Page article=true back=true title={guide.text(&h.title).to_string()}>{ pending }</Page> };
    }
    html! {
        <Page article=true back=true title={guide.text(&h.title).to_string()}>
            { paragraphs(&guide, &h.intro) }
            { definitions(&guide, "sp-qualities", h.qualities.iter().map(|q| (&q.name, &q.text))) }
            <div class="sp-note">{ paragraphs(&guide, &h.overlap) }</div>
            <div class="sp-note">{ paragraphs(&guide, &h.titles) }</div>
        </Page>
    }
}
