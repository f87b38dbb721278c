//! The native side of `platform` (see its notes): the prerender and the
//! render tests have no browser, so nothing is stored, fetched, listened
//! to or left; console messages go to stderr; and every language and the
//! crisis directory are embedded, so the prerender can write the
//! browser's files from them.

use std::future::Future;

use signpost_engine::directory::DeviceHints;
use signpost_engine::{Locale, Negotiated};

use super::FetchError;

pub fn warn(message: &str) {
    eprintln!("{message}");
}

pub fn error(message: &str) {
    eprintln!("{message}");
}

/// No preference outside a browser.
pub fn browser_locale() -> Locale {
    Locale::default()
}

pub fn browser_language(offered: impl Fn(Locale) -> bool) -> Negotiated {
    Locale::negotiate_among([], offered)
}

pub fn hints() -> DeviceHints {
    DeviceHints::default()
}

/// The code itself: there is no `Intl` here.
pub fn country_namer(_: Locale) -> impl Fn(&str) -> String {
    str::to_string
}

pub fn sort_names(names: &mut [(String, String)], _: Locale) {
    names.sort_by_key(|(_, name)| name.to_lowercase());
}

pub struct Deadline;

impl Deadline {
    pub fn start() -> Deadline {
        Deadline
    }
}

/// Nothing is fetched here.
pub fn pin(_: &str, _: &str) {}

pub async fn fetch(_: &str, _: &Deadline) -> Result<Vec<u8>, FetchError> {
    Err(FetchError::Unavailable)
}

pub async fn once(
    _: &str,
    work: impl Future<Output = Result<(), String>> + 'static,
) -> Result<(), String> {
    work.await
}

pub fn print() {}

pub async fn copy(_: &str) -> bool {
    false
}

pub fn download(_: &str, _: &str) {}

pub fn on_leave_key(_: bool, _: Option<web_sys::Node>, _: impl Fn() + 'static) -> impl FnOnce() {
    || ()
}

pub fn leave(_: &str) {}

pub fn recall(_: &str) -> Option<String> {
    None
}

pub fn remember(_: &str, _: &str) {}

pub fn forget(_: &str) {}

pub fn count_requests(_: impl Fn(usize) + 'static) -> impl FnOnce() {
    || ()
}

/// Every language's content (the browser's embeds English alone).
pub static BUILTIN_CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// The crisis directory, for the prerender to write the browser's file.
pub fn builtin_directory() -> Option<&'static [u8]> {
    Some(include_bytes!(concat!(env!("OUT_DIR"), "/directory.bin")))
}
