use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{NavButton, Page};
use crate::context::use_guide;
use crate::state::Screen;

#[component]
pub fn Welcome() -> Html {
    let guide = use_guide();
    let first = guide.content.first_question().map(|q| q.id.clone());
    html! {
        <Page title={guide.ui(Ui::WelcomeTitle).to_string()} lead={guide.ui(Ui::WelcomeWhat).to_string()}>
            <p>{ guide.ui(Ui::WelcomeTime) }</p>
            <p class="sp-privacy">{ guide.ui(Ui::PrivacyPromise) }</p>
            <div class="sp-actions">
                if let Some(first) = first {
                    <NavButton to={Screen::Question(first)} class="sp-button--primary">{ guide.ui(Ui::Start) }</NavButton>
                }
                <NavButton to={Screen::Explore}>{ guide.ui(Ui::Explore) }</NavButton>
            </div>
            <p class="sp-urgent" role="note">{ guide.ui(Ui::UrgentNow) }</p>
            <nav class="sp-more" aria-labelledby="sp-more-title">
                <h2 id="sp-more-title">{ guide.ui(Ui::MoreHelp) }</h2>
                <ul role="list">
                { for guide.content.audiences.iter().map(|a| html! {
                    <li>
                        <NavButton to={Screen::Audience(a.id.clone())} class="sp-button--link">{ guide.text(&a.title) }</NavButton>
                        <span class="sp-muted">{ guide.text(&a.summary) }</span>
                    </li>
                }) }
                </ul>
            </nav>
        </Page>
    }
}
