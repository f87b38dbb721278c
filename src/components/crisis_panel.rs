use yew::prelude::*;

use crate::content::{tel, use_guide};

/// Crisis contacts: a landmark region with a heading. The App renders it
/// inside a live region that exists from the start, so screen readers
/// announce it the moment it appears.
#[component]
pub fn CrisisPanel() -> Html {
    let g = use_guide();
    html! {
        <section class="sp-crisis" aria-labelledby="sp-crisis-title">
            <h2 id="sp-crisis-title">{ g.ui("crisis_title") }</h2>
            <p>{ g.ui("crisis_text") }</p>
            <ContactList />
            <p class="sp-crisis__continue">{ g.ui("crisis_continue") }</p>
        </section>
    }
}

/// The configured crisis contacts as `tel:` links, or the default advice
/// to call the local emergency number when none are configured.
#[component]
pub fn ContactList() -> Html {
    let g = use_guide();
    if g.contacts().is_empty() {
        return html! { <p class="sp-crisis__default"><strong>{ g.ui("crisis_default") }</strong></p> };
    }
    html! {
        <ul class="sp-contacts" role="list">
        { for g.contacts().iter().map(|c| {
            html! {
                <li>
                    <a class="sp-contact" href={tel(&c.phone)}>
                        <span class="sp-contact__name">{ &c.name }</span>
                        <span class="sp-contact__phone">{ &c.phone }</span>
                    </a>
                </li>
            }
        }) }
        </ul>
    }
}
