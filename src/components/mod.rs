//! Pieces shared between screens.

mod content_error;
mod language_switch;

pub use content_error::ContentError;
pub use language_switch::LanguageSwitch;
