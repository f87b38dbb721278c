//! Signpost's browser guide: Yew components over the engine.
//!
//! `state` holds the visitor's session (one reducer), `pages/` the whole
//! screens, `components/` the pieces shared between them and `hooks/` the
//! custom hooks. Nothing here decides anything the engine could decide.

pub mod app;
pub mod components;
pub mod content;
pub mod embed;
pub mod hooks;
pub mod log;
pub mod pages;
pub mod state;
pub mod storage;
pub mod summary;

pub use app::{App, AppProps};
