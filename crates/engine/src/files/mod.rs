//! Content files in and out: `load` reads the TOML files (natively: the
//! build, the checker, the studio) and `compiled` the bytes the browser
//! decodes; both validate what they read, so this sits above `validate/`.

pub mod compiled;
#[cfg(feature = "toml")]
pub mod load;
