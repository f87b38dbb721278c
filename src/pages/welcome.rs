use yew::prelude::*;

use crate::content::use_guide;

#[component]
pub fn Welcome() -> Html {
    let g = use_guide();
    html! {
        <section class="sp-page" aria-labelledby="sp-welcome-title">
            <h1 id="sp-welcome-title" tabindex="-1">{ g.ui("welcome_title") }</h1>
            <p>{ g.ui("welcome_what") }</p>
            <p>{ g.ui("welcome_time") }</p>
            <p class="sp-privacy">{ g.ui("privacy_promise") }</p>
            <p class="sp-urgent" role="note">{ g.ui("urgent_now") }</p>
        </section>
    }
}
