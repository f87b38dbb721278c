//! The browser's side of `platform` (see its notes): web-sys calls, and
//! nothing decided here.

mod console;
mod device;
mod fetch;
mod files;
mod keys;
mod leave;
mod storage;
mod timing;

pub use console::{error, warn};
pub use device::{browser_language, browser_locale, country_namer, hints, sort_names};
pub use fetch::{Deadline, fetch, once, pin};
pub use files::{copy, download, print};
pub use keys::on_leave_key;
pub use leave::leave;
pub use storage::{forget, recall, remember};
pub use timing::count_requests;

/// The browser build embeds the English content alone, without the
/// support options' pages (`Content::defer_prose`: the full English is a
/// file of its own, fetched as the guide starts); every other language is
/// a file of its own (`languages`).
pub static BUILTIN_CONTENT: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/content-en-core.bin"));

/// The browser build fetches the crisis directory (`directory`).
pub fn builtin_directory() -> Option<&'static [u8]> {
    None
}
