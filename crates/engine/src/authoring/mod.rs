//! For the people who write content, never the visitor: readability
//! measures and the content report.

pub mod readability;
#[cfg(feature = "toml")]
pub mod report;
