use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{ContactList, OptionDetails, Page};
use crate::context::use_guide;

/// Urgent help, one tap from every screen: the contacts first, then what
/// the content says about urgent and crisis help.
#[component]
pub fn Urgent() -> Html {
    let g = use_guide();
    html! {
        <Page article=true back=true title={g.ui(Ui::UrgentTitle).to_string()} lead={g.ui(Ui::UrgentNow).to_string()}>
            <ContactList id="urgent" />
            if let Some(o) = g.content.urgent_option() {
                <p>{ g.t(&o.summary) }</p>
                <OptionDetails id={o.id.clone()} />
            }
        </Page>
    }
}
