use signpost_engine::Ui;
use yew::prelude::*;

use crate::components::{NavButton, Page};
use crate::context::use_guide;
use crate::state::Screen;

/// Every kind of support in brief, each opening its full page.
#[component]
pub fn Explore() -> Html {
    let guide = use_guide();
    html! {
        <Page back=true title={guide.ui(Ui::ExploreTitle).to_string()} lead={guide.ui(Ui::ExploreIntro).to_string()}>
            <div class="sp-actions">
                <NavButton to={Screen::Compare}>{ guide.ui(Ui::CompareLink) }</NavButton>
                <NavButton to={Screen::Helper}>{ guide.ui(Ui::HelperLink) }</NavButton>
            </div>
            { crate::components::prose_pending(&guide).unwrap_or_default() }
            <ul class="sp-cards" role="list">
            { for guide.content.options.iter().map(|o| {
                let name = guide.text(&o.name);
                html! {
                    <li key={o.id.as_str()} class={classes!("sp-card", o.urgent.then_some("sp-card--urgent"))}>
                        <h2>{ name }</h2>
                        <p>{ guide.text(&o.summary) }</p>
                        <NavButton to={Screen::Option(o.id.clone())} class="sp-button--link">
                            { guide.ui_with(Ui::ReadMore, &[("name", name)]) }
                        </NavButton>
                    </li>
                }
            }) }
            </ul>
        </Page>
    }
}
