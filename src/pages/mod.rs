//! Whole screens, one per file.

mod welcome;

pub use welcome::Welcome;
