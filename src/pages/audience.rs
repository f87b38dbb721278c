use signpost_engine::Ui;
use signpost_engine::directory::LinesFirst;
use yew::prelude::*;

use super::Welcome;
use crate::components::{ById, ContactList, Page, paragraphs};
use crate::context::use_guide;

/// A page for someone helping another person, or for under-18s.
#[component]
pub fn AudiencePage(props: &ById) -> Html {
    let guide = use_guide();
    let Some(page) = guide.content.audience(&props.id) else {
        return html! { <Welcome /> }; // an id the content lacks: the start, which lists them
    };
    html! {
        <Page article=true back=true title={guide.text(&page.title).to_string()} lead={guide.text(&page.summary).to_string()}>
            { crate::components::prose_pending(&guide).unwrap_or_default() }
            { for page.sections.iter().map(|s| html! {
                <section class="sp-detail">
                    <h2>{ guide.text(&s.heading) }</h2>
                    { paragraphs(&guide, &s.body) }
                </section>
            }) }
            // Every page about helping someone speaks of crisis: the same
            // numbers as the crisis panel, young people's lines first where
            // the page is about a child or a young person.
            <section class="sp-detail" aria-labelledby="sp-audience-urgent">
                <h2 id="sp-audience-urgent">{ guide.ui(Ui::UrgentTitle) }</h2>
                <p>{ guide.ui(Ui::UrgentNow) }</p>
                <ContactList id="audience" first={if matches!(page.id.as_str(), "child" | "young_people") { LinesFirst::Young } else { LinesFirst::Clinic }} />
            </section>
        </Page>
    }
}
