use signpost_engine::Text;
use yew::prelude::*;

use crate::context::Guide;

/// A content text as paragraphs (blank lines in the TOML separate them).
/// A function, not a component: it needs no state, and props would copy
/// the text in every language on each render.
pub fn paragraphs(g: &Guide, text: &Text) -> Html {
    html! { <>{ for text.paragraphs(g.locale).into_iter().map(|p| html! { <p>{ p }</p> }) }</> }
}

/// Named texts as a definition list: each name a `dt`, its text the `dd`.
pub fn definitions<'t>(
    g: &Guide,
    class: &'static str,
    items: impl Iterator<Item = (&'t Text, &'t Text)>,
) -> Html {
    html! {
        <dl {class}>
        { for items.map(|(name, text)| html! {
            <>
                <dt>{ g.t(name) }</dt>
                <dd>{ paragraphs(g, text) }</dd>
            </>
        }) }
        </dl>
    }
}
