use yew::prelude::*;

use super::BackButton;
use crate::components::OptionDetails;
use crate::content::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct OptionPageProps {
    pub id: AttrValue,
}

/// One kind of support in full.
#[component]
pub fn OptionPage(props: &OptionPageProps) -> Html {
    let g = use_guide();
    let Some(option) = g.content.option(&props.id) else {
        return html! { <section class="sp-page"><BackButton /></section> };
    };
    html! {
        <article class="sp-page" aria-labelledby="sp-title">
            <BackButton />
            <h1 id="sp-title" tabindex="-1">{ g.t(&option.name) }</h1>
            <p class="sp-lead">{ g.t(&option.summary) }</p>
            if !option.urgent && !g.config.offers(&option.id) {
                <p class="sp-not-offered">{ g.ui("not_offered") }</p>
            }
            <OptionDetails option={option.clone()} />
        </article>
    }
}
