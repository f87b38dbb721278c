//! Pieces shared between screens: the page skeleton, navigation, the
//! crisis panel and contact lists, option details, the take-away tools,
//! the quick exit.

mod content_error;
mod crisis_panel;
mod language_switch;
mod leave_quickly;
mod nav_button;
mod option_details;
mod page;
mod paragraphs;
mod take_away;

pub use content_error::ContentError;
pub use crisis_panel::{ContactList, CrisisPanel, check_date, crisis_words, describe};
pub use language_switch::LanguageSwitch;
pub use leave_quickly::LeaveQuickly;
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
