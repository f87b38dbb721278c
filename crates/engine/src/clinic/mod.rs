//! What a clinic configures: its contacts, country, theme and options,
//! read from its JSON configuration and checked.

pub mod config;
pub mod theme;
pub mod value;
