use yew::prelude::*;

use super::BackButton;
use crate::components::OptionDetails;
use crate::components::crisis_panel::ContactList;
use crate::content::use_guide;

/// Urgent help, one tap from every screen: the contacts first, then what
/// the content says about urgent and crisis help.
#[component]
pub fn Urgent() -> Html {
    let g = use_guide();
    let option = g.content.options.iter().find(|o| o.urgent);
    html! {
        <article class="sp-page" aria-labelledby="sp-title">
            <BackButton />
            <h1 id="sp-title" tabindex="-1">{ g.ui("urgent_title") }</h1>
            <p class="sp-lead">{ g.ui("urgent_now") }</p>
            <ContactList id="urgent" />
            if let Some(o) = option {
                <p>{ g.t(&o.summary) }</p>
                <OptionDetails option={o.clone()} />
            }
        </article>
    }
}
