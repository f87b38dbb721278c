//! Pieces shared between screens.

mod content_error;
pub mod crisis_panel;
mod language_switch;
mod nav_button;
mod option_details;
mod paragraphs;
mod take_away;

pub use content_error::ContentError;
pub use crisis_panel::CrisisPanel;
pub use language_switch::LanguageSwitch;
pub use nav_button::NavButton;
pub use option_details::OptionDetails;
pub use paragraphs::Paragraphs;
pub use take_away::TakeAway;
