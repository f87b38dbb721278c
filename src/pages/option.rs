use signpost_engine::Ui;
use yew::prelude::*;

use super::Explore;
use crate::components::{ById, OptionDetails, Page};
use crate::context::use_guide;

/// One kind of support in full.
#[component]
pub fn OptionPage(props: &ById) -> Html {
    let guide = use_guide();
    let Some(option) = guide.content.option(&props.id) else {
        return html! { <Explore /> }; // an id the content lacks: every option instead
    };
    html! {
        <Page article=true back=true title={guide.text(&option.name).to_string()} lead={guide.text(&option.summary).to_string()}>
            if !guide.config.offers(option) {
                <p class="sp-not-offered">{ guide.ui(Ui::NotOffered) }</p>
            }
            <OptionDetails id={props.id.clone()} />
        </Page>
    }
}
