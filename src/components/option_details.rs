use signpost_engine::{Text, Ui};
use yew::prelude::*;

use crate::components::{ById, definitions, paragraphs};
use crate::context::use_guide;

/// Everything the content says about one kind of support, in `h2`
/// sections under the page's title.
#[component]
pub fn OptionDetails(props: &ById) -> Html {
    let guide = use_guide();
    let Some(o) = guide.content.option(&props.id) else {
        return html! {};
    };
    if !o.urgent
        && let Some(pending) = crate::components::prose_pending(&guide)
    {
        return pending;
    }
    let section = |key: Ui, text: &Text| {
        html! {
            <section class="sp-detail">
                <h2>{ guide.ui(key) }</h2>
                { paragraphs(&guide, text) }
            </section>
        }
    };
    html! {
        <div class="sp-option-details">
            { section(Ui::What, &o.what) }
            if !o.schools.is_empty() {
                <section class="sp-detail">
                    <h2>{ guide.ui(Ui::Schools) }</h2>
                    { definitions(&guide, "sp-schools", o.schools.iter().map(|s| (&s.name, &s.text))) }
                </section>
            }
            { section(Ui::GoodFor, &o.good_for) }
            { section(Ui::NotFor, &o.not_for) }
            { section(Ui::Length, &o.length) }
            { section(Ui::Provider, &o.provider) }
            { section(Ui::FirstSession, &o.first_session) }
            { section(Ui::Privacy, &o.privacy) }
            { section(Ui::Cost, &o.cost) }
            <section class="sp-detail">
                <h2>{ guide.ui(Ui::Ask) }</h2>
                <ul>{ for o.ask.get(guide.locale).iter().map(|q| html! { <li>{ q }</li> }) }</ul>
            </section>
        </div>
    }
}
