//! The built-in content: compiled from content/*.toml by build.rs (which
//! validated it and proved its safeguards), embedded in the wasm and
//! decoded once per page.

use std::rc::Rc;

use signpost_engine::{Content, Problems, compiled};

static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// Decodes the built-in content. build.rs validated it when it compiled
/// it, so it is not validated again here (that keeps the validator out of
/// the visitor's download).
pub fn decode() -> Result<Content, Problems> {
    compiled::from_trusted_bytes(BUILTIN)
}

thread_local! {
    static SHARED: Result<Rc<Content>, Problems> = decode().map(Rc::new);
}

/// The built-in content, decoded once per page however many guides it shows.
pub fn shared() -> Result<Rc<Content>, Problems> {
    SHARED.with(Clone::clone)
}
