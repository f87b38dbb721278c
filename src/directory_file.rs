//! The crisis directory, which the browser build does not embed: the build
//! writes it as one text file (`prerender directory`, named
//! `directory-<hash>.txt`) that the failure screens read too. Every
//! visitor's guide fetches it as it starts, before the visitor has said
//! anything, so the request a server or host page sees is the same for
//! everyone; the service worker precaches it for offline visits. Until it
//! is here (or if it never comes) the guide shows the clinic's contacts
//! and the number any mobile phone dials (the content's
//! `mobile_emergency`). Native builds read the content's own directory.

use std::rc::Rc;

use signpost_engine::Content;
use signpost_engine::directory::Directory;

/// The directory as far as it is known: the whole one once loaded, else
/// the number any mobile phone dials.
pub fn current(content: &Content) -> Rc<Directory> {
    loaded().unwrap_or_else(|| {
        Rc::new(Directory {
            mobile: content.mobile_emergency.as_ref().map(|m| m.number.clone()),
            mobile_checked: content.mobile_emergency.as_ref().map(|m| m.checked.clone()),
            ..Directory::default()
        })
    })
}

/// The built-in directory, natively (the prerender writes the browser's
/// file from it).
#[cfg(not(target_arch = "wasm32"))]
pub fn native() -> Rc<Directory> {
    loaded().unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn loaded() -> Option<Rc<Directory>> {
    thread_local! {
        static NATIVE: Option<Rc<Directory>> = crate::builtin::shared().ok().map(|c| {
            let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/directory.bin"));
            let content = signpost_engine::compiled::with_directory((*c).clone(), bytes);
            Rc::new(Directory::from_content(&content))
        });
    }
    NATIVE.with(Clone::clone)
}

/// Calls `then` once the file has loaded (at once if it has).
#[cfg(not(target_arch = "wasm32"))]
pub fn when_loaded(_: impl FnOnce(Rc<Directory>) + 'static) {}

/// Off the browser there is nothing to fetch: the content has it.
#[cfg(not(target_arch = "wasm32"))]
pub fn start(_: &str) {}

#[cfg(target_arch = "wasm32")]
pub use browser::{start, when_loaded};

#[cfg(target_arch = "wasm32")]
use browser::loaded;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use signpost_engine::directory::Directory;

    type Waiting = Vec<Box<dyn FnOnce(Rc<Directory>)>>;

    thread_local! {
        static LOADED: RefCell<Option<Rc<Directory>>> = const { RefCell::new(None) };
        static WAITING: RefCell<Waiting> = RefCell::default();
        static STARTED: Cell<bool> = const { Cell::new(false) };
    }

    pub(super) fn loaded() -> Option<Rc<Directory>> {
        LOADED.with_borrow(Clone::clone)
    }

    pub fn when_loaded(then: impl FnOnce(Rc<Directory>) + 'static) {
        match loaded() {
            Some(d) => then(d),
            None => WAITING.with_borrow_mut(|w| w.push(Box::new(then))),
        }
    }

    /// Fetches the file at `url` once per page, however many guides it has.
    pub fn start(url: &str) {
        if STARTED.replace(true) {
            return;
        }
        let url = url.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            match read(&url).await {
                Ok(directory) => {
                    let directory = Rc::new(directory);
                    LOADED.set(Some(directory.clone()));
                    for then in WAITING.take() {
                        then(directory.clone());
                    }
                }
                Err(why) => crate::log::error(&format!(
                    "Signpost: the crisis directory {url} could not be loaded ({why}); showing the clinic's contacts and the number any mobile phone dials."
                )),
            }
        });
    }

    async fn read(url: &str) -> Result<Directory, String> {
        use crate::embed::replacement::{Fetch, deadline, fetch};
        let bytes = fetch(url, &deadline()).await.map_err(|e| match e {
            Fetch::Status(status) => format!("HTTP {status}"),
            Fetch::TooLarge => "too large".into(),
            Fetch::Failed => "could not be fetched".into(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| "not text".to_string())?;
        Directory::from_text(&text).ok_or_else(|| "not a Signpost directory".to_string())
    }
}
