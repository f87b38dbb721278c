use yew::prelude::*;

use super::BackButton;
use crate::components::Paragraphs;
use crate::components::crisis_panel::ContactList;
use crate::content::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AudiencePageProps {
    pub id: AttrValue,
}

/// A page for someone helping another person, or for under-18s.
#[component]
pub fn AudiencePage(props: &AudiencePageProps) -> Html {
    let g = use_guide();
    let Some(page) = g
        .content
        .audiences
        .iter()
        .find(|a| a.id == props.id.as_str())
    else {
        return html! { <section class="sp-page"><BackButton /></section> };
    };
    html! {
        <article class="sp-page" aria-labelledby="sp-title">
            <BackButton />
            <h1 id="sp-title" tabindex="-1">{ g.t(&page.title) }</h1>
            <p class="sp-lead">{ g.t(&page.summary) }</p>
            { for page.sections.iter().map(|s| html! {
                <section class="sp-detail">
                    <h2>{ g.t(&s.heading) }</h2>
                    <Paragraphs text={s.body.clone()} />
                </section>
            }) }
            // Every page about helping someone speaks of crisis: the same
            // numbers as the crisis panel, young people's lines first where
            // the page is about a child or a young person.
            <section class="sp-detail" aria-labelledby="sp-audience-urgent">
                <h2 id="sp-audience-urgent">{ g.ui("urgent_title") }</h2>
                <p>{ g.ui("urgent_now") }</p>
                <ContactList id="audience" young_first={matches!(page.id.as_str(), "child" | "young_people")} />
            </section>
        </article>
    }
}
