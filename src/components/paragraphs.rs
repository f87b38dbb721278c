use signpost_engine::Text;
use yew::prelude::*;

use crate::content::use_guide;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ParagraphsProps {
    pub text: Text,
}

/// A content text as paragraphs (blank lines in the TOML separate them).
#[component]
pub fn Paragraphs(props: &ParagraphsProps) -> Html {
    let g = use_guide();
    html! { <>{ for props.text.paragraphs(g.locale).into_iter().map(|p| html! { <p>{ p }</p> }) }</> }
}
