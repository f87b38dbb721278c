use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{ContactList, NavButton, OptionDetails, Page, crisis_words};
use crate::context::{use_guide, use_session};
use crate::state::Screen;

/// Urgent help, one tap from every screen: the contacts first (abuse and
/// violence lines first after "someone may hurt me", as on the crisis
/// panel), then what the content says about urgent and crisis help.
#[component]
pub fn Urgent() -> Html {
    let guide = use_guide();
    let session = use_session();
    let (_, first) = crisis_words(&guide, &session.answers);
    html! {
        <Page article=true back=true title={guide.ui(Ui::UrgentTitle).to_string()} lead={guide.ui(Ui::UrgentNow).to_string()}>
            <ContactList id="urgent" {first} />
            <p class="sp-no-print"><NavButton to={Screen::SafetyPlan}>{ guide.ui(Ui::PlanOffer) }</NavButton></p>
            if let Some(o) = guide.content.urgent_option() {
                <p>{ guide.text(&o.summary) }</p>
                <OptionDetails id={o.id.clone()} />
            }
        </Page>
    }
}
