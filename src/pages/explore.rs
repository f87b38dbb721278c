use yew::prelude::*;

use super::BackButton;
use crate::components::NavButton;
use crate::content::use_guide;
use crate::state::Screen;

/// Every kind of support in brief, each opening its full page.
#[component]
pub fn Explore() -> Html {
    let g = use_guide();
    html! {
        <section class="sp-page" aria-labelledby="sp-title">
            <BackButton />
            <h1 id="sp-title" tabindex="-1">{ g.ui("explore_title") }</h1>
            <p class="sp-lead">{ g.ui("explore_intro") }</p>
            <div class="sp-actions">
                <NavButton to={Screen::Compare}>{ g.ui("compare_link") }</NavButton>
                <NavButton to={Screen::Helper}>{ g.ui("helper_link") }</NavButton>
            </div>
            <ul class="sp-cards" role="list">
            { for g.content.options.iter().map(|o| {
                let name = g.t(&o.name);
                html! {
                    <li class={classes!("sp-card", o.urgent.then_some("sp-card--urgent"))}>
                        <h2>{ name }</h2>
                        <p>{ g.t(&o.summary) }</p>
                        <NavButton to={Screen::Option(o.id.clone())} class="sp-button--link">
                            { g.ui_with("read_more", &[("name", name)]) }
                        </NavButton>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
