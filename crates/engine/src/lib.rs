//! Signpost's engine: everything the guide knows and decides, in plain Rust.
//!
//! No web dependencies, so every rule here is tested natively and the same
//! code runs in the browser, in the native checker and in server rendering.
//! Data flows one way: content files -> [`load`] (TOML, native) or
//! [`compiled::from_bytes`] (browser) -> [`Content`]; content + [`Answers`]
//! -> [`score`] -> [`Outcome`].

pub mod answers;
pub mod compiled;
#[cfg(feature = "toml")]
pub mod load;
pub mod locale;
pub mod model;
pub mod problem;
pub mod score;
pub mod text;
pub mod ui_keys;
pub mod validate;

pub use answers::{Answer, Answers};
#[cfg(feature = "toml")]
pub use load::{Source, builtin_sources, load};
pub use locale::Locale;
pub use model::Content;
pub use problem::{Problem, Problems};
pub use score::{Outcome, is_crisis, is_risk_answer, score};
pub use text::{Text, TextList};
pub use ui_keys::UI_KEYS;

/// The content in `content/*.toml`, loaded and validated.
#[cfg(feature = "toml")]
pub fn builtin() -> Result<Content, Problems> {
    load(&builtin_sources())
}
