use signpost_engine::model::SupportOption;
use yew::prelude::*;

use crate::components::Paragraphs;
use crate::content::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct OptionDetailsProps {
    pub option: SupportOption,
    /// The heading level of the sections (the page heading is one above).
    #[prop_or(2)]
    pub level: u8,
}

/// Everything the content says about one kind of support.
#[component]
pub fn OptionDetails(props: &OptionDetailsProps) -> Html {
    let g = use_guide();
    let o = &props.option;
    let heading = |text: &str| -> Html {
        let tag = if props.level <= 2 { "h2" } else { "h3" };
        html! { <@{tag}>{ text.to_string() }</@> }
    };
    let section = |key: &str, text: &signpost_engine::Text| {
        html! {
            <section class="sp-detail">
                { heading(g.ui(key)) }
                <Paragraphs text={text.clone()} />
            </section>
        }
    };
    html! {
        <div class="sp-option-details">
            { section("what", &o.what) }
            if !o.schools.is_empty() {
                <section class="sp-detail">
                    { heading(g.ui("schools")) }
                    <dl class="sp-schools">
                    { for o.schools.iter().map(|s| html! {
                        <>
                            <dt>{ g.t(&s.name) }</dt>
                            <dd><Paragraphs text={s.text.clone()} /></dd>
                        </>
                    }) }
                    </dl>
                </section>
            }
            { section("good_for", &o.good_for) }
            { section("not_for", &o.not_for) }
            { section("length", &o.length) }
            { section("provider", &o.provider) }
            { section("first_session", &o.first_session) }
            { section("privacy", &o.privacy) }
            { section("cost", &o.cost) }
            <section class="sp-detail">
                { heading(g.ui("ask")) }
                <ul>{ for o.ask.get(g.locale).iter().map(|q| html! { <li>{ q }</li> }) }</ul>
            </section>
        </div>
    }
}
