//! Custom hooks, one per file.

mod use_directory;
mod use_document_lang;
mod use_focus_on_change;
mod use_full_text;
mod use_language;
mod use_leave_quickly;
mod use_request_count;

pub use use_directory::use_directory;
pub use use_document_lang::use_document_lang;
pub use use_focus_on_change::use_focus_on_change;
pub use use_full_text::use_full_text;
pub use use_language::{Switching, use_language};
pub use use_leave_quickly::{Leaving, use_leave_quickly};
pub use use_request_count::use_request_count;
