//! The crisis directory, which the browser build does not embed: the build
//! writes it as one text file (`prerender directory`, named
//! `directory-<hash>.txt`) that the failure screens read too. Every
//! visitor's guide fetches it as it starts, before the visitor has said
//! anything, so the request a server or host page sees is the same for
//! everyone; the service worker precaches it for offline visits. Until it
//! is here (or if it never comes) the guide shows the clinic's contacts
//! and the number any mobile phone dials (the content's
//! `mobile_emergency`). Native builds read the content's own directory.

use std::cell::{Cell, RefCell};
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

/// The built-in directory, where the build embeds it (natively: the
/// prerender writes the browser's file from it).
pub fn builtin() -> Option<Rc<Directory>> {
    thread_local! {
        static BUILTIN: Option<Rc<Directory>> = crate::platform::builtin_directory().and_then(|bytes| {
            let content = crate::content::builtin::shared().ok()?;
            let content = signpost_engine::compiled::with_directory((*content).clone(), bytes);
            Some(Rc::new(Directory::from_content(&content)))
        });
    }
    BUILTIN.with(Clone::clone)
}

type Waiting = Vec<Box<dyn FnOnce(Rc<Directory>)>>;

thread_local! {
    static LOADED: RefCell<Option<Rc<Directory>>> = const { RefCell::new(None) };
    static WAITING: RefCell<Waiting> = RefCell::default();
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

fn loaded() -> Option<Rc<Directory>> {
    LOADED.with_borrow(Clone::clone).or_else(builtin)
}

/// Calls `then` once the file has loaded (at once if it has).
pub fn when_loaded(then: impl FnOnce(Rc<Directory>) + 'static) {
    match loaded() {
        Some(d) => then(d),
        None => WAITING.with_borrow_mut(|w| w.push(Box::new(then))),
    }
}

/// Fetches the file at `url` once per page, however many guides it has.
pub fn start(url: &str) {
    if STARTED.replace(true) || builtin().is_some() {
        return;
    }
    let url = url.to_string();
    yew::platform::spawn_local(async move {
        match read(&url).await {
            Ok(directory) => {
                let directory = Rc::new(directory);
                LOADED.set(Some(directory.clone()));
                for then in WAITING.take() {
                    then(directory.clone());
                }
            }
            Err(why) => crate::platform::error(&format!(
                "Signpost: the crisis directory {url} could not be loaded ({why}); showing the clinic's contacts and the number any mobile phone dials."
            )),
        }
    });
}

async fn read(url: &str) -> Result<Directory, String> {
    let bytes = crate::platform::fetch(url, &crate::platform::Deadline::start())
        .await
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not text".to_string())?;
    Directory::from_text(&text).ok_or_else(|| "not a Signpost directory".to_string())
}
