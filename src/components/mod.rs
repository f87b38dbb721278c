//! Pieces shared between screens: the page skeleton, navigation, the
//! crisis panel and contact lists, option details, the take-away tools.

mod content_error;
mod crisis_panel;
mod language_switch;
mod nav_button;
mod option_details;
mod page;
mod paragraphs;
mod take_away;

pub use content_error::ContentError;
pub use crisis_panel::{ContactList, CrisisPanel};
pub use language_switch::LanguageSwitch;
pub use nav_button::NavButton;
pub use option_details::OptionDetails;
pub use page::Page;
pub use paragraphs::{definitions, paragraphs};
pub use take_away::TakeAway;

use yew::prelude::*;

/// Props of a component that shows one thing of the content, named by id
/// (so props stay cheap and compare in one step).
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ById {
    pub id: AttrValue,
}
