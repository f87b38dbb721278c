use signpost_engine::Ui;
use yew::prelude::*;

use super::Explore;
use crate::components::{ById, OptionDetails, Page};
use crate::context::use_guide;

/// One kind of support in full.
#[component]
pub fn OptionPage(props: &ById) -> Html {
    let g = use_guide();
    let Some(option) = g.content.option(&props.id) else {
        return html! { <Explore /> }; // an id the content lacks: every option instead
    };
    html! {
        <Page article=true back=true title={g.t(&option.name).to_string()} lead={g.t(&option.summary).to_string()}>
            if !g.config.offers(option) {
                <p class="sp-not-offered">{ g.ui(Ui::NotOffered) }</p>
            }
            <OptionDetails id={props.id.clone()} />
        </Page>
    }
}
