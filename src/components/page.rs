use signpost_engine::Ui;
use yew::prelude::*;

use crate::context::{use_guide, use_session};
use crate::state::Action;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct PageProps {
    /// The page's one `h1`: focused when the screen opens (App moves focus
    /// to `#sp-title`), and the page's accessible name.
    pub title: AttrValue,
    /// The opening sentence under the title.
    #[prop_or_default]
    pub lead: Option<AttrValue>,
    /// A "Back" button above the title, to wherever the page was opened
    /// from (information pages; the questions have their own).
    #[prop_or_default]
    pub back: bool,
    /// `<article>` for a self-contained text, `<section>` otherwise.
    #[prop_or_default]
    pub article: bool,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// Every screen's skeleton: Back, the focusable title, the lead, the body.
#[component]
pub fn Page(props: &PageProps) -> Html {
    let tag = if props.article { "article" } else { "section" };
    html! {
        <@{tag} class={classes!("sp-page", props.class.clone())} aria-labelledby="sp-title">
            if props.back {
                <BackButton />
            }
            <h1 id="sp-title" tabindex="-1">{ props.title.clone() }</h1>
            if let Some(lead) = &props.lead {
                <p class="sp-lead">{ lead.clone() }</p>
            }
            { props.children.clone() }
        </@>
    }
}

/// "Back": the reducer decides where to (`Action::Back`).
#[component]
fn BackButton() -> Html {
    let guide = use_guide();
    let session = use_session();
    let onclick = Callback::from(move |_| session.dispatch(Action::Back));
    html! { <button type="button" class="sp-button sp-button--quiet sp-no-print" {onclick}>{ guide.ui(Ui::Back) }</button> }
}
