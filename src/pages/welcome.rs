use yew::prelude::*;

use crate::components::NavButton;
use crate::content::use_guide;
use crate::state::Screen;

#[component]
pub fn Welcome() -> Html {
    let g = use_guide();
    let first = g
        .content
        .next_question(None, &Default::default())
        .map(|q| q.id.clone());
    html! {
        <section class="sp-page" aria-labelledby="sp-title">
            <h1 id="sp-title" tabindex="-1">{ g.ui("welcome_title") }</h1>
            <p class="sp-lead">{ g.ui("welcome_what") }</p>
            <p>{ g.ui("welcome_time") }</p>
            <p class="sp-privacy">{ g.ui("privacy_promise") }</p>
            <div class="sp-actions">
                if let Some(first) = first {
                    <NavButton to={Screen::Question(first)} class="sp-button--primary">{ g.ui("start") }</NavButton>
                }
                <NavButton to={Screen::Explore}>{ g.ui("explore") }</NavButton>
            </div>
            <p class="sp-urgent" role="note">{ g.ui("urgent_now") }</p>
            <nav class="sp-more" aria-labelledby="sp-more-title">
                <h2 id="sp-more-title">{ g.ui("more_help") }</h2>
                <ul role="list">
                { for g.content.audiences.iter().map(|a| html! {
                    <li>
                        <NavButton to={Screen::Audience(a.id.clone())} class="sp-button--link">{ g.t(&a.title) }</NavButton>
                        <span class="sp-muted">{ g.t(&a.summary) }</span>
                    </li>
                }) }
                </ul>
            </nav>
        </section>
    }
}
