//! What the guide says and asks: the content model and its text, the
//! interface's words, and the limits every content file keeps. Reading
//! and writing content files is `files/`, which validates what it reads.

pub mod limits;
pub mod locale;
pub mod model;
pub mod problem;
pub mod text;
pub mod ui_keys;
