//! Signpost's browser guide: Yew components over the engine.
//!
//! Data flows one way: content + the visitor's answers -> engine -> view.
//! `builtin` decodes the built-in content; `state` is the visitor's
//! session, one reducer that makes every navigation decision; `context`
//! the two contexts components read; `pages/` the whole screens;
//! `components/` the pieces they share; `hooks/` the custom hooks;
//! `embed/` how the guide gets onto a page (standalone, iframe, custom
//! element). Nothing here decides what the engine could decide.

pub mod app;
pub mod builtin;
pub mod components;
pub mod context;
pub mod directory_file;
pub mod embed;
pub mod hooks;
pub mod log;
pub mod pages;
pub mod state;
pub mod storage;
pub mod summary;

pub use app::{App, AppProps};
