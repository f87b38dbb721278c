use yew::prelude::*;

use crate::context::use_session;
use crate::state::{Action, Screen};

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct NavButtonProps {
    pub to: Screen,
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
    /// An accessible name when the visible text is not enough on its own.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// A button that opens another screen. Screens are state, not URLs, so
/// the guide never navigates the host page.
#[component]
pub fn NavButton(props: &NavButtonProps) -> Html {
    let session = use_session();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |_| session.dispatch(Action::Go(to.clone())))
    };
    html! {
        <button type="button" class={classes!("sp-button", props.class.clone())}
            aria-label={props.label.clone()} data-sp-to={props.to.param()} {onclick}>
            { props.children.clone() }
        </button>
    }
}
