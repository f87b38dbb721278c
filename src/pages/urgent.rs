use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{ContactList, OptionDetails, Page, crisis_words};
use crate::context::{use_guide, use_session};

/// Urgent help, one tap from every screen: the contacts first (abuse and
/// violence lines first after "someone may hurt me", as on the crisis
/// panel), then what the content says about urgent and crisis help.
#[component]
pub fn Urgent() -> Html {
    let g = use_guide();
    let session = use_session();
    let (_, first) = crisis_words(&g, &session.answers);
    html! {
        <Page article=true back=true title={g.ui(Ui::UrgentTitle).to_string()} lead={g.ui(Ui::UrgentNow).to_string()}>
            <ContactList id="urgent" {first} />
            if let Some(o) = g.content.urgent_option() {
                <p>{ g.t(&o.summary) }</p>
                <OptionDetails id={o.id.clone()} />
            }
        </Page>
    }
}
