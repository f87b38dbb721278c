//! Content files in and out: `load` reads the TOML files (natively: the
//! build, the checker, the studio) and `compiled` the bytes the browser
//! decodes (with `decode`, a reader of postcard's format written for
//! size); both validate what they read, so this sits above `validate/`.

pub mod compiled;
pub mod decode;
#[cfg(feature = "toml")]
pub mod load;
