//! Signpost's engine: everything the guide knows and decides, in plain Rust.
//!
//! No web dependencies, so every rule here is tested natively and the same
//! code runs in the browser, in the native checker and in server rendering.
//! Data flows one way: content files -> [`load`] (TOML, native: build.rs
//! and the checker) -> [`validate`] -> [`Content`] -> [`compiled`] bytes for
//! the browser; content + [`Answers`] -> [`score`] -> [`Outcome`] -> view.
//! [`prove::prove`] checks the content's clinical safeguards over every
//! reachable answer set at every build. Interface words are the closed set
//! [`Ui`].

// Folders by role (ARCHITECTURE.md, "Engine"): content, validate, decide,
// crisis, clinic, files, authoring; no folder imports one that imports it. Each module is also re-exported at the root,
// where callers have always found it (`signpost_engine::model`, ...).
#[cfg(feature = "authoring")]
pub mod authoring;
pub mod clinic;
pub mod content;
pub mod crisis;
pub mod decide;
pub mod files;
pub mod validate;

#[cfg(feature = "authoring")]
pub use authoring::{readability, report};
pub use clinic::config;
pub use content::{locale, model, problem, text, ui_keys};
pub use crisis::{directory, hours};
pub use decide::{answers, prove, score};
pub use files::compiled;
#[cfg(feature = "toml")]
pub use files::load;

pub use answers::{Answer, Answers};
#[cfg(feature = "toml")]
pub use load::{Source, builtin_sources, load};
pub use locale::{Direction, Locale, Negotiated};
pub use model::Content;
pub use problem::{Problem, Problems};
pub use score::{Outcome, is_crisis, is_risk_answer, score};
pub use text::{Text, TextList};
pub use ui_keys::Ui;

/// The content in `content/*.toml`, loaded and validated.
#[cfg(feature = "toml")]
pub fn builtin() -> Result<Content, Problems> {
    load(&builtin_sources())
}

/// A JSON document as a [`config::Value`] (native: the checker and tests).
#[cfg(feature = "toml")]
pub fn json_value(text: &str) -> Result<config::Value, String> {
    fn convert(v: serde_json::Value) -> config::Value {
        use config::Value as V;
        match v {
            serde_json::Value::Null => V::Null,
            serde_json::Value::Bool(b) => V::Bool(b),
            serde_json::Value::Number(n) => V::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => V::String(s),
            serde_json::Value::Array(a) => V::Array(a.into_iter().map(convert).collect()),
            serde_json::Value::Object(o) => {
                V::Object(o.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    if text.len() > config::MAX_CONFIG_BYTES {
        return Err(format!(
            "the file is larger than {} KiB",
            config::MAX_CONFIG_BYTES / 1024
        ));
    }
    serde_json::from_str::<serde_json::Value>(text)
        .map(convert)
        .map_err(|e| e.to_string())
}
