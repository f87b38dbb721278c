//! The guide's content as the browser gets it: the built-in content
//! (`builtin`, English embedded), the other languages' files
//! (`languages`), and the crisis directory's file (`directory`), each
//! fetched as the guide starts, the same requests for every visitor.

pub mod builtin;
pub mod directory;
pub mod languages;
