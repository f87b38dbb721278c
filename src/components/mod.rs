//! Pieces shared between screens.

mod language_switch;

pub use language_switch::LanguageSwitch;
