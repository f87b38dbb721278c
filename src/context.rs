//! The two contexts every component reads: [`Guide`] (the content, the
//! locale, the clinic's configuration and the country whose numbers are
//! shown) and the visitor's [`Session`] with its dispatcher.

use std::rc::Rc;

use signpost_engine::directory::{ContactSet, Country, Directory, LinesFirst, contact_set};
use signpost_engine::{Content, Locale, Text, Ui};
use yew::prelude::*;

pub use signpost_engine::config::{Clinic, Config, CrisisContact};

use crate::state::Session;

/// What every component needs to show text: the content, the locale and
/// the clinic's configuration.
#[derive(Clone, Debug)]
pub struct Guide {
    pub content: Rc<Content>,
    pub locale: Locale,
    pub config: Rc<Config>,
    pub remember: Remember,
    /// Every country's numbers (`crate::content::directory`).
    pub directory: Rc<Directory>,
    /// The country whose crisis numbers are shown (clinic, visitor, device:
    /// `signpost_engine::directory::choose_country`); `None` when unknown.
    pub country: Option<AttrValue>,
    /// The support options' pages could not be loaded
    /// (`hooks::use_full_text`): they say so instead of showing blanks.
    pub prose_failed: bool,
}

/// Where remembered answers would live, which decides what the visitor is told.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Remember {
    /// Not offered (the custom element, unless the clinic allows it):
    /// nothing is read from or written to storage.
    #[default]
    Off,
    /// The guide's own page: this device, this browser.
    Device,
    /// The custom element: the host website's storage in this browser.
    Site,
}

impl PartialEq for Guide {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.locale == other.locale
            && self.remember == other.remember
            && Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.directory, &other.directory)
            && self.country == other.country
            && self.prose_failed == other.prose_failed
    }
}

impl Guide {
    /// A text in the current locale.
    pub fn text<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.locale)
    }

    /// An interface text (`[ui]` in content/guide.toml) in the current locale.
    pub fn ui(&self, key: Ui) -> &str {
        self.content.ui(key).get(self.locale)
    }

    /// An interface text with `{name}`-style slots filled in.
    pub fn ui_with(&self, key: Ui, slots: &[(&str, &str)]) -> String {
        slots.iter().fold(self.ui(key).to_string(), |s, (k, v)| {
            s.replace(&format!("{{{k}}}"), v)
        })
    }

    /// The emergency numbers and crisis lines to show, for the chosen
    /// country in the current language, with the clinic's contacts.
    pub fn contacts(&self, first: LinesFirst) -> ContactSet {
        let country = self.country_entry();
        contact_set(
            &self.directory,
            self.config.clinic_contacts(self.locale),
            country,
            first,
        )
    }

    /// The directory's entry for the country the crisis numbers are for.
    pub fn country_entry(&self) -> Option<&Country> {
        self.country
            .as_deref()
            .and_then(|c| self.directory.country(c))
    }
}

/// The guide's content and locale, from the nearest `ContextProvider<Guide>`.
#[hook]
pub fn use_guide() -> Guide {
    use_context::<Guide>().expect("components are rendered inside App, which provides Guide")
}

/// The visitor's session and its dispatcher.
pub type SessionHandle = UseReducerHandle<Session>;

#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>()
        .expect("components are rendered inside App, which provides the session")
}

/// A phone number as a `tel:` URL (the engine's, shared with the crisis
/// contact lists).
pub use signpost_engine::directory::tel_href as tel;
