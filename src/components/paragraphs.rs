use signpost_engine::Text;
use yew::prelude::*;

use crate::context::Guide;

/// A content text as paragraphs (blank lines in the TOML separate them).
/// A function, not a component: it needs no state, and props would copy
/// the text in every language on each render.
pub fn paragraphs(guide: &Guide, text: &Text) -> Html {
    html! { <>{ for text.paragraphs(guide.locale).into_iter().map(|p| html! { <p>{ p }</p> }) }</> }
}

/// Named texts as a definition list: each name a `dt`, its text the `dd`.
pub fn definitions<'t>(
    guide: &Guide,
    class: &'static str,
    items: impl Iterator<Item = (&'t Text, &'t Text)>,
) -> Html {
    html! {
        <dl {class}>
        { for items.map(|(name, text)| html! {
            <>
                <dt>{ guide.text(name) }</dt>
                <dd>{ paragraphs(guide, text) }</dd>
            </>
        }) }
        </dl>
    }
}
