//! For the people who write content, never the visitor: readability
//! measures and the content report. Behind the `authoring` feature: the
//! browser builds never compile it.

pub mod readability;
pub mod report;
