//! Signpost's browser guide: Yew components over the engine.
//!
//! Data flows one way: content + the visitor's answers -> engine -> view.
//! `content/` is the built-in content and the files fetched as the guide
//! starts (languages, the crisis directory); `state` is the visitor's
//! session, one reducer that makes every navigation decision; `context`
//! the two contexts components read; `pages/` the whole screens;
//! `components/` the pieces they share; `hooks/` the custom hooks;
//! `platform/` the one place that touches the browser; `embed/` how the
//! guide gets onto a page (standalone, iframe, custom element), above the
//! rest: nothing else imports it. Nothing here decides what the engine
//! could decide.

pub mod app;
pub mod components;
pub mod content;
pub mod context;
pub mod embed;
pub mod hooks;
pub mod pages;
pub mod platform;
pub mod state;
pub mod storage;
pub mod summary;

pub use app::{App, AppProps};
