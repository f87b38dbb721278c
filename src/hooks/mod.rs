//! Custom hooks, one per file.

mod use_document_lang;

pub use use_document_lang::use_document_lang;
