//! What the answers mean: the visit's answers, scoring and ranking, and
//! the proof that the content's safeguards hold over every answer set.

pub mod answers;
pub mod prove;
pub mod score;
