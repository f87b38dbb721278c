use signpost_engine::Locale;
use yew::prelude::*;

use crate::content::languages::{LanguageFiles, load};
use crate::state::{Action, Session};

/// Where a language switch stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Switching {
    #[default]
    Done,
    /// The language's file is still on its way.
    Loading(Locale),
    /// Its file could not be loaded (offline on a first visit, say): the
    /// guide stays in the language it was in.
    Failed(Locale),
}

/// Switching language: at once when the text is here (replacement content
/// has every language, English is embedded, the others were fetched as the
/// guide started), otherwise once its file has arrived. Only the visitor's
/// last choice is applied.
#[hook]
pub fn use_language(
    session: UseReducerDispatcher<Session>,
    files: LanguageFiles,
    builtin: bool,
) -> (Callback<Locale>, Switching) {
    let status = use_state_eq(Switching::default);
    let wanted = use_mut_ref(|| None::<Locale>);
    let setter = status.setter();
    let switch = use_callback((files, builtin), move |locale: Locale, (files, builtin)| {
        *wanted.borrow_mut() = Some(locale);
        if !*builtin || crate::content::builtin::in_locale(locale).is_some() {
            session.dispatch(Action::SetLocale(locale));
            setter.set(Switching::Done);
            return;
        }
        setter.set(Switching::Loading(locale));
        let (files, session, setter, wanted) = (
            files.clone(),
            session.clone(),
            setter.clone(),
            wanted.clone(),
        );
        yew::platform::spawn_local(async move {
            let loaded = load(locale, &files).await;
            if *wanted.borrow() != Some(locale) {
                return; // the visitor has chosen again since
            }
            match loaded {
                Ok(_) => {
                    session.dispatch(Action::SetLocale(locale));
                    setter.set(Switching::Done);
                }
                Err(why) => {
                    crate::platform::error(&format!(
                        "Signpost: {} could not be loaded ({why})",
                        locale.autonym()
                    ));
                    setter.set(Switching::Failed(locale));
                }
            }
        });
    });
    (switch, *status)
}
