//! What the guide says and asks: the content model and its text, the
//! interface's words, reading content files (TOML, natively) and the
//! compiled form the browser decodes.

pub mod compiled;
#[cfg(feature = "toml")]
pub mod load;
pub mod locale;
pub mod model;
pub mod problem;
pub mod text;
pub mod ui_keys;
