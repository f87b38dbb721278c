use yew::prelude::*;

use super::BackButton;
use crate::components::Paragraphs;
use crate::content::use_guide;

/// What matters in any helper, and the honest note on overlapping names.
#[component]
pub fn Helper() -> Html {
    let g = use_guide();
    let h = &g.content.helper;
    html! {
        <article class="sp-page" aria-labelledby="sp-title">
            <BackButton />
            <h1 id="sp-title" tabindex="-1">{ g.t(&h.title) }</h1>
            <Paragraphs text={h.intro.clone()} />
            <dl class="sp-qualities">
            { for h.qualities.iter().map(|q| html! {
                <>
                    <dt>{ g.t(&q.name) }</dt>
                    <dd><Paragraphs text={q.text.clone()} /></dd>
                </>
            }) }
            </dl>
            <div class="sp-note"><Paragraphs text={h.overlap.clone()} /></div>
            <div class="sp-note"><Paragraphs text={h.titles.clone()} /></div>
        </article>
    }
}
