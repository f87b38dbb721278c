use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{NavButton, Page};
use crate::context::use_guide;
use crate::state::Screen;

#[component]
pub fn Welcome() -> Html {
    let g = use_guide();
    let first = g.content.first_question().map(|q| q.id.clone());
    html! {
        <Page title={g.ui(Ui::WelcomeTitle).to_string()} lead={g.ui(Ui::WelcomeWhat).to_string()}>
            <p>{ g.ui(Ui::WelcomeTime) }</p>
            <p class="sp-privacy">{ g.ui(Ui::PrivacyPromise) }</p>
            <div class="sp-actions">
                if let Some(first) = first {
                    <NavButton to={Screen::Question(first)} class="sp-button--primary">{ g.ui(Ui::Start) }</NavButton>
                }
                <NavButton to={Screen::Explore}>{ g.ui(Ui::Explore) }</NavButton>
            </div>
            <p class="sp-urgent" role="note">{ g.ui(Ui::UrgentNow) }</p>
            <nav class="sp-more" aria-labelledby="sp-more-title">
                <h2 id="sp-more-title">{ g.ui(Ui::MoreHelp) }</h2>
                <ul role="list">
                { for g.content.audiences.iter().map(|a| html! {
                    <li>
                        <NavButton to={Screen::Audience(a.id.clone())} class="sp-button--link">{ g.t(&a.title) }</NavButton>
                        <span class="sp-muted">{ g.t(&a.summary) }</span>
                    </li>
                }) }
                </ul>
            </nav>
        </Page>
    }
}
