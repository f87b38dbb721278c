use std::rc::Rc;

use signpost_engine::Content;
use signpost_engine::directory::Directory;
use yew::prelude::*;

/// The crisis directory (`crate::content::directory`): what is known now, and
/// a re-render with every country's numbers once the file is here.
#[hook]
pub fn use_directory(content: &Content) -> Rc<Directory> {
    let directory = use_state(|| crate::content::directory::current(content));
    {
        let directory = directory.clone();
        use_effect_with((), move |_| {
            if directory.countries.is_empty() {
                crate::content::directory::when_loaded(move |d| directory.set(d));
            }
        });
    }
    (*directory).clone()
}
