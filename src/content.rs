//! The content the guide shows: compiled from content/*.toml by build.rs,
//! embedded in the wasm, decoded and validated once at start-up.

use std::rc::Rc;

use signpost_engine::{Content, Locale, Problems, Text, compiled};
use yew::prelude::*;

static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// Decodes the built-in content.
pub fn builtin() -> Result<Content, Problems> {
    compiled::from_bytes(BUILTIN)
}

/// What every component needs to show text: the content and the locale.
#[derive(Clone, Debug)]
pub struct Guide {
    pub content: Rc<Content>,
    pub locale: Locale,
}

impl PartialEq for Guide {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content) && self.locale == other.locale
    }
}

impl Guide {
    /// A text in the current locale.
    pub fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.locale)
    }

    /// An interface text (`[ui]` in content/guide.toml) in the current locale.
    pub fn ui(&self, key: &str) -> &str {
        self.content.ui(key).get(self.locale)
    }
}

/// The guide's content and locale, from the nearest `ContextProvider<Guide>`.
#[hook]
pub fn use_guide() -> Guide {
    use_context::<Guide>().expect("components are rendered inside App, which provides Guide")
}
