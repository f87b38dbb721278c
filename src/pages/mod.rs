//! Whole screens, one per file.

mod audience;
mod compare;
mod explore;
mod helper;
mod option;
mod question;
mod results;
mod urgent;
mod welcome;

pub use audience::AudiencePage;
pub use compare::Compare;
pub use explore::Explore;
pub use helper::Helper;
pub use option::OptionPage;
pub use question::QuestionPage;
pub use results::Results;
pub use urgent::Urgent;
pub use welcome::Welcome;

use yew::prelude::*;

use crate::content::{use_guide, use_session};
use crate::state::Action;

/// "Back" on the information pages: to wherever the page was opened from.
#[component]
pub fn BackButton() -> Html {
    let g = use_guide();
    let session = use_session();
    let onclick = Callback::from(move |_| session.dispatch(Action::Back));
    html! { <button type="button" class="sp-button sp-button--quiet sp-no-print" {onclick}>{ g.ui("back") }</button> }
}
