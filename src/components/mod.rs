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

/// In place of the support options' pages while their English text is on
/// its way (`hooks::use_full_text`): nothing, or, if it could not be
/// loaded, a line saying so; `None` once the text is here.
pub fn prose_pending(guide: &crate::context::Guide) -> Option<Html> {
    if !guide.content.prose_deferred() {
        return None;
    }
    let autonym = guide.locale.autonym();
    Some(html! {
        <p class="sp-status" role="status">
            if guide.prose_failed {
                { guide.ui_with(signpost_engine::Ui::LanguageFailed, &[("language", autonym)]) }
            }
        </p>
    })
}
