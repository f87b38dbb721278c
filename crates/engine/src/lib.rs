//! Signpost's engine: everything the guide knows and decides, in plain Rust.
//!
//! No web dependencies, so every rule here is tested natively and the same
//! code runs in the browser, in the native checker and in server rendering.

pub mod locale;

pub use locale::Locale;
