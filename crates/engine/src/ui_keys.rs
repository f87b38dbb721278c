//! The interface texts the browser guide needs from the content's `[ui]`
//! table. Kept here so the native checker can report a missing one before a
//! clinic's file reaches a visitor.

pub const UI_KEYS: &[&str] = &[
    "language",
    "welcome_title",
    "welcome_what",
    "welcome_time",
    "privacy_promise",
    "urgent_now",
];
