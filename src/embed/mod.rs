//! The embedding layer: how the guide gets onto a page. The standalone page
//! (and so the iframe) and the `<signpost-guide>` custom element both come
//! here for their settings; everything below `App` is the same for both.
//! JavaScript glue lives in `embed/` at the repository root.

pub mod content;
pub mod device;
pub mod frame;
pub mod json;
pub mod settings;

pub use settings::{Settings, settings};
