//! The one place the guide touches the browser: console, device hints and
//! the browser's languages, storage, fetching files, the Escape key,
//! leaving, the resource count, printing, the clipboard and downloads, and
//! what a build embeds.
//!
//! One `cfg` boundary: `browser/` in the WebAssembly build, `native.rs`
//! everywhere else (the prerender and the render tests, where there is no
//! browser: nothing is stored, fetched or listened to). Both offer the
//! same functions, so everything above compiles and runs on either, and
//! nothing above needs a `cfg` of its own.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

/// Why a file could not be fetched.
#[derive(Debug)]
pub enum FetchError {
    /// An HTTP error. (The status stays an integer: formatting an `f64`
    /// would pull float printing into the wasm, ~1 KiB.)
    Status(u16),
    TooLarge,
    /// A network failure or the time limit.
    Failed,
    /// Not in a browser.
    Unavailable,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Status(status) => write!(f, "HTTP {status}"),
            FetchError::TooLarge => f.write_str("too large"),
            FetchError::Failed => f.write_str("could not be fetched"),
            FetchError::Unavailable => f.write_str("no network outside a browser"),
        }
    }
}

/// How long loading a file (replacement content and its checker together)
/// may take before the guide goes on without it.
pub const TIME_LIMIT_MS: u32 = 10_000;
