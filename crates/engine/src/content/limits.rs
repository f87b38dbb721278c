//! Limits every content file keeps: the validator refuses content beyond
//! them, and scoring and the proof rely on them. Here, with the model,
//! so that neither depends on the other for them.

/// Options are held as bits of a `u64` (`score::OptionSet`).
pub const MAX_OPTIONS: usize = 64;
/// A multiple-choice question with more answers than this has too many
/// combinations for the safeguard proof to enumerate (2^16 subsets).
pub const MAX_MULTI_ANSWERS: usize = 16;
