use yew::prelude::*;

use crate::components::{Page, definitions, paragraphs};
use crate::context::use_guide;

/// What matters in any helper, and the honest note on overlapping names.
#[component]
pub fn Helper() -> Html {
    let g = use_guide();
    let h = &g.content.helper;
    html! {
        <Page article=true back=true title={g.t(&h.title).to_string()}>
            { paragraphs(&g, &h.intro) }
            { definitions(&g, "sp-qualities", h.qualities.iter().map(|q| (&q.name, &q.text))) }
            <div class="sp-note">{ paragraphs(&g, &h.overlap) }</div>
            <div class="sp-note">{ paragraphs(&g, &h.titles) }</div>
        </Page>
    }
}
